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
        var doc = new Document
        {
            new StringField(ArticleFields.Id, article.Id, Field.Store.YES),
            new SortedDocValuesField(ArticleFields.IdSort, new BytesRef(article.Id)),
            new Field(ArticleFields.Title, article.Title, ArticleFieldTypes.TextWithOffsets),
            new Field(ArticleFields.Body, article.Body, ArticleFieldTypes.TextWithOffsets),
            new StringField(ArticleFields.GazetteerVersion, Organisations.GazetteerVersion, Field.Store.NO),
        };
        AddKeyword(doc, ArticleFields.Source, article.Source);
        AddKeyword(doc, ArticleFields.Author, article.Author);
        AddKeywords(doc, ArticleFields.Tag, article.Tags);
        AddKeywords(doc, ArticleFields.Organisation, extraction.Organisations);
        foreach (string given in article.Organisations)
        {
            doc.Add(new StoredField(ArticleFields.GivenOrganisation, given));
        }
        if (extraction.Mentions.Count > 0)
        {
            doc.Add(new StoredField(ArticleFields.Mentions, MentionCodec.Encode(extraction.Mentions)));
        }
        if (!string.IsNullOrEmpty(article.Url))
        {
            doc.Add(new StoredField(ArticleFields.Url, article.Url));
        }
        if (article.Published is { } published)
        {
            long millis = published.ToUnixTimeMilliseconds();
            doc.Add(new Int64Field(ArticleFields.Published, millis, Field.Store.YES));
            doc.Add(new NumericDocValuesField(ArticleFields.PublishedSort, millis));
            string month = published.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            doc.Add(new SortedSetDocValuesField(ArticleFields.DocValuesName(ArticleFields.Published), new BytesRef(month)));
        }
        return doc;
    }

    /// <summary>Reads a stored document; <paramref name="includeBody"/> false leaves the body empty.</summary>
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
    private static void AddKeyword(Document doc, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        doc.Add(new StoredField(field, value));
        doc.Add(new StringField(field, KeywordNormaliser.Normalise(value), Field.Store.NO));
        doc.Add(new SortedSetDocValuesField(ArticleFields.DocValuesName(field), new BytesRef(value)));
    }

    private static void AddKeywords(Document doc, string field, IReadOnlyList<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string value in values)
        {
            if (!string.IsNullOrWhiteSpace(value) && seen.Add(value))
            {
                AddKeyword(doc, field, value);
            }
        }
    }
}
