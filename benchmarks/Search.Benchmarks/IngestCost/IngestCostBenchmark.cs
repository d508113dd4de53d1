using System.Diagnostics;
using System.Globalization;
using Search.Core;
using Search.Core.Indexing;
using Search.Core.Ingest;
using Search.Core.Model;
using Search.Core.Organisations;
using Search.Core.Schema;

namespace Search.Benchmarks.IngestCost;

/// <summary>
/// The issue's budget, end to end: extraction may add at most 30% to ingest time. Indexes one corpus through the
/// server's own write path (ArticleWriter → IndexHost → ArticleIndex: document mapping, IndexWriter on disk, group
/// commit, done when the last batch is durable) with the live extractor and with the pass-through one, in
/// alternating order over several rounds on fresh indexes, so drift of a noisy machine hits both alike.
/// Not a BenchmarkDotNet job: one round is seconds long and does real disk I/O, and the corpus is a parameter.
/// </summary>
internal static class IngestCostBenchmark
{
    /// <summary>Batches being committed at once, as the server's IndexArticleStream allows.</summary>
    private const int PipelineDepth = 8;

    private const double BudgetShare = 0.30;

    public static async Task RunAsync(IngestCostArguments args)
    {
        IReadOnlyList<Article> articles = LoadArticles(args.Articles);
        string work = args.WorkDir ?? Path.Combine(Path.GetTempPath(), "search-ingest-cost-" + Guid.NewGuid().ToString("N"));
        var variants = new (string Name, IOrganisationExtractor Extractor)[]
        {
            ("without extraction", new PassThroughOrganisationExtractor()),
            ("with extraction", new OrganisationExtractor(Gazetteer.Default)),
        };
        Console.WriteLine($"corpus: {args.Articles ?? "repository samples, repeated"} — {articles.Count} articles, " +
            $"{articles.Sum(a => (long)a.Title.Length + a.Body.Length) / 1024.0 / 1024.0:F1} Mi characters; " +
            $"batches of {args.BatchSize}, {args.Rounds} rounds, {Environment.ProcessorCount} cores");
        try
        {
            // Untimed: JIT and the gazetteer's first load.
            foreach (var (_, extractor) in variants)
            {
                await IngestAsync(articles.Take(Math.Min(articles.Count, 2000)).ToList(), extractor, work, args.BatchSize);
            }
            var times = variants.Select(_ => new List<double>()).ToArray();
            var cpu = variants.Select(_ => new List<double>()).ToArray();
            for (int round = 0; round < args.Rounds; round++)
            {
                // A B, then B A: neither variant always runs on the warmer (or more loaded) side of a round.
                int[] order = round % 2 == 0 ? [0, 1] : [1, 0];
                foreach (int v in order)
                {
                    var (wall, processor) = await IngestAsync(articles, variants[v].Extractor, work, args.BatchSize);
                    times[v].Add(wall.TotalSeconds);
                    cpu[v].Add(processor.TotalSeconds);
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round + 1}: without {times[0][round]:F2} s (CPU {cpu[0][round]:F2} s), with {times[1][round]:F2} s (CPU {cpu[1][round]:F2} s), " +
                    $"extraction adds {Share(times[1][round], times[0][round]):P0} (CPU {Share(cpu[1][round], cpu[0][round]):P0})"));
            }
            Report("wall-clock", times[0], times[1], articles.Count);
            Report("CPU", cpu[0], cpu[1], articles.Count);
            // Where the difference goes: the same steps on one thread, without the IndexWriter.
            double extractOnly = ExtractOnlySeconds(articles, variants[1].Extractor);
            double mapWithout = MapOnlySeconds(articles, variants[0].Extractor), mapWith = MapOnlySeconds(articles, variants[1].Extractor);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"one thread, no index: extraction {extractOnly:F2} s ({extractOnly * 1000 / articles.Count:F3} ms per article); " +
                $"document mapping without {mapWithout:F2} s, with {mapWith:F2} s"));
        }
        finally
        {
            if (args.WorkDir is null && Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>
    /// Medians of both variants and the share extraction adds. Wall-clock time is what a client waits; the process's
    /// CPU time (every thread: mapping, analysis, flushes, merges, commits) is the same work counted without the
    /// time other processes take the cores away, so on a shared machine it is the steadier of the two.
    /// </summary>
    private static void Report(string clock, List<double> without, List<double> with, int count)
    {
        double medianWithout = Median(without), medianWith = Median(with);
        double share = Share(medianWith, medianWithout);
        double pairedShare = Median(with.Zip(without, Share).ToList());
        var line = CultureInfo.InvariantCulture;
        Console.WriteLine($"{clock} time:");
        Console.WriteLine(string.Create(line, $"  ingest without extraction: median {medianWithout:F2} s (min {without.Min():F2}, max {without.Max():F2}), {count / medianWithout:F0} articles/s"));
        Console.WriteLine(string.Create(line, $"  ingest with extraction:    median {medianWith:F2} s (min {with.Min():F2}, max {with.Max():F2}), {count / medianWith:F0} articles/s"));
        Console.WriteLine(string.Create(line, $"  extraction adds {share:P1} (of the medians; median of the rounds' shares {pairedShare:P1}); budget {BudgetShare:P0}: {(share <= BudgetShare ? "held" : "EXCEEDED")}"));
    }

    /// <summary>
    /// One ingest into a fresh index; the time runs from the first batch to the last one being durable. The process's
    /// CPU time over the same span is returned beside it.
    /// </summary>
    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> IngestAsync(IReadOnlyList<Article> articles, IOrganisationExtractor extractor, string work, int batchSize)
    {
        string root = Path.Combine(work, "index");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        var options = new SearchIndexOptions { IndexPath = root };
        var mapper = new ArticleDocumentMapper(extractor);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var host = IndexHost.Open(root, path => ArticleIndex.Open(path, mapper, options));
        var writer = new ArticleWriter(host, options);
        var inFlight = new Queue<Task>();
        int failed = 0;
        using var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (int start = 0; start < articles.Count; start += batchSize)
        {
            var (result, durable) = writer.Write(articles.Skip(start).Take(batchSize).ToList());
            failed += result.Failed;
            inFlight.Enqueue(durable);
            if (inFlight.Count >= PipelineDepth)
            {
                await inFlight.Dequeue();
            }
        }
        await Task.WhenAll(inFlight);
        clock.Stop();
        process.Refresh();
        TimeSpan cpu = process.TotalProcessorTime - cpuBefore;
        if (failed > 0)
        {
            Console.WriteLine($"  ({failed} articles were rejected by validation and not indexed)");
        }
        return (clock.Elapsed, cpu);
    }

    private static double ExtractOnlySeconds(IReadOnlyList<Article> articles, IOrganisationExtractor extractor)
    {
        var clock = Stopwatch.StartNew();
        foreach (Article article in articles)
        {
            extractor.Extract(article.Title, article.Body, article.Organisations);
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static double MapOnlySeconds(IReadOnlyList<Article> articles, IOrganisationExtractor extractor)
    {
        var mapper = new ArticleDocumentMapper(extractor);
        var clock = Stopwatch.StartNew();
        foreach (Article article in articles)
        {
            mapper.ToDocument(article);
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static IReadOnlyList<Article> LoadArticles(string? path)
    {
        if (path is null)
        {
            return SampleData.Repeated(40);
        }
        using var stream = File.OpenRead(path);
        return JsonLinesArticleParser.Parse(stream, path, new ArticleReaderOptions()).Select(r => r.Article).OfType<Article>().ToList();
    }

    private static double Share(double with, double without) => with / without - 1;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
