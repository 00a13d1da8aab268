using HubAspire.LocalInfrastructure;
using HubAspire.Testing.Cleanup;

namespace HubAspire.Testing.Postgres;

/// <summary>
/// Where <see cref="LocalPostgresCluster"/> directories live, and the removal of those whose test
/// process died without disposing them.
/// </summary>
internal static class LocalClusterDirectories
{
    /// <summary>
    /// The system temp directory, unless we are root and the <c>postgres</c> user cannot reach it
    /// (a TMPDIR under /root): then /tmp.
    /// </summary>
    public static string TempRoot()
    {
        var temp = Path.GetFullPath(Path.GetTempPath());
        if (!PostgresBinaries.MustDropRoot)
        {
            return temp;
        }

        for (var directory = new DirectoryInfo(temp); directory is not null; directory = directory.Parent)
        {
            if (!directory.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return "/tmp";
            }
        }

        return temp;
    }

    /// <summary>Deletes a cluster's directory once its server has stopped.</summary>
    public static void Delete(string directory) => Directories.DeleteWithRetries(directory, TimeSpan.FromMilliseconds(100));

    /// <summary>
    /// Removes clusters whose test process died without disposing them (killed runner, debugger
    /// stopped): stops their postmaster, identified by its data directory on its command line, and
    /// deletes the directory. Directories of live processes are left alone.
    /// </summary>
    public static void SweepOrphans(string tempRoot)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(tempRoot, LocalPostgresCluster.DirectoryPrefix + "*").ToList();
        }
        catch (IOException)
        {
            return;
        }

        foreach (var directory in candidates)
        {
            var rest = Path.GetFileName(directory)[LocalPostgresCluster.DirectoryPrefix.Length..];
            var dash = rest.IndexOf('-');
            if (dash <= 0 || !int.TryParse(rest[..dash], out var owner) || Processes.IsRunning(owner))
            {
                continue;
            }

            try
            {
                var pidFile = Path.Combine(directory, "data", "postmaster.pid");
                if (File.Exists(pidFile)
                    && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var postmaster)
                    && File.Exists($"/proc/{postmaster}/cmdline")
                    && File.ReadAllText($"/proc/{postmaster}/cmdline").Contains(directory, StringComparison.Ordinal))
                {
                    PostmasterSignals.ImmediateShutdown(postmaster);
                    for (var i = 0; i < 50 && File.Exists($"/proc/{postmaster}/cmdline"); i++)
                    {
                        Thread.Sleep(100);
                    }
                }

                Delete(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's leftovers; not ours to remove.
            }
        }
    }
}
