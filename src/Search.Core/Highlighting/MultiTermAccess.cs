using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Highlighting;

/// <summary>
/// Reaches <c>MultiTermQuery.GetTermsEnum</c>, which Lucene keeps protected and exposes only to rewrite methods:
/// subclassing <see cref="MultiTermQuery.RewriteMethod"/> is the supported way to enumerate a query's terms.
/// </summary>
internal sealed class MultiTermAccess : MultiTermQuery.RewriteMethod
{
    private static readonly MultiTermAccess Instance = new();

    public static TermsEnum GetTermsEnum(MultiTermQuery query, Terms terms) =>
        Instance.GetTermsEnum(query, terms, new Lucene.Net.Util.AttributeSource());

    public override Query Rewrite(IndexReader reader, MultiTermQuery query) =>
        throw new NotSupportedException("Only used to enumerate terms.");
}
