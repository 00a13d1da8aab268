using System.Text.Json;
using HubAspire.Core.Presentation;

namespace HubAspire.Api.Responses;

/// <summary>A chart's JSON: <c>labels</c>, then one array per series, or <c>datasets: [{label, data}]</c>.</summary>
public static class ChartJson
{
    public const string Labels = "labels";
    public const string Datasets = "datasets";
    public const string DatasetLabel = "label";
    public const string DatasetData = "data";

    public static void Write(Utf8JsonWriter writer, ChartData chart)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(Labels);
        foreach (var label in chart.Labels)
        {
            writer.WriteStringValue(label);
        }

        writer.WriteEndArray();
        if (chart.Chart.Shape == ChartShape.Columns)
        {
            for (var i = 0; i < chart.Series.Count; i++)
            {
                writer.WritePropertyName(chart.Chart.Series[i].Name);
                WriteValues(writer, chart.Series[i]);
            }
        }
        else
        {
            writer.WriteStartArray(Datasets);
            for (var i = 0; i < chart.Series.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString(DatasetLabel, chart.Chart.Series[i].Name);
                writer.WritePropertyName(DatasetData);
                WriteValues(writer, chart.Series[i]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter writer, double?[] values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteNumberOrNull(value);
        }

        writer.WriteEndArray();
    }
}
