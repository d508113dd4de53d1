using Search.Core.Ingest;

namespace Search.Cli.Ingest;

/// <summary>
/// Running counts of one ingest, updated by the sending task (reader rejections) and the receiving task (server
/// results) at once, hence the lock. Only the first few rejections are kept: a bad feed may have millions.
/// </summary>
internal sealed class IngestTally
{
    public const int KeptRejections = 20;

    private readonly Lock gate = new();
    private readonly List<IngestError> readerErrors = [];
    private readonly List<ServerRejection> serverErrors = [];

    public long Indexed { get { lock (gate) { return indexed; } } }
    public long ReaderRejected { get { lock (gate) { return readerRejected; } } }
    public long ServerRejected { get { lock (gate) { return serverRejected; } } }
    public long Generation { get { lock (gate) { return generation; } } }
    public long Rejected { get { lock (gate) { return readerRejected + serverRejected; } } }

    private long indexed;
    private long readerRejected;
    private long serverRejected;
    private long generation;

    public IReadOnlyList<IngestError> ReaderErrors { get { lock (gate) { return readerErrors.ToList(); } } }
    public IReadOnlyList<ServerRejection> ServerErrors { get { lock (gate) { return serverErrors.ToList(); } } }

    public void AddReaderError(IngestError error)
    {
        lock (gate)
        {
            readerRejected++;
            if (readerErrors.Count < KeptRejections)
            {
                readerErrors.Add(error);
            }
        }
    }

    public void AddBatchResult(int indexedCount, int failedCount, long batchGeneration, IEnumerable<ServerRejection> rejections)
    {
        lock (gate)
        {
            indexed += indexedCount;
            serverRejected += failedCount;
            generation = Math.Max(generation, batchGeneration);
            serverErrors.AddRange(rejections.Take(KeptRejections - serverErrors.Count));
        }
    }
}
