#!/usr/bin/env bash
# The signed-in rows of run.sh alone, for working on them: at 4,000 RIGs, each signed-in page against the raw page
# (hand-written SQL and a StringBuilder) and the signed-in profile against the cached anonymous one.
#   bash tests/Benchmarks/signed-in.sh          # 10 s per measurement, 32 connections
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=tests/Benchmarks/lib.sh
source tests/Benchmarks/lib.sh

echo "Starting the app with 4,000 RIGs (migrate + seed)..."
start_server 4000 bench4k.db
printf 'Ready after %.1f s.\n' "$started_in"
profile="/rigs/benchmark-rig-00042"

header "cached, plain (vs the same bytes from memory)"
cached_row "profile $profile, anonymous" "$profile"
read -r anonymous_rps _ _ <<<"$(measure "$base$profile")"

header "signed in (vs the raw ADO.NET page)"
sign_in
raw_row "profile, signed in" "$profile" "/benchmark/raw/rigs/benchmark-rig-00042" "" "$cookie"
read -r signed_rps _ _ <<<"$(measure "$base$profile" "" "$cookie")"
sign_in
raw_row "list /rigs, signed in" "/rigs" "/benchmark/raw/rigs" "" "$cookie"
sign_in
raw_row "/events, signed in" "/events" "/benchmark/raw/events" "" "$cookie"
printf '\n%-46s %.2f (%d against %d req/s)\n' "signed-in profile vs cached anonymous" "$(echo "$signed_rps / $anonymous_rps" | bc -l)" "$signed_rps" "$anonymous_rps"
printf '%-46s %s MB\n' "peak RSS under load" "$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status")"
stop_server
echo
echo "$connections connections, ${duration} s each; server on CPU 0, wrk on CPU 1 of this $(nproc)-core machine."
