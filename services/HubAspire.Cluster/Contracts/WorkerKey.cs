namespace HubAspire.Cluster.Contracts;

/// <summary>
/// A file worker's grain key: the silo it is meant to run on and its lane there
/// (<c>S127.0.0.1:11111:123456789|0</c>). The silos' placement reads the silo back out of it, so
/// the caller decides how work spreads over the silos instead of leaving it to chance.
/// </summary>
public static class WorkerKey
{
    private const char Separator = '|';

    public static string For(string siloAddress, int lane) => $"{siloAddress}{Separator}{lane}";

    /// <summary>The silo part of <paramref name="key"/> (the whole key when it has no lane).</summary>
    public static string SiloOf(string key) => key.Split(Separator)[0];
}
