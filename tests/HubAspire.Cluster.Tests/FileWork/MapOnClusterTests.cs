using HubAspire.Cluster.Contracts;
using HubAspire.Core.Aggregations;
using HubAspire.Datasets.Manifest;
using HubAspire.Etl.Pipeline;
using HubAspire.Etl.Telemetry;
using HubAspire.Jobs;
using HubAspire.Mapping;
using HubAspire.Mapping.Entities;
using HubAspire.Mapping.Processed;
using HubAspire.Testing.FileSystem;
using HubAspire.Testing.Pipelines;
using Microsoft.Extensions.Logging.Abstractions;

namespace HubAspire.Cluster.Tests.FileWork;

/// <summary>The ETL's map step on three silos against the same step in this process, over one real generated dataset.</summary>
public sealed class MapOnClusterTests(FileWorkerCluster cluster) : IClassFixture<FileWorkerCluster>
{
    private const double Scale = 0.02;

    [Fact]
    public async Task The_cluster_gives_every_cube_cell_and_processed_byte_of_the_in_process_map()
    {
        using var data = new TempDirectory();
        await RealPipeline.GenerateAsync(data.Path, Scale);
        var manifest = DatasetManifest.TryRead(data.Raw)!;

        using var alone = new TempDirectory();
        using var clustered = new TempDirectory();
        var expected = await BuildAsync(data.Raw, manifest, alone.Path, onCluster: false);
        var actual = await BuildAsync(data.Raw, manifest, clustered.Path, onCluster: true);

        Assert.Equal(Cubes.All.Select(c => c.Name), actual.Select(c => c.Definition.Name));
        foreach (var (want, got) in expected.Zip(actual))
        {
            Assert.Equal(Cells(want), Cells(got));
        }

        Assert.True(expected.Sum(c => c.Count) > 1000, "the dataset is too small to prove anything");
        Assert.Equal(FilesOf(alone.Path), FilesOf(clustered.Path));
        Assert.Equal(manifest.Entities.Sum(e => e.Files.Count), Directory.GetFiles(clustered.Path, "*.parquet", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task A_corrupt_file_fails_the_run_once_with_the_in_process_message()
    {
        using var data = new TempDirectory();
        await RealPipeline.GenerateAsync(data.Path, Scale);
        var manifest = DatasetManifest.TryRead(data.Raw)!;
        var deals = manifest.Entity("deals").Files[0];
        var path = Path.Combine(data.Raw, deals.Path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var inProcess = await Assert.ThrowsAnyAsync<Exception>(() =>
            FileMapper.MapAsync(path, deals, EntityMaps.All.Single(e => e.Cube.Name == "deals"), null, null, TestContext.Current.CancellationToken));
        var work = EntityMaps.All.SelectMany(e => manifest.Entity(e.Cube.Name).Files.Select(f => new MapFileWork(data.Raw, f, e.Cube.Name, null))).ToList();

        var onCluster = await Assert.ThrowsAsync<ClusterException>(() =>
            cluster.Workers().MapAsync(work, (_, _) => { }, TestContext.Current.CancellationToken));

        Assert.Contains(path, inProcess.Message);
        Assert.Equal(inProcess.Message, onCluster.Message);
        Assert.Equal(1, FileWorkerCluster.Calls[$"MapAsync {path}"]);
    }

    private async Task<IReadOnlyList<CubeCells>> BuildAsync(string raw, DatasetManifest manifest, string processedDirectory, bool onCluster)
    {
        using var processed = ProcessedOutput.Create(processedDirectory);
        using var progress = new RowProgress(NullLogger.Instance, "read", manifest.Entities.ToDictionary(e => e.Name, e => e.Rows), EtlTelemetry.RowsRead);
        var cubes = await new CubeBuilder(processed, onCluster ? cluster.Workers() : null)
            .BuildAsync(raw, manifest, workers: 2, progress, TestContext.Current.CancellationToken);
        processed.Publish(manifest, raw, runId: 1, traceParent: null);
        return cubes;
    }

    /// <summary>Every cell as text ("dimension|month|label" → its sums), comparable whole.</summary>
    private static SortedDictionary<string, string> Cells(CubeCells cube) =>
        new(cube.Cells.ToDictionary(c => $"{c.Key.Dimension}|{c.Key.Month}|{c.Key.Label}", c => string.Join(",", c.Value)), StringComparer.Ordinal);

    private static SortedDictionary<string, string> FilesOf(string directory) =>
        new(Directory.GetFiles(directory, "*.parquet", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
