using System.Net;
using System.Net.Http.Headers;
using HubAspire.Api.Tests.Support;

namespace HubAspire.Api.Tests;

/// <summary>ETags from the run and the normalized query; If-None-Match gets 304.</summary>
[Collection(LoadedApiCollection.Name)]
public sealed class CachingTests(LoadedApi api)
{
    [Theory]
    [MemberData(nameof(Periods.Endpoints), MemberType = typeof(Periods))]
    public async Task A_matching_if_none_match_gets_304_without_a_body(string path)
    {
        var first = await api.Client.GetAsync(path + "?from=2024-01", Http.CancellationToken);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.StartsWith($"\"{api.RunId}-", etag.Tag);
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, path + "?from=2024-01");
        revalidate.Headers.IfNoneMatch.Add(etag);
        var second = await api.Client.SendAsync(revalidate, Http.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(Http.CancellationToken));
    }

    [Fact]
    public async Task A_stale_etag_gets_the_full_response()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/deals/region");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0-0000000000000000\""));

        var response = await api.Client.SendAsync(request, Http.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync(Http.CancellationToken));
    }

    [Fact]
    public async Task The_same_query_spelt_differently_shares_its_etag_and_a_different_query_does_not()
    {
        async Task<string> ETag(string url) => (await api.Client.GetAsync(url, Http.CancellationToken)).Headers.ETag!.Tag;

        var etag = await ETag("/api/deals/region?from=2024-01&to=2024-06");
        Assert.Equal(etag, await ETag("/api/deals/region?to=2024-06&from=2024-01"));
        Assert.Equal(etag, await ETag("/api/deals/region?from=2024-01&to=2024-06&format=JSON"));
        Assert.NotEqual(etag, await ETag("/api/deals/region?from=2024-01&to=2024-07"));
        Assert.NotEqual(etag, await ETag("/api/deals/region?from=2024-01&to=2024-06&format=csv"));
        Assert.NotEqual(etag, await ETag("/api/deals/industry?from=2024-01&to=2024-06"));
    }

    [Fact]
    public async Task Repeated_requests_get_identical_bytes()
    {
        var first = await api.Client.GetByteArrayAsync("/api/dashboard?from=2024-02", Http.CancellationToken);
        var second = await api.Client.GetByteArrayAsync("/api/dashboard?from=2024-02", Http.CancellationToken);

        Assert.Equal(first, second);
    }
}
