#!/usr/bin/env bash
# Regenerate the Python and Go SDKs (sdk-python/, sdk-go/) from schema.json. Run after changing the schema:
#   npx ts-node --transpile-only scripts/writeSchema.ts && bash scripts/genSdks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
gen="$(bash scripts/ensureSdkgen.sh)"
"$gen" schema.json sdk-python sdk-go
echo "wrote sdk-python/ and sdk-go/ from schema.json" >&2
