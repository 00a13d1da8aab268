namespace HubAspire.Testing.Cleanup;

/// <summary>Removing what a stopped server wrote.</summary>
public static class Directories
{
    /// <summary>
    /// Deletes <paramref name="directory"/> and everything in it, if it exists. A server process
    /// may still be unlinking its files for a moment after it exits, so a failure is retried a few
    /// times, <paramref name="pause"/> apart, before it is thrown.
    /// </summary>
    public static void DeleteWithRetries(string directory, TimeSpan pause)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 10)
            {
                Thread.Sleep(pause);
            }
        }
    }
}
