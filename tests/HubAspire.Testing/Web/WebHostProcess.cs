using HubAspire.Testing.FileSystem;

namespace HubAspire.Testing.Web;

/// <summary>
/// The real web host (HubAspire.Web.dll) in its own process, as the AppHost runs it, with the
/// API's address in place of service discovery's. The caller names the build to run (the tests
/// their own configuration's, the benchmark the Release one).
/// </summary>
public static class WebHostProcess
{
    /// <summary>The web project's own output in <paramref name="configuration"/> (built by a project reference to it).</summary>
    public static string BuiltDll(string configuration) =>
        Path.Combine(RepositoryRoot.Path, "web", "HubAspire.Web", "bin", configuration, "net10.0", "HubAspire.Web.dll");

    public static Task<HostProcess> StartAsync(string webHostDll, Uri apiAddress, CancellationToken cancellationToken) =>
        // Started from a temp folder: the host must not depend on where it is started from.
        HostProcess.StartAsync(webHostDll, Path.GetTempPath(),
            new Dictionary<string, string> { ["Web__ApiAddress"] = apiAddress.ToString().TrimEnd('/') }, cancellationToken);
}
