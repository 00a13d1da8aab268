using System.Data;
using HubAspire.Core.Aggregations;
using HubAspire.Store.Access;
using HubAspire.Store.Loading;
using HubAspire.Store.Migrating;
using HubAspire.Store.Reading;
using HubAspire.Store.Resilience;
using HubAspire.Store.Runs;
using HubAspire.Store.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace HubAspire.Store;

/// <summary>
/// The aggregate store: ETL runs and their cube cells in PostgreSQL. The ETL migrates, starts a
/// run, and completes or fails it; the API reads the latest succeeded run. A run's cells and its
/// "succeeded" become visible in one commit, so a failed or killed run never changes what is
/// served. Opening a connection is retried while PostgreSQL is unreachable (see
/// <see cref="RunStoreOptions"/>); nothing else is retried. The data source is the caller's.
/// </summary>
/// <remarks>
/// EF Core defines the schema and applies its migrations; runs and cells are read and written
/// with plain SQL over the table and column names the model is built from. The ETL is a
/// short-lived process, and EF's first use in a process (services, model, query compilation)
/// would cost it more than the store's work.
/// </remarks>
public sealed class RunStore
{
    private readonly NpgsqlDataSource dataSource;
    private readonly RunStoreOptions options;
    private readonly ConnectRetry retry;

    public RunStore(NpgsqlDataSource dataSource, RunStoreOptions? options = null)
    {
        this.dataSource = dataSource;
        this.options = options ?? new RunStoreOptions();
        this.options.Validate();
        retry = new ConnectRetry(ConnectRetry.EndpointOf(dataSource.ConnectionString), this.options);
    }

    /// <summary>Applies pending migrations; safe when several processes start at once. The ETL calls it before its first write.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) =>
        SchemaMigrator.MigrateAsync(dataSource, NewContext, retry, cancellationToken);

    /// <summary>
    /// Creates (or updates the password of) a login role that may only SELECT from the store's
    /// tables, for the API's connection. Call after <see cref="MigrateAsync"/>; the connection's
    /// role needs CREATEROLE.
    /// </summary>
    public async Task EnsureReaderRoleAsync(string roleName, string password, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> tables;
        await using (var context = NewContext())
        {
            tables = [.. context.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct(), HistoryRepository.DefaultTableName];
        }

        await using var connection = await retry.OpenAsync(dataSource, cancellationToken);
        await ReaderRole.EnsureAsync(connection, tables, roleName, password, cancellationToken);
    }

    /// <summary>Records a new run as running, committed at once, and returns its id.</summary>
    public async Task<long> StartRunAsync(DatasetIdentity dataset, RunTraceIds trace, CancellationToken cancellationToken = default)
    {
        await using var connection = await retry.OpenAsync(dataSource, cancellationToken);
        return await RunCommands.StartAsync(connection, dataset, trace, cancellationToken);
    }

    /// <summary>
    /// In one transaction: loads every cube's cells (binary COPY), marks the run succeeded, and
    /// prunes old runs (<see cref="RunStoreOptions.KeepSucceededRuns"/>). Throws, changing
    /// nothing, when the run is not running (failed, or pruned as a leftover) or a cube is missing.
    /// </summary>
    /// <param name="cubes">One per <see cref="Cubes.All"/> entry, in any order.</param>
    public async Task<RunCompletion> CompleteRunAsync(
        long runId,
        IReadOnlyList<CubeCells> cubes,
        IReadOnlyDictionary<string, long> rowsPerEntity,
        IReadOnlyDictionary<string, TimeSpan> phaseDurations,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await retry.OpenAsync(dataSource, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var status = await RunCommands.LockForCompletionAsync(connection, runId, cancellationToken);
        if (status != RunStatus.Running)
        {
            throw new InvalidOperationException(status is null
                ? $"Run {runId} cannot complete: it does not exist (pruned as a leftover, or never started)."
                : $"Run {runId} cannot complete: it is {RunsTable.StatusText(status.Value)}.");
        }

        var cells = await CubeCopyLoader.LoadAsync(connection, runId, cubes, cancellationToken);
        await RunCommands.MarkSucceededAsync(connection, runId, rowsPerEntity, phaseDurations, cancellationToken);
        var pruned = await RunPruner.PruneAsync(connection, options.KeepSucceededRuns, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RunCompletion(cells, pruned);
    }

    /// <summary>Marks a running run failed with <paramref name="error"/>; false (and no change) when it is not running.</summary>
    public async Task<bool> FailRunAsync(long runId, string error, CancellationToken cancellationToken = default)
    {
        await using var connection = await retry.OpenAsync(dataSource, cancellationToken);
        return await RunCommands.FailAsync(connection, runId, error, cancellationToken);
    }

    /// <summary>The newest succeeded run of exactly this dataset, so that re-running on the same manifest can reuse it.</summary>
    public Task<RunInfo?> FindSucceededRunForDatasetAsync(DatasetIdentity dataset, CancellationToken cancellationToken = default) =>
        FirstRunAsync(RunQuery.LatestSucceededOf(dataset), cancellationToken);

    /// <summary>The run the API serves; null before any run succeeded.</summary>
    public Task<RunInfo?> LatestSucceededRunAsync(CancellationToken cancellationToken = default) =>
        FirstRunAsync(RunQuery.LatestSucceeded, cancellationToken);

    public Task<RunInfo?> GetRunAsync(long runId, CancellationToken cancellationToken = default) =>
        FirstRunAsync(RunQuery.ById(runId), cancellationToken);

    /// <summary>All cells of a succeeded run, one <see cref="CubeCells"/> per <see cref="Cubes.All"/> entry in that order.</summary>
    public async Task<IReadOnlyList<CubeCells>> ReadCubesAsync(long runId, CancellationToken cancellationToken = default)
    {
        var read = await ReadSnapshotAsync(RunQuery.ById(runId), cancellationToken)
            ?? throw new InvalidOperationException($"Run {runId} does not exist (it may have been pruned).");
        return read.Run.Status == RunStatus.Succeeded
            ? read.Cubes
            : throw new InvalidOperationException(
                $"Run {runId} is {RunsTable.StatusText(read.Run.Status)}: only succeeded runs have cells to serve.");
    }

    /// <summary>
    /// The latest succeeded run and its cells from one snapshot, so a run pruned in between cannot
    /// tear the read. Null before any run succeeded.
    /// </summary>
    public Task<RunCubes?> ReadLatestSucceededAsync(CancellationToken cancellationToken = default) =>
        ReadSnapshotAsync(RunQuery.LatestSucceeded, cancellationToken);

    private async Task<RunInfo?> FirstRunAsync(RunQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await retry.OpenAsync(dataSource, cancellationToken);
        return await query.FirstAsync(connection, cancellationToken);
    }

    private async Task<RunCubes?> ReadSnapshotAsync(RunQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await retry.OpenAsync(dataSource, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var run = await query.FirstAsync(connection, cancellationToken);
        if (run is null)
        {
            return null;
        }

        IReadOnlyList<CubeCells> cubes = run.Status == RunStatus.Succeeded
            ? await CubeCellReader.ReadAsync(connection, run.Id, cancellationToken)
            : [];
        await transaction.CommitAsync(cancellationToken);
        return new RunCubes(run, cubes);
    }

    /// <summary>EF only migrates and names the tables; its options are built on first need.</summary>
    private AggregateStoreContext NewContext() =>
        new(new DbContextOptionsBuilder<AggregateStoreContext>().UseNpgsql(dataSource).Options);
}
