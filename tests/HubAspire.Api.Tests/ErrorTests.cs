using System.Net;
using HubAspire.Api.Tests.Support;

namespace HubAspire.Api.Tests;

/// <summary>Every bad query gets 400 with an RFC 9457 problem naming the parameter, on every endpoint; nothing leaks internals.</summary>
[Collection(LoadedApiCollection.Name)]
public sealed class ErrorTests(LoadedApi api)
{
    private const string Prefix = "urn:hubaspire:problem:";

    public static TheoryData<string, string, string, string> BadQueries => new()
    {
        { "from=2024-13", "invalid-month", "Invalid month", "from" },
        { "from=2024-00", "invalid-month", "Invalid month", "from" },
        { "to=2024-1", "invalid-month", "Invalid month", "to" },
        { "from=24-01", "invalid-month", "Invalid month", "from" },
        { "from=2024/01", "invalid-month", "Invalid month", "from" },
        { "to=2024-01-15", "invalid-month", "Invalid month", "to" },
        { "from=", "invalid-month", "Invalid month", "from" },
        { "to=+024-01", "invalid-month", "Invalid month", "to" },
        { "from=2024-08&to=2024-03", "invalid-period", "Invalid period", "from" },
        { "format=xml", "invalid-format", "Invalid format", "format" },
        { "format=", "invalid-format", "Invalid format", "format" },
        { "form=2024-01", "unknown-parameter", "Unknown parameter", "form" },
        { "from=2024-01&from=2024-02", "repeated-parameter", "Repeated parameter", "from" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_query_gets_its_problem_on_every_endpoint(string query, string type, string title, string parameter)
    {
        foreach (var path in Periods.AllPaths)
        {
            var (response, problem) = await api.Client.GetJsonAsync($"{path}?{query}");

            var what = $"{path}?{query}";
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
            Assert.Equal(Http.ProblemJson, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Prefix + type, problem!["type"]!.GetValue<string>());
            Assert.Equal(title, problem["title"]!.GetValue<string>());
            Assert.Equal(400, problem["status"]!.GetValue<int>());
            Assert.Equal(parameter, problem["parameter"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(problem["detail"]!.GetValue<string>()), what);
        }
    }

    [Theory]
    [InlineData("/api/kpis")]
    [InlineData("/api/dashboard")]
    [InlineData("/api/runs/latest")]
    [InlineData("/api/meta")]
    public async Task Csv_is_offered_by_chart_endpoints_only(string path)
    {
        var (response, problem) = await api.Client.GetJsonAsync($"{path}?format=csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Prefix + "invalid-format", problem!["type"]!.GetValue<string>());
        Assert.Equal("format", problem["parameter"]!.GetValue<string>());
        Assert.Contains("json only", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_detail_says_what_was_wrong_and_what_to_send()
    {
        var (_, month) = await api.Client.GetJsonAsync("/api/kpis?to=2024-13");
        var (_, period) = await api.Client.GetJsonAsync("/api/kpis?from=2024-08&to=2024-03");

        Assert.Equal("'2024-13' is not a month: to takes YYYY-MM with a month from 01 to 12, e.g. 2024-03.", month!["detail"]!.GetValue<string>());
        Assert.StartsWith("The period is empty: from (2024-08) is after to (2024-03).", period!["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("FROM=2024-03&To=2024-05&format=JSON")]
    [InlineData("format=Csv")]
    public async Task Parameter_names_and_format_values_are_case_insensitive(string query)
    {
        var response = await api.Client.GetAsync($"/api/deals/region?{query}", Http.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_path_gets_a_404_problem()
    {
        var (response, problem) = await api.Client.GetJsonAsync("/api/deals/nowhere");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(Http.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem!["status"]!.GetValue<int>());
    }
}
