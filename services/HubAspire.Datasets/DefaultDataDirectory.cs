namespace HubAspire.Datasets;

public static class DefaultDataDirectory
{
    /// <summary>
    /// <c>data</c> at the repository root (the first ancestor of the working directory holding
    /// <c>HubAspire.sln</c>), so `dotnet run` from anywhere in the repository writes to the same
    /// git-ignored place; outside a checkout, <c>data</c> under the working directory.
    /// </summary>
    public static string Find()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HubAspire.sln")))
            {
                return Path.Combine(directory.FullName, "data");
            }
        }

        return Path.Combine(Environment.CurrentDirectory, "data");
    }
}
