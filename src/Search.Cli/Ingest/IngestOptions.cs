using Search.Cli.Arguments;

namespace Search.Cli.Ingest;

/// <summary>What <c>ingest</c> reads and how it batches.</summary>
internal sealed record IngestOptions(IReadOnlyList<string> Paths, int BatchSize = IngestOptions.DefaultBatchSize, string? DefaultSource = null)
{
    public const int DefaultBatchSize = 500;
    /// <summary>The server's default cap on articles per request.</summary>
    public const int MaxBatchSize = 10_000;

    public static IngestOptions From(ParsedCommand command) => new(
        command.Positionals,
        OptionValues.Integer(command, "--batch-size", 1, MaxBatchSize) ?? DefaultBatchSize,
        command.Value("--source-default"));
}
