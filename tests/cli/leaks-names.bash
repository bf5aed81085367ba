# Shared by leaks-names.bats and leaks-names-audit.bats: each test's folders,
# the stores field and hq (contacts of each other) and the checks both use.

setup() {
    common_setup
    W=$T/work
    mkdir -p "$W"
    cd "$W"
    mkstore field
    mkstore hq
    introduce field hq
}

teardown() { common_teardown; }

# record PSEUDONYM TEXT: a record of the subject; prints its ID.
record() {
    printf '%s\n' "$2" | st field record "$1" --title "Work" --date 2024-03-15 --tag work
}

# redacts_to SUBJECT-ARGS TEXT WANT: a subject added with SUBJECT-ARGS
# (words, then --pseudonym P) and consent, a record of TEXT, and redact
# prints WANT as its body (exit 0).
redacts_to() {
    local args=$1 text=$2 want=$3 p id body
    # shellcheck disable=SC2086
    p=$(eval "st field subject add $args")
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" "$text")
    run --separate-stderr st field redact "$id"
    expect_status 0
    body=$(printf '%s\n' "$output" | tail -n 1)
    [ "$body" = "$want" ] || { printf 'want: %s\ngot:  %s\n' "$want" "$body" >&2; return 1; }
}

# no_leak TEXT STRING...: none of the strings is in TEXT.
no_leak() {
    local text=$1 s
    shift
    for s in "$@"; do
        [[ "$text" != *"$s"* ]] || { printf 'leaks %s in:\n%s\n' "$s" "$text" >&2; return 1; }
    done
}

# exports_clean STRING...: export everything to hq (exit 0); the audit
# passes its residual checks and no record shown at hq holds any of the
# strings.  The random parts of `show` are left out first (the record's and
# subject's ids, the pseudonym's @key suffix, the origin line's key and
# hashes): leaks-ids17 4 failed once because the origin line's log head
# held "4567" by chance (docs/TESTING.md, "No chance").
exports_clean() {
    run --separate-stderr st field export --to hq --all -o "$W/b.bundle"
    expect_status 0
    run st hq audit "$W/b.bundle"
    [[ "$output" == *"residual-terms     PASS"* ]] || { printf '%s\n' "$output" >&2; false; }
    [[ "$output" == *"residual-detectors PASS"* ]] || { printf '%s\n' "$output" >&2; false; }
    st hq import "$W/b.bundle" >/dev/null
    for id in $(st hq list --json | jq -r '.[].id'); do
        run st hq show "$id"
        expect_status 0
        no_leak "$(printf '%s\n' "$output" | awk '
            NR > 1 && $0 == "" { body = 1 }
            !body && /^(id|subject id): / { next }
            !body && /^pseudonym: / { sub(/@[0-9a-f]+$/, "") }
            /^origin: imported / { next }
            { print }')" "$@"
    done
}

# blocked SUBJECT-ARGS TEXT KIND WANT: redact --report exits 1 with an
# unresolved review flag of KIND on WANT; export refuses and writes nothing.
blocked() {
    local args=$1 text=$2 kind=$3 want=$4 p id
    # shellcheck disable=SC2086
    p=$(eval "st field subject add $args")
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" "$text")
    run --separate-stderr st field redact "$id" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qF "$(printf '\t%s\tunresolved\t%s' "$kind" "$want")" ||
        { printf '%s\n' "$output" >&2; false; }
    run --separate-stderr st field export --to hq --all -o "$W/x.bundle"
    expect_status 1
    [[ "$stderr" == *"may not leave"* ]] || { printf '%s\n' "$stderr" >&2; false; }
    [ ! -e "$W/x.bundle" ]
}

# strict_clean STRING...: export everything to hq (exit 0); hq's audit
# --strict passes its residual checks and no record shown at hq holds any
# of the strings.
strict_clean() {
    exports_clean "$@"
    run --separate-stderr st hq audit "$W/b.bundle" --strict
    [[ "$output" == *"residual-terms     PASS"* ]] || { printf '%s\n' "$output" >&2; false; }
    [[ "$output" == *"residual-detectors PASS"* ]] || { printf '%s\n' "$output" >&2; false; }
}

# strict_audit_passes: the last bundle passes hq's audit --strict --k 1
# (one record: no re-identification group to compare with; exit 0).
strict_audit_passes() {
    run st hq audit "$W/b.bundle" --strict --k 1
    expect_status 0
}

# refused P: the last `run` was a subject add or rename refusing the
# pseudonym P (exit 2, the message that names no reason; leaks-pseud29,
# leaks-name30).
refused() {
    [ "$status" -eq 2 ] && [ "$output" = "intake: pseudonym '$1' is taken or matches a real name in the store; choose another" ] ||
        { printf 'pseudonym %s: status %s, got: %s\n' "$1" "$status" "$output" >&2; return 1; }
}

# each_accepted NAME PSEUDONYM...: each pseudonym accepted for a subject NAME
# (exit 0, printed), each in a new store of its own (NAME's subject alone):
# pseudonym-36.bats, pseudonym-37.bats.
each_accepted() {
    local name=$1 p
    shift
    for p in "$@"; do
        rm -rf "$T/acc" && mkstore acc
        run -0 st acc subject add --name "$name" --pseudonym "$p"
        [ "$output" = "$p" ] || { printf 'pseudonym %s: got %s\n' "$p" "$output" >&2; return 1; }
    done
}

# refused_run WHAT P: the last `run` was refused as a form of the
# subject's names (exit 2, the one-line message), or says what it got.
refused_run() {
    [ "$status" -eq 2 ] &&
        [ "$stderr" = "intake: pseudonym '$2' is taken or matches a real name in the store; choose another" ] ||
        { printf '%s %s: status %s, got: %s\n' "$1" "$2" "$status" "$stderr" >&2; return 1; }
}

# each_refused "NAME[|NAME]" PSEUDONYM...: each refused as a form of the
# subject's names (exit 2, the one-line message), each in a new store of
# its own: pseudonym-39.bats, pseudonym-40.bats, pseudonym-40s.bats.
each_refused() {
    local names=() n p
    IFS='|' read -ra n <<<"$1"
    shift
    for p in "${n[@]}"; do names+=(--name "$p"); done
    for p in "$@"; do
        rm -rf "$T/r" && mkstore r
        run --separate-stderr st r subject add "${names[@]}" --pseudonym "$p"
        refused_run pseudonym "$p" || return 1
    done
}

# each_rename_refused "NAME1|NAME2" P...: a subject of those names added
# as "Tom Grey" may not be renamed to any P (subject rename asks every
# check subject add asks: report-adv53b).
each_rename_refused() {
    local names=() n p
    IFS='|' read -ra n <<<"$1"
    shift
    for p in "${n[@]}"; do names+=(--name "$p"); done
    for p in "$@"; do
        rm -rf "$T/r" && mkstore r && st r subject add "${names[@]}" --pseudonym "Tom Grey" >/dev/null || return 1
        run --separate-stderr st r subject rename "Tom Grey" "$p"
        refused_run "rename to" "$p" || return 1
    done
}
