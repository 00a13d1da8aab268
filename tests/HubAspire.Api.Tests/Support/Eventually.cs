using System.Diagnostics;

namespace HubAspire.Api.Tests.Support;

public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 50 ms until it holds; fails after <paramref name="within"/>. Returns how long it took.</summary>
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < within, $"{what}: not within {within.TotalSeconds} s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return clock.Elapsed;
    }
}
