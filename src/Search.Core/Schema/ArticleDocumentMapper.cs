using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Search.Core.Model;
using Search.Core.Organisations;

namespace Search.Core.Schema;

/// <summary>
/// Turns an article into a Lucene document (with organisation extraction) and a stored document back into
/// an article. The only place that knows how each field is indexed.
/// </summary>
public sealed class ArticleDocumentMapper(IOrganisationExtractor organisations)
{
    public IOrganisationExtractor Organisations { get; } = organisations;

    public Document ToDocument(Article article)
    {
        var extraction = Organisations.Extract(article.Title, article.Body, article.Organisations);
        // Stored fields keep what only a whole-article read needs (the body and the feed's organisations); what a
        // hit shows, the id and title included, is in the hit record, a doc value read without decompressing anything.
        var doc = new Document
        {
            new Field(ArticleFields.Id, article.Id, ArticleFieldTypes.Keyword),
            new SortedDocValuesField(ArticleFields.IdSort, new BytesRef(article.Id)),
            new Field(ArticleFields.Title, article.Title, ArticleFieldTypes.TextWithOffsetsNotStored),
            new Field(ArticleFields.Body, article.Body, ArticleFieldTypes.TextWithOffsets),
            new Field(ArticleFields.GazetteerVersion, Organisations.GazetteerVersion, ArticleFieldTypes.Keyword),
        };
        string source = AddKeyword(doc, ArticleFields.Source, article.Source);
        string author = AddKeyword(doc, ArticleFields.Author, article.Author);
        List<string> tags = AddKeywords(doc, ArticleFields.Tag, article.Tags);
        List<string> organisations = AddKeywords(doc, ArticleFields.Organisation, extraction.Organisations);
        foreach (string given in article.Organisations)
        {
            doc.Add(new StoredField(ArticleFields.GivenOrganisation, given));
        }
        var shown = article with { Source = source, Author = author, Tags = tags };
        doc.Add(new BinaryDocValuesField(ArticleFields.HitRecord, HitRecordCodec.Encode(shown, organisations, extraction.Mentions)));
        if (article.Published is { } published)
        {
            long millis = published.ToUnixTimeMilliseconds();
            doc.Add(new Int64Field(ArticleFields.Published, millis, ArticleFieldTypes.Published));
            doc.Add(new NumericDocValuesField(ArticleFields.PublishedSort, millis));
            string month = published.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            doc.Add(new SortedSetDocValuesField(ArticleFields.DocValuesName(ArticleFields.Published), new BytesRef(month)));
        }
        return doc;
    }

    /// <summary>
    /// Reads an article written before hit records existed (when id and title were still stored), from its stored
    /// fields; <paramref name="includeBody"/> false leaves the body empty.
    /// </summary>
    public static Article FromDocument(Document doc, bool includeBody) => new()
    {
        Id = doc.Get(ArticleFields.Id) ?? "",
        Title = doc.Get(ArticleFields.Title) ?? "",
        Body = includeBody ? doc.Get(ArticleFields.Body) ?? "" : "",
        Source = doc.Get(ArticleFields.Source) ?? "",
        Author = doc.Get(ArticleFields.Author) ?? "",
        Url = doc.Get(ArticleFields.Url) ?? "",
        Published = doc.GetField(ArticleFields.Published)?.GetInt64Value() is { } ms
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null,
        Tags = doc.GetValues(ArticleFields.Tag),
        Organisations = doc.GetValues(ArticleFields.Organisation),
        Mentions = doc.Get(ArticleFields.Mentions) is { } json ? MentionCodec.Decode(json) : [],
    };

    /// <summary>Reads the article as it was given (feed organisations, not extracted ones), for a rebuild.</summary>
    public static Article SourceArticleFromDocument(Document doc) =>
        FromDocument(doc, includeBody: true) with { Organisations = doc.GetValues(ArticleFields.GivenOrganisation), Mentions = [] };

    /// <summary>
    /// A keyword value is stored as given, indexed lower-cased for exact case-insensitive matching, and kept
    /// in doc values (as given) for facet counting.
    /// </summary>
    /// <returns>The value as the hit shows it: empty when it is blank.</returns>
    private static string AddKeyword(Document doc, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }
        doc.Add(new Field(field, KeywordNormaliser.Normalise(value), ArticleFieldTypes.Keyword));
        doc.Add(new SortedSetDocValuesField(ArticleFields.DocValuesName(field), new BytesRef(value)));
        return value;
    }

    /// <returns>The distinct, non-blank values in order, as the hit shows them.</returns>
    private static List<string> AddKeywords(Document doc, string field, IReadOnlyList<string> values)
    {
        var kept = new List<string>(values.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string value in values)
        {
            if (!string.IsNullOrWhiteSpace(value) && seen.Add(value))
            {
                AddKeyword(doc, field, value);
                kept.Add(value);
            }
        }
        return kept;
    }
}
