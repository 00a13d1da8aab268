using System.Text.Json;
using HubAspire.Testing.Web;
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
                    max: scale.max,
                    ticks: scale.options.ticks.display === false ? [] : scale.ticks.map(tick => ({ value: tick.value, text: text(tick.label) })),
                    pointLabels: (scale._pointLabels ?? []).map(text),
                  }])),
                  legend: chart.options.plugins.legend.display === false ? [] : (chart.legend?.legendItems ?? []).map(item => item.text),
                })));
            }
            """);
        return JsonSerializer.Deserialize<DrawnChart[]>(json, Json)!.ToDictionary(c => c.Id);
    }

    /// <summary>
    /// Points the mouse at the chart's <paramref name="index"/>-th label (its first series' bar,
    /// point or slice, once the first-draw animation has ended) and reads the tooltip Chart.js
    /// draws: its title lines, then each item's lines (with the lines before and after them), then
    /// the lines after the body.
    /// </summary>
    public static async Task<DrawnTooltip> HoverAsync(IPage page, string id, int index)
    {
        var chart = $"Chart.getChart(document.querySelector('canvas[data-chart=\"{id}\"]'))";
        await page.EvalOnSelectorAsync($"canvas[data-chart='{id}']", "canvas => canvas.scrollIntoView({ block: 'center' })");
        await page.WaitForFunctionAsync($"() => {DashboardDom.ChartsIdle}");
        var point = await page.EvaluateAsync<double[]>($$"""
            () => {
              const chart = {{chart}};
              const element = chart.getDatasetMeta(0).data[{{index}}];
              const area = chart.chartArea;
              const { x, y } = element.tooltipPosition(true);
              const middle = [(area.left + area.right) / 2, (area.top + area.bottom) / 2];
              // Bars and lines answer anywhere along their label's line (interaction mode 'index').
              const [px, py] = chart.config.type === 'line' || chart.config.type === 'bar'
                ? (chart.options.indexAxis === 'y' ? [middle[0], y] : [x, middle[1]])
                : [x, y];
              const rect = chart.canvas.getBoundingClientRect();
              return [rect.left + px, rect.top + py];
            }
            """);
        await page.Mouse.MoveAsync((float)point[0], (float)point[1]);
        await page.WaitForFunctionAsync($"() => {chart}.tooltip.dataPoints?.[0]?.dataIndex === {index}");
        var json = await page.EvaluateAsync<string>($$"""
            () => {
              const tooltip = {{chart}}.tooltip;
              return JSON.stringify({
                title: tooltip.title,
                body: tooltip.body.flatMap(item => [...item.before, ...item.lines, ...item.after]),
                afterBody: tooltip.afterBody,
              });
            }
            """);
        return JsonSerializer.Deserialize<DrawnTooltip>(json, Json)!;
    }
}

/// <summary>One scale of a drawn chart: its kind (category, linear, radialLinear), side, top value, ticks and (radar) point labels.</summary>
public sealed record DrawnScale(string Type, string Position, double Max, IReadOnlyList<DrawnTick> Ticks, IReadOnlyList<string> PointLabels);

/// <summary>A tick: its value (a category's index) and the text drawn for it.</summary>
public sealed record DrawnTick(double Value, string Text);

/// <summary>A tooltip as drawn: title lines, body lines, and the lines after the body.</summary>
public sealed record DrawnTooltip(IReadOnlyList<string> Title, IReadOnlyList<string> Body, IReadOnlyList<string> AfterBody);
