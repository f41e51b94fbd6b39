#!/usr/bin/env bash
# Benchmark of the directory as browsers and leaders use it. Publishes the app in Release and starts it in the
# Benchmark environment on a fresh SQLite file (5,000 schools, 4,000 RIGs, then 20,000), the server pinned to
# CPU 0 and wrk to CPU 1. Every row is a ratio against a baseline measured in the same run:
#   - cached pages (plain and with "Accept-Encoding: br, gzip" as browsers send it) against the same number of
#     bytes (labelled br when compressed) served from memory by /benchmark/baseline;
#   - cache misses and signed-in pages against the raw page: the same profile or list produced by hand-written
#     SQL through ADO.NET and a StringBuilder (/benchmark/raw/...);
#   - the public list while 16, then 64 writers (leaders verifying and adding sponsors, admins archiving and
#     restoring, through the real lifecycle) write, against the same list read-only; the writers' 5xx and the
#     acknowledged writes that were not committed (lost);
#   - the home and region pages' size at the real 284 schools;
#   - search, filters and every sort at 20,000 RIGs on cache misses; RSS under load; cold start on an existing database;
#   - the mentor finder, signed in, over 10,000 mentors (filters, and sorted by distance from a school) against the
#     same first page of mentors produced by hand-written SQL (/benchmark/raw/mentors);
#   - /events (filtered, near a school, signed in), an event's page and the calendar feeds, on cache misses over
#     12,000 events and then 60,000, against the first page of events by hand-written SQL (/benchmark/raw/events);
#     the feeds cached, against the same bytes;
#   - every page people use signed in (profile, list, school, region, events, an event, the mentor finder, My RIGs,
#     My mentoring) against its raw page, and the signed-in profile against the cached anonymous one;
#   - peak RSS per group of rows (the kernel's high-water mark, reset between groups), never counting the seeding:
#     the app is started again on the seeded database, which also measures the cold start.
#   bash tests/Benchmarks/run.sh            # 10 s per measurement, 32 connections
#   DURATION=5 CONNECTIONS=64 WRITERS_DURATION=30 bash tests/Benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=tests/Benchmarks/lib.sh
source tests/Benchmarks/lib.sh

echo "Starting the app with 4,000 RIGs (migrate + seed)..."
start_server 4000 bench4k.db
printf 'Seeded and ready after %.1f s; started again on the seeded database, so that seeding counts in no figure below.\n' "$started_in"
stop_server
start_server 4000 bench4k.db
cold4k="$started_in"
warm_up
reset_peak
profile="/rigs/benchmark-rig-00042"
search="/rigs?q=Boston&region=us-region-7"
school="/schools/harvard-medical-school"

header "cached, plain (vs the same bytes from memory)"
cached_row "home /" "/"
cached_row "list /rigs" "/rigs"
cached_row "search $search" "$search"
cached_row "profile $profile" "$profile"
read -r anonymous_rps _ _ <<<"$(measure "$base$profile")"
cached_row "region /regions/us-region-1" "/regions/us-region-1"

header "cached, Accept-Encoding: $browser_encoding (vs br bytes)"
cached_row "home / (br)" "/" "Accept-Encoding: $browser_encoding" br
cached_row "list /rigs (br)" "/rigs" "Accept-Encoding: $browser_encoding" br
cached_row "profile (br)" "$profile" "Accept-Encoding: $browser_encoding" br

header "misses (vs the raw ADO.NET page)"
raw_row "profile, cache miss" "$profile" "/benchmark/raw/rigs/benchmark-rig-00042" "$work/miss.lua"
raw_row "list /rigs, cache miss" "/rigs" "/benchmark/raw/rigs" "$work/miss.lua"
raw_row "search, cache miss" "$search" "/benchmark/raw/rigs" "$work/miss.lua"
printf '%-46s %s MB\n' "peak RSS, cached and misses" "$(peak_rss)"
reset_peak

signed_in_rows "$profile" "$anonymous_rps"
reset_peak

header "find a mentor, 10,000 mentors, signed in (vs the raw mentors page)"
for path in "/mentors" "/mentors?subspecialty=neuroradiology&format=Virtual&offer=ResearchProjects" "/mentors?school=harvard-medical-school&within=250" "/mentors?school=harvard-medical-school&room=false&page=50"; do
  sign_in
  raw_row "$path" "$path" "/benchmark/raw/mentors" "" "$cookie"
  raw_row "$path, miss" "$path" "/benchmark/raw/mentors" "$work/miss.lua" "$cookie"
done
printf '%-46s %s MB\n' "peak RSS, mentors" "$(peak_rss)"
reset_peak

header "events, 12,000 at 4,000 RIGs (misses vs the raw events page)"
cached_row "/events, cached (vs same bytes)" "/events"
cached_row "/events, cached (br)" "/events" "Accept-Encoding: $browser_encoding" br
for path in "/events" "/events?online=true&region=us-region-1" "/events?type=Workshop&from=2027-01-01" "/events?school=harvard-medical-school&miles=250" "/events/100" "/rigs/benchmark-rig-00042/events.ics" "/regions/us-region-1/events.ics" "/events/acr.ics"; do
  raw_row "$path, miss" "$path" "/benchmark/raw/events" "$work/miss.lua"
