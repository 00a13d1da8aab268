using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace HubAspire.Testing.Postgres;

/// <summary>
/// Last-chance cleanup when the test process ends without disposing its servers (SIGTERM from a
/// CI timeout or <c>kill</c>, a closed terminal, an exit that skips fixture disposal): registered
/// as soon as something exists to clean, that is while a server is still starting too, and
/// unregistered once it is disposed. A process killed outright (SIGKILL) runs nothing; the next
/// start sweeps such leftovers. Ctrl+C is left to xunit, which cancels and disposes fixtures.
/// </summary>
internal static class ProcessExitCleanup
{
    private static readonly ConcurrentDictionary<Registration, Action> Actions = new();

    // .NET runs no ProcessExit handlers on SIGTERM or SIGHUP: it just terminates. A handler that
    // does not cancel runs first and the default action follows. Kept in a static field, because a
    // collected registration unregisters itself.
    private static readonly PosixSignalRegistration[] SignalHandlers =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => RunAll()),
        PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => RunAll()),
    ];

    private static int exiting;

    static ProcessExitCleanup() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RunAll();

    /// <summary>True once the exit cleanup has begun.</summary>
    public static bool IsExiting => Volatile.Read(ref exiting) != 0;

    /// <summary>
    /// Runs <paramref name="cleanup"/> at process exit unless the result is disposed first. Throws
    /// once the exit cleanup has begun, so that a server does not start after it.
    /// </summary>
    public static IDisposable Register(Action cleanup)
    {
        if (IsExiting)
        {
            throw new OperationCanceledException("The test process is exiting.");
        }

        var registration = new Registration();
        Actions[registration] = cleanup;
        return registration;
    }

    private static void RunAll()
    {
        Volatile.Write(ref exiting, 1);
        Parallel.ForEach(Actions.Keys, registration =>
        {
            if (Actions.TryRemove(registration, out var cleanup))
            {
                try
                {
                    cleanup();
                }
                catch
                {
                    // Best effort while the process goes away.
                }
            }
        });
    }

    private sealed class Registration : IDisposable
    {
        public void Dispose() => Actions.TryRemove(this, out _);
    }
}
