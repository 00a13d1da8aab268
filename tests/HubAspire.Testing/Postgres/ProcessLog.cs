using System.Collections.Concurrent;

namespace HubAspire.Testing.Postgres;

/// <summary>The last lines a process wrote to stdout and stderr.</summary>
internal sealed class ProcessLog
{
    private const int Capacity = 60;
    private readonly ConcurrentQueue<string> lines = new();

    public string Text => string.Join('\n', lines);

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lines.Enqueue(line);
        while (lines.Count > Capacity)
        {
            lines.TryDequeue(out _);
        }
    }
}