done
cached_row "a region's feed, cached (vs same bytes)" "/regions/us-region-1/events.ics"
cached_row "a region's feed, cached (br)" "/regions/us-region-1/events.ics" "Accept-Encoding: $browser_encoding" br
printf '%-46s %s MB\n' "peak RSS, events" "$(peak_rss)"
reset_peak

header "readers beside writers (vs read-only)"
read -r alone_rps _ alone_p99 <<<"$(measure "$base/rigs" "" "Accept-Encoding: $browser_encoding")"
list_bytes=$(bytes_of /rigs "Accept-Encoding: $browser_encoding")
with_writers() { # writers seconds
  local before after acked failed readers_out
  before=$(curl -fs "$base/benchmark/writes/committed")
  WRK_DURATION="$2" wrk_run "$1" "$base" "$work/write.lua" >"$work/writers.out" &
  local writers=$!
  sleep 0.5
  readers_out=$(WRK_DURATION="$(( $2 - 1 ))" wrk_run "$connections" "$base/rigs" "" "Accept-Encoding: $browser_encoding")
  wait "$writers"
  after=$(curl -fs "$base/benchmark/writes/committed")
  read -r rps p50 p99 read_errors <<<"$(summary "$readers_out")"
  read -r wrps _ wp99 _ <<<"$(summary "$(cat "$work/writers.out")")"
  acked=$(awk -F'[= ]' '/^WRITES/ { print $3 }' "$work/writers.out")
  failed=$(awk -F'[= ]' '/^WRITES/ { print $5 }' "$work/writers.out")
  line "public /rigs beside $1 writers, $2 s (p99 alone $alone_p99)" "$list_bytes" "$rps" "$p50" "$p99" "$alone_rps"
  printf '%-46s %9s %8d %8s %8s   readers non-2xx %s; writes acknowledged %s, committed %s, lost %s, 5xx %s\n' \
    "  writers (verify / archive / add sponsor)" "" "$wrps" "" "$wp99" "$read_errors" "$acked" "$(( after - before ))" \
    "$(( acked > after - before ? acked - (after - before) : 0 ))" "$failed"
}
with_writers 16 "$duration"
with_writers 64 "${WRITERS_DURATION:-30}"
printf '%-46s %s MB\n' "peak RSS, beside writers" "$(peak_rss)"
printf '%-46s %.2f s\n' "cold start on the existing 4k database" "$cold4k"
stop_server

echo
echo "Home and region pages at the real 284 schools (150 RIGs)..."
start_server 150 bench284.db 284
for path in / /regions/us-region-7; do
  printf '%-46s %9d bytes br (%d plain)\n' "$path at 284 schools" "$(bytes_of "$path" "Accept-Encoding: $browser_encoding")" "$(bytes_of "$path")"
done
stop_server

echo
echo "Starting the app with 20,000 RIGs (migrate + seed)..."
start_server 20000 bench20k.db
printf 'Seeded and ready after %.1f s; started again on the seeded database.\n' "$started_in"
stop_server
start_server 20000 bench20k.db
cold20k="$started_in"
warm_up
reset_peak
header "20,000 RIGs, cache misses (vs the raw list page)"
for path in "/rigs?sort=Name" "/rigs?sort=School" "/rigs?sort=Verified" "/rigs?q=radiology&sort=School" "/rigs?region=us-region-3&activity=Workshops" "/rigs?sort=School&page=400"; do
  raw_row "$path" "$path" "/benchmark/raw/rigs?page=400" "$work/miss.lua"
done
header "20,000 RIGs, 60,000 events, cache misses (vs the raw events page)"
for path in "/events" "/events?online=true&region=us-region-3" "/events?page=40" "/regions/us-region-1/events.ics"; do
  raw_row "$path" "$path" "/benchmark/raw/events" "$work/miss.lua"
done
header "20,000 RIGs, signed in and feeds (vs raw, and feeds vs the same bytes)"
sign_in
raw_row "20k: /events, signed in" "/events" "/benchmark/raw/events" "" "$cookie"
sign_in
raw_row "20k: /events?online=true&region=us-region-3, signed in" "/events?online=true&region=us-region-3" "/benchmark/raw/events" "" "$cookie"
cached_row "20k: a region's feed, cached" "/regions/us-region-1/events.ics"
cached_row "20k: a region's feed, cached (br)" "/regions/us-region-1/events.ics" "Accept-Encoding: $browser_encoding" br
cached_row "20k: ACR's feed, cached (br)" "/events/acr.ics" "Accept-Encoding: $browser_encoding" br
printf '%-46s %s MB\n' "peak RSS, 20k" "$(peak_rss)"
printf '%-46s %.2f s\n' "cold start on the existing 20k database" "$cold20k"
stop_server

echo
echo "$connections connections, ${duration} s each (64 writers: ${WRITERS_DURATION:-30} s); server on CPU 0, wrk on CPU 1 of this $(nproc)-core machine."
