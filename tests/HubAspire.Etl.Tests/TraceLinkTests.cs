using System.Collections.Concurrent;
using System.Diagnostics;
using HubAspire.Datasets.Manifest;
using HubAspire.Etl.Tests.Support;
using HubAspire.Testing.Postgres;

namespace HubAspire.Etl.Tests;

/// <summary>The ETL run's span links to the generator's run span named by the manifest, so the Aspire dashboard shows them as linked traces.</summary>
public sealed class TraceLinkTests(PostgresFixture server) : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task The_etl_run_links_to_the_generator_run_that_the_manifest_names()
    {
        var connection = await server.CreateDatabaseAsync("etl_trace_link", TestContext.Current.CancellationToken);
        var runs = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "HubAspire.Generator" or "HubAspire.Etl",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if (a.DisplayName == "etl run")
                {
                    runs.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await RealPipeline.GenerateAsync(_directory.Path, scale: 0.001);
        var traceParent = DatasetManifest.TryRead(_directory.Raw)!.TraceParent;
        var result = await RealPipeline.RunEtlAsync(_directory.Path, connection);

        Assert.NotNull(traceParent);
        var generator = ActivityContext.Parse(traceParent, null);
        // Other tests run ETLs alongside: this test's run is the one tagged with its run id.
        var run = runs.Single(a => Equals(a.GetTagItem("hubaspire.run_id"), result.RunId) && a.Links.Any(l => l.Context.TraceId == generator.TraceId));
        var link = Assert.Single(run.Links);
        Assert.Equal((generator.TraceId, generator.SpanId), (link.Context.TraceId, link.Context.SpanId));
        Assert.NotEqual(generator.TraceId, run.TraceId);
    }

    public void Dispose() => _directory.Dispose();
}
