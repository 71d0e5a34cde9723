#!/usr/bin/env bash
# Find (or set up) what Pulumi Python programs need, and print the absolute path of the Python language host
# `pulumi-language-python` on stdout (and nothing else there). Progress and errors go to stderr. The host's
# folder also holds `pulumi-language-python-exec` and `pulumi-resource-pulumi-python`; the CLI looks for them
# beside its own binary, then on PATH.
#
#   scripts/ensurePulumiPython.sh              -> /abs/path/to/pulumi-language-python
#   scripts/ensurePulumiPython.sh PROJECT_DIR  -> the same, after making PROJECT_DIR's virtualenv (the folder its
#                                                 Pulumi.yaml names, default `venv`) with the `pulumi` package and
#                                                 this repository's sdk-python/ installed in it
#
# First found wins:
#   1. an installed toolchain: `pulumi-language-python` beside the pulumi CLI (an official install ships it
#      there) or on PATH, and a Python that imports `pulumi` ($PULUMI_PYTHON_CMD, else python3 on PATH);
#   2. the stand-ins of a tools folder beside the clone (`../*/tools/`, or PULUMI_LANGUAGE_PYTHON_TGZ and
#      PULUMI_PYTHON_SDK_TGZ naming the archives): the host unpacked beside the cached CLI, the `pulumi` package
#      unpacked into the cache, run by Debian's /usr/bin/python3 with Debian's packages for its dependencies.
#
# Debian's packages are installed with apt-get when one is missing and installing is allowed: under CI=true, or
# with PULUMI_PYTHON_APT_GET=1 (as root, or with sudo that asks no password).
#
# The project's virtualenv is made as the host would make it, minus the package index: with access to
# system site packages (where `pulumi` and its dependencies are), and sdk-python/ installed from a copy (pip
# builds in the folder it installs from; the repository is never written to).
#
# Env:  PULUMI_PYTHON_CMD, PULUMI_LANGUAGE_PYTHON_TGZ, PULUMI_PYTHON_SDK_TGZ, PULUMI_PYTHON_APT_GET, PULUMI_BIN,
#       XDG_CACHE_HOME, CI.
# Exit: 0; 3 a piece is missing (the message says which and how to get it); 1 anything else.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
project="${1:-}"

MISSING=3
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-tencentcloud-purge"
HOST=pulumi-language-python
DEBIAN_PYTHON=/usr/bin/python3
DEBIAN_PACKAGES=(python3 python3-grpcio python3-protobuf python3-dill python3-semver python3-yaml python3-packaging
                 python3-pip python3-venv)
# What `import pulumi` needs and the virtualenv step uses: Debian's packages above provide them.
PY_MODULES="grpc, google.protobuf, dill, semver, yaml, packaging, pip, venv"

log() { printf '[ensure-pulumi-python] %s\n' "$*" >&2; }
fail() { log "error: $1"; exit "${2:-1}"; }
missing() {
  log "error: $1"
  shift
  for line in "$@"; do log "  $line"; done
  exit "$MISSING"
}

scratch="$(mktemp -d "${TMPDIR:-/tmp}/ensure-pulumi-python.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# The CLI's own folder: an official install keeps the host there; the stand-in is unpacked beside the cached CLI.
cli="$(bash "$here/ensurePulumi.sh")" || fail "no pulumi CLI (scripts/ensurePulumi.sh failed)"
cli_dir="$(dirname "$(readlink -f "$cli")")"

# imports PYTHON [PYTHONPATH]: whether PYTHON imports the pulumi package (with PYTHONPATH when given).
imports_pulumi() { PYTHONPATH="${2:-}" "$1" -c 'import pulumi' >/dev/null 2>&1; }

# 1. An installed toolchain.
python=""
sdk_path=""
host=""
for candidate in "$cli_dir/$HOST" "$(command -v "$HOST" 2>/dev/null || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then host="$candidate"; break; fi
done
user_python="${PULUMI_PYTHON_CMD:-$(command -v python3 2>/dev/null || true)}"
if [ -n "$host" ] && [ -n "$user_python" ] && imports_pulumi "$user_python"; then
  python="$(command -v "$user_python")"
  log "using the installed toolchain: $host, and $python (imports pulumi)"
fi

