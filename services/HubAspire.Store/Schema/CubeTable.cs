using HubAspire.Core.Aggregations;
using Microsoft.EntityFrameworkCore;

namespace HubAspire.Store.Schema;

/// <summary>
/// The table of one <see cref="CubeDefinition"/>, generated from it: <c>&lt;entity&gt;_cube</c>
/// with the cell key (run, dimension name, month key, label) and one bigint per measure, in
/// definition order. The EF model, the bulk loader and the reader all take their names from here.
/// </summary>
internal sealed class CubeTable
{
    public const string RunId = "run_id";
    public const string Dimension = "dimension";
    public const string Month = "month";
    public const string Label = "label";

    private static readonly string[] KeyColumns = [RunId, Dimension, Month, Label];

    private CubeTable(CubeDefinition cube)
    {
        Cube = cube;
        Name = cube.Name + "_cube";
        foreach (var measure in cube.Measures)
        {
            if (KeyColumns.Contains(measure.Name) || !IsPlainIdentifier(measure.Name))
            {
                throw new InvalidOperationException(
                    $"The {cube.Name} cube's measure '{measure.Name}' cannot be a column: it must be a lower-case identifier other than {string.Join(", ", KeyColumns)}.");
            }
        }

        MeasureColumns = [.. cube.Measures.Select(m => m.Name)];
        Columns = [.. KeyColumns, .. MeasureColumns];
    }

    /// <summary>One table per cube, in <see cref="Cubes.All"/> order.</summary>
    public static IReadOnlyList<CubeTable> All { get; } = [.. Cubes.All.Select(c => new CubeTable(c))];

    public CubeDefinition Cube { get; }

    public string Name { get; }

    public IReadOnlyList<string> MeasureColumns { get; }

    /// <summary>Key columns, then measures: the column order of the table, the COPY and the SELECT.</summary>
    public IReadOnlyList<string> Columns { get; }

    public static CubeTable For(CubeDefinition cube)
    {
        foreach (var table in All)
        {
            if (table.Cube == cube)
            {
                return table;
            }
        }

        throw new ArgumentException($"The {cube.Name} cube is not one of Cubes.All.", nameof(cube));
    }

    /// <summary>A property-bag entity type per cube: no CLR class repeats the measure list.</summary>
    public void Configure(ModelBuilder model) => model.SharedTypeEntity<Dictionary<string, object>>(Name, entity =>
    {
        var dimensions = string.Join(", ", Cube.Dimensions.Select(d => $"'{d}'"));
        entity.ToTable(Name, table => table.HasCheckConstraint($"ck_{Name}_dimension", $"{Dimension} IN ({dimensions})"));

        var order = 0;
        entity.IndexerProperty<long>(RunId).HasColumnOrder(order++);
        entity.IndexerProperty<string>(Dimension).HasColumnOrder(order++);
        entity.IndexerProperty<int>(Month).HasColumnOrder(order++);
        entity.IndexerProperty<string>(Label).HasColumnOrder(order++);
        foreach (var measure in MeasureColumns)
        {
            entity.IndexerProperty<long>(measure).HasColumnOrder(order++);
        }

        // run_id first: a run's cells are one index range, for reading and for the cascade.
        entity.HasKey(RunId, Dimension, Month, Label).HasName($"pk_{Name}");
        entity.HasOne<RunRecord>().WithMany().HasForeignKey(RunId)
            .OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName($"fk_{Name}_runs_{RunId}");
    });

    private static bool IsPlainIdentifier(string name) =>
        name.Length > 0 && name[0] is >= 'a' and <= 'z' && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}
