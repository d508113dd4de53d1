using BenchmarkDotNet.Attributes;
using Search.Core.Model;
using Search.Core.Organisations;

namespace Search.Benchmarks;

/// <summary>Organisation extraction (gazetteer aliases, patterns, acronyms) over every sample article.</summary>
[MemoryDiagnoser]
public class OrganisationBenchmarks
{
    private readonly OrganisationExtractor extractor = new();
    private IReadOnlyList<Article> articles = [];

    [GlobalSetup]
    public void Setup() => articles = SampleData.Articles();

    [Benchmark]
    public int ExtractAllSamples()
    {
        int found = 0;
        foreach (Article article in articles)
        {
            found += extractor.Extract(article.Title, article.Body, article.Organisations).Mentions.Count;
        }
        return found;
    }
}
