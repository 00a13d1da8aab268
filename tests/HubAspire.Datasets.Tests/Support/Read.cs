using HubAspire.Datasets.Reading;

namespace HubAspire.Datasets.Tests.Support;

/// <summary>Reads whole files through <see cref="ParquetFileSource"/>, row group by row group, for assertions.</summary>
public static class Read
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<List<long>> Int64Async(string path, string column) =>
        await ConcatAsync(path, new ColumnRequest(column, ReadAs.Int64), rg => rg.Int64(column).ToArray());

    public static async Task<List<double>> DoubleAsync(string path, string column) =>
        await ConcatAsync(path, new ColumnRequest(column, ReadAs.Double), rg => rg.Double(column).ToArray());

    public static async Task<List<long>> SecondsAsync(string path, string column) =>
        await ConcatAsync(path, new ColumnRequest(column, ReadAs.TimestampSeconds), rg => rg.TimestampSeconds(column).ToArray());

    /// <summary>Strings rebuilt from each row group's codes and values.</summary>
    public static async Task<List<string>> StringsAsync(string path, string column) =>
        await ConcatAsync(path, new ColumnRequest(column, ReadAs.Categorical), rg =>
        {
            var categorical = rg.Categorical(column);
            var values = categorical.Values;
            return categorical.Codes.ToArray().Select(code => values[code]).ToArray();
        });

    private static async Task<List<T>> ConcatAsync<T>(string path, ColumnRequest request, Func<RowGroupColumns, T[]> take)
    {
        await using var source = await ParquetFileSource.OpenAsync(path, Ct);
        var into = new RowGroupColumns();
        var all = new List<T>();
        for (var rowGroup = 0; rowGroup < source.RowGroupCount; rowGroup++)
        {
            await source.ReadRowGroupAsync(rowGroup, [request], into, Ct);
            all.AddRange(take(into));
        }

        return all;
    }
}
