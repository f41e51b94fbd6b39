#!/usr/bin/env bash
# Runs every test of RigDirectory: unit, functional (HTTP) and browser (Chromium) tests, then the scale-out tests
# (tests/ScaleOut/run.sh: the published app as several processes with Redis, one of them killed mid-write).
# Installs what is missing first, so it works on a fresh machine with only the .NET SDK:
# Debian's Chromium for the browser tests, Debian's redis-server for the scale-out tests, and the repo's local dotnet
# tools. Arguments (a --filter, say) go to the solution's tests; SKIP_SCALEOUT=1 leaves the scale-out tests out.
# Ends with one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  echo "Installing Debian's Chromium for the browser tests..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

dotnet tool restore >/dev/null
dotnet build RigDirectory.sln --nologo -v quiet -clp:ErrorsOnly

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
status=0
dotnet test RigDirectory.sln --no-build --nologo --results-directory "$results" --logger "trx" "$@" | tee "$results/console.log" || status=$?
expected=3
if [ "${SKIP_SCALEOUT:-0}" != "1" ]; then
  expected=4
  bash tests/ScaleOut/run.sh | tee -a "$results/console.log" || status=$?
fi

# Sum the per-project summaries ("Passed!  - Failed: 0, Passed: 31, Skipped: 0, Total: 31").
summary=$(grep -E "^(Passed|Failed)! +- Failed: " "$results/console.log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' |
  awk '{ f += $1; p += $2; s += $3 } END { printf "%d passed, %d failed, %d skipped", p, f, s }')
projects=$(grep -cE "^(Passed|Failed)! +- Failed: " "$results/console.log" || true)
if [ "$projects" -lt "$expected" ]; then
  echo "Expected results from $expected test projects, got $projects." >&2
  status=1
fi
if [ -d TestResults/screenshots ]; then
  echo "Screenshots of the key pages (phone and desktop): TestResults/screenshots"
fi
echo "${summary:-0 passed, 0 failed, 0 skipped}"
exit $status
