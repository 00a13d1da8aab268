using HubAspire.Testing.Postgres;

namespace HubAspire.Store.Tests.Store;

/// <summary>A run's cells and its "succeeded" become visible in one commit, or not at all.</summary>
public sealed class AtomicCompletionTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Other_connections_see_nothing_of_a_run_until_its_load_commits()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(AtomicCompletionTests));
        var (previousId, _) = await TestDatasets.CompleteRunAsync(db.Store, TestCells.Small(seed: 1));
        var cubes = TestCells.Small(seed: 2);
        var runId = await db.Store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, cancellationToken);

        var midLoad = new TaskCompletionSource();
        var resume = new TaskCompletionSource();
        var intercepted = new InterceptedCubeList(cubes, index: 4, async () =>
        {
            midLoad.SetResult();
            await resume.Task;
        });
        var completing = Task.Run(() => db.Store.CompleteRunAsync(runId, intercepted, TestDatasets.Rows, TestDatasets.Phases, cancellationToken), cancellationToken);
        await midLoad.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

        // Four cubes are loaded in the open transaction; from outside, none of it shows.
        Assert.Equal(new long[7], await db.CellCountsAsync(runId));
        Assert.Equal("running", await db.StatusAsync(runId));
        Assert.Equal(previousId, (await db.Store.LatestSucceededRunAsync(cancellationToken))?.Id);
        TestCells.AssertSame(TestCells.Small(seed: 1), (await db.Store.ReadLatestSucceededAsync(cancellationToken))!.Cubes);

        resume.SetResult();
        var completion = await completing.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

        Assert.Equal(TestCells.CellCount(cubes), completion.Cells);
        Assert.Equal(cubes.Select(c => (long)c.Count), await db.CellCountsAsync(runId));
        Assert.Equal("succeeded", await db.StatusAsync(runId));
        Assert.Equal(runId, (await db.Store.LatestSucceededRunAsync(cancellationToken))?.Id);
    }

    [Fact]
    public async Task A_load_that_fails_half_way_leaves_nothing_and_the_previous_run_is_still_served()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(AtomicCompletionTests));
        var previous = TestCells.Small(seed: 1);
        var (previousId, _) = await TestDatasets.CompleteRunAsync(db.Store, previous);
        var runId = await db.Store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, cancellationToken);

        var failing = new InterceptedCubeList(TestCells.Small(seed: 2), index: 3,
            () => throw new IOException("the disk went away"));
        var error = await Assert.ThrowsAsync<IOException>(() =>
            db.Store.CompleteRunAsync(runId, failing, TestDatasets.Rows, TestDatasets.Phases, cancellationToken));

        Assert.Equal(new long[7], await db.CellCountsAsync(runId));
        Assert.Equal("running", await db.StatusAsync(runId));
        Assert.True(await db.Store.FailRunAsync(runId, error.ToString(), cancellationToken));

        var failed = await db.Store.GetRunAsync(runId, cancellationToken);
        Assert.Equal(RunStatus.Failed, failed?.Status);
        Assert.StartsWith("System.IO.IOException: the disk went away", failed?.Error);
        Assert.NotNull(failed?.FinishedAt);
        Assert.Null(failed?.RowsPerEntity);
        var latest = await db.Store.ReadLatestSucceededAsync(cancellationToken);
        Assert.Equal(previousId, latest?.Run.Id);
        TestCells.AssertSame(previous, latest!.Cubes);
    }

    [Fact]
    public async Task A_cell_the_store_cannot_place_fails_the_load_atomically()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(AtomicCompletionTests));
        var cubes = TestCells.Small(seed: 1);
        var webAnalytics = cubes[^1];
        webAnalytics.Add(new Core.Aggregations.CellKey(4, TestCells.FirstMonth, "no such dimension"), TestCells.Values(webAnalytics.Definition, 9));
        var runId = await db.Store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, cancellationToken);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            db.Store.CompleteRunAsync(runId, cubes, TestDatasets.Rows, TestDatasets.Phases, cancellationToken));

        Assert.StartsWith("A web_analytics cell has dimension index 4; the cube has 4 dimensions.", error.Message);
        Assert.Equal(new long[7], await db.CellCountsAsync(runId));
        Assert.Equal("running", await db.StatusAsync(runId));
        Assert.Null(await db.Store.LatestSucceededRunAsync(cancellationToken));
    }
}
