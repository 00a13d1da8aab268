using HubAspire.Core.Schema;
using HubAspire.Datasets;
using HubAspire.Generation.Entities;

namespace HubAspire.Generation;

/// <summary>One output file: a contiguous id range of one entity, written in row groups.</summary>
/// <param name="EntityIndex">Position in <see cref="CrmSchema.Entities"/>; part of every random stream's key.</param>
public sealed record FilePlan(IEntityGenerator Generator, int EntityIndex, int FileIndex, long FirstRow, long Rows)
{
    public string RelativePath => DatasetLayout.PartPath(Generator.Schema.Name, FileIndex);
}

/// <summary>How a dataset is cut into files and row groups. Depends only on the scale, never on the machine.</summary>
public static class GenerationPlan
{
    /// <summary>Rows per row group: large enough for good compression, small enough to bound memory.</summary>
    public const int RowsPerRowGroup = 125_000;

    public static readonly IReadOnlyList<IEntityGenerator> Generators =
    [
        new CompanyGenerator(),
        new ContactGenerator(),
        new DealGenerator(),
        new MarketingEventGenerator(),
        new EmailCampaignGenerator(),
        new SupportTicketGenerator(),
        new WebSessionGenerator(),
    ];

    public static IReadOnlyList<FilePlan> Files(EntityCounts counts)
    {
        var files = new List<FilePlan>();
        for (var entityIndex = 0; entityIndex < Generators.Count; entityIndex++)
        {
            var generator = Generators[entityIndex];
            var rows = counts.Of(generator.Schema);
            var fileIndex = 0;
            for (long first = 0; first < rows; first += DatasetLayout.MaxRowsPerFile)
            {
                files.Add(new FilePlan(generator, entityIndex, fileIndex++, first, Math.Min(DatasetLayout.MaxRowsPerFile, rows - first)));
            }
        }

        return files;
    }
}
