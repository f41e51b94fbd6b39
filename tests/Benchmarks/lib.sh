#!/usr/bin/env bash
# What the benchmark scripts share (sourced, not run): tools, the published app, starting it in the Benchmark
# environment, wrk with its Lua scripts, and the table's rows. Expects to be sourced from the repository's root.
# SERVER_ENV (an array of NAME=value) adds settings to the next start_server.

duration="${DURATION:-10}"
connections="${CONNECTIONS:-32}"
port="${PORT:-5099}"
base="http://127.0.0.1:${port}"
browser_encoding="br, gzip"

for tool in wrk curl bc; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "Installing $tool..."
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$tool" >/dev/null
  fi
done
pin_server="" pin_load=""
if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then pin_server="taskset -c 0"; pin_load="taskset -c 1"; fi

work="$(mktemp -d)"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; fi
}
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT

# The benchmark host: the app's own composition plus the benchmark's endpoints, which the app itself never maps.
echo "Publishing the benchmark host (Release, ReadyToRun, as the Dockerfile does)..."
dotnet publish tests/Benchmarks/Host -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/app" --nologo -v quiet >/dev/null
dotnet build-server shutdown >/dev/null 2>&1 || true

# Peak RSS since the last reset_peak (the kernel's high-water mark, reset through clear_refs), in MB.
reset_peak() { echo 5 >"/proc/$server_pid/clear_refs" 2>/dev/null || true; }
peak_rss() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status"; }

started_in=""
start_server() { # rigs database [schools] -> sets started_in (seconds until healthy)
  local start; start=$(date +%s.%N)
  ASPNETCORE_ENVIRONMENT=Benchmark \
  ASPNETCORE_URLS="$base" \
  App__PublicBaseUrl="$base/" \
  ConnectionStrings__Sqlite="Data Source=$work/$2" \
  Benchmark__Rigs="$1" \
  Benchmark__Schools="${3:-5000}" \
  Security__RequireHttps=false \
  Email__PickupDirectory="$work/mail" \
  Logging__LogLevel__Default=Warning \
    $pin_server env ${SERVER_ENV[@]+"${SERVER_ENV[@]}"} dotnet "$work/app/RigDirectory.BenchmarkHost.dll" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 3000); do
    if curl -fs -o /dev/null "$base/healthz"; then break; fi
    sleep 0.02
  done
  curl -fs -o /dev/null "$base/healthz" || { echo "The app did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
  started_in=$(echo "$(date +%s.%N) - $start" | bc)
}

# Every request with a new "nocache" value, which the Benchmark environment varies cache entries by: all misses.
cat >"$work/miss.lua" <<'LUA'
local counter = 0
request = function()
  counter = counter + 1
  local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. separator .. "nocache=" .. counter)
end
LUA
# Writers: each request a new write (see BenchmarkEndpoints.WriteAsync); counts the ones acknowledged with 200
# and the 5xx, printed as "WRITES acked=N 5xx=N" at the end.
cat >"$work/write.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counter = 0; acked = 0; failed = 0 end
function request()
  counter = counter + 1
  return wrk.format("POST", "/benchmark/write/" .. counter)
end
function response(status, headers, body)
  if status == 200 then acked = acked + 1 elseif status >= 500 then failed = failed + 1 end
end
function done(summary, latency, requests)
  local a, f = 0, 0
  for _, t in ipairs(threads) do a = a + t:get("acked"); f = f + t:get("failed") end
  io.write(string.format("WRITES acked=%d 5xx=%d\n", a, f))
end
LUA

to_ms() { # wrk's "1.23ms" / "850.00us" / "1.02s" -> milliseconds
  awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 } printf "%.1f", v }'
}

wrk_run() { # connections url [lua] [header] -> wrk's output (WRK_DURATION overrides the duration)
  local args=(-t1 -c"$1" -d"${WRK_DURATION:-$duration}s" --latency)
  [ -n "${3:-}" ] && args+=(-s "$3")
  [ -n "${4:-}" ] && args+=(-H "$4")
  $pin_load wrk "${args[@]}" "$2"
}

summary() { # wrk output -> "rps p50 p99 errors"
  local out="$1" rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }' | to_ms)
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }' | to_ms)
  errors=$(echo "$out" | awk '/Non-2xx or 3xx responses/ { print $5 }')
  echo "$rps $p50 $p99 ${errors:-0}"
}

measure() { # url [lua] [header] -> "rps p50 p99"; fails on any non-2xx
  local out; out=$(wrk_run "$connections" "$@")
  read -r rps p50 p99 errors <<<"$(summary "$out")"
  if [ "$errors" != "0" ]; then echo "Non-2xx responses from $1:" >&2; echo "$out" >&2; exit 1; fi
  echo "$rps $p50 $p99"
}

