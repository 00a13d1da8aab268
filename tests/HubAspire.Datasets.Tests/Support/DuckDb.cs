using DuckDB.NET.Data;

namespace HubAspire.Datasets.Tests.Support;

/// <summary>
/// An in-memory DuckDB: writes "foreign" Parquet files (optional columns, other physical types
/// and encodings than our writer's) and reads files back as an independent reader.
/// </summary>
public sealed class DuckDb : IDisposable
{
    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    public DuckDb()
    {
        _connection.Open();
    }

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Writes the result of <paramref name="select"/> to <paramref name="path"/> as Parquet.</summary>
    public void CopyToParquet(string select, string path, string options = "") =>
        Execute($"copy ({select}) to '{path}' (format parquet{(options.Length > 0 ? ", " + options : "")})");

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

    /// <summary>One column of a Parquet file in file order, as DuckDB reads it.</summary>
    public List<T> Column<T>(string path, string expression) =>
        Rows($"select {expression} from read_parquet('{path}', file_row_number = true) order by file_row_number")
            .Select(row => (T)Convert.ChangeType(row[0]!, typeof(T), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>The encodings of a column's chunks, e.g. <c>PLAIN_DICTIONARY</c>.</summary>
    public List<string> Encodings(string path, string column) =>
        Rows($"select encodings from parquet_metadata('{path}') where path_in_schema = '{column}' order by row_group_id")
            .Select(row => (string)row[0]!)
            .ToList();

    public void Dispose() => _connection.Dispose();
}
