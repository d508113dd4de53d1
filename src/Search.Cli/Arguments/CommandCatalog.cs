namespace Search.Cli.Arguments;

/// <summary>The commands the parser knows and the options each accepts.</summary>
internal static class CommandCatalog
{
    public const string Serve = "serve";
    public const string Help = "help";
    /// <summary>Runs locally, without a server.</summary>
    public const string Quality = "quality";

    /// <summary>Options accepted by every command, before or after the command name.</summary>
    public static readonly IReadOnlyDictionary<string, OptionKind> GlobalOptions = new Dictionary<string, OptionKind>
    {
        ["--server"] = OptionKind.Single,
        ["--api-key"] = OptionKind.Single,
    };

    public static readonly IReadOnlyDictionary<string, CommandSpec> Commands = new[]
    {
        new CommandSpec("ingest", new Dictionary<string, OptionKind>
        {
            ["--batch-size"] = OptionKind.Single,
            ["--source-default"] = OptionKind.Single,
        }, MinPositionals: 1, MaxPositionals: int.MaxValue, PositionalName: "PATH"),
        new CommandSpec("search", new Dictionary<string, OptionKind>
        {
            ["--source"] = OptionKind.Repeated,
            ["--org"] = OptionKind.Repeated,
            ["--tag"] = OptionKind.Repeated,
            ["--author"] = OptionKind.Repeated,
            ["--from"] = OptionKind.Single,
            ["--to"] = OptionKind.Single,
            ["--facets"] = OptionKind.Repeated,
            ["--facet-limit"] = OptionKind.Single,
            ["--page-size"] = OptionKind.Single,
            ["--page-token"] = OptionKind.Single,
            ["--sort"] = OptionKind.Single,
            ["--min-generation"] = OptionKind.Single,
            ["--no-highlight"] = OptionKind.Flag,
            ["--json"] = OptionKind.Flag,
        }, MinPositionals: 0, MaxPositionals: 1, PositionalName: "QUERY"),
        new CommandSpec("get", new Dictionary<string, OptionKind>
        {
            ["--min-generation"] = OptionKind.Single,
            ["--json"] = OptionKind.Flag,
        }, MinPositionals: 1, MaxPositionals: 1, PositionalName: "ID"),
        new CommandSpec("stats", new Dictionary<string, OptionKind>
        {
            ["--json"] = OptionKind.Flag,
        }, MinPositionals: 0, MaxPositionals: 0, PositionalName: ""),
        new CommandSpec("delete", new Dictionary<string, OptionKind>(), MinPositionals: 1, MaxPositionals: int.MaxValue,
            PositionalName: "ID"),
        new CommandSpec("reindex", new Dictionary<string, OptionKind>
        {
            ["--from"] = OptionKind.Repeated,
            ["--replace"] = OptionKind.Flag,
            ["--cancel"] = OptionKind.Single,
        }, MinPositionals: 0, MaxPositionals: 0, PositionalName: ""),
        new CommandSpec("jobs", new Dictionary<string, OptionKind>
        {
            ["--json"] = OptionKind.Flag,
        }, MinPositionals: 0, MaxPositionals: 0, PositionalName: ""),
        new CommandSpec("job", new Dictionary<string, OptionKind>
        {
            ["--json"] = OptionKind.Flag,
        }, MinPositionals: 1, MaxPositionals: 1, PositionalName: "ID"),
        new CommandSpec(Quality, new Dictionary<string, OptionKind>
        {
            ["--articles"] = OptionKind.Single,
            ["--mentions"] = OptionKind.Single,
            ["--gazetteer"] = OptionKind.Single,
        }, MinPositionals: 0, MaxPositionals: 0, PositionalName: ""),
    }.ToDictionary(spec => spec.Name, StringComparer.Ordinal);

    public static bool IsKnown(string name) => name is Serve or Help || Commands.ContainsKey(name);
}
