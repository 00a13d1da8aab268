using System.Collections.Concurrent;
using System.Diagnostics;
using HubAspire.Etl.Tests.Processed.Support;
using HubAspire.Etl.Tests.Support;
using HubAspire.Testing.Postgres;

namespace HubAspire.Etl.Tests.Processed;

/// <summary>The processed output shows in the run's trace (a span per file, one for publishing) and in its phase durations.</summary>
public sealed class ProcessedTelemetryTests(PostgresFixture server) : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_run_traces_each_processed_file_and_records_the_processed_phase()
    {
        var connection = await server.CreateDatabaseAsync("etl_processed_telemetry", TestContext.Current.CancellationToken);
        await RealPipeline.GenerateAsync(_directory.Path, scale: 0.01);

        var spans = await SpansOfAsync(() => ProcessedEtl.RunAsync(_directory.Path, connection));

        Assert.Equal(
            [
                "publish processed", "write processed companies/part-00000.parquet", "write processed contacts/part-00000.parquet",
                "write processed deals/part-00000.parquet", "write processed email_campaigns/part-00000.parquet",
                "write processed marketing_events/part-00000.parquet", "write processed support_tickets/part-00000.parquet",
                "write processed web_analytics/part-00000.parquet",
            ],
            spans.Where(s => s.Contains("processed", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var phases = (await EtlHarness.LatestAsync(connection))!.PhaseDurations!;
        Assert.Equal(["aggregate", "migrate", "processed"], phases.Keys.Order(StringComparer.Ordinal));
        Assert.True(phases["processed"] > TimeSpan.Zero);
    }

    [Fact]
    public async Task Without_processed_output_there_is_no_processed_span_and_no_processed_phase()
    {
        var connection = await server.CreateDatabaseAsync("etl_processed_telemetry_off", TestContext.Current.CancellationToken);
        await RealPipeline.GenerateAsync(_directory.Path, scale: 0.01);

        var spans = await SpansOfAsync(() => ProcessedEtl.RunAsync(_directory.Path, connection, writeProcessed: false));

        Assert.Contains("etl run", spans);
        Assert.DoesNotContain(spans, s => s.Contains("processed", StringComparison.Ordinal));
        Assert.Equal(["aggregate", "migrate"], (await EtlHarness.LatestAsync(connection))!.PhaseDurations!.Keys.Order(StringComparer.Ordinal));
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>The names of the ETL's spans started while <paramref name="run"/> runs, in its own trace only (other tests run alongside).</summary>
    private static async Task<List<string>> SpansOfAsync(Func<Task> run)
    {
        using var source = new ActivitySource(nameof(ProcessedTelemetryTests));
        var spans = new ConcurrentQueue<string>();
        ActivityTraceId? trace = null;
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "HubAspire.Etl" || s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = a =>
            {
                if (a.Source.Name is "HubAspire.Etl" && a.TraceId == trace)
                {
                    spans.Enqueue(a.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using (var root = source.StartActivity("test run")!)
        {
            trace = root.TraceId;
            await run();
        }

        return [.. spans];
    }
}
