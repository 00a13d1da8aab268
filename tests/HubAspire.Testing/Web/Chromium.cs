using Microsoft.Playwright;

namespace HubAspire.Testing.Web;

/// <summary>
/// Headless Chromium from Debian (/usr/bin/chromium), driven by Playwright: nothing downloads a
/// browser. The flags are those measured to work on these machines (as root, no GPU, offline).
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Overrides the browser binary (another distribution's path).</summary>
    public const string PathVariable = "HUBASPIRE_TEST_CHROMIUM";

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : DefaultPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"No Chromium at {path}. Install Debian's: apt-get install chromium (or set {PathVariable} to a Chromium binary).", path);
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Args = Flags });
    }
}
