using HubAspire.AppHost.Operations;
using HubAspire.AppHost.Startup;

namespace HubAspire.AppHost.Generator;

/// <summary>The generator: writes the raw dataset into the data directory, then exits.</summary>
public static class GeneratorExtensions
{
    /// <param name="dataDirectory">The generator's <c>--out</c>: it writes <c>raw/</c> there.</param>
    public static IResourceBuilder<ProjectResource> AddGenerator(this IDistributedApplicationBuilder builder, string dataDirectory)
    {
        var scale = builder.AddParameter("scale", new ConstantParameterDefault("1.0"))
            .WithDescription("Dataset size: 1.0 is 4.85M rows.");
        var seed = builder.AddParameter("seed", new ConstantParameterDefault("42"))
            .WithDescription("Random seed: the same seed and scale give the same files.");

        return builder.AddProject<Projects.HubAspire_Generator>("generator")
            .WithArgs("--scale", scale.Resource, "--seed", seed.Resource, "--out", dataDirectory)
            .WithForceOnOperatorStart();
    }
}
