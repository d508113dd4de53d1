using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Faceting;
using Search.Core.Schema;

namespace Search.Core.Tests.Faceting;

/// <summary>Ties are ordered by UTF-16 code units, which the index's UTF-8 byte order does not give.</summary>
public sealed class FacetTieOrderTests
{
    // "\uFB01x" sorts before "\U0001D518x" as UTF-8 bytes (EF.. < F0..) but after it as UTF-16 (FB01 > D835).
    private static readonly string[] TiedValues = ["\uFB01x", "b", "\U0001D518x", "Zeta", "a"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Equal_counts_are_ordered_by_ordinal_value(bool singleSegment)
    {
        using RAMDirectory directory = BuildTieIndex(singleSegment);
        using DirectoryReader reader = DirectoryReader.Open(directory);
        Assert.Equal(singleSegment ? 1 : 2, reader.Leaves.Count);
        var counter = new FacetCounter(new FacetOrdinalsCache());

        FacetCounts counts = counter.Count(new IndexSearcher(reader), new MatchAllDocsQuery(), null, [ArticleFields.Source]);

        Assert.Equal(
            [
                new FacetValueCount("top", 3), new FacetValueCount("Zeta", 2), new FacetValueCount("a", 2),
                new FacetValueCount("b", 2), new FacetValueCount("\U0001D518x", 2), new FacetValueCount("\uFB01x", 2),
            ],
            counts.Top(ArticleFields.Source, 10));
        // The cut falls inside the tie: the UTF-16-smaller supplementary value must win the last place.
        Assert.Equal(
            ["top", "Zeta", "a", "b", "\U0001D518x"],
            counts.Top(ArticleFields.Source, 5).Select(value => value.Value));
        Assert.Equal(["top", "Zeta"], counts.Top(ArticleFields.Source, 2).Select(value => value.Value));
    }

    [Fact]
    public void Tie_fixture_values_sort_differently_as_utf8_and_utf16()
    {
        // Guards the premise of the test above: its values must tell ordinal, culture and UTF-8 orders apart.
        Assert.True(string.CompareOrdinal("Zeta", "a") < 0);
        Assert.True(new BytesRef("\uFB01x").CompareTo(new BytesRef("\U0001D518x")) < 0);
        Assert.True(string.CompareOrdinal("\U0001D518x", "\uFB01x") < 0);
    }

    private static RAMDirectory BuildTieIndex(bool singleSegment)
    {
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer()) { MergePolicy = NoMergePolicy.COMPOUND_FILES };
        using var writer = new IndexWriter(directory, config);
        // Each tied value once per half, so every segment holds every value and the map must merge them.
        for (int half = 0; half < 2; half++)
        {
            foreach (string value in TiedValues)
            {
                writer.AddDocument(SourceDocument(value));
            }

            // "top" three times in all: the one value that is not tied.
            for (int n = half == 0 ? 2 : 1; n > 0; n--)
            {
                writer.AddDocument(SourceDocument("top"));
            }

            if (!singleSegment)
            {
                writer.Commit();
            }
        }

        writer.Commit();
        return directory;
    }

    private static Document SourceDocument(string value)
    {
        var document = new Document();
        FacetTestCorpus.AddKeyword(document, ArticleFields.Source, value);
        return document;
    }
}
