using System.Globalization;
using System.Text;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Core.Presentation;

namespace HubAspire.Api.Responses;

/// <summary>
/// A chart as CSV (RFC 4180): a header (what a label is, then each series' name), one row per
/// label, numbers exactly as in the JSON, an empty field for a null.
/// </summary>
public static class ChartCsv
{
    public static byte[] Write(ChartData chart)
    {
        var csv = new StringBuilder();
        csv.Append(Field(chart.Chart.LabelColumn));
        foreach (var series in chart.Chart.Series)
        {
            csv.Append(',').Append(Field(series.Name));
        }

        csv.Append("\r\n");
        for (var row = 0; row < chart.Labels.Count; row++)
        {
            csv.Append(Field(chart.Labels[row]));
            foreach (var values in chart.Series)
            {
                csv.Append(',');
                if (values[row] is { } value)
                {
                    csv.Append(value.ToString(CultureInfo.InvariantCulture));
                }
            }

            csv.Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>
    /// The route with dashes, then the period when there is one: <c>deals-region.csv</c>,
    /// <c>deals-region_2024-03_to_2024-08.csv</c>, <c>deals-region_from_2024-03.csv</c>, <c>deals-region_to_2024-08.csv</c>.
    /// </summary>
    public static string FileName(ChartDefinition chart, MonthRange months)
    {
        var name = chart.Route.Replace('/', '-');
        var period = (months.From, months.To) switch
        {
            (null, null) => "",
            ({ } from, null) => $"_from_{TimeFeatures.Month(from)}",
            (null, { } to) => $"_to_{TimeFeatures.Month(to)}",
            ({ } from, { } to) => $"_{TimeFeatures.Month(from)}_to_{TimeFeatures.Month(to)}",
        };
        return name + period + ".csv";
    }

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
