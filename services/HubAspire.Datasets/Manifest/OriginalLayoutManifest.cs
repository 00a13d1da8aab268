using System.Security.Cryptography;
using System.Text;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Reading;

namespace HubAspire.Datasets.Manifest;

/// <summary>
/// Describes a folder in the <see cref="OriginalLayout"/> as the manifest our generator would have
/// written for it, held in memory only (reading must not change the input): rows from each file's
/// Parquet footer, bytes and modification times from the file system.
/// </summary>
/// <remarks>
/// What the original files cannot say is filled honestly: the seed is
/// <see cref="OriginalLayout.UnknownSeed"/>; the scale is the rows relative to the scale-1 dataset,
/// to three significant digits; the creation time is the newest file's modification time; the
/// generator version is <see cref="OriginalLayout.GeneratorVersionPrefix"/> and a fingerprint of
/// every file's name, size and modification time. A run's identity is made of these fields, so the
/// same unchanged folder is the same dataset and any changed file is a new one.
/// </remarks>
public static class OriginalLayoutManifest
{
    private static readonly long RowsAtScaleOne = CrmSchema.Entities.Sum(e => e.RowsAtScaleOne);

    /// <summary>
    /// The manifest of <paramref name="directory"/>, which must hold every entity's file (see
    /// <see cref="OriginalLayout.MissingFiles"/>). A file that is not Parquet throws
    /// <see cref="ParquetDataException"/> naming it.
    /// </summary>
    public static async Task<DatasetManifest> DescribeAsync(string directory, CancellationToken cancellationToken)
    {
        var files = new List<FileInfo>();
        var entities = new List<ManifestEntity>();
        foreach (var entity in CrmSchema.Entities)
        {
            var name = OriginalLayout.FileName(entity.Name);
            var file = new FileInfo(Path.Combine(directory, name));
            var bytes = file.Length; // read (and cached) before the footer, like the time the fingerprint uses
            await using var source = await ParquetFileSource.OpenAsync(file.FullName, cancellationToken);
            files.Add(file);
            entities.Add(new ManifestEntity(entity.Name, source.RowCount, [new ManifestFile(name, source.RowCount, bytes)]));
        }

        var totalRows = entities.Sum(e => e.Rows);
        return new DatasetManifest(CrmSchema.Version, OriginalLayout.GeneratorVersionPrefix + Fingerprint(files),
            OriginalLayout.UnknownSeed, EquivalentScale(totalRows), new DateTimeOffset(files.Max(f => f.LastWriteTimeUtc)),
            TraceParent: null, entities);
    }

    /// <summary>16 hex digits of SHA-256 over each file's name, size and modification time (100 ns ticks).</summary>
    private static string Fingerprint(IEnumerable<FileInfo> files)
    {
        var text = string.Join('\n', files.Select(f => $"{f.Name}\t{f.Length}\t{f.LastWriteTimeUtc.Ticks}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>
    /// <paramref name="totalRows"/> over the scale-1 row count, to three significant digits, so a
    /// dataset of the generator's scale 0.002 or 1 shows as exactly that.
    /// </summary>
    private static double EquivalentScale(long totalRows)
    {
        var scale = totalRows / (double)RowsAtScaleOne;
        if (scale == 0)
        {
            return 0;
        }

        // Dividing by an exact power of ten gives the double nearest the decimal (0.002, not 0.0020000000000000005).
        var digits = 2 - (int)Math.Floor(Math.Log10(scale));
        return digits >= 0
            ? Math.Round(scale * Math.Pow(10, digits)) / Math.Pow(10, digits)
            : Math.Round(scale / Math.Pow(10, -digits)) * Math.Pow(10, -digits);
    }
}
