using HubAspire.AppHost.Api;
using HubAspire.AppHost.Cluster;
using HubAspire.AppHost.Etl;
using HubAspire.AppHost.Generator;
using HubAspire.AppHost.Operations;
using HubAspire.AppHost.Postgres;
using HubAspire.AppHost.Startup;
using HubAspire.AppHost.Web;

// No PostgreSQL provider, or a bad setting: one line saying what to do, exit code 1.
AppHostStartupException.ReportAsOneLineWhenUnhandled();

var builder = DistributedApplication.CreateBuilder(args);
var dataDirectory = builder.GetDataDirectory();

// Infrastructure: PostgreSQL (container or the machine's binaries) with the aggregate store's
// database, which the ETL and the API reference.
var aggregateStore = builder.AddAggregateStore(dataDirectory);

// Scale-out: with Cluster:Silos > 0, an Orleans cluster whose silos generate and map the files.
var cluster = builder.AddFileWorkerCluster(aggregateStore);

// Services, in data-flow order.
var generator = builder.AddGenerator(dataDirectory).RunsOn(cluster);
var etl = builder.AddEtl(dataDirectory, aggregateStore, generator).RunsOn(cluster);
generator.WithRegenerateDataCommand(etl);
var api = builder.AddApi(aggregateStore, etl);
builder.AddWeb(api);

builder.Build().Run();
