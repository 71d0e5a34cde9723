#!/usr/bin/env bash
# The whole test suite: compile, unit and integration tests (emulator, SDK, Pulumi's provider host), then the
# end-to-end tests on the real Pulumi engine. Ends with one line "tests: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

# A fresh clone has no node_modules yet: install exactly what the lock file says.
[ -d node_modules ] || npm ci --no-audit --no-fund >&2

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== build" >&2
npx tsc -p tsconfig.json || { echo "tests: 0 passed, 1 failed"; exit 1; }
echo "== type check of tests, examples, scripts and bench" >&2
npx tsc -p tsconfig.check.json || { echo "tests: 0 passed, 1 failed"; exit 1; }

# The Go SDK test tool, built before mocha so its first build (module download, compile) is not timed as a test;
# if it cannot be built, the Go SDK spec reports why as a failure.
echo "== Go SDK test tool" >&2
bash scripts/buildGoClient.sh >/dev/null || echo "(the Go test tool did not build; tests/integration/emulatorGoSdk.spec.ts will fail)" >&2

status=0
echo "== unit and integration tests" >&2
npx mocha "$@" 2>&1 | tee -a "$log" || status=1
echo "== tools of the end-to-end tests: pulumi CLI, Pulumi YAML language host, SDK generator, Python toolchain" >&2
# Built (or found in the cache, or unpacked) before the tests start, so no test's time limit has to cover a cold
# Go build or an apt-get. A tool that cannot be had is not fatal here: the tests that need it fail and say why
# (the Python suites skip instead outside CI).
for tool in ensurePulumi.sh ensurePulumiYaml.sh ensureSdkgen.sh ensurePulumiPython.sh; do
    bash "scripts/$tool" >/dev/null || echo "warning: scripts/$tool failed; the end-to-end tests that need it will fail" >&2
done
echo "== end-to-end tests on the Pulumi engine" >&2
npx mocha --config .mocharc.e2e.json "$@" 2>&1 | tee -a "$log" || status=1

passed=$(grep -Eo '^ +[0-9]+ passing' "$log" | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo '^ +[0-9]+ failing' "$log" | awk '{s+=$1} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # a suite that crashed before reporting counts as a failure
fi
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
