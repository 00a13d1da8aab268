using System.Numerics;
using System.Runtime.CompilerServices;
using HubAspire.Core.Schema;

namespace HubAspire.Generation;

/// <summary>
/// A small, fast, reproducible random stream (xoshiro256**, seeded through SplitMix64) with
/// the distributions DATA.md uses. Our own implementation, so the same seed gives the same
/// numbers on every .NET version and machine. One stream per (entity, row group): never
/// shared across threads.
/// </summary>
public struct RandomStream
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>The stream for one row group of one entity: independent of every other one.</summary>
    public RandomStream(long seed, int entityIndex, long chunkIndex)
    {
        var state = KeyedRandom.Mix((ulong)seed, (ulong)entityIndex + 1, (ulong)chunkIndex);
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [min, max) — DATA.md's U[a, b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Uniform(int min, int max) => min + (int)KeyedRandom.Below(NextUInt64(), (ulong)(max - min));

    /// <summary>Uniform integer in [0, count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Below(long count) => (long)KeyedRandom.Below(NextUInt64(), (ulong)count);

    /// <summary>Uniform double in [min, max).</summary>
    public double Uniform(double min, double max) => min + NextDouble() * (max - min);

    /// <summary>A uniformly chosen element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string Pick(string[] values) => values[Below(values.Length)];

    /// <summary>A value drawn with the list's probabilities.</summary>
    public string Pick(Weighted list) => list.Values[PickIndex(list.Probabilities)];

    /// <summary>The index of a value drawn with these probabilities.</summary>
    public int PickIndex(double[] probabilities)
    {
        var u = NextDouble();
        var last = probabilities.Length - 1;
        for (var i = 0; i < last; i++)
        {
            u -= probabilities[i];
            if (u < 0)
            {
                return i;
            }
        }

        return last;
    }

    /// <summary>Standard normal draw (Box–Muller; one of the pair, for simplicity).</summary>
    public double StandardNormal()
    {
        var u1 = 1.0 - NextDouble(); // in (0, 1]: log is finite
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double Normal(double mean, double standardDeviation) => mean + standardDeviation * StandardNormal();

    /// <summary>exp(N(μ, σ)): median e^μ.</summary>
    public double LogNormal(double mu, double sigma) => Math.Exp(Normal(mu, sigma));

    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    public bool Bernoulli(double probability) => NextDouble() < probability;

    /// <summary>A second of the data range, uniformly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DateTime Timestamp() => DataRange.AtSecond(Below(DataRange.Seconds));

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return KeyedRandom.Finalize(state);
    }
}
