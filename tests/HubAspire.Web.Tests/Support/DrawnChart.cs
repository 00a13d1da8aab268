using System.Text.Json;
using Microsoft.Playwright;

namespace HubAspire.Web.Tests.Support;

/// <summary>
/// A chart as Chart.js drew it, read after layout: each scale's tick texts (the callbacks' output,
/// after any thinning), the radar's labels around the circle, and the legend's entries when the
/// legend is shown. What a person reads, not the data handed to Chart.js.
/// </summary>
public sealed record DrawnChart(string Id, string Type, IReadOnlyDictionary<string, DrawnScale> Scales, IReadOnlyList<string> Legend)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The category scale: the axis the chart's labels are on.</summary>
    public DrawnScale CategoryScale => Scales.Values.Single(s => s.Type == "category");

    /// <summary>Every drawn chart on the visible tab, by id.</summary>
    public static async Task<IReadOnlyDictionary<string, DrawnChart>> ReadVisibleAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            () => {
              const text = (label) => Array.isArray(label) ? label.join(' ') : String(label);
              return JSON.stringify([...document.querySelectorAll('.panel:not([hidden]) canvas[data-chart]')]
                .map(canvas => [canvas.dataset.chart, Chart.getChart(canvas)])
                .filter(([, chart]) => chart)
                .map(([id, chart]) => ({
                  id,
                  type: chart.config.type,
                  scales: Object.fromEntries(Object.values(chart.scales).map(scale => [scale.id, {
                    type: scale.type,
                    position: scale.position,
                    ticks: scale.options.ticks.display === false ? [] : scale.ticks.map(tick => ({ value: tick.value, text: text(tick.label) })),
                    pointLabels: (scale._pointLabels ?? []).map(text),
                  }])),
                  legend: chart.options.plugins.legend.display === false ? [] : (chart.legend?.legendItems ?? []).map(item => item.text),
                })));
            }
            """);
        return JsonSerializer.Deserialize<DrawnChart[]>(json, Json)!.ToDictionary(c => c.Id);
    }
}

/// <summary>One scale of a drawn chart: its kind (category, linear, radialLinear), side, ticks and (radar) point labels.</summary>
public sealed record DrawnScale(string Type, string Position, IReadOnlyList<DrawnTick> Ticks, IReadOnlyList<string> PointLabels);

/// <summary>A tick: its value (a category's index) and the text drawn for it.</summary>
public sealed record DrawnTick(double Value, string Text);
