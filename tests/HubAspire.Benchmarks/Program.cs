using HubAspire.Benchmarks;

// Benchmarks are programs, not tests: they print figures and never fail on a threshold.
// Usage: dotnet run -c Release --project tests/HubAspire.Benchmarks -- <command> [options]
return args.FirstOrDefault() switch
{
    "generate" => await GenerateBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Usage: dotnet run -c Release --project tests/HubAspire.Benchmarks -- <command> [options]
          generate [--runs <n>] [--skip-scale10]   full-scale generation (4.85M rows) n times (default 5), then once at scale 10
        """);
    return 2;
}
