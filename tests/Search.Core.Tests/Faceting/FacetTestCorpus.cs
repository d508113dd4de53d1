using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Schema;

namespace Search.Core.Tests.Faceting;

/// <summary>
/// Writes a deterministic corpus shaped like the article index's facet fields: stored values for the
/// brute-force check, lower-cased StringFields to query and filter, SortedSet doc values to count.
/// </summary>
internal static class FacetTestCorpus
{
    public const int DocCount = 500;

    /// <summary>Case variants, accents, a supplementary character and U+FB01, which sorts differently in UTF-8 and UTF-16.</summary>
    public static readonly string[] Sources =
    [
        "Security Affairs", "security affairs", "SECURITY AFFAIRS", "Le Monde", "Süddeutsche Zeitung",
        "\U0001D518nicode Times", "\uFB01nance Daily", "Ärzteblatt", "Zeit",
    ];

    public static readonly string[] Tags = ["malware", "ransomware", "phishing", "policy", "breach", "cloud", "iot", "crypto"];

    public static RAMDirectory Build(bool singleSegment, int seed = 20180401)
    {
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer())
        {
            MaxBufferedDocs = 20,
            // Keep the small segments apart so counts must go through the ordinal maps.
            MergePolicy = singleSegment ? new TieredMergePolicy() : NoMergePolicy.COMPOUND_FILES,
        };
        var random = new Random(seed);
        string[] organisations = Enumerable.Range(0, 60)
            .Select(i => i % 13 == 0 ? $"\U0001F3E2 Org {i}" : i % 7 == 0 ? $"org {i}" : $"Org {i}")
            .ToArray();
        string[] authors = Enumerable.Range(0, 15).Select(i => $"Author {(char)('A' + i)}").ToArray();

        using (var writer = new IndexWriter(directory, config))
        {
            for (int i = 0; i < DocCount; i++)
            {
                writer.AddDocument(CreateDocument(i, random, organisations, authors));
                if (i % 50 == 49)
                {
                    writer.Commit();
                }

                // Deletes spread over earlier segments so live-doc handling is exercised.
                if (i % 37 == 36)
                {
                    writer.DeleteDocuments(new Term("id", Id(random.Next(i))));
                }
            }

            if (singleSegment)
            {
                writer.ForceMerge(1);
            }

            writer.Commit();
        }

        return directory;
    }

    public static string Id(int i) => $"doc-{i:D4}";

    public static void AddKeyword(Document document, string field, string value)
    {
        document.Add(new StoredField(field, value));
        document.Add(new StringField(field, value.ToLowerInvariant(), Field.Store.NO));
        document.Add(new SortedSetDocValuesField(ArticleFields.DocValuesName(field), new BytesRef(value)));
    }

    private static Document CreateDocument(int i, Random random, string[] organisations, string[] authors)
    {
        var document = new Document { new StringField("id", Id(i), Field.Store.YES) };
        if (random.NextDouble() < 0.95)
        {
            AddKeyword(document, ArticleFields.Source, Sources[random.Next(Sources.Length)]);
        }

        // Skewed picks so counts differ and ties still occur.
        var picked = new HashSet<string>(StringComparer.Ordinal);
        for (int n = random.Next(4); n > 0; n--)
        {
            picked.Add(organisations[(int)(organisations.Length * Math.Pow(random.NextDouble(), 2))]);
        }

        foreach (string organisation in picked)
        {
            AddKeyword(document, ArticleFields.Organisation, organisation);
        }

        foreach (string tag in Enumerable.Range(0, random.Next(3)).Select(_ => Tags[random.Next(Tags.Length)]).Distinct())
        {
            AddKeyword(document, ArticleFields.Tag, tag);
        }

        if (random.NextDouble() < 0.7)
        {
            AddKeyword(document, ArticleFields.Author, authors[random.Next(authors.Length)]);
        }

        long published = 0;
        if (random.NextDouble() < 0.85)
        {
            var date = new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(random.Next(4 * 365 * 24));
            published = new DateTimeOffset(date).ToUnixTimeMilliseconds();
            string month = date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            document.Add(new StoredField(ArticleFields.PublishedMonth, month));
            document.Add(new SortedSetDocValuesField(ArticleFields.DocValuesName(ArticleFields.Published), new BytesRef(month)));
            document.Add(new Int64Field(ArticleFields.Published, published, Field.Store.NO));
        }

        document.Add(new NumericDocValuesField(ArticleFields.Published, published));
        return document;
    }
}
