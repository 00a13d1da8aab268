using System.Diagnostics;
using System.Text.RegularExpressions;
using HubAspire.Web.Tests.Support;

namespace HubAspire.Web.Tests;

/// <summary>
/// The dashboard's JavaScript modules (formats, deltas, URL state, periods, CSV, data shaping, the
/// chart builders and palette, every tab's cards) under node's built-in test runner, one test file
/// per case here, so a failure names its file and shows node's report. A file passes only when it
/// ran at least one test and every test it ran passed: a file without tests, or with skipped or
/// todo tests, fails rather than passing silently.
/// </summary>
public sealed partial class JavaScriptModuleTests
{
    public static TheoryData<string> TestFiles() =>
        [.. Directory.GetFiles(RepositoryPaths.JavaScriptTests, "*.test.mjs").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(TestFiles))]
    public async Task Node_test_file_passes(string file)
    {
        using var reports = new TempDirectory("hubaspire-node-test-");
        var tap = reports.File("report.tap");
        // The file is run directly rather than under `node --test`: node 20's --test reports a file
        // that declares no test as one passing test named after the file, so the counts could not
        // tell it from a real test. Run directly, such a file starts no test runner and writes no report.
        // Two reporters: spec for a person reading the failure, TAP to a file for the counts.
        var start = new ProcessStartInfo("node",
        [
            "--test-reporter=spec", "--test-reporter-destination=stdout",
            "--test-reporter=tap", $"--test-reporter-destination={tap}",
            file,
        ])
        {
            WorkingDirectory = RepositoryPaths.JavaScriptTests,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start: is Node.js installed?");
        var output = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(node.ExitCode == 0, $"node {file} exited {node.ExitCode}:\n{await output}\n{await errors}");
        var counts = TapCounts.Read(tap);
        Assert.True(counts.Tests >= 1 && counts.Pass == counts.Tests,
            $"{file} must run at least one test and pass every test it runs, but it ran {counts}:\n{await output}\n{await errors}");
    }

    /// <summary>The summary of a TAP report (<c># tests 5</c>, <c># pass 4</c>, …); all zero when node wrote none.</summary>
    private sealed record TapCounts(int Tests, int Pass, int Fail, int Skipped, int Todo)
    {
        public static TapCounts Read(string path)
        {
            var text = File.Exists(path) ? File.ReadAllText(path) : "";
            return new(Count(text, "tests"), Count(text, "pass"), Count(text, "fail"), Count(text, "skipped"), Count(text, "todo"));
        }

        // The summary closes the report, at the start of a line (nested tests' lines are indented),
        // so the last match is the summary even if a test printed a diagnostic of the same shape.
        private static int Count(string tap, string name) =>
            SummaryLine().Matches(tap).Where(m => m.Groups["name"].Value == name).Select(m => int.Parse(m.Groups["count"].Value)).LastOrDefault();

        public override string ToString() =>
            Tests == 0 ? "no test" : $"{Tests} tests: {Pass} passed, {Fail} failed, {Skipped} skipped, {Todo} todo";
    }

    [GeneratedRegex(@"^# (?<name>[a-z]+) (?<count>\d+)$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}
