using System.Text.RegularExpressions;
using Search.Contracts.V1;

namespace Search.PeerDriver;

/// <summary>
/// The corpus split for the load run: the first half is indexed before the load starts, the second half is
/// written during it. Query words, organisations and the date range come from the first half, so that searches
/// match from the first second; words are ranked deterministically (document frequency, then ordinal).
/// </summary>
internal sealed partial class LoadCorpus
{
    // Short and grammatical words are dropped: the analyzer may treat them as stop words, and "or"/"not" are operators.
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "that", "their", "then", "there", "these", "they", "this", "will", "with", "into", "such", "from", "have", "were", "been",
    };

    private LoadCorpus(List<Article> firstHalf, List<Article> secondHalf)
    {
        FirstHalf = firstHalf;
        SecondHalf = secondHalf;
    }

    public List<Article> FirstHalf { get; }

    public List<Article> SecondHalf { get; }

    /// <summary>Moderately common words (ranks 20–2000): plain, highlight, facet, filter and newest queries.</summary>
    public IReadOnlyList<string> Words { get; private set; } = [];

    /// <summary>Words in at least 250 articles, so that 20 pages of 10 exist: deep paging.</summary>
    public IReadOnlyList<string> BroadWords { get; private set; } = [];

    public IReadOnlyList<string> Sources { get; private set; } = [];

    public IReadOnlyList<string> Organisations { get; private set; } = [];

    public DateTime FirstPublished { get; private set; }

    public DateTime LastPublished { get; private set; }

    public static LoadCorpus Read(string path)
    {
        List<Article> all = ArticleJson.ReadAll(path);
        if (all.Count < 2)
        {
            throw new ArgumentException($"The corpus {path} has fewer than 2 articles.");
        }
        int half = all.Count / 2;
        var corpus = new LoadCorpus(all.GetRange(0, half), all.GetRange(half, all.Count - half));
        corpus.Describe();
        return corpus;
    }

    private void Describe()
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var sources = new Dictionary<string, int>(StringComparer.Ordinal);
        var organisations = new Dictionary<string, int>(StringComparer.Ordinal);
        var dates = new List<DateTime>();
        foreach (Article article in FirstHalf)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match match in WordPattern().Matches(article.Title + " " + article.Body))
            {
                string word = match.Value.ToLowerInvariant();
                if (!Skipped.Contains(word) && seen.Add(word))
                {
                    documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
                }
            }
            Count(sources, article.Source);
            foreach (string organisation in article.Organisations)
            {
                Count(organisations, organisation);
            }
            if (article.Published is not null)
            {
                dates.Add(article.Published.ToDateTime());
            }
        }
        List<KeyValuePair<string, int>> ranked = Ranked(documentFrequency);
        Words = ranked.Skip(20).Take(1980).Select(kv => kv.Key).ToList();
        BroadWords = ranked.Where(kv => kv.Value >= 250).Take(200).Select(kv => kv.Key).ToList();
        Sources = Ranked(sources).Take(20).Select(kv => kv.Key).ToList();
        Organisations = Ranked(organisations).Take(30).Select(kv => kv.Key).ToList();
        FirstPublished = dates.Count > 0 ? dates.Min() : new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        LastPublished = dates.Count > 0 ? dates.Max() : FirstPublished.AddYears(1);
        if (Words.Count == 0 || BroadWords.Count == 0)
        {
            throw new ArgumentException("The first half of the corpus is too small to draw query words from.");
        }
    }

    private static void Count(Dictionary<string, int> counts, string value)
    {
        if (value.Length > 0)
        {
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }
    }

    private static List<KeyValuePair<string, int>> Ranked(Dictionary<string, int> counts) =>
        counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\b[A-Za-z]{4,12}\b")]
    private static partial Regex WordPattern();
}
