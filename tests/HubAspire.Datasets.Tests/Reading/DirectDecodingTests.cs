using HubAspire.Datasets.Reading;
using HubAspire.Datasets.Tests.Support;

namespace HubAspire.Datasets.Tests.Reading;

/// <summary>
/// The direct chunk decoder (the fast path of <see cref="ParquetFileSource"/>) reads every layout
/// it accepts exactly as DuckDB and Parquet.Net read it, and hands every other layout to
/// Parquet.Net: which chunks it took is asserted, so a decoder that silently declined
/// everything would fail here.
/// </summary>
public sealed class DirectDecodingTests : IDisposable
{
    private const int Rows = 150_000, RowGroupRows = 60_000; // row groups of 60k, 60k, 30k rows, several pages each

    private static readonly (string Name, ReadAs As, string DuckDbType)[] Columns =
    [
        ("big", ReadAs.Int64, "BIGINT"),
        ("int", ReadAs.Int64, "BIGINT"),
        ("uint", ReadAs.Int64, "BIGINT"),
        ("small", ReadAs.Int64, "BIGINT"),
        ("level", ReadAs.Int64, "BIGINT"),
        ("dbl", ReadAs.Double, "DOUBLE"),
        ("ts", ReadAs.TimestampSeconds, "BIGINT"),
        ("ts_ns", ReadAs.TimestampSeconds, "BIGINT"),
        ("country", ReadAs.Categorical, "VARCHAR"),
        ("city", ReadAs.Categorical, "VARCHAR"),
    ];

    private readonly TempDirectory _temp = new();
    private readonly DuckDb _db = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string[]> Layouts => new()
    {
        // DuckDB's default: V1 pages, Snappy, dictionary strings and small integers, plain numbers.
        { "compression snappy", ["big", "int", "uint", "small", "level", "dbl", "ts", "ts_ns", "country", "city"] },
        { "compression uncompressed", ["big", "int", "uint", "small", "level", "dbl", "ts", "ts_ns", "country", "city"] },
        // V2 pages with DELTA_BINARY_PACKED integers; doubles in BYTE_STREAM_SPLIT go to Parquet.Net.
        { "compression snappy, parquet_version v2", ["big", "int", "uint", "small", "level", "ts", "ts_ns", "country", "city"] },
        // Another codec: all of it goes to Parquet.Net.
        { "compression zstd", [] },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Every_column_reads_as_DuckDB_reads_it_and_the_accepted_layouts_are_decoded_directly(string options, string[] direct)
    {
        var path = _temp.File("layout.parquet");
        _db.CopyToParquet($"""
            select
                ((hash(i) >> 1)::BIGINT * (1 - 2 * (i % 2))) as big, -- jumps across the whole range: 64-bit deltas
                ((i * 2654435761) % 4000000000 - 2000000000)::INTEGER as int,
                (4294967295 - i * 28627 % 4294967295)::UINTEGER as uint, -- above 2^31: stored as negative INT32
                (i % 60000 - 30000)::SMALLINT as small,
                (i // 1000 % 7)::INTEGER as level,
                (i * 0.125 - 7.5)::DOUBLE as dbl,
                TIMESTAMP '1969-12-31 23:00:00' + to_milliseconds(i * 7919) as ts,
                (TIMESTAMP '1969-12-31 23:00:00' + to_milliseconds(i * 7919))::TIMESTAMP_NS as ts_ns,
                ['DE', 'München', '東京', '', 'US', '🎉'][i % 6 + 1] as country,
                'city-' || (hash(i) % 5000) as city
            from range({Rows}) r(i)
            """, path, $"row_group_size {RowGroupRows}, {options}");

        foreach (var (name, readAs, duckDbType) in Columns)
        {
            var (values, directChunks) = await ReadAsync(path, name, readAs, directDecoding: true);
            var (library, libraryDirectChunks) = await ReadAsync(path, name, readAs, directDecoding: false);

            var expected = readAs switch
            {
                ReadAs.TimestampSeconds => _db.Column<long>(path, $"floor(epoch_ms({name}) / 1000)::BIGINT").Cast<object>().ToList(),
                ReadAs.Categorical => _db.Column<string>(path, name).Cast<object>().ToList(),
                ReadAs.Double => _db.Column<double>(path, $"{name}::{duckDbType}").Cast<object>().ToList(),
                _ => _db.Column<long>(path, $"{name}::{duckDbType}").Cast<object>().ToList(),
            };
            Assert.Equal(expected, values);
            Assert.Equal(expected, library);
            Assert.Equal(0, libraryDirectChunks);
            var encodings = string.Join(" | ", _db.Encodings(path, name));
            Assert.True((direct.Contains(name) ? 3 : 0) == directChunks,
                $"column {name} ({encodings}): {directChunks} of 3 chunks decoded directly, expected {(direct.Contains(name) ? 3 : 0)}");
        }
    }

    [Fact]
    public async Task Our_own_files_are_decoded_directly_in_every_column()
    {
        var path = _temp.File("own.parquet");
        var rows = OwnFiles.Rows(1, 30_000, categories: 40);
        await OwnFiles.WriteAsync(path, [rows[..20_000], rows[20_000..]]);
        await using var source = await ParquetFileSource.OpenAsync(path, Ct);
        ColumnRequest[] all =
        [
            new("id", ReadAs.Int64), new("count", ReadAs.Int64), new("amount", ReadAs.Double),
            new("category", ReadAs.Categorical), new("label", ReadAs.Categorical), new("at", ReadAs.TimestampSeconds),
        ];

        var first = await source.ReadRowGroupAsync(0, all, Ct);
        var second = await source.ReadRowGroupAsync(1, all, Ct);

        // All but the label, which is not dictionary-encoded (plain strings are left to Parquet.Net).
        Assert.Equal(2 * (all.Length - 1), source.DirectChunks);
        var group = rows[20_000..];
        Assert.Equal(group.Select(r => r.Id), second.Int64("id").ToArray());
        Assert.Equal(group.Select(r => (long)r.Count), second.Int64("count").ToArray());
        Assert.Equal(group.Select(r => r.Amount), second.Double("amount").ToArray());
        Assert.Equal(group.Select(r => OwnFiles.Seconds(r.At)), second.TimestampSeconds("at").ToArray());
        Assert.Equal(group.Select(r => r.Category), Strings(second.Categorical("category")));
        Assert.Equal(group.Select(r => r.Label), Strings(second.Categorical("label")));
        Assert.Equal(rows[..20_000].Select(r => r.Category), Strings(first.Categorical("category")));
    }

    [Theory]
    [InlineData("category", ReadAs.Categorical)]
    [InlineData("count", ReadAs.Int64)]
    [InlineData("amount", ReadAs.Double)]
    [InlineData("at", ReadAs.TimestampSeconds)]
    public async Task Overwritten_bytes_in_a_chunk_fail_as_corrupt_data_or_read_a_full_row_group_never_anything_else(string column, ReadAs readAs)
    {
        var path = _temp.File("own.parquet");
        await OwnFiles.WriteAsync(path, [OwnFiles.Rows(1, 5_000, categories: 300)]);
        var original = await File.ReadAllBytesAsync(path, Ct);
        var (start, length) = ChunkRange(path, column);
        ColumnRequest[] request = [new(column, readAs)];

        // Anywhere in the chunk: a clear error, or (bytes of values changed) a whole row group.
        var random = new Random(7);
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var bytes = (byte[])original.Clone();
            var at = start + random.NextInt64(length);
            for (var i = at; i < Math.Min(at + random.Next(1, 9), start + length); i++)
            {
                bytes[i] = (byte)random.Next(256);
            }

            await File.WriteAllBytesAsync(path, bytes, Ct);
            await using var source = await ParquetFileSource.OpenAsync(path, Ct);
            try
            {
                Assert.Equal(5_000, (await source.ReadRowGroupAsync(0, request, Ct)).RowCount);
            }
            catch (ParquetDataException e)
            {
                Assert.StartsWith($"Parquet file '{path}': row group 0 cannot be read, the file is corrupt", e.Message);
            }
        }

        // A broken page header always fails.
        var header = (byte[])original.Clone();
        header.AsSpan((int)start, 8).Fill(0xFF);
        await File.WriteAllBytesAsync(path, header, Ct);
        await using var broken = await ParquetFileSource.OpenAsync(path, Ct);
        var error = await Assert.ThrowsAsync<ParquetDataException>(() => broken.ReadRowGroupAsync(0, request, Ct));
        Assert.StartsWith($"Parquet file '{path}': row group 0 cannot be read, the file is corrupt", error.Message);
    }

