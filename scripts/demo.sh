#!/usr/bin/env bash
# The README's demo command: install if needed, build the provider, run scripts/demo.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund >&2
npx tsc -p tsconfig.json
exec npx ts-node --transpile-only scripts/demo.ts "$@"
