using HubAspire.Generator.Tests.Support;

namespace HubAspire.Generator.Tests;

public sealed class ReuseTests
{
    [Fact]
    public async Task A_matching_dataset_is_reused_and_says_so_in_one_line()
    {
        using var directory = new TempDirectory();
        var (firstExit, firstLines) = await GeneratorProcess.RunAsync("--scale", "0.001", "--seed", "5", "--out", directory.Path);
        var writtenAt = File.GetLastWriteTimeUtc(Path.Combine(directory.Raw, "_manifest.json"));

        var (exitCode, lines) = await GeneratorProcess.RunAsync("--scale", "0.001", "--seed", "5", "--out", directory.Path);

        Assert.Equal(0, firstExit);
        Assert.DoesNotContain(firstLines, l => l.Contains("Reusing"));
        Assert.Equal(0, exitCode);
        var line = Assert.Single(lines);
        Assert.Contains($"Reusing the dataset in {directory.Raw}: 4,850 rows, seed 5, scale 0.001, generator 1 (pass --force to regenerate)", line);
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(Path.Combine(directory.Raw, "_manifest.json")));
    }

    [Theory]
    [InlineData("--force")]
    [InlineData("--seed=6")]
    [InlineData("--scale=0.002")]
    public async Task Force_or_another_seed_or_scale_regenerates(string change)
    {
        using var directory = new TempDirectory();
        var first = await Generate.IntoAsync(directory.Path, scale: 0.001, seed: 5);
        string[] args = ["--scale", "0.001", "--seed", "5", "--out", directory.Path, change];

        var (exitCode, lines) = await GeneratorProcess.RunAsync(args);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(lines, l => l.Contains("Reusing"));
        Assert.Contains(lines, l => l.Contains("Dataset ready in"));
        Assert.NotEqual(first.Manifest.CreatedAt, HubAspire.Datasets.Manifest.DatasetManifest.TryRead(directory.Raw)!.CreatedAt);
    }

    [Fact]
    public async Task A_dataset_whose_file_was_damaged_is_regenerated()
    {
        using var directory = new TempDirectory();
        await Generate.IntoAsync(directory.Path, scale: 0.001, seed: 5);
        var damaged = Path.Combine(directory.Raw, "deals", "part-00000.parquet");
        await File.AppendAllTextAsync(damaged, "garbage", TestContext.Current.CancellationToken);

        var result = await Generate.IntoAsync(directory.Path, scale: 0.001, seed: 5);

        Assert.False(result.Reused);
        Assert.Equal(result.Manifest.Entity("deals").Files[0].Bytes, new FileInfo(damaged).Length);
    }
}
