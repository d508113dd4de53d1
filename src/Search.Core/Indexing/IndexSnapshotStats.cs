namespace Search.Core.Indexing;

/// <summary>Size and shape of the searchable index.</summary>
public sealed record IndexSnapshotStats(
    long ArticleCount,
    long DeletedCount,
    long SizeBytes,
    int SegmentCount,
    DateTimeOffset? LastCommit,
    IReadOnlyDictionary<string, long> ArticlesByGazetteerVersion);
