using System.Diagnostics;

namespace HubAspire.Generator.Tests.Support;

/// <summary>
/// A tmpfs mounted over a directory to give the generator a real read-only or full file
/// system (permissions alone cannot stop root, which CI runs as). Unmounted on dispose.
/// </summary>
public sealed class ScratchMount : IDisposable
{
    private readonly string _directory;

    private ScratchMount(string directory) => _directory = directory;

    /// <summary>Mounts with <paramref name="options"/> (e.g. <c>ro,size=1m</c>); null when this process may not mount.</summary>
    public static ScratchMount? TryCreate(string directory, string options) =>
        Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", directory) == 0 ? new ScratchMount(directory) : null;

    public void Dispose() => Run("umount", _directory);

    private static int Run(string command, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
