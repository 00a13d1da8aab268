namespace HubAspire.Store.Tests.Store;

internal static class TestDatasets
{
    /// <summary>A manifest time with sub-microsecond ticks and a non-UTC offset: the store keeps microseconds in UTC.</summary>
    public static readonly DateTimeOffset CreatedAt = new DateTimeOffset(2026, 11, 25, 18, 30, 15, TimeSpan.FromHours(1)).AddTicks(1_234_567);

    public static DatasetIdentity Identity(long seed = 42, double scale = 1.0) =>
        new("/data/datasets/raw/_manifest.json", seed, scale, "1.0.0+abc123", CreatedAt, 4_850_000);

    public static readonly RunTraceIds Trace = new("4bf92f3577b34da6a3ce929d0e0e4736", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

    public static readonly IReadOnlyDictionary<string, long> Rows = new Dictionary<string, long>
    {
        ["companies"] = 50_000, ["contacts"] = 500_000, ["deals"] = 200_000, ["marketing_events"] = 1_000_000,
        ["email_campaigns"] = 1_000_000, ["support_tickets"] = 100_000, ["web_analytics"] = 2_000_000,
    };

    public static readonly IReadOnlyDictionary<string, TimeSpan> Phases = new Dictionary<string, TimeSpan>
    {
        ["read"] = TimeSpan.FromTicks(12_345_670), // 1,234.567 ms
        ["reduce"] = TimeSpan.FromMicroseconds(850),
        ["load"] = TimeSpan.FromMilliseconds(7),
    };

    /// <summary>Starts a run and completes it with <paramref name="cubes"/>.</summary>
    public static async Task<(long RunId, RunCompletion Completion)> CompleteRunAsync(RunStore store, IReadOnlyList<Core.Aggregations.CubeCells> cubes, DatasetIdentity? dataset = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var runId = await store.StartRunAsync(dataset ?? Identity(), Trace, cancellationToken);
        var completion = await store.CompleteRunAsync(runId, cubes, Rows, Phases, cancellationToken);
        return (runId, completion);
    }
}
