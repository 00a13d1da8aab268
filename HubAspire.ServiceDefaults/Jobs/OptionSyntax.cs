namespace HubAspire.Jobs;

/// <summary>How our jobs' command lines are spelt: <c>--name value</c> or <c>--name=value</c>.</summary>
public static class OptionSyntax
{
    /// <summary>Splits <c>--name=value</c>; any other argument is a name without an inline value.</summary>
    public static (string Name, string? Value) Split(string argument)
    {
        var equals = argument.IndexOf('=');
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    /// <summary>The value of the option at <paramref name="index"/>: inline, else the next argument unless it is an option (then null).</summary>
    public static string? Value(IReadOnlyList<string> arguments, ref int index, string? inlineValue) =>
        inlineValue ?? (index + 1 < arguments.Count && !arguments[index + 1].StartsWith("--", StringComparison.Ordinal) ? arguments[++index] : null);

    /// <summary>A value as an error message quotes it: <c>'abc'</c>, or <c>nothing</c> when missing.</summary>
    public static string Describe(string? value) => value is null ? "nothing" : $"'{value}'";
}
