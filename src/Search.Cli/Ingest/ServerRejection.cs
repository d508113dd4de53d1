namespace Search.Cli.Ingest;

/// <summary>An article the server refused: its id, where it was in which batch (both 1-based), and why.</summary>
internal sealed record ServerRejection(string Id, int Batch, int Position, string Message);
