using HubAspire.Cluster.Client;
using HubAspire.Datasets;
using HubAspire.Etl.Cli;
using HubAspire.Etl.Pipeline;
using HubAspire.Etl.Telemetry;
using HubAspire.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder();
builder.Services.AddSingleton<EtlRunner>();
builder.AddFileWorkersWhenClustered();
var parsed = EtlOptions.Parse(args, DefaultDataDirectory.Find(), builder.Configuration.GetConnectionString(EtlOptions.ConnectionName));
return await JobHost.RunAsync<EtlRequest, EtlCommand>(builder, parsed, EtlOptions.Usage, EtlTelemetry.Name);
