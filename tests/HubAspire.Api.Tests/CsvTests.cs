using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HubAspire.Api.Tests.Support;

namespace HubAspire.Api.Tests;

/// <summary>?format=csv on every chart endpoint: a header, one row per label, one column per series, the JSON's figures.</summary>
[Collection(LoadedApiCollection.Name)]
public sealed class CsvTests(LoadedApi api)
{
    /// <summary>What a label is on each chart: the CSV's first header.</summary>
    private static readonly Dictionary<string, string> LabelColumns = new()
    {
        ["/api/revenue-trend"] = "month", ["/api/deals/stages"] = "stage", ["/api/deals/region"] = "region",
        ["/api/deals/industry"] = "industry", ["/api/deals/pipeline"] = "pipeline", ["/api/marketing/channels"] = "channel",
        ["/api/marketing/trend"] = "month", ["/api/marketing/events"] = "event_type", ["/api/email/performance"] = "campaign_type",
        ["/api/email/trend"] = "month", ["/api/email/by-hour"] = "send_hour", ["/api/contacts/lifecycle"] = "lifecycle_stage",
        ["/api/contacts/source"] = "lead_source", ["/api/support/category"] = "category", ["/api/support/priority"] = "priority",
        ["/api/web/pages"] = "page_url", ["/api/web/country"] = "country", ["/api/web/device"] = "device_type",
        ["/api/web/trend"] = "month", ["/api/companies/industry"] = "industry", ["/api/companies/region"] = "region",
        ["/api/revenue/quarterly"] = "quarter",
    };

    [Theory]
    [MemberData(nameof(Periods.Charts), MemberType = typeof(Periods))]
    public async Task The_csv_has_the_json_s_labels_and_figures(string path)
    {
        foreach (var (name, from, to) in Periods.All)
        {
            var json = (await api.Client.GetOkJsonAsync(Http.WithPeriod(path, from, to))).AsObject();
            var response = await api.Client.GetAsync(Http.WithPeriod(path, from, to, "format=csv"), Http.CancellationToken);
            var what = $"{path}, {name}";

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(FileName(path, from, to), response.Content.Headers.ContentDisposition?.FileName);

            var text = await response.Content.ReadAsStringAsync(Http.CancellationToken);
            Assert.EndsWith("\r\n", text);
            var lines = text[..^2].Split("\r\n");
            var series = json.ContainsKey("datasets")
                ? json["datasets"]!.AsArray().Select(d => (Name: d!["label"]!.GetValue<string>(), Data: d["data"]!.AsArray())).ToList()
                : json.Where(p => p.Key != "labels").Select(p => (Name: p.Key, Data: p.Value!.AsArray())).ToList();
            Assert.Equal(string.Join(',', [LabelColumns[path], .. series.Select(s => s.Name)]), lines[0]);

            var labels = json["labels"]!.AsArray();
            Assert.True(labels.Count == lines.Length - 1, $"{what}: {lines.Length - 1} rows for {labels.Count} labels");
            for (var row = 0; row < labels.Count; row++)
            {
                // No label here holds a comma or a quote, so a plain split reads the row.
                var fields = lines[row + 1].Split(',');
                Assert.Equal(labels[row]!.GetValue<string>(), fields[0]);
                for (var i = 0; i < series.Count; i++)
                {
                    var value = series[i].Data[row];
                    Assert.True(value is null ? fields[i + 1] == "" : double.Parse(fields[i + 1], CultureInfo.InvariantCulture) == value.GetValue<double>(),
                        $"{what}, row {row}, {series[i].Name}: csv '{fields[i + 1]}', json {value?.ToJsonString()}");
                }
            }
        }
    }

    private static string FileName(string path, string? from, string? to)
    {
        var name = path["/api/".Length..].Replace('/', '-');
        return (from, to) switch
        {
            (null, null) => $"{name}.csv",
            (_, null) => $"{name}_from_{from}.csv",
            (null, _) => $"{name}_to_{to}.csv",
            _ => $"{name}_{from}_to_{to}.csv",
        };
    }
}
