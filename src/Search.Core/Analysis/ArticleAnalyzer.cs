using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;
using Search.Core.Schema;

namespace Search.Core.Analysis;

/// <summary>
/// Per-field analysis. Title and body: standard tokenizer, English possessives, lower case, ASCII folding,
/// English stop words and Porter stemming ("machines" finds "machine"). Keyword fields: the whole value as one
/// term, lower-cased (the document mapper hands them over already normalised, so indexing leaves them as they
/// are, and a query's value is lower-cased the same way).
/// </summary>
public static class ArticleAnalyzer
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Creates the analyzer used for both indexing and querying.</summary>
    public static Analyzer Create()
    {
        var text = new EnglishTextAnalyzer();
        var keyword = new KeywordLowercaseAnalyzer();
        return new PerFieldAnalyzerWrapper(text, new Dictionary<string, Analyzer>
        {
            [ArticleFields.Source] = keyword,
            [ArticleFields.Author] = keyword,
            [ArticleFields.Tag] = keyword,
            [ArticleFields.Organisation] = keyword,
            [ArticleFields.Id] = new KeywordAnalyzer(),
            [ArticleFields.GazetteerVersion] = new KeywordAnalyzer(),
        });
    }

    private sealed class EnglishTextAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new EnglishPossessiveFilter(Version, source);
            result = new LowerCaseFilter(Version, result);
            result = new ASCIIFoldingFilter(result);
            result = new StopFilter(Version, result, EnglishAnalyzer.DefaultStopSet);
            result = new PorterStemFilter(result);
            return new TokenStreamComponents(source, result);
        }
    }

    private sealed class KeywordLowercaseAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new KeywordTokenizer(reader);
            return new TokenStreamComponents(source, new LowerCaseFilter(Version, source));
        }
    }
}
