#!/usr/bin/env bats
# The bundle test kit (tests/testkit/README.md): the checked-in files are
# what tests/tools/testkit.c writes from its fixed seeds, and both readers
# -- the C reader (bundle_read and the content reader, as open and import
# use them) and the independent Python reader that follows docs/FORMAT.md
# (tests/vectors/kit_reader.py) -- give every file's expected outcome.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    KIT=$ROOT/tests/testkit
    TK=$(tools_dir)/testkit
    [ -x "$TK" ] || skip "no testkit tool at $TK (make test-build)"
    PY=/usr/bin/python3
}

teardown() { common_teardown; }

need_nacl() {
    "$PY" -c 'import nacl.bindings' 2>/dev/null ||
        skip "python3-nacl is not installed (scripts/deps.sh check installs it)"
}

@test "testkit: the checked-in kit is byte for byte what the generator writes" {
    mkdir -p "$T/kit"
    run "$TK" write "$T/kit"
    echo "$output"
    [ "$status" -eq 0 ]
    [[ "$output" == "testkit: wrote "*" files to $T/kit" ]]
    run diff -r "$KIT" "$T/kit" --exclude=README.md
    echo "$output" | head -20
    [ "$status" -eq 0 ]
    # A rerun writes the same bytes; stale *.kit files are removed.
    touch "$T/kit/stale.kit"
    "$TK" write "$T/kit" >/dev/null
    [ ! -e "$T/kit/stale.kit" ]
    diff -r "$KIT" "$T/kit" --exclude=README.md
}

@test "testkit: a few hundred files, every kind named in the page" {
    n=$(ls "$KIT"/*.kit | wc -l)
    [ "$n" -ge 300 ]
    # Both versions, successes and failures, armor, the random top bit.
    for pat in 'v2-ok-' 'v3-ok-' 'v2-fail-' 'v3-fail-' 'armor' 'topbit-set' \
               'topbit-clear' 'padme-gap-next-length' 'list-out-of-order' \
               'list-repeated' 'cut-' 'appended-' '-bad-signature' 'card-ok-' 'card-fail-'; do
        ls "$KIT" | grep -q -- "$pat" || { echo "no case for $pat"; false; }
    done
    # Every error name the kit uses is listed in docs/FORMAT.md.
    for name in $(sed -n '1s/.* error=\([a-z0-9-]*\).*/\1/p' "$KIT"/*.kit | sort -u); do
        grep -q -- "\`$name\`" "$ROOT/docs/FORMAT.md" || { echo "$name not in FORMAT.md"; false; }
    done
}

@test "testkit: the C reader gives every expected outcome" {
    run "$TK" check "$KIT"/*.kit
    [ "$status" -eq 0 ] || { echo "$output" | grep -v '^ok - ' | head -20; false; }
    [ "$(echo "$output" | grep -c '^ok - ')" -eq "$(ls "$KIT"/*.kit | wc -l)" ]
}

@test "testkit: the Python reader gives every expected outcome" {
    need_nacl
    run "$PY" "$ROOT/tests/vectors/check_bundle.py" --kit "$KIT"/*.kit
    [ "$status" -eq 0 ] || { echo "$output" | grep -v '^ok - ' | head -20; false; }
    [ "$(echo "$output" | grep -c '^ok - ')" -eq "$(ls "$KIT"/*.kit | wc -l)" ]
}

@test "testkit: a wrong expectation fails in both readers (exit 1)" {
    need_nacl
    # A success said to be a failure, a failure given another name, and a
    # success with another digest.
    sed '1s/expect=ok .*/expect=fail exit=1 error=bad-signature/' \
        "$KIT/v3-ok-blob-100.kit" >"$T/a.kit"
    sed '1s/error=bad-signature/error=chunk-altered/' \
        "$KIT/v3-fail-signature-flipped.kit" >"$T/b.kit"
    sed '1s/sha256=./sha256=x/' "$KIT/v2-ok-blob-100.kit" >"$T/c.kit"
    for f in a b c; do
        run "$TK" check "$T/$f.kit"
        echo "$output"
        [ "$status" -eq 1 ]
        [[ "$output" == "not ok - $T/$f.kit: "* ]]
        run "$PY" "$ROOT/tests/vectors/check_bundle.py" --kit "$T/$f.kit"
        echo "$output"
        [ "$status" -eq 1 ]
        [[ "$output" == "not ok - $T/$f.kit: "* ]]
    done
    # The right file next to a wrong one: exit 1, the right one still ok.
    run "$TK" check "$KIT/v3-ok-blob-100.kit" "$T/a.kit"
    [ "$status" -eq 1 ]
    [ "${lines[0]}" = "ok - $KIT/v3-ok-blob-100.kit" ]
}

@test "testkit: bad usage and files that are not kit files (exit 2)" {
    need_nacl
    run "$TK"
    [ "$status" -eq 2 ]
    [[ "$output" == "usage: testkit write DIR"* ]]
    run "$TK" frobnicate x
    [ "$status" -eq 2 ]
    [[ "$output" == "usage: testkit write DIR"* ]]
    run "$TK" write "$T/kit" extra
    [ "$status" -eq 2 ]
    run "$TK" write "$T/no/such/folder"
    [ "$status" -eq 2 ]
    [ "$output" = "testkit: cannot open the kit folder" ]
    run "$TK" check "$T/missing.kit"
    [ "$status" -eq 2 ]
    [[ "$output" == "testkit: cannot open $T/missing.kit: No such file or directory" ]]
    printf 'just text\n' >"$T/plain.kit"
    : >"$T/empty.kit"
    printf 'intake-testkit-1 expect=ok\n' >"$T/nokey.kit"
    for f in plain empty nokey; do
        run "$TK" check "$T/$f.kit"
        [ "$status" -eq 2 ]
        [ "$output" = "testkit: $T/$f.kit is not a kit file (no expectation line)" ]
        run "$PY" "$ROOT/tests/vectors/check_bundle.py" --kit "$T/$f.kit"
        [ "$status" -eq 2 ]
        [ "$output" = "kit_reader: $T/$f.kit is not a kit file" ]
    done
    run "$PY" "$ROOT/tests/vectors/check_bundle.py" --kit
    [ "$status" -eq 2 ]
    [[ "$output" == "Usage: kit_reader.py FILE..."* ]]
}
