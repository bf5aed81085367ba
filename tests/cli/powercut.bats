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
