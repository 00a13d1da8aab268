using System.Net;
using HubAspire.Api.Tests.Support;

namespace HubAspire.Api.Tests;

/// <summary>The OpenAPI document and the health endpoints.</summary>
[Collection(LoadedApiCollection.Name)]
public sealed class OpenApiTests(LoadedApi api)
{
    [Fact]
    public async Task The_openapi_document_lists_every_endpoint_with_its_parameters()
    {
        var document = await api.Client.GetOkJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject();
        Assert.Equal(Periods.AllPaths.Order(), paths.Select(p => p.Key).Where(p => p.StartsWith("/api/", StringComparison.Ordinal)).Order());
        foreach (var (path, item) in paths)
        {
            var operation = item!["get"]!;
            Assert.Equal(["from", "to", "format"], operation["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
            Assert.All(operation["parameters"]!.AsArray(), p => Assert.False(string.IsNullOrEmpty(p!["description"]?.GetValue<string>()), path));
            Assert.Equal(["200", "304", "400", "503"], operation["responses"]!.AsObject().Select(r => r.Key));
        }

        var region = paths["/api/deals/region"]!["get"]!;
        Assert.Contains("labels, revenue, win_rate, deal_count", region["description"]!.GetValue<string>());
        Assert.Equal(["labels", "revenue", "win_rate", "deal_count"],
            region["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["labels", "datasets"],
            paths["/api/web/trend"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_and_liveness_answer(string path)
    {
        var response = await api.Client.GetAsync(path, Http.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Http.CancellationToken));
    }
}
