using System.Diagnostics;
using HubAspire.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace HubAspire.Api.Tests;

/// <summary>A request that asks the store shows the query in its own trace: request → run check → Npgsql command.</summary>
[Collection(LoadedApiCollection.Name)]
public sealed class TracingTests(LoadedApi api)
{
    [Fact]
    public async Task The_run_check_and_its_npgsql_commands_are_in_the_request_s_trace()
    {
        var spans = new List<Activity>();
        await using var host = new ApiHost(api.ConnectionString, services: s => s.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(spans)));
        using var client = host.CreateClient();

        // The listeners are process-wide and other tests run at the same time: follow our own trace.
        var traceId = ActivityTraceId.CreateRandom();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/kpis");
        get.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        Assert.True((await client.SendAsync(get, Http.CancellationToken)).IsSuccessStatusCode);

        Activity[] Snapshot()
        {
            lock (spans)
            {
                return [.. spans.Where(s => s.TraceId == traceId)];
            }
        }

        // The server span ends just after the response is sent.
        await Eventually.HoldsAsync(() => Task.FromResult(Snapshot().Any(s => s.Kind == ActivityKind.Server)), TimeSpan.FromSeconds(5), "the request span");
        var all = Snapshot();
        var request = all.Single(s => s.Kind == ActivityKind.Server);
        Assert.Equal("GET /api/kpis", request.DisplayName);
        var check = all.Single(s => s.Source.Name == "HubAspire.Api" && s.DisplayName == "check latest run");
        Assert.Equal(request.SpanId, check.ParentSpanId);
        Assert.Equal(api.RunId, check.GetTagItem("hubaspire.run_id"));
        var commands = all.Where(s => s.Source.Name == "Npgsql").ToList();
        Assert.Contains(commands, command => command.ParentSpanId == check.SpanId);
    }

    [Fact]
    public async Task Health_probes_and_their_database_check_leave_no_spans()
    {
        var spans = new List<Activity>();
        // As Aspire runs every service: with OTEL_TRACES_SAMPLER=always_on, which alone would keep the
        // check's Npgsql span although the probe's own span is filtered out.
        await using var host = new ApiHost(api.ConnectionString, new Dictionary<string, string?> { ["OTEL_TRACES_SAMPLER"] = "always_on" },
            services: s => s.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(spans)));
        using var client = host.CreateClient();

        // Probes with and without a sampled parent, as health checkers send them, then a marker request in the same trace.
        var traceId = ActivityTraceId.CreateRandom();
        Assert.True((await client.GetAsync("/health", Http.CancellationToken)).IsSuccessStatusCode);
        foreach (var path in new[] { "/health", "/api/meta" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            Assert.True((await client.SendAsync(request, Http.CancellationToken)).IsSuccessStatusCode);
        }

        // Ours: the probes' trace, and the database check's own command (what a probe's span-less check would leave as a lone root span).
        Activity[] Snapshot()
        {
            lock (spans)
            {
                return [.. spans.Where(s => s.TraceId == traceId || (s.Source.Name == "Npgsql" && Equals(s.GetTagItem("db.query.text"), "SELECT 1;")))];
            }
        }

        // The marker's span shows the exporter has caught up with the probes.
        await Eventually.HoldsAsync(() => Task.FromResult(Snapshot().Any(s => s.DisplayName == "GET /api/meta")), TimeSpan.FromSeconds(5), "the marker request's span");
        Assert.DoesNotContain(Snapshot(), s => s.DisplayName.Contains("health", StringComparison.OrdinalIgnoreCase) || Equals(s.GetTagItem("db.query.text"), "SELECT 1;"));
    }
}
