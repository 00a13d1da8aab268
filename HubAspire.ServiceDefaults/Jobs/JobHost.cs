using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HubAspire.Jobs;

/// <summary>One run of a job's command: it turns every foreseeable failure into one clear line and an exit code.</summary>
public interface IJobCommand<in TRequest>
{
    Task<int> RunAsync(TRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// What every run-to-completion job (the generator, the ETL) does around its command: answers
/// <c>--help</c> and bad arguments without starting anything, then starts a host with the service
/// defaults (OpenTelemetry) and one-line console logs, runs the command once with the host's
/// stopping token (SIGTERM cancels it), and returns its exit code.
/// </summary>
public static class JobHost
{
    /// <param name="builder">The job's builder, its own services already registered.</param>
    public static async Task<int> RunAsync<TRequest, TCommand>(
        HostApplicationBuilder builder, ParsedArguments<TRequest> parsed, string usage, string telemetryName)
        where TRequest : class
        where TCommand : class, IJobCommand<TRequest>
    {
        if (parsed.HelpRequested)
        {
            Console.WriteLine(usage);
            return ExitCodes.Succeeded;
        }

        if (parsed.Request is not { } request)
        {
            Console.Error.WriteLine($"error: {parsed.Error}. Run with --help for the options.");
            return ExitCodes.InvalidArguments;
        }

        builder.AddServiceDefaults(telemetryName);
        builder.AddConsoleLogLines();
        builder.Services.AddSingleton<TCommand>();
        // A failed start is reported below in one line; the host's own report is a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        using var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A service the job needs at start (the cluster's membership store, say) is unreachable or
            // misconfigured: one line saying what, not a stack trace.
            Console.Error.WriteLine($"error: the job could not start: {e.Message}");
            return ExitCodes.Failed;
        }

        var exitCode = await host.Services.GetRequiredService<TCommand>()
            .RunAsync(request, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        await host.StopAsync();
        return exitCode;
    }
}
