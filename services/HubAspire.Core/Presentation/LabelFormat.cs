using System.Globalization;

namespace HubAspire.Core.Presentation;

/// <summary>How a stored label is shown.</summary>
public enum LabelFormat
{
    /// <summary>As stored.</summary>
    AsIs,

    /// <summary>An hour 0–23 as <c>00:00</c> … <c>23:00</c>.</summary>
    Hour,
}

public static class LabelFormats
{
    public static string Apply(this LabelFormat format, string label) => format switch
    {
        LabelFormat.AsIs => label,
        LabelFormat.Hour => int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and <= 23
            ? $"{hour:D2}:00"
            : label,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
