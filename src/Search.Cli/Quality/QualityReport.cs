using System.Globalization;
using Search.Cli.Rendering;
using Search.Core.Organisations;

namespace Search.Cli.Quality;

/// <summary>
/// The result of one evaluation: the scores, and how often each name was missed or predicted wrongly, so the
/// most frequent mistakes can be read off first.
/// </summary>
internal sealed class QualityReport(string title)
{
    public const int TopNames = 15;

    private readonly Dictionary<string, int> missed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> spurious = new(StringComparer.Ordinal);
    private readonly List<string> notes = [];

    public ExtractionScore Score { get; set; } = new(0, 0, 0);

    /// <summary>Texts or articles scored.</summary>
    public int Items { get; set; }

    public IReadOnlyDictionary<string, int> Missed => missed;

    public IReadOnlyDictionary<string, int> Spurious => spurious;

    public void AddMissed(string name) => missed[name] = missed.GetValueOrDefault(name) + 1;

    public void AddSpurious(string name) => spurious[name] = spurious.GetValueOrDefault(name) + 1;

    /// <summary>Something the reader should know about the input (skipped records), printed under the title.</summary>
    public void AddNote(string note) => notes.Add(note);

    public void Write(TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(title);
        foreach (string note in notes)
        {
            output.WriteLine("  " + TerminalText.SingleLine(note));
        }
        TableWriter.Write(output,
        [
            ("scored:", Items.ToString("N0", culture)),
            ("true positives (TP):", Score.TruePositives.ToString("N0", culture)),
            ("false positives (FP):", Score.FalsePositives.ToString("N0", culture)),
            ("false negatives (FN):", Score.FalseNegatives.ToString("N0", culture)),
            ("precision:", Score.Precision.ToString("0.000", culture)),
            ("recall:", Score.Recall.ToString("0.000", culture)),
            ("F1:", Score.F1.ToString("0.000", culture)),
        ], indent: "  ");
        WriteTop(output, $"most missed (top {TopNames}, false negatives):", missed);
        WriteTop(output, $"most spurious (top {TopNames}, false positives):", spurious);
    }

    /// <summary>Most frequent first, then by name so runs print the same.</summary>
    public static IReadOnlyList<(string Name, int Count)> Top(IReadOnlyDictionary<string, int> counts) =>
        counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(TopNames).Select(pair => (pair.Key, pair.Value)).ToList();

    private static void WriteTop(TextWriter output, string heading, Dictionary<string, int> counts)
    {
        output.WriteLine();
        output.WriteLine("  " + heading);
        if (counts.Count == 0)
        {
            output.WriteLine("    (none)");
            return;
        }
        foreach (var (name, count) in Top(counts))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {count,5}  {TerminalText.SingleLine(name)}"));
        }
    }
}
