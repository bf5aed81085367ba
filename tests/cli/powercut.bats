#!/usr/bin/env bats
# Power cuts (issue 14), simulated by tests/tools/preload/powercut.c: at
# the cut every file goes back to its last fsync and every name made since
# its folder's last fsync is undone.  What a command reported done must
# survive.  The whole suite of cuts over every writing command is
# tests/reliability (make reliability); here, the bugs it found.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    SHIM=$(tools_dir)/powercut.so
    [ -f "$SHIM" ] || skip "no $SHIM (make test-build)"
}

teardown() {
    common_teardown
}

# cut_after ROOT ARGS...: intake ARGS under the shim, the power cut as it
# exits (ROOT: the folder whose files the cut rolls back).
cut_after() {
    local root=$1
    shift
    env LD_PRELOAD="$SHIM" ASAN_OPTIONS=verify_asan_link_order=0 INTAKE_FAULT=count \
        INTAKE_FAULT_THEN_CUT=1 INTAKE_FAULT_ROOT="$root" INTAKE_FAULT_LOG="$T/fault.log" \
        "$INTAKE" "$@"
}

# field_hq_record: stores field and hq, contacts of each other, and one
# record field may export.
field_hq_record() {
    fixture make_field_hq_record
}
make_field_hq_record() {
    mkstore field
    mkstore hq
    introduce field hq
    st field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    st field consent Nari --export yes --method verbal 2>/dev/null
    st field record Nari --title one <<<"We left in March." >/dev/null
}

@test "init: a power cut right after it reported success keeps the store and its new folders" {
    H=$T/a/b/store
    run --separate-stderr cut_after "$T" --home "$H" --passphrase-fd 3 init --kdf interactive 3<<<"$PASS"
    expect_status 0
    grep -q '^cut exit' "$T/fault.log"
    ! grep 'undone' "$T/fault.log" || false
    RECOVERY=$(grep -oE "$RECOVERY_RE" <<<"$output" | head -n 1)
    ik log --verify
    "$INTAKE" --home "$H" --passphrase-fd 3 --recovery log --verify 3<<<"$RECOVERY"
}

@test "open -o: a power cut right after it reported success keeps the folder with every file" {
    field_hq_record
    st field export --to hq --all -o "$T/b.bundle" 2>/dev/null
    st hq open "$T/b.bundle" -o "$T/ref" >/dev/null
    run --separate-stderr cut_after "$T" --home "$T/hq" --passphrase-fd 3 open "$T/b.bundle" -o "$T/out" 3<<<"$PASS"
    expect_status 0
    grep -q '^cut exit' "$T/fault.log"
    diff -r "$T/ref" "$T/out"
}

@test "export: at a cut or kill before every call, a bundle that has its name is one the store logged (adv14 F7)" {
    field_hq_record
    mkdir "$T/out"
    cp -a "$T/field" "$T/field.0"
    env LD_PRELOAD="$SHIM" ASAN_OPTIONS=verify_asan_link_order=0 INTAKE_FAULT=count \
        INTAKE_FAULT_ROOT="$T" INTAKE_FAULT_LOG="$T/count.log" \
        "$INTAKE" --home "$T/field" --passphrase-fd 3 export --to hq --all -o "$T/out/b.bundle" \
        3<<<"$PASS" >/dev/null 2>&1
    calls=$(sed -n 's/^count write=\([0-9]*\) sync=\([0-9]*\) name=\([0-9]*\).*/\1 \2 \3/p' "$T/count.log" |
        awk '{ print $1 + $2 + $3 }')
    [ "$calls" -gt 5 ]
    named=0 cuts=0
    for n in $(cut_points "$calls"); do
        cuts=$((cuts + 1))
        rm -rf "$T/field" "$T/out"
        cp -a "$T/field.0" "$T/field"
        mkdir "$T/out"
        env LD_PRELOAD="$SHIM" ASAN_OPTIONS=verify_asan_link_order=0 INTAKE_FAULT="cut:$n" \
            INTAKE_FAULT_ROOT="$T" INTAKE_FAULT_LOG="$T/fault.log" \
            "$INTAKE" --home "$T/field" --passphrase-fd 3 export --to hq --all -o "$T/out/b.bundle" \
            3<<<"$PASS" >/dev/null 2>&1 || true
        st field log --verify >/dev/null
        if [ -e "$T/out/b.bundle" ]; then
            named=$((named + 1))
            st field exports | grep -qw "hq" ||
                { echo "cut $n: b.bundle is there, its export is not logged" >&2; false; }
        fi
        # No partial file a person could take for a bundle.
        [ -z "$(ls "$T/out" | grep -vx b.bundle)" ]
    done
    echo "$cuts cuts of $calls calls, $named left a named bundle" >&3
}

