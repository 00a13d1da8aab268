using System.Text.Json;
using System.Text.Json.Nodes;

namespace HubAspire.Web.Tests.Support;

public static class AssertJson
{
    /// <summary>Equal element by element: strings exactly, numbers to 1e-9 (what JavaScript and .NET print may differ in the last digit).</summary>
    public static void Equal(JsonArray expected, JsonArray actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: {expected.Count} values expected, {actual.Count} found.\nexpected {expected.ToJsonString()}\nactual   {actual.ToJsonString()}");
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            var same = e is null || a is null
                ? e is null && a is null
                : e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number
                    ? Math.Abs((double)e - (double)a) <= 1e-9 * Math.Max(1, Math.Abs((double)e))
                    : JsonNode.DeepEquals(e, a);
            Assert.True(same, $"{what}[{i}]: expected {e?.ToJsonString() ?? "null"}, found {a?.ToJsonString() ?? "null"}.\nexpected {expected.ToJsonString()}\nactual   {actual.ToJsonString()}");
        }
    }
}
