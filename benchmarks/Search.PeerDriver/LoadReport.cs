using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Search.PeerDriver;

/// <summary>The load run's JSON (all figures) and its markdown section for RESULTS.md.</summary>
internal static class LoadReport
{
    private static readonly string[] WriteKinds = [LoadWriter.Kind, LoadDeleter.Kind];

    public static JsonObject Json(LoadOutcome o)
    {
        var kinds = new JsonObject();
        foreach (string kind in LoadRequestMix.Kinds.Concat(WriteKinds))
        {
            kinds[kind] = o.Recorder.Summary(kind);
        }
        return new JsonObject
        {
            ["corpus"] = o.CorpusName,
            ["cpus"] = Environment.ProcessorCount,
            ["load_average_at_end"] = LoadAverage(),
            ["seconds"] = o.Seconds,
            ["wall_seconds"] = Percentiles.Round(o.WallSeconds, 2),
            ["searchers"] = o.Searchers,
            ["seed"] = o.Seed,
            ["deadline_seconds"] = o.Deadline.TotalSeconds,
            ["initial_articles"] = o.Corpus.FirstHalf.Count,
            ["initial_ingest_seconds"] = o.Session.Ingest is { } ingest ? Percentiles.Round(ingest.Seconds, 2) : null,
            ["requests"] = kinds,
            ["search_requests"] = LoadRequestMix.Kinds.Sum(k => (int)o.Recorder.Summary(k)["ok"]!),
            ["deep_page_sessions"] = o.SearcherLoops.Sum(s => s.DeepSessions),
            ["failures"] = o.Recorder.Failures(),
            ["writer"] = new JsonObject
            {
                ["batch_size"] = o.WriteBatch,
                ["batches_planned"] = o.Writer.BatchesPlanned,
                ["batches_acknowledged"] = o.Writer.Batches,
                ["articles_written"] = o.Writer.Written,
                ["articles_rejected"] = o.Writer.Rejected,
            },
            ["deleter"] = new JsonObject { ["articles_deleted"] = o.Deleter.Deleted, ["ids_not_found"] = o.Deleter.NotFound },
            ["index_after"] = new JsonObject
            {
                ["expected_live_articles"] = o.ExpectedLive,
                ["live_articles"] = o.ActualLive,
                ["counts_agree"] = o.CountsAgree,
                ["segments"] = o.Segments,
                ["deleted_not_merged"] = o.DeletedDocs,
            },
            ["server_rss"] = new JsonObject
            {
                ["start_mib"] = MiB(o.RssStartBytes),
                ["end_mib"] = MiB(o.RssEndBytes),
                ["peak_mib"] = MiB(o.RssPeakBytes),
                ["end_over_start"] = Percentiles.Round((double)o.RssEndBytes / o.RssStartBytes, 2),
                ["bound"] = BoundText(),
                ["bound_mib"] = MiB(o.RssBoundBytes),
                ["bound_held"] = o.RssHeld,
            },
            ["passed"] = o.Passed,
        };
    }

    public static string Markdown(LoadOutcome o)
    {
        var t = new StringBuilder();
        JsonObject failures = o.Recorder.Failures();
        t.AppendLine(Inv($"Corpus `{o.CorpusName}`: {o.Corpus.FirstHalf.Count} articles indexed before the run (fresh index), then for {o.Seconds} s (wall {o.WallSeconds:F1} s): {o.Searchers} searchers, each on its own HTTP/2 connection, sending the next request as soon as the last one answered; one writer streaming the other {o.Corpus.SecondHalf.Count} articles through `IndexArticleStream` in batches of {o.WriteBatch} (one in flight, spread over 90% of the run); one deleter deleting 1–5 random indexed ids, waiting ~100 ms after each answered delete. Every request has a {o.Deadline.TotalSeconds} s deadline. Seed {o.Seed}. {Environment.ProcessorCount} CPU cores shared by server, clients and other work on the machine; load average at the end {LoadAverage()}."));
        t.AppendLine();
        t.AppendLine("Search mix (query words, organisations and dates drawn from the first half of the corpus): plain 30%, body highlight 20%, facets source + organisation 15%, filter (source, organisation or a 1–8 week date range; one in four with a second filter) 15%, newest first 10%, deep paging 10% (a session follows `next_page_token` for 5–20 pages; each page is one request).");
        t.AppendLine();
        t.AppendLine("| kind | ok | failed | p50 ms | p95 ms | p99 ms | max ms |");
        t.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (string kind in LoadRequestMix.Kinds.Concat(WriteKinds))
        {
            JsonObject s = o.Recorder.Summary(kind);
            t.AppendLine(Inv($"| {kind} | {s["ok"]} | {s["failed"]} | {s["p50_ms"]} | {s["p95_ms"]} | {s["p99_ms"]} | {s["max_ms"]} |"));
        }
        t.AppendLine();
        t.AppendLine(Inv($"- Failed requests: **{failures["total"]}**{FailureDetail(failures)}"));
        t.AppendLine(Inv($"- Written: {o.Writer.Written} articles in {o.Writer.Batches} of {o.Writer.BatchesPlanned} batches ({o.Writer.Rejected} rejected); deleted: {o.Deleter.Deleted} ({o.Deleter.NotFound} ids not found); {o.SearcherLoops.Sum(s => s.DeepSessions)} deep-paging sessions."));
        t.AppendLine(Inv($"- Index after the run: {o.ActualLive} live articles, expected {o.ExpectedLive} from the acknowledged writes and deletes ({(o.CountsAgree ? "agree" : "**disagree**")}); {o.Segments} segments, {o.DeletedDocs} deleted documents not yet merged away."));
        t.AppendLine(Inv($"- Server resident memory (VmRSS): {MiB(o.RssStartBytes)} MiB at the start of the load, {MiB(o.RssEndBytes)} MiB at the end (×{(double)o.RssEndBytes / o.RssStartBytes:F2}), peak {MiB(o.RssPeakBytes)} MiB sampled each second. Bound: {BoundText()} = {MiB(o.RssBoundBytes)} MiB — **{(o.RssHeld ? "held" : "exceeded")}**."));
        if (Busy())
        {
            t.AppendLine("- The load average exceeded the core count: other work on the machine competed for the CPU during the run, so latencies are pessimistic.");
        }
        t.AppendLine(Inv($"- Result: **{(o.Passed ? "passed" : "failed")}** (no failed request, counts agree, memory bound held)."));
        return t.ToString();
    }

    private static string FailureDetail(JsonObject failures)
    {
        if ((int)failures["total"]! == 0)
        {
            return "";
        }
        var byStatus = failures["by_status"]!.AsObject().Select(kv => $"{kv.Key} {kv.Value}");
        var first = failures["first"]!.AsArray().Take(10).Select(f => $"`{f}`");
        return " (" + string.Join(", ", byStatus) + "); first: " + string.Join("; ", first);
    }

    private static string BoundText() =>
        Inv($"end RSS ≤ {LoadBenchmark.RssFactor} × start RSS + {LoadBenchmark.RssSlackMiB} MiB");

    private static double MiB(long bytes) => Percentiles.Round(bytes / 1048576.0, 1);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>True when the 1-minute load average is above the number of cores (a shared, busy machine).</summary>
    private static bool Busy() =>
        double.TryParse(LoadAverage().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double load) && load > Environment.ProcessorCount;

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
