using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Net.Client;
using Search.Contracts.V1;

namespace Search.PeerDriver;

/// <summary>
/// Throughput under load: N independent clients (each its own HTTP/2 connection and its own loop over the query
/// set, starting at a different query) hit the server at once, each bounded by a query count and a time limit.
/// </summary>
internal static class ConcurrencyBenchmark
{
    public static async Task RunAsync(DriverArguments args)
    {
        List<BenchQuery> queries = BenchQuery.Load(args.Required("queries"));
        int[] levels = args.List("clients", "1,4,16,64").Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        IReadOnlyList<string> modes = args.List("modes", BenchModes.Ids + "," + BenchModes.HighlightFacetsFilter);
        double seconds = args.Double("seconds", 10);
        int maxPerClient = args.Int("max-queries", 2000);
        string articles = Path.GetFullPath(args.Required("articles"));

        using ServerSession session = await ServerSession.StartAsync(args, args.Flag("skip-build"));
        var requests = new BenchModes(ArticleJson.TopSource(articles));
        var warmClient = new SearchService.SearchServiceClient(session.Server.Channel);
        for (int i = 0; i < args.Int("jit-warmup", 1200); i++)
        {
            await warmClient.SearchAsync(requests.Build(BenchModes.All[i % BenchModes.All.Count], queries[i % queries.Count]));
        }
        await Task.Delay(1000);

        var rows = new JsonArray();
        foreach (string mode in modes)
        {
            SearchRequest[] prepared = queries.Select(q => requests.Build(mode, q)).ToArray();
            foreach (int clients in levels)
            {
                JsonObject row = await RunLevelAsync(session.Server.Address, prepared, mode, clients, seconds, maxPerClient);
                rows.Add(row);
                Console.Error.WriteLine(FormattableString.Invariant(
                    $"  {mode,-24} {clients,3} clients: {row["qps"]} q/s, p50 {row["p50_ms"]} ms, p99 {row["p99_ms"]} ms, errors {row["errors"]}"));
            }
        }
        var result = new JsonObject
        {
            ["articles"] = Path.GetFileName(Path.GetDirectoryName(articles)) + "/" + Path.GetFileName(articles),
            ["docs"] = session.Stats.ArticleCount,
            ["queries"] = queries.Count,
            ["cpus"] = Environment.ProcessorCount,
            ["seconds_limit_per_level"] = seconds,
            ["max_queries_per_client"] = maxPerClient,
            ["levels"] = rows,
        };
        PeerBenchmark.Write(args.Required("out"), result, indented: true);
        if (args.Optional("md", "") is { Length: > 0 } markdownPath)
        {
            File.WriteAllText(markdownPath, Markdown(result, rows), new UTF8Encoding(false));
        }
    }

    private static async Task<JsonObject> RunLevelAsync(Uri address, SearchRequest[] prepared, string mode, int clients, double seconds, int maxPerClient)
    {
        var channels = Enumerable.Range(0, clients).Select(_ => GrpcChannel.ForAddress(address)).ToArray();
        try
        {
            var stubs = channels.Select(c => new SearchService.SearchServiceClient(c)).ToArray();
            foreach (var stub in stubs)
            {
                await stub.SearchAsync(prepared[0]); // opens the connection outside the timed region
            }
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var deadline = TimeSpan.FromSeconds(seconds);
            Task<(List<double> Latencies, int Errors)>[] loops = stubs
                .Select((stub, index) => Task.Run(() => ClientLoopAsync(stub, prepared, index * prepared.Length / clients, maxPerClient, deadline, go.Task)))
                .ToArray();
            long start = Stopwatch.GetTimestamp();
            go.SetResult();
            var outcomes = await Task.WhenAll(loops);
            double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
            double[] sorted = outcomes.SelectMany(o => o.Latencies).Order().ToArray();
            return new JsonObject
            {
                ["mode"] = mode,
                ["clients"] = clients,
                ["completed"] = sorted.Length,
                ["errors"] = outcomes.Sum(o => o.Errors),
                ["seconds"] = Percentiles.Round(wall, 2),
                ["qps"] = Percentiles.Round(sorted.Length / wall, 1),
                ["p50_ms"] = Percentiles.Round(Percentiles.NearestRank(sorted, 50), 3),
                ["p99_ms"] = Percentiles.Round(Percentiles.NearestRank(sorted, 99), 3),
                ["mean_ms"] = Percentiles.Round(sorted.Length == 0 ? double.NaN : sorted.Average(), 3),
            };
        }
        finally
        {
            foreach (GrpcChannel channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    private static async Task<(List<double> Latencies, int Errors)> ClientLoopAsync(
        SearchService.SearchServiceClient stub, SearchRequest[] prepared, int offset, int maxQueries, TimeSpan limit, Task go)
    {
        await go;
        var latencies = new List<double>(maxQueries);
        int errors = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < maxQueries && clock.Elapsed < limit; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            try
            {
                await stub.SearchAsync(prepared[(offset + i) % prepared.Length], deadline: DateTime.UtcNow.AddSeconds(30));
                latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
            catch (RpcException)
            {
                errors++;
            }
        }
        return (latencies, errors);
    }

    private static string Markdown(JsonObject result, JsonArray rows)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Corpus `{result["articles"]}` ({result["docs"]} articles), {result["queries"]} queries; each client loops over the query set from its own starting point, at most {result["max_queries_per_client"]} queries or {result["seconds_limit_per_level"]} s; {result["cpus"]} CPU cores shared by server and clients.");
        text.AppendLine();
        text.AppendLine("| mode | clients | completed | errors | QPS | p50 ms | p99 ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (JsonNode? row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row!["mode"]} | {row["clients"]} | {row["completed"]} | {row["errors"]} | {row["qps"]} | {row["p50_ms"]} | {row["p99_ms"]} |");
        }
        return text.ToString();
    }
}
