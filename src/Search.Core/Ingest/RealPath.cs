namespace Search.Core.Ingest;

/// <summary>
/// Resolves a path the way the operating system does, following symbolic links in every component, so two paths
/// to the same directory compare equal. Used to detect directory loops made with links.
/// </summary>
internal static class RealPath
{
    /// <summary>The same limit as Linux (MAXSYMLINKS): more hops than this means a link cycle.</summary>
    private const int MaxLinkHops = 40;

    public static StringComparer Comparer { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>Returns the link-free absolute path, or null when links form a cycle.</summary>
    public static string? Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        string current = Path.GetPathRoot(full) ?? "";
        var pending = new Stack<string>(Enumerable.Reverse(Components(full, current.Length)));
        int hops = 0;
        while (pending.Count > 0)
        {
            string part = pending.Pop();
            if (part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            string candidate = Path.Combine(current, part);
            string? target = LinkTarget(candidate);
            if (target is null)
            {
                current = candidate;
                continue;
            }
            if (++hops > MaxLinkHops)
            {
                return null;
            }
            // A relative target is relative to the link's own directory (current); an absolute one restarts at its root.
            string[] targetComponents = Components(target, 0);
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? "";
                targetComponents = Components(target, current.Length);
            }
            foreach (string component in Enumerable.Reverse(targetComponents))
            {
                pending.Push(component);
            }
        }
        return current;
    }

    private static string[] Components(string path, int skip) =>
        path[skip..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar],
            StringSplitOptions.RemoveEmptyEntries);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
