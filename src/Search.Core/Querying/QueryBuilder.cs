using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Search.Core.Organisations;

namespace Search.Core.Querying;

/// <summary>
/// Turns query text into a Lucene query, with every failure reported as a <see cref="SearchRequestException"/>
/// that says what is wrong and where, and with the resource guards applied before anything runs.
/// </summary>
public sealed partial class QueryBuilder(IOrganisationExtractor organisations, SearchLimits limits)
{
    public SearchLimits Limits { get; } = limits;

    public Query Parse(string text)
    {
        if (text.Length > Limits.MaxQueryLength)
        {
            throw SearchRequestException.Invalid(
                $"query: {text.Length} characters is longer than the limit of {Limits.MaxQueryLength} (Search:Limits:MaxQueryLength).");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return new MatchAllDocsQuery();
        }
        Query? query;
        var parser = new ArticleQueryParser(organisations, Limits);
        try
        {
            query = parser.Parse(Sanitise(text));
        }
        catch (ParseException ex) when (ex.InnerException is BooleanQuery.TooManyClausesException)
        {
            // Lucene's parser wraps the clause limit in a parse error; it is a resource limit, not bad syntax.
            throw TooManyClauses();
        }
        catch (ParseException ex)
        {
            // Lucene wraps the parser's own error in "Cannot parse '<the whole query>': "; the inner one is enough.
            string message = ex.InnerException is ParseException inner ? inner.Message : ex.Message;
            throw SearchRequestException.Invalid("query does not parse: " + DescribeParseError(message, parser));
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            throw TooManyClauses();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            throw SearchRequestException.Invalid("query does not parse: " + DescribeParseError(ex.Message, parser));
        }
        return query is null ? new BooleanQuery() : AllowPureNegation(query);
    }

    public SearchRequestException TooManyClauses() => new(SearchErrorKind.ResourceExhausted,
        $"query expands to more than {Limits.MaxBooleanClauses} clauses (Search:Limits:MaxBooleanClauses); use fewer words, OR branches or wildcards.");

    /// <summary>
    /// Lucene's Boolean queries match nothing when every clause is negative ("-spam"); a user means "everything
    /// except", so such a query gets an implicit match-all clause, at every nesting level.
    /// </summary>
    private static Query AllowPureNegation(Query query)
    {
        if (query is not BooleanQuery boolean)
        {
            return query;
        }
        bool anyPositive = false;
        foreach (BooleanClause clause in boolean.Clauses)
        {
            clause.Query = AllowPureNegation(clause.Query);
            anyPositive |= clause.Occur != Occur.MUST_NOT;
        }
        if (!anyPositive && boolean.Clauses.Count > 0)
        {
            boolean.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return boolean;
    }

    /// <summary>Control characters and unpaired surrogates carry no meaning in a query; they become spaces.</summary>
    private static string Sanitise(string text)
    {
        char[]? copy = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool bad = char.IsControl(c)
                || (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
                || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));
            if (bad)
            {
                copy ??= text.ToCharArray();
                copy[i] = ' ';
            }
        }
        return copy is null ? text : new string(copy);
    }

    /// <summary>
    /// Keeps the position and what was expected from Lucene's message, without echoing a huge query. Every
    /// refusal says where: Lucene's syntax errors carry a column; for the checks Lucene makes after tokenising
    /// (which carry none) the column comes from where the parser stopped.
    /// </summary>
    private static string DescribeParseError(string message, ArticleQueryParser parser)
    {
        // Say which rule or setting refused the query, in words, and where.
        if (message.Contains("not allowed as first character in", StringComparison.Ordinal))
        {
            return At(parser.ErrorColumn ?? parser.ColumnOf("*"),
                "a word may not start with * or ? (Search:Limits:AllowLeadingWildcard is off); put at least one letter first.");
        }
        if (message.Contains("Fractional edit distances", StringComparison.Ordinal) || message.Contains("Minimum similarity for a FuzzyQuery", StringComparison.Ordinal))
        {
            return At(parser.ColumnOf("~"), "the edit distance after ~ must be 0, 1 or 2 (for example word~1).");
        }
        if (message.Contains("slop value cannot be negative", StringComparison.Ordinal))
        {
            return At(parser.ColumnOf("~"), "the word distance after a phrase's ~ must be 0 or more (for example \"a b\"~3).");
        }
        if (message.Contains("Unicode escape sequence", StringComparison.OrdinalIgnoreCase))
        {
            return At(parser.ColumnOf("\\u"), "a \\u escape needs four hex digits; write \\\\ for a backslash.");
        }
        Match position = PositionPattern().Match(message);
        string where = position.Success ? $"at column {position.Groups["column"].Value}" : $"at column {parser.ErrorColumn ?? parser.ColumnOf("")}";
        int encountered = message.IndexOf("Encountered", StringComparison.Ordinal);
        string detail = encountered >= 0 ? message[encountered..] : message;
        detail = detail.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        detail = WhitespacePattern().Replace(detail, " ").Trim();
        if (detail.Length > 300)
        {
            detail = detail[..300] + "…";
        }
        return where.Length > 0 && !detail.Contains(where, StringComparison.Ordinal) ? $"{where}: {detail}" : detail;
    }

    private static string At(int column, string rule) => $"at column {column}: {rule}";

    [GeneratedRegex(@"line \d+, column (?<column>\d+)")]
    private static partial Regex PositionPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
