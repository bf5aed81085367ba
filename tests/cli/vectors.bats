#!/usr/bin/env bats
# The committed bundle test vectors (version 3 in tests/vectors, version 2
# in tests/vectors/v2) check against an independent reader written in
# Python with PyNaCl and hashlib (tests/vectors/check_bundle.py).

setup() {
    ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
    PY=/usr/bin/python3
    if ! "$PY" -c 'import nacl.bindings' 2>/dev/null; then
        skip "python3-nacl is not installed (scripts/deps.sh check installs it)"
    fi
}

@test "vectors: the Python reader opens and verifies every vector" {
    run "$PY" "$ROOT/tests/vectors/check_bundle.py" "$ROOT/tests/vectors"
    echo "$output"
    [ "$status" -eq 0 ]
    [ "$(echo "$output" | grep -c '^ok - ')" -eq 6 ]
    [ "$(echo "$output" | grep -c '^ok - v2/')" -eq 3 ]
}

@test "vectors: the Python reader refuses an altered vector" {
    tmp=$(mktemp -d)
    cp -r "$ROOT"/tests/vectors/* "$tmp"/
    printf '\001' | dd of="$tmp/small.bin" bs=1 seek=300 conv=notrunc 2>/dev/null
    printf '\001' | dd of="$tmp/v2/chunks.bin" bs=1 seek=70000 conv=notrunc 2>/dev/null
    run "$PY" "$tmp/check_bundle.py" "$tmp"
    rm -rf "$tmp"
    echo "$output"
    [ "$status" -eq 1 ]
    [ "$(echo "$output" | grep -c '^not ok - ')" -eq 2 ]
    echo "$output" | grep -q '^not ok - small'
    echo "$output" | grep -q '^not ok - v2/chunks'
}
