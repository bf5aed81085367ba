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
    check_sample
}

# check_sample: in make check (INTAKE_CHECK_SAMPLE=N, N > 1) a file that
# tests/cli/SAMPLED names runs its tests 1, 1+N, 1+2N, ... and skips the
# others, saying so; make check-full (no INTAKE_CHECK_SAMPLE) runs them all.
# SAMPLED's header and docs/TESTING.md ("Session 20") say why that proves
# the same in make check: every case of those files is a jsonl line that
# test_leaks_names or test_leaks_detect runs under the sanitizers.
# INTAKE_CHECK_SAMPLE=first (make check since session 26): test 1 only,
# the one SAMPLED's two rules name (docs/TESTING.md, "Session 26").
check_sample() {
    local n=${INTAKE_CHECK_SAMPLE:-1} name why
    why="1 test in $n of this file"
    if [ "$n" = first ]; then
        n=$((BATS_TEST_NUMBER + 1)) why="this file's first test only"
    fi
    [ "$n" -gt 1 ] 2>/dev/null || return 0
    [ $(((BATS_TEST_NUMBER - 1) % n)) -ne 0 ] || return 0
    name=$(basename "$BATS_TEST_FILENAME" .bats)
    sed -e 's/#.*//' -e 's/[[:space:]]*$//' "$ROOT/tests/cli/SAMPLED" | grep -qxF "$name" || return 0
    skip "make check runs $why (tests/cli/SAMPLED); make check-full runs it"
}

# cut_points LAST: the steps 1..LAST, one a line, that a loop of power cuts
# (or kills) cuts at. make check (INTAKE_CUT_SAMPLE=K) cuts at K of them
# only, spread evenly, the first and the last included (the steps between
# are the same writes and syncs of the same files, further on); make
# check-full (no INTAKE_CUT_SAMPLE) at every one (docs/TESTING.md,
# "Session 27").
cut_points() {
    local last=$1 k=${INTAKE_CUT_SAMPLE:-0}
    if [ "$k" -lt 2 ] 2>/dev/null || [ "$k" -ge "$last" ]; then
        seq 1 "$last"
        return
    fi
    awk -v l="$last" -v k="$k" 'BEGIN { for (j = 0; j < k; j++) {
        p = 1 + int(j * (l - 1) / (k - 1) + 0.5); if (p != q) print p; q = p } }'
}

