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
# Exit:  0, 3 when it has to build and there is no usable Go (see goTool.sh), 1 otherwise.
set -euo pipefail
source "$(dirname "$0")/goTool.sh"

YAML_VERSION="v1.25.0"
MIN_GO="1.26.6"

go_tool_init ensure-pulumi-yaml "pulumi-language-yaml $YAML_VERSION"
go_tool_explain() {
  go_tool_log "to fix: install Go >= $MIN_GO with the Go module proxy reachable and run this again,"
  go_tool_log "        or put pulumi-language-yaml on PATH, or set PULUMI_LANGUAGE_YAML_BIN=/path/to/pulumi-language-yaml"
}

if [ -n "${PULUMI_LANGUAGE_YAML_BIN:-}" ]; then
  [ -x "$PULUMI_LANGUAGE_YAML_BIN" ] || go_tool_fail "PULUMI_LANGUAGE_YAML_BIN=$PULUMI_LANGUAGE_YAML_BIN is not an executable file"
  go_tool_log "using PULUMI_LANGUAGE_YAML_BIN=$PULUMI_LANGUAGE_YAML_BIN"
  go_tool_abs "$PULUMI_LANGUAGE_YAML_BIN"
  exit 0
fi
if on_path="$(command -v pulumi-language-yaml 2>/dev/null)"; then
  go_tool_log "using pulumi-language-yaml on PATH: $on_path"
  printf '%s\n' "$on_path"
  exit 0
fi

go_tool_build() {
  local out="$1" work="$2"
  # go install writes into GOBIN only; the scratch folder's bin/ then moves onto the file to write.
  go_tool_step "$work" "downloading modules and compiling github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$YAML_VERSION (go install)" \
      env GOBIN="$work/bin" CGO_ENABLED=0 "$GO" install \
      -ldflags "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=${YAML_VERSION}" \
      "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@${YAML_VERSION}" \
    || go_tool_fail "could not build pulumi-language-yaml $YAML_VERSION (is the Go module proxy reachable?)"
  mv -f "$work/bin/pulumi-language-yaml" "$out"
}

go_tool_ensure "pulumi-language-yaml-${YAML_VERSION}" pulumi-language-yaml "$MIN_GO"
