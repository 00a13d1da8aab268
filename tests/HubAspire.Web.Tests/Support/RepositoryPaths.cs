using System.Reflection;
using HubAspire.Testing.Web;

namespace HubAspire.Web.Tests.Support;

/// <summary>Where the repository and the web host's build output are, seen from the test assembly.</summary>
public static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    /// <summary>The web project's own output (built by this project's reference), in this build's configuration.</summary>
    public static string WebHostDll => WebHostProcess.BuiltDll(
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug");

    public static string JavaScriptTests => Path.Combine(Root, "tests", "HubAspire.Web.Tests", "JavaScript");

    /// <summary>Screenshots the browser tests take, for a person to look at (git-ignored).</summary>
    public static string Screenshots => Path.Combine(Root, "TestResults", "screenshots");

    /// <summary>Where a test's screenshot <paramref name="name"/> goes (the folder made if need be).</summary>
    public static string Screenshot(string name) => Path.Combine(Directory.CreateDirectory(Screenshots).FullName, $"{name}.png");
}
