#!/usr/bin/env bash
# Builds the Go test tool tests/goClient (the official Go SDK's generic client, driven from the command line)
# into the user's cache, once per version of its sources and of Go, and prints the binary's path. Nothing is
# written in the work tree: go.sum is read only (-mod=readonly), modules and build cache live in Go's own cache.
# Exit 3 when Go is not installed (tests/support/goClient.ts then skips the Go SDK tests outside CI).
set -euo pipefail
source "$(dirname "$0")/goTool.sh"
cd "$(dirname "$0")/../tests/goClient"

go_tool_init buildGoClient "the Go SDK test tool tests/goClient (for tests/integration/emulatorGoSdk.spec.ts)"
go_tool_build() {
  go_tool_step . "compiling tests/goClient (go build)" \
      env CGO_ENABLED=0 "$GO" build -trimpath -buildvcs=false -mod=readonly -o "$1" . \
    || go_tool_fail "go build failed in tests/goClient"
}

# Go's version is part of the key, so Go is needed before the cache can be looked at.
go_tool_require_go
go_tool_ensure "goClient-$( ("$GO" version; cat go.mod go.sum ./*.go) | sha256sum | cut -c1-16)"
