namespace HubAspire.Datasets.Reading;

/// <summary>
/// A requested column is missing from a Parquet file or has a type that cannot be read as asked.
/// The message names the file, the column, the expected type and (when present) the actual one.
/// </summary>
public sealed class ParquetSchemaException : Exception
{
    public ParquetSchemaException(string filePath, string column, string expectedType, string? actualType)
        : base(actualType is null
            ? $"Parquet file '{filePath}' has no column '{column}' (expected {expectedType})."
            : $"Parquet file '{filePath}': column '{column}' is {actualType}, expected {expectedType}.")
    {
        FilePath = filePath;
        Column = column;
        ExpectedType = expectedType;
        ActualType = actualType;
    }

    public string FilePath { get; }

    public string Column { get; }

    public string ExpectedType { get; }

    /// <summary>The column's type in the file, or null when the column is missing.</summary>
    public string? ActualType { get; }
}
