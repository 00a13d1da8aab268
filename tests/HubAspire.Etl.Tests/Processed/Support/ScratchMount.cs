using System.Diagnostics;

namespace HubAspire.Etl.Tests.Processed.Support;

/// <summary>
/// A small tmpfs mounted over a directory, to give the ETL a real full or read-only file system
/// (permissions alone cannot stop root, which CI runs as). Unmounted on dispose.
/// </summary>
public sealed class ScratchMount : IDisposable
{
    private readonly string _directory;

    private ScratchMount(string directory) => _directory = directory;

    /// <summary>Mounts with <paramref name="options"/> (e.g. <c>size=8m</c>); skips the test when this process may not mount.</summary>
    public static ScratchMount Create(string directory, string options)
    {
        if (Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", directory) != 0)
        {
            Assert.Skip("Needs root (or CAP_SYS_ADMIN) to mount a small tmpfs; CI runs as root.");
        }

        return new ScratchMount(directory);
    }

    /// <summary>Everything on it stays readable; nothing more can be written.</summary>
    public void MakeReadOnly() => Assert.Equal(0, Run("mount", "-o", "remount,ro", _directory));

    /// <summary>Writes a file that leaves about <paramref name="freeBytes"/> free.</summary>
    public void FillLeaving(long freeBytes)
    {
        var available = new DriveInfo(_directory).AvailableFreeSpace;
        using var filler = new FileStream(Path.Combine(_directory, "filler"), FileMode.CreateNew);
        filler.SetLength(0);
        var chunk = new byte[64 * 1024];
        for (var left = available - freeBytes; left > 0; left -= chunk.Length)
        {
            filler.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }
    }

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
