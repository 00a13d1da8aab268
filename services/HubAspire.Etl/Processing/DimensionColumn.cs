using System.Globalization;
using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;

namespace HubAspire.Etl.Processing;

/// <summary>A row group's values of one dimension as dense codes into <see cref="Labels"/>.</summary>
public readonly struct DimensionColumn(int[] codes, IReadOnlyList<string> labels)
{
    public int[] Codes { get; } = codes;

    public IReadOnlyList<string> Labels { get; } = labels;

    private static readonly string[] AllLabels = [CubeDefinition.AllLabel];

    /// <summary>The "all" dimension: every row has the one label.</summary>
    public static DimensionColumn All(int rows) => new(new int[rows], AllLabels);

    /// <summary>A string column already coded by the reader.</summary>
    public static DimensionColumn FromCodes(ReadOnlySpan<int> codes, IReadOnlyList<string> labels) => new(codes.ToArray(), labels);

    /// <summary>An integer column (e.g. send_hour): each distinct value becomes a label, its decimal text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DimensionColumn FromIntegers(ReadOnlySpan<long> values)
    {
        var codes = new int[values.Length];
        var codeOf = new Dictionary<long, int>();
        var labels = new List<string>();
        for (var i = 0; i < values.Length; i++)
        {
            if (!codeOf.TryGetValue(values[i], out var code))
            {
                code = labels.Count;
                codeOf.Add(values[i], code);
                labels.Add(values[i].ToString(CultureInfo.InvariantCulture));
            }

            codes[i] = code;
        }

        return new DimensionColumn(codes, labels);
    }
}
