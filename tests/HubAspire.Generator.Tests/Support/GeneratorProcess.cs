using System.Diagnostics;
using System.Text;

namespace HubAspire.Generator.Tests.Support;

/// <summary>The real generator executable, started as a separate process exactly as a user runs it.</summary>
public sealed class GeneratorProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _firstEntityWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GeneratorProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>Everything printed so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static GeneratorProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HubAspire.Generator.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // No telemetry export from test runs.
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var generator = new GeneratorProcess(new Process { StartInfo = start });
        generator._process.OutputDataReceived += (_, e) => generator.Append(e.Data);
        generator._process.ErrorDataReceived += (_, e) => generator.Append(e.Data);
        generator._process.Start();
        generator._process.BeginOutputReadLine();
        generator._process.BeginErrorReadLine();
        return generator;
    }

    /// <summary>Runs to the end and returns the exit code and the output lines.</summary>
    public static async Task<(int ExitCode, string[] Lines)> RunAsync(params string[] args)
    {
        using var generator = Start(args);
        var exitCode = await generator.WaitAsync(TimeSpan.FromMinutes(2));
        return (exitCode, generator.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Completes once an entity has been fully written (the run is under way, not finished).</summary>
    public Task FirstEntityWritten => _firstEntityWritten.Task;

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>Sends a signal as `kill` would: TERM for a polite stop, KILL for a crash.</summary>
    public void Signal(string signal) => Process.Start("kill", ["-" + signal, _process.Id.ToString()])!.WaitForExit();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("rows done", StringComparison.Ordinal))
        {
            _firstEntityWritten.TrySetResult();
        }
    }
}
