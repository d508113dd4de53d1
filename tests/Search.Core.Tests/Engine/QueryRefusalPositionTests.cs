using Search.Core.Querying;

namespace Search.Core.Tests.Engine;

/// <summary>
/// Every refusal of the query text says where, as a 1-based column, including those Lucene raises after
/// tokenising without a position: a leading wildcard, a bad ~ value, an unknown field, a regular expression,
/// a broken \u escape.
/// </summary>
public sealed class QueryRefusalPositionTests : IDisposable
{
    private readonly EngineFixture _engine = new();

    [Theory]
    [InlineData("police *ware", 8, "may not start with * or ?")]
    [InlineData("police ?are", 8, "may not start with * or ?")]
    [InlineData("police title:*ware", 14, "may not start with * or ?")]
    [InlineData("police (takedown OR **)", 21, "may not start with * or ?")]
    [InlineData("police AND malwa~1.5", 17, "edit distance after ~")]
    [InlineData("police malware~1.5^2", 15, "edit distance after ~")]
    [InlineData("police nosuch:x", 8, "Unknown field 'nosuch'")]
    [InlineData("police nosuch:(a b)", 8, "Unknown field 'nosuch'")]
    [InlineData("police /reg.x/", 8, "Regular expressions")]
    [InlineData("police caf\\u00", 11, "\\u escape")]
    [InlineData("(police AND", 11, "Encountered")]
    public void Search_RefusedQueryText_SaysTheRuleAndTheColumn(string text, int column, string rule)
    {
        var error = Assert.Throws<SearchRequestException>(() => _engine.Search(new SearchQuery { Text = text }));

        Assert.Equal(SearchErrorKind.InvalidArgument, error.Kind);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.Contains($"at column {column}:", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _engine.Dispose();
}
