using System.Text.Json;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Core.Presentation;

namespace HubAspire.Api.Responses;

/// <summary>
/// <c>/api/kpis</c>: the KPI fields (<see cref="KpiPresentation.Fields"/>), then ours:
/// <c>period</c> (the months the figures cover, open ends filled from the data range) and
/// <c>previous</c> (the same fields and period for the preceding period of equal length when a
/// period is given, else null).
/// </summary>
public static class KpiJson
{
    public const string Period = "period";
    public const string Previous = "previous";

    public static void Write(Utf8JsonWriter writer, IReadOnlyList<CubeCells> cubes, MonthSpan? data, MonthRange months)
    {
        writer.WriteStartObject();
        WriteFigures(writer, cubes, data, months);
        if (DataMonths.Previous(months, data) is { } previous)
        {
            writer.WriteStartObject(Previous);
            WriteFigures(writer, cubes, data, previous);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull(Previous);
        }

        writer.WriteEndObject();
    }

    private static void WriteFigures(Utf8JsonWriter writer, IReadOnlyList<CubeCells> cubes, MonthSpan? data, MonthRange months)
    {
        foreach (var (key, value) in KpiPresentation.Present(cubes, months))
        {
            writer.WritePropertyName(key);
            writer.WriteNumberOrNull(value);
        }

        if (data is { } span)
        {
            var (from, to) = DataMonths.Bounds(months, span);
            writer.WriteStartObject(Period);
            writer.WriteString("from", TimeFeatures.Month(from));
            writer.WriteString("to", TimeFeatures.Month(to));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull(Period);
        }
    }
}
