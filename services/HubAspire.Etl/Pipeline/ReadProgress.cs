using System.Diagnostics;
using HubAspire.Etl.Telemetry;
using Microsoft.Extensions.Logging;

namespace HubAspire.Etl.Pipeline;

/// <summary>Rows read per entity: the metric, one log line per finished entity, and an overall line with an ETA every 2 s.</summary>
public sealed class ReadProgress : IDisposable
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(2);

    private readonly ILogger _logger;
    private readonly long _totalRows;
    private readonly IReadOnlyDictionary<string, long> _rowsPerEntity;
    private readonly Dictionary<string, long> _readPerEntity = [];
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private long _rowsDone;

    public ReadProgress(ILogger logger, IReadOnlyDictionary<string, long> rowsPerEntity)
    {
        _logger = logger;
        _rowsPerEntity = rowsPerEntity;
        _totalRows = rowsPerEntity.Values.Sum();
        _timer = new Timer(_ => ReportOverall(), null, ReportEvery, ReportEvery);
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    public void RowsRead(string entity, int rows)
    {
        EtlTelemetry.RowsRead.Add(rows, new KeyValuePair<string, object?>("entity", entity));
        var done = Interlocked.Add(ref _rowsDone, rows);
        long entityDone;
        lock (_lock)
        {
            entityDone = _readPerEntity[entity] = _readPerEntity.GetValueOrDefault(entity) + rows;
        }

        if (entityDone == _rowsPerEntity[entity])
        {
            var seconds = _clock.Elapsed.TotalSeconds;
            _logger.LogInformation("{Entity}: {Rows:N0} rows read; {Percent:F0}% of {Total:N0} rows done, {RowsPerSecond:N0} rows/s overall",
                entity, entityDone, 100.0 * done / _totalRows, _totalRows, done / Math.Max(seconds, 1e-6));
        }
    }

    private void ReportOverall()
    {
        var done = Interlocked.Read(ref _rowsDone);
        var rate = done / Math.Max(_clock.Elapsed.TotalSeconds, 1e-6);
        _logger.LogInformation("Read {Done:N0} of {Total:N0} rows ({Percent:F0}%), {RowsPerSecond:N0} rows/s, about {Eta:F0} s left",
            done, _totalRows, 100.0 * done / _totalRows, rate, rate > 0 ? (_totalRows - done) / rate : double.NaN);
    }

    public void Dispose() => _timer.Dispose();
}
