using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Schema;

namespace Search.Core.Querying;

/// <summary>
/// One page of a match-all search in relevance order without visiting every article. Every article scores the
/// same under a match-all query, so relevance order is id order. Each segment's terms dictionary already lists the
/// ids in that order, so the page is the smallest ids after the page token, merged across segments.
/// </summary>
/// <remarks>
/// The general path scores every article and sorts them by score and then id. That costs about 100 ns per article
/// (10 ms at 100,000 articles) for the explorer's first screen. This walk reads a page's worth of terms per segment.
/// It gives the same hits, scores and page tokens as the general path.
/// </remarks>
internal static class MatchAllPageReader
{
    /// <param name="after">The search-after position from the page token, or null for the first page.</param>
    /// <param name="count">How many hits to return at most (the page size plus one, to know whether a next page exists).</param>
    public static TopDocs Read(IndexSearcher searcher, Query matchAll, FieldDoc? after, int count, CancellationToken cancellation)
    {
        float score = ScoreOfEveryArticle(searcher, matchAll);
        BytesRef? afterId = after?.Fields[1] as BytesRef;
        var candidates = new List<(BytesRef Id, int Doc)>();
        foreach (AtomicReaderContext leaf in searcher.IndexReader.Leaves)
        {
            cancellation.ThrowIfCancellationRequested();
            AddSmallestIds(leaf, afterId, count, candidates);
        }
        candidates.Sort((x, y) => x.Id.CompareTo(y.Id));
        var page = new ScoreDoc[Math.Min(count, candidates.Count)];
        for (int i = 0; i < page.Length; i++)
        {
            page[i] = new FieldDoc(candidates[i].Doc, score, [J2N.Numerics.Single.GetInstance(score), candidates[i].Id]);
        }
        return new TopFieldDocs(searcher.IndexReader.NumDocs, page, SortBuilder.For(SearchSort.Relevance).GetSort(), score);
    }

    /// <summary>The constant score the general path would give each article (boost and query norm included).</summary>
    private static float ScoreOfEveryArticle(IndexSearcher searcher, Query matchAll)
    {
        Weight weight = searcher.CreateNormalizedWeight(matchAll);
        foreach (AtomicReaderContext leaf in searcher.IndexReader.Leaves)
        {
            Scorer? scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (scorer is not null && scorer.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                return scorer.GetScore();
            }
        }
        return 0;
    }

    /// <summary>The segment's <paramref name="count"/> smallest live ids greater than <paramref name="afterId"/>.</summary>
    private static void AddSmallestIds(AtomicReaderContext leaf, BytesRef? afterId, int count, List<(BytesRef Id, int Doc)> into)
    {
        Terms? ids = leaf.AtomicReader.GetTerms(ArticleFields.Id);
        if (ids is null)
        {
            return;
        }
        TermsEnum terms = ids.GetEnumerator();
        bool positioned = afterId is null
            ? terms.MoveNext()
            : terms.SeekCeil(afterId) switch
            {
                TermsEnum.SeekStatus.END => false,
                TermsEnum.SeekStatus.FOUND => terms.MoveNext(),
                _ => true,
            };
        IBits? live = leaf.AtomicReader.LiveDocs;
        DocsEnum? docs = null;
        for (int found = 0; positioned && found < count; positioned = terms.MoveNext())
        {
            docs = terms.Docs(live, docs, DocsFlags.NONE);
            int doc = docs.NextDoc();
            if (doc != DocIdSetIterator.NO_MORE_DOCS)
            {
                into.Add((BytesRef.DeepCopyOf(terms.Term), leaf.DocBase + doc));
                found++;
            }
        }
    }
}
