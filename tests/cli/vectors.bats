#!/usr/bin/env bats
# The committed bundle test vectors check against an independent reader
# written in Python with PyNaCl (tests/vectors/check_bundle.py).

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
    [ "$(echo "$output" | grep -c '^ok - ')" -eq 3 ]
}

@test "vectors: the Python reader refuses an altered vector" {
    tmp=$(mktemp -d)
    cp "$ROOT"/tests/vectors/* "$tmp"/
    printf '\001' | dd of="$tmp/small.bin" bs=1 seek=300 conv=notrunc 2>/dev/null
    run "$PY" "$tmp/check_bundle.py" "$tmp"
    rm -rf "$tmp"
    echo "$output"
    [ "$status" -eq 1 ]
    echo "$output" | grep -q '^not ok - small'
}
