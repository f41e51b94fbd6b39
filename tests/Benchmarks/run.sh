#!/usr/bin/env bash
# Benchmark of the public pages: publishes the app in Release, starts it in the Benchmark environment on a
# fresh SQLite file (5,000 schools, 4,000 RIGs, seeded deterministically), and drives it with wrk on
# loopback. Each page runs beside a baseline endpoint that returns the same number of bytes from memory,
# so the table reads as "fraction of the best this pipeline can do" on this machine.
#   bash tests/Benchmarks/run.sh            # 10 s per measurement, 32 connections
#   DURATION=5 CONNECTIONS=64 bash tests/Benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

duration="${DURATION:-10}"
connections="${CONNECTIONS:-32}"
port="${PORT:-5099}"
base="http://127.0.0.1:${port}"

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq wrk >/dev/null
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "Publishing (Release)..."
dotnet publish src/RigDirectory.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null

echo "Starting the app with the benchmark data set..."
start=$(date +%s.%N)
ASPNETCORE_ENVIRONMENT=Benchmark \
ASPNETCORE_URLS="$base" \
ConnectionStrings__Sqlite="Data Source=$work/benchmark.db" \
Security__RequireHttps=false \
Email__PickupDirectory="$work/mail" \
Logging__LogLevel__Default=Warning \
  dotnet "$work/app/RigDirectory.Web.dll" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
  if curl -fs -o /dev/null "$base/healthz"; then break; fi
  sleep 0.2
done
curl -fs -o /dev/null "$base/healthz" || { echo "The app did not start:"; cat "$work/server.log"; exit 1; }
printf 'Ready after %.1f s (migrate + seed 5,000 schools and 4,000 RIGs).\n' "$(echo "$(date +%s.%N) - $start" | bc)"

profile=$(curl -fs "$base/rigs?sort=School" | grep -oE 'href="/rigs/[a-z0-9-]+"' | head -n 1 | sed -E 's/href="([^"]+)"/\1/')
search="/rigs?q=Boston&region=us-region-7"

# A cache-busting query parameter per request: every request misses the output cache.
cat >"$work/uncached.lua" <<'LUA'
local counter = 0
request = function()
  counter = counter + 1
  local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. separator .. "nocache=" .. counter)
end
LUA

# wrk's latency lines are like "50%  1.23ms" (us, ms or s); print milliseconds.
to_ms() {
  awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 } printf "%.1f", v }'
}

measure() { # url [lua script] -> "rps p50 p99"
  local out
  if [ -n "${2:-}" ]; then
    out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$2" "$1")
  else
    out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$1")
  fi
  if echo "$out" | grep -q "Non-2xx"; then echo "Non-2xx responses from $1" >&2; echo "$out" >&2; exit 1; fi
  local rps p50 p99
  rps=$(echo "$out" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }' | to_ms)
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }' | to_ms)
  echo "$rps $p50 $p99"
}

printf '\n%-40s %9s %9s %8s %8s %12s %7s\n' "page (cached unless marked)" "bytes" "req/s" "p50 ms" "p99 ms" "baseline/s" "ratio"
row() { # label path [lua]
  local label="$1" path="$2" lua="${3:-}"
  local bytes; bytes=$(curl -fs "$base$path" | wc -c)
  curl -fs -o /dev/null "$base$path" # warm the output cache
  read -r rps p50 p99 <<<"$(measure "$base$path" "$lua")"
  read -r brps _ _ <<<"$(measure "$base/benchmark/baseline?bytes=$bytes")"
  printf '%-40s %9d %9d %8s %8s %12d %7.2f\n' "$label" "$bytes" "$rps" "$p50" "$p99" "$brps" "$(echo "$rps / $brps" | bc -l)"
}

row "home /" "/"
row "list /rigs" "/rigs"
row "search $search" "$search"
row "profile $profile" "$profile"
row "region /regions/us-region-1" "/regions/us-region-1"
row "list /rigs (uncached)" "/rigs" "$work/uncached.lua"
row "search (uncached)" "$search" "$work/uncached.lua"
echo
echo "$connections connections, ${duration} s each, wrk and the app on the same $(nproc)-core machine."
