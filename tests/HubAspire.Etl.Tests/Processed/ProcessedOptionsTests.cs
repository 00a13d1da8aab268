using HubAspire.Etl.Cli;

namespace HubAspire.Etl.Tests.Processed;

/// <summary>The processed dataset is on by default; <c>--no-processed</c> switches it off and takes no value.</summary>
public sealed class ProcessedOptionsTests
{
    [Fact]
    public void Processed_output_is_on_by_default() =>
        Assert.True(EtlOptions.Parse(["--connection", "Host=db"], "/data", null).Request!.WriteProcessed);

    [Fact]
    public void No_processed_switches_it_off() =>
        Assert.False(EtlOptions.Parse(["--no-processed", "--connection", "Host=db"], "/data", null).Request!.WriteProcessed);

    [Fact]
    public void No_processed_takes_no_value()
    {
        var parsed = EtlOptions.Parse(["--no-processed=false", "--connection", "Host=db"], "/data", null);

        Assert.Null(parsed.Request);
        Assert.Equal("--no-processed takes no value (got 'false')", parsed.Error);
    }

    [Fact]
    public void Force_is_off_by_default_and_on_with_the_flag()
    {
        Assert.False(EtlOptions.Parse(["--connection", "Host=db"], "/data", null).Request!.Force);
        Assert.True(EtlOptions.Parse(["--force", "--connection", "Host=db"], "/data", null).Request!.Force);
        Assert.Equal("--force takes no value (got 'yes')", EtlOptions.Parse(["--force=yes", "--connection", "Host=db"], "/data", null).Error);
    }

    [Fact]
    public void The_usage_text_names_the_option() =>
        Assert.Contains("--no-processed  do not write the processed dataset", EtlOptions.Usage);
}
