using System.Runtime.InteropServices;

namespace HubAspire.Testing.Postgres;

/// <summary>PostgreSQL's shutdown modes, chosen by the signal sent to the postmaster.</summary>
internal static class PostmasterSignals
{
    private const int SigInt = 2;
    private const int SigQuit = 3;

    /// <summary>
    /// SIGINT, the fast shutdown: it ends open sessions (pooled connections would make SIGTERM's
    /// smart shutdown wait forever) and exits after its children.
    /// </summary>
    public static void FastShutdown(int processId) => _ = Kill(processId, SigInt);

    /// <summary>SIGQUIT, the immediate shutdown: for a server nobody will use again.</summary>
    public static void ImmediateShutdown(int processId) => _ = Kill(processId, SigQuit);

    // DllImport rather than LibraryImport: a blittable signature needs no marshalling code and so
    // no unsafe blocks in this project.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);
}
