namespace HubAspire.Generator.Generation;

/// <param name="DataDirectory">Root of the data directory; the dataset goes to its <c>raw/</c>.</param>
/// <param name="Scale">Fraction of DATA.md's row counts (1.0 = 4.85M rows).</param>
/// <param name="Seed">Same seed and scale, same bytes.</param>
/// <param name="Force">Regenerate even when a matching dataset exists.</param>
/// <param name="Workers">Files written at once; changes speed, never the output.</param>
public sealed record GenerationRequest(string DataDirectory, double Scale, long Seed, bool Force, int Workers)
{
    public const double DefaultScale = 1.0;
    public const long DefaultSeed = 42;
    public const double MaxScale = 100;
}
