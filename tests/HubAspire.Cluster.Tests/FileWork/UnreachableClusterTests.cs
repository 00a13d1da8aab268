using System.Diagnostics;
using HubAspire.Jobs;
using HubAspire.Testing.FileSystem;
using HubAspire.Testing.Network;

namespace HubAspire.Cluster.Tests.FileWork;

/// <summary>The generator and the ETL told to join a cluster whose membership store does not answer: one line, no stack trace, and a failed exit.</summary>
public sealed class UnreachableClusterTests
{
    public static TheoryData<string, string[]> Jobs => new()
    {
        { "HubAspire.Generator.dll", ["--scale", "0.001"] },
        { "HubAspire.Etl.dll", ["--connection", "Host=127.0.0.1;Port=1"] },
    };

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task A_job_whose_cluster_cannot_be_reached_says_so_in_one_line(string job, string[] arguments)
    {
        using var data = new TempDirectory();
        var closedPort = FreePort.Next();
        var dataOption = job.Contains("Generator") ? "--out" : "--data";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, job), dataOption, data.Path, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Orleans__ClusterId"] = "unreachable";
        start.Environment["Orleans__Clustering__ProviderType"] = "AdoNet";
        start.Environment["Orleans__Clustering__ConnectionString"] = $"Host=127.0.0.1;Port={closedPort};Username=u;Password=p;Database=d";
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, process.ExitCode);
        Assert.Equal($"error: the job could not start: Failed to connect to 127.0.0.1:{closedPort}", errors.Trim());
        Assert.DoesNotContain("   at ", await output);
    }
}
