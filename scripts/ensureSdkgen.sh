#!/usr/bin/env bash
# Print the absolute path of the SDK generator (scripts/sdkgen, over Pulumi's own code generators) on stdout,
# building it once per version of its source into
# ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-tencentcloud-purge/sdkgen-<hash>/sdkgen. Progress and errors go to stderr.
# It uses the same github.com/pulumi/pulumi/pkg/v3 as the CLI (scripts/ensurePulumi.sh), so after the CLI is
# built its packages come from Go's build cache (CGO_ENABLED=0, as there).
#
# Env: XDG_CACHE_HOME, GO (default `go`).
set -euo pipefail
cd "$(dirname "$0")/sdkgen"
GO="${GO:-go}"
log() { printf '[ensure-sdkgen] %s\n' "$*" >&2; }

hash="$(cat go.mod go.sum ./*.go | sha256sum | cut -c1-16)"
dir="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-tencentcloud-purge/sdkgen-${hash}"
if [ -x "$dir/sdkgen" ]; then
  printf '%s\n' "$dir/sdkgen"
  exit 0
fi
if ! command -v "$GO" >/dev/null 2>&1; then
  log "error: Go is not installed; the SDK generator is a Go program (install Go >= 1.26.6 with the Go module proxy reachable)"
  exit 1
fi
mkdir -p "$dir"
start=$SECONDS
log "building the SDK generator into $dir (once per change of scripts/sdkgen)"
if ! CGO_ENABLED=0 "$GO" build -mod=readonly -o "$dir/.sdkgen.tmp.$$" . >&2; then
  rm -f "$dir/.sdkgen.tmp.$$"
  log "error: could not build scripts/sdkgen (is the Go module proxy reachable?)"
  exit 1
fi
mv -f "$dir/.sdkgen.tmp.$$" "$dir/sdkgen"
log "[$((SECONDS - start))s] built $dir/sdkgen"
printf '%s\n' "$dir/sdkgen"
