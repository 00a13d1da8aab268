namespace HubAspire.Store;

/// <summary>
/// Which dataset a run read, from its manifest: two runs with equal identities read the same
/// rows, so the second may reuse the first (<see cref="RunStore.FindSucceededRunForDatasetAsync"/>).
/// </summary>
/// <param name="ManifestPath">
/// The manifest's full path, as the ETL opened it; for a folder in the original product's layout,
/// which has no manifest, the folder's path (its manifest is described in memory, and its
/// generator version fingerprints the files, so a changed file is a new identity).
/// </param>
/// <param name="ManifestCreatedAt">
/// When the generator wrote the manifest. Kept in UTC at PostgreSQL's microsecond precision, so
/// that an identity read back from the store equals the one written.
/// </param>
public sealed record DatasetIdentity(
    string ManifestPath, long Seed, double Scale, string GeneratorVersion, DateTimeOffset ManifestCreatedAt, long TotalRows)
{
    private readonly DateTimeOffset manifestCreatedAt = ToStorePrecision(ManifestCreatedAt);

    public DateTimeOffset ManifestCreatedAt
    {
        get => manifestCreatedAt;
        init => manifestCreatedAt = ToStorePrecision(value);
    }

    private static DateTimeOffset ToStorePrecision(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }
}
