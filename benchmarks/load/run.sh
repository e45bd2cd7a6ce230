#!/usr/bin/env bash
# HTTP throughput of the real app under wrk (issue "Fast at national scale"): builds src/Web in Release, starts it in
# Production on a SQLite file of its own, seeds a dataset through the API (seed.py), then runs wrk against each hot
# route and prints requests/s, the ratio to GET /api/v1/me, and the process's peak resident memory (VmHWM).
#
#   benchmarks/load/run.sh [duration seconds, default 15]
#
# Environment: THREADS (2), CONNECTIONS (32), WARMUP seconds (3), PORT (5199), KEEP=1 keeps the data folder,
# ME_DURATION (5) seconds of /api/v1/me before and after each route; NO_BUILD=1 skips the build; ONLY=<regex> runs only
# the routes whose name matches (e.g. ONLY=caseload); CPU=N instead measures each route's server CPU per request over
# N sequential requests (cpu.py), against /api/v1/me's, and stops; JIT_WARMUP (10) seconds of wrk on every route
# before any measurement. STATEMENTS=1 instead logs EF Core's commands and transactions and prints, for one
# request of each route (after one unlogged-count warm request), the statements it ran, then stops (no wrk). Results are also written to benchmarks/load/results/<time>.md (not committed).
# The whole run takes about 7 minutes with the default durations (11 routes, each warmed up, then bracketed by /me).
set -euo pipefail

DURATION=${1:-15}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-3}
PORT=${PORT:-5199}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BASE="http://127.0.0.1:$PORT"

if ! command -v wrk >/dev/null; then
  apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

if [ -z "${NO_BUILD:-}" ]; then
  dotnet build "$ROOT/src/Web" -c Release -v q -nologo >/dev/null
fi
BIN="$ROOT/src/Web/bin/Release/net10.0"

DATA=$(mktemp -d /tmp/casemanager-load.XXXXXX)
APP_PID=
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -z "${KEEP:-}" ]; then rm -rf "$DATA"; else echo "Data kept in $DATA"; fi
}
trap cleanup EXIT

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__CaseManager="Data Source=$DATA/load.db"
export Email__PickupDirectory="$DATA/mail"
export Logging__LogLevel__Default=Warning
APP_ENV=()
if [ -n "${STATEMENTS:-}" ]; then
  APP_ENV=(Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information
    Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Transaction=Debug)
fi
export PASSWORD='load-test passphrase 2026'
ADMIN=admin@council.load

cd "$BIN"
CASEMANAGER_ADMIN_PASSWORD="$PASSWORD" dotnet CaseManager.Web.dll create-admin --email "$ADMIN" --name "Load admin" \
  --agency COUNCIL --agency-name "Council" >"$DATA/create-admin.log"
env "${APP_ENV[@]}" dotnet CaseManager.Web.dll --urls "$BASE" >"$DATA/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$BASE/health/ready" >/dev/null || { echo "The app did not become ready; see $DATA/app.log"; KEEP=1; exit 1; }

echo "Seeding through the API ..."
SEED_START=$(date +%s)
SEEDED=$(python3 "$HERE/seed.py" "$BASE" "$ADMIN" "$PASSWORD")
eval "$SEEDED"
echo "Seeded in $(( $(date +%s) - SEED_START )) s"
# The service refreshes SQLite's planner statistics at start (here: empty tables) and hourly; a load run measures the
# state after that refresh, not the first hour after a bulk load (docs/performance.md, "Run H").
python3 -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA analysis_limit=1000'); c.execute('ANALYZE'); c.commit()" "$DATA/load.db"
TOKEN=$(curl -fs -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$CALLER\",\"password\":\"$PASSWORD\"}" | jq -r .accessToken)
export TOKEN

NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
INTERVENTION="{\"type\":\"PhoneContact\",\"occurredAt\":\"$NOW\",\"durationMinutes\":10,\"notes\":\"Load test contact\"}"

