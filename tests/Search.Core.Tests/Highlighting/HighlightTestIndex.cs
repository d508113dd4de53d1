using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Highlighting;
using Search.Core.Schema;

namespace Search.Core.Tests.Highlighting;

/// <summary>
/// A small in-memory index of (title, body) articles, one commit per article so hits span several segments,
/// with helpers that parse a user query over title and body the way the search service does.
/// </summary>
internal sealed class HighlightTestIndex : IDisposable
{
    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly Analyzer analyzer = ArticleAnalyzer.Create();

    public HighlightTestIndex(params (string Title, string Body)[] articles)
    {
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleAnalyzer.Version, analyzer)))
        {
            for (int i = 0; i < articles.Length; i++)
            {
                var document = new Document
                {
                    new StringField(ArticleFields.Id, i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                    new Field(ArticleFields.Title, articles[i].Title, ArticleFieldTypes.TextWithOffsets),
                    new Field(ArticleFields.Body, articles[i].Body, ArticleFieldTypes.TextWithOffsets),
                };
                writer.AddDocument(document);
                writer.Commit();
            }
        }

        reader = DirectoryReader.Open(directory);
        Searcher = new IndexSearcher(reader);
    }

    public IndexSearcher Searcher { get; }

    public ArticleHighlighter Highlighter { get; } = new();

    public Query Parse(string userQuery)
    {
        var parser = new MultiFieldQueryParser(
            ArticleAnalyzer.Version,
            [ArticleFields.Title, ArticleFields.Body],
            analyzer,
            new Dictionary<string, float> { [ArticleFields.Title] = 2f, [ArticleFields.Body] = 1f });
        return parser.Parse(userQuery);
    }

    /// <summary>Highlights one field of the article added at <paramref name="articleIndex"/>.</summary>
    public FieldHighlightResult Highlight(string userQuery, int articleIndex, string field, HighlightSettings? settings = null) =>
        Highlight(Highlighter.Prepare(Parse(userQuery), Searcher), articleIndex, field, settings);

    public FieldHighlightResult Highlight(HighlightQuery prepared, int articleIndex, string field, HighlightSettings? settings = null)
    {
        int docId = FindDoc(articleIndex);
        IList<AtomicReaderContext> leaves = reader.Leaves;
        AtomicReaderContext leaf = leaves[ReaderUtil.SubIndex(docId, leaves)];
        string text = Searcher.Doc(docId).Get(field);
        settings ??= field == ArticleFields.Title ? HighlightSettings.Title : HighlightSettings.Body;
        return Highlighter.Highlight(prepared, leaf, docId - leaf.DocBase, field, text, settings);
    }

    public string StoredText(int articleIndex, string field) => Searcher.Doc(FindDoc(articleIndex)).Get(field);

    private int FindDoc(int articleIndex)
    {
        TopDocs top = Searcher.Search(
            new TermQuery(new Term(ArticleFields.Id, articleIndex.ToString(System.Globalization.CultureInfo.InvariantCulture))), 1);
        Assert.Equal(1, top.TotalHits);
        return top.ScoreDocs[0].Doc;
    }

    public void Dispose()
    {
        reader.Dispose();
        analyzer.Dispose();
        directory.Dispose();
    }
}
