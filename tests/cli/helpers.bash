# Shared by the bats files in tests/cli: load with `load helpers`.
# Each test gets its own HOME, TMPDIR and store folder under one temporary
# folder, removed afterwards. $INTAKE is the absolute path of the binary.

PASS="tiger lamp violet oxygen river"
NEWPASS="marble cactus winter ninety lantern"
WEAKPASS="password1"
# Recovery keys: 8 groups of 4 Crockford base32 characters.
RECOVERY_RE='[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}'

common_setup() {
    ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
    if [ -z "${INTAKE:-}" ]; then
        INTAKE=$ROOT/bin/intake
    fi
    [ -x "$INTAKE" ] || { echo "no intake binary at $INTAKE (set INTAKE)" >&2; return 1; }
    T=$(mktemp -d "${BATS_TMPDIR:-/tmp}/intake-cli-XXXXXX")
    export HOME=$T/home TMPDIR=$T/tmp
    mkdir -p "$HOME" "$TMPDIR"
    unset INTAKE_HOME XDG_DATA_HOME
    H=$T/store
}

common_teardown() {
    if [ -n "${T:-}" ] && [ -d "$T" ]; then
        chmod -R u+rwX "$T" 2>/dev/null
        rm -rf "$T"
    fi
}

# tools_dir: the test tools (tests/tools), built beside the binary under
# test, or where $INTAKE_TOOLS says (make check-installed: the binary is
# installed, the tools are built in this tree).
tools_dir() {
    echo "${INTAKE_TOOLS:-$(dirname "$INTAKE")/../tools}"
}

# ik ARGS...: intake on the test's store with $PASS on descriptor 3.
ik() {
    "$INTAKE" --home "$H" --passphrase-fd 3 "$@" 3<<<"$PASS"
}

# ik_pass PASSPHRASE-LINES ARGS...: intake with the given lines on fd 3.
ik_pass() {
    local lines=$1
    shift
    "$INTAKE" --home "$H" --passphrase-fd 3 "$@" 3< <(printf '%s\n' "$lines")
}

# init_store [ARGS...]: creates the store in $H (--kdf interactive) and sets
# $RECOVERY to the recovery key it printed.
init_store() {
    local out
    out=$("$INTAKE" --home "$H" --passphrase-fd 3 init --kdf interactive "$@" 3<<<"$PASS") || {
        echo "init failed: $out" >&2
        return 1
    }
    RECOVERY=$(printf '%s\n' "$out" | grep -oE "$RECOVERY_RE" | head -n 1)
    [ -n "$RECOVERY" ] || { echo "no recovery key in: $out" >&2; return 1; }
}

# store_sums: one line per file in the store (name and sha256), sorted.
store_sums() {
    (cd "$H" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum)
}

# last_lines N: the last N lines of $output.
last_lines() {
    printf '%s\n' "$output" | tail -n "$1"
}

# one_line: $output (from `run`) is exactly one non-empty line.
one_line() {
    [ -n "$output" ] && [ "$(printf '%s\n' "$output" | wc -l)" -eq 1 ]
}

# one_line_stderr: $stderr (from `run --separate-stderr`) is exactly one
# non-empty line.
one_line_stderr() {
    [ -n "$stderr" ] && [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ] || {
        echo "stderr is not one line: $stderr" >&2
        return 1
    }
}

# expect_status N: prints what happened when the status differs.
expect_status() {
    if [ "$status" -ne "$1" ]; then
        echo "expected exit $1, got $status; output: $output" >&2
        return 1
    fi
}

# mode_of PATH: octal permission bits.
mode_of() {
    stat -c '%a' "$1"
}

# rand_hex N: N random bytes as hex.
rand_hex() {
    od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'
}

# refused STATUS MESSAGE ARGS...: intake ARGS (store $H, $PASS on
# descriptor 3, nothing on standard input) fails with STATUS and exactly
# the one line "intake: MESSAGE" on stderr, nothing on stdout, and the
# store's files are unchanged.  Needs bats_require_minimum_version 1.5.0.
refused() {
    local want=$1 msg=$2 before
    shift 2
    before=$(store_sums)
    run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 "$@" 3<<<"$PASS" </dev/null
    expect_status "$want"
    if [ "$stderr" != "intake: $msg" ]; then
        printf 'expected: intake: %s\ngot:      %s\n' "$msg" "$stderr" >&2
        return 1
    fi
    [ -z "$output" ] || { echo "stdout: $output" >&2; return 1; }
    [ "$(store_sums)" = "$before" ] || { echo "the store changed" >&2; return 1; }
}

# Several stores per test (export.bats, media.bats), each under $T/NAME.
# st NAME ARGS...: intake on store $T/NAME.
st() {
    local name=$1
    shift
    "$INTAKE" --home "$T/$name" --passphrase-fd 3 "$@" 3<<<"$PASS"
}

mkstore() {
    "$INTAKE" --home "$T/$1" --passphrase-fd 3 init --kdf interactive --label "$1" 3<<<"$PASS" >/dev/null
}

# introduce_unverified A B: each adds the other's card as a contact named
# after it; introduce A B also records that they compared safety numbers.
introduce_unverified() {
    st "$1" contact add "$2" "$(st "$2" card)" 2>/dev/null
    st "$2" contact add "$1" "$(st "$1" card)" 2>/dev/null
}
introduce() {
    introduce_unverified "$1" "$2"
    st "$1" contact verify "$2" --confirm <<<"$(st "$1" contact verify "$2" | awk 'NR == 1 { print $NF }')" >/dev/null 2>&1
    st "$2" contact verify "$1" --confirm <<<"$(st "$2" contact verify "$1" | awk 'NR == 1 { print $NF }')" >/dev/null 2>&1
}
