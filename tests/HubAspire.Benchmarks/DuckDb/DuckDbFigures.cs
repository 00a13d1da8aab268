using System.Diagnostics;
using DuckDB.NET.Data;
using HubAspire.Benchmarks.Figures;
using HubAspire.Core.Aggregations;

namespace HubAspire.Benchmarks.DuckDb;

/// <summary>
/// DuckDB, in this process, computing the dashboard's figures (all aggregations and KPIs) from a
/// raw dataset's Parquet files: the yardstick for our ETL.
/// </summary>
public static class DuckDbFigures
{
    public static string Version()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version()";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>
    /// One timed computation, from opening a fresh in-memory database (no cached metadata) to every
    /// figure read back, with DuckDB limited to <paramref name="threads"/> threads.
    /// </summary>
    public static (DashboardFigures Figures, double Seconds) Compute(string rawDirectory, int threads)
    {
        var queries = Cubes.All.Select(cube => new CubeQuery(cube, rawDirectory)).ToList();
        var clock = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var settings = connection.CreateCommand())
        {
            settings.CommandText = $"SET threads = {threads}";
            settings.ExecuteNonQuery();
        }

        var results = queries.Select(q => q.Execute(connection)).ToList();
        var kpis = results.SelectMany(r => r.Kpis).ToDictionary();
        kpis[Kpis.TotalRecords] = results.Sum(r => r.Rows);
        var figures = new DashboardFigures(results.SelectMany(r => r.Aggregations).ToDictionary(), kpis);
        return (figures, clock.Elapsed.TotalSeconds);
    }
}
