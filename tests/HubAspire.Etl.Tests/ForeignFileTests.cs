using HubAspire.Core.Schema;
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
        await RealPipeline.GenerateAsync(_ours.Path, scale: 0.002);
        CopyDirectory(_ours.Raw, _foreign.Raw);
        foreach (var file in Directory.GetFiles(_foreign.Raw, "*.parquet", SearchOption.AllDirectories))
        {
            var entity = CrmSchema.Get(Path.GetFileName(Path.GetDirectoryName(file))!);
            DuckDbFiles.Rewrite(file, $"select {PandasStyle.Columns(entity)} from {{file}}", PandasStyle.CopyOptions);
        }

        PandasStyle.AssertTypes(Path.Combine(_foreign.Raw, "web_analytics", "part-00000.parquet"));

        var oursConnection = await database.CreateDatabaseAsync("etl_ours", cancellationToken);
        var foreignConnection = await database.CreateDatabaseAsync("etl_foreign", cancellationToken);
        var ours = await RealPipeline.RunEtlAsync(_ours.Path, oursConnection);
        var foreign = await RealPipeline.RunEtlAsync(_foreign.Path, foreignConnection);

        var expected = await EtlHarness.CubesAsync(oursConnection, ours.RunId);
        var actual = await EtlHarness.CubesAsync(foreignConnection, foreign.RunId);
        Assert.Equal(EtlHarness.CellLines(expected), EtlHarness.CellLines(actual));
    }

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