# name | method | path | body
ROUTES=(
  "caseload (own, allocatedToMe)|GET|/api/v1/cases?allocatedToMe=true&pageSize=50|"
  "caseload (shared, ownerAgency=PROBATION)|GET|/api/v1/cases?ownerAgency=PROBATION&pageSize=50|"
  "timeline (own)|GET|/api/v1/people/$OWN_PERSON/timeline|"
  "timeline (shared)|GET|/api/v1/people/$SHARED_PERSON/timeline|"
  "person read (own)|GET|/api/v1/people/$OWN_PERSON|"
  "person read (shared)|GET|/api/v1/people/$SHARED_PERSON|"
  "people search (own)|GET|/api/v1/people?search=$OWN_SEARCH|"
  "people search (shared)|GET|/api/v1/people?search=$SHARED_SEARCH|"
  "intervention POST (own case)|POST|/api/v1/cases/$OWN_CASE/interventions|$INTERVENTION"
  "intervention POST (shared case)|POST|/api/v1/cases/$SHARED_CASE/interventions|$INTERVENTION"
)

if [ -n "${ONLY:-}" ]; then
  SELECTED=()
  for route in "${ROUTES[@]}"; do
    if [[ "${route%%|*}" =~ $ONLY ]]; then SELECTED+=("$route"); fi
  done
  ROUTES=("${SELECTED[@]}")
fi

count_statements() { # one request of each route; counts what the app log shows for it
  printf '| %s | %s | %s | %s | %s | %s |\n' route statements SELECT INSERT/UPDATE "BEGIN (transactions)" "other"
  echo "|---|---|---|---|---|---|"
  for route in "${ROUTES[@]}"; do
    IFS='|' read -r name method path body <<<"$route"
    local args=(-fs -o /dev/null -X "$method" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json')
    [ "$method" = POST ] && args+=(-d "$body")
    curl "${args[@]}" "$BASE$path" || { echo "$method $path failed" >&2; return 1; }
    sleep 0.3
    local before; before=$(wc -l <"$DATA/app.log")
    curl "${args[@]}" "$BASE$path"
    sleep 0.3
    local log; log=$(tail -n +"$((before + 1))" "$DATA/app.log")
    local executed; executed=$(grep -c "Executed DbCommand" <<<"$log" || true)
    local selects; selects=$(grep -A1 "Executed DbCommand" <<<"$log" | grep -cE "^\s+(SELECT|WITH)" || true)
    local writes; writes=$(grep -A1 "Executed DbCommand" <<<"$log" | grep -cE "^\s+(INSERT|UPDATE|DELETE)" || true)
    local begins; begins=$(grep -c "Began transaction" <<<"$log" || true)
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$executed" "$selects" "$writes" "$begins" "$((executed - selects - writes))"
  done
}

if [ -n "${STATEMENTS:-}" ]; then
  ROUTES=("me|GET|/api/v1/me|" "${ROUTES[@]}")
  count_statements
  exit 0
fi

cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }

cpu_per_request() { # method path body -> milliseconds of the web process's CPU per request, over CPU sequential requests
  python3 "$HERE/cpu.py" "$BASE" "$TOKEN" "$1" "$2" "$3" 50
  local before; before=$(cpu_ticks)
  python3 "$HERE/cpu.py" "$BASE" "$TOKEN" "$1" "$2" "$3" "$CPU"
  local after; after=$(cpu_ticks)
  awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$CPU" 'BEGIN {printf "%.3f", t * 1000 / hz / n}'
}

# The runtime keeps compiling hot methods again (tiered compilation) for a minute or more after start: a profile of
# the caseload after 350 requests found 40% of the process's CPU in that compiler. Every route is run once for
# JIT_WARMUP seconds (10) before anything is measured, so no route pays for another's warm-up.
warm_all() {
  local route name method path body
  for route in "me|GET|/api/v1/me|" "${ROUTES[@]}"; do
    IFS='|' read -r name method path body <<<"$route"
    METHOD=$method BODY=$body wrk -t"$THREADS" -c"$CONNECTIONS" -d"${JIT_WARMUP:-10}s" -s "$HERE/request.lua" "$BASE$path" >/dev/null
  done
}

