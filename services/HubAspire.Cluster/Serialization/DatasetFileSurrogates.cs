using HubAspire.Datasets.Manifest;
using HubAspire.Mapping.Processed;

namespace HubAspire.Cluster.Serialization;

// The dataset records that cross between a caller and the silos, field for field; their own
// libraries stay free of Orleans.

[GenerateSerializer, Alias("hubaspire.manifest-file")]
public struct ManifestFileSurrogate
{
    [Id(0)] public string Path;
    [Id(1)] public long Rows;
    [Id(2)] public long Bytes;
}

[RegisterConverter]
public sealed class ManifestFileConverter : IConverter<ManifestFile, ManifestFileSurrogate>
{
    public ManifestFileSurrogate ConvertToSurrogate(in ManifestFile value) => new() { Path = value.Path, Rows = value.Rows, Bytes = value.Bytes };

    public ManifestFile ConvertFromSurrogate(in ManifestFileSurrogate surrogate) => new(surrogate.Path, surrogate.Rows, surrogate.Bytes);
}

[GenerateSerializer, Alias("hubaspire.processed-stage")]
public struct ProcessedStageSurrogate
{
    [Id(0)] public string Path;
    [Id(1)] public string Directory;
}

[RegisterConverter]
public sealed class ProcessedStageConverter : IConverter<ProcessedStage, ProcessedStageSurrogate>
{
    public ProcessedStageSurrogate ConvertToSurrogate(in ProcessedStage value) => new() { Path = value.Path, Directory = value.Directory };

    public ProcessedStage ConvertFromSurrogate(in ProcessedStageSurrogate surrogate) => new(surrogate.Path, surrogate.Directory);
}

[GenerateSerializer, Alias("hubaspire.processed-file")]
public struct ProcessedFileSurrogate
{
    [Id(0)] public ManifestFile File;
    [Id(1)] public TimeSpan WritingTime;
}

[RegisterConverter]
public sealed class ProcessedFileConverter : IConverter<ProcessedFile, ProcessedFileSurrogate>
{
    public ProcessedFileSurrogate ConvertToSurrogate(in ProcessedFile value) => new() { File = value.File, WritingTime = value.WritingTime };

    public ProcessedFile ConvertFromSurrogate(in ProcessedFileSurrogate surrogate) => new(surrogate.File, surrogate.WritingTime);
}
