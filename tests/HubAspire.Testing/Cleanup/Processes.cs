using System.Diagnostics;

namespace HubAspire.Testing.Cleanup;

/// <summary>Which processes still run, and which mention a path on their command line (Linux <c>/proc</c>).</summary>
public static class Processes
{
    public sealed record Info(int Id, string CommandLine);

    /// <summary>The processes, other than this one, whose command line contains <paramref name="path"/>.</summary>
    public static IReadOnlyList<Info> Using(string path)
    {
        var found = new List<Info>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var id) || id == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Trim();
                if (commandLine.Contains(path, StringComparison.Ordinal))
                {
                    found.Add(new Info(id, commandLine));
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    public static void Kill(IEnumerable<Info> processes)
    {
        foreach (var process in processes)
        {
            try
            {
                using var handle = Process.GetProcessById(process.Id);
                handle.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }

    /// <summary>True while the process <paramref name="processId"/> runs (on this machine).</summary>
    public static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
