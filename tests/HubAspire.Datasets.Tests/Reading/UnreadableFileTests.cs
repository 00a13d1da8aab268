using HubAspire.Datasets.Reading;
using HubAspire.Datasets.Tests.Support;

namespace HubAspire.Datasets.Tests.Reading;

/// <summary>
/// Files that are not Parquet, truncated or corrupt surface as <see cref="ParquetDataException"/>
/// naming the file, never as the library's own exception types.
/// </summary>
public sealed class UnreadableFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Random_bytes_are_not_a_Parquet_file()
    {
        var path = _temp.File("random.parquet");
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(path, bytes, Ct);

        await AssertNotReadableAsync(path);
    }

    [Fact]
    public async Task An_empty_file_is_not_a_Parquet_file()
    {
        var path = _temp.File("empty.parquet");
        await File.WriteAllBytesAsync(path, [], Ct);

        await AssertNotReadableAsync(path);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public async Task A_truncated_file_cannot_be_opened(double keptFraction)
    {
        var path = await ValidFileAsync();
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        await File.WriteAllBytesAsync(path, bytes[..(int)(bytes.Length * keptFraction)], Ct);

        await AssertNotReadableAsync(path);
    }

    [Fact]
    public async Task A_file_missing_its_last_byte_cannot_be_opened()
    {
        var path = await ValidFileAsync();
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        await File.WriteAllBytesAsync(path, bytes[..^1], Ct);

        await AssertNotReadableAsync(path);
    }

    [Fact]
    public async Task Corrupt_pages_behind_an_intact_footer_fail_the_row_group_read()
    {
        var path = await ValidFileAsync();
        long offset;
        using (var db = new DuckDb())
        {
            offset = Convert.ToInt64(db.Rows($"select coalesce(dictionary_page_offset, data_page_offset) from parquet_metadata('{path}') where path_in_schema = 'amount' and row_group_id = 1")[0][0]);
        }

        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Position = offset;
            await file.WriteAsync(new byte[64], Ct);
        }

        await using var source = await ParquetFileSource.OpenAsync(path, Ct);
        ColumnRequest[] amount = [new("amount", ReadAs.Double)];
        await source.ReadRowGroupAsync(0, amount, Ct);

        var error = await Assert.ThrowsAsync<ParquetDataException>(() => source.ReadRowGroupAsync(1, amount, Ct));

        Assert.StartsWith($"Parquet file '{path}': row group 1 cannot be read, the file is corrupt or truncated (", error.Message);
        Assert.Equal(path, error.FilePath);
        Assert.NotNull(error.InnerException);

        // The source stays usable for the row groups that are intact.
        var again = await source.ReadRowGroupAsync(0, amount, Ct);
        Assert.Equal(OwnFiles.Rows(1, 100).Select(r => r.Amount), again.Double("amount").ToArray());
    }

    [Fact]
    public async Task A_missing_file_is_the_usual_file_not_found()
    {
        var path = _temp.File("absent.parquet");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => ParquetFileSource.OpenAsync(path, Ct));

        Assert.Equal(path, error.FileName);
    }

    private static async Task AssertNotReadableAsync(string path)
    {
        var error = await Assert.ThrowsAsync<ParquetDataException>(() => ParquetFileSource.OpenAsync(path, Ct));

        Assert.StartsWith($"Parquet file '{path}' cannot be read: it is not a Parquet file, or it is truncated or corrupt (", error.Message);
        Assert.Equal(path, error.FilePath);
        Assert.NotNull(error.InnerException);
    }

    private async Task<string> ValidFileAsync()
    {
        var path = _temp.File("valid.parquet");
        await OwnFiles.WriteAsync(path, [OwnFiles.Rows(1, 100), OwnFiles.Rows(101, 100)]);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}
