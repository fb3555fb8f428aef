#!/usr/bin/env bash
# Reports at scale (issue 8): times building and rendering (HTML, PDF, DOCX, XLSX) the annual
# coordination meeting summary report over the demo data, then over a database a hundred
# times the demo's events and attendances, seeded by examples/bench_statistics.rs (which also
# prints its own statistics timings first).
# Usage: benches/reports.sh   (see examples/bench_reports.rs)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --example bench_statistics --example bench_reports
echo "Roma Platform reports benchmark — $(date -u +%Y-%m-%d), $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
./target/release/examples/bench_statistics "$dir/big.db" > "$dir/statistics.log"
head -1 "$dir/statistics.log"
./target/release/examples/bench_reports "$dir/big.db"
