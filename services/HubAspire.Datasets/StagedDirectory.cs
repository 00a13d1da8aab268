namespace HubAspire.Datasets;

/// <summary>
/// Builds a directory out of sight and publishes it whole. Files are written under a hidden
/// sibling (<c>.name.staging-…</c>); <see cref="Publish"/> swaps it in for the target; disposing
/// an unpublished stage deletes it. So an interrupted run never leaves a partial file under a
/// final name, and the previous dataset stays readable until the new one is complete.
/// </summary>
public sealed class StagedDirectory : IDisposable
{
    private bool _published;

    private StagedDirectory(string target, string path)
    {
        Target = target;
        Path = path;
    }

    /// <summary>The directory the stage becomes when published.</summary>
    public string Target { get; }

    /// <summary>Where to write now.</summary>
    public string Path { get; }

    /// <summary>Creates a fresh stage for <paramref name="target"/>, first removing stages that earlier, killed runs left behind.</summary>
    public static StagedDirectory Create(string target)
    {
        var parent = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(target))!;
        Directory.CreateDirectory(parent);
        var name = System.IO.Path.GetFileName(target);
        foreach (var stale in Directory.EnumerateDirectories(parent, $".{name}.staging-*")
                     .Concat(Directory.EnumerateDirectories(parent, $".{name}.old-*")))
        {
            Directory.Delete(stale, recursive: true);
        }

        var path = System.IO.Path.Combine(parent, $".{name}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new StagedDirectory(System.IO.Path.GetFullPath(target), path);
    }

    /// <summary>Replaces the target with the stage: two renames, then the old copy is deleted.</summary>
    public void Publish()
    {
        string? retired = null;
        if (Directory.Exists(Target))
        {
            retired = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Target)!,
                $".{System.IO.Path.GetFileName(Target)}.old-{Guid.NewGuid():N}");
            Directory.Move(Target, retired);
        }

        Directory.Move(Path, Target);
        _published = true;
        if (retired is not null)
        {
            Directory.Delete(retired, recursive: true);
        }
    }

    public void Dispose()
    {
        if (!_published && Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
