using HubAspire.Datasets.Reading;
using HubAspire.Etl.Pipeline;
using HubAspire.Etl.Tests.Support;
using HubAspire.Mapping;
using HubAspire.Store;
using HubAspire.Testing.Postgres;
using Npgsql;

namespace HubAspire.Etl.Tests;

/// <summary>
/// The run model: a re-run of the same dataset is idempotent; a bad file fails its run with a
/// message naming the file, column and type, and the previously served run stays served.
/// </summary>
public sealed class RunModelTests(PostgresFixture server) : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private string _connection = "";

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _connection = await (await server.GetServerAsync(cancellationToken)).CreateDatabaseAsync("etl_runs", cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _data.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Running_again_on_the_same_dataset_reuses_the_run()
    {
        await RealPipeline.GenerateAsync(_data.Path, scale: 0.001);
        var first = await RealPipeline.RunEtlAsync(_data.Path, _connection);

        var second = await RealPipeline.RunEtlAsync(_data.Path, _connection);

        Assert.False(first.Reused);
        Assert.True(second.Reused);
        Assert.Equal(first.RunId, second.RunId);
        Assert.Equal(first.RunId, (await EtlHarness.LatestAsync(_connection))!.Id);
    }

    [Fact]
    public async Task Force_loads_a_new_run_of_the_same_dataset_with_the_same_cells_and_serves_it()
    {
        await RealPipeline.GenerateAsync(_data.Path, scale: 0.001);
        var first = await RealPipeline.RunEtlAsync(_data.Path, _connection);

        var forced = await RealPipeline.RunEtlAsync(_data.Path, _connection, force: true);

        Assert.False(forced.Reused);
        Assert.True(forced.RunId > first.RunId);
        Assert.Equal(forced.RunId, (await EtlHarness.LatestAsync(_connection))!.Id);
        Assert.Equal(EtlHarness.CellLines(await EtlHarness.CubesAsync(_connection, first.RunId)),
            EtlHarness.CellLines(await EtlHarness.CubesAsync(_connection, forced.RunId)));
    }

    [Fact]
    public async Task A_new_dataset_gives_a_new_run_that_is_served()
    {
        await RealPipeline.GenerateAsync(_data.Path, scale: 0.001, seed: 1);
        var first = await RealPipeline.RunEtlAsync(_data.Path, _connection);
        await RealPipeline.GenerateAsync(_data.Path, scale: 0.001, seed: 2);

        var second = await RealPipeline.RunEtlAsync(_data.Path, _connection);

        Assert.NotEqual(first.RunId, second.RunId);
        Assert.Equal(second.RunId, (await EtlHarness.LatestAsync(_connection))!.Id);
        Assert.Equal(2, (await EtlHarness.LatestAsync(_connection))!.Dataset.Seed);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        // entity, DuckDB select over the original, expected message (after "{path}")
        { "deals", "select * exclude (amount) from {file}", "has no column 'amount' (expected" },
        { "deals", "select * replace (cast(amount as varchar) as amount) from {file}", "column 'amount' is BYTE_ARRAY (UTF8), expected" },
        { "web_analytics", "select * replace (cast(null as integer) as bounce) from {file}", "column 'bounce' has a null" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_fails_the_run_naming_file_and_column_and_the_previous_run_stays_served(string entity, string select, string message)
    {
        await RealPipeline.GenerateAsync(_data.Path, scale: 0.001, seed: 1);
        var served = await RealPipeline.RunEtlAsync(_data.Path, _connection);
        await RealPipeline.GenerateAsync(_data.Path, scale: 0.001, seed: 2);
        var path = Path.Combine(_data.Raw, entity, "part-00000.parquet");
        DuckDbFiles.Rewrite(path, select);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => RealPipeline.RunEtlAsync(_data.Path, _connection));

        Assert.True(error is ParquetSchemaException or ParquetDataException, error.ToString());
        Assert.Contains(path, error.Message);
        Assert.Contains(message, error.Message);
        await AssertServedAndFailedAsync(served.RunId, message);
    }

    [Fact]
    public async Task A_truncated_file_fails_the_run_and_the_previous_run_stays_served()
    {
        await RealPipeline.GenerateAsync(_data.Path, scale: 0.001, seed: 1);
        var served = await RealPipeline.RunEtlAsync(_data.Path, _connection);
        await RealPipeline.GenerateAsync(_data.Path, scale: 0.001, seed: 2);
        var path = Path.Combine(_data.Raw, "contacts", "part-00000.parquet");
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)], TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ParquetDataException>(() => RealPipeline.RunEtlAsync(_data.Path, _connection));

        Assert.Contains(path, error.Message);
        await AssertServedAndFailedAsync(served.RunId, path);
    }

    [Fact]
    public async Task A_missing_manifest_is_a_clear_error_and_starts_no_run()
    {
        var error = await Assert.ThrowsAsync<EtlException>(() => RealPipeline.RunEtlAsync(_data.Path, _connection));

        Assert.Equal(
            $"No dataset in {_data.Raw}: its manifest (_manifest.json) is missing. Run the generator first (dotnet run --project services/HubAspire.Generator), " +
            $"or put the original product's files there or in {_data.Path}: one <entity>.parquet per entity " +
            "(companies, contacts, deals, marketing_events, email_campaigns, support_tickets, web_analytics).",
            error.Message);
        // Nothing was written: not even the schema.
        await using var dataSource = NpgsqlDataSource.Create(_connection);
        await using var tables = dataSource.CreateCommand("select count(*) from information_schema.tables where table_schema = 'public'");
        Assert.Equal(0L, await tables.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    private async Task AssertServedAndFailedAsync(long servedRunId, string errorFragment)
    {
        await using var dataSource = NpgsqlDataSource.Create(_connection);
        var store = new RunStore(dataSource);
        Assert.Equal(servedRunId, (await store.LatestSucceededRunAsync(TestContext.Current.CancellationToken))!.Id);
        var failed = await store.GetRunAsync(servedRunId + 1, TestContext.Current.CancellationToken);
        Assert.NotNull(failed);
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains(errorFragment, failed.Error);
    }
}
