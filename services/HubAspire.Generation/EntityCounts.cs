using HubAspire.Core.Schema;

namespace HubAspire.Generation;

/// <summary>Rows per entity at one scale: the parent counts that children draw their foreign keys from.</summary>
public sealed record EntityCounts(double Scale)
{
    public long Companies { get; } = CrmSchema.Companies.RowsAt(Scale);

    public long Contacts { get; } = CrmSchema.Contacts.RowsAt(Scale);

    public long Of(EntitySchema entity) => entity.RowsAt(Scale);
}
