using System.Net;
using HubAspire.Cluster;
using HubAspire.Cluster.Membership;
using HubAspire.Mapping;
using HubAspire.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// A silo: joins the cluster named by the Orleans configuration the AppHost passes
// (Orleans:ClusterId, Orleans:Clustering, Orleans:Endpoints) and hosts the file workers.
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults(MappingTelemetry.Name);

var membership = PostgresMembership.ConnectionString(builder.Configuration)
    ?? throw new InvalidOperationException("No cluster membership store: set Orleans:Clustering:ConnectionName (the AppHost does when Cluster:Silos > 0).");
// Every silo applies the schema at start, under a lock: the first one creates it, the others find it.
await PostgresMembershipSchema.EnsureAsync(membership, CancellationToken.None);
PostgresMembership.CompleteProviderOptions(builder.Services);

var advertised = IPAddress.Parse(builder.Configuration[ClusterSettings.AdvertisedAddressKey] ?? IPAddress.Loopback.ToString());
builder.UseOrleans(silo => silo.AddFileWorkers().Advertise(advertised));
await builder.Build().RunAsync();
