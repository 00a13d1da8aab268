namespace HubAspire.Store;

/// <summary>
/// Where a run stands. Only <see cref="Succeeded"/> runs have cells and are served; a run left
/// <see cref="Running"/> by a killed process stays so until pruned, and blocks nothing.
/// </summary>
public enum RunStatus
{
    Running,
    Succeeded,
    Failed,
}
