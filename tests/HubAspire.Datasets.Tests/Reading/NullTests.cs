using HubAspire.Datasets.Reading;
using HubAspire.Datasets.Tests.Support;

namespace HubAspire.Datasets.Tests.Reading;

/// <summary>
/// OPTIONAL columns are accepted while they hold no null; a null that actually occurs is an
/// error naming the file, the column, the row group and the row, since no default stands in for it.
/// </summary>
public sealed class NullTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly DuckDb _db = new();
    private readonly string _path;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public NullTests()
    {
        _path = _temp.File("nulls.parquet");
        // Row groups of 2048, 2048 and 904 rows; row 4100 is row 4 of row group 2.
        _db.CopyToParquet("""
            select i::BIGINT as n,
                   case when i = 4100 then null else i end::INTEGER as maybe_int,
                   case when i = 4100 then null else i * 0.5 end::DOUBLE as maybe_double,
                   case when i = 4100 then null else TIMESTAMP '2024-01-01' + to_seconds(i) end as maybe_ts,
                   case when i = 2050 then null else 'v' || (i % 3) end as maybe_text
            from range(5000) r(i)
            """, _path, "row_group_size 2048");
    }

    [Theory]
    [InlineData("maybe_int", ReadAs.Int64, 2, 4)]
    [InlineData("maybe_double", ReadAs.Double, 2, 4)]
    [InlineData("maybe_ts", ReadAs.TimestampSeconds, 2, 4)]
    [InlineData("maybe_text", ReadAs.Categorical, 1, 2)]
    public async Task A_null_is_an_error_naming_file_column_row_group_and_row(string column, ReadAs readAs, int rowGroup, int row)
    {
        await using var source = await ParquetFileSource.OpenAsync(_path, Ct);

        var error = await Assert.ThrowsAsync<ParquetDataException>(() => source.ReadRowGroupAsync(rowGroup, [new(column, readAs)], Ct));

        Assert.Equal(
            $"Parquet file '{_path}': column '{column}' has a null in row group {rowGroup} (row {row} of that row group); the reader accepts no nulls.",
            error.Message);
        Assert.Equal(_path, error.FilePath);
    }

    [Fact]
    public async Task Row_groups_without_a_null_read_normally()
    {
        await using var source = await ParquetFileSource.OpenAsync(_path, Ct);

        var read = await source.ReadRowGroupAsync(0, [new("maybe_int", ReadAs.Int64), new("maybe_text", ReadAs.Categorical)], Ct);

        Assert.Equal(Enumerable.Range(0, 2048).Select(i => (long)i), read.Int64("maybe_int").ToArray());
        var text = read.Categorical("maybe_text");
        Assert.Equal(Enumerable.Range(0, 2048).Select(i => $"v{i % 3}"), text.Codes.ToArray().Select(c => text.Values[c]));
    }

    public void Dispose()
    {
        _db.Dispose();
        _temp.Dispose();
    }
}
