using BenchmarkDotNet.Attributes;
using Search.Core;
using Search.Core.Organisations;
using Search.Core.Querying;

namespace Search.Benchmarks;

/// <summary>Parsing user queries into Lucene queries, one of each syntax the service accepts.</summary>
[MemoryDiagnoser]
public class QueryBuildingBenchmarks
{
    private readonly QueryBuilder builder = new(new OrganisationExtractor(), new SearchLimits());

    [Params("ransomware", "phishing campaign", "\"threat intelligence\"", "botnet OR malware -europol", "organisation:Daesh source:\"Security Affairs\"", "ransom*")]
    public string Query { get; set; } = "";

    [Benchmark]
    public object Parse() => builder.Parse(Query);
}
