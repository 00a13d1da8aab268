using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;

namespace HubAspire.Generation.Entities;

/// <summary>Draws one entity's rows, a row group at a time, following DATA.md's rule per column.</summary>
public interface IEntityGenerator
{
    EntitySchema Schema { get; }

    /// <summary>
    /// Fills <paramref name="batch"/> with rows whose ids are <paramref name="firstId"/> onwards
    /// (ids are 1-based and contiguous), drawing from <paramref name="random"/> and looking up
    /// parent attributes through <paramref name="keyed"/>.
    /// </summary>
    void Fill(ColumnBatch batch, long firstId, int count, ref RandomStream random, in KeyedRandom keyed);
}
