using HubAspire.Etl.Cli;

namespace HubAspire.Etl.Tests;

/// <summary>The ETL's command line: every bad argument gets its exact one-line error, and no request.</summary>
public sealed class OptionsTests
{
    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["--data"], "--data needs a directory path" },
        { ["--data", " "], "--data needs a directory path" },
        { ["--connection", ""], "--connection needs a PostgreSQL connection string" },
        { ["--workers", "0"], "--workers must be a positive integer (got '0')" },
        { ["--workers=two"], "--workers must be a positive integer (got 'two')" },
        { ["--workers"], "--workers must be a positive integer (got nothing)" },
        { ["--force=yes"], "--force takes no value (got 'yes')" },
        { ["--colour"], "unknown option '--colour'" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void A_bad_argument_gets_its_exact_error(string[] args, string error)
    {
        var parsed = EtlOptions.Parse([.. args, "--connection", "Host=db"], "/data", null);

        Assert.Null(parsed.Request);
        Assert.Equal(error, parsed.Error);
    }

    [Fact]
    public void Good_arguments_give_the_request()
    {
        var request = EtlOptions.Parse(["--data=/srv/d", "--workers", "3", "--connection", "Host=db"], "/data", null).Request!;

        Assert.Equal(("/srv/d", "Host=db", 3), (request.DataDirectory, request.ConnectionString, request.Workers));
    }
}
