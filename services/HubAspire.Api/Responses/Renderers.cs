using HubAspire.Api.Queries;
using HubAspire.Api.Runs;
using HubAspire.Core.Presentation;

namespace HubAspire.Api.Responses;

/// <summary>Renders each kind of resource of a run for a query; called once per (run, resource, query), then cached.</summary>
public static class Renderers
{
    public const string KpisPath = "/api/kpis";

    /// <summary>The cache key of a resource (its path) for a query.</summary>
    public static string Key(string path, ApiQuery query) => path + "?" + query.Key;

    public static ApiResponse Chart(ServedRun run, string key, ChartDefinition chart, ApiQuery query)
    {
        var data = ChartPresenter.Present(chart, run.Cubes, query.Months);
        return query.Format == ResponseFormat.Csv
            ? new ApiResponse(ChartCsv.Write(data), ApiResponse.Csv, ChartCsv.FileName(chart, query.Months), ApiResponse.ETagFor(run.Id, key))
            : Json(run, key, writer => ChartJson.Write(writer, data));
    }

    public static ApiResponse Kpis(ServedRun run, string key, ApiQuery query) =>
        Json(run, key, writer => KpiJson.Write(writer, run.Cubes, run.DataMonths, query.Months));

    /// <summary>Every dashboard key, each the very bytes its own endpoint serves for the same query.</summary>
    public static ApiResponse Dashboard(ServedRun run, string key, ApiQuery query) =>
        Json(run, key, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("kpis");
            writer.WriteRawValue(run.GetOrRender(Key(KpisPath, query), query, static (r, k, q) => Kpis(r, k, q), out _).Body, skipInputValidation: true);
            foreach (var chart in ChartCatalog.OnDashboard)
            {
                writer.WritePropertyName(chart.DashboardKey!);
                var piece = run.GetOrRender(Key(chart.Path, query), (chart, query), static (r, k, s) => Chart(r, k, s.chart, s.query), out _);
                writer.WriteRawValue(piece.Body, skipInputValidation: true);
            }

            writer.WriteEndObject();
        });

    public static ApiResponse LatestRun(ServedRun run, string key) => Json(run, key, writer => RunJson.Write(writer, run.Info));

    public static ApiResponse Meta(ServedRun run, string key, ApiQuery query) =>
        Json(run, key, writer => MetaJson.Write(writer, run.Id, run.Cubes, run.DataMonths, query.Months));

    private static ApiResponse Json(ServedRun run, string key, Action<System.Text.Json.Utf8JsonWriter> write) =>
        new(JsonBody.Write(write), ApiResponse.Json, null, ApiResponse.ETagFor(run.Id, key));
}
