#!/usr/bin/env bash
# Builds the Go test tool tests/goClient (the official Go SDK's generic client, driven from the command line)
# into the user's cache, once per version of its sources and of Go, and prints the binary's path. Nothing is
# written in the work tree: go.sum is read only (-mod=readonly), modules and build cache live in Go's own cache.
# Exit 3 when Go is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."

src=tests/goClient
if ! command -v go >/dev/null 2>&1; then
    echo "buildGoClient: Go is not installed; the Go SDK tests (tests/emulatorGoSdk.spec.ts) need it" >&2
    exit 3
fi
hash=$( (go version; cat "$src/go.mod" "$src/go.sum" "$src"/*.go) | sha256sum | cut -c1-16)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-tencentcloud-purge"
bin="$cache/goClient-$hash"
if [ ! -x "$bin" ]; then
    mkdir -p "$cache"
    tmp=$(mktemp "$cache/goClient-build.XXXXXX")
    # Built aside and renamed: a concurrent run never sees half a binary.
    if ! (cd "$src" && CGO_ENABLED=0 go build -trimpath -buildvcs=false -mod=readonly -o "$tmp" .) >&2; then
        rm -f "$tmp"
        echo "buildGoClient: go build failed in $src" >&2
        exit 1
    fi
    mv -f "$tmp" "$bin"
fi
echo "$bin"
