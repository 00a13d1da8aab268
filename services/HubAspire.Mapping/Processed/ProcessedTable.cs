using HubAspire.Core.Schema;
using HubAspire.Datasets.Reading;
using HubAspire.Mapping.Entities;

namespace HubAspire.Mapping.Processed;

/// <summary>One entity of the processed dataset: its raw columns, unchanged, followed by its derived columns.</summary>
public sealed class ProcessedTable
{
    public ProcessedTable(EntityMap entity)
    {
        Entity = entity;
        Raw = entity.Raw;
        Schema = new EntitySchema(Raw.Name, Raw.RowsAtScaleOne, [.. Raw.Columns, .. entity.Derived]);
        RawColumns = Raw.Columns.Select(ReadRequest).ToList();

        // The batch and the writer find columns by name: a derived name equal to a raw one would shadow it.
        if (Schema.Columns.CountBy(c => c.Name).FirstOrDefault(n => n.Value > 1) is { Key: { } duplicate })
        {
            throw new InvalidOperationException($"The processed {Raw.Name} table names '{duplicate}' twice.");
        }
    }

    public string Name => Raw.Name;

    public EntitySchema Raw { get; }

    /// <summary>The processed file's columns, in file order.</summary>
    public EntitySchema Schema { get; }

    /// <summary>The entity's map step, which derives the engineered columns.</summary>
    public EntityMap Entity { get; }

    /// <summary>Every raw column, read in the form that copies it losslessly (integers widened, strings as codes).</summary>
    public IReadOnlyList<ColumnRequest> RawColumns { get; }

    private static ColumnRequest ReadRequest(Column column) => new(column.Name, column.Type switch
    {
        ColumnType.Int64 or ColumnType.Int32 => ReadAs.Int64,
        ColumnType.Double => ReadAs.Double,
        ColumnType.String => ReadAs.Categorical,
        // Raw timestamps have whole seconds (DATA.md); a foreign file's fractions of a second are dropped.
        ColumnType.Timestamp => ReadAs.TimestampSeconds,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
    });
}
