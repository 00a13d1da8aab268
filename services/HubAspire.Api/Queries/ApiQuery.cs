using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;

namespace HubAspire.Api.Queries;

public enum ResponseFormat
{
    Json,
    Csv,
}

/// <summary>
/// A request's query, validated: the period (<c>from</c>, <c>to</c>, both optional and inclusive)
/// and the format. <see cref="Key"/> is its normalized text, the same for every spelling of the
/// same query (parameter order, case of <c>format</c>), so those share a cached response and an ETag.
/// </summary>
public sealed record ApiQuery(MonthRange Months, ResponseFormat Format)
{
    public const string From = "from";
    public const string To = "to";
    public const string FormatParameter = "format";

    private static readonly string[] Parameters = [From, To, FormatParameter];

    public string Key { get; } =
        $"from={(Months.From is { } f ? TimeFeatures.Month(f) : "")}&to={(Months.To is { } t ? TimeFeatures.Month(t) : "")}&format={Format.ToString().ToLowerInvariant()}";

    /// <summary>Either the query or the problem with it (the first one found, in a fixed order).</summary>
    /// <param name="query">Every parameter the request carried (names case-insensitive).</param>
    /// <param name="csvOffered">Whether this endpoint answers <c>format=csv</c> (chart endpoints do).</param>
    public static (ApiQuery? Query, QueryProblem? Problem) Parse(IQueryCollection query, bool csvOffered)
    {
        foreach (var (name, values) in query)
        {
            if (!Parameters.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return (null, QueryProblem.UnknownParameter(name));
            }

            if (values.Count > 1)
            {
                return (null, QueryProblem.RepeatedParameter(name.ToLowerInvariant()));
            }
        }

        // Read here rather than bound: an empty value ("?from=") is a bad month, not an absent one.
        string? Value(string name) => query.TryGetValue(name, out var values) ? values.ToString() : null;
        var (from, to, format) = (Value(From), Value(To), Value(FormatParameter));
        int? fromMonth = null, toMonth = null;
        if (from is not null && (fromMonth = TimeFeatures.ParseMonth(from)) is null)
        {
            return (null, QueryProblem.InvalidMonth(From, from));
        }

        if (to is not null && (toMonth = TimeFeatures.ParseMonth(to)) is null)
        {
            return (null, QueryProblem.InvalidMonth(To, to));
        }

        if (fromMonth > toMonth)
        {
            return (null, QueryProblem.FromAfterTo(from!, to!));
        }

        var responseFormat = format?.ToLowerInvariant() switch
        {
            null or "json" => ResponseFormat.Json,
            "csv" when csvOffered => ResponseFormat.Csv,
            "csv" => (ResponseFormat?)null,
            _ => null,
        };
        if (responseFormat is null)
        {
            return (null, QueryProblem.InvalidFormat(format!, csvOffered));
        }

        return (new ApiQuery(new MonthRange(fromMonth, toMonth), responseFormat.Value), null);
    }
}
