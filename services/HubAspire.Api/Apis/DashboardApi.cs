using HubAspire.Api.Responses;
using HubAspire.Core.Presentation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HubAspire.Api.Apis;

/// <summary>
/// API.md's endpoints under <c>/api</c>: one route per entry of <see cref="ChartCatalog.All"/>
/// (JSON, or CSV with <c>?format=csv</c>), then the KPIs, the whole dashboard, the served run
/// and the metadata. Every one takes <c>from</c>/<c>to</c> and answers through <see cref="ApiRequest.RespondAsync{TState}"/>.
/// </summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        foreach (var chart in ChartCatalog.All)
        {
            api.MapGet(chart.Route, ([AsParameters] ApiRequest request) => GetChart(chart, request))
                .WithName(OperationName(chart.Route))
                .WithSummary($"{chart.Source.Name} (aggregation #{chart.Source.Number}) by {chart.LabelColumn}")
                .WithDescription(Describe(chart))
                .WithTags(chart.Source.Cube.Name)
                .WithMetadata(chart)
                .Answers(ApiResponse.Json, ApiResponse.Csv);
        }

        api.MapGet("kpis", GetKpis)
            .WithName("Kpis")
            .WithSummary("The KPI fields over the period, with the preceding period of equal length when a period is given")
            .WithTags("overview")
            .Answers(ApiResponse.Json);
        api.MapGet("dashboard", GetDashboard)
            .WithName("Dashboard")
            .WithSummary("Every dashboard key in one object, each equal to its own endpoint's JSON")
            .WithTags("overview")
            .Answers(ApiResponse.Json);
        api.MapGet("runs/latest", GetLatestRun)
            .WithName("LatestRun")
            .WithSummary("The ETL run being served: dataset, times, rows per entity, duration per phase (the period is validated, not applied)")
            .WithTags("overview")
            .Answers(ApiResponse.Json);
        api.MapGet("meta", GetMeta)
            .WithName("Meta")
            .WithSummary("The data range and, per entity, the dimension values present in the period")
            .WithTags("overview")
            .Answers(ApiResponse.Json);

        return app;
    }

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> GetChart(ChartDefinition chart, [AsParameters] ApiRequest request) =>
        request.RespondAsync(chart.Path, csvOffered: true, chart, static (run, key, s) => Renderers.Chart(run, key, s.State, s.Query));

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> GetKpis([AsParameters] ApiRequest request) =>
        request.RespondAsync(Renderers.KpisPath, csvOffered: false, 0, static (run, key, s) => Renderers.Kpis(run, key, s.Query));

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> GetDashboard([AsParameters] ApiRequest request) =>
        request.RespondAsync("/api/dashboard", csvOffered: false, 0, static (run, key, s) => Renderers.Dashboard(run, key, s.Query));

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> GetLatestRun([AsParameters] ApiRequest request) =>
        request.RespondAsync("/api/runs/latest", csvOffered: false, 0, static (run, key, _) => Renderers.LatestRun(run, key));

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> GetMeta([AsParameters] ApiRequest request) =>
        request.RespondAsync("/api/meta", csvOffered: false, 0, static (run, key, s) => Renderers.Meta(run, key, s.Query));

    /// <summary>What every endpoint may answer: its content, 304 for a matching ETag, and the problems.</summary>
    private static RouteHandlerBuilder Answers(this RouteHandlerBuilder endpoint, string contentType, params string[] moreContentTypes) =>
        endpoint
            .Produces(StatusCodes.Status200OK, contentType: contentType, additionalContentTypes: moreContentTypes)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary><c>email/by-hour</c> → <c>EmailByHour</c>.</summary>
    private static string OperationName(string route) =>
        string.Concat(route.Split('/', '-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static string Describe(ChartDefinition chart)
    {
        var keys = chart.Shape == ChartShape.Columns
            ? "labels, " + string.Join(", ", chart.Series.Select(s => s.Name))
            : "labels, datasets: [{label, data}] with the datasets " + string.Join(", ", chart.Series.Select(s => $"\"{s.Name}\""));
        var key = chart.DashboardKey is null ? "" : $" Dashboard key: {chart.DashboardKey}.";
        return $"JSON keys: {keys}. One label per {chart.LabelColumn}. With format=csv: a header row ({chart.LabelColumn}, then one column per series) and one row per label.{key}";
    }
}
