using HubAspire.Generator.Tests.Support;

namespace HubAspire.Generator.Tests;

public sealed class DeterminismTests
{
    // 0.6 gives web_analytics two files and every large entity several row groups.
    private const double Scale = 0.6;

    [Fact]
    public async Task The_same_seed_gives_byte_identical_files_with_one_or_two_workers()
    {
        using var oneWorker = new TempDirectory();
        using var twoWorkers = new TempDirectory();
        await Generate.IntoAsync(oneWorker.Path, Scale, seed: 42, workers: 1);
        await Generate.IntoAsync(twoWorkers.Path, Scale, seed: 42, workers: 2);

        var expected = Generate.FilesOf(oneWorker.Raw);
        var actual = Generate.FilesOf(twoWorkers.Raw);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.Equal(8, expected.Count);
        Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(actual[file.Key]), $"{file.Key} differs"));
    }

    [Fact]
    public async Task Another_seed_gives_different_data()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        await Generate.IntoAsync(first.Path, scale: 0.01, seed: 42);
        await Generate.IntoAsync(second.Path, scale: 0.01, seed: 43);
        using var a = new DuckDb(first.Raw);
        using var b = new DuckDb(second.Raw);

        var files = Generate.FilesOf(first.Raw);
        var others = Generate.FilesOf(second.Raw);
        Assert.All(files, file => Assert.False(file.Value.AsSpan().SequenceEqual(others[file.Key]), $"{file.Key} is the same for both seeds"));
        Assert.NotEqual(a.Scalar<double>("select sum(amount) from deals"), b.Scalar<double>("select sum(amount) from deals"));
    }
}
