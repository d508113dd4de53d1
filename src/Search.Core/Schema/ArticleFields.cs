namespace Search.Core.Schema;

/// <summary>
/// The index schema in one place: field names used by the document mapper, the query builder, the facet
/// counter and the highlighter.
/// </summary>
public static class ArticleFields
{
    /// <summary>Article id: one exact term (keyword analyzer) plus SortedDocValues for the tie-break sort; shown from the hit record.</summary>
    public const string Id = "id";

    /// <summary>SortedDocValues copy of the id: the deterministic tie-break of every sort.</summary>
    public const string IdSort = "id_sort";

    /// <summary>Analysed text (English stemming), positions and offsets in the postings; shown from the hit record.</summary>
    public const string Title = "title";

    /// <summary>Analysed text (English stemming), positions and offsets in the postings, stored.</summary>
    public const string Body = "body";

    /// <summary>Keyword fields: one lower-cased term per value to filter/query, SortedSetDocValues (as given) to count.</summary>
    public const string Source = "source";
    public const string Author = "author";
    public const string Tag = "tag";
    public const string Organisation = "organisation";

    /// <summary>Publication time: Int64 (ms since epoch, UTC) for range filters, numeric doc values for sorting.</summary>
    public const string Published = "published";

    /// <summary>Numeric doc values of the publication time, for the date sorts.</summary>
    public const string PublishedSort = "published_sort";

    /// <summary>UTC month of publication ("2018-04"): SortedSetDocValues for the published facet.</summary>
    public const string PublishedMonth = "published_month";

    /// <summary>Shown in hits only (in the hit record).</summary>
    public const string Url = "url";

    /// <summary>
    /// Binary doc value with everything a hit shows but the body (see <see cref="HitRecordCodec"/>). Articles
    /// indexed before it existed have their metadata in stored fields instead.
    /// </summary>
    public const string HitRecord = "hit_record";

    /// <summary>Stored only: the organisations the feed gave, kept apart so a reindex can re-extract.</summary>
    public const string GivenOrganisation = "given_organisation";

    /// <summary>Stored only, in articles indexed before hit records: organisation mentions as compact JSON.</summary>
    public const string Mentions = "mentions";

    /// <summary>One exact term: version of the gazetteer that tagged the article.</summary>
    public const string GazetteerVersion = "gazetteer_version";

    /// <summary>Facet fields a client can ask for, in the order error messages list them.</summary>
    public static readonly IReadOnlyList<string> FacetFields = [Source, Organisation, Tag, Author, Published];

    /// <summary>Name of the doc-values field that holds a facet's values.</summary>
    public static string DocValuesName(string facetField) =>
        facetField == Published ? PublishedMonth + ".dv" : facetField + ".dv";
}
