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

        await client.GetOkJsonAsync("/api/kpis");

        Activity[] Snapshot()
        {
            lock (spans)
            {
                return [.. spans];
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
        Assert.NotEmpty(commands);
        Assert.All(commands, command => Assert.Equal(request.TraceId, command.TraceId));
        Assert.Contains(commands, command => command.ParentSpanId == check.SpanId);
    }
}
