using System.Diagnostics;
using HubAspire.Cluster.Client;
using HubAspire.Cluster.Contracts;
using HubAspire.Core.Schema;
using HubAspire.Datasets;
using HubAspire.Datasets.Manifest;
using HubAspire.Generation;
using HubAspire.Generator.Telemetry;
using HubAspire.Jobs;
using Microsoft.Extensions.Logging;

namespace HubAspire.Generator.Generation;

/// <summary>Outcome of a generation: the dataset's manifest and whether an existing one was reused.</summary>
public sealed record GenerationResult(DatasetManifest Manifest, string DatasetDirectory, bool Reused);

/// <summary>
/// Writes the raw dataset: every file of the plan, several at a time, into a hidden stage;
/// then the manifest; then the stage replaces <c>raw/</c> in one move. Output depends only on
/// seed and scale: each row group draws from its own random stream, whatever thread writes it.
/// </summary>
public sealed class DatasetGenerator(ILogger<DatasetGenerator> logger, FileWorkers? cluster = null)
{
    static DatasetGenerator()
    {
        // A row group's random stream is keyed by its index within the entity, so files must
        // start on row-group boundaries.
        Debug.Assert(DatasetLayout.MaxRowsPerFile % GenerationPlan.RowsPerRowGroup == 0);
    }

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var datasetDirectory = new DatasetLayout(request.DataDirectory).RawDirectory;
        if (!request.Force && FindReusable(request, datasetDirectory) is { } existing)
        {
            logger.LogInformation(
                "Reusing the dataset in {Directory}: {Rows:N0} rows, seed {Seed}, scale {Scale}, generator {Version} (pass --force to regenerate)",
                datasetDirectory, existing.TotalRows, existing.Seed, existing.Scale, existing.GeneratorVersion);
            return new GenerationResult(existing, datasetDirectory, Reused: true);
        }

        using var run = GeneratorTelemetry.Source.StartActivity("generate dataset");
        run?.SetTag("hubaspire.seed", request.Seed);
        run?.SetTag("hubaspire.scale", request.Scale);

        var counts = new EntityCounts(request.Scale);
        var files = GenerationPlan.Files(counts);
        var totalRows = files.Sum(f => f.Rows);
        logger.LogInformation("Generating {Rows:N0} rows (scale {Scale}, seed {Seed}) into {Directory} {Workers}",
            totalRows, request.Scale, request.Seed, datasetDirectory, cluster is null ? $"with {request.Workers} worker(s)" : "on the cluster's silos");

        using var stage = StagedDirectory.Create(datasetDirectory);
        foreach (var entity in CrmSchema.Entities)
        {
            Directory.CreateDirectory(Path.Combine(stage.Path, entity.Name));
        }

        var entities = files.GroupBy(f => f.Generator.Schema.Name)
            .ToDictionary(g => g.Key, g => new EntityTracker(g.Key, g.Count(), g.Sum(f => f.Rows), run));
        using var progress = new RowProgress(logger, "generated", entities.ToDictionary(e => e.Key, e => e.Value.Rows), GeneratorTelemetry.RowsGenerated);
        var keyed = new KeyedRandom(request.Seed, counts);
        var written = new ManifestFile[files.Count];

        // Largest files first, so the last ones to finish are short and the cores stay busy.
        var schedule = files.Select((file, index) => (file, index)).OrderByDescending(f => f.file.Rows).ToList();
        if (cluster is null)
        {
            await Parallel.ForEachAsync(schedule,
                new ParallelOptions { MaxDegreeOfParallelism = request.Workers, CancellationToken = cancellationToken },
                async (item, token) =>
                {
                    var tracker = entities[item.file.Generator.Schema.Name];
                    progress.Start(tracker.Name);
                    using (var span = GeneratorTelemetry.Source.StartActivity("write " + item.file.RelativePath, ActivityKind.Internal, tracker.StartFile()))
                    {
                        span?.SetTag("hubaspire.rows", item.file.Rows);
                        written[item.index] = await FileWriter.WriteAsync(item.file, stage.Path, request.Seed, keyed, rows => progress.Add(tracker.Name, rows), token);
                    }

                    tracker.FinishFile();
                });
        }
        else
        {
            // Each silo writes its files into the stage, which it shares with this process by path.
            var index = schedule.ToDictionary(item => item.file.RelativePath, item => (item.index, entity: item.file.Generator.Schema.Name));
            var work = schedule.Select(item => new GenerateFileWork(request.Seed, request.Scale, item.file.RelativePath, stage.Path)).ToList();
            await cluster.GenerateAsync(work, (file, outcome) =>
            {
                var (position, entity) = index[file.RelativePath];
                written[position] = outcome.File!;
                progress.Start(entity);
                progress.Add(entity, checked((int)outcome.File!.Rows));
            }, cancellationToken);
        }

