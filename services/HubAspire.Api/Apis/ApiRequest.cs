using HubAspire.Api.Extensions;
using HubAspire.Api.Queries;
using HubAspire.Api.Responses;
using HubAspire.Api.Runs;
using HubAspire.Api.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HubAspire.Api.Apis;

/// <summary>
/// What every endpoint takes — the period and format parameters and the services — and the one
/// way every endpoint answers: validate the query, find the run, serve the cached response.
/// <see cref="From"/>, <see cref="To"/> and <see cref="Format"/> are declared for the OpenAPI
/// document (described by <see cref="QueryParameterDescriptions"/>: [Description] on an
/// [AsParameters] member breaks the document in 10.0); <see cref="ApiQuery.Parse"/> reads the
/// query itself.
/// </summary>
public readonly record struct ApiRequest(
    HttpContext Context,
    [FromQuery(Name = ApiQuery.From)] string? From,
    [FromQuery(Name = ApiQuery.To)] string? To,
    [FromQuery(Name = ApiQuery.FormatParameter)] string? Format,
    RunTracker Runs,
    IOptions<ApiOptions> Options)
{
    /// <summary>
    /// The response of <paramref name="path"/> for this request's query from the served run's
    /// cache, rendered by <paramref name="render"/> on a miss; or the problem that prevents it.
    /// A matching <c>If-None-Match</c> gets 304 (the file result compares the ETag).
    /// </summary>
    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> RespondAsync<TState>(
        string path, bool csvOffered, TState state, Func<ServedRun, string, (TState State, ApiQuery Query), ApiResponse> render)
    {
        var (query, problem) = ApiQuery.Parse(Context.Request.Query, csvOffered);
        if (problem is not null)
        {
            return ApiProblems.BadQuery(problem);
        }

        var current = await Runs.CurrentAsync();
        if (current.Run is not { } run)
        {
            return ApiProblems.Unavailable(Context, current, Options.Value.RetryAfterSeconds);
        }

        var response = run.GetOrRender(Renderers.Key(path, query!), (state, query!), render, out var hit);
        ApiTelemetry.Responses.Add(1, hit ? ApiTelemetry.CacheHit : ApiTelemetry.CacheMiss);
        // Figures change only with a new run: a client may keep them, but must revalidate (ETag).
        Context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Bytes(response.Body, response.ContentType, response.FileName, entityTag: response.ETag);
    }
}
