using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using HubAspire.Testing.Network;

namespace HubAspire.AppHost.Tests;

/// <summary>
/// An OTLP/HTTP endpoint the tests control: it accepts every export (traces, metrics, logs) and
/// keeps the raw protobuf bodies. Service names and span names are plain UTF-8 strings inside
/// them, so "did this service export this span" is a byte search, without a protobuf model.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> exports = new();
    private readonly Task serving;

    public OtlpReceiver()
    {
        var port = FreePort.Next();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        listener.Prefixes.Add($"{Endpoint}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>Makes every project of the application export its telemetry here, in place of the Aspire dashboard.</summary>
    public void ReceiveFrom(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var service in builder.Resources.OfType<ProjectResource>().ToList())
        {
            // Added after Aspire's own OTLP settings, so these win.
            builder.CreateResourceBuilder(service)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint.ToString())
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        }
    }

    /// <summary>True once a trace export from <paramref name="service"/> (its <c>service.name</c>) held a span named <paramref name="span"/>.</summary>
    public bool ReceivedSpan(string service, string span) => TraceExportsWith(service, span) > 0;

    /// <summary>How many trace exports from <paramref name="service"/> held a span named <paramref name="span"/>.</summary>
    public int TraceExportsWith(string service, string span) =>
        exports.Count(e => e.Signal == "traces" && e.Body.AsSpan().IndexOf(ServiceNameAttribute(service)) >= 0 && e.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(span)) >= 0);

    /// <summary>True once a trace export from <paramref name="service"/> held a span named <paramref name="span"/> in the trace <paramref name="traceId"/> (32 hex digits).</summary>
    public bool ReceivedSpanInTrace(string service, string span, string traceId) =>
        exports.Any(e => e.Signal == "traces" && e.Body.AsSpan().IndexOf(ServiceNameAttribute(service)) >= 0
            && e.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(span)) >= 0 && e.Body.AsSpan().IndexOf(Convert.FromHexString(traceId)) >= 0);

    public IEnumerable<string> Summary() =>
        exports.GroupBy(e => e.Signal).Select(g => $"{g.Key}: {g.Count()} exports");

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            exports.Enqueue((context.Request.Url!.AbsolutePath.Split('/').Last(), body.ToArray()));
            // An empty Export…ServiceResponse: everything accepted.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    /// <summary>
    /// The resource attribute <c>service.name = service</c> as protobuf encodes it: KeyValue's key
    /// (the attribute name), then field 2, an AnyValue holding field 1, the string.
    /// </summary>
    private static byte[] ServiceNameAttribute(string service)
    {
        var name = Encoding.UTF8.GetBytes(service);
        return [.. Encoding.UTF8.GetBytes("service.name"), 0x12, (byte)(name.Length + 2), 0x0A, (byte)name.Length, .. name];
    }
}
