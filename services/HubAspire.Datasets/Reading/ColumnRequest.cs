namespace HubAspire.Datasets.Reading;

/// <summary>How a column's values are handed to the caller, whatever its physical type in the file.</summary>
public enum ReadAs
{
    /// <summary>64-bit integers: INT32/INT64 of any width (8, 16, 32 or 64 bits; unsigned up to 32) and BOOLEAN (0/1).</summary>
    Int64,

    /// <summary>Doubles: DOUBLE, FLOAT, and integers widened.</summary>
    Double,

    /// <summary>
    /// Unix seconds, rounded down: INT64 TIMESTAMP in ms, µs or ns (also the legacy TIMESTAMP_MILLIS /
    /// TIMESTAMP_MICROS annotations) or INT96. Timestamps not marked as UTC-adjusted (pandas' naive
    /// datetimes) are taken as UTC. DATE and TIME columns are refused.
    /// </summary>
    TimestampSeconds,

    /// <summary>UTF-8 strings as small integer codes per row group plus the distinct values.</summary>
    Categorical,
}

/// <param name="Name">Exact top-level column name.</param>
/// <param name="As">The form the caller wants.</param>
public sealed record ColumnRequest(string Name, ReadAs As);
