using HubAspire.Cluster.Client;
using HubAspire.Datasets;
using HubAspire.Generator.Cli;
using HubAspire.Generator.Generation;
using HubAspire.Generator.Telemetry;
using HubAspire.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder();
builder.Services.AddSingleton<DatasetGenerator>();
builder.AddFileWorkersWhenClustered();
return await JobHost.RunAsync<GenerationRequest, GenerateCommand>(
    builder, GeneratorOptions.Parse(args, DefaultDataDirectory.Find()), GeneratorOptions.Usage, GeneratorTelemetry.Name);
