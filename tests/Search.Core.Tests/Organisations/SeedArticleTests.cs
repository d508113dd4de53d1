using Search.Core.Organisations;

namespace Search.Core.Tests.Organisations;

public class SeedArticleTests
{
    private static readonly OrganisationExtractor Extractor = new();

    private static (string Title, string Body) ReadSeed()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Organisations", "Fixtures", "seed.txt"));
        var lines = text.Split('\n').ToList();
        // The file opens with a blank line; the title is the first line with text.
        while (lines.Count > 0 && lines[0].Trim().Length == 0)
        {
            lines.RemoveAt(0);
        }
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        // The last two lines are the author and the site's footer, not article text.
        return (lines[0].Trim(), string.Join("\n", lines.Skip(1).Take(lines.Count - 3)));
    }

    [Fact]
    public void Finds_the_organisations_of_the_seed_article()
    {
        var (title, body) = ReadSeed();
        var result = Extractor.Extract(title, body, []);

        foreach (var expected in new[]
                 {
                     "Europol", "European Union", "European Union Internet Referral Unit", "European Counter Terrorism Centre",
                     "Islamic State", "Amaq", "Nashir", "al-Bayan",
                 })
        {
            Assert.Contains(expected, result.Organisations);
        }
    }

    [Fact]
    public void Maps_every_spelling_of_Islamic_State_to_one_organisation()
    {
        var (title, body) = ReadSeed();
        var result = Extractor.Extract(title, body, []);

        var spellings = result.Mentions.Where(m => m.Organisation == "Islamic State").Select(m => m.Text).ToHashSet();
        Assert.Superset(new HashSet<string> { "Islamic State", "IS", "Isis", "Daesh" }, spellings);
        Assert.Contains(result.Mentions, m => m.Text == "EU IRU" && m.Organisation == "European Union Internet Referral Unit");
        Assert.Contains(result.Mentions, m => m.Text == "ECTC" && m.Organisation == "European Counter Terrorism Centre");
    }

    [Fact]
    public void Finds_no_people_or_places()
    {
        var (title, body) = ReadSeed();
        var result = Extractor.Extract(title, body, []);

        foreach (var notAnOrganisation in new[]
                 {
                     "Rob Wainwright", "Julian King", "Dimitris Avramopoulos", "Pierluigi Paganini", "Europe", "Canada", "USA", "US",
                 })
        {
            Assert.DoesNotContain(notAnOrganisation, result.Organisations);
            Assert.DoesNotContain(result.Mentions, m => m.Text.Contains(notAnOrganisation, StringComparison.Ordinal) && notAnOrganisation.Contains(' ', StringComparison.Ordinal));
        }
        Assert.DoesNotContain(result.Mentions, m => m.Text is "Europe" or "Canada" or "USA" or "Wainwright" or "King" or "Avramopoulos");
    }

    [Fact]
    public void Mention_offsets_point_at_the_mention_text()
    {
        var (title, body) = ReadSeed();
        var result = Extractor.Extract(title, body, []);

        Assert.NotEmpty(result.Mentions);
        foreach (var mention in result.Mentions)
        {
            var field = mention.Field == "title" ? title : body;
            Assert.Equal(mention.Text, field.Substring(mention.Start, mention.End - mention.Start));
        }
    }
}
