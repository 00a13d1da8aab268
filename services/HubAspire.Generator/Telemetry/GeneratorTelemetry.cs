using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HubAspire.Generator.Telemetry;

/// <summary>The generator's spans (run → entity → file) and metrics, under one name that ServiceDefaults exports.</summary>
public static class GeneratorTelemetry
{
    public const string Name = "HubAspire.Generator";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Rows written, tagged with <c>entity</c>.</summary>
    public static readonly Counter<long> RowsGenerated =
        Meter.CreateCounter<long>("hubaspire.generator.rows", unit: "{row}", description: "Rows generated and written to Parquet.");

    /// <summary>Wall time of a whole generation run.</summary>
    public static readonly Histogram<double> RunDuration =
        Meter.CreateHistogram<double>("hubaspire.generator.run.duration", unit: "s", description: "Duration of a generation run.");
}
