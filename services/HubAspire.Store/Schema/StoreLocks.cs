namespace HubAspire.Store.Schema;

/// <summary>PostgreSQL advisory lock keys (one 64-bit key space per database) that serialize the store's writers.</summary>
internal static class StoreLocks
{
    private const long Prefix = 0x4875_6241_0000; // "HubA"

    /// <summary>Held by a session while it applies migrations.</summary>
    public const long Migrations = Prefix + 1;

    /// <summary>Held by the transaction that completes a run and prunes old ones.</summary>
    public const long Completion = Prefix + 2;

    /// <summary>Held by the transaction that creates or updates the reader role.</summary>
    public const long ReaderRole = Prefix + 3;
}
