#!/usr/bin/env bash
# Several instances of the published app, as production runs them: Redis, two instances on one database on loopback,
# and a third killed mid-write. Installs Debian's redis-server when missing, publishes the app, starts Redis, runs
# tests/ScaleOut (which starts and kills the app's processes itself), and stops Redis.
# Ends with the test project's own summary line ("Passed!  - Failed: 0, Passed: 7, ...").
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing Debian's redis-server for the scale-out tests..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq redis-server >/dev/null
fi

work="$(mktemp -d)"
redis_pid=""
cleanup() {
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== Publishing the app (Release)"
dotnet publish src/RigDirectory.Web/RigDirectory.Web.csproj -c Release -o "$work/app" --nologo -v quiet -clp:ErrorsOnly

# Redis on a free loopback port, in memory only, as the shared cache (no persistence needed for a cache).
redis_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$work/redis.log" 2>&1 &
redis_pid=$!
for _ in $(seq 1 50); do
  if redis-cli -p "$redis_port" ping >/dev/null 2>&1; then break; fi
  sleep 0.1
done
redis-cli -p "$redis_port" ping >/dev/null

echo "== Scale-out tests: Redis on 127.0.0.1:$redis_port, the app in $work/app"
SCALEOUT_APP="$work/app/RigDirectory.Web.dll" SCALEOUT_REDIS="127.0.0.1:$redis_port" SCALEOUT_WORK="$work" \
  dotnet test tests/ScaleOut/RigDirectory.ScaleOutTests.csproj --nologo "$@"
