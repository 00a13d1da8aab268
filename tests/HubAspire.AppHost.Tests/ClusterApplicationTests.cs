using System.Net;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using HubAspire.Testing.Pipelines;
using HubAspire.Testing.Waiting;
using Microsoft.Extensions.DependencyInjection;

namespace HubAspire.AppHost.Tests;

/// <summary>
/// The AppHost with <c>Cluster:Silos=3</c> (the generator and the ETL fan their files out to three
/// silos) and <c>Api:Replicas=2</c>: it serves exactly the figures of the in-process path.
/// </summary>
public sealed class ClusterApplicationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_three_silos_and_two_APIs_the_web_serves_the_in_process_figures()
    {
        using var telemetry = new OtlpReceiver();
        await using var run = await AppHostRun.StartAsync("executable", ["Cluster:Silos=3", "Api:Replicas=2"], Token, builder => telemetry.ReceiveFrom(builder));
        Assert.Equal(3, run.App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Single(r => r.Name == "silo").Annotations.OfType<ReplicaAnnotation>().Single().Replicas);
        foreach (var job in new[] { "generator", "etl" })
        {
            var end = await run.WaitForJobEndAsync(job, Token);
            Assert.Equal(0, end.Snapshot.ExitCode);
        }

        await run.App.ResourceNotifications.WaitForResourceHealthyAsync("web", WaitBehavior.StopOnResourceUnavailable, Token);
        using var web = run.App.CreateHttpClient("web", "http");
        var onCluster = await KpisAsync(web);

        // The ETL's run trace reaches into the silos: a file's map span, exported by a silo, carries the run's trace id.
        var traceId = (string)(await ServedJsonAsync(web, "/api/runs/latest"))["trace_id"]!;
        await Eventually.HoldsAsync(() => Task.FromResult(telemetry.ReceivedSpanInTrace("silo", "read web_analytics/part-00000.parquet", traceId)),
            TimeSpan.FromSeconds(30), () => $"a silo's map span in the ETL run's trace {traceId} ({string.Join(", ", telemetry.Summary())})");
        Assert.Single(await ClusterIdsAsync(run, "silo", "generator", "etl"));

        // The same raw dataset through the in-process ETL (a forced, newer run), served by the same APIs.
        var inProcess = await RealPipeline.RunEtlAsync(run.DataDirectory, await run.GetDatabaseConnectionStringAsync(Token), force: true);
        await Eventually.HoldsAsync(async () => (long)(await MetaAsync(web))["run_id"]! == inProcess.RunId, TimeSpan.FromSeconds(30),
            () => $"run {inProcess.RunId} served");

        // Both API replicas answer in turn behind the web's one endpoint: each answer is the in-process run's.
        for (var request = 0; request < 4; request++)
        {
            Assert.Equal(onCluster.ToJsonString(), (await KpisAsync(web)).ToJsonString());
        }
    }

    /// <summary>The distinct Orleans cluster ids the resources are started with: one, shared, when the jobs are the silos' clients.</summary>
    private static async Task<HashSet<string>> ClusterIdsAsync(AppHostRun run, params string[] resources)
    {
        var ids = new HashSet<string>();
        foreach (var name in resources)
        {
            var resource = (IResourceWithEnvironment)run.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);
#pragma warning disable CS0618 // its successor (ExecutionConfigurationBuilder) needs a whole execution context to read the same values
            var environment = await resource.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Run);
#pragma warning restore CS0618
            ids.Add(Assert.Contains("Orleans__ClusterId", environment));
        }

        return ids;
    }

    private static async Task<JsonNode> KpisAsync(HttpClient web) => await ServedJsonAsync(web, "/api/kpis");

    private static async Task<JsonNode> MetaAsync(HttpClient web) => await ServedJsonAsync(web, "/api/meta");

    private static async Task<JsonNode> ServedJsonAsync(HttpClient web, string path)
    {
        JsonNode? body = null;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await web.GetAsync(path, Token);
            body = response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync(Token)) : null;
            return body is not null;
        }, TimeSpan.FromMinutes(1), () => $"GET {path} answering 200");
        return body!;
    }
}
