#!/bin/bash
# The scale curve: builds recombined corpora of 10k, 100k and 1M real-text articles with the peers harness's
# make_recombined.py (fixed seed, so every run measures the same articles) and runs the harness on each, our
# service beside peers, then regenerates benchmarks/RESULTS.md (its "Scale curve" table reads these runs).
#
# Usage: benchmarks/run-scale.sh
# Environment (all optional):
#   SIZES="10k 100k 1m"                                  corpora to run, smallest first
#   PEERS_SMALL="lucene-4.10-postings lucenenet-raw-postings-nio sphinx postgres-fts"   peers beside ours up to 100k
#   PEERS_1M="lucene-4.10-postings"                      peers beside ours at 1M (Java Lucene gives the size yardstick)
#   PEERS_DIR=../shared/peers  WORKDIR=${TMPDIR:-/tmp}/search-bench-work  RUNS=1
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
PEERS_DIR="$(realpath "${PEERS_DIR:-$REPO/../shared/peers}")"
CORPORA="$(realpath "$PEERS_DIR/../corpora")"
export WORKDIR="${WORKDIR:-${TMPDIR:-/tmp}/search-bench-work}" RUNS="${RUNS:-1}"
for size in ${SIZES:-10k 100k 1m}; do
  case "$size" in
    10k) n=10000 ;; 100k) n=100000 ;; 1m) n=1000000 ;;
    *) echo "unknown size $size (10k, 100k or 1m)" >&2; exit 2 ;;
  esac
  corpus="$WORKDIR/corpora/recombined-$size/articles.jsonl"
  if [ ! -s "$corpus" ]; then
    mkdir -p "$(dirname "$corpus")"
    python3 "$PEERS_DIR/common/make_recombined.py" "$corpus" --n "$n" \
      --reuters "$CORPORA/reuters21578/articles.jsonl" --casie "$CORPORA/casie/articles.jsonl"
  fi
  peers="${PEERS_SMALL-lucene-4.10-postings lucenenet-raw-postings-nio sphinx postgres-fts}"
  [ "$size" = 1m ] && peers="${PEERS_1M-lucene-4.10-postings}"
  echo "== scale $size: $corpus with peers: $peers"
  CORPUS="$corpus" PEERS="$peers" CLIENTS="" LOAD_SECONDS="" "$REPO/benchmarks/run-benchmarks.sh"
done
