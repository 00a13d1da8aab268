using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Microsoft.Extensions.Hosting;

public static class ConsoleLogLines
{
    /// <summary>One line per message with a time stamp: a command-line tool's output is read by people.</summary>
    public static void AddConsoleLogLines(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.IncludeScopes = false;
            options.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
    }
}
