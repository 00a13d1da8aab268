using HubAspire.Datasets.Manifest;
using HubAspire.Generator.Tests.Support;

namespace HubAspire.Generator.Tests;

public sealed class RowCountTests
{
    // Scale-1 counts from DATA.md.
    private static readonly (string Entity, long Rows)[] ScaleOne =
    [
        ("companies", 50_000), ("contacts", 500_000), ("deals", 300_000), ("marketing_events", 1_000_000),
        ("email_campaigns", 800_000), ("support_tickets", 200_000), ("web_analytics", 2_000_000),
    ];

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.0123)]
    [InlineData(1e-9)]
    public async Task Each_entity_has_its_count_times_the_scale_and_at_least_one_row(double scale)
    {
        using var directory = new TempDirectory();
        var result = await Generate.IntoAsync(directory.Path, scale);
        using var db = new DuckDb(directory.Raw);

        foreach (var (entity, rows) in ScaleOne)
        {
            var expected = Math.Max(1, (long)Math.Round(rows * scale, MidpointRounding.AwayFromZero));
            Assert.Equal(expected, db.Scalar<long>($"select count(*) from {entity}"));
            Assert.Equal(expected, result.Manifest.Entity(entity).Rows);
        }
    }

    [Fact]
    public async Task A_large_entity_is_split_into_files_of_at_most_a_million_rows_with_ids_in_order()
    {
        using var directory = new TempDirectory();
        await Generate.IntoAsync(directory.Path, scale: 0.6); // web_analytics: 1.2M rows → 2 files
        using var db = new DuckDb(directory.Raw);

        var files = db.Rows($"select filename, count(*), min(session_id), max(session_id) from read_parquet('{directory.Raw}/web_analytics/*.parquet', filename = true) group by filename order by filename");
        Assert.Equal(2, files.Count);
        Assert.Equal([1_000_000L, 1L, 1_000_000L], files[0][1..].Select(Convert.ToInt64));
        Assert.Equal([200_000L, 1_000_001L, 1_200_000L], files[1][1..].Select(Convert.ToInt64));
    }

    [Fact]
    public async Task The_manifest_lists_every_file_with_its_rows_and_bytes_and_DuckDB_reads_them_all()
    {
        using var directory = new TempDirectory();
        await Generate.IntoAsync(directory.Path, scale: 0.01, seed: 7);
        var manifest = DatasetManifest.TryRead(directory.Raw)!;
        using var db = new DuckDb(directory.Raw);

        Assert.Equal(7, manifest.Seed);
        Assert.Equal(0.01, manifest.Scale);
        Assert.Equal(48_500, manifest.TotalRows);
        Assert.Equal(ScaleOne.Select(e => e.Entity), manifest.Entities.Select(e => e.Name));
        foreach (var file in manifest.Entities.SelectMany(e => e.Files))
        {
            var path = Path.Combine(directory.Raw, file.Path);
            Assert.Equal(file.Bytes, new FileInfo(path).Length);
            Assert.Equal(file.Rows, db.Scalar<long>($"select count(*) from read_parquet('{path}')"));
        }
    }
}
