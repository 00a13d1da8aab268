using HubAspire.Datasets.Reading;
using HubAspire.Datasets.Tests.Support;
using Parquet;
using Parquet.Schema;

namespace HubAspire.Datasets.Tests.Reading;

/// <summary>
/// Older writers' timestamps: INT96 (Impala/Spark, old pandas) and INT64 annotated only with the
/// legacy converted types TIMESTAMP_MILLIS / TIMESTAMP_MICROS.
/// </summary>
public sealed class LegacyTimestampTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData(DateTimeFormat.Impala, "INT96")]
    [InlineData(DateTimeFormat.DateAndTime, "INT64 (TIMESTAMP_MILLIS)")]
    [InlineData(DateTimeFormat.DateAndTimeMicros, "INT64 (TIMESTAMP_MICROS)")]
    public async Task Legacy_timestamps_read_as_Unix_seconds(DateTimeFormat format, string fileType)
    {
        var ct = TestContext.Current.CancellationToken;
        var path = _temp.File($"{format}.parquet");
        DateTime[] values =
        [
            new(2024, 2, 29, 12, 34, 56, 789, DateTimeKind.Utc),
            new(1969, 12, 31, 23, 59, 59, 250, DateTimeKind.Utc),
            DateTime.UnixEpoch,
        ];
        var field = new DateTimeDataField("at", format, isAdjustedToUTC: true, isNullable: false);
        await using (var file = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), file, cancellationToken: ct))
        {
            using var rowGroup = writer.CreateRowGroup();
            await rowGroup.WriteAsync<DateTime>(field, values, cancellationToken: ct);
        }

        Assert.Equal([1_709_210_096L, -1L, 0L], await Read.SecondsAsync(path, "at"));
        await using var source = await ParquetFileSource.OpenAsync(path, ct);
        Assert.Equal(fileType, Assert.Throws<ParquetSchemaException>(() => source.Validate([new("at", ReadAs.Int64)])).ActualType);
    }

    public void Dispose() => _temp.Dispose();
}
