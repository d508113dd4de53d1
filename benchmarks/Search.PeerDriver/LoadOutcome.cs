namespace Search.PeerDriver;

/// <summary>Everything one load run measured, for the JSON and markdown reports.</summary>
internal sealed class LoadOutcome(
    string corpusName, LoadCorpus corpus, ServerSession session, LoadRecorder recorder,
    LoadWriter writer, LoadDeleter deleter, IReadOnlyList<LoadSearcher> searchers)
{
    public string CorpusName => corpusName;
    public LoadCorpus Corpus => corpus;
    public ServerSession Session => session;
    public LoadRecorder Recorder => recorder;
    public LoadWriter Writer => writer;
    public LoadDeleter Deleter => deleter;
    public IReadOnlyList<LoadSearcher> SearcherLoops => searchers;

    public double Seconds { get; init; }
    public double WallSeconds { get; init; }
    public int Searchers { get; init; }
    public int WriteBatch { get; init; }
    public int Seed { get; init; }
    public TimeSpan Deadline { get; init; }
    public long RssStartBytes { get; init; }
    public long RssEndBytes { get; init; }
    public long RssPeakBytes { get; init; }
    public long ExpectedLive { get; init; }
    public long ActualLive { get; init; }
    public int Segments { get; init; }
    public long DeletedDocs { get; init; }

    public long RssBoundBytes => (long)(LoadBenchmark.RssFactor * RssStartBytes) + LoadBenchmark.RssSlackMiB * 1024L * 1024L;

    public bool RssHeld => RssEndBytes <= RssBoundBytes;

    public bool CountsAgree => ExpectedLive == ActualLive;

    public bool Passed => recorder.FailureCount == 0 && CountsAgree && RssHeld;
}
