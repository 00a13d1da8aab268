using Aspire.Hosting.Publishing;

namespace HubAspire.AppHost.Startup;

/// <summary>
/// A parameter default that is a plain value. Unlike <c>AddParameter(name, value)</c>, whose
/// value ignores configuration, a parameter added with this default still takes
/// <c>Parameters:&lt;name&gt;</c> from configuration (command line, environment, appsettings) first.
/// </summary>
public sealed class ConstantParameterDefault(string value) : ParameterDefault
{
    public override string GetDefaultValue() => value;

    public override void WriteToManifest(ManifestPublishingContext context) => context.Writer.WriteString("value", value);
}
