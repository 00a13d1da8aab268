namespace HubAspire.Store;

/// <param name="TraceId">The ETL run's trace id, so a run row leads to its trace.</param>
/// <param name="GeneratorTraceParent">The generator's W3C traceparent from the manifest, if it recorded one.</param>
public sealed record RunTraceIds(string? TraceId, string? GeneratorTraceParent);
