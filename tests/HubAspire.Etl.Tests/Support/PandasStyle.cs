using HubAspire.Core.Schema;

namespace HubAspire.Etl.Tests.Support;

/// <summary>
/// Our entities as pandas/pyarrow writes them, for DuckDB to write: every integer INT64, every
/// timestamp a zone-less nanosecond TIMESTAMP_NS, strings plain rather than dictionary-encoded.
/// </summary>
public static class PandasStyle
{
    /// <summary>DuckDB COPY options that keep strings plain: no dictionary page is small enough.</summary>
    public const string CopyOptions = "string_dictionary_page_size_limit 1";

    /// <summary>The select list over one of our files of <paramref name="entity"/> that gives pandas' physical types.</summary>
    public static string Columns(EntitySchema entity) =>
        string.Join(", ", entity.Columns.Select(c => c.Type switch
        {
            ColumnType.Int32 => $"cast({c.Name} as bigint) as {c.Name}",
            ColumnType.Timestamp => $"cast(make_timestamp(epoch_us({c.Name})) as timestamp_ns) as {c.Name}",
            _ => c.Name,
        }));

    /// <summary>Checks that a <c>web_analytics</c> file has pandas' physical types, as DuckDB reads its footer.</summary>
    public static void AssertTypes(string webAnalyticsFile)
    {
        Assert.Equal("INT64", DuckDbFiles.Scalar($"select type from parquet_schema('{webAnalyticsFile}') where name = 'bounce'"));
        Assert.Equal("INT64", DuckDbFiles.Scalar($"select type from parquet_schema('{webAnalyticsFile}') where name = 'timestamp'"));
        Assert.Contains("NANOS", DuckDbFiles.Scalar($"select logical_type from parquet_schema('{webAnalyticsFile}') where name = 'timestamp'"));
        Assert.DoesNotContain("DICTIONARY", DuckDbFiles.Scalar($"select string_agg(encodings) from parquet_metadata('{webAnalyticsFile}') where path_in_schema = 'country'"));
    }

    /// <summary>
    /// Writes the generated dataset in <paramref name="rawDirectory"/> the way the original product
    /// stored it: one <c>&lt;entity&gt;.parquet</c> per entity in <paramref name="directory"/>, no manifest.
    /// </summary>
    public static void WriteOriginalLayout(string rawDirectory, string directory)
    {
        Directory.CreateDirectory(directory);
        using var db = new DuckDbSession();
        foreach (var entity in CrmSchema.Entities)
        {
            db.CopyToParquet($"select {Columns(entity)} from read_parquet('{rawDirectory}/{entity.Name}/*.parquet')",
                Path.Combine(directory, $"{entity.Name}.parquet"), CopyOptions);
        }
    }
}
