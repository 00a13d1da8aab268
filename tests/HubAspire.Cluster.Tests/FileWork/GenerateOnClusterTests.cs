using HubAspire.Generator.Generation;
using HubAspire.Testing.FileSystem;
using Microsoft.Extensions.Logging.Abstractions;

namespace HubAspire.Cluster.Tests.FileWork;

/// <summary>The generator's files written on three silos against the same generator in this process.</summary>
public sealed class GenerateOnClusterTests(FileWorkerCluster cluster) : IClassFixture<FileWorkerCluster>
{
    [Fact]
    public async Task Files_generated_on_the_cluster_are_byte_identical_to_the_in_process_generators()
    {
        using var alone = new TempDirectory();
        using var clustered = new TempDirectory();
        var request = (string directory) => new GenerationRequest(directory, Scale: 0.05, Seed: 7, Force: true, Workers: 2);

        var expected = await new DatasetGenerator(NullLogger<DatasetGenerator>.Instance).GenerateAsync(request(alone.Path), TestContext.Current.CancellationToken);
        var actual = await new DatasetGenerator(NullLogger<DatasetGenerator>.Instance, cluster.Workers()).GenerateAsync(request(clustered.Path), TestContext.Current.CancellationToken);

        Assert.Equal(expected.Manifest.Entities, actual.Manifest.Entities, (a, b) => a.Name == b.Name && a.Rows == b.Rows && a.Files.SequenceEqual(b.Files));
        Assert.Equal(Hashes(alone.Raw), Hashes(clustered.Raw));
        Assert.Equal(7, Hashes(clustered.Raw).Count);
    }

    private static SortedDictionary<string, string> Hashes(string directory) =>
        new(Directory.GetFiles(directory, "*.parquet", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