if [ -n "${CPU:-}" ]; then
  warm_all
  # CPU=N: each route's server CPU per request (N sequential requests on one connection, after 50 unmeasured), and its
  # ratio to /api/v1/me's, the cost a request has whatever else the machine runs.
  ROUTES=("me|GET|/api/v1/me|" "${ROUTES[@]}")
  echo "| route | CPU ms per request | /me's over it |"
  echo "|---|---|---|"
  for route in "${ROUTES[@]}"; do
    IFS='|' read -r name method path body <<<"$route"
    ms=$(cpu_per_request "$method" "$path" "$body")
    [ "$name" = me ] && ME_MS=$ms
    printf '| %s | %s | %.3f |\n' "$name" "$ms" "$(awk -v m="$ME_MS" -v r="$ms" 'BEGIN {print m / r}')"
  done
  exit 0
fi

run_wrk() { # method path body seconds -> requests/s (and fails on non-2xx answers)
  local out
  out=$(METHOD=$1 BODY=$3 wrk -t"$THREADS" -c"$CONNECTIONS" -d"${4}s" --latency -s "$HERE/request.lua" "$BASE$2")
  if grep -q "Non-2xx" <<<"$out"; then echo "$out" >&2; echo "non-2xx answers from $1 $2" >&2; return 1; fi
  echo "$(awk '/^Requests\/sec/ {print $2}' <<<"$out") $(awk '/^ +50%/ {print $2}' <<<"$out") $(awk '/^ +99%/ {print $2}' <<<"$out")"
}

# The machine may be shared, so each route is compared with /api/v1/me measured just before and just after it
# (ME_DURATION seconds each): its ratio is its rate over the mean of those two.
ME_DURATION=${ME_DURATION:-5}
warm_all
run_wrk GET /api/v1/me "" "$WARMUP" >/dev/null
read -r me_before _ _ < <(run_wrk GET /api/v1/me "" "$ME_DURATION")
declare -a NAMES RPS P50 P99 MES
for route in "${ROUTES[@]}"; do
  IFS='|' read -r name method path body <<<"$route"
  run_wrk "$method" "$path" "$body" "$WARMUP" >/dev/null
  read -r rps p50 p99 < <(run_wrk "$method" "$path" "$body" "$DURATION")
  read -r me_after _ _ < <(run_wrk GET /api/v1/me "" "$ME_DURATION")
  me=$(awk -v a="$me_before" -v b="$me_after" 'BEGIN {print (a + b) / 2}')
  NAMES+=("$name"); RPS+=("$rps"); P50+=("$p50"); P99+=("$p99"); MES+=("$me")
  echo "  $name: $rps req/s (/me around it: $me_before, $me_after)"
  me_before=$me_after
done

HWM=$(awk '/VmHWM/ {print $2}' "/proc/$APP_PID/status")
RSS=$(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status")
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src || echo "+changes")

mkdir -p "$HERE/results"
REPORT="$HERE/results/$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "Load run $NOW at $COMMIT: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (after ${WARMUP}s warm-up), $(nproc) cores, SQLite"
  echo
  echo "| route | req/s | /me around it | ratio to /me | p50 | p99 |"
  echo "|---|---|---|---|---|---|"
  for i in "${!NAMES[@]}"; do
    printf '| %s | %s | %s | %.3f | %s | %s |\n' "${NAMES[$i]}" "${RPS[$i]}" "${MES[$i]}" "$(awk -v r="${RPS[$i]}" -v m="${MES[$i]}" 'BEGIN {print r / m}')" "${P50[$i]}" "${P99[$i]}"
  done
  echo
  echo "Web process peak resident memory (VmHWM): $((HWM / 1024)) MB; resident at the end (VmRSS): $((RSS / 1024)) MB."
} | tee "$REPORT"
