#!/usr/bin/env bats
# Export's steps under an injected failure (issue 14, session 53): each
# failure point tells the truth.  An export to a file is logged (with a
# pending mark) before its bundle gets its name (docs/FORMAT.md
# "Exports"), so a failure before that commit leaves the store as it was,
# and one after it (the bundle's name, its folder's fsync) takes the
# export back at once and says so: the log then holds "export HASH" and
# "export.undone HASH", never with "nothing was exported".  Each case:
# the exact status and one-line message, no bundle left (visible or
# hidden), the log, and the records still due.  The failures come from
# the reliability suite's shim (tests/tools/preload/powercut.c).

bats_require_minimum_version 1.5.0
load helpers
load faults

# A store with the verified contact hq, the subject Nari (consent to
# export) and one record; made once per file.
make_world() {
    HQ=$T/hq
    init_store && cheapen || return 1
    "$INTAKE" --home "$HQ" --passphrase-fd 3 init --kdf interactive 3<<<"$PASS" >/dev/null &&
        cheapen "$HQ" || return 1
    ik contact add hq "$("$INTAKE" --home "$HQ" --passphrase-fd 3 card 3<<<"$PASS")" 2>/dev/null &&
        ik contact verify hq --confirm <<<"$(ik contact verify hq | awk 'NR == 1 { print $NF }')" \
            >/dev/null 2>&1 &&
        ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null &&
        ik consent Nari --export yes --method verbal 2>/dev/null &&
        ik record Nari --title one <<<"body one" >/dev/null
}
world() {
    needs_shim
    fixture make_world RECOVERY
    HQ=$T/hq
    mkdir -p "$T/out"
    cp -a "$H" "$T/store.orig"
    BEFORE=$(ik log) EXPORTS=$(ik exports)
}

# again: the store as world made it, and out empty, for the next attempt.
again() {
    cd "$T"
    rm -rf "$H" "$T/out"
    cp -a "$T/store.orig" "$H"
    mkdir "$T/out"
}

# attempt_under FAULT ARGS...: export ARGS under the shim's FAULT, from
# the world as made; sets status, output, stderr.  A failure that does
# not say the export was logged left the log as it was.
attempt_under() {
    local fault=$1
    shift
    again
    cd "$T/out"             # where a bundle without -o goes
    : >"$T/fault.log"
    run --separate-stderr env LD_PRELOAD="$(tools_dir)/powercut.so" \
        ASAN_OPTIONS=verify_asan_link_order=0 INTAKE_FAULT="$fault" \
        INTAKE_FAULT_ROOT="$T" INTAKE_FAULT_LOG="$T/fault.log" \
        "$INTAKE" --home "$H" --passphrase-fd 3 export --to hq --all "$@" 3<<<"$PASS"
    grep -q "^fail " "$T/fault.log" || { echo "$fault failed no call" >&2; return 1; }
    [ "$status" -eq 0 ] || [[ "$stderr" == *"its export was logged"* ]] ||
        [ "$(ik log)" = "$BEFORE" ] || {
        echo "$fault ($(cat "$T/fault.log")) changed the log: $stderr" >&2
        return 1
    }
}

# fail_at CLASS PATTERN [SKIP]: export to $T/out/b.bundle with the first
# call of CLASS whose fault-log line matches PATTERN failing (EIO), after
# SKIP (default 0) such calls; the calls are tried in turn from the first.
fail_at() {
    local class=$1 pattern=$2 skip=${3:-0} n
    for n in $(seq 1 60); do
        attempt_under "fail:$class:$n:5" -o "$T/out/b.bundle" || return 1
        if grep -qE "^fail $class [0-9]+ $pattern" "$T/fault.log"; then
            [ "$skip" -eq 0 ] && return 0
            skip=$((skip - 1))
        fi
    done
    return 1
}

