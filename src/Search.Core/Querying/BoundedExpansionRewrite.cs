using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Querying;

/// <summary>
/// Rewrites prefix and wildcard queries like Lucene's constant-score auto rewrite, but first counts the index
/// terms they expand to and refuses when there are more than the limit, so "a*" over a million articles is a
/// quick, named error instead of a busy server. Counting stops at the limit, so the check is bounded.
/// </summary>
internal sealed class BoundedExpansionRewrite(int maxExpansions) : MultiTermQuery.RewriteMethod
{
    public override Query Rewrite(IndexReader reader, MultiTermQuery query)
    {
        // Distinct terms over the merged view of all segments, so the limit does not depend on how the index
        // happens to be split into segments.
        Terms? terms = MultiFields.GetTerms(reader, query.Field);
        if (terms is not null)
        {
            long count = 0;
            TermsEnum termsEnum = GetTermsEnum(query, terms, new AttributeSource());
            while (termsEnum.MoveNext())
            {
                if (++count > maxExpansions)
                {
                    throw new SearchRequestException(SearchErrorKind.ResourceExhausted,
                        $"'{Describe(query)}' matches more than {maxExpansions} terms (Search:Limits:MaxTermExpansions); make the prefix or pattern longer.");
                }
            }
        }
        return MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT.Rewrite(reader, query);
    }

    private static string Describe(MultiTermQuery query)
    {
        string text = query.ToString();
        return text.Length <= 60 ? text : text[..60] + "…";
    }
}
