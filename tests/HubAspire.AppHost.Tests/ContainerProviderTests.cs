using HubAspire.AppHost.Postgres;
using HubAspire.LocalInfrastructure;
using HubAspire.Testing.Postgres;

namespace HubAspire.AppHost.Tests;

/// <summary>
/// The standard Aspire container, with the image CI builds locally (named by
/// <c>HUBASPIRE_TEST_POSTGRES_IMAGE</c>, as for the test PostgreSQL fixture) or Aspire's default.
/// Skipped when no Docker engine answers.
/// </summary>
public sealed class ContainerProviderTests
{
    [Fact]
    public async Task The_hubaspire_database_answers_queries_in_a_container()
    {
        var configuredImage = Environment.GetEnvironmentVariable(TestPostgresSettings.ImageVariable) is { Length: > 0 } value ? value.Trim() : null;
        var image = configuredImage ?? PostgresSettings.AspireDefaultImage;
        using (var engine = DockerEngine.FromEnvironment())
        {
            Assert.SkipUnless(engine.Answers(), $"No Docker engine answers at {engine.Endpoint}.");
            if (!engine.HasImage(image))
            {
                // A named image was meant to be there (CI builds it): its absence is a failure.
                // Aspire's default may simply not have been pulled on this machine.
                Assert.SkipWhen(configuredImage is null, $"Image {image} is not present at {engine.Endpoint}; set {TestPostgresSettings.ImageVariable} or pull it.");
                Assert.Fail($"{TestPostgresSettings.ImageVariable}={image}, but the engine at {engine.Endpoint} does not hold it.");
            }
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        // No named volume: the test's container and data go away with it.
        string[] settings = ["Postgres:DataVolume=false", .. configuredImage is null ? Array.Empty<string>() : [$"Postgres:Image={configuredImage}"]];
        await using var run = await AppHostRun.StartAsync("container", settings, cancellationToken);

        var version = await DatabaseRoundTrip.AssertAnswersAsync(await run.GetDatabaseConnectionStringAsync(cancellationToken), cancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine($"{image}: {version}");
    }
}
