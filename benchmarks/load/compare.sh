#!/usr/bin/env bash
# Two builds side by side on copies of one seeded dataset: for the person reads and timelines (own and shared) and
# /api/v1/me, alternating short wrk runs against each build, it prints requests/s and the web process's CPU time per
# request (user + system from /proc, divided by the requests wrk completed). CPU per request moves far less than
# requests/s when other work shares the machine, so it is the figure to compare between two builds.
#
#   KEEP=1 benchmarks/load/run.sh 1       # once, to seed a dataset; note the "Data kept in" folder
#   benchmarks/load/compare.sh DATA_FOLDER BEFORE_BIN AFTER_BIN [rounds 3] [connections 4] [seconds 5]
#
# BEFORE_BIN and AFTER_BIN are folders holding CaseManager.Web.dll (a Release build each). Order alternates by round.
set -euo pipefail

SRC=$1; BEFORE=$2; AFTER=$3; ROUNDS=${4:-3}; C=${5:-4}; S=${6:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d /tmp/casemanager-compare.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

start() { # name bin port: a copy of the dataset each, so that neither build's audit writes slow the other's file
  mkdir -p "$WORK/$1"; cp "$SRC"/load.db "$WORK/$1/"
  (cd "$2" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__CaseManager="Data Source=$WORK/$1/load.db" \
    Email__PickupDirectory="$WORK/$1/mail" Logging__LogLevel__Default=Warning dotnet CaseManager.Web.dll --urls "http://127.0.0.1:$3" \
    >"$WORK/$1/app.log" 2>&1) &
  PIDS+=($!)
}
start before "$BEFORE" 5281
start after "$AFTER" 5282
for port in 5281 5282; do
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
done

# The seeded people with the longest timelines, the caller's agency's own and the one shared with it (seed.py).
OWN=$(sqlite3 "$SRC/load.db" "SELECT lower(PersonId) FROM Interventions WHERE OwnerAgency = 'POLICE' GROUP BY PersonId ORDER BY count(*) DESC LIMIT 1")
SHARED=$(sqlite3 "$SRC/load.db" "SELECT lower(PersonId) FROM Interventions WHERE OwnerAgency = 'PROBATION' GROUP BY PersonId ORDER BY count(*) DESC LIMIT 1")
token() {
  curl -fs -X POST "http://127.0.0.1:$1/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"email":"iom.officer@police.load","password":"load-test passphrase 2026"}' | jq -r .accessToken
}
TOKENS=("$(token 5281)" "$(token 5282)")

measure() { # 0|1 path -> "requests/s/CPU ms per request"
  local pid=${PIDS[$1]} port=$((5281 + $1))
  local before; before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  local out; out=$(TOKEN=${TOKENS[$1]} METHOD=GET BODY='' wrk -t1 -c"$C" -d"${S}s" -s "$HERE/request.lua" "http://127.0.0.1:$port$2")
  local after; after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  awk -v a="$before" -v b="$after" -v n="$(awk '/requests in/ {print $1}' <<<"$out")" -v hz="$(getconf CLK_TCK)" \
    -v rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")" 'BEGIN {printf "%s/%.2f", rps, (b - a) * 1000 / hz / n}'
}

PATHS=("/api/v1/me" "/api/v1/people/$OWN/timeline" "/api/v1/people/$SHARED/timeline" "/api/v1/people/$OWN" "/api/v1/people/$SHARED")
for path in "${PATHS[@]}"; do measure 0 "$path" >/dev/null; measure 1 "$path" >/dev/null; done
echo "| round | route | before: req/s / CPU ms per request | after |"
echo "|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  for path in "${PATHS[@]}"; do
    if [ $((round % 2)) = 1 ]; then b=$(measure 0 "$path"); a=$(measure 1 "$path"); else a=$(measure 1 "$path"); b=$(measure 0 "$path"); fi
    name=${path/$OWN/OWN}; name=${name/$SHARED/SHARED}
    echo "| $round | $name | $b | $a |"
  done
done