# taken_back: no bundle anywhere in out, the log grew by "export HASH"
# and "export.undone HASH" (the same hash), it verifies, and the record
# is still due to hq.
taken_back() {
    local now hash
    [ -z "$(ls -A "$T/out")" ]
    now=$(ik log)
    [ "$(printf '%s\n' "$now" | head -n "$(printf '%s\n' "$BEFORE" | wc -l)")" = "$BEFORE" ]
    [ "$(printf '%s\n' "$now" | wc -l)" -eq $(($(printf '%s\n' "$BEFORE" | wc -l) + 2)) ]
    hash=$(printf '%s\n' "$now" | tail -n 2 | awk 'NR == 1 && $4 == "export" { print $5 }')
    [[ "$hash" =~ ^[0-9a-f]{64}$ ]]
    [ "$(printf '%s\n' "$now" | tail -n 1 | awk '{ print $4, $5 }')" = "export.undone $hash" ]
    ik log --verify >/dev/null
    [ "$(ik exports)" = "$EXPORTS" ]
    ik export --to hq --not-sent-to hq -o "$T/again.bundle" >/dev/null 2>&1
    "$INTAKE" --home "$HQ" --passphrase-fd 3 open "$T/again.bundle" 3<<<"$PASS" >/dev/null
}

@test "fault53: the bundle's fsync fails before the export is logged: exit 2, nothing logged, nothing left" {
    world
    fail_at sync 'fsync out/#'
    expect_status 2
    one_line_stderr
    [ "$stderr" = "intake: cannot write $T/out/b.bundle: Input/output error" ]
    [ -z "$output" ]
    [ -z "$(ls -A "$T/out")" ]
    [ "$(ik log)" = "$BEFORE" ]
    [ "$(ik exports)" = "$EXPORTS" ]
}

@test "fault53: the store's commit fails: exit 2, the store's own message, nothing logged, nothing left" {
    world
    fail_at write 'pwrite64 store/store.db-wal'
    expect_status 2
    one_line_stderr
    [ "$stderr" = "intake: an I/O error (Input/output error) on the disk holding $H while saving the change: it may or may not have been saved; check with 'intake log' once the disk is fine" ]
    [ -z "$(ls -A "$T/out")" ]
    # Not saved here (the shim's write did nothing): the log is as before.
    [ "$(ik log)" = "$BEFORE" ]
}

@test "fault53: naming the bundle fails after the export was logged: exit 2, logged then taken back, said so" {
    world
    fail_at name 'linkat out/b.bundle'
    expect_status 2
    one_line_stderr
    [ "$stderr" = "intake: the bundle could not be put in place (cannot move the new file to $T/out/b.bundle: Input/output error); its export was logged, then taken back ('intake log' shows export.undone): no bundle was left, and its records and notices count as not sent" ]
    [[ "$stderr" != *"nothing was"* ]]
    [ -z "$output" ]
    taken_back
}

@test "fault53: the folder's fsync fails after the bundle was named: exit 2, the name removed, taken back, said so" {
    world
    fail_at sync 'fsync out$'
    expect_status 2
    one_line_stderr
    [ "$stderr" = "intake: the bundle could not be put in place (cannot sync folder $T/out: Input/output error); its export was logged, then taken back ('intake log' shows export.undone): no bundle was left, and its records and notices count as not sent" ]
    [ -z "$output" ]
    taken_back
}

@test "fault53: the bundle's last fsync fails after the export was logged: exit 2, taken back, said so" {
    world
    # The bundle's second fsync (atomic_commit's, after the log's
    # commit); the first fails before the commit (the first test).
    fail_at sync 'fsync out/#' 1
    expect_status 2
    one_line_stderr
    [ "$stderr" = "intake: the bundle could not be put in place (cannot write $T/out/b.bundle: Input/output error); its export was logged, then taken back ('intake log' shows export.undone): no bundle was left, and its records and notices count as not sent" ]
    taken_back
}

@test "fault53: a bundle named without -o: its name failing is told the same way, nothing left" {
    world
    local n
    for n in $(seq 1 60); do
        attempt_under "fail:name:$n:5" --armor
        grep -qE '^fail name [0-9]+ linkat out/[0-9a-f]{16}\.asc$' "$T/fault.log" && break
    done
    name=$(sed -n 's#^fail name [0-9]* linkat out/##p' "$T/fault.log")
    expect_status 2
    one_line_stderr
    [ "$stderr" = "intake: the bundle could not be put in place (cannot move the new file to $name: Input/output error); its export was logged, then taken back ('intake log' shows export.undone): no bundle was left, and its records and notices count as not sent" ]
    taken_back
}
