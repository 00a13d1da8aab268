using HubAspire.Testing.Postgres;

namespace HubAspire.Store.Tests.Store;

/// <summary>Starting, completing and failing runs; which run is served; finding a dataset's run.</summary>
public sealed class RunLifecycleTests(PostgresFixture postgres)
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_started_run_is_committed_at_once_as_running_and_never_served()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(RunLifecycleTests));

        var runId = await db.Store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, CancellationToken);

        Assert.Equal("running", await db.StatusAsync(runId));
        Assert.Null(await db.Store.LatestSucceededRunAsync(CancellationToken));
        Assert.Null(await db.Store.ReadLatestSucceededAsync(CancellationToken));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Store.ReadCubesAsync(runId, CancellationToken));
        Assert.Equal($"Run {runId} is running: only succeeded runs have cells to serve.", refused.Message);
    }

    [Fact]
    public async Task A_run_left_running_by_a_killed_process_blocks_nothing_and_is_never_served()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(RunLifecycleTests));
        var abandoned = await db.Store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, CancellationToken);

        var (next, _) = await TestDatasets.CompleteRunAsync(db.Store, TestCells.Small(seed: 2));

        Assert.Equal(next, (await db.Store.LatestSucceededRunAsync(CancellationToken))?.Id);
        Assert.Equal("running", await db.StatusAsync(abandoned));
        Assert.Null(await db.Store.FindSucceededRunForDatasetAsync(TestDatasets.Identity(seed: 7), CancellationToken));
        Assert.Equal(next, (await db.Store.FindSucceededRunForDatasetAsync(TestDatasets.Identity(), CancellationToken))?.Id);
    }

    [Fact]
    public async Task A_failed_run_keeps_the_previous_succeeded_run_as_the_latest()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(RunLifecycleTests));
        var (succeeded, _) = await TestDatasets.CompleteRunAsync(db.Store, TestCells.Small(seed: 1));
        var failing = await db.Store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, CancellationToken);

        Assert.True(await db.Store.FailRunAsync(failing, "Parquet file deals/part-0.parquet is truncated", CancellationToken));

        Assert.Equal(succeeded, (await db.Store.LatestSucceededRunAsync(CancellationToken))?.Id);
        var failed = await db.Store.GetRunAsync(failing, CancellationToken);
        Assert.Equal(RunStatus.Failed, failed?.Status);
        Assert.Equal("Parquet file deals/part-0.parquet is truncated", failed?.Error);
    }

    [Fact]
    public async Task Only_a_running_run_can_fail_or_complete()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(RunLifecycleTests));
        var (succeeded, _) = await TestDatasets.CompleteRunAsync(db.Store, TestCells.Small(seed: 1));
        var failed = await db.Store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, CancellationToken);
        await db.Store.FailRunAsync(failed, "boom", CancellationToken);

        Assert.False(await db.Store.FailRunAsync(succeeded, "too late", CancellationToken));
        Assert.False(await db.Store.FailRunAsync(failed, "again", CancellationToken));
        Assert.False(await db.Store.FailRunAsync(999_999, "no such run", CancellationToken));
        Assert.Equal("succeeded", await db.StatusAsync(succeeded));
        Assert.Equal("boom", (await db.Store.GetRunAsync(failed, CancellationToken))?.Error);

        var completeFailed = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.Store.CompleteRunAsync(failed, TestCells.Small(seed: 2), TestDatasets.Rows, TestDatasets.Phases, CancellationToken));
        Assert.Equal($"Run {failed} cannot complete: it is failed.", completeFailed.Message);
        var completeTwice = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.Store.CompleteRunAsync(succeeded, TestCells.Small(seed: 2), TestDatasets.Rows, TestDatasets.Phases, CancellationToken));
        Assert.Equal($"Run {succeeded} cannot complete: it is succeeded.", completeTwice.Message);
        var completeMissing = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.Store.CompleteRunAsync(999_999, TestCells.Small(seed: 2), TestDatasets.Rows, TestDatasets.Phases, CancellationToken));
        Assert.Equal("Run 999999 cannot complete: it does not exist (pruned as a leftover, or never started).", completeMissing.Message);

        Assert.Equal(new long[7], await db.CellCountsAsync(failed));
        TestCells.AssertSame(TestCells.Small(seed: 1), await db.Store.ReadCubesAsync(succeeded, CancellationToken));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Store.ReadCubesAsync(999_999, CancellationToken));
        Assert.Equal("Run 999999 does not exist (it may have been pruned).", missing.Message);
    }

    [Fact]
    public async Task A_succeeded_run_reports_what_was_recorded()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(RunLifecycleTests));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var (runId, _) = await TestDatasets.CompleteRunAsync(db.Store, TestCells.Small(seed: 1));

        var run = (await db.Store.GetRunAsync(runId, CancellationToken))!;
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(TestDatasets.Identity(), run.Dataset);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 30, 15, TimeSpan.Zero).AddTicks(1_234_560), run.Dataset.ManifestCreatedAt);
        Assert.Equal(TestDatasets.Trace, run.Trace);
        Assert.Equal(TestDatasets.Rows, run.RowsPerEntity);
        Assert.Equal(TestDatasets.Phases, run.PhaseDurations);
        Assert.Null(run.Error);
        Assert.InRange(run.StartedAt, before, run.FinishedAt!.Value);
        Assert.InRange(run.FinishedAt.Value, run.StartedAt, DateTimeOffset.UtcNow.AddSeconds(1));
        // Stored as JSON objects that SQL can query directly.
        Assert.Equal(200_000L, await db.ScalarAsync<long>("SELECT (rows_per_entity ->> 'deals')::bigint FROM runs WHERE id = $1", runId));
        Assert.Equal(1_234.567m, await db.ScalarAsync<decimal>("SELECT (phase_durations_ms ->> 'read')::numeric FROM runs WHERE id = $1", runId));
    }

    [Fact]
    public async Task Recorded_names_and_figures_read_back_exactly_whatever_they_hold()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(RunLifecycleTests));
        IReadOnlyDictionary<string, long> rows = new Dictionary<string, long>
        {
            ["deals"] = long.MaxValue, ["quote \" and \\ backslash"] = long.MinValue, ["ünïcødé 日本語 🚀 <&>'+"] = 0, [""] = -1,
        };
        IReadOnlyDictionary<string, TimeSpan> phases = new Dictionary<string, TimeSpan>
        {
            ["zero"] = TimeSpan.Zero, ["one microsecond"] = TimeSpan.FromTicks(10),
            ["three days"] = TimeSpan.FromDays(3) + TimeSpan.FromTicks(1_234_560), ["line\nbreak"] = TimeSpan.FromMilliseconds(0.5),
        };
        var runId = await db.Store.StartRunAsync(TestDatasets.Identity(), new RunTraceIds(null, null), CancellationToken);

        await db.Store.CompleteRunAsync(runId, TestCells.Small(seed: 1), rows, phases, CancellationToken);

        var run = (await db.Store.GetRunAsync(runId, CancellationToken))!;
        Assert.Equal(rows, run.RowsPerEntity);
        Assert.Equal(phases, run.PhaseDurations);
        Assert.Equal(new RunTraceIds(null, null), run.Trace);
        Assert.Equal(long.MinValue, await db.ScalarAsync<long>("SELECT (rows_per_entity ->> $2)::bigint FROM runs WHERE id = $1", runId, "quote \" and \\ backslash"));
        Assert.Equal(259_200_123.456m, await db.ScalarAsync<decimal>("SELECT (phase_durations_ms ->> 'three days')::numeric FROM runs WHERE id = $1", runId));
    }

    [Fact]
    public async Task Rerunning_on_the_same_manifest_finds_its_newest_succeeded_run()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(RunLifecycleTests));
        var (first, _) = await TestDatasets.CompleteRunAsync(db.Store, TestCells.Small(seed: 1));
        var (second, _) = await TestDatasets.CompleteRunAsync(db.Store, TestCells.Small(seed: 1));
        var (other, _) = await TestDatasets.CompleteRunAsync(db.Store, TestCells.Small(seed: 3), TestDatasets.Identity(scale: 0.1));
        var failed = await db.Store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, CancellationToken);
        await db.Store.FailRunAsync(failed, "boom", CancellationToken);

        Assert.NotEqual(first, second);
        Assert.Equal(second, (await db.Store.FindSucceededRunForDatasetAsync(TestDatasets.Identity(), CancellationToken))?.Id);
        Assert.Equal(other, (await db.Store.FindSucceededRunForDatasetAsync(TestDatasets.Identity(scale: 0.1), CancellationToken))?.Id);
        // The same instant in another offset, or with ticks below a microsecond, is the same manifest.
        var sameInstant = TestDatasets.Identity() with { ManifestCreatedAt = TestDatasets.CreatedAt.ToOffset(TimeSpan.FromHours(-5)).AddTicks(2) };
        Assert.Equal(second, (await db.Store.FindSucceededRunForDatasetAsync(sameInstant, CancellationToken))?.Id);
        foreach (var differing in new[]
        {
            TestDatasets.Identity(seed: 43),
            TestDatasets.Identity() with { ManifestPath = "/elsewhere/_manifest.json" },
            TestDatasets.Identity() with { GeneratorVersion = "1.0.1" },
            TestDatasets.Identity() with { ManifestCreatedAt = TestDatasets.CreatedAt.AddTicks(10) },
            TestDatasets.Identity() with { TotalRows = 4_849_999 },
        })
        {
            Assert.Null(await db.Store.FindSucceededRunForDatasetAsync(differing, CancellationToken));
        }
    }

    [Fact]
    public async Task The_latest_run_is_the_one_that_finished_last()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(RunLifecycleTests));
        var older = await db.Store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, CancellationToken);
        var newer = await db.Store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, CancellationToken);

        await db.Store.CompleteRunAsync(newer, TestCells.Small(seed: 2), TestDatasets.Rows, TestDatasets.Phases, CancellationToken);
        Assert.Equal(newer, (await db.Store.LatestSucceededRunAsync(CancellationToken))?.Id);
        await db.Store.CompleteRunAsync(older, TestCells.Small(seed: 1), TestDatasets.Rows, TestDatasets.Phases, CancellationToken);
        Assert.Equal(older, (await db.Store.LatestSucceededRunAsync(CancellationToken))?.Id);
    }
}
