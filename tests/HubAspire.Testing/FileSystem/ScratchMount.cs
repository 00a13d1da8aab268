using System.Diagnostics;
using Xunit;

namespace HubAspire.Testing.FileSystem;

/// <summary>
/// A small tmpfs mounted over a directory, to give a program a real read-only or full file system
/// (permissions alone cannot stop root, which CI runs as). Unmounted on dispose.
/// </summary>
public sealed class ScratchMount : IDisposable
{
    private readonly string _directory;

    private ScratchMount(string directory) => _directory = directory;

    /// <summary>Mounts with <paramref name="options"/> (e.g. <c>ro,size=1m</c>); skips the test when this process may not mount.</summary>
    public static ScratchMount CreateOrSkip(string directory, string options)
    {
        Assert.SkipWhen(Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", directory) != 0,
            "Needs root (or CAP_SYS_ADMIN) to mount a small tmpfs; CI runs as root.");
        return new ScratchMount(directory);
    }

    /// <summary>Everything on it stays readable; nothing more can be written.</summary>
    public void MakeReadOnly()
    {
        if (Run("mount", "-o", "remount,ro", _directory) != 0)
        {
            throw new InvalidOperationException($"Could not remount {_directory} read-only.");
        }
    }

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
