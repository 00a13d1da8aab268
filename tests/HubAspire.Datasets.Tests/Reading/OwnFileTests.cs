using HubAspire.Datasets.Reading;
using HubAspire.Datasets.Tests.Support;

namespace HubAspire.Datasets.Tests.Reading;

/// <summary>Files written by our own <c>ParquetTableWriter</c> read back exactly, row group by row group.</summary>
public sealed class OwnFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly SampleRow[][] Groups =
    [
        OwnFiles.Rows(1, 5),
        OwnFiles.Rows(6, 3),
        [
            new SampleRow(long.MinValue, int.MinValue, -0.5, "", "", new DateTime(1969, 12, 31, 23, 59, 59, 500, DateTimeKind.Utc)),
            new SampleRow(long.MaxValue, int.MaxValue, 1e300, "München – 東京 🎉", "naïve", new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc)),
            new SampleRow(0, 0, 0, "", "x", DateTime.UnixEpoch),
        ],
    ];

    private static SampleRow[] AllRows => Groups.SelectMany(g => g).ToArray();

    [Fact]
    public async Task Counts_come_from_the_footer()
    {
        var path = await WriteAsync();
        await using var source = await ParquetFileSource.OpenAsync(path, Ct);

        Assert.Equal(path, source.FilePath);
        Assert.Equal(3, source.RowGroupCount);
        Assert.Equal(11, source.RowCount);
        Assert.Equal([5, 3, 3], Enumerable.Range(0, 3).Select(source.RowGroupRowCount));
    }

    [Fact]
    public async Task Every_type_reads_back_as_written()
    {
        var path = await WriteAsync();

        Assert.Equal(AllRows.Select(r => r.Id), await Read.Int64Async(path, "id"));
        Assert.Equal(AllRows.Select(r => (long)r.Count), await Read.Int64Async(path, "count"));
        Assert.Equal(AllRows.Select(r => r.Amount), await Read.DoubleAsync(path, "amount"));
        Assert.Equal(AllRows.Select(r => r.Category), await Read.StringsAsync(path, "category"));
        Assert.Equal(AllRows.Select(r => r.Label), await Read.StringsAsync(path, "label"));
        Assert.Equal(AllRows.Select(r => OwnFiles.Seconds(r.At)), await Read.SecondsAsync(path, "at"));
    }

    [Fact]
    public async Task Timestamps_before_1970_round_down_to_the_earlier_second()
    {
        var path = await WriteAsync();

        var seconds = await Read.SecondsAsync(path, "at");

        Assert.Equal([-1L, 1_767_225_599L, 0L], seconds[^3..]);
    }

    [Fact]
    public async Task Integers_widen_to_double()
    {
        var path = await WriteAsync();

        Assert.Equal(AllRows.Select(r => (double)r.Count), await Read.DoubleAsync(path, "count"));
        Assert.Equal(AllRows.Select(r => (double)r.Id), await Read.DoubleAsync(path, "id"));
    }

    [Fact]
    public async Task Categorical_codes_are_dense_in_order_of_first_appearance_per_row_group()
    {
        var path = _temp.File("codes.parquet");
        await OwnFiles.WriteAsync(path,
        [
            [Row("b"), Row("a"), Row("b"), Row("c"), Row("a")],
            [Row("c"), Row("c")],
        ]);
        await using var source = await ParquetFileSource.OpenAsync(path, Ct);
        ColumnRequest[] request = [new("category", ReadAs.Categorical)];

        var first = await source.ReadRowGroupAsync(0, request, Ct);
        Assert.Equal([0, 1, 0, 2, 1], first.Categorical("category").Codes.ToArray());
        Assert.Equal(["b", "a", "c"], first.Categorical("category").Values);

        var second = await source.ReadRowGroupAsync(1, request, Ct);
        Assert.Equal([0, 0], second.Categorical("category").Codes.ToArray());
        Assert.Equal(["c"], second.Categorical("category").Values);

        static SampleRow Row(string category) => new(1, 1, 1, category, "l", DateTime.UnixEpoch);
    }

    [Fact]
    public async Task More_distinct_values_than_the_identity_cache_still_code_correctly()
    {
        var path = _temp.File("many.parquet");
        var rows = OwnFiles.Rows(1, 20_000, categories: 3_001);
        await OwnFiles.WriteAsync(path, [rows]);
        await using var source = await ParquetFileSource.OpenAsync(path, Ct);

        var read = await source.ReadRowGroupAsync(0, [new("category", ReadAs.Categorical)], Ct);

        var column = read.Categorical("category");
        Assert.Equal(3_001, column.Values.Count);
        Assert.Equal(rows.Select(r => r.Category), column.Codes.ToArray().Select(code => column.Values[code]));
        Assert.Equal(column.Values.Count, column.Values.Distinct().Count());
    }

    [Fact]
    public async Task One_call_reads_several_columns_and_the_same_column_in_two_forms()
    {
        var path = await WriteAsync();
        await using var source = await ParquetFileSource.OpenAsync(path, Ct);

        var read = await source.ReadRowGroupAsync(1,
            [new("count", ReadAs.Int64), new("count", ReadAs.Double), new("category", ReadAs.Categorical), new("at", ReadAs.TimestampSeconds)],
            Ct);

        var rows = Groups[1];
        Assert.Equal(3, read.RowCount);
        Assert.Equal(rows.Select(r => (long)r.Count), read.Int64("count").ToArray());
        Assert.Equal(rows.Select(r => (double)r.Count), read.Double("count").ToArray());
        Assert.Equal(rows.Select(r => OwnFiles.Seconds(r.At)), read.TimestampSeconds("at").ToArray());
        var category = read.Categorical("category");
        Assert.Equal(rows.Select(r => r.Category), category.Codes.ToArray().Select(c => category.Values[c]));
    }

    [Fact]
    public async Task A_reused_instance_holds_the_latest_row_group_and_only_the_columns_read_into_it()
    {
        var path = await WriteAsync();
        await using var source = await ParquetFileSource.OpenAsync(path, Ct);
        var into = new RowGroupColumns();

        await source.ReadRowGroupAsync(0, [new("id", ReadAs.Int64), new("label", ReadAs.Categorical)], into, Ct);
        Assert.Equal(Groups[0].Select(r => r.Id), into.Int64("id").ToArray());
        var firstLabels = into.Categorical("label").Values;

        await source.ReadRowGroupAsync(1, [new("label", ReadAs.Categorical)], into, Ct);
        Assert.Equal(Groups[1].Select(r => r.Label), into.Categorical("label").Values);
        Assert.Equal(Groups[0].Select(r => r.Label), firstLabels); // a row group's value list may be kept

        await source.ReadRowGroupAsync(2, [new("id", ReadAs.Int64)], into, Ct);
        Assert.Equal(3, into.RowCount);
        Assert.Equal(Groups[2].Select(r => r.Id), into.Int64("id").ToArray());

        var stale = Assert.Throws<KeyNotFoundException>(() => into.Categorical("label"));
        Assert.Equal("Column 'label' was not read as Categorical in this row group.", stale.Message);
        var otherForm = Assert.Throws<KeyNotFoundException>(() => into.Double("id"));
        Assert.Equal("Column 'id' was not read as Double in this row group.", otherForm.Message);
    }

    [Fact]
    public async Task Row_group_index_out_of_range_is_an_argument_error()
    {
        var path = await WriteAsync();
        await using var source = await ParquetFileSource.OpenAsync(path, Ct);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => source.ReadRowGroupAsync(3, [new("id", ReadAs.Int64)], Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => source.ReadRowGroupAsync(-1, [new("id", ReadAs.Int64)], Ct));
    }

    private async Task<string> WriteAsync()
    {
        var path = _temp.File("sample.parquet");
        await OwnFiles.WriteAsync(path, Groups);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}
