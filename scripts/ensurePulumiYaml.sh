#!/usr/bin/env bash
# Print the absolute path of the Pulumi YAML language host `pulumi-language-yaml` on stdout (and nothing else
# there). Progress and errors go to stderr. The CLI runs YAML programs through it; it looks for the host
# beside its own binary, then on PATH, so callers put the printed folder on PATH.
#
# First found wins:
#   1. $PULUMI_LANGUAGE_YAML_BIN, if set (it must be executable);
#   2. `pulumi-language-yaml` on PATH;
#   3. a cached build: ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-tencentcloud-purge/pulumi-language-yaml-<version>/;
#   4. a fresh build of github.com/pulumi/pulumi-yaml <version> cmd/pulumi-language-yaml from the Go module proxy.
#
# It is built with the module versions pulumi-yaml itself requires (its go.mod has no replace directives, so
# `go install module@version` works): v1.25.0 does not compile against the CLI's newer pkg/v3. The language
# host protocol is stable across these versions; the CLI runs hosts built against older SDKs.
#
# Usage: scripts/ensurePulumiYaml.sh      -> /abs/path/to/pulumi-language-yaml
# Env:   PULUMI_LANGUAGE_YAML_BIN, XDG_CACHE_HOME, GO (default `go`).
set -euo pipefail

YAML_VERSION="v1.25.0"
MIN_GO="1.26.6"
GO="${GO:-go}"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-tencentcloud-purge/pulumi-language-yaml-${YAML_VERSION}"
CACHED_BIN="${CACHE_DIR}/pulumi-language-yaml"

log() { printf '[ensure-pulumi-yaml] %s\n' "$*" >&2; }
fail() {
  log "error: $1"
  log "to fix: install Go >= $MIN_GO with the Go module proxy reachable and run this again,"
  log "        or put pulumi-language-yaml on PATH, or set PULUMI_LANGUAGE_YAML_BIN=/path/to/pulumi-language-yaml"
  exit 1
}

if [ -n "${PULUMI_LANGUAGE_YAML_BIN:-}" ]; then
  [ -x "$PULUMI_LANGUAGE_YAML_BIN" ] || fail "PULUMI_LANGUAGE_YAML_BIN=$PULUMI_LANGUAGE_YAML_BIN is not an executable file"
  log "using PULUMI_LANGUAGE_YAML_BIN=$PULUMI_LANGUAGE_YAML_BIN"
  printf '%s\n' "$(cd "$(dirname "$PULUMI_LANGUAGE_YAML_BIN")" && pwd -P)/$(basename "$PULUMI_LANGUAGE_YAML_BIN")"
  exit 0
fi
if on_path="$(command -v pulumi-language-yaml 2>/dev/null)"; then
  log "using pulumi-language-yaml on PATH: $on_path"
  printf '%s\n' "$on_path"
  exit 0
fi
if [ -x "$CACHED_BIN" ]; then
  log "using cached build: $CACHED_BIN"
  printf '%s\n' "$CACHED_BIN"
  exit 0
fi

command -v "$GO" >/dev/null 2>&1 || fail "no pulumi-language-yaml found and Go is not installed"
go_version="$("$GO" env GOVERSION 2>/dev/null || true)"
if [ "$(printf '%s\n%s\n' "$MIN_GO" "${go_version#go}" | sort -V | head -n1)" != "$MIN_GO" ]; then
  fail "no pulumi-language-yaml found and Go is '${go_version:-unknown}', need >= $MIN_GO"
fi

mkdir -p "$CACHE_DIR"
# One builder at a time: a second caller waits here, then finds the cached binary.
exec 9>"${CACHE_DIR}.lock"
if command -v flock >/dev/null 2>&1 && ! flock -n 9; then
  log "another process is building pulumi-language-yaml $YAML_VERSION; waiting for it"
  flock 9
fi
if [ -x "$CACHED_BIN" ]; then
  log "using cached build: $CACHED_BIN"
  printf '%s\n' "$CACHED_BIN"
  exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/pulumi-yaml-build.XXXXXX")"
tmp_bin="${CACHE_DIR}/.pulumi-language-yaml.tmp.$$"
heartbeat=""
cleanup() {
  [ -n "$heartbeat" ] && kill "$heartbeat" 2>/dev/null
  rm -rf "$work" "$tmp_bin"
}
trap cleanup EXIT
start=$SECONDS
# A line every 30 s so a long compile does not look hung; the subshell drops the lock's fd.
beat() { ( exec 9>&-; while sleep 30; do log "[$((SECONDS - start))s] still $1..."; done ) & heartbeat=$!; }
unbeat() { kill "$heartbeat" 2>/dev/null || true; wait "$heartbeat" 2>/dev/null || true; heartbeat=""; }

log "building pulumi-language-yaml $YAML_VERSION with $go_version into $CACHE_DIR (first time only; minutes on 2 cores)"
log "[0s] downloading modules and compiling github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$YAML_VERSION (go install)"
beat "building"
if ! (cd "$work" && GOBIN="$work/bin" CGO_ENABLED=0 "$GO" install \
      -ldflags "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=${YAML_VERSION}" \
      "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@${YAML_VERSION}") >"$work/build.log" 2>&1 9>&-; then
  unbeat; tail -n 20 "$work/build.log" >&2
  fail "could not build pulumi-language-yaml $YAML_VERSION (is the Go module proxy reachable?)"
fi
unbeat
mv -f "$work/bin/pulumi-language-yaml" "$tmp_bin" && mv -f "$tmp_bin" "$CACHED_BIN"   # same folder: an atomic rename
log "[$((SECONDS - start))s] done: $CACHED_BIN"
printf '%s\n' "$CACHED_BIN"
