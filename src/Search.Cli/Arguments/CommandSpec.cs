namespace Search.Cli.Arguments;

/// <summary>What one command accepts: its options by name (with leading dashes) and how many positionals.</summary>
internal sealed record CommandSpec(
    string Name,
    IReadOnlyDictionary<string, OptionKind> Options,
    int MinPositionals,
    int MaxPositionals,
    string PositionalName);
