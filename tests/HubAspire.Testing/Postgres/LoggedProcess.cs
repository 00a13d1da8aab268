using System.Diagnostics;

namespace HubAspire.Testing.Postgres;

/// <summary>Starting the server's programs with their output kept for the error message when they fail.</summary>
internal static class LoggedProcess
{
    /// <summary>Starts <paramref name="command"/>, its stdout and stderr going to <paramref name="log"/>.</summary>
    public static Process Start((string FileName, IReadOnlyList<string> Arguments) command, string workingDirectory, ProcessLog log)
    {
        var info = new ProcessStartInfo(command.FileName, command.Arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Runs <paramref name="command"/> to its end; throws with its output when it fails, and kills
    /// it when cancelled. <paramref name="started"/> hears of the process while it runs.
    /// </summary>
    public static async Task RunToEndAsync(
        (string FileName, IReadOnlyList<string> Arguments) command, string workingDirectory, Action<Process>? started, CancellationToken cancellationToken)
    {
        var log = new ProcessLog();
        using var process = Start(command, workingDirectory, log);
        started?.Invoke(process);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{command.FileName} {string.Join(' ', command.Arguments)}' failed with exit code {process.ExitCode}:\n{log.Text}");
        }
    }
}
