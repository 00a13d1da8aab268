using System.Text.Json;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Manifest;
using HubAspire.Etl.Pipeline;
using HubAspire.Etl.Tests.Processed.Support;
using HubAspire.Etl.Tests.Support;
using HubAspire.Mapping;
using HubAspire.Testing.Postgres;
using Npgsql;

namespace HubAspire.Etl.Tests;

/// <summary>
/// The original product's layout — one pandas-style <c>&lt;entity&gt;.parquet</c> per entity, no
/// manifest — read as a dataset: the same cubes as the generated dataset it was written from, the
/// input never touched, a re-run reused until a file changes, and a missing file named.
/// </summary>
public sealed class OriginalLayoutTests(PostgresFixture server) : IDisposable
{
    private const double Scale = 0.002;
    private const long Rows = 9_700;

    private readonly TempDirectory _generated = new();
    private readonly TempDirectory _original = new();

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_original_layout_gives_the_cubes_of_the_generated_dataset_and_leaves_its_folder_unchanged()
    {
        var generatedConnection = await DatabaseAsync();
        var originalConnection = await DatabaseAsync();
        await RealPipeline.GenerateAsync(_generated.Path, Scale);
        var expected = await RealPipeline.RunEtlAsync(_generated.Path, generatedConnection);
        PandasStyle.WriteOriginalLayout(_generated.Raw, _original.Raw);
        PandasStyle.AssertTypes(Path.Combine(_original.Raw, "web_analytics.parquet"));
        var input = ProcessedEtl.Snapshot(_original.Raw);
        var times = WriteTimes(_original.Raw);

        var actual = await RealPipeline.RunEtlAsync(_original.Path, originalConnection);

        Assert.False(actual.Reused);
        Assert.Equal(Rows, actual.RowsRead);
        Assert.Equal(
            EtlHarness.CellLines(await EtlHarness.CubesAsync(generatedConnection, expected.RunId)),
            EtlHarness.CellLines(await EtlHarness.CubesAsync(originalConnection, actual.RunId)));

        // Read, never written: the same seven files, bytes and times; no manifest added.
        Assert.Equal(CrmSchema.Entities.Select(e => $"{e.Name}.parquet").Order(), input.Keys.Order());
        ProcessedEtl.AssertUnchanged(input, _original.Raw);
        Assert.Equal(times, WriteTimes(_original.Raw));

        var run = (await EtlHarness.LatestAsync(originalConnection))!;
        Assert.Equal(actual.RunId, run.Id);
        Assert.Equal(_original.Raw, run.Dataset.ManifestPath);
        Assert.Equal(OriginalLayout.UnknownSeed, run.Dataset.Seed);
        Assert.Equal(Scale, run.Dataset.Scale);
        Assert.Matches("^original-layout/[0-9a-f]{16}$", run.Dataset.GeneratorVersion);
        // The newest file's time, at the store's microsecond precision.
        Assert.Equal(times.Values.Max().Ticks / 10, run.Dataset.ManifestCreatedAt.UtcTicks / 10);
        Assert.Equal(Rows, run.Dataset.TotalRows);

        // The processed dataset beside it, in the same layout, and current: a re-run changes nothing.
        var processed = Path.Combine(_original.Path, "processed");
        Assert.Equal(["processed", "raw"], ProcessedEtl.Entries(_original.Path));
        Assert.Equal(CrmSchema.Entities.Select(e => $"{e.Name}.parquet").Append("_manifest.json").Order(),
            Directory.GetFiles(processed).Select(Path.GetFileName).Order());
        using (var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(processed, "_manifest.json"), CancellationToken)))
        {
            Assert.Equal(actual.RunId, manifest.RootElement.GetProperty("etlRunId").GetInt64());
        }

        var published = ProcessedEtl.Snapshot(processed);
        Assert.True((await RealPipeline.RunEtlAsync(_original.Path, originalConnection)).Reused);
        ProcessedEtl.AssertUnchanged(published, processed);
    }

    [Fact]
    public async Task A_rerun_on_the_unchanged_folder_reuses_its_run_and_a_changed_file_gives_a_new_one()
    {
        var connection = await DatabaseAsync();
        await RealPipeline.GenerateAsync(_generated.Path, Scale);
        PandasStyle.WriteOriginalLayout(_generated.Raw, _original.Raw);
        var deals = Path.Combine(_original.Raw, "deals.parquet");

        var first = await RealPipeline.RunEtlAsync(_original.Path, connection);
        var again = await RealPipeline.RunEtlAsync(_original.Path, connection);

        Assert.True(again.Reused);
        Assert.Equal(first.RunId, again.RunId);

        // Touched, even to an older time than the other files': a new dataset.
        File.SetLastWriteTimeUtc(deals, File.GetLastWriteTimeUtc(deals).AddDays(-1));
        var touched = await RealPipeline.RunEtlAsync(_original.Path, connection);

        Assert.False(touched.Reused);
        Assert.NotEqual(first.RunId, touched.RunId);
        Assert.Equal(touched.RunId, (await RealPipeline.RunEtlAsync(_original.Path, connection)).RunId);

        // The same rows rewritten (dictionary strings, so another size) with the old time put back: a new dataset too.
        var time = File.GetLastWriteTimeUtc(deals);
        var size = new FileInfo(deals).Length;
        DuckDbFiles.Rewrite(deals, "select * from {file}");
        File.SetLastWriteTimeUtc(deals, time);
        Assert.NotEqual(size, new FileInfo(deals).Length);

        var resized = await RealPipeline.RunEtlAsync(_original.Path, connection);

        Assert.False(resized.Reused);
        Assert.NotEqual(touched.RunId, resized.RunId);
        Assert.Equal(resized.RunId, (await EtlHarness.LatestAsync(connection))!.Id);
        Assert.Equal(
            EtlHarness.CellLines(await EtlHarness.CubesAsync(connection, first.RunId)),
            EtlHarness.CellLines(await EtlHarness.CubesAsync(connection, resized.RunId)));
    }

    [Fact]
    public async Task Files_directly_in_the_data_directory_are_read_too()
    {
        var connection = await DatabaseAsync();
        await RealPipeline.GenerateAsync(_generated.Path, Scale);
        PandasStyle.WriteOriginalLayout(_generated.Raw, _original.Path);
        var input = ProcessedEtl.Snapshot(_original.Path);

        var result = await RealPipeline.RunEtlAsync(_original.Path, connection);

        Assert.Equal(Rows, result.RowsRead);
        Assert.Equal(_original.Path, (await EtlHarness.LatestAsync(connection))!.Dataset.ManifestPath);
        Assert.True((await RealPipeline.RunEtlAsync(_original.Path, connection)).Reused);
        // The input files are untouched; the only addition is the processed dataset beside them.
        Assert.Equal(input.Keys.Append("processed").Order(StringComparer.Ordinal), ProcessedEtl.Entries(_original.Path));
        Assert.All(input, file => Assert.True(file.Value.AsSpan().SequenceEqual(File.ReadAllBytes(_original.File(file.Key))), $"{file.Key} changed"));
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("")]
    public async Task Missing_entity_files_are_named_and_no_run_starts(string folder)
    {
        var connection = await DatabaseAsync();
        await RealPipeline.GenerateAsync(_generated.Path, Scale);
        var directory = Path.Combine(_original.Path, folder);
        PandasStyle.WriteOriginalLayout(_generated.Raw, directory);
        File.Delete(Path.Combine(directory, "deals.parquet"));
        File.Delete(Path.Combine(directory, "web_analytics.parquet"));

        var error = await Assert.ThrowsAsync<EtlException>(() => RealPipeline.RunEtlAsync(_original.Path, connection));

        Assert.Equal(
            $"Incomplete dataset in {directory}: no manifest (_manifest.json), and of the original product's layout, one <entity>.parquet per entity, " +
            "2 of 7 files are missing: deals.parquet, web_analytics.parquet. Add the missing files, or run the generator first (dotnet run --project services/HubAspire.Generator).",
            error.Message);
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await using var tables = dataSource.CreateCommand("select count(*) from information_schema.tables where table_schema = 'public'");
        Assert.Equal(0L, await tables.ExecuteScalarAsync(CancellationToken));
    }

    private async Task<string> DatabaseAsync() =>
        await (await server.GetServerAsync(CancellationToken)).CreateDatabaseAsync("etl_original", CancellationToken);

    private static Dictionary<string, DateTime> WriteTimes(string directory) =>
        Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), File.GetLastWriteTimeUtc);

    public void Dispose()
    {
        _generated.Dispose();
        _original.Dispose();
    }
}
