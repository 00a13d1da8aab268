using HubAspire.Jobs;
using HubAspire.Datasets;
using HubAspire.Generator.Cli;
using HubAspire.Generator.Generation;
using HubAspire.Generator.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var parsed = GeneratorOptions.Parse(args, DefaultDataDirectory.Find());
if (parsed.HelpRequested)
{
    Console.WriteLine(GeneratorOptions.Usage);
    return ExitCodes.Succeeded;
}

if (parsed.Request is not { } request)
{
    Console.Error.WriteLine($"error: {parsed.Error}. Run with --help for the options.");
    return ExitCodes.InvalidArguments;
}

var builder = Host.CreateApplicationBuilder();
builder.AddServiceDefaults(GeneratorTelemetry.Name);
builder.AddConsoleLogLines();
builder.Services.AddSingleton<DatasetGenerator>();
builder.Services.AddSingleton<GenerateCommand>();

using var host = builder.Build();
await host.StartAsync();
var exitCode = await host.Services.GetRequiredService<GenerateCommand>()
    .RunAsync(request, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
await host.StopAsync();
return exitCode;
