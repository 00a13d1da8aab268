using System.Globalization;
using DuckDB.NET.Data;

namespace HubAspire.Testing.DuckDb;

/// <summary>
/// An in-memory DuckDB, the independent reader (and "foreign" writer) of Parquet files in tests:
/// nothing of our own Parquet code reads or writes the files through it.
/// </summary>
public class DuckDbSession : IDisposable
{
    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    public DuckDbSession()
    {
        _connection.Open();
    }

    /// <summary>With one view per entity directory of <paramref name="datasetDirectory"/> over all its part files, named like the entity.</summary>
    public DuckDbSession(string datasetDirectory)
        : this()
    {
        foreach (var entity in Directory.GetDirectories(datasetDirectory))
        {
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
        return (T)Convert.ChangeType(value!, typeof(T), CultureInfo.InvariantCulture);
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

    /// <summary>The single value of <paramref name="sql"/>, as text ("" for null).</summary>
    public string Text(string sql) => Convert.ToString(Rows(sql).Single()[0], CultureInfo.InvariantCulture) ?? "";

    public long Long(string sql) => Convert.ToInt64(Rows(sql).Single()[0], CultureInfo.InvariantCulture);

    /// <summary>Writes the result of <paramref name="select"/> to <paramref name="path"/> as Parquet.</summary>
    public void CopyToParquet(string select, string path, string options = "") =>
        Execute($"copy ({select}) to '{path}' (format parquet{(options.Length > 0 ? ", " + options : "")})");

    /// <summary>One column of a Parquet file in file order, as DuckDB reads it.</summary>
    public List<T> Column<T>(string path, string expression) =>
        Rows($"select {expression} from read_parquet('{path}', file_row_number = true) order by file_row_number")
            .Select(row => (T)Convert.ChangeType(row[0]!, typeof(T), CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>The encodings of a column's chunks, e.g. <c>PLAIN_DICTIONARY</c>.</summary>
    public List<string> Encodings(string path, string column) =>
        Rows($"select encodings from parquet_metadata('{path}') where path_in_schema = '{column}' order by row_group_id")
            .Select(row => (string)row[0]!)
            .ToList();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection.Dispose();
        }
    }
}
