using HubAspire.Jobs;
using HubAspire.Etl.Pipeline;

namespace HubAspire.Etl.Cli;

/// <summary>The ETL's command line, parsed strictly: a typo is an error, not a silent default.</summary>
public static class EtlOptions
{
    /// <summary>The connection string's name, as the AppHost's database resource is called and Aspire injects it.</summary>
    public const string ConnectionName = "hubaspire";

    public const string Usage = """
        Usage: HubAspire.Etl [--data <dir>] [--connection <string>] [--workers <n>] [--no-processed] [--force]
          --data          data directory holding raw/_manifest.json, or the  (default: data at the repository root)
                          original layout: <entity>.parquet in raw/ or in it
          --connection    PostgreSQL connection string                       (default: ConnectionStrings:hubaspire from configuration)
          --workers       files read at once; never changes the figures     (default: number of cores)
          --no-processed  do not write the processed dataset (raw rows plus engineered columns)
                          to <data>/processed                                (default: write it)
          --force         load a new run even if this dataset is already loaded (default: reuse that run)
        """;

    /// <param name="configuredConnection">The connection string from configuration, if any.</param>
    public static ParsedArguments<EtlRequest> Parse(IReadOnlyList<string> args, string defaultDataDirectory, string? configuredConnection)
    {
        var data = defaultDataDirectory;
        var connection = configuredConnection;
        var workers = Environment.ProcessorCount;
        var writeProcessed = true;
        var force = false;

        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = OptionSyntax.Split(args[i]);
            string? Value() => OptionSyntax.Value(args, ref i, inline);

            switch (name)
            {
                case "--help" or "-h":
                    return ParsedArguments<EtlRequest>.Help();
                case "--data":
                    if (!OptionSyntax.TryText(name, Value(), "a directory path", out data, out var dataError))
                    {
                        return Fail(dataError);
                    }

                    break;
                case "--connection":
                    if (!OptionSyntax.TryText(name, Value(), "a PostgreSQL connection string", out var connectionText, out var connectionError))
                    {
                        return Fail(connectionError);
                    }

                    connection = connectionText;
                    break;
                case "--workers":
                    if (!OptionSyntax.TryPositiveInteger(name, Value(), out workers, out var workersError))
                    {
                        return Fail(workersError);
                    }

                    break;
                case "--no-processed":
                    if (!OptionSyntax.TryFlag(name, inline, out var noProcessedError))
                    {
                        return Fail(noProcessedError);
                    }

                    writeProcessed = false;
                    break;
                case "--force":
                    if (!OptionSyntax.TryFlag(name, inline, out var forceError))
                    {
                        return Fail(forceError);
                    }

                    force = true;
                    break;
                default:
                    return Fail($"unknown option '{args[i]}'");
            }
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            return Fail($"no PostgreSQL connection: pass --connection or set ConnectionStrings:{ConnectionName} (environment variable ConnectionStrings__{ConnectionName})");
        }

        return ParsedArguments<EtlRequest>.Ok(new EtlRequest(Path.GetFullPath(data), connection, workers, writeProcessed, force));
    }

    private static ParsedArguments<EtlRequest> Fail(string error) => ParsedArguments<EtlRequest>.Fail(error);
}
