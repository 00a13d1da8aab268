namespace HubAspire.Generation;

public static class GeneratorVersion
{
    /// <summary>
    /// Identifies the drawing rules. Bump it whenever a change alters the bytes produced for a
    /// seed, so a stale dataset is not reused as if it were current.
    /// </summary>
    public const string Current = "1";
}
