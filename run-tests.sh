#!/usr/bin/env bash
# Runs every test: unit, integration, HTTP functional, PostgreSQL and browser tests.
# Installs and starts what the tests need when it is missing (Debian's chromium and postgresql; needs root or sudo),
# then prints the plain summary line "N passed, N failed, N skipped" taken from the test results.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Hosts started by the tests do not watch their settings files: hundreds of test hosts would otherwise use up the
# machine's inotify instances (128 per user by default) when test assemblies run side by side.
export DOTNET_hostBuilder__reloadConfigOnChange=false

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian packages..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# PostgreSQL on loopback, with a role that may create the per-test databases.
if [ -z "${CASEMANAGER_TEST_POSTGRES:-}" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  as_root pg_ctlcluster "$version" main start 2>/dev/null || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  as_root su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='casemanager'\" | grep -q 1 || psql -qc \"CREATE ROLE casemanager LOGIN CREATEDB PASSWORD 'casemanager'\"" >/dev/null
  # Dropping a test database WITH (FORCE) ends its leftover connections, which needs this role.
  as_root su postgres -c "psql -qc \"GRANT pg_signal_backend TO casemanager\"" >/dev/null
  export CASEMANAGER_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=casemanager;Password=casemanager"
fi

results=.test-results
rm -rf "$results"
dotnet tool restore >/dev/null
dotnet format --verify-no-changes
status=0
dotnet test CaseManager.sln --logger "trx" --results-directory "$results" || status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The run failed without a failing test (a build error, a crashed test host): count it as a failure.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
