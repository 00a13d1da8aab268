using HubAspire.Api.Queries;
using HubAspire.Api.Runs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HubAspire.Api.Apis;

/// <summary>The API's RFC 9457 problems: a bad query (400, naming the parameter) and nothing to serve (503, with Retry-After).</summary>
public static class ApiProblems
{
    public const string NoRunYetType = QueryProblem.TypePrefix + "no-run-yet";
    public const string DatabaseUnavailableType = QueryProblem.TypePrefix + "database-unavailable";
    public const string ParameterExtension = "parameter";

    public static ProblemHttpResult BadQuery(QueryProblem problem) => TypedResults.Problem(new ProblemDetails
    {
        Type = problem.Type,
        Title = problem.Title,
        Status = StatusCodes.Status400BadRequest,
        Detail = problem.Detail,
        Extensions = { [ParameterExtension] = problem.Parameter },
    });

    /// <summary>The ETL has not completed a run, or the store cannot be reached: the client should come back.</summary>
    public static ProblemHttpResult Unavailable(HttpContext context, RunState state, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(state.Availability == RunAvailability.NoRunYet
            ? new ProblemDetails
            {
                Type = NoRunYetType,
                Title = "No data yet",
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = "The ETL has not completed a run yet, so there are no figures to serve. They appear as soon as its first run succeeds.",
            }
            : new ProblemDetails
            {
                Type = DatabaseUnavailableType,
                Title = "Database unavailable",
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = "The aggregate store (PostgreSQL) cannot be reached right now. Try again shortly.",
            });
    }
}
