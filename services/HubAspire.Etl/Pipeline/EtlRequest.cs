namespace HubAspire.Etl.Pipeline;

/// <param name="DataDirectory">Holds the raw dataset (<c>raw/_manifest.json</c>); the processed dataset goes to <c>processed/</c> beside it.</param>
/// <param name="ConnectionString">The aggregate store.</param>
/// <param name="Workers">Files read at once.</param>
/// <param name="WriteProcessed">Also write the processed dataset (raw rows plus engineered columns).</param>
/// <param name="Force">Load a new run even when a succeeded run of this dataset exists (an operator's re-run).</param>
public sealed record EtlRequest(string DataDirectory, string ConnectionString, int Workers, bool WriteProcessed = true, bool Force = false);

/// <param name="RunId">The run now served (a new one, or the earlier run of the same dataset).</param>
/// <param name="Reused">True when that dataset was already loaded and nothing was recomputed.</param>
public sealed record EtlResult(long RunId, bool Reused, long RowsRead, long Cells);
