using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;

namespace HubAspire.Datasets.Tests.Support;

public sealed record SampleRow(long Id, int Count, double Amount, string Category, string Label, DateTime At);

/// <summary>Writes files the way the generator does, through <see cref="ParquetTableWriter"/>.</summary>
public static class OwnFiles
{
    public static readonly EntitySchema Sample = new("sample", 1,
    [
        new Column("id", ColumnType.Int64),
        new Column("count", ColumnType.Int32),
        new Column("amount", ColumnType.Double),
        new Column("category", ColumnType.String, IsCategorical: true),
        new Column("label", ColumnType.String),
        new Column("at", ColumnType.Timestamp),
    ]);

    /// <summary>One row group per element of <paramref name="rowGroups"/>.</summary>
    public static async Task WriteAsync(string path, IReadOnlyList<IReadOnlyList<SampleRow>> rowGroups)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var file = File.Create(path);
        await using (var writer = await ParquetTableWriter.CreateAsync(Sample, file, ct))
        {
            var batch = new ColumnBatch(Sample, rowGroups.Max(g => g.Count));
            foreach (var rows in rowGroups)
            {
                batch.Count = rows.Count;
                for (var i = 0; i < rows.Count; i++)
                {
                    var row = rows[i];
                    batch.Int64("id")[i] = row.Id;
                    batch.Int32("count")[i] = row.Count;
                    batch.Double("amount")[i] = row.Amount;
                    batch.String("category")[i] = row.Category;
                    batch.String("label")[i] = row.Label;
                    batch.Timestamp("at")[i] = row.At;
                }

                await writer.WriteRowGroupAsync(batch, ct);
            }
        }
    }

    /// <summary>Deterministic rows: <paramref name="count"/> of them, starting at id <paramref name="firstId"/>.</summary>
    public static SampleRow[] Rows(int firstId, int count, int categories = 5) =>
        Enumerable.Range(firstId, count)
            .Select(id => new SampleRow(
                Id: id * 1_000_003L - 500_000_000L,
                Count: (id % 2 == 0 ? -1 : 1) * id * 37,
                Amount: id * 0.25 - 100,
                Category: $"cat-{id * 7 % categories}",
                Label: $"label {id}",
                At: new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(id * 86_413L)))
            .ToArray();

    /// <summary>Unix seconds of a UTC instant, rounded down (the reader's definition).</summary>
    public static long Seconds(DateTime utc) => (long)Math.Floor((utc - DateTime.UnixEpoch).TotalSeconds);
}
