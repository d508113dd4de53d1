#!/usr/bin/env python3
"""Writes benchmarks/peers-results/summary-<corpus>.md and rebuilds benchmarks/RESULTS.md from every summary.

Called by run-benchmarks.sh; reads the harness's results-<corpus>.md, our raw JSON (for the fourth mode, which
the harness's report does not show), the concurrency table, the load run and the micro-benchmark tables when present.
"""
import argparse, datetime, glob, json, os, re, subprocess

INTRO = """# Benchmarks

Regenerate with `benchmarks/run-benchmarks.sh` (see `benchmarks/README.md`). Each section below is one corpus,
written by the last run on that corpus.

**Noise warning.** Unless a section says otherwise, these figures come from a small shared machine (2 cores) on
which other engineers were compiling code at the same time (see the load average in each section). Absolute
latencies and QPS are therefore noisy and pessimistic; compare peers within one run, and rerun on a quiet
machine before drawing conclusions from small differences.
"""


def machine():
    mem = "?"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem = "%.1f GiB" % (int(line.split()[1]) / 1048576.0)
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        pass
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    return "%d CPU cores (`nproc`)%s, %s RAM; load average when the report was written: %s" % (
        os.cpu_count(), (" — " + model) if model else "", mem, load)


def git_commit():
    try:
        return subprocess.check_output(["git", "rev-parse", "--short", "HEAD"], text=True).strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def fourth_mode_table(raw_dir):
    rows = []
    for path in sorted(glob.glob(os.path.join(raw_dir, "search.run*.json"))):
        with open(path, encoding="utf-8") as f:
            r = json.load(f)
        m = r.get("modes", {}).get("highlight_facets_filter")
        if m:
            rows.append("| %s | %s | %s | %s | %s | %s | %s |" % (
                re.search(r"run(\d+)", path).group(1), m["p50_ms"], m["p95_ms"], m["p99_ms"], m["qps"],
                m.get("sum_total_matches", "–"), m.get("hits_with_highlight_pct", "–")))
    if not rows:
        return ""
    return "\n".join([
        "### Our service: highlight + facets + multi-select source filter (`highlight_facets_filter`)\n",
        "What a search page sends: body highlight, facets on source and organisation, and a source filter "
        "(the query's own source when it has one, plus the corpus's most frequent source). Single client, warm.\n",
        "| run | p50 ms | p95 ms | p99 ms | QPS | Σ matches | hits with a highlight |",
        "|---|---:|---:|---:|---:|---:|---:|"] + rows) + "\n"


def mib(n):
    return "%.1f" % (n / 1048576.0) if isinstance(n, (int, float)) else "–"


def first_run(raw_dir, peer):
    runs = sorted(glob.glob(os.path.join(raw_dir, "%s.run*.json" % peer)))
    if not runs:
        return None
    with open(runs[0], encoding="utf-8") as f:
        return json.load(f)


