#!/usr/bin/env bash
# Event pages under load (issue 4, item 12): throughput and p50/p99 latency of the public
# event page (20 agenda items) and of a coordinator's registration list (200 registrations)
# at 32 concurrent connections on loopback, and the server's peak RSS.
# Needs wrk (Debian: apt-get install wrk) and curl. Usage: benches/events.sh [seconds per target]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-15}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing" >&2; exit 1; }

cargo build --release --quiet
cargo build --release --quiet --example bench_seed
dir="$(mktemp -d)"
port=18182
base="http://127.0.0.1:$port"
pid=""
trap '[ -n "$pid" ] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }; rm -rf "$dir"' EXIT

event="$(./target/release/examples/bench_seed "$dir/bench.db")"
ROMA_LOG=warn ./target/release/roma-platform serve --database "$dir/bench.db" --bind "127.0.0.1:$port" >"$dir/out" 2>&1 &
pid=$!
for _ in $(seq 50); do
  curl -fs "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done

# Log in as the coordinator the seed created. The cookies are `__Host-` and Secure, which a
# client keeps back over plain http, so they are read from Set-Cookie and sent by hand.
email="bench-coordinator@bench.invalid"
password="etalona parole ar garumzīmēm 2026"
curl -s -D "$dir/login.h" -o "$dir/login.html" "$base/lv/login"
login_cookie="$(grep -i '^set-cookie: __Host-roma_login=' "$dir/login.h" | sed -E 's/^[^:]*: *([^;]*);.*/\1/' | tr -d '\r')"
csrf="$(grep -o 'name="csrf_token" value="[^"]*"' "$dir/login.html" | head -1 | sed -E 's/.*value="([^"]*)"/\1/')"
[ -n "$login_cookie" ] && [ -n "$csrf" ] || { echo "no login cookie or CSRF token on /lv/login" >&2; exit 1; }
status="$(curl -s -o /dev/null -D "$dir/session.h" -w '%{http_code}' -H "Cookie: $login_cookie" \
  --data-urlencode "email=$email" --data-urlencode "password=$password" \
  --data-urlencode "csrf_token=$csrf" "$base/lv/login")"
session="$(grep -i '^set-cookie: __Host-roma_session=' "$dir/session.h" | sed -E 's/^[^:]*: *([^;]*);.*/\1/' | tr -d '\r')"
[ "$status" = 303 ] && [ -n "$session" ] || { echo "login failed (HTTP $status)" >&2; exit 1; }

echo "Roma Platform event pages benchmark — $(date -u +%Y-%m-%d), $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "wrk -t2 -c32 -d${duration}s, one target at a time, server and load generator on the same machine"
echo "event $event: 20 agenda items, 200 registrations (180 confirmed, 20 waiting)"
printf '%-34s %12s %10s %10s %12s %s\n' target "requests/s" p50 p99 "bytes/resp" "checks"
# wrk counts 3xx as success, so a redirect to the login page would pass unnoticed: the page
# is fetched once with curl first (it must be 200), and the bytes wrk read per response must
# match that page's size.
measure() {
  local path="$1"; shift
  local code size out rps p50 p99 requests read per errors
  code="$(curl -s -o "$dir/page" -D "$dir/page.h" -w '%{http_code}' "$@" "$base$path")"
  size=$(( $(stat -c %s "$dir/page") + $(stat -c %s "$dir/page.h") ))
  [ "$code" = 200 ] || { echo "$path answered $code before the run" >&2; exit 1; }
  out="$(wrk -t2 -c32 -d"${duration}s" --latency "$@" "$base$path")"
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  read="$(awk '/requests in/ {print $5}' <<<"$out")"
  per="$(awk -v r="$read" -v n="$requests" 'BEGIN {
    m = 1; if (r ~ /KB$/) m = 1024; else if (r ~ /MB$/) m = 1048576; else if (r ~ /GB$/) m = 1073741824;
    v = r; sub(/[KMG]?B$/, "", v); printf "%d", (v + 0) * m / n }')"
  errors="$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | tr '\n' ' ' || true)"
  code="$(curl -s -o /dev/null -w '%{http_code}' "$@" "$base$path")"
  printf '%-34s %12s %10s %10s %12s %s\n' "$path" "$rps" "$p50" "$p99" "$per" \
    "curl ${size} B, 200 before, $code after ${errors:-no errors}"
}
measure "/lv/calendar/$event"
measure "/lv/events/$event/registrations" -H "Cookie: $session"
rss_kib="$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")"
echo "peak RSS: $((rss_kib / 1024)) MiB ($rss_kib KiB)"
