using System.Text.Json;
using HubAspire.Core.Aggregations;
using HubAspire.Store;

namespace HubAspire.Api.Responses;

/// <summary><c>/api/runs/latest</c>: the run being served, as the store records it (the manifest's path on the server is left out).</summary>
public static class RunJson
{
    public static void Write(Utf8JsonWriter writer, RunInfo run)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", run.Id);
        writer.WriteString("status", run.Status.ToString().ToLowerInvariant());
        writer.WriteStartObject("dataset");
        writer.WriteNumber("seed", run.Dataset.Seed);
        writer.WriteNumber("scale", run.Dataset.Scale);
        writer.WriteString("generator_version", run.Dataset.GeneratorVersion);
        writer.WriteString("manifest_created_at", run.Dataset.ManifestCreatedAt);
        writer.WriteNumber("total_rows", run.Dataset.TotalRows);
        writer.WriteEndObject();
        writer.WriteString("started_at", run.StartedAt);
        if (run.FinishedAt is { } finished)
        {
            writer.WriteString("finished_at", finished);
        }
        else
        {
            writer.WriteNull("finished_at");
        }

        writer.WriteStartObject("rows_per_entity");
        // In the schema's entity order (the store keeps them as a JSON object, in its own order).
        foreach (var (entity, rows) in (run.RowsPerEntity ?? new Dictionary<string, long>()).OrderBy(e => EntityOrder(e.Key)).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WriteNumber(entity, rows);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("phase_durations_ms");
        foreach (var (phase, duration) in run.PhaseDurations ?? new Dictionary<string, TimeSpan>())
        {
            writer.WriteNumber(phase, duration.TotalMilliseconds);
        }

        writer.WriteEndObject();
        writer.WriteString("trace_id", run.Trace.TraceId);
        writer.WriteEndObject();
    }

    private static int EntityOrder(string entity)
    {
        var index = Cubes.All.ToList().FindIndex(c => c.Name == entity);
        return index < 0 ? int.MaxValue : index;
    }
}
