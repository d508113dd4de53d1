namespace Search.Cli.Arguments;

/// <summary>A parsed command line: global settings, the command and its own positionals and options.</summary>
internal sealed class ParsedCommand
{
    public required string Name { get; init; }
    public required GlobalOptions Global { get; init; }
    public IReadOnlyList<string> Positionals { get; init; } = [];
    /// <summary>Values of valued options, in the order given, keyed by option name with dashes.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlySet<string> Flags { get; init; } = new HashSet<string>();
    /// <summary>True when help for this command was asked for (<c>search --help</c>).</summary>
    public bool HelpRequested { get; init; }

    public bool Has(string flag) => Flags.Contains(flag);

    public string? Value(string option) => Values.TryGetValue(option, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string option) => Values.TryGetValue(option, out var values) ? values : [];
}
