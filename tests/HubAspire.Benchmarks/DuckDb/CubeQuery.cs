using System.Globalization;
using DuckDB.NET.Data;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;

namespace HubAspire.Benchmarks.DuckDb;

/// <summary>
/// One DuckDB query per entity that computes, from its raw Parquet files, every aggregation of
/// <see cref="AggregationCatalog"/> on that entity and the entity's KPI totals: GROUPING SETS with
/// one set per group-by and the empty set for the totals, so DuckDB scans each file once, as our
/// ETL does. Group-bys and figures come from the catalog, so the work cannot drift from ours.
/// </summary>
public sealed class CubeQuery
{
    private const string MonthKey = "month_start", QuarterKey = "quarter_start";

    private readonly CubeDefinition _cube;
    private readonly IReadOnlyList<string> _keys;
    private readonly IReadOnlyList<(string Numerator, string? Denominator)> _metrics;

    public CubeQuery(CubeDefinition cube, string rawDirectory)
    {
        _cube = cube;
        var aggregations = AggregationCatalog.All.Where(a => a.Cube == cube).ToList();
        _keys = aggregations.Select(KeyOf).Distinct().ToList();
        // The row count first: it is the entity's share of total_records.
        _metrics = aggregations.SelectMany(a => a.Metrics)
            .Concat(Kpis.All.Where(k => k.Cube == cube).Select(k => k.Metric))
            .Select(m => (m.Numerator, m.Denominator))
            .Prepend((Measure.Rows, null))
            .Distinct()
            .ToList();
        Sql = BuildSql(rawDirectory);
    }

    public string Sql { get; }

    /// <summary>Runs the query; each aggregation's rows and the totals, as <see cref="CubeEvaluator"/> would give them.</summary>
    public CubeQueryResult Execute(DuckDBConnection connection)
    {
        var all = (1 << _keys.Count) - 1; // GROUPING(k1..kn): a bit per key, set when the key is not grouped, k1 highest
        var groups = _keys.ToDictionary(k => k, _ => new List<(string Label, double?[] Values)>());
        double?[]? totals = null;
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var values = new double?[_metrics.Count];
            for (var m = 0; m < values.Length; m++)
            {
                var column = 1 + _keys.Count + m;
                values[m] = reader.IsDBNull(column) ? null : reader.GetDouble(column);
            }

            var set = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            if (set == all)
            {
                totals = values;
                continue;
            }

            var key = _keys.Count - 1 - System.Numerics.BitOperations.Log2((ulong)(all & ~set));
            groups[_keys[key]].Add((Label(_keys[key], reader.GetValue(1 + key)), values));
        }

        return new CubeQueryResult(
            AggregationCatalog.All.Where(a => a.Cube == _cube).ToDictionary(
                a => a.Name,
                a => (IReadOnlyList<AggregationRow>)groups[KeyOf(a)].Select(g => new AggregationRow(g.Label, a.Metrics.Select(m => g.Values[IndexOf(m)]).ToList())).ToList()),
            Kpis.All.Where(k => k.Cube == _cube).ToDictionary(k => k.Name, k => totals![IndexOf(k.Metric)]),
            (long)totals![0]!.Value);
    }

    private string BuildSql(string rawDirectory)
    {
        var measures = _metrics.SelectMany(m => new[] { m.Numerator, m.Denominator }).OfType<string>().Where(m => m != Measure.Rows).Distinct();
        var rowColumns = _keys.Select(k => k switch
            {
                MonthKey => $"date_trunc('month', t) AS {MonthKey}",
                QuarterKey => $"date_trunc('quarter', t) AS {QuarterKey}",
                _ => Quote(k),
            })
            .Concat(measures.Select(m => $"{FeatureSql.Measure(_cube, m)} AS {Quote(m)}"));
        var keys = string.Join(", ", _keys.Select(Quote));
        var files = Path.Combine(rawDirectory, _cube.Name, "*.parquet").Replace("'", "''");
        // epoch_us reads the instant whatever the session's time zone: months are UTC months.
        return $"""
            SELECT GROUPING({keys}), {keys}, {string.Join(", ", _metrics.Select(Aggregate))}
            FROM (
                SELECT {string.Join(", ", rowColumns)}
                FROM (SELECT *, make_timestamp(epoch_us({Quote(_cube.MonthColumn)})) AS t FROM read_parquet('{files}'))
            )
            GROUP BY GROUPING SETS ({string.Join(", ", _keys.Select(k => $"({Quote(k)})"))}, ())
            """;
    }

    private static string Aggregate((string Numerator, string? Denominator) metric) => "CAST(" + metric switch
    {
        (Measure.Rows, null) => "count(*)",
        (var numerator, null) => $"sum({Quote(numerator)})",
        (var numerator, Measure.Rows) => $"avg({Quote(numerator)})",
        (var numerator, var denominator) => $"sum({Quote(numerator)}) / nullif(sum({Quote(denominator)}), 0)",
    } + " AS DOUBLE)";

    private int IndexOf(Metric metric)
    {
        for (var i = 0; i < _metrics.Count; i++)
        {
            if (_metrics[i] == (metric.Numerator, metric.Denominator))
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"Metric {metric.Name} is not computed by the {_cube.Name} query.");
    }

    private static string KeyOf(AggregationDefinition aggregation) => aggregation.Grouping switch
    {
        Grouping.Month => MonthKey,
        Grouping.Quarter => QuarterKey,
        _ => aggregation.Dimension!,
    };

    private static string Label(string key, object value) => key switch
    {
        MonthKey => TimeFeatures.Month(TimeFeatures.MonthKey((DateTime)value)),
        QuarterKey => TimeFeatures.Quarter(TimeFeatures.MonthKey((DateTime)value)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}

/// <summary>One entity's share of the dashboard's figures: its aggregations by name, its KPIs, its row count.</summary>
public sealed record CubeQueryResult(
    IReadOnlyDictionary<string, IReadOnlyList<AggregationRow>> Aggregations, IReadOnlyDictionary<string, double?> Kpis, long Rows);
