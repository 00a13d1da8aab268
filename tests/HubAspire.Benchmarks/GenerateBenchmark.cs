namespace HubAspire.Benchmarks;

/// <summary>
/// Full-scale generation several times (median wall time, rows/s, peak memory, output size),
/// then once at scale 10 to show how cost grows with the work.
/// </summary>
public static class GenerateBenchmark
{
    private const double WallTargetSeconds = 2.0, PeakTargetMegabytes = 400, OutputTargetMegabytes = 150;

    public static async Task<int> RunAsync(string[] args)
    {
        var (runs, scaleTen) = BenchmarkOptions.Parse(args);
        var directory = Directory.CreateTempSubdirectory("hubaspire-bench-").FullName;
        try
        {
            Console.WriteLine($"generate: the real generator executable, {Environment.ProcessorCount} cores, data in {directory}");
            await GeneratorRun.ExecuteAsync(0.01, directory); // warm the disk cache and the runtime's files

            var table = new Table("scale", "run", "wall s", "generate s", "rows/s", "peak MB", "output MB");
            var results = new List<GeneratorRun>();
            for (var i = 1; i <= runs; i++)
            {
                var run = await GeneratorRun.ExecuteAsync(1.0, directory);
                results.Add(run);
                table.Add("1", i.ToString(), run.WallSeconds.ToString("F2"), run.GenerateSeconds.ToString("F2"),
                    (run.Rows / run.WallSeconds).ToString("N0"), run.PeakMegabytes.ToString("N0"), run.OutputMegabytes.ToString("N1"));
            }

            var median = new GeneratorRun(
                Statistics.Median(results.Select(r => r.WallSeconds)), Statistics.Median(results.Select(r => r.GenerateSeconds)), results[0].Rows,
                Statistics.Median(results.Select(r => r.PeakMegabytes)), Statistics.Median(results.Select(r => r.OutputMegabytes)),
                Statistics.Median(results.Select(r => r.CpuSeconds)));
            table.Add("1", "median", median.WallSeconds.ToString("F2"), median.GenerateSeconds.ToString("F2"),
                (median.Rows / median.WallSeconds).ToString("N0"), median.PeakMegabytes.ToString("N0"), median.OutputMegabytes.ToString("N1"));

            GeneratorRun? ten = null;
            if (scaleTen)
            {
                ten = await GeneratorRun.ExecuteAsync(10.0, directory);
                table.Add("10", "1", ten.WallSeconds.ToString("F2"), ten.GenerateSeconds.ToString("F2"),
                    (ten.Rows / ten.WallSeconds).ToString("N0"), ten.PeakMegabytes.ToString("N0"), ten.OutputMegabytes.ToString("N1"));
            }

            table.Print();
            Console.WriteLine();
            Console.WriteLine($"median wall {median.WallSeconds:F2} s (target ≤ {WallTargetSeconds} s), peak {median.PeakMegabytes:N0} MB (target ≤ {PeakTargetMegabytes} MB), output {median.OutputMegabytes:N1} MB (target ≤ {OutputTargetMegabytes} MB)");
            if (ten is not null)
            {
                Console.WriteLine($"scale 10 / scale 1: time ×{ten.WallSeconds / median.WallSeconds:F2} (target ≤ 10.5), peak memory ×{ten.PeakMegabytes / median.PeakMegabytes:F2} (target ≤ 1.2)");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
