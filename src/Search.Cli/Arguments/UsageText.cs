namespace Search.Cli.Arguments;

/// <summary>The help text: a general overview and one section per command.</summary>
internal static class UsageText
{
    private const string Globals = """
        Global options (before or after the command):
          --server URL      the gRPC server (default http://127.0.0.1:50051, or $SEARCH_SERVER)
          --api-key KEY     sent as the x-api-key header (or $SEARCH_API_KEY)
        """;

    private static readonly Dictionary<string, string> Sections = new(StringComparer.Ordinal)
    {
        ["serve"] = """
            search serve [server options...]
              Runs the search service in this process. Server options include
              --urls URL, --index-path DIR and --seed-path DIR (empty for no seeding).
            """,
        ["ingest"] = """
            search ingest PATH... [--batch-size N] [--source-default NAME]
              Indexes files and directories: .jsonl/.json (JSON Lines) and .txt (plain text).
              --batch-size N          articles per request (default 500)
              --source-default NAME   source for plain-text files without a source footer
              Exit code 0 when every record was indexed, 1 when some were rejected.
            """,
        ["search"] = """
            search search [QUERY] [options]
              Runs a query (words, OR, NOT/-word, "phrases", field:value, prefix*, fuzzy~).
              --source S, --org O, --tag T, --author A   filters; repeat for any of several values
              --from DATE, --to DATE    publication range, inclusive (2018-04-01 or an ISO date-time, UTC)
              --facets F,F              count facets: source, organisation, tag, author, published
              --facet-limit N           values per facet (default 10)
              --page-size N             hits per page (default 10, at most 100)
              --page-token T            continue after a previous page
              --sort relevance|newest|oldest
              --min-generation G        wait until generation G (printed by ingest) is searchable
              --no-highlight            do not highlight matches
              --json                    print the raw response as JSON
            """,
        ["get"] = """
            search get ID [--min-generation G] [--json]
              Prints one article with its body and organisation mentions.
              --min-generation G   wait until generation G (printed by ingest) is visible
            """,
        ["stats"] = """
            search stats [--json]
              Prints the size and state of the index.
            """,
        ["delete"] = """
            search delete ID...
              Deletes articles by id; unknown ids are ignored.
            """,
        ["reindex"] = """
            search reindex [--from PATH...] [--replace]
            search reindex --cancel ID
              Rebuilds the index in the background on the server (searches and writes go on) and
              shows its progress until it ends. Without --from the live index's own articles are
              re-analysed; --from reads files and directories on the server, under its
              Search:ReindexAllowedRoot, and keeps live articles missing from them unless --replace.
              Ctrl+C stops watching only: the job keeps running (exit code 130).
              --from PATH     a file or directory on the server; repeat for several
              --replace       drop live articles that are not in the files
              --cancel ID     cancel a running job; the live index stays as it was
              Exit code 0 when the job succeeded, 1 when it failed or was cancelled.
            """,
        ["jobs"] = """
            search jobs [--json]
              Lists the server's recent reindex jobs, newest first.
            """,
        ["job"] = """
            search job ID [--json]
              Shows one reindex job with its first rejected articles.
            """,
        ["quality"] = """
            search quality [--articles FILE] [--mentions FILE] [--gazetteer FILE]
              Measures organisation extraction locally (no server): true and false positives,
              false negatives, precision, recall, F1 and the names most often missed or spurious.
              --articles FILE   articles (JSON Lines or text) whose "organisations" are the gold
                                list, compared with what is extracted from title and body
              --mentions FILE   gold mentions, one {"text", "mentions": [{"text", "start", "end",
                                "organisation"}]} per line, compared span by span
              --gazetteer FILE  a gazetteer file merged over the default one, as the server's
            """,
        ["help"] = """
            search help [COMMAND]
              Shows this help, or the help of one command (also: search COMMAND --help).
            """,
    };

    /// <summary>The usage of every command.</summary>
    public static string General() =>
        "Usage: search [global options] COMMAND [arguments]\n\nCommands:\n" +
        string.Join("\n", Sections.Values.Select(Indent)) + "\n" + Globals + "\n";

    /// <summary>The usage of one command, or the general usage when the name is unknown or null.</summary>
    public static string For(string? command) =>
        command is not null && Sections.TryGetValue(command, out string? section)
            ? "Usage:\n" + Indent(section) + "\n" + Globals + "\n"
            : General();

    private static string Indent(string section) =>
        string.Join("\n", section.Split('\n').Select(line => "  " + line)) + "\n";
}
