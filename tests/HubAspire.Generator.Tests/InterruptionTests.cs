using HubAspire.Datasets.Manifest;
using HubAspire.Generator.Tests.Support;

namespace HubAspire.Generator.Tests;

/// <summary>
/// An interrupted run — stopped politely (SIGTERM, as Ctrl+C or Aspire's stop) or killed —
/// publishes nothing: no manifest, no file under a final name, the previous dataset intact;
/// and the next run succeeds.
/// </summary>
public sealed class InterruptionTests
{
    // Big enough (about 9.7M rows) that the run is still going when the first entity is done.
    private const string LongScale = "2";

    [Fact]
    public async Task A_stopped_run_cleans_up_and_publishes_nothing()
    {
        using var directory = new TempDirectory();
        using (var run = GeneratorProcess.Start("--scale", LongScale, "--out", directory.Path))
        {
            await run.FirstEntityWritten.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
            run.Signal("TERM");

            Assert.Equal(130, await run.WaitAsync(TimeSpan.FromMinutes(1)));
            Assert.Contains("Generation cancelled; nothing was published", run.Output);
        }

        // Not even the hidden stage is left behind.
        Assert.Empty(Directory.GetFileSystemEntries(directory.Path));

        var next = await Generate.IntoAsync(directory.Path, scale: 0.001);
        Assert.False(next.Reused);
        Assert.NotNull(DatasetManifest.TryRead(directory.Raw));
    }

    [Fact]
    public async Task A_killed_run_leaves_no_manifest_and_no_final_files_and_the_next_run_succeeds()
    {
        using var directory = new TempDirectory();
        using (var run = GeneratorProcess.Start("--scale", LongScale, "--out", directory.Path))
        {
            await run.FirstEntityWritten.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
            run.Signal("KILL");
            await run.WaitAsync(TimeSpan.FromMinutes(1));
        }

        // Only the hidden stage of the killed run: nothing a reader would take for a dataset.
        var left = Assert.Single(Directory.GetFileSystemEntries(directory.Path));
        Assert.StartsWith(".raw.staging-", Path.GetFileName(left));
        Assert.False(Directory.Exists(directory.Raw));

        var next = await Generate.IntoAsync(directory.Path, scale: 0.001);
        Assert.Equal(4_850, next.Manifest.TotalRows);
        Assert.Equal(["raw"], Directory.GetFileSystemEntries(directory.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_forced_run_that_is_stopped_leaves_the_previous_dataset_untouched()
    {
        using var directory = new TempDirectory();
        await Generate.IntoAsync(directory.Path, scale: 0.01, seed: 1);
        var before = Generate.FilesOf(directory.Raw);
        var manifestBefore = await File.ReadAllTextAsync(Path.Combine(directory.Raw, "_manifest.json"), TestContext.Current.CancellationToken);

        using (var run = GeneratorProcess.Start("--scale", LongScale, "--seed", "2", "--force", "--out", directory.Path))
        {
            await run.FirstEntityWritten.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
            run.Signal("TERM");
            Assert.Equal(130, await run.WaitAsync(TimeSpan.FromMinutes(1)));
        }

        Assert.Equal(manifestBefore, await File.ReadAllTextAsync(Path.Combine(directory.Raw, "_manifest.json"), TestContext.Current.CancellationToken));
        var after = Generate.FilesOf(directory.Raw);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, file => Assert.True(file.Value.AsSpan().SequenceEqual(after[file.Key])));
    }
}
