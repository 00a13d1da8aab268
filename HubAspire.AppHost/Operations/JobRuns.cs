using Microsoft.Extensions.DependencyInjection;

namespace HubAspire.AppHost.Operations;

/// <summary>Starting a finished run-to-completion job again, and waiting for that run's end.</summary>
public static class JobRuns
{
    /// <summary>Lets the job's next start pass <c>--force</c> when <see cref="StartAndWaitAsync"/> asks for it.</summary>
    public static IResourceBuilder<ProjectResource> WithForceOnOperatorStart(this IResourceBuilder<ProjectResource> job)
    {
        var force = new ForceNextStartAnnotation();
        return job.WithAnnotation(force)
            .WithArgs(context =>
            {
                if (force.Take())
                {
                    context.Args.Add("--force");
                }
            });
    }

    /// <summary>The job's commands are offered only while it is not running.</summary>
    public static ResourceCommandState EnabledWhenIdle(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.State?.Text is { } state && (state == KnownResourceStates.Running || state == KnownResourceStates.Starting
            || state == KnownResourceStates.Waiting || state == KnownResourceStates.Stopping)
            ? ResourceCommandState.Disabled
            : ResourceCommandState.Enabled;

    /// <summary>Starts the job (with <c>--force</c> when asked) and waits for this run to end; its exit code decides the result.</summary>
    public static async Task<ExecuteCommandResult> StartAndWaitAsync(IServiceProvider services, IResource job, bool force, CancellationToken cancellationToken)
    {
        var commands = services.GetRequiredService<ResourceCommandService>();
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var forceNextStart = job.Annotations.OfType<ForceNextStartAnnotation>().Single();
        if (force)
        {
            forceNextStart.Request();
        }

        var requested = DateTime.UtcNow;
        var started = await commands.ExecuteCommandAsync(job, KnownResourceCommands.StartCommand, cancellationToken);
        if (!started.Success)
        {
            // The start that would have consumed the request did not happen: a later plain start must not force.
            forceNextStart.Take();
            return started;
        }

        var end = await notifications.WaitForResourceAsync(job.Name, e =>
            e.Snapshot.StopTimeStamp >= requested && KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);
        return end.Snapshot.ExitCode == 0
            ? CommandResults.Success()
            : CommandResults.Failure($"'{job.Name}' ended with exit code {end.Snapshot.ExitCode?.ToString() ?? "none"} ({end.Snapshot.State?.Text}); its console log says why.");
    }
}
