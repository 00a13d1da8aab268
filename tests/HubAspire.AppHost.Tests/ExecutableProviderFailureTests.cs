using Aspire.Hosting;
using HubAspire.AppHost.Postgres;

namespace HubAspire.AppHost.Tests;

/// <summary>
/// A server whose init step fails takes its database down with it, so that whoever waits for
/// the database (the ETL, the API, these tests) hears about it instead of waiting forever.
/// </summary>
public sealed class ExecutableProviderFailureTests
{
    [Fact]
    public async Task A_failing_init_step_fails_the_database_instead_of_hanging()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var fakeBin = Directory.CreateTempSubdirectory("hubaspire-fake-pg-bin-");
        try
        {
            foreach (var program in new[] { "initdb", "postgres" })
            {
                var path = Path.Combine(fakeBin.FullName, program);
                await File.WriteAllTextAsync(path, $"#!/bin/sh\necho '{program}: error: simulated failure' >&2\nexit 1\n", cancellationToken);
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                    UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            // The fake binaries must be reachable by the postgres user too, as the real ones are.
            File.SetUnixFileMode(fakeBin.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

            var failure = await Assert.ThrowsAsync<DistributedApplicationException>(() =>
                AppHostRun.StartAsync("executable", [$"Postgres:BinDirectory={fakeBin.FullName}"], cancellationToken));

            Assert.Contains($"'{AggregateStoreExtensions.DatabaseName}'", failure.Message);
            TestContext.Current.TestOutputHelper?.WriteLine(failure.Message);
        }
        finally
        {
            fakeBin.Delete(recursive: true);
        }
    }
}
