using System.Diagnostics;
using Xunit;
using Xunit.Sdk;

namespace HubAspire.Testing.Waiting;

/// <summary>Waiting, bounded, for something another process or thread makes true.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test after <paramref name="within"/>. Returns how long it took.</summary>
    /// <param name="what">What was awaited, for the failure message.</param>
    public static Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, TimeSpan within, string what) =>
        HoldsAsync(condition, within, () => what);

    /// <param name="what">What was awaited, described when the wait fails (it may add what was seen instead).</param>
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, TimeSpan within, Func<string> what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed >= within)
            {
                throw new XunitException($"{what()}: not within {within.TotalSeconds} s");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return clock.Elapsed;
    }
}
