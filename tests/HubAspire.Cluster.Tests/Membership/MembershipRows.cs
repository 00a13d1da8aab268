using HubAspire.Cluster.Membership;
using Npgsql;
using Orleans.Runtime;
using Xunit;

namespace HubAspire.Cluster.Tests.Membership;

/// <summary>One silo's row in OrleansMembershipTable, as the tests check it.</summary>
internal sealed record MembershipRow(string Address, int Port, int Generation, int Status, string? SuspectTimes)
{
    public bool Is(SiloAddress silo) =>
        Address == silo.Endpoint.Address.ToString() && Port == silo.Endpoint.Port && Generation == silo.Generation;
}

/// <summary>Reads the membership tables directly, bypassing Orleans, to see what it really wrote.</summary>
internal static class MembershipRows
{
    /// <summary>Orleans' SiloStatus values, as stored (3 and 6).</summary>
    public const int Active = (int)SiloStatus.Active;
    public const int Dead = (int)SiloStatus.Dead;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<IReadOnlyList<MembershipRow>> ReadAsync(string connectionString, string deploymentId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT address, port, generation, status, suspecttimes
            FROM {PostgresMembershipSchema.Schema}.orleansmembershiptable
            WHERE deploymentid = $1
            ORDER BY port
            """,
            connection);
        command.Parameters.Add(new() { Value = deploymentId });
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var rows = new List<MembershipRow>();
        while (await reader.ReadAsync(Cancellation))
        {
            rows.Add(new(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetInt32(2),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return rows;
    }

    public static async Task<long> CountAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }

        return (long)(await command.ExecuteScalarAsync(Cancellation))!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(Cancellation);
    }
}
