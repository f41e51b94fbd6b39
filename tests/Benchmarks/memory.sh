#!/usr/bin/env bash
# Where the memory goes at 4,000 RIGs (RIGS overrides): the app is seeded, started again on the seeded database, and
# loaded signed in and anonymously on the common pages while dotnet-counters (a local tool) records the runtime's
# counters; then prints RSS beside the GC's heap and committed memory, and dotnet-gcdump's largest types.
#   bash tests/Benchmarks/memory.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet tool restore >/dev/null
# shellcheck source=tests/Benchmarks/lib.sh
source tests/Benchmarks/lib.sh
rigs="${RIGS:-4000}"

echo "Starting the app with $rigs RIGs (migrate + seed), then again on the seeded database..."
start_server "$rigs" "bench$rigs.db"
stop_server
start_server "$rigs" "bench$rigs.db"
printf '%-46s %s MB\n' "RSS after start" "$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status")"
# Collects for as long as the load below runs (7 pages, 2 x 3 s each), and stops by itself.
dotnet dotnet-counters collect -p "$server_pid" --counters System.Runtime --refresh-interval 1 --duration 00:00:00:45 --format csv -o "$work/counters.csv" >/dev/null &
counters=$!
sign_in
for path in / /rigs /rigs/benchmark-rig-00042 /regions/us-region-1 /events /mentors "/mentors?school=harvard-medical-school&page=3"; do
  WRK_DURATION=3 wrk_run "$connections" "$base$path" "" "$cookie" >/dev/null
  WRK_DURATION=3 wrk_run "$connections" "$base$path" "$work/miss.lua" >/dev/null
done
printf '%-46s %s MB\n' "peak RSS under load" "$(peak_rss)"
dotnet dotnet-gcdump collect -p "$server_pid" -o "$work/heap.gcdump" >/dev/null
wait "$counters" 2>/dev/null || true
echo
echo "Largest of the runtime's counters under load (MB):"
awk -F, 'NR > 1 && ($3 ~ /memory|heap\.size|working_set/) && ($3 ~ /\(By\)/) {
    v = ($5 + 0) / 1048576; if (v > max[$3]) max[$3] = v }
  END { for (n in max) printf "  %-70s %8.0f\n", n, max[n] }' "$work/counters.csv" | sort
echo
echo "The managed heap's largest types after the load (dotnet-gcdump):"
dotnet dotnet-gcdump report "$work/heap.gcdump" | head -25
stop_server
