#!/usr/bin/env bash
# The signed-in rows of run.sh alone, for working on them: at 4,000 RIGs, every page people use signed in against
# its raw page (hand-written SQL and a StringBuilder) and the signed-in profile against the cached anonymous one.
#   bash tests/Benchmarks/signed-in.sh          # 10 s per measurement, 32 connections
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=tests/Benchmarks/lib.sh
source tests/Benchmarks/lib.sh

echo "Starting the app with 4,000 RIGs (migrate + seed), then again on the seeded database..."
start_server 4000 bench4k.db
stop_server
start_server 4000 bench4k.db
printf 'Cold start on the seeded database: %.2f s.\n' "$started_in"
warm_up
profile="/rigs/benchmark-rig-00042"

header "cached, plain (vs the same bytes from memory)"
cached_row "profile $profile, anonymous" "$profile"
read -r anonymous_rps _ _ <<<"$(measure "$base$profile")"
reset_peak
signed_in_rows "$profile" "$anonymous_rps"
stop_server
echo
echo "$connections connections, ${duration} s each; server on CPU 0, wrk on CPU 1 of this $(nproc)-core machine."
