using System.Text.Json.Nodes;

namespace HubAspire.Api.Tests.Support;

/// <summary>Assertions of served JSON against expected figures, with messages that say where they differ.</summary>
public static class Expect
{
    /// <summary>Exactly the keys (in order), the labels in order, and every figure.</summary>
    public static void Chart(ExpectedChart expected, JsonNode? actual, string what)
    {
        var chart = Assert.IsType<JsonObject>(actual, exactMatch: false);
        string[] keys = expected.Datasets ? ["labels", "datasets"] : ["labels", .. expected.Series.Select(s => s.Name)];
        Assert.True(keys.SequenceEqual(chart.Select(p => p.Key)), $"{what}: keys [{string.Join(", ", chart.Select(p => p.Key))}], expected [{string.Join(", ", keys)}]");
        var labels = chart["labels"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
        Assert.True(expected.Labels.SequenceEqual(labels), $"{what}: labels [{string.Join(", ", labels)}], expected [{string.Join(", ", expected.Labels)}]");

        for (var i = 0; i < expected.Series.Count; i++)
        {
            var (name, values) = expected.Series[i];
            JsonArray data;
            if (expected.Datasets)
            {
                var dataset = chart["datasets"]!.AsArray()[i]!.AsObject();
                Assert.Equal(["label", "data"], dataset.Select(p => p.Key));
                Assert.Equal(name, dataset["label"]!.GetValue<string>());
                data = dataset["data"]!.AsArray();
            }
            else
            {
                data = chart[name]!.AsArray();
            }

            Assert.True(values.Length == data.Count, $"{what}, {name}: {data.Count} values for {values.Length} labels");
            for (var j = 0; j < values.Length; j++)
            {
                Number(values[j], data[j], $"{what}, {name}, {expected.Labels[j]}");
            }
        }

        if (expected.Datasets)
        {
            Assert.Equal(expected.Series.Count, chart["datasets"]!.AsArray().Count);
        }
    }

    /// <summary>
    /// The shown value (JSON number, or null for a mean over no rows); integers without a
    /// decimal point. At an exact tie either neighbour passes (see <see cref="Figure.IsTie"/>).
    /// </summary>
    public static void Number(Figure expected, JsonNode? actual, string what)
    {
        if (expected.Shown is not { } shown)
        {
            Assert.True(actual is null, $"{what}: {actual?.ToJsonString()}, expected null");
            return;
        }

        Assert.True(actual is JsonValue, $"{what}: {actual?.ToJsonString() ?? "null"}, expected {expected}");
        var text = actual!.ToJsonString();
        var value = actual.GetValue<double>();
        if (expected.IsCount)
        {
            Assert.True(!text.Contains('.') && !text.Contains('E', StringComparison.OrdinalIgnoreCase), $"{what}: {text} is not an integer");
        }

        bool Near(decimal target) => Math.Abs(value - (double)target) <= 1e-9 * Math.Max(1, Math.Abs((double)target));
        var unit = Figure.Unit(-expected.Decimals);
        var ok = Near(shown) || (expected.IsTie && (Near(shown + unit) || Near(shown - unit)));
        Assert.True(ok, $"{what}: {text}, expected {expected}");
    }
}
