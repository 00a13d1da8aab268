using System.Net;
using System.Text.Json.Nodes;

namespace HubAspire.Api.Tests.Support;

public static class Http
{
    public const string Json = "application/json; charset=utf-8";
    public const string ProblemJson = "application/problem+json";

    public static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    /// <summary>GET <paramref name="url"/>: the response and its body parsed as JSON (null when empty).</summary>
    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, CancellationToken);
        var text = await response.Content.ReadAsStringAsync(CancellationToken);
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>GET that must answer 200 with JSON; the parsed body.</summary>
    public static async Task<JsonNode> GetOkJsonAsync(this HttpClient client, string url)
    {
        var (response, body) = await client.GetJsonAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body?.ToJsonString()}");
        Assert.Equal(Json, response.Content.Headers.ContentType?.ToString());
        return body!;
    }

    /// <summary><c>?from=…&amp;to=…</c> with the given ends (none for null), appended to <paramref name="path"/>.</summary>
    public static string WithPeriod(string path, string? from, string? to, string? more = null)
    {
        var parts = new[] { from is null ? null : $"from={from}", to is null ? null : $"to={to}", more }.Where(p => p is not null).ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }
}
