using System.Text.Json.Nodes;
using Search.Contracts.V1;

namespace Search.PeerDriver;

/// <summary>
/// Turns one mode's timings and first-pass responses into the harness's JSON: the mode's summary (same keys as
/// bench.py) and the per-query fields the report compares (top10 from ids, total_matches and facets from facets).
/// </summary>
internal static class ModeReport
{
    public static JsonObject Summarise(string mode, double[] latenciesMs, double wallSeconds, int queryCount, int warmup, int passes)
    {
        double[] sorted = (double[])latenciesMs.Clone();
        Array.Sort(sorted);
        return new JsonObject
        {
            ["supported"] = true,
            ["queries"] = queryCount,
            ["timed_passes"] = passes,
            ["warmup_passes"] = warmup,
            ["p50_ms"] = Percentiles.Round(Percentiles.NearestRank(sorted, 50), 3),
            ["p95_ms"] = Percentiles.Round(Percentiles.NearestRank(sorted, 95), 3),
            ["p99_ms"] = Percentiles.Round(Percentiles.NearestRank(sorted, 99), 3),
            ["max_ms"] = Percentiles.Round(sorted[^1], 3),
            ["mean_ms"] = Percentiles.Round(sorted.Average(), 3),
            ["qps"] = Percentiles.Round(latenciesMs.Length / wallSeconds, 1),
            ["how"] = BenchModes.How(mode),
        };
    }

    public static void AddResults(string mode, JsonObject stats, JsonArray perQuery, IReadOnlyList<BenchQuery> queries, IReadOnlyList<SearchResponse> responses)
    {
        switch (mode)
        {
            case BenchModes.Ids:
                for (int i = 0; i < responses.Count; i++)
                {
                    perQuery[i]!["top10"] = new JsonArray(responses[i].Hits.Select(h => (JsonNode?)h.Article.Id).ToArray());
                }
                stats["zero_result_queries"] = responses.Count(r => r.Hits.Count == 0);
                stats["mean_results"] = Percentiles.Round(responses.Average(r => r.Hits.Count), 2);
                break;
            case BenchModes.Facets:
                for (int i = 0; i < responses.Count; i++)
                {
                    perQuery[i]!["total_matches"] = responses[i].TotalHits;
                    perQuery[i]!["facets"] = new JsonObject
                    {
                        ["source"] = FacetValues(responses[i], "source"),
                        ["organisations"] = FacetValues(responses[i], "organisation"),
                    };
                }
                stats["sum_total_matches"] = responses.Sum(r => r.TotalHits);
                break;
            case BenchModes.Highlight:
                AddHighlightStats(stats, queries, responses);
                break;
            case BenchModes.HighlightFacetsFilter:
                // Filtered, so its counts are not comparable with the other peers; kept as totals only.
                AddHighlightStats(stats, queries, responses);
                stats["sum_total_matches"] = responses.Sum(r => r.TotalHits);
                stats["zero_result_queries"] = responses.Count(r => r.Hits.Count == 0);
                break;
            default:
                throw new ArgumentException($"Unknown mode '{mode}'.");
        }
    }

    private static void AddHighlightStats(JsonObject stats, IReadOnlyList<BenchQuery> queries, IReadOnlyList<SearchResponse> responses)
    {
        int hits = 0, marked = 0;
        var sample = new JsonArray();
        for (int i = 0; i < responses.Count; i++)
        {
            var sampleHits = new JsonArray();
            foreach (Hit hit in responses[i].Hits)
            {
                string[] fragments = hit.Highlights.Where(h => h.Field == "body").SelectMany(h => h.Fragments).Select(f => f.Text).ToArray();
                hits++;
                if (fragments.Any(f => f.Contains("<b>", StringComparison.Ordinal)))
                {
                    marked++;
                }
                if (sampleHits.Count < 2)
                {
                    sampleHits.Add(new JsonArray(hit.Article.Id, new JsonArray(fragments.Select(f => (JsonNode?)f).ToArray())));
                }
            }
            if (i < 3)
            {
                sample.Add(new JsonObject { ["q"] = queries[i].Q, ["hits"] = sampleHits });
            }
        }
        stats["hits_with_highlight_pct"] = Percentiles.Round(100.0 * marked / Math.Max(1, hits), 1);
        stats["sample"] = sample;
    }

    private static JsonArray FacetValues(SearchResponse response, string field) => new(
        response.Facets.Where(f => f.Field == field)
            .SelectMany(f => f.Values)
            .Select(v => (JsonNode?)new JsonArray(v.Value, v.Count))
            .ToArray());
}
