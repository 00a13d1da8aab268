using HubAspire.Benchmarks.Figures;

namespace HubAspire.Benchmarks.Etl;

/// <summary>Everything the etl command measured; a series is null when this ETL build cannot run it.</summary>
/// <param name="rows">Rows of the scale-1 dataset.</param>
/// <param name="runs">Timed runs per series.</param>
/// <param name="hasNoProcessedOption">Whether the ETL has <c>--no-processed</c>.</param>
public sealed class EtlResults(long rows, int runs, bool hasNoProcessedOption)
{
    public long Rows { get; } = rows;

    public int Runs { get; } = runs;

    public bool HasNoProcessedOption { get; } = hasNoProcessedOption;

    public List<EtlRun>? WithoutProcessed { get; set; }

    public List<EtlRun>? WithProcessed { get; set; }

    public List<double> DuckDbSeconds { get; } = [];

    public FigureComparison Comparison { get; set; } = new(0, 0, []);

    public long ScaleTenRows { get; set; }

    public EtlRun? ScaleTenWithoutProcessed { get; set; }

    public EtlRun? ScaleTenWithProcessed { get; set; }

    /// <summary>Why a series has no figures, for the report.</summary>
    public string Missing(bool processed) => (processed, HasNoProcessedOption) switch
    {
        (true, false) => "not measured: the ETL has no --no-processed option yet and writes no processed output",
        (false, false) => "not measured: the ETL has no --no-processed option yet and writes processed output by default",
        _ => "not measured",
    };
}
