using System.Diagnostics;
using HubAspire.Core.Aggregations;
using HubAspire.Testing.Postgres;

namespace HubAspire.Store.Tests.Store;

/// <summary>Cells loaded by binary COPY come back with exactly their keys and sums.</summary>
public sealed class CellRoundTripTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Keys_and_sums_read_back_exactly_including_awkward_labels_and_extreme_sums()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(CellRoundTripTests));
        var cubes = TestCells.Empty();
        var deals = cubes.Single(c => c.Definition == Cubes.Deals);
        string[] labels =
        [
            "O'Brien \"quoted\" — ünïcødé 日本語 🚀", "", " leading and trailing ", "back\\slash\ttab\nnewline",
            "'; DROP TABLE runs; --", "$1", "%I %L", new string('x', 5_000),
        ];
        long[] extremes = [long.MaxValue, long.MinValue, -1, 0, 1, -9_007_199_254_740_993, 9_007_199_254_740_993];
        for (var i = 0; i < labels.Length; i++)
        {
            var sums = Enumerable.Range(0, Cubes.Deals.Measures.Count).Select(m => extremes[(i + m) % extremes.Length]).ToArray();
            deals.Add(new CellKey(1 + i % 4, TestCells.FirstMonth + i, labels[i]), sums);
        }

        // Month keys far from the data range, and the same label under two dimensions and two months.
        deals.Add(new CellKey(0, 0, CubeDefinition.AllLabel), Enumerable.Repeat(long.MinValue, Cubes.Deals.Measures.Count).ToArray());
        deals.Add(new CellKey(0, int.MaxValue, CubeDefinition.AllLabel), Enumerable.Repeat(long.MaxValue, Cubes.Deals.Measures.Count).ToArray());
        deals.Add(new CellKey(1, TestCells.FirstMonth, "Europe"), TestCells.Values(Cubes.Deals, 1));
        deals.Add(new CellKey(2, TestCells.FirstMonth, "Europe"), TestCells.Values(Cubes.Deals, 2));
        deals.Add(new CellKey(2, TestCells.FirstMonth + 1, "Europe"), TestCells.Values(Cubes.Deals, 3));
        var web = cubes.Single(c => c.Definition == Cubes.WebAnalytics);
        web.Add(new CellKey(1, TestCells.FirstMonth, "/product/crm?q=a&b='c'"), TestCells.Values(Cubes.WebAnalytics, 4));

        var (runId, completion) = await TestDatasets.CompleteRunAsync(db.Store, cubes);

        Assert.Equal(labels.Length + 6, completion.Cells);
        TestCells.AssertSame(cubes, await db.Store.ReadCubesAsync(runId, TestContext.Current.CancellationToken));
        // What a SQL reader sees: the dimension by name, the month key as is.
        Assert.Equal(long.MaxValue, await db.ScalarAsync<long>(
            "SELECT amount FROM deals_cube WHERE run_id = $1 AND dimension = 'all' AND month = $2", runId, int.MaxValue));
        Assert.Equal(1L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM deals_cube WHERE run_id = $1 AND dimension = 'region' AND label = $2", runId, labels[0]));
    }

    [Fact]
    public async Task Cubes_may_come_in_any_order_and_empty_and_are_read_in_definition_order()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(CellRoundTripTests));
        var cubes = TestCells.Small(seed: 3);
        var contacts = cubes.Single(c => c.Definition == Cubes.Contacts);
        var given = cubes.Where(c => c != contacts).Reverse().Append(new CubeCells(Cubes.Contacts)).ToList();

        var (runId, _) = await TestDatasets.CompleteRunAsync(db.Store, given);

        var read = await db.Store.ReadCubesAsync(runId, TestContext.Current.CancellationToken);
        Assert.Equal(0, read.Single(c => c.Definition == Cubes.Contacts).Count);
        TestCells.AssertSame(given, read);
    }

    [Fact]
    public async Task Each_run_reads_its_own_cells()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(CellRoundTripTests));
        var first = TestCells.Small(seed: 1);
        var second = TestCells.Small(seed: 2);

        var (firstId, _) = await TestDatasets.CompleteRunAsync(db.Store, first);
        var (secondId, _) = await TestDatasets.CompleteRunAsync(db.Store, second);

        TestCells.AssertSame(first, await db.Store.ReadCubesAsync(firstId, TestContext.Current.CancellationToken));
        TestCells.AssertSame(second, await db.Store.ReadCubesAsync(secondId, TestContext.Current.CancellationToken));
        var latest = await db.Store.ReadLatestSucceededAsync(TestContext.Current.CancellationToken);
        Assert.Equal(secondId, latest?.Run.Id);
        TestCells.AssertSame(second, latest!.Cubes);
    }

    [Fact]
    public async Task A_run_missing_a_cube_or_giving_one_twice_is_refused_and_loads_nothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(CellRoundTripTests));
        var cubes = TestCells.Small(seed: 1);
        var runId = await db.Store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, cancellationToken);

        var missing = await Assert.ThrowsAsync<ArgumentException>(() =>
            db.Store.CompleteRunAsync(runId, cubes.Take(5).ToList(), TestDatasets.Rows, TestDatasets.Phases, cancellationToken));
        Assert.StartsWith("A run needs every cube; missing: support_tickets, web_analytics.", missing.Message);
        var twice = await Assert.ThrowsAsync<ArgumentException>(() =>
            db.Store.CompleteRunAsync(runId, [.. cubes, cubes[2]], TestDatasets.Rows, TestDatasets.Phases, cancellationToken));
        Assert.StartsWith("The deals cube is given twice.", twice.Message);

        Assert.Equal(new long[7], await db.CellCountsAsync(runId));
        Assert.Equal("running", await db.StatusAsync(runId));
    }

    /// <summary>
    /// The full-scale shape (7,056 cells). Prints the time to complete a run, so the load's cost is
    /// visible in the test output; the benchmark, not this test, judges it.
    /// </summary>
    [Fact]
    public async Task A_run_of_the_full_scale_shape_round_trips()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(CellRoundTripTests));
        var timings = new List<string>();
        IReadOnlyList<CubeCells> cubes = [];
        long runId = 0;
        for (var run = 1; run <= 8; run++)
        {
            cubes = TestCells.Realistic(seed: run);
            runId = await db.Store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, cancellationToken);
            var stopwatch = Stopwatch.StartNew();
            var completion = await db.Store.CompleteRunAsync(runId, cubes, TestDatasets.Rows, TestDatasets.Phases, cancellationToken);
            timings.Add($"{stopwatch.Elapsed.TotalMilliseconds:0.0} ms");
            Assert.Equal(7_056, completion.Cells);
        }

        var read = Stopwatch.StartNew();
        var stored = await db.Store.ReadCubesAsync(runId, cancellationToken);
        var readTime = read.Elapsed;
        TestCells.AssertSame(cubes, stored);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"CompleteRunAsync with 7,056 cells (runs 1–8, pruning from run 6): {string.Join(", ", timings)}; ReadCubesAsync: {readTime.TotalMilliseconds:0.0} ms");
    }
}
