namespace HubAspire.AppHost.Operations;

/// <summary>
/// A run-to-completion job's next start passes <c>--force</c>, once, because an operator command
/// asked for it: the generator then writes over a dataset of the same seed and scale, and the ETL
/// loads a new run of a dataset it has already loaded. Starts at launch never do.
/// </summary>
public sealed class ForceNextStartAnnotation : IResourceAnnotation
{
    private int requested;

    public void Request() => Interlocked.Exchange(ref requested, 1);

    /// <summary>True once after <see cref="Request"/>: the start that consumes it passes <c>--force</c>.</summary>
    public bool Take() => Interlocked.Exchange(ref requested, 0) == 1;
}
