using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Highlighting;
using Search.Core.Indexing;
using Search.Core.Model;
using Search.Core.Schema;

namespace Search.Core.Querying;

/// <summary>
/// Reads a page of hits: each hit's record, its body when needed, and its highlights. On an index large enough
/// to be searched in slices the hits are read on every core: a body's stored-fields block and a term's
/// positions lie anywhere in a file of gigabytes, and reading and highlighting ten of them one after the other
/// was most of a highlighted query's time at a million articles.
/// </summary>
internal sealed class HitPageReader(ArticleHighlighter highlighter)
{
    public List<SearchHit> Read(IndexSearcher searcher, Query query, ScoreDoc[] page, SearchPlan plan, CancellationToken cancellation)
    {
        bool needBody = plan.IncludeBody || plan.Highlight is not null;
        cancellation.ThrowIfCancellationRequested();
        HighlightQuery? prepared = plan.Highlight is null ? null : highlighter.Prepare(query, searcher);
        var hits = new SearchHit[page.Length];
        bool spread = needBody && page.Length > 1 && searcher is CancellableIndexSearcher { Slices.Length: > 1 };
        if (spread)
        {
            // The readers cache doc values per segment and are not thread-safe: one per worker. The highlighter
            // keeps its scratch per thread.
            SlicedSearch.ForEach(page.Length, () => new IndexedArticleReader(searcher.IndexReader),
                (i, articles) => hits[i] = ReadHit(searcher, articles, page[i], prepared, plan, needBody, cancellation));
        }
        else
        {
            var articles = new IndexedArticleReader(searcher.IndexReader);
            for (int i = 0; i < page.Length; i++)
            {
                hits[i] = ReadHit(searcher, articles, page[i], prepared, plan, needBody, cancellation);
            }
        }
        return [.. hits];
    }

    private SearchHit ReadHit(IndexSearcher searcher, IndexedArticleReader articles, ScoreDoc scoreDoc, HighlightQuery? prepared,
        SearchPlan plan, bool needBody, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        Article article = articles.Read(scoreDoc.Doc, needBody);
        IReadOnlyList<FieldHighlightResult> highlights = [];
        if (prepared is not null)
        {
            IList<AtomicReaderContext> leaves = searcher.IndexReader.Leaves;
            AtomicReaderContext leaf = leaves[ReaderUtil.SubIndex(scoreDoc.Doc, leaves)];
            highlights = Highlight(prepared, leaf, scoreDoc.Doc - leaf.DocBase, article, plan.Highlight!);
        }
        if (!plan.IncludeBody)
        {
            article = article with { Body = "" };
        }
        float score = float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score;
        return new SearchHit(article, score, highlights);
    }

    private List<FieldHighlightResult> Highlight(HighlightQuery prepared, AtomicReaderContext leaf, int leafDoc, Article article, HighlightSettingsPlan plan)
    {
        var results = new List<FieldHighlightResult>(plan.Fields.Count);
        foreach (string field in plan.Fields)
        {
            bool isTitle = field == ArticleFields.Title;
            string text = isTitle ? article.Title : article.Body;
            var settings = new HighlightSettings(plan.FragmentSize, plan.MaxFragments, plan.PreTag, plan.PostTag,
                FallbackToLeadingPassage: !isTitle, WholeField: isTitle);
            FieldHighlightResult result = highlighter.Highlight(prepared, leaf, leafDoc, field, text, settings);
            if (result.Fragments.Count > 0)
            {
                results.Add(result);
            }
        }
        return results;
    }
}
