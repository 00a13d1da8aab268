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

    /// <summary>An option that needs a non-blank value (a path, a connection string): false and the error when it has none.</summary>
    /// <param name="what">What the value is, for the error: "a directory path".</param>
    public static bool TryText(string name, string? text, string what, out string value, out string error)
    {
        value = text ?? "";
        error = string.IsNullOrWhiteSpace(text) ? $"{name} needs {what}" : "";
        return error.Length == 0;
    }

    /// <summary>An option that needs a positive integer (<c>--workers</c>): false and the error otherwise.</summary>
    public static bool TryPositiveInteger(string name, string? text, out int value, out string error)
    {
        var valid = int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value >= 1;
        error = valid ? "" : $"{name} must be a positive integer (got {Describe(text)})";
        return valid;
    }

    /// <summary>A flag (<c>--force</c>) given a value (<c>--force=yes</c>): false and the error.</summary>
    public static bool TryFlag(string name, string? inlineValue, out string error)
    {
        error = inlineValue is null ? "" : $"{name} takes no value (got '{inlineValue}')";
        return inlineValue is null;
    }
}
