namespace HubAspire.AppHost.Operations;

/// <summary>
/// Commands on the generator and ETL resources in the Aspire dashboard. After either one, the ETL
/// has loaded a new run, which the API serves within a second and the web page offers as new data.
/// </summary>
public static class OperatorCommands
{
    public const string RegenerateData = "regenerate-data";
    public const string RerunEtl = "rerun-etl";

    /// <summary>"Regenerate data": the generator with <c>--force</c>, then the ETL on the new dataset.</summary>
    public static IResourceBuilder<ProjectResource> WithRegenerateDataCommand(
        this IResourceBuilder<ProjectResource> generator, IResourceBuilder<ProjectResource> etl) =>
        generator.WithCommand(RegenerateData, "Regenerate data", async context =>
        {
            var generated = await JobRuns.StartAndWaitAsync(context.Services, generator.Resource, force: true, context.CancellationToken);
            // A new dataset (new manifest) is a new run for the ETL without forcing it.
            return generated.Success
                ? await JobRuns.StartAndWaitAsync(context.Services, etl.Resource, force: false, context.CancellationToken)
                : generated;
        }, new CommandOptions
        {
            Description = "Writes the dataset again (same seed and scale) over data/raw, then runs the ETL on it.",
            ConfirmationMessage = "Regenerate the dataset and load it as a new run?",
            IconName = "ArrowSync",
            UpdateState = JobRuns.EnabledWhenIdle,
        });

    /// <summary>"Re-run ETL": the ETL with <c>--force</c>, a new run of the current dataset.</summary>
    public static IResourceBuilder<ProjectResource> WithRerunEtlCommand(this IResourceBuilder<ProjectResource> etl) =>
        etl.WithCommand(RerunEtl, "Re-run ETL", context =>
            JobRuns.StartAndWaitAsync(context.Services, etl.Resource, force: true, context.CancellationToken),
            new CommandOptions
            {
                Description = "Aggregates the current dataset again and loads it as a new run.",
                IconName = "ArrowClockwise",
                UpdateState = JobRuns.EnabledWhenIdle,
            });
}
