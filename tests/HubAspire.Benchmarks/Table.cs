namespace HubAspire.Benchmarks;

/// <summary>A plain-text table with right-aligned columns, for benchmark output.</summary>
public sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Print()
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        Console.WriteLine(Format(headers));
        Console.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            Console.WriteLine(Format(row));
        }

        string Format(string[] cells) => string.Join("  ", cells.Select((c, i) => c.PadLeft(widths[i])));
    }
}
