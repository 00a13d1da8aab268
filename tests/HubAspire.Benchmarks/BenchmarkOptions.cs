namespace HubAspire.Benchmarks;

/// <summary>The options every benchmark command takes: <c>[--runs &lt;n&gt;] [--skip-scale10]</c>.</summary>
public sealed record BenchmarkOptions(int Runs, bool ScaleTen)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(5);
        return runs >= 1
            ? new(runs, !args.Contains("--skip-scale10"))
            : throw new ArgumentException("--runs takes a whole number of at least 1.");
    }
}
