namespace Search.Core.Tests.Ingest;

/// <summary>A fresh directory under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("search-ingest-tests-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> at a path relative to this directory, creating folders as needed.</summary>
    public string WriteFile(string relativePath, string content) => WriteBytes(relativePath,
        System.Text.Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string relativePath, byte[] content)
    {
        string full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            // Links are deleted as links, never followed, so a loop cannot make this recurse forever.
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
