#!/bin/bash
# Regenerates benchmarks/RESULTS.md: our service beside peer engines in the peers harness, the concurrency
# run, the load with concurrent writes, and (BDN=1) the BenchmarkDotNet micro-benchmarks.
#
# Usage: benchmarks/run-benchmarks.sh            (from anywhere; paths below are relative to the repo root)
# Environment (all optional):
#   PEERS_DIR=../shared/peers            the peers harness (run-all.sh, README.md)
#   CORPUS=$PEERS_DIR/../corpora/reuters21578/articles.jsonl   corpus; its folder name names the results
#   PEERS="lucenenet-raw-postings-nio lucene-4.10-postings sphinx postgres-fts sqlite-fts5 xapian"
#                                        peers run beside ours ("" = ours only)
#   RUNS=3 WARMUP=1 PASSES=1             passed to the harness (RUNS=1 for a quick run)
#   CLIENTS=1,4,16,64 CONC_SECONDS=10 CONC_MAX_QUERIES=2000   concurrency run ("" CLIENTS skips it)
#   LOAD_SECONDS=60                      load with concurrent writes (fresh index; "" skips it)
#   BDN=0                                1: also run the micro-benchmarks (slow: several minutes)
#   WORKDIR=${TMPDIR:-/tmp}/search-bench-work   indexes and server data
# Quick run: PEERS="lucenenet-raw-postings-nio" RUNS=1 benchmarks/run-benchmarks.sh
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"
PEERS_DIR="$(realpath "${PEERS_DIR:-$REPO/../shared/peers}")"
CORPUS="$(realpath "${CORPUS:-$PEERS_DIR/../corpora/reuters21578/articles.jsonl}")"
PEERS="${PEERS-lucenenet-raw-postings-nio lucene-4.10-postings sphinx postgres-fts sqlite-fts5 xapian}"
CLIENTS="${CLIENTS-1,4,16,64}"
PY="${PY:-python3}"
export RUNS="${RUNS:-3}" WARMUP="${WARMUP:-1}" PASSES="${PASSES:-1}"
export WORKDIR="${WORKDIR:-${TMPDIR:-/tmp}/search-bench-work}"
export OUTDIR="$REPO/benchmarks/peers-results"
NAME="$(basename "$(dirname "$CORPUS")")"
SUMMARY="$OUTDIR/summary-$NAME.md"
mkdir -p "$OUTDIR"

# shellcheck disable=SC2086
HARNESS_CMD="PEER_CMD_search=\$PWD/benchmarks/peer-driver.sh OUTDIR=benchmarks/peers-results RUNS=$RUNS WARMUP=$WARMUP PASSES=$PASSES \$PEERS_DIR/run-all.sh $NAME/articles.jsonl search $PEERS"
echo "== peers harness: $HARNESS_CMD"
# The harness builds its Java and C# drivers inside its own folder; run it from a private copy so that a
# shared harness folder is never written to.
HARNESS="$WORKDIR/harness"
rm -rf "$HARNESS"; mkdir -p "$HARNESS"; cp -r "$PEERS_DIR/." "$HARNESS/"; chmod -R u+w "$HARNESS"
# MSBuild reads environment variables as properties, case-insensitively: the harness's OUTDIR would become
# MSBuild's OutDir and send the C# driver's build output into the results folder. Its build runs without it.
sed -i 's/^set -e$/set -e\nunset OUTDIR/' "$HARNESS/lucenenet/build.sh"
harness_status=0
# shellcheck disable=SC2086
PEER_CMD_search="$REPO/benchmarks/peer-driver.sh" PEERS_HARNESS_COPY=1 "$HARNESS/run-all.sh" "$CORPUS" search $PEERS || harness_status=$?

QUERIES="$OUTDIR/raw/$NAME/queries.jsonl"
CONC_CMD=""
if [ -n "$CLIENTS" ]; then
  CONC_CMD="benchmarks/peer-driver.sh concurrency --articles $NAME/articles.jsonl --queries peers-results/raw/$NAME/queries.jsonl --workdir \$WORKDIR/$NAME/search --skip-build --clients $CLIENTS --seconds ${CONC_SECONDS:-10} --max-queries ${CONC_MAX_QUERIES:-2000}"
  echo "== concurrency: $CONC_CMD"
  skip="--skip-build"; [ -d "$WORKDIR/$NAME/search/index" ] || skip=""
  "$REPO/benchmarks/peer-driver.sh" concurrency --articles "$CORPUS" --queries "$QUERIES" --workdir "$WORKDIR/$NAME/search" $skip \
      --clients "$CLIENTS" --seconds "${CONC_SECONDS:-10}" --max-queries "${CONC_MAX_QUERIES:-2000}" \
      --out "$OUTDIR/concurrency-$NAME.json" --md "$OUTDIR/concurrency-$NAME.md"
fi

LOAD_SECONDS="${LOAD_SECONDS-60}"
LOAD_CMD=""
load_status=0
if [ -n "$LOAD_SECONDS" ]; then
  LOAD_CMD="benchmarks/peer-driver.sh load --articles $NAME/articles.jsonl --workdir \$WORKDIR/$NAME/load --seconds $LOAD_SECONDS"
  echo "== load with concurrent writes: $LOAD_CMD"
  # Its own workdir: the load writes and deletes articles, so it must not touch the index the runs above reuse.
  "$REPO/benchmarks/peer-driver.sh" load --articles "$CORPUS" --workdir "$WORKDIR/$NAME/load" --seconds "$LOAD_SECONDS" \
      --out "$OUTDIR/load-$NAME.json" --md "$OUTDIR/load-$NAME.md" || load_status=$?
fi

BDN_CMD=""
if [ "${BDN:-0}" = "1" ]; then
  BDN_CMD="dotnet run -c Release --project benchmarks/Search.Benchmarks -- --filter '*' --inProcess --exporters github"
  echo "== micro-benchmarks: $BDN_CMD"
  # In-process: the default toolchain rebuilds the project per job and timed out (2 min) on a loaded machine.
  (cd "$REPO" && dotnet run -c Release --project benchmarks/Search.Benchmarks -- --filter '*' --inProcess --exporters github --artifacts "$REPO/BenchmarkDotNet.Artifacts")
  cat "$REPO"/BenchmarkDotNet.Artifacts/results/*-report-github.md > "$OUTDIR/micro-benchmarks.md"
fi

"$PY" "$REPO/benchmarks/write_results.py" --name "$NAME" --outdir "$OUTDIR" --summary "$SUMMARY" \
    --harness-cmd "$HARNESS_CMD" --concurrency-cmd "$CONC_CMD" --load-cmd "$LOAD_CMD" --bdn-cmd "$BDN_CMD" --results "$REPO/benchmarks/RESULTS.md"
echo "== wrote $SUMMARY and benchmarks/RESULTS.md"
[ "$load_status" = 0 ] || echo "== the load run failed (exit $load_status): see peers-results/load-$NAME.md" >&2
if [ "$harness_status" != 0 ]; then exit "$harness_status"; fi
exit "$load_status"
