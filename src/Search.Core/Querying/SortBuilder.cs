using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Schema;

namespace Search.Core.Querying;

/// <summary>
/// The three sort orders, each ending in the id so the order is total and deterministic, and the conversion
/// between a page token and Lucene's search-after <see cref="FieldDoc"/>.
/// </summary>
internal static class SortBuilder
{
    // Same order as a STRING sort on the id's doc values, but reads ids only to break ties (see LazyIdComparer).
    private static readonly SortField IdAscending = new(ArticleFields.IdSort, new LazyIdComparerSource());

    public static Sort For(SearchSort sort) => sort switch
    {
        SearchSort.Relevance => new Sort(SortField.FIELD_SCORE, IdAscending),
        // Undated articles come last in both date orders.
        SearchSort.Newest => new Sort(DateSort(reverse: true, missing: long.MinValue), IdAscending),
        SearchSort.Oldest => new Sort(DateSort(reverse: false, missing: long.MaxValue), IdAscending),
        _ => throw SearchRequestException.Invalid($"sort: unknown value {(int)sort}; use relevance, newest or oldest."),
    };

    private static SortField DateSort(bool reverse, long missing)
    {
        var field = new SortField(ArticleFields.PublishedSort, SortFieldType.INT64, reverse);
        field.SetMissingValue(J2N.Numerics.Int64.GetInstance(missing));
        return field;
    }

    /// <summary>The search-after position for a token. Doc = int.MaxValue: a hit equal in every sort value (the
    /// same id) counts as already returned.</summary>
    public static FieldDoc After(PageToken token)
    {
        var id = new BytesRef(token.Id);
        object?[] fields = token.Sort == SearchSort.Relevance
            ? [J2N.Numerics.Single.GetInstance(token.Score), id]
            : [J2N.Numerics.Int64.GetInstance(token.Published ?? (token.Sort == SearchSort.Newest ? long.MinValue : long.MaxValue)), id];
        return new FieldDoc(int.MaxValue, token.Score, fields);
    }

    /// <summary>The token that continues after <paramref name="last"/>.</summary>
    public static PageToken TokenAfter(FieldDoc last, ulong fingerprint, SearchSort sort)
    {
        string id = last.Fields[1] is BytesRef bytes ? bytes.Utf8ToString() : "";
        if (sort == SearchSort.Relevance)
        {
            float score = Convert.ToSingle(last.Fields[0], System.Globalization.CultureInfo.InvariantCulture);
            return new PageToken(fingerprint, sort, score, null, id);
        }
        long published = Convert.ToInt64(last.Fields[0], System.Globalization.CultureInfo.InvariantCulture);
        return new PageToken(fingerprint, sort, 0, published, id);
    }
}
