using System.Text.Json;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Core.Presentation;

namespace HubAspire.Api.Responses;

/// <summary>
/// <c>/api/meta</c>: the run served, its data range (first and last month with rows; null
/// without rows), and per entity the values of each dimension present in the selected months.
/// </summary>
public static class MetaJson
{
    public static void Write(Utf8JsonWriter writer, long runId, IReadOnlyList<CubeCells> cubes, MonthSpan? data, MonthRange months)
    {
        writer.WriteStartObject();
        writer.WriteNumber("run_id", runId);
        if (data is { } span)
        {
            writer.WriteStartObject("data_range");
            writer.WriteString("first_month", TimeFeatures.Month(span.First));
            writer.WriteString("last_month", TimeFeatures.Month(span.Last));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("data_range");
        }

        writer.WriteStartObject("dimensions");
        foreach (var (entity, dimensions) in DimensionValues.Of(cubes, months))
        {
            writer.WriteStartObject(entity);
            foreach (var (dimension, labels) in dimensions)
            {
                writer.WriteStartArray(dimension);
                foreach (var label in labels)
                {
                    writer.WriteStringValue(label);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
