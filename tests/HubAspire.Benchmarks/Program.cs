using HubAspire.Benchmarks;
using HubAspire.Benchmarks.Api;
using HubAspire.Benchmarks.Etl;
using HubAspire.Benchmarks.ScaleOut;
using HubAspire.Benchmarks.Web;

// Benchmarks are programs, not tests: they print figures and never fail on a threshold.
// Usage: dotnet run -c Release --project tests/HubAspire.Benchmarks -- <command> [options]
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop the child processes and clean up (temp data, PostgreSQL) instead of dying mid-run.
    e.Cancel = true;
    stopping.Cancel();
};

return args.FirstOrDefault() switch
{
    "generate" => await GenerateBenchmark.RunAsync(args[1..]),
    "etl" => await EtlBenchmark.RunAsync(args[1..], stopping.Token),
    "api" => await ApiBenchmark.RunAsync(args[1..], stopping.Token),
    "web" => await WebBenchmark.RunAsync(args[1..], stopping.Token),
    "scale-out" => await ScaleOutBenchmark.RunAsync(args[1..], stopping.Token),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Usage: dotnet run -c Release --project tests/HubAspire.Benchmarks -- <command> [options]
          generate [--runs <n>] [--skip-scale10]   full-scale generation (4.85M rows) n times (default 5), then once at scale 10
          etl [--runs <n>] [--skip-scale10]        full-scale ETL into a throwaway PostgreSQL n times (default 5) with and without
                                                   processed output, DuckDB computing the same figures (checked equal), then scale 10
          api [--seconds <n>]                      the real API on the full-scale store (generator + ETL into a throwaway PostgreSQL):
                                                   wrk for n s (default 10) on cached /api/dashboard and /api/deals/stages, then every
                                                   distinct period of /api/dashboard once (uncached); needs wrk (apt-get install wrk)
          web [--runs <n>]                         the dashboard on the same full-scale stack behind the real web host, in headless
                                                   Chromium: navigation → Overview drawn and each tab drawn after a click, n runs
                                                   (default 5; run 1 on the API's cold cache); screenshots into docs/screenshots/
          scale-out [--runs <n>] [--scale <s>]     the generator and the ETL's map step (no processed output) at scale s (default 10),
                                                   n times (default 5): in-process on one core, on 1 silo, on 2 silos (each
                                                   pinned to its core with taskset) and in-process on both cores; files and
                                                   figures checked equal
        """);
    return 2;
}
