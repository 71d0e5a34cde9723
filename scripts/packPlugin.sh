#!/usr/bin/env bash
# Build the provider plugin's archive for `pulumi plugin install`:
#   dist/pulumi-resource-tencentcloud-purge-v<version>.tar.gz
# holding the launcher `pulumi-resource-tencentcloud-purge` and this package installed beside it with its runtime
# dependencies (and @pulumi/pulumi, whose gRPC stubs the plugin serves). The plugin is JavaScript: one archive
# serves every OS and architecture that has Node.js >= 20. Install it with
#   pulumi plugin install resource tencentcloud-purge <version> --file dist/pulumi-resource-tencentcloud-purge-v<version>.tar.gz
#
# Usage: scripts/packPlugin.sh [out-dir]      (prints the archive's path on stdout; progress on stderr)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)"
log() { printf '[pack-plugin] %s\n' "$*" >&2; }

version="$(node -p 'require("./package.json").version')"
pulumi_version="$(node -p 'require("./package.json").devDependencies["@pulumi/pulumi"]')"
stage="$(mktemp -d "${TMPDIR:-/tmp}/purge-plugin.XXXXXX")"
trap 'rm -rf "$stage"' EXIT

log "compiling"
npx tsc -p tsconfig.json >&2
log "packing the npm package"
tarball="$stage/$(npm pack --silent --pack-destination "$stage" | tail -n1)"
log "installing it with @pulumi/pulumi@$pulumi_version into the plugin folder"
mkdir "$stage/plugin"
printf '{ "name": "pulumi-resource-tencentcloud-purge", "version": "%s", "private": true }\n' "$version" >"$stage/plugin/package.json"
(cd "$stage/plugin" && npm install --omit=dev --no-audit --no-fund --no-package-lock --loglevel=error \
    "$tarball" "@pulumi/pulumi@$pulumi_version" >&2)
cp plugin/pulumi-resource-tencentcloud-purge "$stage/plugin/"
archive="$out/pulumi-resource-tencentcloud-purge-v${version}.tar.gz"
tar -czf "$archive" -C "$stage/plugin" .
log "wrote $archive ($(du -h "$archive" | cut -f1))"
printf '%s\n' "$archive"
