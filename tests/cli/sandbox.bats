#!/usr/bin/env bats
# intake never uses the network, and the kernel holds it to that (issue 14,
# item 17): a seccomp filter installed at start makes socket creation fail
# for the whole process, libraries included.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    init_cheap
    TOOLS=$(dirname "$INTAKE")/../tools
}
teardown() { common_teardown; }

# waiting CMD...: starts intake CMD with its passphrase descriptor on a FIFO
# nobody writes yet, so it waits; sets $pid and $feed (the FIFO's writer
# is opened by release).
waiting() {
    rm -f "$T/fifo"
    mkfifo "$T/fifo"
    "$INTAKE" --home "$H" --passphrase-fd 3 "$@" 3<"$T/fifo" >"$T/out" 2>"$T/err" &
    pid=$!
    exec 4>"$T/fifo"
}

release() {
    printf '%s\n' "$PASS" >&4
    exec 4>&-
    wait "$pid"
}

@test "seccomp: /proc/PID/status shows a filter (Seccomp: 2) while intake waits for input" {
    waiting list
    local status=
    for _ in $(seq 50); do
        status=$(grep -E '^(Seccomp|NoNewPrivs):' "/proc/$pid/status" 2>/dev/null || true)
        [[ "$status" == *"Seccomp:"*2* ]] && break
        sleep 0.05
    done
    release
    [[ "$status" =~ Seccomp:[[:space:]]+2 ]] || { echo "status: $status" >&2; return 1; }
    [[ "$status" =~ NoNewPrivs:[[:space:]]+1 ]]
}

@test "seccomp: a library inside intake cannot open a socket (QR scanning); zbarimg can" {
    [ -f "$TOOLS/netshim.so" ] || skip "no netshim.so (make builds it)"
    command -v zbarimg >/dev/null || skip "no zbarimg (Debian zbar-tools)"
    run ik card --qr png -o "$T/card.png"
    expect_status 0
    # The control: the same shim in a program without the filter reaches
    # the loopback port (refused there: nobody listens), so it can tell.
    NETSHIM_OUT=$T/control LD_PRELOAD=$TOOLS/netshim.so zbarimg --nodbus --quiet --raw "$T/card.png" >/dev/null
    [ "$(cat "$T/control")" = "connect: Connection refused" ]
    # Inside intake, while libzbar scans, socket() itself fails.
    run --separate-stderr env NETSHIM_OUT="$T/inside" LD_PRELOAD="$TOOLS/netshim.so" \
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
        "$INTAKE" --home "$H" --passphrase-fd 3 contact add me --scan "$T/card.png" 3<<<"$PASS"
    [ "$(cat "$T/inside")" = "socket: Permission denied" ]
    # The scan went on: the card was read (and refused as this store's own).
    expect_status 2
    [ "$stderr" = "intake: that is this store's own card; add the other side's card" ]
}
