namespace HubAspire.Testing.FileSystem;

/// <summary>The checkout a test or benchmark program was built from: the first directory above it holding <c>HubAspire.sln</c>.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "HubAspire.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No HubAspire.sln above {AppContext.BaseDirectory}: run this from the repository's build output.");
    }
}
