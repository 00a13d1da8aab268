using HubAspire.Cluster.Membership;
using HubAspire.Testing.Network;
using HubAspire.Testing.Postgres;
using HubAspire.Testing.Waiting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Messaging;
using Orleans.Placement;
using Xunit;
using static HubAspire.Cluster.Tests.Membership.MembershipRows;

namespace HubAspire.Cluster.Tests.Membership;

public interface IWhereGrain : IGrainWithIntegerKey
{
    Task<string> WhereAsync();
}

// Random placement, so that a handful of keys lands on every silo.
[RandomPlacement]
public sealed class WhereGrain : Grain, IWhereGrain
{
    public Task<string> WhereAsync() => Task.FromResult(RuntimeIdentity);
}

/// <summary>Real silos and a real client clustered through our schema on a real PostgreSQL.</summary>
public sealed class AdoNetClusteringTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    // Every test is its own deployment, so they share the class's database without meeting.
    private readonly string clusterId = "test-" + Guid.NewGuid().ToString("N")[..12];

    public async ValueTask InitializeAsync() => await PostgresMembershipSchema.EnsureAsync(database.ConnectionString, Cancellation);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Two_silos_join_one_cluster_and_a_client_finds_both_gateways_and_is_served_by_both()
    {
        await using var first = await SiloHost.StartAsync(database.ConnectionString, clusterId, Cancellation);
        await using var second = await SiloHost.StartAsync(database.ConnectionString, clusterId, Cancellation);

        var rows = await WaitForRowsAsync(rows => rows.Count == 2 && rows.All(row => row.Status == Active), "both silos Active");
        Assert.Single(rows, row => row.Is(first.Address));
        Assert.Single(rows, row => row.Is(second.Address));
        Assert.Equal(1, await CountAsync(database.ConnectionString,
            $"SELECT count(*) FROM {PostgresMembershipSchema.Schema}.orleansmembershipversiontable WHERE deploymentid = $1", clusterId));

        await using var client = await ClientHost.StartAsync(database.ConnectionString, clusterId, Cancellation);
        var gateways = await client.Services.GetRequiredService<IGatewayListProvider>().GetGateways();
        Assert.Equal(
            new[] { first.GatewayPort, second.GatewayPort }.Order(),
            gateways.Select(gateway => gateway.Port).Order());

        var answered = await AnsweringSilosAsync(client, keys: 0, [first, second]);
        Assert.Equal(new[] { first.Identity, second.Identity }.Order(), answered.Order());
    }

    [Fact]
    public async Task A_silo_that_dies_without_a_word_is_declared_dead_by_the_other_which_keeps_serving()
    {
        // The victim reaches PostgreSQL only through this relay. Cutting it before the stop keeps
        // the victim from recording its own death, as a crash would: only the survivor's probes
        // and vote can put it in the table.
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var relay = new TcpRelay(FreePort.Next(), (server.Host!, server.Port));
        var throughRelay = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = relay.Port }.ConnectionString;
        await using var survivor = await SiloHost.StartAsync(database.ConnectionString, clusterId, Cancellation);
        // Cut off, the victim retries its own status updates for MaxJoinAttemptTime (minutes by
        // default) before its stop gets as far as closing the sockets the survivor probes.
        await using var victim = await SiloHost.StartAsync(throughRelay, clusterId, Cancellation,
            membership: options => options.MaxJoinAttemptTime = TimeSpan.FromSeconds(3));
        await WaitForRowsAsync(rows => rows.Count == 2 && rows.All(row => row.Status == Active), "both silos Active");
        await using var client = await ClientHost.StartAsync(database.ConnectionString, clusterId, Cancellation);
        await AnsweringSilosAsync(client, keys: 0, [survivor, victim]);

        await relay.DisposeAsync();
        await victim.StopAbruptlyAsync();

        var rows = await WaitForRowsAsync(rows => rows.Any(row => row.Is(victim.Address) && row.Status == Dead), "the victim declared Dead");
        Assert.Equal(2, rows.Count);
        Assert.Equal(Active, Assert.Single(rows, row => row.Is(survivor.Address)).Status);
        var votes = Assert.Single(rows, row => row.Is(victim.Address)).SuspectTimes;
        Assert.NotNull(votes);
        Assert.All(votes.Split('|'), vote => Assert.StartsWith(survivor.Address.ToParsableString() + ",", vote));

        // New grains, so none can linger on the victim; the client may need a moment to drop its gateway.
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                var answers = await Task.WhenAll(Enumerable.Range(1000, 10).Select(key => client.Client.GetGrain<IWhereGrain>(key).WhereAsync()));
                return answers.All(answer => answer == survivor.Identity);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                return false;
            }
        }, Patience, "every call answered by the survivor");
    }

    [Fact]
    public async Task A_silo_stopped_in_order_records_its_own_death()
    {
        await using var silo = await SiloHost.StartAsync(database.ConnectionString, clusterId, Cancellation);
        await WaitForRowsAsync(rows => rows.Count == 1 && rows[0].Status == Active, "the silo Active");

        await silo.StopAsync(Cancellation);

        var row = Assert.Single(await ReadAsync(database.ConnectionString, clusterId));
        Assert.True(row.Is(silo.Address));
        Assert.Equal(Dead, row.Status);
        // Orleans signs a death with its killer's vote; here that is the silo itself.
        Assert.StartsWith(silo.Address.ToParsableString() + ",", Assert.Single(row.SuspectTimes!.Split('|')));
    }

    private async Task<IReadOnlyList<MembershipRow>> WaitForRowsAsync(Func<IReadOnlyList<MembershipRow>, bool> condition, string what)
    {
        IReadOnlyList<MembershipRow> rows = [];
        await Eventually.HoldsAsync(
            async () => condition(rows = await ReadAsync(database.ConnectionString, clusterId)),
            Patience,
            () => $"{what}; the table has: {string.Join("; ", rows)}");
        return rows;
    }

    /// <summary>Calls new grains until every one of <paramref name="silos"/> has answered one; returns who answered.</summary>
    private static async Task<IReadOnlyCollection<string>> AnsweringSilosAsync(ClientHost client, int keys, IReadOnlyCollection<SiloHost> silos)
    {
        var answered = new HashSet<string>();
        var key = keys;
        await Eventually.HoldsAsync(
            async () =>
            {
                answered.Add(await client.Client.GetGrain<IWhereGrain>(key++).WhereAsync());
                return answered.Count >= silos.Count;
            },
            Patience,
            () => $"answers from all {silos.Count} silos; got {string.Join(", ", answered)}");
        return answered;
    }
}
