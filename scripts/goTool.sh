# Sourced, not run: the part shared by the scripts that build a Go tool once into the user's cache
# (ensurePulumi.sh, ensurePulumiYaml.sh, ensureSdkgen.sh, buildGoClient.sh). Each of them prints the path of
# its binary on stdout and nothing else there; everything else goes to stderr.
#
#   source "$(dirname "$0")/goTool.sh"
#   go_tool_init TAG WHAT            log lines start with "[TAG]"; WHAT names the tool in messages; sets the
#                                    EXIT trap that removes temp files and stops the heartbeat
#   go_tool_build() { ...; }         the caller's build: $1 = the file to write, $2 = an empty scratch folder
#   go_tool_ensure ENTRY [FILE] [MIN_GO]
#                                    prints <cache>/ENTRY/FILE (<cache>/ENTRY without FILE), building it first
#                                    when it is missing
# and, inside a build: go_tool_step (one command, with the heartbeat), go_tool_fail, go_tool_log (described below).
#
# The cache is ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-tencentcloud-purge. ENTRY carries what the build depends on
# (a version, or a hash of the sources), so a stale binary is never found.
#
# Optional hooks the caller may define before go_tool_ensure:
#   go_tool_usable BIN   whether a cached binary may be used (default: it is executable)
#   go_tool_explain      more lines after an error (what was tried, other ways to get the tool)
#
# Exit codes: 0 the path was printed; 3 no usable Go (none on PATH, or older than MIN_GO), the one code callers
# test for (tests/support/goClient.ts skips the Go SDK tests outside CI on it); 1 anything else.
# Env: GO (the go command; default `go`), XDG_CACHE_HOME, GO_TOOL_HEARTBEAT_SECONDS (default 30; tests shorten it).

GO_TOOL_NO_GO=3
GO="${GO:-go}"
GO_TOOL_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-tencentcloud-purge"
_go_tool_tag=go-tool
_go_tool_what="the tool"
_go_tool_heartbeat=""
_go_tool_trash=()
_go_tool_start=$SECONDS

go_tool_log() { printf '[%s] %s\n' "$_go_tool_tag" "$*" >&2; }

# go_tool_fail MESSAGE [CODE]: the error, the caller's explanation, then exit CODE (default 1).
go_tool_fail() {
  go_tool_log "error: $1"
  if declare -F go_tool_explain >/dev/null; then go_tool_explain; fi
  exit "${2:-1}"
}

# go_tool_version_ge A B: true when the dotted version A >= B (a leading "v" and any suffix are ignored).
go_tool_version_ge() {
  local a="${1#v}" b="${2#v}"
  a="${a%%[-+]*}"; b="${b%%[-+]*}"
  [ "$(printf '%s\n%s\n' "$b" "$a" | sort -V | head -n1)" = "$b" ]
}

# go_tool_abs FILE: FILE's absolute path, its folder's links resolved.
go_tool_abs() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd -P)" "$(basename "$1")"); }

# go_tool_scratch VAR: sets VAR to a new temp folder, removed when the script exits. (It assigns rather than
# prints: in a command substitution the removal would be registered in a subshell and forgotten.)
go_tool_scratch() {
  local d
  d="$(mktemp -d "${TMPDIR:-/tmp}/${_go_tool_tag}.XXXXXX")"
  _go_tool_trash+=("$d")
  printf -v "$1" '%s' "$d"
}

_go_tool_cleanup() {
  _go_tool_unbeat
  [ "${#_go_tool_trash[@]}" -eq 0 ] || rm -rf "${_go_tool_trash[@]}"
}

go_tool_init() {
  _go_tool_tag="$1"
  _go_tool_what="$2"
  trap _go_tool_cleanup EXIT
}

# go_tool_require_go [MIN]: exits 3 unless $GO runs and, given MIN, is at least MIN. Sets GO_VERSION (go1.26.8).
go_tool_require_go() {
  local min="${1:-}"
  if ! command -v "$GO" >/dev/null 2>&1; then
    go_tool_fail "Go is not installed (no \`$GO\` command); building $_go_tool_what needs Go${min:+ >= $min} with the Go module proxy reachable" "$GO_TOOL_NO_GO"
  fi
  GO_VERSION="$("$GO" env GOVERSION 2>/dev/null || true)"
  if [ -n "$min" ] && ! go_tool_version_ge "${GO_VERSION#go}" "$min"; then
    go_tool_fail "Go is '${GO_VERSION:-unknown}' (\`$GO\`); building $_go_tool_what needs Go >= $min" "$GO_TOOL_NO_GO"
  fi
}

