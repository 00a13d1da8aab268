using System.Text.Json;
using Microsoft.Playwright;

namespace HubAspire.Web.Tests.Support;

/// <summary>
/// A table as the page shows it: header texts, each row's cell texts, and the drawn width of each
/// cell's inline metric bar as a percentage of its track (null for a cell without one).
/// </summary>
public sealed record ShownTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<IReadOnlyList<double?>> Bars)
{
    /// <summary>The first table inside <paramref name="container"/> (a CSS selector).</summary>
    public static async Task<ShownTable> ReadAsync(IPage page, string container)
    {
        var json = await page.EvalOnSelectorAsync<string>($"{container} table", """
            table => {
              const text = (cell) => cell.textContent.trim();
              const bar = (cell) => {
                const fill = cell.querySelector('.metric-fill');
                return fill ? (fill.getBoundingClientRect().width / fill.parentElement.getBoundingClientRect().width) * 100 : null;
              };
              const rows = [...table.tBodies[0].rows];
              return JSON.stringify({
                header: [...table.tHead.rows[0].cells].map(text),
                rows: rows.map(row => [...row.cells].map(text)),
                bars: rows.map(row => [...row.cells].map(bar)),
              });
            }
            """);
        return JsonSerializer.Deserialize<ShownTable>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}
