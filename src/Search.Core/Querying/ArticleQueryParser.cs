using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Organisations;
using Search.Core.Schema;

namespace Search.Core.Querying;

/// <summary>
/// The user query syntax on top of Lucene's classic parser: words are all required, title matches weigh
/// twice body matches, and <c>field:value</c> on a keyword field (source, organisation, author, tag) matches the
/// whole value ignoring case, with organisation aliases mapped to their canonical name. Not thread-safe:
/// create one per query (it is cheap).
/// </summary>
internal sealed class ArticleQueryParser : MultiFieldQueryParser
{
    public static readonly IReadOnlyList<string> QueryFields =
        [ArticleFields.Title, ArticleFields.Body, ArticleFields.Source, ArticleFields.Organisation, ArticleFields.Author, ArticleFields.Tag];

    private static readonly Dictionary<string, float> Boosts = new()
    {
        [ArticleFields.Title] = 2f,
        [ArticleFields.Body] = 1f,
    };

    /// <summary>Analyzers are thread-safe and reuse their token streams per thread; one serves every parse.</summary>
    private static readonly Lucene.Net.Analysis.Analyzer SharedAnalyzer = ArticleAnalyzer.Create();

    private readonly IOrganisationExtractor _organisations;
    private string _text = "";

    public ArticleQueryParser(IOrganisationExtractor organisations, SearchLimits limits)
        : base(ArticleAnalyzer.Version, [ArticleFields.Title, ArticleFields.Body], SharedAnalyzer, Boosts)
    {
        _organisations = organisations;
        DefaultOperator = AND_OPERATOR;
        AllowLeadingWildcard = limits.AllowLeadingWildcard;
        // Prefix and wildcard terms refuse to expand past the limit; fuzzy terms keep Lucene's top-50 bound.
        MultiTermRewriteMethod = new BoundedExpansionRewrite(limits.MaxTermExpansions);
    }

    /// <summary>
    /// 1-based column of what the last refusal is about, for refusals Lucene raises after tokenising and so
    /// without a position (an unknown field, a leading wildcard, a regular expression); null if not known.
    /// </summary>
    public int? ErrorColumn { get; private set; }

    public override Query Parse(string query)
    {
        _text = query;
        ErrorColumn = null;
        return base.Parse(query);
    }

    /// <summary>
    /// 1-based column where <paramref name="snippet"/> last occurs up to the end of the token the parser reached,
    /// or that token's own column. The parser fails at or just after the token at fault, and a query is one line
    /// (control characters became spaces), so a column is an index plus one.
    /// </summary>
    public int ColumnOf(string snippet)
    {
        Token token = Token;
        int end = Math.Min(_text.Length, token.EndColumn);
        int at = snippet.Length > 0 && end > 0 ? _text.LastIndexOf(snippet, end - 1, StringComparison.Ordinal) : -1;
        return at >= 0 ? at + 1 : Math.Max(token.BeginColumn, 1);
    }

    private ParseException RefuseAt(string snippet, string message)
    {
        ErrorColumn = ColumnOf(snippet);
        return new ParseException(message);
    }

    private static bool IsKeywordField(string field) =>
        field is ArticleFields.Source or ArticleFields.Organisation or ArticleFields.Author or ArticleFields.Tag;

    private string CheckField(string field)
    {
        if (field == "org" || field == "organization" || field == "organisations")
        {
            return ArticleFields.Organisation;
        }
        if (field == "tags")
        {
            return ArticleFields.Tag;
        }
        if (!QueryFields.Contains(field))
        {
            throw RefuseAt(field, $"Unknown field '{field}'. Valid fields: {string.Join(", ", QueryFields)}.");
        }
        return field;
    }

    private string KeywordTerm(string field, string value) =>
        KeywordNormaliser.Normalise(field == ArticleFields.Organisation ? _organisations.Canonicalise(value) : value);

    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
    {
        if (field is null)
        {
            return base.GetFieldQuery(field!, queryText, quoted);
        }
        field = CheckField(field);
        return IsKeywordField(field)
            ? new TermQuery(new Term(field, KeywordTerm(field, queryText)))
            : base.GetFieldQuery(field, queryText, quoted);
    }

    protected override Query GetFieldQuery(string field, string queryText, int slop)
    {
        if (field is not null)
        {
            field = CheckField(field);
            if (IsKeywordField(field))
            {
                return new TermQuery(new Term(field, KeywordTerm(field, queryText)));
            }
        }
        return base.GetFieldQuery(field!, queryText, slop);
    }

    protected override Query GetPrefixQuery(string field, string termStr) =>
        base.GetPrefixQuery(field is null ? field! : CheckField(field), CheckLeadingWildcard(termStr));

    protected override Query GetWildcardQuery(string field, string termStr) =>
        base.GetWildcardQuery(field is null ? field! : CheckField(field), CheckLeadingWildcard(termStr));

    /// <summary>Lucene's own check says which rule but not where; this one knows the term, so its column.</summary>
    private string CheckLeadingWildcard(string termStr)
    {
        if (!AllowLeadingWildcard && termStr.Length > 0 && termStr[0] is '*' or '?')
        {
            throw RefuseAt(termStr, "'*' or '?' not allowed as first character in WildcardQuery");
        }
        return termStr;
    }

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
        base.GetFuzzyQuery(field is null ? field! : CheckField(field), termStr, minSimilarity);

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive) =>
        base.GetRangeQuery(field is null ? field! : CheckField(field), part1, part2, startInclusive, endInclusive);

    protected override Query GetRegexpQuery(string field, string termStr) =>
        throw RefuseAt("/" + termStr, $"Regular expressions (/{Truncate(termStr)}/) are not supported; put text with slashes in quotes.");

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
