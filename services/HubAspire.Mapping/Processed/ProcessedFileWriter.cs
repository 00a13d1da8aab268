using System.Diagnostics;
using HubAspire.Datasets.Manifest;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;

namespace HubAspire.Mapping.Processed;

/// <summary>
/// The processed copy of one raw file, written in step with the reading of it: each raw row group
/// read becomes one processed row group (raw columns copied, derived columns computed), so the
/// files have the same row groups and memory stays at one row group per worker.
/// </summary>
public sealed class ProcessedFileWriter : IAsyncDisposable
{
    private readonly ProcessedStage _stage;
    private readonly ProcessedTable _table;
    private readonly string _relativePath;
    private readonly string _rawFilePath;
    private readonly FileStream _stream;
    private readonly ParquetTableWriter _writer;
    private readonly ColumnBatch _batch;
    private readonly Activity? _span;
    private readonly Stopwatch _writing;
    private long _rows;
    private bool _completed;

    private ProcessedFileWriter(ProcessedStage stage, ProcessedTable table, string relativePath, string rawFilePath,
        FileStream stream, ParquetTableWriter writer, int capacity, Activity? span, Stopwatch writing)
    {
        (_stage, _table, _relativePath, _rawFilePath, _stream, _writer, _span, _writing) =
            (stage, table, relativePath, rawFilePath, stream, writer, span, writing);
        _batch = new ColumnBatch(table.Schema, capacity);
    }

    /// <summary>Starts the processed copy of one raw file, at its relative path in <paramref name="stage"/>.</summary>
    /// <param name="rawFilePath">The raw file, named in data errors.</param>
    /// <param name="capacity">Rows of the raw file's largest row group.</param>
    public static async Task<ProcessedFileWriter> CreateAsync(ProcessedStage stage, ProcessedTable table, string relativePath,
        string rawFilePath, int capacity, CancellationToken cancellationToken)
    {
        var path = Path.Combine(stage.Path, relativePath);
        var span = MappingTelemetry.Source.StartActivity("write processed " + relativePath);
        var writing = Stopwatch.StartNew();
        FileStream? stream = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Create, not CreateNew: on a cluster, a file whose silo died half-way is written again from the start.
            stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);
            var writer = await ParquetTableWriter.CreateAsync(table.Schema, stream, cancellationToken);
            writing.Stop();
            return new ProcessedFileWriter(stage, table, relativePath, rawFilePath, stream, writer, capacity, span, writing);
        }
        catch (Exception e) when (ProcessedStage.IsWriteFailure(e))
        {
            await Abandon(stream);
            span?.Dispose();
            throw stage.Failed(e);
        }
        catch
        {
            await Abandon(stream);
            span?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Fills the next processed row group from <paramref name="raw"/>, one raw row group with every raw
    /// column: the raw columns copied, the derived ones computed. Returns it for the cube to read.
    /// </summary>
    public ColumnBatch Derive(RowGroupColumns raw)
    {
        _writing.Start();
        try
        {
            RawColumnCopy.Copy(_table.Raw, raw, _batch, _rawFilePath);
            DeriveColumns(raw);
            return _batch;
        }
        finally
        {
            _writing.Stop();
        }
    }

    /// <summary>Appends the row group filled by <see cref="Derive"/>.</summary>
    public async Task WriteRowGroupAsync(CancellationToken cancellationToken)
    {
        _writing.Start();
        try
        {
            await _writer.WriteRowGroupAsync(_batch, cancellationToken);
            _rows += _batch.Count;
        }
        catch (Exception e) when (ProcessedStage.IsWriteFailure(e))
        {
            throw _stage.Failed(e);
        }
        finally
        {
            _writing.Stop();
        }
    }

    /// <summary>Writes the footer and puts the file on disk; returns it for the processed dataset's manifest.</summary>
    public async Task<ProcessedFile> CompleteAsync(CancellationToken cancellationToken)
    {
        _writing.Start();
        try
        {
            await _writer.DisposeAsync();
            await _stream.FlushAsync(cancellationToken);
            _stream.Flush(flushToDisk: true); // on disk before the manifest names it
            _completed = true;
        }
        catch (Exception e) when (ProcessedStage.IsWriteFailure(e))
        {
            throw _stage.Failed(e);
        }
        finally
        {
            _writing.Stop();
        }

        _span?.SetTag("hubaspire.rows", _rows);
        _span?.SetTag("hubaspire.bytes", _stream.Length);
        return new ProcessedFile(new ManifestFile(_relativePath, _rows, _stream.Length), _writing.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        if (_completed)
        {
            await _stream.DisposeAsync();
        }
        else
        {
            await Abandon(_stream);
        }

        _span?.Dispose();
    }

    private void DeriveColumns(RowGroupColumns raw)
    {
        try
        {
            _table.Entity.Derive(raw, _batch);
        }
        catch (OverflowException e)
        {
            throw new ParquetDataException(_rawFilePath,
                $"Parquet file '{_rawFilePath}': a {_table.Name} row gives a derived value that does not fit its 32-bit column ({e.Message}).", e);
        }
    }

    /// <summary>
    /// Closes a file that will not be published (its stage is deleted). A failure to flush it, on a
    /// full disk say, must not hide the error that brought us here.
    /// </summary>
    private static async ValueTask Abandon(FileStream? stream)
    {
        if (stream is null)
        {
            return;
        }

        try
        {
            await stream.DisposeAsync();
        }
        catch (IOException)
        {
        }
    }
}
