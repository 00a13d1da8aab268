using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using HubAspire.AppHost.Postgres;
using HubAspire.AppHost.Startup;
using HubAspire.LocalInfrastructure;

namespace HubAspire.AppHost.Tests;

/// <summary>
/// When no PostgreSQL provider can work, the AppHost says so at once, in one line, instead of
/// waiting forever for an engine or an image.
/// </summary>
public sealed class ProviderChoiceTests
{
    /// <summary>Generous: failing takes milliseconds; only a hang gets near it.</summary>
    private static readonly TimeSpan FailWithin = TimeSpan.FromSeconds(30);

    private const string NoEngine = "DOCKER_HOST=unix:///nonexistent/docker.sock";
    private const string NoBinaries = "Postgres:BinDirectory=/nonexistent/postgresql/bin";

    [Fact]
    public async Task Forcing_the_executable_provider_without_binaries_fails_at_once()
    {
        var error = await CreateFailsAsync(["Postgres:Provider=executable", NoBinaries]);

        Assert.StartsWith("PostgreSQL cannot start: Postgres:Provider=executable but no PostgreSQL server binaries were found in Postgres:BinDirectory=/nonexistent/postgresql/bin.", error.Message);
        Assert.EndsWith("Install the PostgreSQL server binaries (initdb, postgres; e.g. apt-get install postgresql), or use Postgres:Provider=auto or container.", error.Message);
    }

    [Fact]
    public async Task Forcing_the_container_provider_without_an_engine_fails_at_once()
    {
        var error = await CreateFailsAsync(["Postgres:Provider=container", NoEngine]);

        Assert.StartsWith("PostgreSQL cannot start: Postgres:Provider=container but no container engine answers at unix:///nonexistent/docker.sock.", error.Message);
        Assert.Contains("Install and start Docker", error.Message);
    }

    [Fact]
    public async Task Auto_without_an_engine_or_binaries_fails_at_once_naming_both()
    {
        // An empty image setting means Aspire's default, whatever the environment (CI sets one).
        var error = await CreateFailsAsync(["Postgres:Provider=auto", "Postgres:Image=", NoEngine, NoBinaries]);

        Assert.Equal(
            $"PostgreSQL cannot start: no container engine answers at unix:///nonexistent/docker.sock and no PostgreSQL server binaries were found in Postgres:BinDirectory=/nonexistent/postgresql/bin. Install Docker (with the image {PostgresSettings.AspireDefaultImage}), or install the PostgreSQL server binaries (initdb, postgres; e.g. apt-get install postgresql).",
            error.Message);
    }

    [Fact]
    public async Task A_cluster_directory_the_postgres_user_cannot_reach_fails_at_once()
    {
        Assert.SkipUnless(PostgresBinaries.MustDropRoot, "Only root hands PostgreSQL to the postgres user.");
        Assert.SkipWhen(PostgresBinaries.Find() is null, "No PostgreSQL server binaries on this machine.");
        var privateDirectory = Directory.CreateTempSubdirectory("hubaspire-private-"); // mode 700
        try
        {
            var dataDirectory = Path.Combine(privateDirectory.FullName, "data");

            var error = await CreateFailsAsync(["Postgres:Provider=executable", $"HubAspire:DataDirectory={dataDirectory}"]);

            Assert.Equal(
                $"PostgreSQL cannot start: Postgres:Provider=executable but the postgres user, which runs PostgreSQL for root, cannot reach {dataDirectory}/postgres. Set HubAspire:DataDirectory to a directory it can reach (e.g. under /var/tmp), or let others search the parent directories (chmod o+x), or use Postgres:Provider=auto or container.",
                error.Message);
        }
        finally
        {
            privateDirectory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_provider_fails_at_once()
    {
        var error = await CreateFailsAsync(["Postgres:Provider=sqlite"]);

        Assert.Equal("Postgres:Provider is 'sqlite', which is not one of auto, container, executable.", error.Message);
    }

    [Fact]
    public async Task The_AppHost_process_prints_one_line_and_exits_with_1()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var appHost = typeof(AppHostStartupException).Assembly.Location;
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", appHost, "--Postgres:Provider=auto", "--" + NoEngine, "--" + NoBinaries])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(appHost)!,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).WaitAsync(FailWithin, cancellationToken);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal("", await stdout);
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("PostgreSQL cannot start: no container engine answers", lines[0]);
    }

    /// <summary>The auto provider asks the engine for the very image <c>AddPostgres</c> would run.</summary>
    [Fact]
    public void The_default_image_checked_is_the_one_AddPostgres_runs()
    {
        var builder = DistributedApplication.CreateBuilder();
        var postgres = builder.AddPostgres("postgres");

        var image = postgres.Resource.Annotations.OfType<ContainerImageAnnotation>().Last();
        // Docker keeps its official images under "library/"; the engine resolves either name.
        Assert.Equal("library/" + PostgresSettings.AspireDefaultImage, $"{image.Image}:{image.Tag}");
    }

    private static async Task<AppHostStartupException> CreateFailsAsync(string[] settings)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        return await Assert.ThrowsAsync<AppHostStartupException>(async () =>
        {
            using var builder = await DistributedApplicationTestingBuilder
                .CreateAsync<Projects.HubAspire_AppHost>([.. settings.Select(s => "--" + s)], cancellationToken)
                .WaitAsync(FailWithin, cancellationToken);
        });
    }
}
