using HubAspire.Generator.Tests.Support;

namespace HubAspire.Generator.Tests;

/// <summary>Every bad input ends with a non-zero exit code, one line saying what is wrong, and nothing written.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["--scale", "0"], "error: --scale must be a number greater than 0 and at most 100 (got '0'). Run with --help for the options." },
        { ["--scale", "-1"], "error: --scale must be a number greater than 0 and at most 100 (got '-1'). Run with --help for the options." },
        { ["--scale", "abc"], "error: --scale must be a number greater than 0 and at most 100 (got 'abc'). Run with --help for the options." },
        { ["--scale", "NaN"], "error: --scale must be a number greater than 0 and at most 100 (got 'NaN'). Run with --help for the options." },
        { ["--scale", "1000"], "error: --scale must be a number greater than 0 and at most 100 (got '1000'). Run with --help for the options." },
        { ["--scale"], "error: --scale must be a number greater than 0 and at most 100 (got nothing). Run with --help for the options." },
        { ["--scale=0.5x"], "error: --scale must be a number greater than 0 and at most 100 (got '0.5x'). Run with --help for the options." },
        { ["--seed", "-3"], "error: --seed must be a non-negative integer (got '-3'). Run with --help for the options." },
        { ["--seed", "1.5"], "error: --seed must be a non-negative integer (got '1.5'). Run with --help for the options." },
        { ["--workers", "0"], "error: --workers must be a positive integer (got '0'). Run with --help for the options." },
        { ["--out"], "error: --out needs a directory path. Run with --help for the options." },
        { ["--rows", "5"], "error: unknown option '--rows'. Run with --help for the options." },
        { ["extra"], "error: unknown option 'extra'. Run with --help for the options." },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task A_bad_argument_is_one_clear_line_and_exit_code_2(string[] args, string message)
    {
        using var directory = new TempDirectory();
        var (exitCode, lines) = await GeneratorProcess.RunAsync([.. args, "--out", directory.Path]);

        Assert.Equal(2, exitCode);
        Assert.Equal([message], lines);
        Assert.Empty(Directory.GetFileSystemEntries(directory.Path));
    }

    [Fact]
    public async Task Help_lists_the_options_and_succeeds()
    {
        var (exitCode, lines) = await GeneratorProcess.RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Usage: HubAspire.Generator", lines[0]);
        Assert.All(new[] { "--scale", "--seed", "--out", "--force", "--workers" }, option => Assert.Contains(lines, l => l.TrimStart().StartsWith(option)));
    }

    [Fact]
    public async Task An_output_path_below_a_file_fails_with_a_clear_line()
    {
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "not-a-directory");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);

        var (exitCode, lines) = await GeneratorProcess.RunAsync("--scale", "0.001", "--out", Path.Combine(file, "data"));

        Assert.Equal(1, exitCode);
        var error = Assert.Single(lines, l => l.Contains("fail:"));
        Assert.Contains($"Cannot write the dataset under {file}/data:", error);
        Assert.Contains("Choose a writable --out directory with enough free space", error);
        Assert.Equal(["not-a-directory"], Directory.GetFileSystemEntries(directory.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_read_only_output_directory_fails_with_a_clear_line_and_writes_nothing()
    {
        using var directory = new TempDirectory();
        using var mount = ScratchMount.CreateOrSkip(directory.Path, "ro,size=1m");

        var (exitCode, lines) = await GeneratorProcess.RunAsync("--scale", "0.001", "--out", directory.Path);

        Assert.Equal(1, exitCode);
        var error = Assert.Single(lines, l => l.Contains("fail:"));
        Assert.Contains($"Cannot write the dataset under {directory.Path}:", error);
        Assert.Contains("Read-only file system", error);
        Assert.Empty(Directory.GetFileSystemEntries(directory.Path));
    }

    [Fact]
    public async Task A_full_disk_fails_with_a_clear_line_and_leaves_no_files_and_no_manifest()
    {
        using var directory = new TempDirectory();
        using var mount = ScratchMount.CreateOrSkip(directory.Path, "size=1m");

        // Scale 0.05 needs about 4 MB: the 1 MB file system fills up mid-way.
        var (exitCode, lines) = await GeneratorProcess.RunAsync("--scale", "0.05", "--out", directory.Path);

        Assert.Equal(1, exitCode);
        var error = Assert.Single(lines, l => l.Contains("fail:"));
        Assert.Contains("No space left on device", error);
        Assert.Contains("about 5 MB at this scale", error);
        Assert.Empty(Directory.GetFileSystemEntries(directory.Path));
    }
}
