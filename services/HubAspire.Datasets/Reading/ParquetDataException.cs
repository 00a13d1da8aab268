namespace HubAspire.Datasets.Reading;

/// <summary>
/// A Parquet file's content cannot be read: not a Parquet file, truncated, corrupt, or holding a
/// value the reader does not accept (a null). The message names the file; the library's own
/// exception, if any, is the inner exception.
/// </summary>
public sealed class ParquetDataException : Exception
{
    public ParquetDataException(string filePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
    }

    public string FilePath { get; }
}
