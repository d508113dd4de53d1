using System.Text.Json;
using Search.Core.Model;
using Search.Core.Organisations;
using Xunit.Abstractions;

namespace Search.Core.Tests.Organisations;

/// <summary>Extraction quality on the hand-annotated gold set (see Fixtures/README.md).</summary>
public class GoldSetQualityTests(ITestOutputHelper output)
{
    private sealed record GoldMention(string Text, int Start, int End, string Organisation);

    private sealed record GoldLine(string Source, string Text, List<GoldMention> Mentions);

    private static List<GoldLine> ReadGold()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Organisations", "Fixtures", "gold-mentions.jsonl");
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<GoldLine>(l, options)!).ToList();
    }

    [Fact]
    public void Gold_set_is_consistent()
    {
        var gold = ReadGold();
        Assert.True(gold.Sum(g => g.Mentions.Count) >= 300);
        foreach (var line in gold)
        {
            foreach (var mention in line.Mentions)
            {
                Assert.Equal(mention.Text, line.Text[mention.Start..mention.End]);
            }
        }
    }

    [Fact]
    public void Extraction_meets_the_quality_bar_on_the_gold_set()
    {
        var extractor = new OrganisationExtractor();
        var scorer = new ExtractionScorer();
        foreach (var line in ReadGold())
        {
            var result = extractor.Extract("", line.Text, []);
            var gold = line.Mentions.Select(m => new OrganisationMention(m.Organisation, m.Text, "body", m.Start, m.End)).ToList();
            scorer.AddMentions(gold, result.Mentions);
            scorer.AddArticle(gold.Select(m => m.Organisation), result.Organisations);
            foreach (var missed in gold.Where(g => !result.Mentions.Contains(g)))
            {
                output.WriteLine($"missed  {missed.Text} -> {missed.Organisation}");
            }
            foreach (var wrong in result.Mentions.Where(p => !gold.Contains(p)))
            {
                output.WriteLine($"spurious {wrong.Text} -> {wrong.Organisation}");
            }
        }
        output.WriteLine($"mentions: {scorer.Mentions}");
        output.WriteLine($"articles: {scorer.Articles}");

        Assert.True(scorer.Mentions.Precision >= 0.85, $"mention precision {scorer.Mentions}");
        Assert.True(scorer.Mentions.Recall >= 0.80, $"mention recall {scorer.Mentions}");
    }
}
