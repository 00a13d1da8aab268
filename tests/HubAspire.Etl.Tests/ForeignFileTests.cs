using HubAspire.Core.Aggregations;
using HubAspire.Etl.Tests.Support;
using HubAspire.Testing.Postgres;

namespace HubAspire.Etl.Tests;

/// <summary>
/// The same rows written the way pandas/pyarrow writes them — every integer INT64, timestamps in
/// nanoseconds without a zone, strings plain rather than dictionary-encoded — give identical cubes.
/// </summary>
public sealed class ForeignFileTests(PostgresFixture server) : IDisposable
{
    private readonly TempDirectory _ours = new();
    private readonly TempDirectory _foreign = new();

    [Fact]
    public async Task Foreign_physical_types_give_identical_aggregates()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var database = await server.GetServerAsync(cancellationToken);
        await EtlHarness.GenerateAsync(_ours.Path, scale: 0.002);
        CopyDirectory(_ours.Raw, _foreign.Raw);
        foreach (var file in Directory.GetFiles(_foreign.Raw, "*.parquet", SearchOption.AllDirectories))
        {
            DuckDbFiles.Rewrite(file, $"select {PandasColumns(file)} from {{file}}", "string_dictionary_page_size_limit 1");
        }

        var web = Path.Combine(_foreign.Raw, "web_analytics", "part-00000.parquet");
        Assert.Equal("INT64", DuckDbFiles.Scalar($"select type from parquet_schema('{web}') where name = 'bounce'"));
        Assert.Equal("INT64", DuckDbFiles.Scalar($"select type from parquet_schema('{web}') where name = 'timestamp'"));
        Assert.Contains("NANOS", DuckDbFiles.Scalar($"select logical_type from parquet_schema('{web}') where name = 'timestamp'"));
        Assert.DoesNotContain("DICTIONARY", DuckDbFiles.Scalar($"select string_agg(encodings) from parquet_metadata('{web}') where path_in_schema = 'country'"));

        var oursConnection = await database.CreateDatabaseAsync("etl_ours", cancellationToken);
        var foreignConnection = await database.CreateDatabaseAsync("etl_foreign", cancellationToken);
        var ours = await EtlHarness.RunAsync(_ours.Path, oursConnection);
        var foreign = await EtlHarness.RunAsync(_foreign.Path, foreignConnection);

        var expected = await EtlHarness.CubesAsync(oursConnection, ours.RunId);
        var actual = await EtlHarness.CubesAsync(foreignConnection, foreign.RunId);
        Assert.Equal(Describe(expected), Describe(actual));
    }

    /// <summary>Every integer column widened to BIGINT, every timestamp to a zone-less nanosecond TIMESTAMP_NS.</summary>
    private static string PandasColumns(string file)
    {
        var entity = HubAspire.Core.Schema.CrmSchema.Get(Path.GetFileName(Path.GetDirectoryName(file))!);
        return string.Join(", ", entity.Columns.Select(c => c.Type switch
        {
            HubAspire.Core.Schema.ColumnType.Int32 => $"cast({c.Name} as bigint) as {c.Name}",
            HubAspire.Core.Schema.ColumnType.Timestamp => $"cast(make_timestamp(epoch_us({c.Name})) as timestamp_ns) as {c.Name}",
            _ => c.Name,
        }));
    }

    private static List<string> Describe(IReadOnlyList<CubeCells> cubes) =>
        cubes.SelectMany(cube => cube.Cells.Select(cell =>
                $"{cube.Definition.Name}|{cell.Key.Dimension}|{cell.Key.Month}|{cell.Key.Label}|{string.Join(",", cell.Value)}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        _ours.Dispose();
        _foreign.Dispose();
    }
}
