using System.Collections.Concurrent;
using HubAspire.Api.Responses;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Presentation;
using HubAspire.Store;

namespace HubAspire.Api.Runs;

/// <summary>
/// The run the API serves: its record, all its cells in memory, and the responses computed from
/// them so far. A newer run gets a new <see cref="ServedRun"/>, so its cache starts empty and
/// the old one goes with the old run.
/// </summary>
public sealed class ServedRun(RunInfo info, IReadOnlyList<CubeCells> cubes, int maxCachedResponses)
{
    private readonly ConcurrentDictionary<string, ApiResponse> responses = new(StringComparer.Ordinal);

    public RunInfo Info { get; } = info;

    /// <summary>One per <see cref="Cubes.All"/> entry.</summary>
    public IReadOnlyList<CubeCells> Cubes { get; } = cubes;

    /// <summary>The months holding rows; null for a run without rows.</summary>
    public MonthSpan? DataMonths { get; } = Core.Presentation.DataMonths.Of(cubes);

    public long Id => Info.Id;

    /// <summary>The cached response for <paramref name="key"/> (a resource and a normalized query), rendered on first use.</summary>
    /// <param name="hit">Whether it came from the cache.</param>
    public ApiResponse GetOrRender<TState>(string key, TState state, Func<ServedRun, string, TState, ApiResponse> render, out bool hit)
    {
        if (responses.TryGetValue(key, out var cached))
        {
            hit = true;
            return cached;
        }

        hit = false;
        var response = render(this, key, state);
        if (responses.Count >= maxCachedResponses)
        {
            responses.Clear();
        }

        return responses.GetOrAdd(key, response);
    }
}
