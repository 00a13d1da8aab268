namespace HubAspire.Api.Queries;

/// <summary>
/// What is wrong with a request's query: an RFC 9457 problem (400) that names the parameter.
/// <see cref="Type"/> tells the kinds apart for a client; <see cref="Detail"/> tells a person what to send instead.
/// </summary>
public sealed record QueryProblem(string Type, string Title, string Parameter, string Detail)
{
    public const string TypePrefix = "urn:hubaspire:problem:";

    public static QueryProblem InvalidMonth(string parameter, string value) => new(
        TypePrefix + "invalid-month", "Invalid month", parameter,
        $"'{value}' is not a month: {parameter} takes YYYY-MM with a month from 01 to 12, e.g. 2024-03.");

    public static QueryProblem FromAfterTo(string from, string to) => new(
        TypePrefix + "invalid-period", "Invalid period", ApiQuery.From,
        $"The period is empty: from ({from}) is after to ({to}). Both ends are inclusive; swap them, or give one month as both.");

    public static QueryProblem InvalidFormat(string value, bool csvOffered) => new(
        TypePrefix + "invalid-format", "Invalid format", ApiQuery.FormatParameter,
        csvOffered
            ? $"'{value}' is not a format: format takes json (the default) or csv."
            : $"'{value}' is not a format of this endpoint: it answers json only (csv is offered by the chart endpoints).");

    public static QueryProblem UnknownParameter(string name) => new(
        TypePrefix + "unknown-parameter", "Unknown parameter", name,
        $"'{name}' is not a parameter of this endpoint: it takes from, to (months, YYYY-MM) and format. " +
        "It is refused rather than ignored, so that a misspelt filter does not silently return unfiltered figures.");

    public static QueryProblem RepeatedParameter(string name) => new(
        TypePrefix + "repeated-parameter", "Repeated parameter", name,
        $"{name} is given more than once; give it once.");
}
