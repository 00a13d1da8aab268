using HubAspire.Benchmarks.Figures;

namespace HubAspire.Benchmarks.Etl;

/// <summary>Everything the etl command measured.</summary>
/// <param name="rows">Rows of the scale-1 dataset.</param>
public sealed class EtlResults(long rows)
{
    public long Rows { get; } = rows;

    public List<EtlRun> WithoutProcessed { get; } = [];

    public List<EtlRun> WithProcessed { get; } = [];

    public List<double> DuckDbSeconds { get; } = [];

    public FigureComparison Comparison { get; set; } = new(0, 0, []);

    public long ScaleTenRows { get; set; }

    public EtlRun? ScaleTenWithoutProcessed { get; set; }

    public EtlRun? ScaleTenWithProcessed { get; set; }
}