# A line every GO_TOOL_HEARTBEAT_SECONDS while a step runs, so a long compile does not look hung. The subshell
# drops the lock's fd 9 and the script's stdout (a caller reading the path would wait for it), and takes its
# sleep down with it when stopped.
_go_tool_beat() {
  (
    exec 9>&- >&2
    s=""
    trap '[ -n "$s" ] && kill "$s" 2>/dev/null; exit 0' TERM
    while :; do
      sleep "${GO_TOOL_HEARTBEAT_SECONDS:-30}" & s=$!
      wait "$s"
      go_tool_log "[$((SECONDS - _go_tool_start))s] still $1..."
    done
  ) &
  _go_tool_heartbeat=$!
}
_go_tool_unbeat() {
  [ -n "$_go_tool_heartbeat" ] || return 0
  kill "$_go_tool_heartbeat" 2>/dev/null || true
  wait "$_go_tool_heartbeat" 2>/dev/null || true
  _go_tool_heartbeat=""
}

# go_tool_step DIR WHAT COMMAND...: runs COMMAND in DIR with its output kept aside (its last 20 lines shown when it
# fails) and the heartbeat on; logs WHAT and how long it took. Returns COMMAND's status.
go_tool_step() {
  local dir="$1" what="$2" out status=0 t0=$SECONDS
  shift 2
  out="$(mktemp "${TMPDIR:-/tmp}/${_go_tool_tag}-step.XXXXXX")"
  _go_tool_trash+=("$out")
  go_tool_log "[$((SECONDS - _go_tool_start))s] $what"
  _go_tool_beat "$what"
  (cd "$dir" && "$@") >"$out" 2>&1 9>&- || status=$?
  _go_tool_unbeat
  if [ "$status" -ne 0 ]; then
    tail -n 20 "$out" >&2
    return "$status"
  fi
  go_tool_log "[$((SECONDS - _go_tool_start))s] done: $what (took $((SECONDS - t0))s)"
}

_go_tool_found() {
  if declare -F go_tool_usable >/dev/null; then go_tool_usable "$1"; else [ -x "$1" ]; fi
}
_go_tool_cached() {
  _go_tool_found "$1" || return 1
  go_tool_log "using cached build: $1"
  printf '%s\n' "$1"
}

go_tool_ensure() {
  local entry="$GO_TOOL_CACHE/$1" file="${2:-}" min="${3:-}" bin tmp work
  bin="$entry${file:+/$file}"
  if _go_tool_cached "$bin"; then return 0; fi
  go_tool_require_go "$min"
  mkdir -p "$(dirname "$bin")"
  # One builder per entry: a second caller waits here, then finds the first one's binary.
  exec 9>"$entry.lock"
  if command -v flock >/dev/null 2>&1; then
    if ! flock -n 9; then
      go_tool_log "another process is building $_go_tool_what; waiting for it"
      flock 9
    fi
  else
    go_tool_log "warning: flock not found; building without a lock"
  fi
  if _go_tool_cached "$bin"; then return 0; fi
  # Written beside the cached binary and renamed onto it: nobody ever runs half a binary.
  tmp="$(dirname "$bin")/.$(basename "$bin").tmp.$$"
  _go_tool_trash+=("$tmp")
  _go_tool_start=$SECONDS
  go_tool_log "building $_go_tool_what with $GO_VERSION into $bin (once: later runs find it there)"
  go_tool_scratch work
  go_tool_build "$tmp" "$work"
  _go_tool_found "$tmp" || go_tool_fail "the build of $_go_tool_what left no usable binary"
  mv -f "$tmp" "$bin"
  go_tool_log "[$((SECONDS - _go_tool_start))s] built $bin"
  printf '%s\n' "$bin"
}