    /// <summary>Where a column's chunk of row group 0 lies in the file, as DuckDB reports it.</summary>
    private (long Start, long Length) ChunkRange(string path, string column)
    {
        var row = _db.Rows($"select coalesce(dictionary_page_offset, data_page_offset), total_compressed_size from parquet_metadata('{path}') where path_in_schema = '{column}' and row_group_id = 0")[0];
        return (Convert.ToInt64(row[0]), Convert.ToInt64(row[1]));
    }

    private static async Task<(List<object> Values, long DirectChunks)> ReadAsync(string path, string name, ReadAs readAs, bool directDecoding)
    {
        await using var source = await ParquetFileSource.OpenAsync(path, Ct);
        source.DirectDecoding = directDecoding;
        var into = new RowGroupColumns();
        var values = new List<object>();
        for (var rowGroup = 0; rowGroup < source.RowGroupCount; rowGroup++)
        {
            await source.ReadRowGroupAsync(rowGroup, [new(name, readAs)], into, Ct);
            values.AddRange(readAs switch
            {
                ReadAs.Int64 => into.Int64(name).ToArray().Cast<object>(),
                ReadAs.Double => into.Double(name).ToArray().Cast<object>(),
                ReadAs.TimestampSeconds => into.TimestampSeconds(name).ToArray().Cast<object>(),
                _ => Strings(into.Categorical(name)),
            });
        }

        return (values, source.DirectChunks);
    }

    private static IEnumerable<string> Strings(CategoricalColumn column) => column.Codes.ToArray().Select(code => column.Values[code]);

    public void Dispose()
    {
        _db.Dispose();
        _temp.Dispose();
    }
}
