using HubAspire.Core.Aggregations;
using static HubAspire.Core.Presentation.Rounding;

namespace HubAspire.Core.Presentation;

/// <summary>
/// <c>/api/kpis</c>: every KPI of <see cref="Kpis"/> (and <see cref="Kpis.TotalRecords"/>) in
/// this order — the original's 16, then ours — with API.md's rounding: rates in %, money 2 dp.
/// </summary>
public static class KpiPresentation
{
    public static readonly IReadOnlyList<(string Key, Rounding Rounding)> Fields =
    [
        ("total_revenue", Money),
        ("won_revenue", Money),
        ("pipeline_value", Money),
        ("win_rate", Percent),
        ("avg_deal_size", Money),
        ("total_contacts", Count),
        ("total_companies", Count),
        ("total_deals", Count),
        ("conversion_rate", FinePercent),
        ("bounce_rate", Percent),
        ("total_sessions", Count),
        ("avg_csat", OneDecimal),
        ("sla_compliance", Percent),
        ("total_tickets", Count),
        ("email_open_rate", Percent),
        ("email_click_rate", Percent),
        ("open_pipeline_value", Money),
        ("total_marketing_events", Count),
        ("total_email_events", Count),
        (Kpis.TotalRecords, Count),
        ("email_bounce_rate", Percent),
        ("avg_resolution_hours", OneDecimal),
    ];

    /// <summary>Each field's shown value, in <see cref="Fields"/> order.</summary>
    public static IReadOnlyList<KeyValuePair<string, double?>> Present(IReadOnlyList<CubeCells> cubes, MonthRange months)
    {
        var kpis = CubeEvaluator.EvaluateKpis(cubes, months);
        return [.. Fields.Select(f => KeyValuePair.Create(f.Key, f.Rounding.Apply(kpis[f.Key])))];
    }
}
