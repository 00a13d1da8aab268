namespace HubAspire.Generator.Tests.Support;

/// <summary>One scale-0.05 dataset (242,500 rows, seed 42) shared by the tests that only read it.</summary>
public sealed class DatasetFixture : IAsyncLifetime
{
    public const double Scale = 0.05;

    private readonly TempDirectory _directory = new();

    public string Raw => _directory.Raw;

    public DuckDb Db { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Generate.IntoAsync(_directory.Path, Scale);
        Db = new DuckDb(Raw);
    }

    public ValueTask DisposeAsync()
    {
        Db.Dispose();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
