using System.Diagnostics;

namespace HubAspire.Mapping;

/// <summary>
/// The map step's spans (a file read, a processed file written). They carry the ETL's source name
/// wherever the file is mapped, in the ETL's process or on a silo, so they sit in the ETL run's
/// trace and every host that exports the ETL's spans exports them.
/// </summary>
public static class MappingTelemetry
{
    public const string Name = "HubAspire.Etl";

    public static readonly ActivitySource Source = new(Name);
}