# setup_field_hq [PSEUDONYM CONSENT NAME...]: a test's setup for what
# field sends hq: common_setup, the working folder $W (made, and the
# current folder), the stores field and hq, contacts of each other; with
# PSEUDONYM, field's subject PSEUDONYM with each NAME registered, and its
# consent --export yes --method verbal plus CONSENT ("" for nothing more,
# e.g. "--attachments yes").
setup_field_hq() {
    common_setup
    W=$T/work
    mkdir -p "$W"
    cd "$W"
    mkstore field
    mkstore hq
    introduce field hq
    [ $# -gt 0 ] || return 0
    # The subject and consent: made once per run for the same arguments
    # (remembered, as introduce).
    local _REMEMBER_DIR
    _REMEMBER_DIR=$(run_cache)
    remembered "setup_field_hq $*" field || {
        local pseudonym=$1 more=$2 name names=()
        shift 2
        for name in "$@"; do names+=(--name "$name"); done
        st field subject add "${names[@]}" --pseudonym "$pseudonym" >/dev/null
        # shellcheck disable=SC2086 # CONSENT is options, split on purpose
        st field consent "$pseudonym" --export yes $more --method verbal 2>/dev/null
        remember "setup_field_hq $*" field
    }
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

# cheapen [DIR]: seals the passphrase slot of the store in DIR (default
# $H) again at Argon2id's lowest cost, the same passphrase ($PASS) and
# master key (tests/tools/cheapslot.c), so that each later command spends
# its time on what is tested, not on the key derivation (about 0.1 s of
# CPU a command at --kdf interactive). Not for a test about the KDF, the
# keyslot file's bytes or the passphrase slot's cost (store.bats keeps
# those on the slot init wrote).
cheapen() {
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        "$(tools_dir)/cheapslot" "${1:-$H}" 3<<<"$PASS"
}

# init_cheap [ARGS...]: init_store ARGS, then cheapen, once per run (run_cache)
# for the same ARGS, $H and state of $T: a later test whose $T holds
# exactly what the first one's held then gets copies of the store made
# (and its $RECOVERY), as fixture does. For a test whose subject is not
# the KDF, the passphrase slot or init itself (those call init_store):
# the copies share keys, ids and the recovery key, so a test that needs
# two different stores makes the second under another name or with
# init_store.
init_cheap() {
    local key _REMEMBER_DIR
    _REMEMBER_DIR=$(run_cache)
    if remembered "init_cheap ${H#"$T"/} $*" .; then
        . "$_REMEMBER.vars"
        return
    fi
    key=$_REMEMBER
    init_store "$@" && cheapen || return 1
    printf 'RECOVERY=%q\n' "$RECOVERY" | keep_vars "$key.vars"
    _REMEMBER=$key
    remember "init_cheap ${H#"$T"/} $*" .
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

# flip_byte FILE OFFSET: the byte at OFFSET XORed with 0x5a, so it always
# changes. Writing a fixed byte instead changes nothing when the file
# (random key bytes, a salt, ciphertext) already holds it there, 1 time
# in 256: store.bats 17 and work-backup.bats 2 failed so, once each.
flip_byte() {
    local b
    b=$(od -An -tu1 -j"$2" -N1 "$1" | tr -d ' ')
    # shellcheck disable=SC2059
    printf "\\$(printf '%03o' $((b ^ 0x5a)))" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

# rand_letters N: N random letters a-z. A canary that must pass the
# redactor unchanged takes these: random hex holds digit runs that the
# number detectors rightly take for a phone now and then (2.7% of
# SENTTEXT-<16 hex> were, and leak.bats 11 failed by chance).
rand_letters() {
    od -An -N"$1" -tu1 /dev/urandom | awk '{ for (i = 1; i <= NF; i++) printf "%c", 97 + $i % 26 }'
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

# mkstore NAME: a new store $T/NAME labelled NAME (--kdf interactive), its
# passphrase slot then made cheap (cheapen). Made once per run (run_cache) and
# copied into each test that asks for it: the copies share their keys, so
# a test may not make the same NAME twice to get another key (it gets an
# init error, as before, when $T/NAME is there).  Kept in run_cache: once
# per run of scripts/run-tests.sh, not once per file.
mkstore() {
    local keep
    keep=$(run_cache)/mkstore-$1
    if [ -e "$T/$1" ] || [ ! -d "$keep" ]; then
        "$INTAKE" --home "$T/$1" --passphrase-fd 3 init --kdf interactive --label "$1" 3<<<"$PASS" >/dev/null &&
            cheapen "$T/$1" || return 1
        [ -d "$keep" ] || { cp -a "$T/$1" "$keep.new.$BASHPID" && keep_new "$keep.new.$BASHPID" "$keep"; }
        return
    fi
    cp -a "$keep" "$T/$1"
}

# run_cache: where the helpers' own steps (mkstore, introduce,
# introduce_unverified, init_cheap, setup_field_hq's subject) keep what
# they made: $INTAKE_RUN_CACHE, one folder for a whole run of
# scripts/run-tests.sh (every file of the run, on the same binary), or
# else this file's $BATS_FILE_TMPDIR.  Only for steps whose code is here
# (a file's own fixture MAKE functions stay per file: two files may name
# two different functions alike).  Files run side by side: what goes in
# is made under a name of its own and renamed into place (keep_new).
# docs/TESTING.md, "Session 26".
run_cache() {
    echo "${INTAKE_RUN_CACHE:-$BATS_FILE_TMPDIR}"
}

# keep_new NEW KEEP: renames the folder NEW to KEEP; when another file of
# the run already put KEEP there (the same bytes, made from the same
# step), removes NEW instead.
keep_new() {
    mv -T "$1" "$2" 2>/dev/null || { [ -d "$2" ] && rm -rf "$1"; }
}

# keep_vars FILE: standard input into FILE, whole or not at all (another
# file of the run may be reading it).
keep_vars() {
    # Named before cat: a redirection is expanded in cat's own process,
    # where $BASHPID is cat's.
    local new=$1.new.$BASHPID
    cat >"$new" && mv -f "$new" "$1"
}

# introduce_unverified A B: each adds the other's card as a contact named
# after it; introduce A B also records that they compared safety numbers.
# Both are made once per run (run_cache) for the same two stores: when $T/A and
# $T/B hold exactly the bytes they held at an earlier call (copies of the
# same mkstore or fixture), they get copies of what that call made of them.
introduce_unverified() {
    local _REMEMBER_DIR
    _REMEMBER_DIR=$(run_cache)
    remembered "introduce_unverified $1 $2" "$1" "$2" || {
        add_cards "$1" "$2"
        remember "introduce_unverified $1 $2" "$1" "$2"
    }
}
introduce() {
    local _REMEMBER_DIR
    _REMEMBER_DIR=$(run_cache)
    remembered "introduce $1 $2" "$1" "$2" || {
        add_cards "$1" "$2"
        st "$1" contact verify "$2" --confirm <<<"$(st "$1" contact verify "$2" | awk 'NR == 1 { print $NF }')" >/dev/null 2>&1
        st "$2" contact verify "$1" --confirm <<<"$(st "$2" contact verify "$1" | awk 'NR == 1 { print $NF }')" >/dev/null 2>&1
        remember "introduce $1 $2" "$1" "$2"
    }
}
add_cards() {
    st "$1" contact add "$2" "$(st "$2" card)" 2>/dev/null
    st "$2" contact add "$1" "$(st "$1" card)" 2>/dev/null
}

# remembered STEP NAME...: when an earlier test of this .bats file (of the
# run, when the caller sets _REMEMBER_DIR to run_cache) did STEP
# on $T/NAME... (stores, folders) holding exactly the bytes they hold now,
# puts back copies of what STEP made of them and succeeds; otherwise fails,
# having noted their bytes for remember. remember STEP NAME...: keeps what
# STEP made of them. Only for a step whose outcome depends on nothing but
# those bytes and the test's fixed inputs: the copies share the first
# run's keys, ids and dates (to the second), so a test may compare two
# stores of one step, never two copies.
remembered() {
    local step=$1 n
    shift
    # An unset T would make these copy the file system's root (report-chk19).
    : "${T:?remembered needs T: call common_setup in setup}"
    _REMEMBER=${_REMEMBER_DIR:-$BATS_FILE_TMPDIR}/step-$( { echo "$step"; cd "$T" && find "$@" -type d | sort &&
        find "$@" -type f -print0 | sort -z | xargs -0 -r sha256sum; } | sha256sum | cut -c1-32)
    [ -d "$_REMEMBER" ] || return 1
    for n in "$@"; do
        if [ "$n" != . ]; then rm -rf "${T:?}/$n" || return 1; fi
        mkdir -p "$T/$n" && cp -a "$_REMEMBER/$n/." "$T/$n/" || return 1
    done
}
remember() {
    local n
    shift
    : "${T:?remember needs T: call common_setup in setup}"
    rm -rf "$_REMEMBER.new.$BASHPID" || return 1
    for n in "$@"; do
        mkdir -p "$_REMEMBER.new.$BASHPID/$n" && cp -a "$T/$n/." "$_REMEMBER.new.$BASHPID/$n/" || return 1
    done
    keep_new "$_REMEMBER.new.$BASHPID" "$_REMEMBER"
}

# fixture MAKE [VAR...]: runs the function MAKE, which builds stores and
# files under $T and sets the variables VAR, once per .bats file for the
# same $T: when everything under $T is as it was at an earlier call, the
# call is replaced by copies of what MAKE made there then and the values
# VAR took (remembered). MAKE may add and change files, not remove them;
# VAR must not hold paths under $T (each test has its own $T).
fixture() {
    local make=$1 key v
    shift
    if remembered "fixture $make" .; then
        . "$_REMEMBER.vars"
        return
    fi
    key=$_REMEMBER
    "$make" || return 1
    for v in "$@"; do
        printf '%s=%q\n' "$v" "${!v}"
    done | keep_vars "$key.vars"
    _REMEMBER=$key
    remember "fixture $make" .
}
