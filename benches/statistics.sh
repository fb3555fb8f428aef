#!/usr/bin/env bash
# Participation statistics at scale (issue 4, item 11): seeds a fresh database with about 100
# times the demo world (30 000 people, 7 000 organisations, 3 000 events over 2024–2026,
# ~150 000 attendances) and times store::statistics::participation for a year, all three
# years, one event type, one territory and the public view: 2 warm-ups, 20 timed runs each.
# Usage: benches/statistics.sh [DATABASE to keep] [--analyze]   (see examples/bench_statistics.rs)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --example bench_statistics
echo "Roma Platform statistics benchmark — $(date -u +%Y-%m-%d), $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
./target/release/examples/bench_statistics "$@"
