using static HubAspire.Web.Tests.Support.ExpectedCharts;

namespace HubAspire.Web.Tests.Support;

/// <summary>
/// The label texts every chart draws at the browser tests' dataset, kept in a committed file
/// (Expected/drawn-labels.txt), so a change to what a person reads on any axis, legend or radar
/// fails a test with the difference, not only a screenshot review.
/// </summary>
public static class DrawnLabels
{
    public static string CommittedPath => Path.Combine(RepositoryPaths.Root, "tests", "HubAspire.Web.Tests", "Expected", "drawn-labels.txt");

    public static string ActualPath => Path.Combine(RepositoryPaths.Root, "TestResults", "drawn-labels.actual.txt");

    /// <summary>
    /// One line per chart: "tab / chart: label | label | …". A month axis thins its ticks by the
    /// width the fonts leave, so it is recorded by its first tick and its number of months.
    /// </summary>
    public static string Line(string tab, string id, Kind kind, DrawnChart chart, int labelCount)
    {
        var texts = kind switch
        {
            Kind.Line => $"{chart.CategoryScale.Ticks[0].Text} … ({labelCount} months)",
            Kind.Bar or Kind.HorizontalBar => string.Join(" | ", chart.CategoryScale.Ticks.Select(t => t.Text)),
            Kind.Radar => string.Join(" | ", chart.Scales["r"].PointLabels),
            _ => string.Join(" | ", chart.Legend),
        };
        return $"{tab} / {id}: {texts}";
    }

    public static void AssertAsCommitted(IReadOnlyList<string> lines)
    {
        var committed = File.Exists(CommittedPath)
            ? File.ReadAllLines(CommittedPath).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray()
            : [];
        if (committed.SequenceEqual(lines))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(ActualPath)!);
        File.WriteAllLines(ActualPath, [Header, .. lines]);
        Assert.Fail($"The charts draw other labels than {CommittedPath} holds. What they draw is in {ActualPath}: if the change is intended, copy it over the committed file.\n"
            + string.Join("\n", lines.Except(committed).Select(l => "+ " + l).Concat(committed.Except(lines).Select(l => "- " + l))));
    }

    private const string Header =
        "# The labels each chart draws (category axis, legend or radar), tab by tab, at the browser tests' dataset (scale 0.01, seed 42). Written by ChartTests; compared on every run.";
}
