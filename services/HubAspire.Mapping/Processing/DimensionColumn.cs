using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HubAspire.Core.Aggregations;
using HubAspire.Datasets.Reading;

namespace HubAspire.Mapping.Processing;

/// <summary>A row group's values of one dimension as dense codes into <see cref="Labels"/>; <see cref="Codes"/> may be longer than the row group.</summary>
public readonly struct DimensionColumn(int[] codes, IReadOnlyList<string> labels)
{
    public int[] Codes { get; } = codes;

    public IReadOnlyList<string> Labels { get; } = labels;

    private static readonly string[] AllLabels = [CubeDefinition.AllLabel];

    // Only ever read: one array of zeros, grown as needed, serves every row group's "all" dimension.
    private static int[] _zeros = [];

    /// <summary>The "all" dimension: every row has the one label.</summary>
    public static DimensionColumn All(int rows)
    {
        var zeros = _zeros;
        if (zeros.Length < rows)
        {
            _zeros = zeros = new int[rows];
        }

        return new(zeros, AllLabels);
    }

    /// <summary>A string column already coded by the reader, used in place (valid while the row group's columns are).</summary>
    public static DimensionColumn Of(CategoricalColumn column) =>
        new(MemoryMarshal.TryGetArray(column.CodesMemory, out var codes) && codes.Offset == 0 ? codes.Array! : column.Codes.ToArray(), column.Values);

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
