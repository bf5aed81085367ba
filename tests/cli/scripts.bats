#!/usr/bin/env bats
# The shell scripts a person runs (make demo, bench/, scripts/) say
# #!/bin/sh, which is dash on Debian: each must at least parse there (a
# bash-only "<<<" once broke make demo and bench/export.sh).

load helpers

@test "scripts: every #!/bin/sh script in scripts/ and bench/ parses under dash" {
    ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
    n=0
    for f in "$ROOT"/scripts/*.sh "$ROOT"/bench/*.sh "$ROOT"/.ci/run; do
        [ "$(head -n 1 "$f")" = "#!/bin/sh" ] || continue
        dash -n "$f" || { echo "does not parse under dash: $f" >&2; false; }
        n=$((n + 1))
    done
    [ "$n" -ge 5 ]
    # The check itself fails on a bash-only redirection.
    printf '#!/bin/sh\ncat <<<"x"\n' >"$BATS_TEST_TMPDIR/bad.sh"
    run dash -n "$BATS_TEST_TMPDIR/bad.sh"
    [ "$status" -ne 0 ]
}

@test "scripts: no bats test asserts with a bare '! command' (bats ignores its status)" {
    # Under bats' set -e a negated command never fails a test unless it is
    # the last line, so '! grep canary out' would let a leak pass: write
    # '! grep canary out || false' (or 'run !').
    run grep -nE '^[[:space:]]+! [^|]*$' "$BATS_TEST_DIRNAME"/*.bats
    [ "$status" -eq 1 ] || { echo "$output" >&2; false; }
}

@test "scripts: every name in tests/cli/RELEASE-ONLY is a CLI file, each under a comment that says why" {
    # make check-san runs every CLI file but these: a name left behind by
    # a rename would leave nothing out, and a name without a reason would
    # leave one out unexplained.
    local list=$BATS_TEST_DIRNAME/RELEASE-ONLY name prev=
    [ -f "$list" ]
    n=0
    while IFS= read -r name; do
        if [ -n "$name" ] && [ "${name#\#}" = "$name" ]; then
            [ -f "$BATS_TEST_DIRNAME/$name.bats" ] || { echo "no tests/cli/$name.bats" >&2; false; }
            [ -n "$prev" ] || { echo "$name: no comment above it" >&2; false; }
            n=$((n + 1))
        fi
        [ -n "$name" ] && prev=$name || prev=
    done <"$list"
    [ "$n" -ge 1 ]
    # The Makefile's list leaves those out and keeps the rest.
    # (CHECK_SAN_ROTA=1: every file of the list, not this commit's half of
    # the rota, which may leave store.bats to the release build.)
    run env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$BATS_TEST_DIRNAME/../.." -n SAN=1 CHECK_SAN_ROTA=1 cli-san
    [ "$status" -eq 0 ]
    [[ "$output" == *"tests/cli/store.bats"* ]]
    [[ "$output" != *"tests/cli/rules.bats"* ]]
}
