using System.Collections.Concurrent;
using HubAspire.Datasets.Reading.Direct;
using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Schema;

namespace HubAspire.Datasets.Reading;

/// <summary>
/// One Parquet file, read one row group at a time into reusable column buffers. Reads of
/// different row groups may run concurrently: each concurrent read gets its own file handle and
/// Parquet.Net reader (kept for reuse), since a reader seeks a single stream.
/// </summary>
/// <remarks>
/// Each column chunk is first offered to <see cref="DirectChunkDecoder"/>, which decodes the
/// common layouts (ours, DuckDB's, pyarrow's defaults) straight from the file; the rest goes
/// through Parquet.Net. Columns are found by top-level name and widened as <see cref="ReadAs"/>
/// describes, so files written by pandas/pyarrow or DuckDB read like ours. A missing column or a type that cannot be
/// widened is a <see cref="ParquetSchemaException"/>; a file that is not Parquet, is truncated or
/// corrupt, or has a null in a requested column is a <see cref="ParquetDataException"/>.
/// </remarks>
public sealed class ParquetFileSource : IAsyncDisposable
{
    private static readonly ParquetOptions Options = new()
    {
        // Same caps as the writer: the library's stream pool is process-wide, and each reader
        // sets its limits again.
        MaximumSmallPoolFreeBytes = 4 << 20,
        MaximumLargePoolFreeBytes = 16 << 20,
    };

    private readonly ConcurrentBag<ParquetReader> _idle = [];
    private readonly ConcurrentDictionary<ColumnRequest, ColumnBinding> _bindings = new();
    private readonly ParquetSchema _schema;
    private readonly int[] _rowGroupRows;
    private readonly SafeFileHandle _file;
    private readonly DirectChunkDecoder _direct;
    private long _directChunks;
    private volatile bool _disposed;

    private ParquetFileSource(string filePath, ParquetReader reader, ParquetSchema schema, int[] rowGroupRows, SafeFileHandle file)
    {
        FilePath = filePath;
        _file = file;
        _direct = new DirectChunkDecoder(file);
        _schema = schema;
        _rowGroupRows = rowGroupRows;
        RowCount = rowGroupRows.Sum(rows => (long)rows);
        _idle.Add(reader);
    }

    public string FilePath { get; }

    public int RowGroupCount => _rowGroupRows.Length;

    public long RowCount { get; }

    /// <summary>Off: every chunk goes through Parquet.Net (for tests that compare the two ways).</summary>
    internal bool DirectDecoding { get; set; } = true;

    /// <summary>How many column chunks the direct decoder has read.</summary>
    internal long DirectChunks => Interlocked.Read(ref _directChunks);

    /// <summary>Opens the file and reads its footer. A file that is not Parquet or is truncated throws <see cref="ParquetDataException"/>.</summary>
    public static async Task<ParquetFileSource> OpenAsync(string path, CancellationToken ct)
    {
        var reader = await CreateReaderAsync(path, ct);
        ParquetSchema schema;
        int[] rowGroupRows;
        try
        {
            schema = reader.Schema;
            rowGroupRows = new int[reader.RowGroupCount];
            for (var i = 0; i < rowGroupRows.Length; i++)
            {
                var rows = reader.OpenRowGroupReader(i).RowCount;
                rowGroupRows[i] = rows is >= 0 and <= int.MaxValue
                    ? (int)rows
                    : throw new ParquetDataException(path, $"Parquet file '{path}': row group {i} claims {rows} rows; the file is corrupt.");
            }
        }
        catch (Exception e) when (IsLibraryFailure(e))
        {
            await reader.DisposeAsync();
            throw NotReadable(path, e);
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }

        // The direct decoder's handle: failing to open it is the usual I/O exception, not "not Parquet".
        SafeFileHandle file;
        try
        {
            file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }

        return new ParquetFileSource(path, reader, schema, rowGroupRows, file);
    }

    public int RowGroupRowCount(int rowGroup) => _rowGroupRows[rowGroup];