def scale_table(outdir):
    """The scale curve: our service on every recombined corpus that has a run, smallest first."""
    rows = []
    for raw_dir in glob.glob(os.path.join(outdir, "raw", "recombined-*")):
        r = first_run(raw_dir, "search")
        if not r or not r.get("index", {}).get("seconds"):
            continue
        idx = r["index"]
        java = first_run(raw_dir, "lucene-4.10-postings") or first_run(raw_dir, "lucene-4.10")
        java_bytes = java.get("index", {}).get("bytes") if java else None
        ratio = "%.2f" % (idx["bytes"] / java_bytes) if java_bytes else "–"
        modes = r.get("modes", {})
        cells = ["%s / %s" % (modes[m]["p50_ms"], modes[m]["p99_ms"]) if m in modes else "–"
                 for m in ("ids", "highlight", "facets", "highlight_facets_filter")]
        maf = r.get("match_all_facets") or {}
        rows.append((r["docs"], "| %s | %s | %.1f | %.0f | %s | %s | %s | %s | %s | %s |" % (
            os.path.basename(raw_dir), r["docs"], idx["seconds"], r["docs"] / idx["seconds"], mib(idx.get("bytes")),
            ratio, mib(idx.get("rss_after_ingest_bytes")), mib(r.get("rss_after_queries_bytes")),
            " | ".join(cells), "%s / %s" % (maf.get("p50_ms", "–"), maf.get("p99_ms", "–")))))
    if not rows:
        return ""
    rows.sort()
    return "\n".join([
        "## Scale curve (recombined corpora)\n",
        "Our service on corpora built by the harness's `make_recombined.py` (`benchmarks/run-scale.sh`). Ingest through "
        "`IndexArticleStream` until the last batch is durable; index size once merges settle, and the ratio to Java "
        "Lucene 4.10's index of the same corpus in the same run; server resident memory (VmRSS) after ingest and after "
        "the query run; p50 / p99 ms per mode at one client; match-all with source and organisation facets (the "
        "explorer's first screen).\n",
        "| corpus | articles | ingest s | articles/s | index MiB | × Java | RSS ingest MiB | RSS queries MiB "
        "| ids | highlight | facets | hl+facets+filter | match-all facets |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"] + [row for _, row in rows]) + "\n"


def read(path, demote=True):
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return re.sub(r"^(#+) ", lambda m: "#" * (len(m.group(1)) + 2) + " ", text, flags=re.M) if demote else text


def main():
    ap = argparse.ArgumentParser()
    for name in ("name", "outdir", "summary", "results"):
        ap.add_argument("--" + name, required=True)
    for name in ("harness-cmd", "concurrency-cmd", "load-cmd", "bdn-cmd"):
        ap.add_argument("--" + name, default="")
    a = ap.parse_args()
    commands = [a.harness_cmd] + [c for c in (a.concurrency_cmd, a.load_cmd, a.bdn_cmd) if c]
    parts = [
        "## Corpus `%s`\n" % a.name,
        "Run %s UTC on commit `%s`. Machine: %s.\n" % (
            datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"), git_commit(), machine()),
        "Commands (from the repository root; `PEERS_DIR` is the peers harness, by default `../shared/peers`):\n",
        "```sh\n" + "\n".join(commands) + "\n```\n",
        "Our service is the peer `search`: the real server (Release) in its own process, reached over gRPC on "
        "loopback by `benchmarks/peer-driver.sh`. The harness compares every peer with `lucene-4.10` when it ran, "
        "else with the first peer in its table.\n",
    ]
    harness = read(os.path.join(a.outdir, "results-%s.md" % a.name))
    if harness:
        parts.append(harness)
    parts.append(fourth_mode_table(os.path.join(a.outdir, "raw", a.name)))
    conc = read(os.path.join(a.outdir, "concurrency-%s.md" % a.name), demote=False)
    if conc:
        parts.append("### Concurrency: our service under N simultaneous clients\n\n" + conc)
    load = read(os.path.join(a.outdir, "load-%s.md" % a.name), demote=False)
    if load:
        parts.append("### Load with concurrent writes\n\n" + load)
    micro = read(os.path.join(a.outdir, "micro-benchmarks.md"))
    if micro:
        parts.append("### Micro-benchmarks (BenchmarkDotNet)\n\n" + micro)
    with open(a.summary, "w", encoding="utf-8") as f:
        f.write("\n".join(p for p in parts if p))
    sections = [INTRO, read(os.path.join(os.path.dirname(os.path.abspath(a.results)), "targets.md"), demote=False),
                scale_table(a.outdir)]
    for path in sorted(glob.glob(os.path.join(a.outdir, "summary-*.md"))):
        sections.append(read(path, demote=False))
    with open(a.results, "w", encoding="utf-8") as f:
        f.write("\n".join(x for x in sections if x))


if __name__ == "__main__":
    main()
