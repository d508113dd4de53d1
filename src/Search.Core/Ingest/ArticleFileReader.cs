namespace Search.Core.Ingest;

/// <summary>
/// Reads articles from files and directories: <c>.jsonl</c>/<c>.json</c> as JSON Lines, <c>.txt</c> as one
/// plain-text article. Problems (missing paths, unreadable files, link loops, bad records) become failed records
/// and reading goes on, so one bad file never stops a bulk load.
/// </summary>
public static class ArticleFileReader
{
    /// <summary>
    /// Reads every path in the given order, lazily. Directories are walked recursively, depth first, entries in
    /// ordinal name order so runs are reproducible; there, files of other types are skipped silently, whereas an
    /// explicitly named file of another type is reported.
    /// </summary>
    public static IEnumerable<IngestRecord> Read(IReadOnlyList<string> paths, ArticleReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        return ReadAll(paths, options);
    }

    private static IEnumerable<IngestRecord> ReadAll(IReadOnlyList<string> paths, ArticleReaderOptions options)
    {
        // Shared across all paths so a directory reachable twice (named twice, or through a link) is read once.
        var visited = new HashSet<string>(RealPath.Comparer);
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (IngestRecord record in ReadDirectory(path, options, visited, []))
                {
                    yield return record;
                }
            }
            else if (IsBrokenLink(path))
            {
                yield return Failed(path,
                    "not found: this symbolic link points nowhere (missing target, or links forming a loop)");
            }
            else if (File.Exists(path))
            {
                if (ArticleFileFormat.FromPath(path) == ArticleFileFormat.Unsupported)
                {
                    yield return Failed(path, $"unsupported file type \"{Path.GetExtension(path)}\": " +
                        "expected .jsonl or .json (JSON Lines) or .txt (plain text)");
                    continue;
                }
                foreach (IngestRecord record in ArticleFileParsing.ReadFile(path, options))
                {
                    yield return record;
                }
            }
            else
            {
                yield return Failed(path, "not found: no file or directory at this path");
            }
        }
    }

    /// <param name="ancestors">Real paths of the directories being walked above this one, to tell loops apart.</param>
    private static IEnumerable<IngestRecord> ReadDirectory(
        string path, ArticleReaderOptions options, HashSet<string> visited, List<string> ancestors)
    {
        string? realPath = RealPath.Resolve(path);
        if (realPath is null)
        {
            yield return Failed(path, "symbolic link loop: the links in this path never reach a real directory");
            yield break;
        }
        if (ancestors.Contains(realPath, RealPath.Comparer))
        {
            yield return Failed(path, $"symbolic link loop: this directory is {realPath}, which contains it; skipped");
            yield break;
        }
        if (!visited.Add(realPath))
        {
            // Reached again through another link: its files were already read, reading them twice adds nothing.
            yield break;
        }

        (FileSystemInfo[]? entries, string? error) = ArticleFileParsing.ListDirectory(path);
        if (error is not null)
        {
            yield return Failed(path, error);
            yield break;
        }

        ancestors.Add(realPath);
        foreach (FileSystemInfo entry in entries!)
        {
            string entryPath = Path.Combine(path, entry.Name);
            IEnumerable<IngestRecord> records = entry switch
            {
                DirectoryInfo => ReadDirectory(entryPath, options, visited, ancestors),
                _ when ArticleFileFormat.FromPath(entryPath) == ArticleFileFormat.Unsupported => [],
                _ => ArticleFileParsing.ReadFile(entryPath, options),
            };
            foreach (IngestRecord record in records)
            {
                yield return record;
            }
        }
        ancestors.RemoveAt(ancestors.Count - 1);
    }

    /// <summary>File.Exists is true for a dangling link, which would then fail later with a vaguer message.</summary>
    private static bool IsBrokenLink(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true };
        }
        catch (IOException)
        {
            // Thrown for link cycles (too many levels of symbolic links).
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static IngestRecord Failed(string location, string message) =>
        IngestRecord.Failed(new IngestError(location, null, message));
}
