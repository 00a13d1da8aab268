using HubAspire.Generator.Generation;
using Microsoft.Extensions.Logging.Abstractions;

namespace HubAspire.Generator.Tests.Support;

public static class Generate
{
    /// <summary>Runs the real generator in-process into <paramref name="dataDirectory"/>.</summary>
    public static Task<GenerationResult> IntoAsync(string dataDirectory, double scale, long seed = 42, int workers = 2, bool force = false) =>
        Generator.GenerateAsync(new GenerationRequest(dataDirectory, scale, seed, force, workers), TestContext.Current.CancellationToken);

    public static DatasetGenerator Generator => new(NullLogger<DatasetGenerator>.Instance);

    /// <summary>Every file under a directory, relative path → bytes.</summary>
    public static SortedDictionary<string, byte[]> FilesOf(string directory) =>
        new(Directory.GetFiles(directory, "*.parquet", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllBytes), StringComparer.Ordinal);
}
