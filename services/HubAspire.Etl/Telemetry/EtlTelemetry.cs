using System.Diagnostics;
using System.Diagnostics.Metrics;
using HubAspire.Mapping;

namespace HubAspire.Etl.Telemetry;

/// <summary>The ETL's spans (run → entity → file; reduce; load) and metrics, under one name that ServiceDefaults exports.</summary>
public static class EtlTelemetry
{
    public const string Name = MappingTelemetry.Name;

    public static readonly ActivitySource Source = MappingTelemetry.Source;

    private static readonly Meter Meter = new(Name);

    /// <summary>Raw rows read, tagged with <c>entity</c>.</summary>
    public static readonly Counter<long> RowsRead =
        Meter.CreateCounter<long>("hubaspire.etl.rows", unit: "{row}", description: "Raw rows read and aggregated.");

    /// <summary>Wall time of a whole ETL run, tagged with <c>status</c>.</summary>
    public static readonly Histogram<double> RunDuration =
        Meter.CreateHistogram<double>("hubaspire.etl.run.duration", unit: "s", description: "Duration of an ETL run.");
}
