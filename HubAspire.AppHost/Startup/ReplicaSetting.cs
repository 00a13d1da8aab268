namespace HubAspire.AppHost.Startup;

/// <summary>A setting that counts processes of one project (silos, API replicas).</summary>
public static class ReplicaSetting
{
    private const int Maximum = 64;

    /// <summary>The setting's count, <paramref name="minimum"/> when unset; anything but a whole number from the minimum to 64 stops the AppHost saying so.</summary>
    public static int Read(IDistributedApplicationBuilder builder, string setting, int minimum)
    {
        var text = builder.Configuration[setting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return minimum;
        }

        return int.TryParse(text, out var count) && count >= minimum && count <= Maximum
            ? count
            : throw new AppHostStartupException($"{setting} is '{text}': it must be a whole number from {minimum} to {Maximum}.");
    }
}
