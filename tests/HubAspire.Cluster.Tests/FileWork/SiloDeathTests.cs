using HubAspire.Cluster.Contracts;
using HubAspire.Datasets.Manifest;
using HubAspire.Mapping;
using HubAspire.Mapping.Entities;
using HubAspire.Testing.FileSystem;
using HubAspire.Testing.Pipelines;

namespace HubAspire.Cluster.Tests.FileWork;

/// <summary>Silos killed while files are on them. Each test has its own cluster: they kill its silos.</summary>
public sealed class SiloDeathTests : IAsyncLifetime
{
    private readonly FileWorkerCluster _cluster = new();
    private readonly TempDirectory _data = new();

    public async ValueTask InitializeAsync()
    {
        await _cluster.InitializeAsync();
        await RealPipeline.GenerateAsync(_data.Path, scale: 0.02);
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task A_silo_killed_mid_run_leaves_every_file_mapped_exactly_as_in_process()
    {
        // Every file ten times over: far more calls than lanes, so the silo dies with files on it.
        var (work, expected) = await WorkAndExpectedCellsAsync(copies: 10);
        var victim = _cluster.Cluster.SecondarySilos[0];
        var done = 0;
        Task? kill = null;

        var results = new List<(MapFileWork Work, MappedFileOutcome Outcome)>();
        await _cluster.Workers().MapAsync(work, (file, outcome) =>
        {
            lock (results)
            {
                results.Add((file, outcome));
            }

            if (Interlocked.Increment(ref done) == 3)
            {
                kill = _cluster.Cluster.KillSiloAsync(victim);
            }
        }, TestContext.Current.CancellationToken);
        await kill!;

        Assert.Equal(work.Count, results.Count);
        Assert.All(results, r => Assert.Equal(expected[r.Work.File.Path], Cells(r.Outcome.Cube!)));
        var alive = await _cluster.Cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(victim.SiloAddress, alive.Keys);
        Assert.Equal(FileWorkerCluster.Silos - 1, alive.Count);
    }

    [Fact]
    public async Task With_every_silo_gone_the_run_fails_saying_so()
    {
        var (work, _) = await WorkAndExpectedCellsAsync(copies: 1);
        foreach (var silo in _cluster.Cluster.Silos.ToList())
        {
            await _cluster.Cluster.StopSiloAsync(silo, TestContext.Current.CancellationToken);
        }

        var failure = await Assert.ThrowsAsync<ClusterException>(() =>
            _cluster.Workers(waitForSilos: TimeSpan.FromSeconds(2)).MapAsync(work, (_, _) => { }, TestContext.Current.CancellationToken));

        Assert.Equal(
            $"No silo of the cluster has been alive for 2 s, with {work.Count} of {work.Count} files left; start the silos again (or run without the cluster) and repeat the run.",
            failure.Message);
    }

    private async Task<(List<MapFileWork> Work, Dictionary<string, string> ExpectedCells)> WorkAndExpectedCellsAsync(int copies)
    {
        var manifest = DatasetManifest.TryRead(_data.Raw)!;
        var work = new List<MapFileWork>();
        var expected = new Dictionary<string, string>();
        foreach (var entity in EntityMaps.All)
        {
            foreach (var file in manifest.Entity(entity.Cube.Name).Files)
            {
                var mapped = await FileMapper.MapAsync(Path.Combine(_data.Raw, file.Path), file, entity, null, null, TestContext.Current.CancellationToken);
                expected[file.Path] = Cells(mapped.Cube);
                work.AddRange(Enumerable.Repeat(new MapFileWork(_data.Raw, file, entity.Cube.Name, null), copies));
            }
        }

        return (work, expected);
    }

    private static string Cells(Core.Aggregations.CubeCells cube) =>
        string.Join("\n", cube.Cells.Select(c => $"{c.Key.Dimension}|{c.Key.Month}|{c.Key.Label}={string.Join(",", c.Value)}").Order(StringComparer.Ordinal));
}
