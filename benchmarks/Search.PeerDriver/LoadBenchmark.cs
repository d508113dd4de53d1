using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Grpc.Net.Client;
using Search.Contracts.V1;

namespace Search.PeerDriver;

/// <summary>
/// Load with concurrent writes: the real server on a fresh index holding the first half of the corpus serves
/// a realistic search mix from many clients while one writer streams in the second half and one deleter
/// retracts random articles. Reports requests and failures per kind, latency percentiles, and the server's
/// resident memory before and after against a stated bound. Returns false when any request failed, the index
/// count disagrees with what was acknowledged, or the memory bound did not hold.
/// </summary>
internal static class LoadBenchmark
{
    /// <summary>Resident memory at the end may be at most this multiple of the start, plus <see cref="RssSlackMiB"/>.</summary>
    public const double RssFactor = 1.5;
    public const int RssSlackMiB = 200;

    public static async Task<bool> RunAsync(DriverArguments args)
    {
        string articles = Path.GetFullPath(args.Required("articles"));
        string corpusName = Path.GetFileName(Path.GetDirectoryName(articles)) ?? "corpus";
        double seconds = args.Double("seconds", 60);
        int searchers = args.Int("searchers", 16);
        int writeBatch = args.Int("write-batch", 200);
        int seed = args.Int("seed", 20240601);
        var deadline = TimeSpan.FromSeconds(args.Double("deadline-seconds", 10));
        if (seconds <= 0 || seconds > 3600 || searchers < 1 || searchers > 256)
        {
            throw new ArgumentException("--seconds must be in (0, 3600] and --searchers in [1, 256].");
        }

        LoadCorpus corpus = LoadCorpus.Read(articles);
        Console.Error.WriteLine($"  load: {corpus.FirstHalf.Count} articles indexed first, {corpus.SecondHalf.Count} written during the run");
        IEnumerable<List<Article>> firstHalf = corpus.FirstHalf.Chunk(args.Int("batch-size", 500)).Select(chunk => chunk.ToList());
        using ServerSession session = await ServerSession.StartAsync(args, skipBuild: false, firstHalf);
        var mix = new LoadRequestMix(corpus);
        await WarmUpAsync(new SearchService.SearchServiceClient(session.Server.Channel), mix, args.Int("warmup-requests", 300), seed, deadline);

        var memory = new ServerMemory(session.Server.ProcessId);
        long rssStart = memory.ResidentBytes();
        var recorder = new LoadRecorder();
        var indexed = new IndexedIds(corpus.FirstHalf.Select(a => a.Id));
        var channels = Enumerable.Range(0, searchers + 2).Select(_ => GrpcChannel.ForAddress(session.Server.Address)).ToArray();
        try
        {
            var searcherLoops = Enumerable.Range(0, searchers)
                .Select(i => new LoadSearcher(new SearchService.SearchServiceClient(channels[i]), mix, recorder, deadline, seed + 1 + i))
                .ToArray();
            var writer = new LoadWriter(new IndexService.IndexServiceClient(channels[searchers]), recorder, indexed, deadline);
            var deleter = new LoadDeleter(new IndexService.IndexServiceClient(channels[searchers + 1]), recorder, indexed, deadline, seed - 1);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            long start = Stopwatch.GetTimestamp();
            Task sampling = memory.SampleUntilAsync(stop.Token);
            var work = searcherLoops.Select(s => Task.Run(() => s.RunAsync(stop.Token))).ToList();
            work.Add(Task.Run(() => writer.RunAsync(corpus.SecondHalf, writeBatch, TimeSpan.FromSeconds(seconds), stop.Token)));
            work.Add(Task.Run(() => deleter.RunAsync(stop.Token)));
            await Task.WhenAll(work);
            double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
            long rssEnd = memory.ResidentBytes();
            await sampling;

            IndexStats stats = await CorpusIngester.WaitSearchableAsync(session.Server.Channel, Math.Max(writer.LastGeneration, deleter.LastGeneration));
            var outcome = new LoadOutcome(corpusName, corpus, session, recorder, writer, deleter, searcherLoops)
            {
                Seconds = seconds, WallSeconds = wall, Searchers = searchers, WriteBatch = writeBatch, Seed = seed, Deadline = deadline,
                RssStartBytes = rssStart, RssEndBytes = rssEnd, RssPeakBytes = memory.PeakBytes,
                ExpectedLive = indexed.Count, ActualLive = stats.ArticleCount, Segments = stats.SegmentCount, DeletedDocs = stats.DeletedCount,
            };
            JsonObject json = LoadReport.Json(outcome);
            string outPath = args.Optional("out", Path.Combine(args.Optional("results-dir", "."), $"load-{corpusName}.json"));
            string mdPath = args.Optional("md", Path.ChangeExtension(outPath, ".md"));
            PeerBenchmark.Write(outPath, json, indented: true);
            File.WriteAllText(mdPath, LoadReport.Markdown(outcome), new UTF8Encoding(false));
            Console.Error.Write(LoadReport.Markdown(outcome));
            Console.Error.WriteLine($"  wrote {outPath} and {mdPath}");
            return outcome.Passed;
        }
        finally
        {
            foreach (GrpcChannel channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    /// <summary>Untimed requests from the same mix (own seed) so that the start RSS and the first latencies are past JIT.</summary>
    private static async Task WarmUpAsync(SearchService.SearchServiceClient client, LoadRequestMix mix, int count, int seed, TimeSpan deadline)
    {
        var random = new Random(seed ^ 0x5f5f);
        for (int i = 0; i < count; i++)
        {
            await client.SearchAsync(mix.Build(LoadRequestMix.Kinds[i % LoadRequestMix.Kinds.Count], random), deadline: DateTime.UtcNow.Add(deadline));
        }
        await Task.Delay(1000);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warm-up: {count} untimed searches"));
    }
}