# tools_archive VAR PATTERN: the archive VAR names, else the first tools folder beside the clone that holds one.
tools_archive() {
  local named="${!1:-}" found
  if [ -n "$named" ]; then
    [ -f "$named" ] || fail "$1=$named is not a file"
    readlink -f "$named"
    return 0
  fi
  for found in "$repo"/../*/tools/$2; do
    if [ -f "$found" ]; then readlink -f "$found"; return 0; fi
  done
}

how_to_get_toolchain=(
  "to fix: install Pulumi (it ships $HOST beside the CLI) and \`pip install pulumi\` for python3 (or set PULUMI_PYTHON_CMD),"
  "        or lay a tools folder holding pulumi-language-python-*.tar.gz and pulumi-python-sdk.tar.gz beside the"
  "        clone (or name them with PULUMI_LANGUAGE_PYTHON_TGZ and PULUMI_PYTHON_SDK_TGZ)"
)

# 2. The stand-ins.
if [ -z "$python" ]; then
  host_tgz="$(tools_archive PULUMI_LANGUAGE_PYTHON_TGZ "$HOST-v*-linux-amd64.tar.gz")"
  sdk_tgz="$(tools_archive PULUMI_PYTHON_SDK_TGZ pulumi-python-sdk.tar.gz)"
  if [ -z "$host_tgz" ] || [ -z "$sdk_tgz" ]; then
    what="no Pulumi Python toolchain"
    [ -n "$host" ] && what="$host is there, but no python3 imports the pulumi package"
    missing "$what, and no stand-in archives beside the clone" "${how_to_get_toolchain[@]}"
  fi

  # Debian's interpreter and packages: a python3 earlier on PATH may have none of them.
  if ! "$DEBIAN_PYTHON" -c "import $PY_MODULES" >/dev/null 2>&1; then
    apt_cmd="apt-get install -y --no-install-recommends ${DEBIAN_PACKAGES[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || { sudo -n true 2>/dev/null && sudo="sudo -n"; } || true
    if [ "${CI:-}" != true ] && [ "${PULUMI_PYTHON_APT_GET:-}" != 1 ]; then
      missing "$DEBIAN_PYTHON cannot import $PY_MODULES (the pulumi package's dependencies)" \
        "to fix: $apt_cmd   (as root; or set PULUMI_PYTHON_APT_GET=1 and this script runs it)"
    fi
    if ! command -v apt-get >/dev/null 2>&1 || { [ "$(id -u)" -ne 0 ] && [ -z "$sudo" ]; }; then
      missing "$DEBIAN_PYTHON cannot import $PY_MODULES, and apt-get cannot be run here (no apt-get, or not root)" \
        "to fix: $apt_cmd   (as root, on Debian 12)"
    fi
    log "installing Debian's packages: ${DEBIAN_PACKAGES[*]}"
    # Wait for another apt run rather than fail on its lock.
    $sudo apt-get -o DPkg::Lock::Timeout=600 update >&2 || fail "apt-get update failed"
    $sudo apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${DEBIAN_PACKAGES[@]}" >&2 \
      || fail "apt-get install failed"
    "$DEBIAN_PYTHON" -c "import $PY_MODULES" >/dev/null 2>&1 || fail "$DEBIAN_PYTHON still cannot import $PY_MODULES"
  fi

  # The host beside the cached CLI (its folder is named for the Pulumi version the host was built for), so that
  # the cached CLI runs Python programs as an official install does. Unpacked aside and renamed into place: a
  # concurrent run never sees half a host.
  version="$(basename "$host_tgz" | sed -E "s/^$HOST-(v[0-9][^-]*)-.*/\1/")"
  host_dir="$CACHE/pulumi-$version"
  host="$host_dir/$HOST"
  if [ ! -x "$host" ] || [ ! -x "$host_dir/$HOST-exec" ] || [ ! -x "$host_dir/pulumi-resource-pulumi-python" ]; then
    log "unpacking $(basename "$host_tgz") into $host_dir"
    mkdir -p "$host_dir" "$scratch/host"
    tar -xzf "$host_tgz" -C "$scratch/host" || fail "cannot unpack $host_tgz"
    for f in "$scratch/host"/*; do
      cp -p "$f" "$host_dir/.$(basename "$f").$$"
      mv -f "$host_dir/.$(basename "$f").$$" "$host_dir/$(basename "$f")"
    done
  fi

  # The pulumi package, once per archive content.
  digest="$(sha256sum "$sdk_tgz" | cut -c1-16)"
  sdk_parent="$CACHE/pulumi-python-sdk-$digest"
  sdk_path="$sdk_parent/pulumi-python-sdk"
  if [ ! -d "$sdk_path/pulumi" ]; then
    log "unpacking $(basename "$sdk_tgz") into $sdk_parent"
    mkdir -p "$CACHE" "$scratch/sdk"
    tar -xzf "$sdk_tgz" -C "$scratch/sdk" || fail "cannot unpack $sdk_tgz"
    [ -d "$scratch/sdk/pulumi-python-sdk/pulumi" ] || fail "$sdk_tgz holds no pulumi-python-sdk/pulumi folder"
    mv "$scratch/sdk" "$sdk_parent.$$" && { mv -T "$sdk_parent.$$" "$sdk_parent" 2>/dev/null || rm -rf "$sdk_parent.$$"; }
  fi
  python="$DEBIAN_PYTHON"
  imports_pulumi "$python" "$sdk_path" || fail "$python does not import pulumi from $sdk_path: $(PYTHONPATH="$sdk_path" "$python" -c 'import pulumi' 2>&1 | tail -n1)"
  log "using the stand-ins: $host, and $python with $sdk_path"
fi

# The project's virtualenv.
if [ -n "$project" ]; then
  [ -f "$project/Pulumi.yaml" ] || fail "$project has no Pulumi.yaml"
  venv_name="$(sed -nE 's/^ +virtualenv: *([^ #]+).*/\1/p' "$project/Pulumi.yaml" | head -n1)"
  venv="$project/${venv_name:-venv}"
  log "making the virtualenv $venv"
  "$python" -m venv --system-site-packages "$venv" >&2 || fail "$python -m venv failed (on Debian: apt-get install python3-venv)"
  if [ -n "$sdk_path" ]; then
    site="$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    printf '%s\n' "$sdk_path" >"$site/pulumi-python-sdk.pth"
  fi
  cp -R "$repo/sdk-python" "$scratch/sdk-python"
  "$venv/bin/python" -m pip install --quiet --no-deps --no-build-isolation --no-index "$scratch/sdk-python" >&2 \
    || fail "pip could not install sdk-python into $venv"
  "$venv/bin/python" -c 'import pulumi, pulumi_tencentcloud_purge' || fail "$venv cannot import the SDK"
fi

printf '%s\n' "$(readlink -f "$host")"
