using DuckDB.NET.Data;

namespace HubAspire.Etl.Tests.Support;

/// <summary>Rewrites Parquet files with DuckDB: the way a foreign writer (or a broken one) would have written them.</summary>
public static class DuckDbFiles
{
    /// <summary>Replaces <paramref name="path"/> by the result of <paramref name="select"/> over it (<c>{file}</c> stands for the original).</summary>
    public static void Rewrite(string path, string select, string options = "")
    {
        var original = path + ".original";
        File.Move(path, original);
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = $"copy ({select.Replace("{file}", $"read_parquet('{original}')")}) to '{path}' (format parquet{(options == "" ? "" : ", " + options)})";
        command.ExecuteNonQuery();
        File.Delete(original);
    }

    /// <summary>One value of a DuckDB query, as text.</summary>
    public static string Scalar(string sql)
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
