using HubAspire.Datasets.Reading;
using HubAspire.Datasets.Tests.Support;

namespace HubAspire.Datasets.Tests.Reading;

/// <summary>Row groups of one file read concurrently give exactly what a sequential read gives.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_row_group_reads_of_one_source_match_the_written_rows()
    {
        var path = _temp.File("many-groups.parquet");
        var groups = Enumerable.Range(0, 12).Select(g => OwnFiles.Rows(1 + g * 1_000, 1_000 + g, categories: 7 + g)).ToArray();
        await OwnFiles.WriteAsync(path, groups);
        ColumnRequest[] columns =
        [
            new("id", ReadAs.Int64), new("count", ReadAs.Double), new("category", ReadAs.Categorical),
            new("label", ReadAs.Categorical), new("at", ReadAs.TimestampSeconds),
        ];
        await using var source = await ParquetFileSource.OpenAsync(path, Ct);

        // Each worker reuses one RowGroupColumns, as the ETL's workers do; every row group is read 4 times.
        var work = Enumerable.Range(0, 4).SelectMany(_ => Enumerable.Range(0, groups.Length)).ToArray();
        var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Partition(work, 4), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Ct }, async (part, ct) =>
        {
            var into = new RowGroupColumns();
            foreach (var rowGroup in part)
            {
                await source.ReadRowGroupAsync(rowGroup, columns, into, ct);
                var rows = groups[rowGroup];
                var category = into.Categorical("category");
                var label = into.Categorical("label");
                var same = into.RowCount == rows.Length
                    && into.Int64("id").SequenceEqual(rows.Select(r => r.Id).ToArray())
                    && into.Double("count").SequenceEqual(rows.Select(r => (double)r.Count).ToArray())
                    && into.TimestampSeconds("at").SequenceEqual(rows.Select(r => OwnFiles.Seconds(r.At)).ToArray())
                    && category.Codes.ToArray().Select(c => category.Values[c]).SequenceEqual(rows.Select(r => r.Category))
                    && label.Codes.ToArray().Select(c => label.Values[c]).SequenceEqual(rows.Select(r => r.Label));
                if (!same)
                {
                    mismatches.Add($"row group {rowGroup}");
                }
            }
        });

        Assert.Empty(mismatches);
    }

    private static IEnumerable<int[]> Partition(int[] items, int parts) =>
        Enumerable.Range(0, parts).Select(p => items.Where((_, i) => i % parts == p).ToArray());

    public void Dispose() => _temp.Dispose();
}
