#!/usr/bin/env bash
# Build the provider plugin's release archives, one per platform, under the names `pulumi plugin install` and
# the engine download:
#   <out-dir>/pulumi-resource-tencentcloud-purge-v<version>-<os>-<arch>.tar.gz
# for linux, darwin and windows on amd64 and arm64. Each holds the plugin bundled into one JavaScript file
# (scripts/bundlePlugin.ts), the launcher the engine runs (`pulumi-resource-tencentcloud-purge`, and on Windows
# `pulumi-resource-tencentcloud-purge.cmd`, which the engine looks for there: the npm package's plugin/ launchers,
# so both say the same when Node.js is missing), `launcher.js` that they start (scripts/pluginBundle/launcher.js)
# with the Node.js version check it needs (plugin/requireNode20.js), pulumi-plugin.json, the licence and the
# licences and notices of the bundled packages (THIRD-PARTY-LICENSES.txt, written by bundlePlugin.ts from what
# esbuild bundled; it refuses a bundled package with no licence text or an unknown licence). No
# PulumiPlugin.yaml: with one, the engine would run the plugin through the Node.js language host and install
# dependencies first, and the bundle has none. The plugin is JavaScript, so the archives differ only in their
# launchers; each needs Node.js >= 20 on PATH.
#
# Usage: scripts/packPlugin.sh [out-dir]      (prints the archives' paths on stdout; progress on stderr)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)"
log() { printf '[pack-plugin] %s\n' "$*" >&2; }

name=pulumi-resource-tencentcloud-purge
version="$(node -p 'require("./package.json").version')"
schema_version="$(node -p 'require("./schema.json").version')"
server="$(node -p 'require("./schema.json").pluginDownloadURL || ""')"
if [ "$version" != "$schema_version" ]; then
    log "package.json says $version but schema.json says $schema_version: write the schema first (scripts/writeSchema.ts)"
    exit 1
fi
stage="$(mktemp -d "${TMPDIR:-/tmp}/purge-plugin.XXXXXX")"
trap 'rm -rf "$stage"' EXIT

log "bundling the plugin"
npx ts-node --transpile-only scripts/bundlePlugin.ts "$stage/common" >/dev/null
cp plugin/$name "$stage/common/$name"
chmod 755 "$stage/common/$name"
cp scripts/pluginBundle/launcher.js plugin/requireNode20.js "$stage/common/"
cp LICENSE "$stage/common/LICENSE"
printf '{\n  "resource": true,\n  "name": "tencentcloud-purge",\n  "version": "%s",\n  "server": "%s"\n}\n' \
    "$version" "$server" >"$stage/common/pulumi-plugin.json"

for os in linux darwin windows; do
    for arch in amd64 arm64; do
        dir="$stage/$os-$arch"
        cp -R "$stage/common" "$dir"
        if [ "$os" = windows ]; then
            # The engine runs `<name>.exe` or `<name>.cmd` on Windows.
            cp "plugin/$name.cmd" "$dir/$name.cmd"
        fi
        archive="$out/$name-v$version-$os-$arch.tar.gz"
        tar -czf "$archive" -C "$dir" .
        log "wrote $archive ($(du -k "$archive" | cut -f1) KB)"
        printf '%s\n' "$archive"
    done
done
