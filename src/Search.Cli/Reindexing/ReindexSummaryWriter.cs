using Search.Cli.Rendering;
using Search.Contracts.V1;

namespace Search.Cli.Reindexing;

/// <summary>One job in full: what <c>reindex</c> prints when the job ends and what <c>job ID</c> prints.</summary>
internal static class ReindexSummaryWriter
{
    /// <summary>Enough to see what kind of articles were rejected; <c>job ID --json</c> has the server's first 100.</summary>
    public const int ErrorsShown = 20;

    public static void Write(TextWriter output, ReindexJob job)
    {
        (string Label, string Value)[] rows =
        [
            ("job:", job.Id),
            ("state:", ReindexJobText.State(job.State)),
            ("message:", TerminalText.SingleLine(job.Message)),
            ("processed:", ReindexJobText.Progress(job)),
            ("failed:", ReindexJobText.Number(job.Failed)),
            ("rate:", ReindexJobText.Rate(job.ArticlesPerSecond)),
            ("started:", ReindexJobText.Time(job.Started)),
            ("finished:", ReindexJobText.Time(job.Finished)),
            ("generation:", job.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        // Left-aligned throughout: TableWriter would right-align the numbers to the width of the message.
        int labelWidth = rows.Max(row => row.Label.Length);
        foreach (var (label, value) in rows)
        {
            output.WriteLine($"{label.PadRight(labelWidth)}  {value}".TrimEnd());
        }
        if (job.Errors.Count == 0)
        {
            return;
        }
        output.WriteLine();
        output.WriteLine($"rejected articles (first {Math.Min(ErrorsShown, job.Errors.Count)} of {ReindexJobText.Number(job.Failed)}):");
        foreach (ArticleError error in job.Errors.Take(ErrorsShown))
        {
            string id = error.Id.Length == 0 ? "(no id)" : TerminalText.SingleLine(error.Id);
            output.WriteLine($"  {id}: {TerminalText.SingleLine(error.Message)}");
        }
    }
}
