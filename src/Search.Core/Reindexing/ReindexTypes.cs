namespace Search.Core.Reindexing;

/// <summary>Where a rebuild reads its articles.</summary>
public enum ReindexSourceKind
{
    LiveIndex = 0,
    Files = 1,
    LiveIndexAndFiles = 2,
}

/// <summary>Lifecycle of a rebuild (same values as the wire enum).</summary>
public enum ReindexState
{
    Unspecified = 0,
    Queued = 1,
    Running = 2,
    Validating = 3,
    Swapping = 4,
    Succeeded = 5,
    Failed = 6,
    Cancelled = 7,
}

/// <summary>A request for a rebuild.</summary>
public sealed record ReindexRequest(ReindexSourceKind Source, IReadOnlyList<string> Paths, bool Replace);

/// <summary>One rejected article of a rebuild: its id, its position in the source (file:line or ordinal), why.</summary>
public sealed record ReindexError(string Id, int Index, string Message);

/// <summary>A point-in-time view of a job, safe to hand out and to persist.</summary>
public sealed record ReindexJobSnapshot(
    string Id,
    ReindexState State,
    long Processed,
    long Total,
    long Failed,
    double ArticlesPerSecond,
    TimeSpan? Eta,
    IReadOnlyList<ReindexError> Errors,
    DateTimeOffset Started,
    DateTimeOffset? Finished,
    string Message,
    long Generation,
    ReindexRequest Request)
{
    public bool IsFinished => State is ReindexState.Succeeded or ReindexState.Failed or ReindexState.Cancelled;
}
