namespace HubAspire.Etl.Tests.Processed.Support;

/// <summary>
/// DuckDB over one data directory: for every entity a view of its raw rows (<c>raw_&lt;entity&gt;</c>)
/// and of its processed rows (<c>processed_&lt;entity&gt;</c>), each row tagged with its file
/// (relative to the dataset directory) and its position in that file. DuckDB is the independent
/// reader: nothing of our Parquet code reads the files here.
/// </summary>
public sealed class ProcessedDb : DuckDbSession
{
    public ProcessedDb(string dataDirectory)
    {
        Raw = Path.Combine(dataDirectory, "raw");
        Processed = Path.Combine(dataDirectory, "processed");

        // Half to even on the double value, as ETL.md says: scale, round the double to the nearest
        // integer (ties to even), scale back. Written out: DuckDB's own round_even works on decimals.
        Execute("""
            create macro half_even(x, p) as (
                case when x * p - floor(x * p) = 0.5 and floor(x * p) % 2 = 0 then floor(x * p)
                     when x * p - floor(x * p) >= 0.5 then floor(x * p) + 1
                     else floor(x * p) end) / p
            """);
        foreach (var entity in ProcessedExpectations.All)
        {
            Execute(View("raw_" + entity.Name, Raw, entity.Name));
            Execute(View("processed_" + entity.Name, Processed, entity.Name));
        }
    }

    public string Raw { get; }

    public string Processed { get; }

    /// <summary>"name TYPE, …" of the files, as DuckDB describes them.</summary>
    public string Describe(string files) =>
        string.Join(", ", Rows($"describe select * from read_parquet('{files}')").Select(row => $"{row[0]} {row[1]}"));

    /// <summary>Every row group of an entity's files: "relative path #index: rows", in order.</summary>
    public List<string> RowGroups(string datasetDirectory, string entity) =>
        Rows($"""
            select distinct replace(file_name, '{datasetDirectory}/', '') as file, row_group_id, row_group_num_rows
            from parquet_metadata('{datasetDirectory}/{entity}/*.parquet') order by all
            """)
            .Select(row => $"{row[0]} #{row[1]}: {row[2]}")
            .ToList();

    /// <summary>
    /// Rows whose raw columns differ between the raw and the processed files (matched by file and
    /// position), or that are in only one of them; a few, described.
    /// </summary>
    public List<string> RawColumnDifferences(EntityExpectation entity)
    {
        var differs = string.Join(" or ", entity.RawColumnNames.Select(c => c == entity.Timestamp
            ? $"epoch_us(r.{c}) is distinct from epoch_us(p.{c})" // a foreign raw file may hold a zone-less timestamp
            : $"r.{c} is distinct from p.{c}"));
        return Rows($"""
                select coalesce(r.rel, p.rel), coalesce(r.pos, p.pos), r.pos is null, p.pos is null
                from raw_{entity.Name} r full join processed_{entity.Name} p on r.rel = p.rel and r.pos = p.pos
                where r.pos is null or p.pos is null or {differs}
                order by 1, 2 limit 5
                """)
            .Select(row => $"{row[0]} row {row[1]}: {(true.Equals(row[2]) ? "only processed" : true.Equals(row[3]) ? "only raw" : "values differ")}")
            .ToList();
    }

    /// <summary>Per derived column, the rows (a few, described) whose value differs from the independent computation.</summary>
    public List<string> DerivedColumnDifferences(EntityExpectation entity)
    {
        var expected = string.Join(", ", entity.Derived.Select(d => $"({d.Sql}) as {d.Name}"));
        var differences = new List<string>();
        foreach (var column in entity.Derived)
        {
            differences.AddRange(Rows($"""
                    with e as (
                        select rel, pos, {entity.Id} as id, {expected}
                        from (select *, make_timestamp(epoch_us({entity.Timestamp})) as t from raw_{entity.Name}))
                    select e.id, e.{column.Name}::varchar, p.{column.Name}::varchar, count(*) over ()
                    from e join processed_{entity.Name} p on e.rel = p.rel and e.pos = p.pos
                    where e.{column.Name} is distinct from p.{column.Name}
                    order by e.id limit 3
                    """)
                .Select(row => $"{column.Name} ({row[3]} rows differ), {entity.Id} {row[0]}: expected {row[1] ?? "null"}, got {row[2] ?? "null"}"));
        }

        return differences;
    }

    private static string View(string name, string datasetDirectory, string entity) => $"""
        create view {name} as
        select * exclude (filename, file_row_number), replace(filename, '{datasetDirectory}/', '') as rel, file_row_number as pos
        from read_parquet('{datasetDirectory}/{entity}/*.parquet', filename = true, file_row_number = true)
        """;
}
