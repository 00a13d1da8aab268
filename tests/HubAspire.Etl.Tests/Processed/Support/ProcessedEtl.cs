using HubAspire.Etl.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace HubAspire.Etl.Tests.Processed.Support;

public static class ProcessedEtl
{
    /// <summary>Runs the real ETL in-process, with or without the processed dataset.</summary>
    public static Task<EtlResult> RunAsync(string dataDirectory, string connectionString, bool writeProcessed = true, CancellationToken? cancellationToken = null) =>
        new EtlRunner(NullLogger<EtlRunner>.Instance)
            .RunAsync(new EtlRequest(dataDirectory, connectionString, Workers: 2, writeProcessed), cancellationToken ?? TestContext.Current.CancellationToken);

    /// <summary>Every file under <paramref name="directory"/> (relative path → bytes), to show later that nothing changed.</summary>
    public static Dictionary<string, byte[]> Snapshot(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllBytes);

    public static void AssertUnchanged(Dictionary<string, byte[]> before, string directory)
    {
        var after = Snapshot(directory);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.True(file.Value.AsSpan().SequenceEqual(after[file.Key]), $"{file.Key} changed"));
    }

    /// <summary>What is in the data directory itself: published datasets, and any stage a run left behind.</summary>
    public static List<string> Entries(string dataDirectory) =>
        Directory.GetFileSystemEntries(dataDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;
}
