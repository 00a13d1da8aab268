using HubAspire.Core.Aggregations;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;
using HubAspire.Mapping.Processing;

namespace HubAspire.Mapping.Entities;

/// <summary>
/// One entity's map step, declared once: the raw table it reads, the columns its cube needs and
/// how a row group's rows are summed into the cube's cells, and the engineered columns of the
/// processed dataset (ETL.md) with how a row group's values are derived. Every feature rule is
/// called from <see cref="Core.Features.EntityFeatures"/> or <see cref="Core.Features.TimeFeatures"/>;
/// what lives here is only which rule feeds which measure or column. One subclass per entity,
/// listed in <see cref="EntityMaps"/>.
/// </summary>
/// <remarks>
/// The per-row loops (each <see cref="Map"/>, <see cref="CubeAccumulator.Add"/>, <see cref="MonthIndex"/>)
/// are marked <see cref="System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization"/>:
/// the ETL is a process of well under a second, and these loops would otherwise run their first
/// row groups as unoptimised code waiting for tiered compilation (measured: aggregate phase
/// 0.32 → 0.26 s at full scale).
/// </remarks>
public abstract class EntityMap
{
    public abstract CubeDefinition Cube { get; }

    /// <summary>The raw table the cube and the derived columns are computed from.</summary>
    public abstract EntitySchema Raw { get; }

    // ------------------------------------------------------------------ the cube

    /// <summary>The columns the cube reads (by name; the reader widens compatible types).</summary>
    public abstract IReadOnlyList<ColumnRequest> Columns { get; }

    /// <summary>The row group's partial cube.</summary>
    /// <param name="derived">
    /// The row group's processed batch when its processed copy is written, <see cref="Derive"/> already
    /// applied: a feature the cube shares with it (a weighted amount, an SLA flag) is read from there, so
    /// each feature is computed once per row; null when no copy is written, and the cube computes it.
    /// </param>
    public abstract CubeCells Map(RowGroupColumns columns, ColumnBatch? derived);

    /// <summary>An accumulator placing rows by the cube's month column, with "all" as its first dimension.</summary>
    protected CubeAccumulator Accumulator(RowGroupColumns columns, params DimensionColumn[] dimensions) =>
        new(Cube, MonthIndex.FromUnixSeconds(columns.TimestampSeconds(Cube.MonthColumn)),
            [DimensionColumn.All(columns.RowCount), .. dimensions]);

    protected static DimensionColumn Category(RowGroupColumns columns, string name) => DimensionColumn.Of(columns.Categorical(name));

    /// <summary>Index of a measure in the vector passed to <see cref="CubeAccumulator.Add"/>.</summary>
    protected int Slot(string measure) => Cube.MeasureIndex(measure);

    protected Measure MeasureOf(string measure) => Cube.Measures[Slot(measure)];

    protected ColumnRequest ReadMonth() => new(Cube.MonthColumn, ReadAs.TimestampSeconds);

    protected static ColumnRequest ReadCategory(string name) => new(name, ReadAs.Categorical);

    protected static ColumnRequest ReadInteger(string name) => new(name, ReadAs.Int64);

    protected static ColumnRequest ReadReal(string name) => new(name, ReadAs.Double);

    // ------------------------------------------------------------------ the processed columns

    /// <summary>The derived columns, in ETL.md's order; they follow the raw columns in the processed table.</summary>
    public abstract IReadOnlyList<Column> Derived { get; }

    /// <summary>
    /// Fills the derived columns of <paramref name="batch"/> for the <paramref name="raw"/> row group.
    /// <paramref name="batch"/>'s raw columns are already filled (timestamps as UTC <see cref="DateTime"/>).
    /// </summary>
    public abstract void Derive(RowGroupColumns raw, ColumnBatch batch);

    /// <summary>A flag stored as INT32 0/1, like the raw <c>bounce</c> and <c>conversion</c>.</summary>
    protected static Column Flag(string name) => new(name, ColumnType.Int32);

    protected static Column Integer(string name) => new(name, ColumnType.Int32);

    protected static Column Real(string name) => new(name, ColumnType.Double);

    /// <summary>A label from a short list (a tier, a month): dictionary-encoded.</summary>
    protected static Column Label(string name) => new(name, ColumnType.String, IsCategorical: true);

    protected static int ToFlag(bool value) => value ? 1 : 0;

    /// <summary>The calendar features of <paramref name="column"/>, the entity's timestamp.</summary>
    protected static CalendarColumns Calendar(RowGroupColumns raw, ColumnBatch batch, string column) =>
        new(raw.TimestampSeconds(column), batch.Timestamp(column).AsMemory(0, batch.Count));

    // ------------------------------------------------------------------ both

    /// <summary>A per-label flag computed once per row group instead of a string test per row.</summary>
    protected static bool[] FlagPerLabel(CategoricalColumn column, Func<string, bool> rule)
    {
        var flags = new bool[column.Values.Count];
        for (var i = 0; i < flags.Length; i++)
        {
            flags[i] = rule(column.Values[i]);
        }

        return flags;
    }
}
