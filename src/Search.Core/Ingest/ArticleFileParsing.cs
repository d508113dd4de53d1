namespace Search.Core.Ingest;

/// <summary>
/// File-system access for <see cref="ArticleFileReader"/>, with I/O exceptions turned into failed records.
/// Kept apart because C# iterators cannot yield inside a try block that has a catch.
/// </summary>
internal static class ArticleFileParsing
{
    private const int ReadBufferSize = 64 * 1024;

    /// <summary>Parses one file of a supported type; open and read failures become a failed record.</summary>
    public static IEnumerable<IngestRecord> ReadFile(string path, ArticleReaderOptions options)
    {
        (FileStream? stream, string? error) = Open(path);
        if (stream is null)
        {
            yield return Failed(path, error!);
            yield break;
        }
        using (stream)
        {
            IEnumerable<IngestRecord> records = ArticleFileFormat.FromPath(path) == ArticleFileFormat.JsonLines
                ? JsonLinesArticleParser.Parse(stream, path, options)
                : ParsePlainText(stream, path, options);
            using IEnumerator<IngestRecord> enumerator = records.GetEnumerator();
            while (true)
            {
                (bool hasRecord, IngestRecord? record) = MoveNext(enumerator, path);
                if (record is not null)
                {
                    yield return record;
                }
                if (!hasRecord)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>Lists a directory's entries in ordinal name order, or says why it cannot be listed.</summary>
    public static (FileSystemInfo[]? Entries, string? Error) ListDirectory(string path)
    {
        try
        {
            FileSystemInfo[] entries = new DirectoryInfo(path).GetFileSystemInfos();
            Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            return (entries, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot list directory: {ex.Message}");
        }
    }

    private static IEnumerable<IngestRecord> ParsePlainText(Stream stream, string path, ArticleReaderOptions options)
    {
        yield return PlainTextArticleParser.Parse(stream, path, options);
    }

    private static (FileStream? Stream, string? Error) Open(string path)
    {
        try
        {
            return (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBufferSize,
                FileOptions.SequentialScan), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, ex is FileNotFoundException or DirectoryNotFoundException
                ? "not found: no file at this path (a broken symbolic link?)"
                : $"cannot read file: {ex.Message}");
        }
    }

    /// <summary>Advances <paramref name="enumerator"/>; a read error ends the file with one failed record.</summary>
    private static (bool HasRecord, IngestRecord? Record) MoveNext(IEnumerator<IngestRecord> enumerator, string path)
    {
        try
        {
            return enumerator.MoveNext() ? (true, enumerator.Current) : (false, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (false, Failed(path, $"cannot read file: {ex.Message}"));
        }
    }

    private static IngestRecord Failed(string location, string message) =>
        IngestRecord.Failed(new IngestError(location, null, message));
}
