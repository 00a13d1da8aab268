using DuckDB.NET.Data;

namespace HubAspire.Generator.Tests.Support;

/// <summary>
/// Reads the generated Parquet with DuckDB: an independent reader, so the tests check the
/// files as any other tool sees them, not through our own writer's code.
/// </summary>
public sealed class DuckDb : IDisposable
{
    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    public DuckDb(string datasetDirectory)
    {
        _connection.Open();
        foreach (var entity in Directory.GetDirectories(datasetDirectory))
        {
            // One view per entity over all its part files, named like the entity.
            Execute($"create view {Path.GetFileName(entity)} as select * from read_parquet('{entity}/*.parquet')");
        }
    }

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public T Scalar<T>(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public List<object?[]> Rows(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public void Dispose() => _connection.Dispose();
}
