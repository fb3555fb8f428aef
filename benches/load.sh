#!/usr/bin/env bash
# Load benchmark: throughput and p50/p99 latency of /healthz, the public home page and the
# login page at 32 concurrent connections on loopback, and the server's peak RSS.
# Needs wrk (Debian: apt-get install wrk). Usage: benches/load.sh [seconds per target]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-15}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

cargo build --release --quiet
dir="$(mktemp -d)"
port=18181
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
ROMA_LOG=warn ./target/release/roma-platform serve --database "$dir/bench.db" --bind "127.0.0.1:$port" >"$dir/out" 2>&1 &
pid=$!
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
echo "Roma Platform load benchmark — $(date -u +%Y-%m-%d), $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "wrk -t2 -c32 -d${duration}s, one target at a time, server and load generator on the same machine"
printf '%-12s %12s %10s %10s\n' target "requests/s" p50 p99
for target in /healthz /lv/ /lv/login; do
  out="$(wrk -t2 -c32 -d"${duration}s" --latency "http://127.0.0.1:$port$target")"
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  errors="$(grep -E 'Non-2xx|Socket errors' <<<"$out" || true)"
  printf '%-12s %12s %10s %10s %s\n' "$target" "$rps" "$p50" "$p99" "$errors"
done
rss_kib="$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")"
echo "peak RSS: $((rss_kib / 1024)) MiB ($rss_kib KiB)"
