#!/usr/bin/env bash
# Installs what the project needs, from the project's own files: npm packages (only when the
# lock file changed) and the build output (incremental). Kafka and Elasticsearch come later,
# from deploy/local/stack.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "liaowang: '$1' is required ($2)" >&2; exit 1; }
}
need node "Node.js 20 or newer"
need npm "npm, with Node.js"
need java "Java 17, for Kafka and Elasticsearch"
need mvn "Maven 3, to fetch Kafka and Elasticsearch from Maven Central"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
  || { echo "liaowang: Node.js 20 or newer is required (found $(node --version))" >&2; exit 1; }

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages…"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The case report PDF embeds a Chinese font (a missing one only disables that download).
bash scripts/ensure-report-font.sh

echo "Building…"
npx tsc -b tsconfig.build.json
# tsc -b is incremental by itself; the dashboard bundle is rebuilt only when one of its inputs
# is newer than it, since a Vite build costs ~15 s on every start and test run otherwise.
bundle=dashboard/dist/index.html
if [ ! -f "$bundle" ] || [ -n "$(find dashboard/src dashboard/index.html dashboard/vite.config.ts dashboard/package.json packages/contract/src -newer "$bundle" -print -quit)" ]; then
  npm run build --silent -w @liaowang/dashboard >/dev/null
fi
