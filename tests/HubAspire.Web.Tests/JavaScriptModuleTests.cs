using System.Diagnostics;
using HubAspire.Web.Tests.Support;

namespace HubAspire.Web.Tests;

/// <summary>
/// The dashboard's pure JavaScript modules (formats, deltas, URL state, periods, CSV, data shaping)
/// under node's built-in test runner, one test file per case here, so a failure names its file and
/// shows node's report.
/// </summary>
public sealed class JavaScriptModuleTests
{
    public static TheoryData<string> TestFiles() =>
        [.. Directory.GetFiles(RepositoryPaths.JavaScriptTests, "*.test.mjs").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(TestFiles))]
    public async Task Node_test_file_passes(string file)
    {
        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=spec", file])
        {
            WorkingDirectory = RepositoryPaths.JavaScriptTests,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start: is Node.js installed?");
        var output = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(node.ExitCode == 0, $"node --test {file} exited {node.ExitCode}:\n{await output}\n{await errors}");
        Assert.Contains("pass", await output);
    }
}
