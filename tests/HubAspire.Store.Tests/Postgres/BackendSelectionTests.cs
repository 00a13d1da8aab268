using HubAspire.Testing.Postgres;
using static HubAspire.Testing.Postgres.PostgresBackendSelection;

namespace HubAspire.Store.Tests.Postgres;

/// <summary>Every rule for choosing a backend, without changing the machine.</summary>
public sealed class BackendSelectionTests
{
    private const string Socket = "unix:///var/run/docker.sock";
    private const string Image = "hubaspire/postgres:15-local";

    private static Machine Offers(bool engine, bool image, bool binaries) => new(engine, Socket, Image, image, binaries);

    [Theory]
    [InlineData(true, true, true, PostgresBackend.Container)]
    [InlineData(true, true, false, PostgresBackend.Container)]
    [InlineData(true, false, true, PostgresBackend.Local)]
    [InlineData(true, false, false, PostgresBackend.Container)]
    [InlineData(false, false, true, PostgresBackend.Local)]
    public void Auto_prefers_a_container_that_needs_no_pull_then_local_binaries(bool engine, bool image, bool binaries, PostgresBackend expected) =>
        Assert.Equal(expected, Choose(null, Offers(engine, image, binaries)).Backend);

    [Fact]
    public void Auto_with_neither_says_what_to_install()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Choose(null, Offers(false, false, false)));
        Assert.Equal(
            $"No PostgreSQL for the tests: no Docker engine answered at {Socket} and no PostgreSQL server binaries (initdb, postgres) were found on PATH or under /usr/lib/postgresql/*/bin. To fix, install Docker (and start its engine) or the PostgreSQL server binaries (Debian: postgresql-15).",
            error.Message);
    }

    [Fact]
    public void Auto_explains_why_local_serves_when_the_image_is_absent()
    {
        var choice = Choose(null, Offers(true, false, true));
        Assert.Contains($"image {Image} is not present", choice.Reason);
        Assert.Contains("HUBASPIRE_TEST_POSTGRES=container", choice.Reason);
    }

    [Fact]
    public void Forced_container_pulls_if_it_must_and_fails_without_an_engine()
    {
        Assert.Equal(PostgresBackend.Container, Choose(PostgresBackend.Container, Offers(true, false, true)).Backend);
        var error = Assert.Throws<InvalidOperationException>(() => Choose(PostgresBackend.Container, Offers(false, false, true)));
        Assert.Equal(
            $"HUBASPIRE_TEST_POSTGRES=container but no Docker engine answered at {Socket}: start the Docker engine or set DOCKER_HOST.",
            error.Message);
    }

    [Fact]
    public void Forced_local_ignores_the_engine_and_fails_without_binaries()
    {
        Assert.Equal(PostgresBackend.Local, Choose(PostgresBackend.Local, Offers(true, true, true)).Backend);
        var error = Assert.Throws<InvalidOperationException>(() => Choose(PostgresBackend.Local, Offers(true, true, false)));
        Assert.StartsWith("HUBASPIRE_TEST_POSTGRES=local but no PostgreSQL server binaries", error.Message);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("auto", null)]
    [InlineData(" Container ", PostgresBackend.Container)]
    [InlineData("local", PostgresBackend.Local)]
    public void The_backend_variable_is_parsed(string? value, PostgresBackend? expected) =>
        Assert.Equal(expected, TestPostgresSettings.ParseBackend(value));

    [Fact]
    public void An_unknown_backend_value_is_an_error_not_a_guess()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TestPostgresSettings.ParseBackend("docker"));
        Assert.Equal("HUBASPIRE_TEST_POSTGRES='docker' is not one of auto, container, local.", error.Message);
    }
}
