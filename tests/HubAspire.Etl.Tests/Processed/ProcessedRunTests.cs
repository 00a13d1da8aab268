using System.Diagnostics;
using HubAspire.Datasets.Manifest;
using HubAspire.Etl.Pipeline;
using HubAspire.Etl.Tests.Processed.Support;
using HubAspire.Etl.Tests.Support;
using HubAspire.Mapping;
using HubAspire.Testing.Postgres;

namespace HubAspire.Etl.Tests.Processed;

/// <summary>
/// When the processed dataset is written, and that a run that cannot finish it — switched off,
/// cancelled, out of space, on a read-only disk — leaves nothing partial and the previous one whole.
/// </summary>
public sealed class ProcessedRunTests(PostgresFixture server) : IDisposable
{
    private const double Scale = 0.01;

    private readonly TempDirectory _directory = new();

    private string Processed => Path.Combine(_directory.Path, "processed");

    [Fact]
    public async Task No_processed_writes_nothing_and_a_later_run_writes_it_for_the_loaded_dataset()
    {
        var connection = await DatabaseAsync();
        await RealPipeline.GenerateAsync(_directory.Path, Scale);

        var first = await ProcessedEtl.RunAsync(_directory.Path, connection, writeProcessed: false);

        Assert.False(first.Reused);
        Assert.Equal(["raw"], ProcessedEtl.Entries(_directory.Path));

        // The dataset is already loaded: the cubes are reused, the missing processed dataset is written for that run.
        var second = await ProcessedEtl.RunAsync(_directory.Path, connection);

        Assert.True(second.Reused);
        Assert.Equal(first.RunId, second.RunId);
        Assert.Equal(["processed", "raw"], ProcessedEtl.Entries(_directory.Path));
        var manifest = ReadProcessedManifest();
        Assert.Equal(first.RunId, manifest.RootElement.GetProperty("etlRunId").GetInt64());
        Assert.Equal(48_500, manifest.RootElement.GetProperty("entities").EnumerateArray().Sum(e => e.GetProperty("rows").GetInt64()));

        // Now it is there and current: a third run changes nothing.
        var before = ProcessedEtl.Snapshot(Processed);
        Assert.True((await ProcessedEtl.RunAsync(_directory.Path, connection)).Reused);
        ProcessedEtl.AssertUnchanged(before, Processed);
    }

    [Fact]
    public async Task A_cancelled_run_leaves_the_previous_processed_dataset_intact_and_no_stage()
    {
        var connection = await DatabaseAsync();
        await RealPipeline.GenerateAsync(_directory.Path, Scale, seed: 1);
        var first = await ProcessedEtl.RunAsync(_directory.Path, connection);
        var before = ProcessedEtl.Snapshot(Processed);
        await RealPipeline.GenerateAsync(_directory.Path, Scale, seed: 2);

        // Cancelled as soon as this run starts its first processed file, so some files are in the stage.
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var source = new ActivitySource(nameof(ProcessedRunTests));
        using var root = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "HubAspire.Etl" || s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(root);
        using var test = source.StartActivity("cancelled run")!;
        root.ActivityStarted = a =>
        {
            if (a.TraceId == test.TraceId && a.DisplayName.StartsWith("write processed ", StringComparison.Ordinal))
            {
                cancel.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProcessedEtl.RunAsync(_directory.Path, connection, cancellationToken: cancel.Token));

        ProcessedEtl.AssertUnchanged(before, Processed);
        Assert.Equal(["processed", "raw"], ProcessedEtl.Entries(_directory.Path));
        Assert.Equal(first.RunId, (await EtlHarness.LatestAsync(connection))!.Id);
    }

    [Fact]
    public async Task A_full_disk_fails_the_run_naming_the_directory_and_keeps_the_previous_processed_dataset()
    {
        var connection = await DatabaseAsync();
        using var mount = ScratchMount.CreateOrSkip(_directory.Path, "size=8m");
        await RealPipeline.GenerateAsync(_directory.Path, Scale, seed: 1);
        var first = await ProcessedEtl.RunAsync(_directory.Path, connection);
        var before = ProcessedEtl.Snapshot(Processed);
        await RealPipeline.GenerateAsync(_directory.Path, Scale, seed: 2);
        mount.FillLeaving(256 * 1024); // the processed dataset needs about 1 MB at this scale

        var error = await Assert.ThrowsAsync<EtlException>(() => ProcessedEtl.RunAsync(_directory.Path, connection));

        Assert.StartsWith($"Cannot write the processed dataset to {Processed}: ", error.Message);
        Assert.Contains("No space left on device", error.Message);
        Assert.EndsWith(". Nothing new was published there and the previous processed dataset, if any, is unchanged. " +
            "Free some space or make the directory writable, or run with --no-processed.", error.Message);
        ProcessedEtl.AssertUnchanged(before, Processed);
        Assert.Equal(["filler", "processed", "raw"], ProcessedEtl.Entries(_directory.Path));
        Assert.Equal(first.RunId, (await EtlHarness.LatestAsync(connection))!.Id);
    }

    [Fact]
    public async Task A_read_only_data_directory_fails_the_run_naming_the_directory_and_writes_nothing()
    {
        var connection = await DatabaseAsync();
        using var mount = ScratchMount.CreateOrSkip(_directory.Path, "size=8m");
        await RealPipeline.GenerateAsync(_directory.Path, Scale);
        mount.MakeReadOnly();

        var error = await Assert.ThrowsAsync<EtlException>(() => ProcessedEtl.RunAsync(_directory.Path, connection));

        Assert.StartsWith($"Cannot write the processed dataset to {Processed}: ", error.Message);
        Assert.Contains("Read-only file system", error.Message);
        Assert.Equal(["raw"], ProcessedEtl.Entries(_directory.Path));
        Assert.Null(await EtlHarness.LatestAsync(connection));
    }

    public void Dispose() => _directory.Dispose();

    private Task<string> DatabaseAsync() => server.CreateDatabaseAsync("etl_processed_runs", TestContext.Current.CancellationToken);

    private System.Text.Json.JsonDocument ReadProcessedManifest() =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Processed, "_manifest.json")));
}
