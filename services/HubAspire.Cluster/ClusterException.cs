namespace HubAspire.Cluster;

/// <summary>Work on the cluster failed for good: a file's deterministic error, or no silo left to run it. The message says which and what to do.</summary>
public sealed class ClusterException(string message) : Exception(message);