bytes_of() { # path [header] -> response bytes as sent
  if [ -n "${2:-}" ]; then curl -fs -H "$2" "$base$1" | wc -c; else curl -fs "$base$1" | wc -c; fi
}

header() { printf '\n%-46s %9s %8s %8s %8s %10s %6s\n' "$1" "bytes" "req/s" "p50 ms" "p99 ms" "base req/s" "ratio"; }
line() { printf '%-46s %9d %8d %8s %8s %10d %6.2f\n' "$1" "$2" "$3" "$4" "$5" "$6" "$(echo "$3 / $6" | bc -l)"; }

cached_row() { # label path [header] [encoding]
  local label="$1" path="$2" hdr="${3:-}" encoding="${4:-}" bytes
  bytes=$(bytes_of "$path" "$hdr")
  bytes_of "$path" "$hdr" >/dev/null # warm the entry
  read -r rps p50 p99 <<<"$(measure "$base$path" "" "$hdr")"
  read -r brps _ _ <<<"$(measure "$base/benchmark/baseline?bytes=$bytes&encoding=$encoding")"
  line "$label" "$bytes" "$rps" "$p50" "$p99" "$brps"
}

raw_row() { # label path raw-path [lua] [header]
  local label="$1" path="$2" raw="$3" lua="${4:-}" hdr="${5:-}" bytes
  bytes=$(bytes_of "$path" "$hdr")
  read -r rps p50 p99 <<<"$(measure "$base$path" "$lua" "$hdr")"
  read -r brps _ _ <<<"$(measure "$base$raw" "$work/miss.lua")"
  line "$label" "$bytes" "$rps" "$p50" "$p99" "$brps"
}

# A fresh sign-in right before each signed-in row: Identity re-validates a session cookie older than a minute and
# sends a renewed one, which a browser keeps but wrk cannot, so an old cookie would pay the re-validation on every
# request where a browser pays it once a minute.
sign_in() { # [sign-in path: officer 1 unless given]
  curl -fs -o /dev/null -X POST -c "$work/cookies" "$base${1:-/benchmark/sign-in/1}"
  cookie="Cookie: $(grep -v '^# ' "$work/cookies" | awk 'NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }')"
}

# A few seconds of load on the common pages, before any row: a process just started runs unoptimised code until
# the JIT's tiers have seen it work, which the first rows measured instead of the app.
warm_up() {
  sign_in
  for path in / /rigs /rigs/benchmark-rig-00042 /events /mentors; do
    WRK_DURATION=1 wrk_run 8 "$base$path" >/dev/null
    WRK_DURATION=1 wrk_run 8 "$base$path" "" "$cookie" >/dev/null
  done
}

# Every page people use signed in, each against its raw page (hand-written SQL and a StringBuilder), and the
# signed-in profile against the cached anonymous one (req/s given); then the group's peak RSS.
signed_in_rows() { # profile-path anonymous-profile-rps
  local profile="$1" anonymous_rps="$2" signed_rps
  header "signed in (vs the raw ADO.NET page)"
  signed_row() { sign_in; raw_row "$1" "$2" "$3" "" "$cookie"; }
  signed_row "profile, signed in" "$profile" "/benchmark/raw${profile}"
  read -r signed_rps _ _ <<<"$(measure "$base$profile" "" "$cookie")"
  signed_row "list /rigs, signed in" "/rigs" "/benchmark/raw/rigs"
  signed_row "school, signed in" "/schools/harvard-medical-school" "/benchmark/raw/schools/harvard-medical-school"
  signed_row "region, signed in (raw: the list)" "/regions/us-region-1" "/benchmark/raw/rigs"
  signed_row "/events, signed in" "/events" "/benchmark/raw/events"
  signed_row "an event /events/100, signed in" "/events/100" "/benchmark/raw/events"
  signed_row "/mentors, signed in" "/mentors" "/benchmark/raw/mentors"
  signed_row "My RIGs /my/rigs, signed in" "/my/rigs" "/benchmark/raw/my/rigs/benchmark-officer-001"
  sign_in /benchmark/sign-in/mentor/1
  raw_row "My mentoring /mentoring, a mentor" "/mentoring" "/benchmark/raw/my/mentoring/benchmark-mentor-00001" "" "$cookie"
  printf '%-46s %.2f (%d against %d req/s)\n' "signed-in profile vs cached anonymous" "$(echo "$signed_rps / $anonymous_rps" | bc -l)" "$signed_rps" "$anonymous_rps"
  printf '%-46s %s MB\n' "peak RSS, signed in" "$(peak_rss)"
}
