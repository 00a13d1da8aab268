namespace HubAspire.Etl.Tests.Support;

/// <summary>Rewrites Parquet files with DuckDB: the way a foreign writer (or a broken one) would have written them.</summary>
public static class DuckDbFiles
{
    /// <summary>Replaces <paramref name="path"/> by the result of <paramref name="select"/> over it (<c>{file}</c> stands for the original).</summary>
    public static void Rewrite(string path, string select, string options = "")
    {
        var original = path + ".original";
        File.Move(path, original);
        using (var db = new DuckDbSession())
        {
            db.CopyToParquet(select.Replace("{file}", $"read_parquet('{original}')"), path, options);
        }

        File.Delete(original);
    }

    /// <summary>One value of a DuckDB query, as text.</summary>
    public static string Scalar(string sql)
    {
        using var db = new DuckDbSession();
        return Convert.ToString(db.Rows(sql).FirstOrDefault()?[0], System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
