namespace HubAspire.Cluster.Contracts;

/// <summary>
/// A silo's worker for one file at a time: the generator's "write one file" and the ETL's "map
/// one file". Stateless: everything a call needs is in its argument, and the files it reads and
/// writes are in the data directory the silos share with the caller. Keyed by
/// <see cref="WorkerKey"/>, which places each worker on a chosen silo.
/// </summary>
[Alias("hubaspire.file-worker")]
public interface IFileWorkerGrain : IGrainWithStringKey
{
    /// <summary>How many files this worker's silo works on at once.</summary>
    [Alias("slots")]
    Task<int> GetSlotsAsync();

    [Alias("generate")]
    Task<GeneratedFileOutcome> GenerateAsync(GenerateFileWork work, CancellationToken cancellationToken);

    [Alias("map")]
    Task<MappedFileOutcome> MapAsync(MapFileWork work, CancellationToken cancellationToken);
}
