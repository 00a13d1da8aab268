using HubAspire.Jobs;
using System.Globalization;
using HubAspire.Generator.Generation;

namespace HubAspire.Generator.Cli;

/// <summary>The generator's command line: parsed strictly, so a typo is an error rather than a silent default.</summary>
public static class GeneratorOptions
{
    public const string Usage = """
        Usage: HubAspire.Generator [--scale <n>] [--seed <n>] [--out <dir>] [--force] [--workers <n>]
          --scale    fraction of the 4.85M rows of scale 1.0, in (0, 100]   (default 1.0)
          --seed     random seed, a non-negative integer                     (default 42)
          --out      data directory; the dataset goes to <out>/raw           (default: data at the repository root)
          --force    regenerate even if a dataset with this seed and scale exists
          --workers  files written at once; never changes the output        (default: number of cores)
        """;

    public static ParsedArguments<GenerationRequest> Parse(IReadOnlyList<string> args, string defaultDataDirectory)
    {
        var scale = GenerationRequest.DefaultScale;
        var seed = GenerationRequest.DefaultSeed;
        var output = defaultDataDirectory;
        var force = false;
        var workers = Environment.ProcessorCount;

        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = OptionSyntax.Split(args[i]);
            string? Value() => OptionSyntax.Value(args, ref i, inlineValue);

            switch (name)
            {
                case "--help" or "-h":
                    return ParsedArguments<GenerationRequest>.Help();
                case "--force":
                    force = true;
                    break;
                case "--scale":
                    var scaleText = Value();
                    if (!double.TryParse(scaleText, NumberStyles.Float, CultureInfo.InvariantCulture, out scale)
                        || !double.IsFinite(scale) || scale <= 0 || scale > GenerationRequest.MaxScale)
                    {
                        return Fail($"--scale must be a number greater than 0 and at most {GenerationRequest.MaxScale} (got {OptionSyntax.Describe(scaleText)})");
                    }

                    break;
                case "--seed":
                    var seedText = Value();
                    if (!long.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out seed))
                    {
                        return Fail($"--seed must be a non-negative integer (got {OptionSyntax.Describe(seedText)})");
                    }

                    break;
                case "--out":
                    if (!OptionSyntax.TryText(name, Value(), "a directory path", out output, out var outError))
                    {
                        return Fail(outError);
                    }

                    break;
                case "--workers":
                    if (!OptionSyntax.TryPositiveInteger(name, Value(), out workers, out var workersError))
                    {
                        return Fail(workersError);
                    }

                    break;
                default:
                    return Fail($"unknown option '{args[i]}'");
            }
        }

        return ParsedArguments<GenerationRequest>.Ok(new GenerationRequest(Path.GetFullPath(output), scale, seed, force, workers));
    }


    private static ParsedArguments<GenerationRequest> Fail(string error) => ParsedArguments<GenerationRequest>.Fail(error);
}
