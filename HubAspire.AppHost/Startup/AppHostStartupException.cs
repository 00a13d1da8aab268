namespace HubAspire.AppHost.Startup;

/// <summary>
/// The AppHost cannot start on this machine as configured: a prerequisite is missing (no container
/// engine, no PostgreSQL server binaries) or a setting is invalid. The message is one line that
/// says what to install or change.
/// </summary>
public sealed class AppHostStartupException(string message) : Exception(message)
{
    private static int reporterInstalled;

    /// <summary>
    /// Makes an unhandled <see cref="AppHostStartupException"/> end the process with its one-line
    /// message on stderr and exit code 1, rather than a stack trace and an abort: the person who
    /// typed <c>dotnet run</c> needs the sentence, not the frames. A test host that runs the
    /// AppHost's entry point catches the exception itself, so there it is untouched.
    /// </summary>
    public static void ReportAsOneLineWhenUnhandled()
    {
        if (Interlocked.Exchange(ref reporterInstalled, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is AppHostStartupException startup)
            {
                Console.Error.WriteLine(startup.Message);
                Environment.Exit(1);
            }
        };
    }
}
