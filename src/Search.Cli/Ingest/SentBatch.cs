namespace Search.Cli.Ingest;

/// <summary>A batch written to the stream and not yet answered: its 1-based number and its article ids by position.</summary>
internal sealed record SentBatch(int Number, IReadOnlyList<string> Ids);
