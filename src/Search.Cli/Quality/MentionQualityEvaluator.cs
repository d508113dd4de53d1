using System.Text.Json;
using Search.Core.Model;
using Search.Core.Organisations;

namespace Search.Cli.Quality;

/// <summary>
/// Mention-level quality against a gold mentions file: each text is extracted as an article body, and a predicted
/// mention counts only when its span and canonical organisation equal a gold mention's.
/// </summary>
internal static class MentionQualityEvaluator
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static QualityReport Evaluate(string path, OrganisationExtractor extractor)
    {
        if (!File.Exists(path))
        {
            throw new QualityDataException($"{path}: no such file");
        }
        var report = new QualityReport($"mention level: {path}");
        var scorer = new ExtractionScorer();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            GoldMentionText text = Parse(line, $"{path}:{lineNumber}");
            var gold = text.Mentions.Select(m => new OrganisationMention(m.Organisation, m.Text, "body", m.Start, m.End)).ToList();
            var predicted = extractor.Extract("", text.Text, []).Mentions;
            scorer.AddMentions(gold, predicted);
            report.Items++;
            // The same comparison the scorer makes (span, field, organisation ignoring case), to name the mistakes.
            var unmatched = gold.Select(Key).ToList();
            foreach (OrganisationMention mention in predicted)
            {
                if (!unmatched.Remove(Key(mention)))
                {
                    report.AddSpurious(Name(mention));
                }
            }
            foreach (var key in unmatched)
            {
                report.AddMissed(Name(gold.First(m => Key(m) == key)));
            }
        }
        report.Score = scorer.Mentions;
        return report;
    }

    private static GoldMentionText Parse(string line, string where)
    {
        GoldMentionText? text;
        try
        {
            text = JsonSerializer.Deserialize<GoldMentionText>(line, Json);
        }
        catch (JsonException error)
        {
            throw new QualityDataException($"{where}: not a gold mentions line: {error.Message}");
        }
        if (text?.Text is null || text.Mentions is null)
        {
            throw new QualityDataException($"{where}: a gold mentions line needs \"text\" and \"mentions\"");
        }
        foreach (GoldMention mention in text.Mentions)
        {
            if (mention.Start < 0 || mention.End > text.Text.Length || mention.Start >= mention.End || mention.Organisation is null)
            {
                throw new QualityDataException($"{where}: mention \"{mention.Text}\" has offsets {mention.Start}-{mention.End} outside the text or no organisation");
            }
        }
        return text;
    }

    private static (string Field, int Start, int End, string Organisation) Key(OrganisationMention mention) =>
        (mention.Field, mention.Start, mention.End, mention.Organisation.ToUpperInvariant());

    /// <summary>The text as written, with the organisation it was mapped to when that differs.</summary>
    private static string Name(OrganisationMention mention) =>
        string.Equals(mention.Text, mention.Organisation, StringComparison.Ordinal) ? mention.Text : $"{mention.Text} → {mention.Organisation}";
}
