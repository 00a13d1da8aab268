using HubAspire.Testing.Postgres;

namespace HubAspire.Store.Tests.Store;

/// <summary>Completing a run prunes old ones: the last N succeeded stay, and never the latest.</summary>
public sealed class PruningTests(PostgresFixture postgres)
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_last_five_succeeded_runs_stay_with_the_failed_and_running_runs_that_started_after_them()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(PruningTests));
        var pruned = new Dictionary<long, IReadOnlyList<long>>();
        async Task<long> Succeed(int seed)
        {
            var (runId, completion) = await TestDatasets.CompleteRunAsync(db.Store, TestCells.Small(seed));
            pruned[runId] = completion.PrunedRunIds;
            return runId;
        }

        async Task<long> Fail()
        {
            var runId = await db.Store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, CancellationToken);
            await db.Store.FailRunAsync(runId, "boom", CancellationToken);
            return runId;
        }

        Task<long> LeaveRunning() => db.Store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, CancellationToken);

        long[] ids =
        [
            await LeaveRunning(), await Fail(), await Succeed(3), await Fail(), await Succeed(5), await Succeed(6),
            await Succeed(7), await Succeed(8), await LeaveRunning(), await Succeed(10),
        ];

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), ids);
        // Nothing is pruned before five runs have succeeded; then what started before the oldest of them goes.
        Assert.Equal([[], [], [], [], [1, 2], [3, 4]], new long[] { 3, 5, 6, 7, 8, 10 }.Select(id => pruned[id]));
        foreach (var id in new long[] { 1, 2, 3, 4 })
        {
            Assert.Equal("(none)", await db.StatusAsync(id));
            Assert.Equal(new long[7], await db.CellCountsAsync(id)); // the cascade took the cells
        }

        Assert.Equal(["succeeded", "succeeded", "succeeded", "succeeded", "running", "succeeded"],
            await Task.WhenAll(new long[] { 5, 6, 7, 8, 9, 10 }.Select(db.StatusAsync)));
        Assert.Equal(TestCells.Small(seed: 5).Select(c => (long)c.Count), await db.CellCountsAsync(5));
        Assert.Equal(10, (await db.Store.LatestSucceededRunAsync(CancellationToken))?.Id);
    }

    [Fact]
    public async Task Keeping_one_run_keeps_the_latest()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(PruningTests), new RunStoreOptions { KeepSucceededRuns = 1 });

        var (first, _) = await TestDatasets.CompleteRunAsync(db.Store, TestCells.Small(seed: 1));
        var (second, secondCompletion) = await TestDatasets.CompleteRunAsync(db.Store, TestCells.Small(seed: 2));
        var (third, thirdCompletion) = await TestDatasets.CompleteRunAsync(db.Store, TestCells.Small(seed: 3));

        Assert.Equal([first], secondCompletion.PrunedRunIds);
        Assert.Equal([second], thirdCompletion.PrunedRunIds);
        Assert.Equal(third, (await db.Store.LatestSucceededRunAsync(CancellationToken))?.Id);
        TestCells.AssertSame(TestCells.Small(seed: 3), await db.Store.ReadCubesAsync(third, CancellationToken));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM runs"));
        Assert.Equal(TestCells.CellCount(TestCells.Small(seed: 3)), await db.ScalarAsync<long>(
            string.Join(" + ", TestCells.CubeTableNames.Select(t => $"(SELECT count(*) FROM {t})")).Insert(0, "SELECT ")));
    }

    [Fact]
    public void At_least_one_succeeded_run_is_kept()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RunStore(Npgsql.NpgsqlDataSource.Create("Host=localhost"), new RunStoreOptions { KeepSucceededRuns = 0 }));
        Assert.Equal("KeepSucceededRuns", error.ParamName);
    }
}
