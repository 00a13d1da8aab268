using System.Diagnostics;
using HubAspire.Datasets.Manifest;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;
using HubAspire.Etl.Telemetry;

namespace HubAspire.Etl.Processed;

/// <summary>
/// The processed copy of one raw file, written in step with the reading of it: each raw row group
/// read becomes one processed row group (raw columns copied, derived columns computed), so the
/// files have the same row groups and memory stays at one row group per worker.
/// </summary>
public sealed class ProcessedFileWriter : IAsyncDisposable
{
    private readonly ProcessedOutput _output;
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

    private ProcessedFileWriter(ProcessedOutput output, ProcessedTable table, string relativePath, string rawFilePath,
        FileStream stream, ParquetTableWriter writer, int capacity, Activity? span, Stopwatch writing)
    {
        (_output, _table, _relativePath, _rawFilePath, _stream, _writer, _span, _writing) =
            (output, table, relativePath, rawFilePath, stream, writer, span, writing);
        _batch = new ColumnBatch(table.Schema, capacity);
    }

    internal static async Task<ProcessedFileWriter> CreateAsync(ProcessedOutput output, ProcessedTable table, string relativePath,
        string path, string rawFilePath, int capacity, CancellationToken cancellationToken)
    {
        var span = EtlTelemetry.Source.StartActivity("write processed " + relativePath);
        var writing = Stopwatch.StartNew();
        FileStream? stream = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);
            var writer = await ParquetTableWriter.CreateAsync(table.Schema, stream, cancellationToken);
            writing.Stop();
            return new ProcessedFileWriter(output, table, relativePath, rawFilePath, stream, writer, capacity, span, writing);
        }
        catch (Exception e) when (ProcessedOutput.IsWriteFailure(e))
        {
            await Abandon(stream);
            span?.Dispose();
            throw output.Failed(e);
        }
        catch
        {
            await Abandon(stream);
            span?.Dispose();
            throw;
        }
    }

    /// <summary>Appends <paramref name="raw"/>, one raw row group with every raw column, as one processed row group.</summary>
    public async Task WriteRowGroupAsync(RowGroupColumns raw, CancellationToken cancellationToken)
    {
        _writing.Start();
        try
        {
            RawColumnCopy.Copy(_table.Raw, raw, _batch, _rawFilePath);
            Derive(raw);
            await _writer.WriteRowGroupAsync(_batch, cancellationToken);
            _rows += raw.RowCount;
        }
        catch (Exception e) when (ProcessedOutput.IsWriteFailure(e))
        {
            throw _output.Failed(e);
        }
        finally
        {
            _writing.Stop();
        }
    }

    /// <summary>Writes the footer, puts the file on disk and hands it to the output's manifest.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _writing.Start();
        try
        {
            await _writer.DisposeAsync();
            await _stream.FlushAsync(cancellationToken);
            _stream.Flush(flushToDisk: true); // on disk before the manifest names it
            _completed = true;
        }
        catch (Exception e) when (ProcessedOutput.IsWriteFailure(e))
        {
            throw _output.Failed(e);
        }
        finally
        {
            _writing.Stop();
        }

        _span?.SetTag("hubaspire.rows", _rows);
        _span?.SetTag("hubaspire.bytes", _stream.Length);
        _output.FileWritten(new ManifestFile(_relativePath, _rows, _stream.Length), _writing.Elapsed);
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

    private void Derive(RowGroupColumns raw)
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