    /// <summary>
    /// Checks that every requested column exists and can be read as asked, without reading data;
    /// throws the <see cref="ParquetSchemaException"/> a read would.
    /// </summary>
    public void Validate(IReadOnlyList<ColumnRequest> columns)
    {
        foreach (var column in columns)
        {
            Bind(column);
        }
    }

    /// <summary>Reads the requested columns of one row group into new buffers.</summary>
    public async Task<RowGroupColumns> ReadRowGroupAsync(int rowGroup, IReadOnlyList<ColumnRequest> columns, CancellationToken ct)
    {
        var into = new RowGroupColumns();
        await ReadRowGroupAsync(rowGroup, columns, into, ct);
        return into;
    }

    /// <summary>
    /// Reads the requested columns of one row group into <paramref name="into"/>, reusing its
    /// buffers (what it held before is overwritten). Safe to call concurrently for different
    /// row groups, each with its own <paramref name="into"/>.
    /// </summary>
    public async Task ReadRowGroupAsync(int rowGroup, IReadOnlyList<ColumnRequest> columns, RowGroupColumns into, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowGroup);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rowGroup, RowGroupCount);
        ObjectDisposedException.ThrowIf(_disposed, this);

        var bindings = new ColumnBinding[columns.Count];
        for (var i = 0; i < bindings.Length; i++)
        {
            bindings[i] = Bind(columns[i]);
        }

        into.Begin(_rowGroupRows[rowGroup]);
        var reader = await RentAsync(ct);
        var healthy = false;
        try
        {
            var read = new RowGroupRead(FilePath, rowGroup, reader.OpenRowGroupReader(rowGroup), into);
            foreach (var binding in bindings)
            {
                ct.ThrowIfCancellationRequested();
                if (DirectDecoding && _direct.TryDecode(read, binding))
                {
                    ColumnDecoder.Complete(read, binding);
                    Interlocked.Increment(ref _directChunks);
                    continue;
                }

                await ColumnDecoder.DecodeAsync(read, binding, ct);
            }

            healthy = true;
        }
        catch (Exception e) when (IsLibraryFailure(e))
        {
            throw new ParquetDataException(FilePath,
                $"Parquet file '{FilePath}': row group {rowGroup} cannot be read, the file is corrupt or truncated ({e.GetType().Name}: {e.Message})", e);
        }
        finally
        {
            await ReturnAsync(reader, healthy);
        }
    }

    /// <summary>Closes the file. Call it once no read is in progress.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            await reader.DisposeAsync();
        }

        _file.Dispose();
    }

    private ColumnBinding Bind(ColumnRequest request) =>
        _bindings.TryGetValue(request, out var binding)
            ? binding
            : _bindings.GetOrAdd(request, ColumnBinding.Resolve(FilePath, _schema, request));

    private async ValueTask<ParquetReader> RentAsync(CancellationToken ct) =>
        _idle.TryTake(out var reader) ? reader : await CreateReaderAsync(FilePath, ct);

    private async ValueTask ReturnAsync(ParquetReader reader, bool healthy)
    {
        // After a failure the reader's state is unknown; after disposal nobody would take it back.
        if (healthy && !_disposed)
        {
            _idle.Add(reader);
            return;
        }

        await reader.DisposeAsync();
    }

    private static async Task<ParquetReader> CreateReaderAsync(string path, CancellationToken ct)
    {
        // Opened outside the library so a missing or unreadable file surfaces as the usual I/O exception.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.RandomAccess);
        try
        {
            return await ParquetReader.CreateAsync(stream, Options, leaveStreamOpen: false, ct);
        }
        catch (Exception e) when (IsLibraryFailure(e))
        {
            await stream.DisposeAsync();
            throw NotReadable(path, e);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private static ParquetDataException NotReadable(string path, Exception e) =>
        e as ParquetDataException ?? new ParquetDataException(path,
            $"Parquet file '{path}' cannot be read: it is not a Parquet file, or it is truncated or corrupt ({e.GetType().Name}: {e.Message})", e);

    /// <summary>Anything but cancellation and our own, already precise, exceptions.</summary>
    private static bool IsLibraryFailure(Exception e) =>
        e is not (OperationCanceledException or ParquetSchemaException or ParquetDataException);
}
