using HubAspire.Datasets.Reading;
using HubAspire.Datasets.Tests.Support;

namespace HubAspire.Datasets.Tests.Reading;

/// <summary>A missing column or a type that cannot be read as asked is a precise error, before any data is read.</summary>
public sealed class SchemaErrorTests : IDisposable
{
    private const string AnInteger = "an integer (INT32 or INT64 of 8 to 64 bits) or BOOLEAN";
    private const string ANumber = "a number (DOUBLE, FLOAT or an integer)";
    private const string ATimestamp = "a timestamp (INT64 TIMESTAMP in ms, µs or ns)";
    private const string AString = "a string (BYTE_ARRAY UTF8)";

    private readonly TempDirectory _temp = new();
    private readonly DuckDb _db = new();
    private readonly string _path;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public SchemaErrorTests()
    {
        _path = _temp.File("shapes.parquet");
        _db.CopyToParquet("""
            select 'x' as v, 1.5::DOUBLE as dbl, 7::BIGINT as big, 3::INTEGER as int, true as flag,
                   TIMESTAMP '2024-01-01 10:00:00' as ts, DATE '2024-01-01' as day, 1.25::DECIMAL(10, 2) as dec,
                   7::UBIGINT as ubig, [1, 2] as list, {'a': 1} as struct, TIME '10:00:00' as clock
            """, _path);
    }

    [Fact]
    public async Task A_missing_column_names_the_file_the_column_and_the_expected_type()
    {
        await using var source = await ParquetFileSource.OpenAsync(_path, Ct);

        var error = await Assert.ThrowsAsync<ParquetSchemaException>(() => source.ReadRowGroupAsync(0, [new("country", ReadAs.Categorical)], Ct));

        Assert.Equal($"Parquet file '{_path}' has no column 'country' (expected a string (BYTE_ARRAY UTF8)).", error.Message);
        Assert.Equal((_path, "country", AString, (string?)null), (error.FilePath, error.Column, error.ExpectedType, error.ActualType));
    }

    [Fact]
    public async Task Names_match_exactly()
    {
        await using var source = await ParquetFileSource.OpenAsync(_path, Ct);

        var error = Assert.Throws<ParquetSchemaException>(() => source.Validate([new("BIG", ReadAs.Int64)]));

        Assert.Equal($"Parquet file '{_path}' has no column 'BIG' (expected {AnInteger}).", error.Message);
    }

    [Fact]
    public async Task A_string_requested_as_an_integer_names_file_column_expected_and_actual_type()
    {
        await using var source = await ParquetFileSource.OpenAsync(_path, Ct);

        var error = await Assert.ThrowsAsync<ParquetSchemaException>(() => source.ReadRowGroupAsync(0, [new("big", ReadAs.Int64), new("v", ReadAs.Int64)], Ct));

        Assert.Equal($"Parquet file '{_path}': column 'v' is BYTE_ARRAY (UTF8), expected {AnInteger}.", error.Message);
        Assert.Equal((_path, "v", AnInteger, "BYTE_ARRAY (UTF8)"), (error.FilePath, error.Column, error.ExpectedType, error.ActualType));
    }

    [Theory]
    [InlineData("dbl", ReadAs.Int64, "DOUBLE", AnInteger)]
    [InlineData("dbl", ReadAs.TimestampSeconds, "DOUBLE", ATimestamp)]
    [InlineData("big", ReadAs.Categorical, "INT64 (INT_64)", AString)]
    [InlineData("int", ReadAs.TimestampSeconds, "INT32 (INT_32)", ATimestamp)]
    [InlineData("flag", ReadAs.Double, "BOOLEAN", ANumber)]
    [InlineData("ts", ReadAs.Int64, "INT64 (TIMESTAMP(MICROS))", AnInteger)]
    [InlineData("ts", ReadAs.Double, "INT64 (TIMESTAMP(MICROS))", ANumber)]
    [InlineData("day", ReadAs.TimestampSeconds, "INT32 (DATE)", ATimestamp)]
    [InlineData("dec", ReadAs.Double, "INT64 (DECIMAL(10, 2))", ANumber)]
    [InlineData("ubig", ReadAs.Int64, "INT64 (UINT_64)", AnInteger)]
    [InlineData("clock", ReadAs.Int64, "INT64 (TIME(MICROS))", AnInteger)]
    [InlineData("list", ReadAs.Int64, "a nested LIST column", AnInteger)]
    [InlineData("struct", ReadAs.Categorical, "a nested STRUCT column", AString)]
    public async Task Types_that_cannot_be_widened_are_refused_with_both_types_named(string column, ReadAs readAs, string actual, string expected)
    {
        await using var source = await ParquetFileSource.OpenAsync(_path, Ct);

        var error = Assert.Throws<ParquetSchemaException>(() => source.Validate([new(column, readAs)]));

        Assert.Equal($"Parquet file '{_path}': column '{column}' is {actual}, expected {expected}.", error.Message);
    }

    [Fact]
    public async Task Our_own_timestamp_type_is_described_as_written()
    {
        var path = _temp.File("own.parquet");
        await OwnFiles.WriteAsync(path, [OwnFiles.Rows(1, 2)]);
        await using var source = await ParquetFileSource.OpenAsync(path, Ct);

        var error = Assert.Throws<ParquetSchemaException>(() => source.Validate([new("at", ReadAs.Double), new("category", ReadAs.Double)]));

        Assert.Equal($"Parquet file '{path}': column 'at' is INT64 (TIMESTAMP(MILLIS, UTC)), expected {ANumber}.", error.Message);
    }

    public void Dispose()
    {
        _db.Dispose();
        _temp.Dispose();
    }
}
