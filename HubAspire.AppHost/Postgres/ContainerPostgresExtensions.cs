namespace HubAspire.AppHost.Postgres;

/// <summary>The standard Aspire path: the PostgreSQL container, its data in a named volume.</summary>
public static class ContainerPostgresExtensions
{
    public static IResourceBuilder<PostgresServerResource> AddContainerPostgres(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password, PostgresSettings settings)
    {
        var server = builder.AddPostgres(name, password: password);
        if (settings.UseDataVolume)
        {
            server.WithDataVolume();
        }

        if (settings.Image is { } image)
        {
            // Exactly the image named (Aspire would put its default registry in front), and
            // never pulled when present: a locally built image exists nowhere else.
            server.WithImage(image)
                .WithImageRegistry(null)
                .WithImagePullPolicy(ImagePullPolicy.Missing);
        }

        return server;
    }
}
