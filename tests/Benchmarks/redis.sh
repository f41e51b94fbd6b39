#!/usr/bin/env bash
# What running with Redis (Redis:Configuration, as several instances do) costs one instance: the same pages
# measured in the same run on the in-memory output cache and snapshots, then with the output cache and the
# snapshot stamps in Redis (redis-server on loopback, installed from Debian if missing). 4,000 RIGs and 12,000
# events; the server on CPU 0, wrk on CPU 1, Redis unpinned. Each row's ratio is Redis against in-memory.
#   bash tests/Benchmarks/redis.sh            # 10 s per measurement, 32 connections
#   DURATION=5 bash tests/Benchmarks/redis.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=tests/Benchmarks/lib.sh
source tests/Benchmarks/lib.sh

if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing redis-server..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq redis-server >/dev/null
fi
redis_port=$((port + 1))
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
redis_pid=$!
trap 'stop_server; kill "$redis_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

profile="/rigs/benchmark-rig-00042"
rows=(
  "cached /rigs (br)|/rigs||Accept-Encoding: $browser_encoding"
  "cached profile (br)|$profile||Accept-Encoding: $browser_encoding"
  "cached /events (br)|/events||Accept-Encoding: $browser_encoding"
  "miss /rigs|/rigs|$work/miss.lua|"
  "miss /rigs?q=Boston|/rigs?q=Boston|$work/miss.lua|"
  "miss /events|/events|$work/miss.lua|"
  "miss profile|$profile|$work/miss.lua|"
)
declare -A memory

measure_rows() { # -> "label|bytes|rps p50 p99" per row
  for row in "${rows[@]}"; do
    IFS='|' read -r label path lua hdr <<<"$row"
    bytes=$(bytes_of "$path" "$hdr") # also warms the entry
    echo "$label|$bytes|$(measure "$base$path" "$lua" "$hdr")"
  done
}

echo "Starting the app with 4,000 RIGs, caches in memory (migrate + seed)..."
start_server 4000 bench.db
measure_rows >"$work/memory.txt"
while IFS='|' read -r label _ result; do memory[$label]="$result"; done <"$work/memory.txt"
stop_server

echo "Restarting it on the same database with Redis:Configuration=127.0.0.1:$redis_port..."
SERVER_ENV=("Redis__Configuration=127.0.0.1:$redis_port")
start_server 4000 bench.db
measure_rows >"$work/redis.txt"
printf '\n%-46s %9s %8s %8s %8s %10s %6s\n' "Redis (vs the same page in memory)" "bytes" "req/s" "p50 ms" "p99 ms" "mem req/s" "ratio"
while IFS='|' read -r label bytes result; do
  read -r rps p50 p99 <<<"$result"
  read -r mrps mp50 mp99 <<<"${memory[$label]}"
  line "$label (mem p50 $mp50, p99 $mp99)" "$bytes" "$rps" "$p50" "$p99" "$mrps"
done <"$work/redis.txt"
echo
echo "$connections connections, ${duration} s each; server on CPU 0, wrk on CPU 1 of this $(nproc)-core machine; Redis on loopback."
