using Npgsql;

namespace HubAspire.Store.Runs;

/// <summary>Plain commands with positional parameters (<c>$1</c>, <c>$2</c>, …): nulls become SQL NULL.</summary>
internal static class Sql
{
    /// <param name="values">Parameter values in order; an <see cref="NpgsqlParameter"/> is taken as it is (to name a type, e.g. jsonb).</param>
    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params ReadOnlySpan<object?> values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
