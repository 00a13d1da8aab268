namespace HubAspire.Mapping;

/// <summary>A foreseeable failure whose message says what is wrong and what to do; shown as one line.</summary>
public sealed class EtlException(string message) : Exception(message);