        var manifest = new DatasetManifest(
            CrmSchema.Version,
            GeneratorVersion.Current,
            request.Seed,
            request.Scale,
            DateTimeOffset.UtcNow,
            run?.Id,
            CrmSchema.Entities.Select(entity =>
            {
                var entityFiles = written.Where(f => f.Path.StartsWith(entity.Name + "/", StringComparison.Ordinal)).ToList();
                return new ManifestEntity(entity.Name, entityFiles.Sum(f => f.Rows), entityFiles);
            }).ToList());
        manifest.WriteAtomically(stage.Path);
        stage.Publish();

        var seconds = progress.Elapsed.TotalSeconds;
        GeneratorTelemetry.RunDuration.Record(seconds);
        logger.LogInformation(
            "Dataset ready in {Directory}: {Rows:N0} rows, {Megabytes:N1} MB, in {Seconds:F2} s ({RowsPerSecond:N0} rows/s), peak memory {PeakMegabytes:N0} MB",
            datasetDirectory, totalRows, written.Sum(f => f.Bytes) / 1e6, seconds, totalRows / Math.Max(seconds, 1e-6),
            Process.GetCurrentProcess().PeakWorkingSet64 / 1e6);
        return new GenerationResult(manifest, datasetDirectory, Reused: false);
    }

    /// <summary>The existing dataset when it was made by this generator version from the same seed and scale, and is intact.</summary>
    private DatasetManifest? FindReusable(GenerationRequest request, string datasetDirectory)
    {
        DatasetManifest? manifest;
        try
        {
            manifest = DatasetManifest.TryRead(datasetDirectory);
        }
        catch (InvalidDataException e)
        {
            logger.LogWarning("Ignoring the existing dataset: {Reason}", e.Message);
            return null;
        }

        var matches = manifest is not null
            && manifest.Seed == request.Seed
            && manifest.Scale.Equals(request.Scale)
            && manifest.GeneratorVersion == GeneratorVersion.Current
            && manifest.SchemaVersion == CrmSchema.Version;
        if (!matches)
        {
            return null;
        }

        var intact = ManifestFiles.AreIntact(datasetDirectory, manifest!.Entities);
        if (!intact)
        {
            logger.LogWarning("The dataset in {Directory} matches but its files differ from its manifest; regenerating", datasetDirectory);
        }

        return intact ? manifest : null;
    }

    /// <summary>An entity's span: from its first file's start to its last file's end.</summary>
    private sealed class EntityTracker(string name, int files, long rows, Activity? run)
    {
        private readonly Lock _lock = new();
        private Activity? _span;
        private int _remaining = files;

        public string Name => name;

        /// <summary>The entity's rows in all its files.</summary>
        public long Rows => rows;

        /// <summary>Starts the entity's span with its first file; returns the parent for the file's span.</summary>
        public ActivityContext StartFile()
        {
            lock (_lock)
            {
                _span ??= GeneratorTelemetry.Source.StartActivity("generate " + name, ActivityKind.Internal, run?.Context ?? default);
                return _span?.Context ?? default;
            }
        }

        /// <summary>Counts a finished file; the last one ends the entity's span.</summary>
        public void FinishFile()
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _span?.SetTag("hubaspire.rows", rows);
                _span?.Stop();
            }
        }
    }
}
