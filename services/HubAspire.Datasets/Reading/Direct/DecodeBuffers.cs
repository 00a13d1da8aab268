using System.Buffers;

namespace HubAspire.Datasets.Reading.Direct;

/// <summary>
/// The direct decoder's scratch arrays (chunks, pages, indices, dictionaries): pooled, but in
/// pools of their own that keep at most a few arrays of each size, so what they hold between
/// chunks stays small whatever the scale, unlike the process-wide shared pools.
/// </summary>
internal static class DecodeBuffers<T>
{
    private const int MaxLength = 1 << 28, ArraysPerSize = 4;

    public static ArrayPool<T> Pool { get; } = ArrayPool<T>.Create(MaxLength, ArraysPerSize);
}
