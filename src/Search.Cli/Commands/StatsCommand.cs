using System.Globalization;
using Search.Cli.Connection;
using Search.Cli.Rendering;
using Search.Contracts.V1;

namespace Search.Cli.Commands;

/// <summary><c>stats [--json]</c>: the size and state of the live index as a small table.</summary>
internal sealed class StatsCommand(bool json, ServerConnection connection, CliConsole console)
{
    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        IndexStats stats = await connection.Index.GetIndexStatsAsync(new GetIndexStatsRequest(), cancellationToken: cancellation);
        if (json)
        {
            JsonOutput.Write(console.Out, stats);
            return ExitCodes.Success;
        }
        var rows = new List<(string, string)>
        {
            ("articles", Number(stats.ArticleCount)),
            ("deleted (not yet merged)", Number(stats.DeletedCount)),
            ("size (bytes)", Number(stats.SizeBytes)),
            ("segments", Number(stats.SegmentCount)),
            ("last commit", stats.LastCommit is null ? "never" : stats.LastCommit.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture)),
            ("generation", Number(stats.Generation)),
            ("searchable generation", Number(stats.SearchableGeneration)),
            ("index path", TerminalText.SingleLine(stats.IndexPath)),
            ("gazetteer version", TerminalText.SingleLine(stats.GazetteerVersion)),
        };
        foreach (var (version, count) in stats.ArticlesByGazetteerVersion.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            rows.Add(($"  tagged by gazetteer {TerminalText.SingleLine(version)}", Number(count)));
        }
        TableWriter.Write(console.Out, rows);
        return ExitCodes.Success;
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
