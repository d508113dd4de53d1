using Search.Core.Model;

namespace Search.Core.Tests.Engine;

/// <summary>A deterministic made-up corpus: varied sources, organisations, tags, dates (some undated).</summary>
internal static class TestArticles
{
    private static readonly string[] Sources = ["Security Affairs", "Threatpost", "The Record", "Dark Reading", "security affairs"];
    private static readonly string[] Organisations = ["Europol", "FBI", "Microsoft", "Interpol", "NATO"];
    private static readonly string[] Tags = ["ransomware", "phishing", "botnet", "espionage"];
    private static readonly string[] Words = ["police", "takedown", "servers", "malware", "campaign", "breach", "arrest", "propaganda", "machine", "network"];

    public static List<Article> Create(int count, int seed = 7)
    {
        var random = new Random(seed);
        var articles = new List<Article>(count);
        for (int i = 0; i < count; i++)
        {
            string w1 = Words[random.Next(Words.Length)], w2 = Words[random.Next(Words.Length)], w3 = Words[random.Next(Words.Length)];
            articles.Add(new Article
            {
                Id = $"a-{i:D4}",
                Title = $"The {w1} {w2} report {i}",
                Body = $"Investigators described the {w2} {w3} in detail. Another sentence about {w1} follows here.",
                Source = Sources[random.Next(Sources.Length)],
                Author = i % 3 == 0 ? "" : $"Author {i % 4}",
                Published = i % 7 == 0 ? null : new DateTimeOffset(2016 + (i % 8), 1 + (i % 12), 1 + (i % 27), 10, 0, 0, TimeSpan.Zero),
                Tags = [Tags[i % Tags.Length]],
                Organisations = Enumerable.Range(0, i % 3).Select(k => Organisations[(i + k) % Organisations.Length]).ToList(),
            });
        }
        return articles;
    }
}
