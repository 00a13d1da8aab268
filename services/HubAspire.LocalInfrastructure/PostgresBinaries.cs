namespace HubAspire.LocalInfrastructure;

/// <summary>
/// Finds the machine's PostgreSQL server binaries and says how to start them. Used by the
/// AppHost's executable provider and the tests' local-cluster fixture alike, so both follow one
/// rule.
/// </summary>
public sealed record PostgresBinaries(string BinDirectory)
{
    /// <summary>The OS account PostgreSQL runs as when we are root (initdb and postgres refuse root).</summary>
    public const string ServiceAccount = "postgres";

    public string InitDb => Path.Combine(BinDirectory, "initdb");
    public string Postgres => Path.Combine(BinDirectory, "postgres");
    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>The binaries in <paramref name="binDirectory"/>, or null when it lacks <c>initdb</c> or <c>postgres</c>.</summary>
    public static PostgresBinaries? At(string binDirectory) =>
        File.Exists(Path.Combine(binDirectory, "initdb")) && File.Exists(Path.Combine(binDirectory, "postgres"))
            ? new PostgresBinaries(Path.GetFullPath(binDirectory))
            : null;

    /// <summary>
    /// The directory holding both <c>initdb</c> and <c>postgres</c>: first from PATH, then the
    /// newest Debian-style <c>/usr/lib/postgresql/&lt;major&gt;/bin</c>. Null when not installed.
    /// </summary>
    public static PostgresBinaries? Find()
    {
        var pathDirectories = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var directory in pathDirectories)
        {
            var initdb = Path.Combine(directory, "initdb");
            if (File.Exists(initdb) && File.Exists(Path.Combine(directory, "postgres")))
            {
                // Follow symlinks so pg_ctl and friends are found next to the real binaries.
                var target = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
                return new PostgresBinaries(Path.GetDirectoryName(target)!);
            }
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Major: int.TryParse(Path.GetFileName(d), out var m) ? m : -1))
                .Where(c => File.Exists(Path.Combine(c.Dir, "initdb")) && File.Exists(Path.Combine(c.Dir, "postgres")))
                .OrderByDescending(c => c.Major)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return new PostgresBinaries(newest.Dir);
            }
        }

        return null;
    }

    /// <summary>True when this process runs as root and must drop to <see cref="ServiceAccount"/>.</summary>
    public static bool MustDropRoot => Environment.UserName == "root";

    /// <summary>
    /// True when the account PostgreSQL runs as can reach <paramref name="directory"/>, or the
    /// nearest parent that exists yet: as root, a tree under a private directory (a clone in
    /// /root, say) is out of the <c>postgres</c> user's reach, and initdb would fail there.
    /// </summary>
    public static bool ServiceAccountCanReach(string directory)
    {
        if (!MustDropRoot)
        {
            return true;
        }

        var existing = Path.GetFullPath(directory);
        while (!Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing) ?? "/";
        }

        var (fileName, arguments) = AsServiceUser("test", ["-x", existing]);
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(fileName, arguments) { UseShellExecute = false })!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    /// <summary>
    /// The command line that runs <paramref name="executable"/> with <paramref name="arguments"/>
    /// as the right user: directly, or as root through <c>setpriv</c>, which execs in place so
    /// the started process keeps the PID the caller tracks.
    /// </summary>
    public static (string FileName, IReadOnlyList<string> Arguments) AsServiceUser(string executable, IEnumerable<string> arguments)
    {
        var (fileName, leading) = ServiceUserLauncher(executable);
        return (fileName, [.. leading, .. arguments]);
    }

    /// <summary>
    /// What to start instead of <paramref name="executable"/> so that it runs as the right user:
    /// the program and the arguments that go before the executable's own (for callers whose
    /// arguments are not plain strings, such as an orchestrator's deferred values).
    /// </summary>
    public static (string FileName, IReadOnlyList<string> LeadingArguments) ServiceUserLauncher(string executable) =>
        MustDropRoot
            ? ("setpriv", [$"--reuid={ServiceAccount}", $"--regid={ServiceAccount}", "--init-groups", executable])
            : (executable, []);
}
