namespace Search.Core;

/// <summary>
/// Settings of the engine, bound from the <c>Search</c> configuration section (appsettings.json, environment
/// variables such as <c>Search__IndexPath</c>, or the command line).
/// </summary>
public sealed class SearchIndexOptions
{
    public const string SectionName = "Search";

    /// <summary>Index directory; relative paths are resolved once against the content root.</summary>
    public string IndexPath { get; set; } = "index-data";

    /// <summary>Longest time before an acknowledged write is visible to searches without min_generation.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long without a commit before the small segments that frequent commits leave are merged together (see
    /// <c>IdleCompactor</c>); zero turns it off.
    /// </summary>
    public TimeSpan IdleCompactionDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Indexes with at least this many articles search their segments in parallel, one slice per core (see
    /// <c>SegmentSlicer</c>); smaller ones search on the request's thread. A very large value turns it off.
    /// </summary>
    public int ParallelSearchMinDocs { get; set; } = Querying.SegmentSlicer.DefaultMinDocsToSplit;

    /// <summary>IndexWriter RAM buffer before a segment is flushed.</summary>
    public double RamBufferMb { get; set; } = 128;

    /// <summary>Path of an extra gazetteer file that adds or overrides organisation entries; empty for none.</summary>
    public string GazetteerPath { get; set; } = "";

    /// <summary>Source given to plain-text files that have no footer.</summary>
    public string DefaultSource { get; set; } = "unknown";

    /// <summary>Longest time a read waits for a min_generation when the call has no deadline.</summary>
    public TimeSpan MinGenerationWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Folder of articles loaded into an empty index at start (the bundled samples); empty for none.</summary>
    public string SeedPath { get; set; } = "";

    /// <summary>Reindex jobs may read files only under this folder; relative to the repository root or working directory.</summary>
    public string ReindexAllowedRoot { get; set; } = "";

    public SearchLimits Limits { get; set; } = new();
}
