#!/usr/bin/env bash
# Print the absolute path of the SDK generator (scripts/sdkgen, over Pulumi's own code generators) on stdout,
# building it once per version of its source into
# ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-tencentcloud-purge/sdkgen-<hash>/sdkgen. Progress and errors go to stderr.
# It uses the same github.com/pulumi/pulumi/pkg/v3 as the CLI (scripts/ensurePulumi.sh), so after the CLI is
# built its packages come from Go's build cache (CGO_ENABLED=0, as there).
#
# Env:  XDG_CACHE_HOME, GO (default `go`).
# Exit: 0, 3 when it has to build and there is no usable Go (see goTool.sh), 1 otherwise.
set -euo pipefail
source "$(dirname "$0")/goTool.sh"
cd "$(dirname "$0")/sdkgen"

go_tool_init ensure-sdkgen "the SDK generator scripts/sdkgen"
go_tool_build() {
  go_tool_step . "compiling scripts/sdkgen (go build)" env CGO_ENABLED=0 "$GO" build -mod=readonly -o "$1" . \
    || go_tool_fail "could not build scripts/sdkgen (is the Go module proxy reachable?)"
}

go_tool_ensure "sdkgen-$(cat go.mod go.sum ./*.go | sha256sum | cut -c1-16)" sdkgen
