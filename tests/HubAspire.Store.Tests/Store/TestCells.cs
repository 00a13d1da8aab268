using HubAspire.Core.Aggregations;

namespace HubAspire.Store.Tests.Store;

/// <summary>Cube cells to load, built here from plain numbers, and the exact comparison of what comes back.</summary>
internal static class TestCells
{
    public static readonly string[] CubeTableNames =
    [
        "companies_cube", "contacts_cube", "deals_cube", "marketing_events_cube",
        "email_campaigns_cube", "support_tickets_cube", "web_analytics_cube",
    ];

    /// <summary>January 2023, the first month of the data range, as a month key (year × 12 + month − 1).</summary>
    public const int FirstMonth = 2023 * 12;

    public static IReadOnlyList<CubeCells> Empty() => [.. Cubes.All.Select(c => new CubeCells(c))];

    /// <summary>A few cells per cube, every dimension, values depending on <paramref name="seed"/> so that two runs differ.</summary>
    public static IReadOnlyList<CubeCells> Small(int seed)
    {
        var cubes = Empty();
        foreach (var cube in cubes)
        {
            for (var dimension = 0; dimension < cube.Definition.Dimensions.Count; dimension++)
            {
                for (var month = 0; month < 3; month++)
                {
                    var label = dimension == 0 ? CubeDefinition.AllLabel : $"label {dimension}.{month % 2}";
                    cube.Add(new CellKey(dimension, FirstMonth + month, label), Values(cube.Definition, seed * 1000 + dimension * 10 + month));
                }
            }
        }

        return cubes;
    }

    /// <summary>
    /// The full-scale dataset's shape: 36 months × every label of every dimension (deals:
    /// 1 + 7 regions + 20 industries + 6 stages + 4 pipelines), 7,056 cells in all.
    /// </summary>
    public static IReadOnlyList<CubeCells> Realistic(int seed)
    {
        var labelsPerDimension = new Dictionary<string, int[]>
        {
            ["companies"] = [1, 20, 7],
            ["contacts"] = [1, 6, 10],
            ["deals"] = [1, 7, 20, 6, 4],
            ["marketing_events"] = [1, 8, 10],
            ["email_campaigns"] = [1, 10, 24],
            ["support_tickets"] = [1, 10, 4],
            ["web_analytics"] = [1, 20, 20, 3],
        };
        var cubes = Empty();
        foreach (var cube in cubes)
        {
            var labels = labelsPerDimension[cube.Definition.Name];
            Assert.Equal(cube.Definition.Dimensions.Count, labels.Length);
            for (var dimension = 0; dimension < labels.Length; dimension++)
            {
                for (var label = 0; label < labels[dimension]; label++)
                {
                    for (var month = 0; month < 36; month++)
                    {
                        var name = dimension == 0 ? CubeDefinition.AllLabel : $"{cube.Definition.Dimensions[dimension]} {label}";
                        cube.Add(new CellKey(dimension, FirstMonth + month, name), Values(cube.Definition, seed + dimension * 10_000 + label * 100 + month));
                    }
                }
            }
        }

        return cubes;
    }

    /// <summary>Sums of plausible size: a row count and larger sums of money in cents.</summary>
    public static long[] Values(CubeDefinition cube, long seed) =>
        [.. Enumerable.Range(0, cube.Measures.Count).Select(i => seed * 7_919 + i * 1_000_003L)];

    /// <summary>Every cell of <paramref name="expected"/>, and no other, with equal sums, cube by cube in <see cref="Cubes.All"/> order.</summary>
    public static void AssertSame(IReadOnlyList<CubeCells> expected, IReadOnlyList<CubeCells> actual)
    {
        Assert.Equal(Cubes.All.Select(c => c.Name), actual.Select(c => c.Definition.Name));
        foreach (var actualCube in actual)
        {
            var expectedCube = expected.Single(c => c.Definition == actualCube.Definition);
            Assert.Equal(expectedCube.Count, actualCube.Count);
            foreach (var (key, sums) in expectedCube.Cells)
            {
                var read = actualCube.Get(key);
                Assert.True(read is not null, $"{actualCube.Definition.Name}: no cell {key}");
                Assert.Equal(sums, read);
            }
        }
    }

    public static long CellCount(IReadOnlyList<CubeCells> cubes) => cubes.Sum(c => c.Count);
}
