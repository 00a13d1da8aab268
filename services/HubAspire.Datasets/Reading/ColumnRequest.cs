namespace HubAspire.Datasets.Reading;

/// <summary>How a column's values are handed to the caller, whatever its physical type in the file.</summary>
public enum ReadAs
{
    /// <summary>64-bit integers: INT32/INT64 of any width (8, 16, 32 or 64 bits; unsigned up to 32) and BOOLEAN (0/1).</summary>
    Int64,

    /// <summary>Doubles: DOUBLE, FLOAT, and integers widened.</summary>
    Double,

    /// <summary>Unix seconds (UTC, rounded down): INT64 TIMESTAMP in ms, µs or ns, or a legacy INT96 timestamp.</summary>
    TimestampSeconds,

    /// <summary>UTF-8 strings as small integer codes per row group plus the distinct values.</summary>
    Categorical,
}

/// <param name="Name">Exact top-level column name.</param>
/// <param name="As">The form the caller wants.</param>
public sealed record ColumnRequest(string Name, ReadAs As);
