namespace HubAspire.Core.Aggregations;

/// <summary>How an aggregation groups its cube's cells.</summary>
public enum Grouping
{
    /// <summary>By the labels of <see cref="AggregationDefinition.Dimension"/>.</summary>
    Dimension,

    /// <summary>By month (<c>YYYY-MM</c>), over the "all" dimension.</summary>
    Month,

    /// <summary>By quarter (<c>YYYYQn</c>), over the "all" dimension.</summary>
    Quarter,
}

/// <summary>One of ETL.md's 22 aggregations: a cube, how it groups, and the figures per group.</summary>
public sealed record AggregationDefinition(int Number, string Name, CubeDefinition Cube, Grouping Grouping, string? Dimension, IReadOnlyList<Metric> Metrics)
{
    /// <summary>The cube dimension the cells are read from ("all" for month and quarter groupings).</summary>
    public string SourceDimension => Grouping == Grouping.Dimension ? Dimension! : CubeDefinition.AllDimension;
}
