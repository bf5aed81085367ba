#!/usr/bin/env bats
# scripts/layers.sh: dependencies point down the layers without cycles.
# The check runs on the real build (make layers, in make check); here it is
# shown to fail on objects made to break each rule.

setup() {
    ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
    T=$(mktemp -d "${BATS_TMPDIR:-/tmp}/intake-layers-XXXXXX")
    mkdir -p "$T/store" "$T/util"
}

teardown() {
    rm -rf "$T"
}

obj() { # obj LAYER NAME SOURCE
    printf '%s\n' "$3" > "$T/$2.c"
    cc -c "$T/$2.c" -o "$T/$1/$2.o"
}

@test "layers: calls that point down without a cycle pass" {
    obj store a 'int b(void); int a(void) { return b(); }'
    obj util b 'int b(void) { return 1; }'
    run "$ROOT/scripts/layers.sh" "$T"
    [ "$status" -eq 0 ]
}

@test "layers: a call into a higher layer fails, naming it" {
    obj store a 'int a(void) { return 1; }'
    obj util c 'int a(void); int c(void) { return a(); }'
    run "$ROOT/scripts/layers.sh" "$T"
    [ "$status" -eq 1 ]
    [[ "$output" == *"util/c calls a in store/a, a higher layer"* ]]
}

@test "layers: two files calling each other fail as a cycle" {
    obj store a 'int b(void); int a(void) { return b(); }'
    obj store b 'int a(void); int b(void) { return a(); }'
    run "$ROOT/scripts/layers.sh" "$T"
    [ "$status" -eq 1 ]
    [[ "$output" == *"a cycle of calls"* ]]
}
