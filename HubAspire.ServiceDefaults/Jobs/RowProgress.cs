using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace HubAspire.Jobs;

/// <summary>
/// Progress of a job that works through every entity's rows (the generator writing, the ETL
/// reading): the rows metric, one log line per finished entity (rows, rows/s, overall percent),
/// and an overall line with an ETA every 2 s, so a long run is never silent.
/// </summary>
public sealed class RowProgress : IDisposable
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(2);

    private readonly ILogger _logger;
    private readonly string _verb;
    private readonly Counter<long> _metric;
    private readonly IReadOnlyDictionary<string, long> _rowsPerEntity;
    private readonly Dictionary<string, (long Rows, TimeSpan Started)> _entities = [];
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly long _totalRows;
    private long _rowsDone;

    /// <param name="verb">What happens to the rows, as a past participle: "generated", "read".</param>
    /// <param name="rowsPerEntity">Every entity's row count: an entity is finished when all its rows are counted.</param>
    /// <param name="metric">Counts rows, tagged with <c>entity</c>.</param>
    public RowProgress(ILogger logger, string verb, IReadOnlyDictionary<string, long> rowsPerEntity, Counter<long> metric)
    {
        _logger = logger;
        _verb = verb;
        _rowsPerEntity = rowsPerEntity;
        _metric = metric;
        _totalRows = rowsPerEntity.Values.Sum();
        _timer = new Timer(_ => ReportOverall(), null, ReportEvery, ReportEvery);
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Marks the start of work on an entity (its first file), for its rows/s. Idempotent.</summary>
    public void Start(string entity)
    {
        lock (_lock)
        {
            _entities.TryAdd(entity, (0, _clock.Elapsed));
        }
    }

    /// <summary>Counts rows of <paramref name="entity"/>; logs the entity's line when they were its last.</summary>
    public void Add(string entity, int rows)
    {
        _metric.Add(rows, new KeyValuePair<string, object?>("entity", entity));
        var done = Interlocked.Add(ref _rowsDone, rows);
        (long Rows, TimeSpan Started) state;
        lock (_lock)
        {
            state = _entities.TryGetValue(entity, out var previous) ? previous : (0, TimeSpan.Zero);
            _entities[entity] = state = (state.Rows + rows, state.Started);
        }

        if (state.Rows == _rowsPerEntity[entity])
        {
            var seconds = (_clock.Elapsed - state.Started).TotalSeconds;
            _logger.LogInformation(
                "{Entity}: {Rows:N0} rows {Verb} in {Seconds:F2} s ({RowsPerSecond:N0} rows/s); {Percent:F0}% of {Total:N0} rows done",
                entity, state.Rows, _verb, seconds, state.Rows / Math.Max(seconds, 1e-6), 100.0 * done / _totalRows, _totalRows);
        }
    }

    private void ReportOverall()
    {
        var done = Interlocked.Read(ref _rowsDone);
        var rate = done / Math.Max(_clock.Elapsed.TotalSeconds, 1e-6);
        _logger.LogInformation("{Verb} {Done:N0} of {Total:N0} rows ({Percent:F0}%), {RowsPerSecond:N0} rows/s, about {Eta:F0} s left",
            char.ToUpperInvariant(_verb[0]) + _verb[1..], done, _totalRows, 100.0 * done / _totalRows, rate,
            rate > 0 ? (_totalRows - done) / rate : double.NaN);
    }

    public void Dispose() => _timer.Dispose();
}