UNDONE_NOTE="intake: 1 export(s) killed before the bundle got its name were taken back: their records and notices count as not sent ('intake log' shows export.undone)"

# after_export_kill: what the next command finds after an export to
# $T/out/b.bundle was killed: a named bundle is logged (adv14 F7), a logged
# export has its bundle (adv35f F-1: otherwise it is taken back, said in
# one line, and 'export --not-sent-to' offers its record again).  Sets
# was_named / was_undone.
after_export_kill() {
    was_named=0 was_undone=0
    run --separate-stderr st field exports
    expect_status 0
    if [ -e "$T/out/b.bundle" ]; then
        was_named=1
        grep -qw hq <<<"$output" || { echo "b.bundle is there, its export is not logged" >&2; return 1; }
        [ -z "$stderr" ]
    else
        [ -z "$output" ] || { echo "no bundle, yet an export is listed: $output" >&2; return 1; }
        if [ -n "$stderr" ]; then
            [ "$stderr" = "$UNDONE_NOTE" ] || { echo "stderr: $stderr" >&2; return 1; }
            st field log | tail -n 1 | grep -q ' export\.undone '
            was_undone=1
        fi
        run --separate-stderr st field export --to hq --not-sent-to hq -o "$T/out/c.bundle"
        expect_status 0
        [ -s "$T/out/c.bundle" ]
    fi
    st field log --verify >/dev/null
    # No partial or hidden file left, in the folder or in the store.
    [ -z "$(ls -A "$T/out" | grep -vx -e b.bundle -e c.bundle)" ]
    [ -z "$(ls -A "$T/field" | grep intake-tmp)" ]
}

@test "export: killed at each link, sync or unlink, a logged export has its bundle and a named bundle is logged (adv35f F-1)" {
    command -v strace >/dev/null || skip "no strace"
    field_hq_record
    cp -a "$T/field" "$T/field.0"
    kills=0 named=0 undone=0
    for sys in linkat fsync fdatasync unlink; do
        for k in 1 2 3 4 5 6 7 8 9 10; do
            rm -rf "$T/field" "$T/out"
            cp -a "$T/field.0" "$T/field"
            mkdir "$T/out"
            run strace -f -qq -o /dev/null -e trace="$sys" -e inject="$sys":signal=KILL:when="$k" \
                "$INTAKE" --home "$T/field" --passphrase-fd 3 export --to hq --all -o "$T/out/b.bundle" 3<<<"$PASS"
            [ "$status" -eq 137 ] || break
            kills=$((kills + 1))
            after_export_kill || { echo "kill at $sys #$k" >&2; return 1; }
            named=$((named + was_named))
            undone=$((undone + was_undone))
        done
    done
    echo "$kills kills, $named left a named bundle, $undone exports taken back" >&3
    # The kill just before the link is one of them: logged, never named.
    [ "$undone" -gt 0 ]
    [ "$named" -gt 0 ]
}

@test "export: where the folder takes no O_TMPFILE, a kill before the rename leaves no logged export without its bundle (adv35f F-1b)" {
    command -v strace >/dev/null || skip "no strace"
    field_hq_record
    cp -a "$T/field" "$T/field.0"
    mkdir "$T/out"
    # Which openat is the bundle's O_TMPFILE (the same in every run).
    strace -f -qq -o "$T/trace" -e trace=openat \
        "$INTAKE" --home "$T/field" --passphrase-fd 3 export --to hq --all -o "$T/out/b.bundle" 3<<<"$PASS" >/dev/null 2>&1
    n=$(grep -n O_TMPFILE "$T/trace" | grep -F "$T/out" | head -n 1 | cut -d: -f1)
    [ -n "$n" ]
    rm -rf "$T/field" "$T/out"
    cp -a "$T/field.0" "$T/field"
    mkdir "$T/out"
    run strace -f -qq -o /dev/null -e trace=openat,renameat2 -e inject=openat:error=EOPNOTSUPP:when="$n" \
        -e inject=renameat2:signal=KILL \
        "$INTAKE" --home "$T/field" --passphrase-fd 3 export --to hq --all -o "$T/out/b.bundle" 3<<<"$PASS"
    expect_status 137
    # The whole bundle under its hidden name, never named.
    ls -A "$T/out" | grep -q '^\.intake-tmp-'
    after_export_kill
    [ "$was_undone" -eq 1 ]
}
