using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Search.Core.Model;
using Search.Core.Organisations;

namespace Search.Cli.Tests;

/// <summary><c>quality</c> on the extractor's own gold set and on a small article file with known answers.</summary>
public class QualityCommandTests
{
    private static string TestPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", "quality", .. parts]);

    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var console = TestConsole.Create();
        int exitCode = await CliApp.RunAsync(["quality", .. args], console.Console);
        return (exitCode, console.Out.ToString(), console.Error.ToString());
    }

    private static int Count(string output, string label) =>
        int.Parse(Regex.Match(output, Regex.Escape(label) + @"\s+([\d,]+)").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Mentions_on_the_gold_set_print_the_same_counts_as_the_core_scorer()
    {
        // The expected figures come from the scorer directly, so the command's own reading and matching are checked.
        var scorer = new ExtractionScorer();
        var extractor = new OrganisationExtractor();
        foreach (string line in File.ReadLines(TestPath("gold-mentions.jsonl")).Where(l => l.Length > 0))
        {
            using JsonDocument json = JsonDocument.Parse(line);
            string text = json.RootElement.GetProperty("text").GetString()!;
            var gold = json.RootElement.GetProperty("mentions").EnumerateArray().Select(m => new OrganisationMention(
                m.GetProperty("organisation").GetString()!, m.GetProperty("text").GetString()!, "body",
                m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32())).ToList();
            scorer.AddMentions(gold, extractor.Extract("", text, []).Mentions);
        }

        var (exitCode, output, error) = await RunAsync("--mentions", TestPath("gold-mentions.jsonl"));

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Equal(scorer.Mentions.TruePositives, Count(output, "true positives (TP):"));
        Assert.Equal(scorer.Mentions.FalsePositives, Count(output, "false positives (FP):"));
        Assert.Equal(scorer.Mentions.FalseNegatives, Count(output, "false negatives (FN):"));
        Assert.Contains("F1:", output, StringComparison.Ordinal);
        Assert.Contains(scorer.Mentions.Precision.ToString("0.000", CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
        Assert.Contains("most missed (top 15", output, StringComparison.Ordinal);
        // At most 15 names are listed under each heading.
        string missed = output[output.IndexOf("most missed", StringComparison.Ordinal)..output.IndexOf("most spurious", StringComparison.Ordinal)];
        Assert.InRange(Regex.Count(missed, @"(?m)^\s+\d+  \S"), Math.Min(1, scorer.Mentions.FalseNegatives), 15);
    }

    [Fact]
    public async Task Articles_compare_canonical_names_and_list_what_was_missed()
    {
        var (exitCode, output, error) = await RunAsync("--articles", TestPath("articles.jsonl"));

        Assert.True(exitCode == ExitCodes.Success, error);
        // q1: "europol" is canonicalised to Europol and found; the made-up consortium is not in the text.
        // q2: nothing to find. q3 has no gold list and is skipped.
        Assert.Equal(2, Count(output, "scored:"));
        Assert.Equal(1, Count(output, "true positives (TP):"));
        Assert.Equal(0, Count(output, "false positives (FP):"));
        Assert.Equal(2, Count(output, "false negatives (FN):"));
        Assert.Matches(@"precision:\s+1\.000", output);
        Assert.Matches(@"recall:\s+0\.333", output);
        Assert.Matches(@"F1:\s+0\.500", output);
        Assert.Contains("skipped 1 article(s) without gold organisations", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+1  Zyxwv Holdings Widget Consortium$", output);
        Assert.Matches(@"(?m)^\s+1  Qwerty Nonexistent Trust$", output);
    }

    [Fact]
    public async Task A_missing_file_or_a_broken_gold_line_is_an_error_with_exit_code_2()
    {
        var missing = await RunAsync("--mentions", TestPath("no-such-file.jsonl"));
        Assert.Equal(ExitCodes.Failure, missing.ExitCode);
        Assert.Contains("no-such-file.jsonl", missing.Error, StringComparison.Ordinal);

        // An article file is not in the gold mentions format: the error names the line.
        var wrongFormat = await RunAsync("--mentions", TestPath("articles.jsonl"));
        Assert.Equal(ExitCodes.Failure, wrongFormat.ExitCode);
        Assert.Contains("articles.jsonl:1", wrongFormat.Error, StringComparison.Ordinal);
    }
}
