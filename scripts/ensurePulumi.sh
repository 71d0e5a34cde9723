#!/usr/bin/env bash
# Print the absolute path of a working `pulumi` CLI on stdout (and nothing else there).
# Progress and errors go to stderr.
#
# First found wins:
#   1. $PULUMI_BIN, if set (it must run; no version check, it is the caller's choice);
#   2. `pulumi` on PATH, if its version is >= $MIN_VERSION;
#   3. a cached build: ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-tencentcloud-purge/pulumi-<version>/pulumi;
#   4. a fresh build of that cached binary from the Go module proxy with the machine's Go.
#
# Why build from a wrapper module: github.com/pulumi/pulumi/pkg/v3's go.mod has replace
# directives, so `go install .../cmd/pulumi@version` refuses it. A module that requires pkg and
# sdk at the same version builds the same CLI (replace directives of dependencies are ignored).
#
# Only the CLI is built. The Node.js language host (pulumi-language-nodejs) is not served by the
# module proxy these machines can reach, so programs run as Automation API inline programs, which
# need only the CLI. The dynamic-provider plugin ships inside @pulumi/pulumi (callers put
# node_modules/@pulumi/pulumi on PATH).
#
# Usage: scripts/ensurePulumi.sh            -> /abs/path/to/pulumi
# Env:   PULUMI_BIN, XDG_CACHE_HOME, GO (the go command to use; default `go`).
# Exit:  0, 3 when it has to build and there is no usable Go (see goTool.sh), 1 otherwise.
set -euo pipefail
source "$(dirname "$0")/goTool.sh"

PULUMI_VERSION="v3.274.1"
MIN_VERSION="3.140.0"
MIN_GO="1.26.6"

go_tool_init ensure-pulumi "pulumi $PULUMI_VERSION"
tried=()
go_tool_explain() {
  go_tool_log "tried:"
  for t in "${tried[@]}"; do go_tool_log "  - $t"; done
  go_tool_log "to fix: install Go >= $MIN_GO (with the Go module proxy reachable) and run this again,"
  go_tool_log "        or install pulumi >= $MIN_VERSION on PATH, or set PULUMI_BIN=/path/to/pulumi"
}

# Every pulumi command writes a log file under $PULUMI_HOME/logs: probe versions with a
# throwaway home so nothing lands in the user's ~/.pulumi.
go_tool_scratch scratch

# cli_version BIN: print the version a CLI reports, or fail.
cli_version() {
  PULUMI_HOME="$scratch/home" PULUMI_SKIP_UPDATE_CHECK=true "$1" version 2>/dev/null | head -n1
}

# 1. Explicit choice.
if [ -n "${PULUMI_BIN:-}" ]; then
  if [ -x "$PULUMI_BIN" ] && v="$(cli_version "$PULUMI_BIN")" && [ -n "$v" ]; then
    go_tool_log "using PULUMI_BIN=$PULUMI_BIN ($v)"
    go_tool_abs "$PULUMI_BIN"
    exit 0
  fi
  go_tool_log "error: PULUMI_BIN=$PULUMI_BIN does not run (\`$PULUMI_BIN version\` failed); unset it or point it at a pulumi binary"
  exit 1
fi

# 2. The CLI on PATH, when recent enough.
if on_path="$(command -v pulumi 2>/dev/null)"; then
  v="$(cli_version "$on_path" || true)"
  if [ -n "$v" ] && go_tool_version_ge "$v" "$MIN_VERSION"; then
    go_tool_log "using pulumi on PATH: $on_path ($v)"
    go_tool_abs "$on_path"
    exit 0
  fi
  tried+=("pulumi on PATH ($on_path) reports '${v:-nothing}', need >= $MIN_VERSION")
else
  tried+=("no pulumi on PATH")
fi

# A cached or fresh build counts only when it reports the version it was built as.
go_tool_usable() { [ -x "$1" ] && [ "$(cli_version "$1" || true)" = "$PULUMI_VERSION" ]; }

go_tool_build() {
  local out="$1" work="$2"
  cat >"$work/go.mod" <<MOD
module pulumi-cli-build

go $MIN_GO

require (
	github.com/pulumi/pulumi/pkg/v3 $PULUMI_VERSION
	github.com/pulumi/pulumi/sdk/v3 $PULUMI_VERSION
)
MOD
  cat >"$work/tools.go" <<'SRC'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
SRC
  if ! go_tool_step "$work" "resolving modules (go mod tidy)" "$GO" mod tidy; then
    tried+=("building $PULUMI_VERSION: \`go mod tidy\` failed (is the Go module proxy reachable?)")
    go_tool_fail "could not resolve the pulumi modules"
  fi
  if ! go_tool_step "$work" "compiling github.com/pulumi/pulumi/pkg/v3/cmd/pulumi (go build)" \
      env CGO_ENABLED=0 "$GO" build \
      -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${PULUMI_VERSION}" \
      -o "$out" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi; then
    tried+=("building $PULUMI_VERSION: \`go build\` failed")
    go_tool_fail "could not compile the pulumi CLI"
  fi
  if ! go_tool_usable "$out"; then
    tried+=("building $PULUMI_VERSION: the result reports '$(cli_version "$out" || true)'")
    go_tool_fail "the built CLI does not run"
  fi
}

# 3. A cached build, else 4. build it.
go_tool_ensure "pulumi-${PULUMI_VERSION}" pulumi "$MIN_GO"
