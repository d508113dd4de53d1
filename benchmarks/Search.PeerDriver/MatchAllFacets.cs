using System.Diagnostics;
using System.Text.Json.Nodes;
using Search.Contracts.V1;

namespace Search.PeerDriver;

/// <summary>
/// The explorer's first screen: every article matches (empty query) and the source and organisation facets are
/// counted exactly, with the first page of hits. Not a harness mode (it has no per-query variants), so it is
/// timed on its own: the same request, warm, many times.
/// </summary>
internal static class MatchAllFacets
{
    public static async Task<JsonObject> TimeAsync(SearchService.SearchServiceClient client, int runs)
    {
        var request = new SearchRequest { Query = "", PageSize = 10 };
        request.Facets.Add(new FacetRequest { Field = "source", Limit = 10 });
        request.Facets.Add(new FacetRequest { Field = "organisation", Limit = 10 });
        SearchResponse first = await client.SearchAsync(request);
        for (int i = 0; i < Math.Min(20, runs); i++)
        {
            await client.SearchAsync(request);
        }
        var latencies = new double[runs];
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < runs; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            await client.SearchAsync(request);
            latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }
        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Array.Sort(latencies);
        var summary = new JsonObject
        {
            ["how"] = "Search with an empty query (match all), page_size 10, facets source 10 and organisation 10; the same request repeated, warm",
            ["runs"] = runs,
            ["total_matches"] = first.TotalHits,
            ["p50_ms"] = Percentiles.Round(Percentiles.NearestRank(latencies, 50), 3),
            ["p99_ms"] = Percentiles.Round(Percentiles.NearestRank(latencies, 99), 3),
            ["qps"] = Percentiles.Round(runs / wall, 1),
        };
        Console.Error.WriteLine(FormattableString.Invariant(
            $"  {"match_all_facets",-24} p50 {summary["p50_ms"]!.GetValue<double>(),8:F2} ms  p99 {summary["p99_ms"]!.GetValue<double>(),8:F2} ms"));
        return summary;
    }
}
