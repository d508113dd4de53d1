using System.Diagnostics;
using System.Runtime;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Search.Contracts.V1;

namespace Search.PeerDriver;

/// <summary>
/// The harness driver contract: index the corpus through the service, run the query set one query at a time
/// in each mode, write the harness's JSON.
/// </summary>
internal static class PeerBenchmark
{
    /// <summary>The server's default Search:IdleCompactionDelay, which the driver does not override.</summary>
    private const int IdleCompactionNote = 10;

    public static async Task RunAsync(DriverArguments args)
    {
        string articles = Path.GetFullPath(args.Required("articles"));
        int warmup = args.Int("warmup", 1);
        int passes = args.Int("passes", 1);
        bool skipBuild = args.Flag("skip-build");
        IReadOnlyList<string> modes = args.List("modes", string.Join(',', BenchModes.All));
        List<BenchQuery> queries = BenchQuery.Load(args.Required("queries"));

        var notes = new JsonArray
        {
            $"client: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, Grpc.Net.Client, one HTTP/2 channel over loopback, one query at a time",
            $"server: the real Search.Server (Release) as a separate process with .NET defaults (tiered JIT + dynamic PGO, {ServerRuntime.DescribeGc(Path.GetFullPath(args.Required("server-dll")))})",
            "organisation facet = given organisations plus those the service extracts from title and body, so its counts differ from peers that index the given list only",
        };
        var result = new JsonObject
        {
            ["peer"] = args.Optional("peer-name", "search"),
            ["version"] = "Search service (gRPC, Lucene.NET 4.8)",
            ["articles"] = Path.GetFileName(Path.GetDirectoryName(articles)) + "/" + Path.GetFileName(articles),
            ["access"] = "gRPC service, separate process, loopback HTTP/2",
            ["notes"] = notes,
        };

        using ServerSession session = await ServerSession.StartAsync(args, skipBuild);
        result["docs"] = session.Stats.ArticleCount;
        result["queries"] = queries.Count;
        result["host"] = new JsonObject { ["cpus"] = Environment.ProcessorCount, ["dotnet"] = Environment.Version.ToString() };
        var memory = new ServerMemory(session.Server.ProcessId);
        result["index"] = IndexSection(session);
        result["index"]!["rss_after_ingest_bytes"] = memory.ResidentBytes();
        notes.Add($"queries start once merges settle: {session.SettleSeconds:F1} s after the last acknowledgement (not in the build time; includes the compaction that runs after {IdleCompactionNote} s without writes), {session.Stats.SegmentCount} segments; client GC: {(GCSettings.IsServerGC ? "server" : "workstation")}");

        var client = new SearchService.SearchServiceClient(session.Server.Channel);
        var requests = new BenchModes(ArticleJson.TopSource(articles));
        int jitWarmup = args.Int("jit-warmup", 3000);
        await WarmUpJitAsync(client, requests, queries, jitWarmup);
        notes.Add($"JIT warm-up before any mode: {jitWarmup} untimed queries cycling over all four modes, then 1 s idle for tier-1 compilation; then each mode's own {warmup} warm-up pass(es)");

        var perQuery = new JsonArray(queries.Select(q => (JsonNode?)new JsonObject
        {
            ["q"] = q.Q, ["kind"] = q.Kind, ["source_filter"] = q.SourceFilter, ["ms"] = new JsonObject(),
        }).ToArray());
        var modeResults = new JsonObject();
        foreach (string mode in modes)
        {
            modeResults[mode] = await TimeModeAsync(client, requests, mode, queries, warmup, passes, perQuery);
        }
        result["modes"] = modeResults;
        result["match_all_facets"] = await MatchAllFacets.TimeAsync(client, args.Int("match-all-runs", 100));
        result["rss_after_queries_bytes"] = memory.ResidentBytes();
        result["per_query"] = perQuery;
        Write(args.Required("out"), result);
    }

    private static JsonObject IndexSection(ServerSession session)
    {
        IngestOutcome? ingest = session.Ingest;
        var index = new JsonObject();
        if (ingest is null)
        {
            index["seconds"] = null;
            index["note"] = "reused existing index";
        }
        else
        {
            index["seconds"] = Percentiles.Round(ingest.Seconds, 2);
            index["steps"] = $"IndexArticleStream over gRPC, {ingest.Batches} batches, pipelined; timed until the last batch was acknowledged as durably committed (group commit); organisation extraction on";
            index["stores_text"] = "yes (body stored for highlighting)";
            index["failed"] = ingest.Failed;
            if (ingest.FirstErrors.Count > 0)
            {
                index["first_errors"] = new JsonArray(ingest.FirstErrors.Select(e => (JsonNode?)e).ToArray());
            }
        }
        index["bytes"] = session.Stats.SizeBytes;
        return index;
    }

    /// <summary>
    /// The server runs with .NET's tiered JIT: until methods are recompiled at tier 1 (with PGO) latencies are
    /// several times higher, and one warm-up pass per mode does not get there. So every mode is exercised first.
    /// </summary>
    private static async Task WarmUpJitAsync(SearchService.SearchServiceClient client, BenchModes requests, List<BenchQuery> queries, int count)
    {
        for (int i = 0; i < count; i++)
        {
            string mode = BenchModes.All[i % BenchModes.All.Count];
            await client.SearchAsync(requests.Build(mode, queries[i % queries.Count]));
        }
        await Task.Delay(1000);
    }

    private static async Task<JsonObject> TimeModeAsync(
        SearchService.SearchServiceClient client, BenchModes requests, string mode, List<BenchQuery> queries, int warmup, int passes, JsonArray perQuery)
    {
        SearchRequest[] prepared = queries.Select(q => requests.Build(mode, q)).ToArray();
        for (int w = 0; w < warmup; w++)
        {
            foreach (SearchRequest request in prepared)
            {
                await client.SearchAsync(request);
            }
        }
        var latencies = new double[prepared.Length * passes];
        var firstPass = new List<SearchResponse>(prepared.Length);
        int k = 0;
        long start = Stopwatch.GetTimestamp();
        for (int p = 0; p < passes; p++)
        {
            foreach (SearchRequest request in prepared)
            {
                long t0 = Stopwatch.GetTimestamp();
                SearchResponse response = await client.SearchAsync(request);
                latencies[k++] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                if (p == 0)
                {
                    firstPass.Add(response);
                }
            }
        }
        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        JsonObject stats = ModeReport.Summarise(mode, latencies, wall, queries.Count, warmup, passes);
        for (int i = 0; i < queries.Count; i++)
        {
            perQuery[i]!["ms"]![mode] = Percentiles.Round(latencies[i], 3);
        }
        ModeReport.AddResults(mode, stats, perQuery, queries, firstPass);
        Console.Error.WriteLine(FormattableString.Invariant(
            $"  {mode,-24} p50 {stats["p50_ms"]!.GetValue<double>(),8:F2} ms  p95 {stats["p95_ms"]!.GetValue<double>(),8:F2} ms  p99 {stats["p99_ms"]!.GetValue<double>(),8:F2} ms  {stats["qps"]!.GetValue<double>(),8:F1} q/s"));
        return stats;
    }

    public static void Write(string path, JsonNode json, bool indented = false)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = indented };
        File.WriteAllText(full, json.ToJsonString(options), new UTF8Encoding(false));
    }
}
