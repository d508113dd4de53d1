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
        long count = 0;
        foreach (AtomicReaderContext leaf in reader.Leaves)
        {
            Terms? terms = leaf.AtomicReader.GetTerms(query.Field);
            if (terms is null)
            {
                continue;
            }
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
