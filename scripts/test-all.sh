#!/usr/bin/env bash
# Every test: lint and type check (spec files included), unit tests, then integration and end-to-end tests (browser included) against the
# real Kafka and Elasticsearch that this script starts, and stops again if it started them.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-installed.sh || exit 1
bash scripts/ensure-chromium.sh || exit 1
bash scripts/ensure-report-font.sh --with-pdftotext || exit 1

reports=.data/test-reports
rm -rf "$reports" && mkdir -p "$reports"

# The tests get a Kafka and an Elasticsearch of their own (ports, data, secrets), so a local
# run (`npm start`) keeps its data clean of test items and may even keep running meanwhile.
export LIAOWANG_DATA_DIR="$PWD/.data/test-stack" KAFKA_PORT=19092 KAFKA_CONTROLLER_PORT=19093 ES_PORT=19200
export KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT ES_URL=http://127.0.0.1:$ES_PORT

started_stack=0
if ! bash deploy/local/stack.sh status >/dev/null 2>&1; then started_stack=1; fi
stop_stack() { if [ "$started_stack" = 1 ]; then bash deploy/local/stack.sh down; fi; }
trap stop_stack EXIT

t0=$(date +%s)
# The static gates count as one test each in the closing line (a red gate fails the run).
gate() { local name=$1; shift; "$@"; echo "gate:$name:$?" >>"$reports/gates.txt"; }
gate lint npx eslint . --max-warnings 0
gate typecheck npm run typecheck --silent
npx jest --selectProjects unit --json --outputFile="$reports/unit.json"
bash deploy/local/stack.sh up || { echo "0 passed, 1 failed"; exit 1; }
# --forceExit: a suite that fails before its afterAll leaves a system running; the run must still end
# with its counts instead of waiting on that system's timers.
npx jest --selectProjects integration --runInBand --forceExit --json --outputFile="$reports/integration.json"
echo "Tests took $(( $(date +%s) - t0 ))s"

node scripts/summarize-tests.js "$reports/gates.txt" "$reports/unit.json" "$reports/integration.json"
