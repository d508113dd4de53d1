#!/bin/bash
# Peers-harness driver for our own service: the real Search server over gRPC.
#
# Same arguments and JSON as the harness's drivers (see the peers harness README):
#   benchmarks/peer-driver.sh --articles A.jsonl --queries Q.jsonl --workdir DIR --out OUT.json \
#       [--warmup 1] [--passes 1] [--skip-build] [--modes ids,highlight,facets,highlight_facets_filter]
# Concurrency run (N clients at once, QPS / p50 / p99 / errors as JSON and a markdown table):
#   benchmarks/peer-driver.sh concurrency --articles A.jsonl --queries Q.jsonl --workdir DIR --out OUT.json \
#       [--md OUT.md] [--skip-build] [--clients 1,4,16,64] [--seconds 10] [--max-queries 2000]
# Load with concurrent writes (searchers + a writer + a deleter on a fresh index holding half the corpus; exits 1
# on any failed request); writes benchmarks/peers-results/load-<corpus>.json|md unless --out/--md are given:
#   benchmarks/peer-driver.sh load --articles A.jsonl --workdir DIR [--seconds 60] [--searchers 16] [--write-batch 200]
#
# Builds the server and the driver in Release when their sources changed since the last build, starts the
# server on a free 127.0.0.1 port with its index under DIR/index (fresh, or reused with --skip-build), ingests
# through IndexArticleStream, runs the queries and stops the server (also on error or SIGTERM).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
SERVER_DLL="$REPO/src/Search.Server/bin/Release/net10.0/Search.Server.dll"
DRIVER_DLL="$REPO/benchmarks/Search.PeerDriver/bin/Release/net10.0/Search.PeerDriver.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

needs_build() {
  [ -f "$SERVER_DLL" ] && [ -f "$DRIVER_DLL" ] || return 0
  [ -n "$(find "$REPO/src" "$REPO/protos" "$REPO/benchmarks/Search.PeerDriver" "$REPO/Directory.Packages.props" \
            "$REPO/Directory.Build.props" -newer "$DRIVER_DLL" -type f \
            \( -name '*.cs' -o -name '*.csproj' -o -name '*.proto' -o -name '*.props' -o -name '*.json' \) \
            -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]
}

if needs_build; then
  echo "== building Search.Server and Search.PeerDriver (Release)" >&2
  build_log="$(mktemp)"
  for project in src/Search.Server benchmarks/Search.PeerDriver; do
    env -u OUTDIR dotnet build "$REPO/$project" -c Release --nologo -v quiet >"$build_log" 2>&1 || { cat "$build_log" >&2; rm -f "$build_log"; exit 1; }
  done
  rm -f "$build_log"
  touch "$DRIVER_DLL"
fi

# Run in the background and wait, so that a SIGTERM from the harness's timeout reaches the driver,
# which then stops the server it started.
extra=()
[ "${1:-}" = "load" ] && extra=(--results-dir "$REPO/benchmarks/peers-results")
dotnet "$DRIVER_DLL" "$@" "${extra[@]}" --server-dll "$SERVER_DLL" &
DRIVER_PID=$!
trap 'kill -TERM "$DRIVER_PID" 2>/dev/null || true' TERM INT
wait "$DRIVER_PID"
