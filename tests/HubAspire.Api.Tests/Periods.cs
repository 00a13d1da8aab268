using HubAspire.Api.Tests.Support;

namespace HubAspire.Api.Tests;

/// <summary>The periods every figure is checked over: the data range is 2023-01 … 2025-12.</summary>
public static class Periods
{
    public static readonly (string Name, string? From, string? To)[] All =
    [
        ("whole range", null, null),
        ("a range", "2024-03", "2024-08"),
        ("one month", "2025-12", "2025-12"),
        ("open start", null, "2023-02"),
        ("open end", "2025-07", null),
        ("no data", "2030-01", "2030-06"),
    ];

    public static int? Month(string? text) => text is null ? null : int.Parse(text[..4]) * 12 + int.Parse(text[5..]) - 1;

    /// <summary>API.md's chart endpoints: the original's 21 and our /api/revenue/quarterly.</summary>
    public static readonly string[] ChartPaths =
    [
        "/api/revenue-trend", "/api/deals/stages", "/api/deals/region", "/api/deals/industry", "/api/deals/pipeline",
        "/api/marketing/channels", "/api/marketing/trend", "/api/marketing/events", "/api/email/performance", "/api/email/trend",
        "/api/email/by-hour", "/api/contacts/lifecycle", "/api/contacts/source", "/api/support/category", "/api/support/priority",
        "/api/web/pages", "/api/web/country", "/api/web/device", "/api/web/trend", "/api/companies/industry", "/api/companies/region",
        "/api/revenue/quarterly",
    ];

    public static readonly string[] OtherPaths = ["/api/kpis", "/api/dashboard", "/api/runs/latest", "/api/meta"];

    public static IEnumerable<string> AllPaths => ChartPaths.Concat(OtherPaths);

    public static TheoryData<string> Charts => new(ChartPaths);

    public static TheoryData<string> Endpoints => new(AllPaths);

    public static TheoryData<string, string?, string?> Ranges => new(All.Select(r => new TheoryDataRow<string, string?, string?>(r.Name, r.From, r.To)));

    public static Dictionary<string, ExpectedChart> Expected(RawRows raw, string? from, string? to) => ExpectedApi.Charts(raw, Month(from), Month(to));
}
