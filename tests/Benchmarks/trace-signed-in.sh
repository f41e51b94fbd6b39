#!/usr/bin/env bash
# Where a signed-in profile's CPU goes: the app at 4,000 RIGs under wrk (32 connections, signed in) while
# dotnet-trace (a local tool, dotnet tool restore) samples it for 8 s; prints the methods with the most inclusive
# and exclusive time. PAGE overrides the page (default the profile the benchmark measures), SIGN_IN the sign-in
# (default officer 1; /benchmark/sign-in/mentor/1 for a mentor's pages).
#   bash tests/Benchmarks/trace-signed-in.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet tool restore >/dev/null
# shellcheck source=tests/Benchmarks/lib.sh
source tests/Benchmarks/lib.sh
page="${PAGE:-/rigs/benchmark-rig-00042}"

echo "Starting the app with 4,000 RIGs (migrate + seed)..."
start_server 4000 bench4k.db
sign_in "${SIGN_IN:-}"
curl -fs -o /dev/null -H "$cookie" "$base$page"
WRK_DURATION=12 wrk_run "$connections" "$base$page" "" "$cookie" >"$work/wrk.out" &
load=$!
sleep 2
dotnet dotnet-trace collect -p "$server_pid" --profile dotnet-sampled-thread-time --duration 00:00:00:08 -o "$work/trace.nettrace" >/dev/null
wait "$load"
read -r rps p50 p99 _ <<<"$(summary "$(cat "$work/wrk.out")")"
echo "$page signed in, while traced: $rps req/s, p50 $p50 ms, p99 $p99 ms"
echo; echo "Inclusive (share of samples with the method on the stack):"
dotnet dotnet-trace report "$work/trace.nettrace" topN -n "${TOP:-40}" --inclusive
echo; echo "Exclusive:"
dotnet dotnet-trace report "$work/trace.nettrace" topN -n 25
stop_server
