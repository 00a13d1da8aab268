using System.Diagnostics;
using HubAspire.Generator.Telemetry;
using Microsoft.Extensions.Logging;

namespace HubAspire.Generator.Generation;

/// <summary>
/// Counts rows as row groups are written: one log line per finished entity (rows, rows/s,
/// overall percent), a periodic overall line with an ETA for long runs, and the rows metric.
/// </summary>
public sealed class GenerationProgress : IDisposable
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(2);

    private readonly ILogger _logger;
    private readonly long _totalRows;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private long _rowsDone;

    public GenerationProgress(ILogger logger, long totalRows)
    {
        _logger = logger;
        _totalRows = totalRows;
        _timer = new Timer(_ => ReportOverall(), null, ReportEvery, ReportEvery);
    }

    public long RowsDone => Interlocked.Read(ref _rowsDone);

    public TimeSpan Elapsed => _clock.Elapsed;

    public void RowGroupWritten(string entity, int rows)
    {
        Interlocked.Add(ref _rowsDone, rows);
        GeneratorTelemetry.RowsGenerated.Add(rows, new KeyValuePair<string, object?>("entity", entity));
    }

    public void EntityFinished(string entity, long rows, TimeSpan elapsed)
    {
        _logger.LogInformation(
            "{Entity}: {Rows:N0} rows in {Seconds:F2} s ({RowsPerSecond:N0} rows/s); {Percent:F0}% of {Total:N0} rows done",
            entity, rows, elapsed.TotalSeconds, rows / Math.Max(elapsed.TotalSeconds, 1e-6),
            100.0 * RowsDone / _totalRows, _totalRows);
    }

    private void ReportOverall()
    {
        var done = RowsDone;
        var seconds = _clock.Elapsed.TotalSeconds;
        var rate = done / Math.Max(seconds, 1e-6);
        _logger.LogInformation(
            "Generated {Done:N0} of {Total:N0} rows ({Percent:F0}%), {RowsPerSecond:N0} rows/s, about {Eta:F0} s left",
            done, _totalRows, 100.0 * done / _totalRows, rate, rate > 0 ? (_totalRows - done) / rate : double.NaN);
    }

    public void Dispose() => _timer.Dispose();
}
