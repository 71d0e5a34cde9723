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
set -euo pipefail

PULUMI_VERSION="v3.274.1"
MIN_VERSION="3.140.0"
MIN_GO="1.26.6"
GO="${GO:-go}"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-tencentcloud-purge/pulumi-${PULUMI_VERSION}"
CACHED_BIN="${CACHE_DIR}/pulumi"

log() { printf '[ensure-pulumi] %s\n' "$*" >&2; }
tried=()

# version_ge A B: true when dotted version A >= B (a leading "v" and any suffix are ignored).
version_ge() {
  local a="${1#v}" b="${2#v}"
  a="${a%%[-+]*}"; b="${b%%[-+]*}"
  [ "$(printf '%s\n%s\n' "$b" "$a" | sort -V | head -n1)" = "$b" ]
}

# Every pulumi command writes a log file under $PULUMI_HOME/logs: probe versions with a
# throwaway home so nothing lands in the user's ~/.pulumi.
scratch="$(mktemp -d "${TMPDIR:-/tmp}/ensure-pulumi.XXXXXX")"
work=""
tmp_bin=""
heartbeat=""
cleanup() {
  [ -n "$heartbeat" ] && kill "$heartbeat" 2>/dev/null
  rm -rf "$scratch" ${work:+"$work"} ${tmp_bin:+"$tmp_bin"}
}
trap cleanup EXIT

# cli_version BIN: print the version a CLI reports, or fail.
cli_version() {
  PULUMI_HOME="$scratch/home" PULUMI_SKIP_UPDATE_CHECK=true "$1" version 2>/dev/null | head -n1
}

abs_path() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd -P)" "$(basename "$1")"); }

# 1. Explicit choice.
if [ -n "${PULUMI_BIN:-}" ]; then
  if [ -x "$PULUMI_BIN" ] && v="$(cli_version "$PULUMI_BIN")" && [ -n "$v" ]; then
    log "using PULUMI_BIN=$PULUMI_BIN ($v)"
    abs_path "$PULUMI_BIN"
    exit 0
  fi
  log "error: PULUMI_BIN=$PULUMI_BIN does not run (\`$PULUMI_BIN version\` failed); unset it or point it at a pulumi binary"
  exit 1
fi

# 2. The CLI on PATH, when recent enough.
if on_path="$(command -v pulumi 2>/dev/null)"; then
  v="$(cli_version "$on_path" || true)"
  if [ -n "$v" ] && version_ge "$v" "$MIN_VERSION"; then
    log "using pulumi on PATH: $on_path ($v)"
    abs_path "$on_path"
    exit 0
  fi
  tried+=("pulumi on PATH ($on_path) reports '${v:-nothing}', need >= $MIN_VERSION")
else
  tried+=("no pulumi on PATH")
fi

# 3. A cached build.
cached_ok() { [ -x "$CACHED_BIN" ] && [ "$(cli_version "$CACHED_BIN" || true)" = "$PULUMI_VERSION" ]; }
if cached_ok; then
  log "using cached build: $CACHED_BIN"
  printf '%s\n' "$CACHED_BIN"
  exit 0
fi

fail() {
  log "error: $1"
  log "tried:"
  for t in "${tried[@]}"; do log "  - $t"; done
  log "to fix: install Go >= $MIN_GO (with the Go module proxy reachable) and run this again,"
  log "        or install pulumi >= $MIN_VERSION on PATH, or set PULUMI_BIN=/path/to/pulumi"
  exit 1
}

# 4. Build it.
if ! command -v "$GO" >/dev/null 2>&1; then
  tried+=("building $PULUMI_VERSION: no \`$GO\` command")
  fail "no pulumi CLI found and Go is not installed"
fi
go_version="$("$GO" env GOVERSION 2>/dev/null || true)"   # e.g. go1.26.8
if ! version_ge "${go_version#go}" "$MIN_GO"; then
  tried+=("building $PULUMI_VERSION: Go is '${go_version:-unknown}', need >= $MIN_GO")
  fail "no pulumi CLI found and Go is too old to build one"
fi

mkdir -p "$CACHE_DIR"
# One builder at a time: a second caller waits here, then finds the cached binary.
exec 9>"${CACHE_DIR}.lock"
if command -v flock >/dev/null 2>&1; then
  if ! flock -n 9; then
    log "another process is building pulumi $PULUMI_VERSION; waiting for it"
    flock 9
  fi
else
  log "warning: flock not found; building without a lock"
fi
if cached_ok; then
  log "using cached build: $CACHED_BIN"
  printf '%s\n' "$CACHED_BIN"
  exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/pulumi-cli-build.XXXXXX")"
tmp_bin="${CACHE_DIR}/.pulumi.tmp.$$"

start=$SECONDS
phase_start=$SECONDS
phase() { phase_start=$SECONDS; log "[$((SECONDS - start))s] $*"; }
done_phase() { log "[$((SECONDS - start))s] $* (took $((SECONDS - phase_start))s)"; }
# A line every 30s so a long compile does not look hung. The subshell drops the lock's fd and
# takes its sleep down with it, so nothing outlives the script holding the lock or stderr.
start_heartbeat() {
  (
    exec 9>&-
    s=""
    trap '[ -n "$s" ] && kill "$s" 2>/dev/null; exit 0' TERM
    while :; do
      sleep 30 & s=$!
      wait "$s"
      log "[$((SECONDS - start))s] still $1..."
    done
  ) &
  heartbeat=$!
}
stop_heartbeat() { kill "$heartbeat" 2>/dev/null || true; wait "$heartbeat" 2>/dev/null || true; heartbeat=""; }

log "building pulumi $PULUMI_VERSION with $go_version into $CACHE_DIR (first time only; several minutes on 2 cores)"
cat >"$work/go.mod" <<EOF
module pulumi-cli-build

go $MIN_GO

require (
	github.com/pulumi/pulumi/pkg/v3 $PULUMI_VERSION
	github.com/pulumi/pulumi/sdk/v3 $PULUMI_VERSION
)
EOF
cat >"$work/tools.go" <<'EOF'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
EOF

phase "resolving modules (go mod tidy)"
start_heartbeat "resolving modules"
if ! (cd "$work" && "$GO" mod tidy) >"$work/tidy.log" 2>&1 9>&-; then
  stop_heartbeat
  tail -n 20 "$work/tidy.log" >&2
  tried+=("building $PULUMI_VERSION: \`go mod tidy\` failed (is the Go module proxy reachable?)")
  fail "could not resolve the pulumi modules"
fi
stop_heartbeat
done_phase "modules resolved"

phase "compiling github.com/pulumi/pulumi/pkg/v3/cmd/pulumi (go build)"
start_heartbeat "compiling"
if ! (cd "$work" && CGO_ENABLED=0 "$GO" build \
      -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${PULUMI_VERSION}" \
      -o "$tmp_bin" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi) >"$work/build.log" 2>&1 9>&-; then
  stop_heartbeat
  tail -n 20 "$work/build.log" >&2
  tried+=("building $PULUMI_VERSION: \`go build\` failed")
  fail "could not compile the pulumi CLI"
fi
stop_heartbeat
done_phase "compiled"

built_version="$(cli_version "$tmp_bin" || true)"
if [ "$built_version" != "$PULUMI_VERSION" ]; then
  tried+=("building $PULUMI_VERSION: the result reports '${built_version:-nothing}'")
  fail "the built CLI does not run"
fi
mv -f "$tmp_bin" "$CACHED_BIN"   # same directory: an atomic rename
log "[$((SECONDS - start))s] done: $CACHED_BIN ($built_version)"
printf '%s\n' "$CACHED_BIN"
