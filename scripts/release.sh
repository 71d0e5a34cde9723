#!/usr/bin/env bash
# `npm run release`: everything a release publishes, in dist/ (which git ignores):
#   - the npm package's tarball (`npm pack`, which compiles first);
#   - the provider plugin's archives, one per platform (scripts/packPlugin.sh), for the release page that the
#     schema's pluginDownloadURL names, or any folder served over HTTP(S) for
#     `pulumi plugin install resource tencentcloud-purge <version> --server <URL of that folder>`.
# Publishing them, and tagging the Go SDK (`sdk-go/v<version>`), are the maintainer's steps (CONTRIBUTING.md).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
mkdir -p dist
echo "[release] packing the npm package" >&2
npm pack --silent --pack-destination dist >/dev/null
bash scripts/packPlugin.sh dist >/dev/null
echo "[release] dist/:" >&2
ls -l dist >&2
