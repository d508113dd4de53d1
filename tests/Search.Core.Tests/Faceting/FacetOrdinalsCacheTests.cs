using System.Runtime.CompilerServices;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Faceting;
using Search.Core.Schema;

namespace Search.Core.Tests.Faceting;

/// <summary>Ordinal maps are built once per reader and follow reopens without holding old readers.</summary>
public sealed class FacetOrdinalsCacheTests
{
    [Fact]
    public void Same_reader_reuses_the_ordinal_map_and_a_reopened_reader_gets_a_new_one()
    {
        using RAMDirectory directory = FacetTestCorpus.Build(singleSegment: false);
        var cache = new FacetOrdinalsCache();
        var counter = new FacetCounter(cache);
        using DirectoryReader first = DirectoryReader.Open(directory);
        FacetFieldOrdinals ordinals = cache.Get(first, ArticleFields.Source);
        Assert.NotNull(ordinals.OrdinalMap);
        Assert.Same(ordinals, cache.Get(first, ArticleFields.Source));
        Assert.NotSame(ordinals, cache.Get(first, ArticleFields.Tag));
        FacetCounts before = counter.Count(new IndexSearcher(first), new MatchAllDocsQuery(), null, [ArticleFields.Source]);

        AddDocument(directory, "Brand New Source");
        using DirectoryReader second = DirectoryReader.OpenIfChanged(first) ?? throw new InvalidOperationException("No change seen.");
        FacetCounts after = counter.Count(new IndexSearcher(second), new MatchAllDocsQuery(), null, [ArticleFields.Source]);

        Assert.NotSame(ordinals, cache.Get(second, ArticleFields.Source));
        Assert.Equal(ordinals.ValueCount + 1, cache.Get(second, ArticleFields.Source).ValueCount);
        Assert.DoesNotContain(before.Top(ArticleFields.Source, 100), value => value.Value == "Brand New Source");
        Assert.Contains(new FacetValueCount("Brand New Source", 1), after.Top(ArticleFields.Source, 100));
        Assert.Equal(before.TotalHits + 1, after.TotalHits);
    }

    [Fact]
    public void The_cache_does_not_keep_a_released_reader_alive()
    {
        using RAMDirectory directory = FacetTestCorpus.Build(singleSegment: false);
        var cache = new FacetOrdinalsCache();

        WeakReference reader = CountAndRelease(directory, cache);
        for (int attempt = 0; attempt < 5 && reader.IsAlive; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(reader.IsAlive);
        GC.KeepAlive(cache);
    }

    // Not inlined so no local of the caller's frame can keep the reader reachable.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CountAndRelease(RAMDirectory directory, FacetOrdinalsCache cache)
    {
        DirectoryReader reader = DirectoryReader.Open(directory);
        FacetCounts counts = new FacetCounter(cache).Count(new IndexSearcher(reader), new MatchAllDocsQuery(), null, ArticleFields.FacetFields);
        Assert.NotEmpty(counts.Top(ArticleFields.Organisation, 3));
        reader.Dispose();
        return new WeakReference(reader);
    }

    private static void AddDocument(RAMDirectory directory, string source)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer()) { OpenMode = OpenMode.APPEND };
        using var writer = new IndexWriter(directory, config);
        var document = new Document();
        FacetTestCorpus.AddKeyword(document, ArticleFields.Source, source);
        writer.AddDocument(document);
        writer.Commit();
    }
}
