namespace Search.Cli.Ingest;

/// <summary>The server's responses did not match the batches sent (one response per batch, in order).</summary>
internal sealed class IngestProtocolException(string message) : Exception(message);
