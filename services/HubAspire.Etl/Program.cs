using HubAspire.Jobs;
using HubAspire.Datasets;
using HubAspire.Etl.Cli;
using HubAspire.Etl.Pipeline;
using HubAspire.Etl.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder();
var parsed = EtlOptions.Parse(args, DefaultDataDirectory.Find(), builder.Configuration.GetConnectionString(EtlOptions.ConnectionName));
if (parsed.HelpRequested)
{
    Console.WriteLine(EtlOptions.Usage);
    return ExitCodes.Succeeded;
}

if (parsed.Request is not { } request)
{
    Console.Error.WriteLine($"error: {parsed.Error}. Run with --help for the options.");
    return ExitCodes.InvalidArguments;
}

builder.AddServiceDefaults(EtlTelemetry.Name);
builder.AddConsoleLogLines();
builder.Services.AddSingleton<EtlRunner>();
builder.Services.AddSingleton<EtlCommand>();

using var host = builder.Build();
await host.StartAsync();
var exitCode = await host.Services.GetRequiredService<EtlCommand>()
    .RunAsync(request, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
await host.StopAsync();
return exitCode;
