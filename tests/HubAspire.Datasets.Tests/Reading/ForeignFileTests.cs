using HubAspire.Datasets.Reading;
using HubAspire.Datasets.Tests.Support;

namespace HubAspire.Datasets.Tests.Reading;

/// <summary>
/// Files written by another tool (DuckDB, like pandas/pyarrow: OPTIONAL columns, other physical
/// widths, µs/ns/ms timestamps, plain and dictionary strings) read as DuckDB itself reads them.
/// </summary>
public sealed class ForeignFileTests : IDisposable
{
    private const int Rows = 5_000;

    private readonly TempDirectory _temp = new();
    private readonly DuckDb _db = new();
    private readonly string _path;

    public ForeignFileTests()
    {
        _path = _temp.File("foreign.parquet");
        // Three row groups (2048, 2048, 904 rows); every column OPTIONAL (DuckDB's default) but without nulls.
        _db.CopyToParquet($"""
            select
                (i * 1000003 - 2500000000)::BIGINT as big,
                (i * 397 - 1000000)::INTEGER as int,
                (i % 60000 - 30000)::SMALLINT as small,
                (i % 256 - 128)::TINYINT as tiny,
                (i % 256)::UTINYINT as utiny,
                (i % 65536)::USMALLINT as usmall,
                (i * 850000)::UINTEGER as uint,
                (i % 3 = 0) as flag,
                (i * 0.125 - 7.5)::DOUBLE as dbl,
                (i * 0.25)::FLOAT as flt,
                TIMESTAMP '1969-12-31 23:00:00' + to_milliseconds(i * 7919) as ts,
                (TIMESTAMP '1969-12-31 23:00:00' + to_milliseconds(i * 7919))::TIMESTAMP_NS as ts_ns,
                (TIMESTAMP '1969-12-31 23:00:00' + to_milliseconds(i * 7919))::TIMESTAMP_MS as ts_ms,
                (TIMESTAMP '1969-12-31 23:00:00' + to_milliseconds(i * 7919))::TIMESTAMPTZ as ts_tz,
                ['DE', 'München', '東京', '', 'US', '🎉'][i % 6 + 1] as country,
                'session-' || i as unique_text
            from range({Rows}) r(i)
            """, _path, "row_group_size 2048");
    }

    [Theory]
    [InlineData("big")]
    [InlineData("int")]
    [InlineData("small")]
    [InlineData("tiny")]
    [InlineData("utiny")]
    [InlineData("usmall")]
    [InlineData("uint")]
    [InlineData("flag")]
    public async Task Integers_and_booleans_widen_to_Int64(string column)
    {
        var expected = _db.Column<long>(_path, $"{column}::BIGINT");

        Assert.Equal(expected, await Read.Int64Async(_path, column));
        Assert.Equal(Rows, expected.Count);
    }

    [Theory]
    [InlineData("dbl")]
    [InlineData("flt")]
    [InlineData("big")]
    [InlineData("int")]
    [InlineData("small")]
    [InlineData("tiny")]
    [InlineData("uint")]
    public async Task Floats_doubles_and_integers_read_as_Double(string column)
    {
        var expected = _db.Column<double>(_path, $"{column}::DOUBLE");

        Assert.Equal(expected, await Read.DoubleAsync(_path, column));
    }

    [Theory]
    [InlineData("ts", "INT64 (TIMESTAMP(MICROS))")]
    [InlineData("ts_ns", "INT64 (TIMESTAMP(NANOS))")]
    [InlineData("ts_ms", "INT64 (TIMESTAMP(MILLIS))")]
    [InlineData("ts_tz", "INT64 (TIMESTAMP(MICROS, UTC))")]
    public async Task Timestamps_of_any_unit_read_as_Unix_seconds_rounded_down(string column, string fileType)
    {
        // Computed here, not by DuckDB: 1969-12-31T23:00:00Z plus i × 7.919 s, floored.
        var expected = Enumerable.Range(0, Rows).Select(i => (long)Math.Floor((-3_600_000L + i * 7_919L) / 1000.0));

        Assert.Equal(expected, await Read.SecondsAsync(_path, column));
        // The file really stores that unit (the message of an incompatible request shows the type).
        await using var source = await ParquetFileSource.OpenAsync(_path, TestContext.Current.CancellationToken);
        var error = Assert.Throws<ParquetSchemaException>(() => source.Validate([new(column, ReadAs.Int64)]));
        Assert.Equal(fileType, error.ActualType);
    }

    [Fact]
    public async Task Dictionary_encoded_strings_read_as_written()
    {
        Assert.All(_db.Encodings(_path, "country"), e => Assert.Contains("DICTIONARY", e));

        Assert.Equal(_db.Column<string>(_path, "country"), await Read.StringsAsync(_path, "country"));
    }

    [Fact]
    public async Task Plain_encoded_strings_read_as_written()
    {
        var path = _temp.File("plain.parquet");
        _db.CopyToParquet($"select * from read_parquet('{_path}')", path, "row_group_size 2048, string_dictionary_page_size_limit 1");
        Assert.All(_db.Encodings(path, "country"), e => Assert.DoesNotContain("DICTIONARY", e));
        Assert.All(_db.Encodings(path, "unique_text"), e => Assert.DoesNotContain("DICTIONARY", e));

        Assert.Equal(_db.Column<string>(path, "country"), await Read.StringsAsync(path, "country"));
        Assert.Equal(_db.Column<string>(path, "unique_text"), await Read.StringsAsync(path, "unique_text"));
    }

    [Fact]
    public async Task Codes_are_per_row_group_dense_and_in_order_of_first_appearance()
    {
        await using var source = await ParquetFileSource.OpenAsync(_path, TestContext.Current.CancellationToken);
        Assert.Equal([2048, 2048, 904], Enumerable.Range(0, source.RowGroupCount).Select(source.RowGroupRowCount));

        for (var rowGroup = 0; rowGroup < source.RowGroupCount; rowGroup++)
        {
            var read = await source.ReadRowGroupAsync(rowGroup, [new("country", ReadAs.Categorical)], TestContext.Current.CancellationToken);
            var column = read.Categorical("country");
            var firstRow = rowGroup * 2048;
            var strings = Enumerable.Range(firstRow, read.RowCount).Select(i => new[] { "DE", "München", "東京", "", "US", "🎉" }[i % 6]).ToArray();

            Assert.Equal(strings.Distinct(), column.Values);
            Assert.Equal(strings.Select(s => column.Values.ToList().IndexOf(s)), column.Codes.ToArray());
        }
    }

    [Fact]
    public void The_columns_are_optional_as_pandas_and_DuckDB_write_them()
    {
        var repetition = _db.Rows($"select distinct repetition_type from parquet_schema('{_path}') where name <> 'duckdb_schema'");

        Assert.Equal("OPTIONAL", Assert.Single(repetition)[0]);
    }

    public void Dispose()
    {
        _db.Dispose();
        _temp.Dispose();
    }
}
