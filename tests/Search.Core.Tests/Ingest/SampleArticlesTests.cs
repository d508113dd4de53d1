using Search.Core.Ingest;
using Search.Core.Model;

namespace Search.Core.Tests.Ingest;

/// <summary>The bundled samples/ folder must always load cleanly: demos and other tests rely on it.</summary>
public class SampleArticlesTests
{
    private static readonly string SamplesPath = Path.Combine(AppContext.BaseDirectory, "samples");

    private static List<IngestRecord> ReadSamples() =>
        ArticleFileReader.Read([SamplesPath], new ArticleReaderOptions()).ToList();

    [Fact]
    public void All_samples_load_without_errors_from_several_sources()
    {
        List<IngestRecord> records = ReadSamples();

        Assert.Empty(records.Where(r => r.Error is not null).Select(r => $"{r.Error!.Location}: {r.Error.Message}"));
        Article[] articles = records.Select(r => r.Article!).ToArray();
        Assert.True(articles.Length >= 25, $"only {articles.Length} sample articles");
        Assert.True(articles.Select(a => a.Source).Distinct().Count() >= 5);
        Assert.Equal(articles.Length, articles.Select(a => a.Id).Distinct().Count());
        Assert.DoesNotContain(articles, a => a.Source == "unknown");
    }

    [Fact]
    public void Samples_include_the_seed_and_dated_json_articles()
    {
        List<Article> articles = ReadSamples().Select(r => r.Article!).ToList();

        Article seed = Assert.Single(articles, a => a.Id == "000_f278579319015f6d");
        Assert.Equal("Security Affairs", seed.Source);
        int[] years = articles.Where(a => a.Published is not null).Select(a => a.Published!.Value.Year).Distinct().ToArray();
        Assert.True(years.Min() <= 2017 && years.Max() >= 2024, string.Join(",", years));
        Assert.Contains(articles, a => a.Body.Contains("<script>alert(1)</script>", StringComparison.Ordinal));
        Assert.Contains(articles, a => a.Body.Contains("&amp;", StringComparison.Ordinal));
    }
}
