using System.Text.Json;
using HubAspire.Datasets.Manifest;
using HubAspire.Etl.Tests.Processed.Support;

namespace HubAspire.Etl.Tests.Processed;

/// <summary>
/// The processed dataset of a generated dataset, read with DuckDB: per raw file one processed file
/// with the same row groups; every raw column unchanged; every derived column equal to ETL.md's
/// rule computed independently in SQL, for every row; a manifest listing it all.
/// </summary>
public sealed class ProcessedDatasetTests(ProcessedDatasetFixture dataset) : IClassFixture<ProcessedDatasetFixture>
{
    public static TheoryData<string> Entities => ProcessedExpectations.Entities;

    [Theory]
    [MemberData(nameof(Entities))]
    public void Columns_and_types_are_the_raw_ones_then_the_derived_ones(string entity)
    {
        var expected = ProcessedExpectations.Get(entity);

        Assert.Equal(expected.RawColumns, dataset.Db.Describe($"{dataset.Db.Raw}/{entity}/*.parquet"));
        Assert.Equal(expected.ProcessedColumns, dataset.Db.Describe($"{dataset.Db.Processed}/{entity}/*.parquet"));
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Each_raw_file_has_a_processed_file_with_the_same_row_groups(string entity)
    {
        var raw = dataset.Db.RowGroups(dataset.Db.Raw, entity);

        Assert.NotEmpty(raw);
        Assert.Equal(raw, dataset.Db.RowGroups(dataset.Db.Processed, entity));
    }

    [Fact]
    public void A_table_of_several_row_groups_keeps_them()
    {
        // 200,000 web sessions at scale 0.1: the generator's 125,000-row groups, then the rest.
        Assert.Equal(["web_analytics/part-00000.parquet #0: 125000", "web_analytics/part-00000.parquet #1: 75000"],
            dataset.Db.RowGroups(dataset.Db.Processed, "web_analytics"));
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Raw_columns_equal_the_raw_files_row_for_row(string entity)
    {
        var expected = ProcessedExpectations.Get(entity);

        var differences = dataset.Db.RawColumnDifferences(expected);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.Equal(dataset.Db.Long($"select count(*) from raw_{entity}"), dataset.Db.Long($"select count(*) from processed_{entity}"));
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Derived_columns_equal_the_rules_computed_independently_for_every_row(string entity)
    {
        var differences = dataset.Db.DerivedColumnDifferences(ProcessedExpectations.Get(entity));
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void Row_counts_are_the_scaled_counts_of_the_spec()
    {
        var counts = ProcessedExpectations.All.ToDictionary(e => e.Name, e => dataset.Db.Long($"select count(*) from processed_{e.Name}"));

        Assert.Equal(new Dictionary<string, long>
        {
            ["companies"] = 5_000, ["contacts"] = 50_000, ["deals"] = 30_000, ["marketing_events"] = 100_000,
            ["email_campaigns"] = 80_000, ["support_tickets"] = 20_000, ["web_analytics"] = 200_000,
        }, counts);
    }

    [Fact]
    public void Labels_are_dictionary_encoded_flags_are_int32_and_every_page_is_snappy()
    {
        var chunks = dataset.Db.Rows($"select path_in_schema, type, compression, encodings from parquet_metadata('{dataset.Db.Processed}/*/*.parquet')");

        Assert.All(chunks, chunk => Assert.Equal("SNAPPY", chunk[2]));
        var dictionary = chunks.Where(c => ((string)c[3]!).Contains("DICTIONARY")).Select(c => (string)c[0]!).ToHashSet();
        foreach (var label in new[] { "employee_tier", "lead_grade", "revenue_bucket", "quarter", "month", "day_of_week", "industry", "stage", "action", "priority", "country" })
        {
            Assert.Contains(label, dictionary);
        }

        Assert.DoesNotContain("email", dictionary);
        var flags = new[] { "is_won", "is_lost", "is_open", "is_engaged", "is_opened", "is_clicked", "is_bounced", "is_unsub", "sla_met", "engaged_session", "hour" };
        Assert.All(chunks.Where(c => flags.Contains((string)c[0]!)), chunk => Assert.Equal("INT32", chunk[1]));
        Assert.Equal(["0", "1"], dataset.Db.Rows("select distinct is_open::varchar from processed_deals order by 1").Select(r => (string)r[0]!));
    }

    [Fact]
    public void The_manifest_lists_every_file_with_its_rows_and_size_and_names_the_raw_dataset_and_the_run()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dataset.Db.Processed, "_manifest.json")));
        using var raw = JsonDocument.Parse(File.ReadAllText(Path.Combine(dataset.Db.Raw, "_manifest.json")));
        var root = manifest.RootElement;

        var listed = root.GetProperty("entities").EnumerateArray()
            .SelectMany(e => e.GetProperty("files").EnumerateArray().Select(f => (Entity: e.GetProperty("name").GetString()!, File: f)))
            .ToList();
        var onDisk = Directory.GetFiles(dataset.Db.Processed, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dataset.Db.Processed, f)).Order(StringComparer.Ordinal);
        Assert.Equal(["_manifest.json", .. listed.Select(l => l.File.GetProperty("path").GetString()!).Order(StringComparer.Ordinal)], onDisk);
        Assert.Equal(ProcessedExpectations.All.Select(e => e.Name), root.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        foreach (var (entity, file) in listed)
        {
            var path = file.GetProperty("path").GetString()!;
            Assert.StartsWith(entity + "/part-", path);
            Assert.Equal(new FileInfo(Path.Combine(dataset.Db.Processed, path)).Length, file.GetProperty("bytes").GetInt64());
            Assert.Equal(dataset.Db.Long($"select count(*) from read_parquet('{dataset.Db.Processed}/{path}')"), file.GetProperty("rows").GetInt64());
        }

        Assert.Equal(485_000, root.GetProperty("entities").EnumerateArray().Sum(e => e.GetProperty("rows").GetInt64()));
        Assert.Equal(dataset.Run.RunId, root.GetProperty("etlRunId").GetInt64());
        var source = root.GetProperty("source");
        Assert.Equal(Path.Combine(dataset.Db.Raw, "_manifest.json"), source.GetProperty("manifestPath").GetString());
        foreach (var property in new[] { "seed", "scale", "createdAt", "generatorVersion", "schemaVersion" })
        {
            Assert.Equal(raw.RootElement.GetProperty(property).GetRawText(), source.GetProperty(property).GetRawText());
        }

        Assert.Equal(485_000, source.GetProperty("totalRows").GetInt64());

        // Its first fields are a raw manifest's, so a consumer of raw datasets reads it the same way.
        Assert.Equal(485_000, DatasetManifest.TryRead(dataset.Db.Processed)!.TotalRows);
    }

    [Fact]
    public void Nothing_but_the_two_datasets_is_left_in_the_data_directory()
    {
        Assert.Equal(["processed", "raw"], ProcessedEtl.Entries(dataset.DataDirectory));
    }
}
