# Shared by faults.bats, adv14.bats and adv14b.bats (issue 14): each test's
# mounts, taken down in teardown, and the fault helpers all three use.

setup() {
    common_setup
    HOLD=$(dirname "$INTAKE")/../tools/hold
    MOUNTS=()
}

teardown() {
    local i
    for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
        umount "${MOUNTS[$i]}" 2>/dev/null || umount -l "${MOUNTS[$i]}" 2>/dev/null || true
    done
    common_teardown
}

needs_root() {
    [ "$(id -u)" -eq 0 ] || skip "needs root to mount (CI runs as root)"
}

# small_disk MIB: a tmpfs of MIB MiB at $T/disk.
small_disk() {
    mkdir -p "$T/disk"
    mount -t tmpfs -o "size=${1}m" tmpfs "$T/disk" && MOUNTS+=("$T/disk")
}

# opens_with PASSPHRASE: the store opens and its log verifies.
opens_with() {
    "$INTAKE" --home "$H" --passphrase-fd 3 log --verify 3<<<"$1" >/dev/null 2>&1
}

# shim FAULT CMD...: intake on $H under the fault shim
# (tests/tools/preload/powercut.c).
shim() {
    local fault=$1 so
    shift
    so=$(tools_dir)/powercut.so
    env LD_PRELOAD="$so" ASAN_OPTIONS=verify_asan_link_order=0 INTAKE_FAULT="$fault" \
        INTAKE_FAULT_ROOT="$H" INTAKE_FAULT_LOG="$T/fault.log" \
        "$INTAKE" --home "$H" --passphrase-fd 3 "$@"
}

needs_shim() {
    [ -f "$(tools_dir)/powercut.so" ] || skip "no $(tools_dir)/powercut.so (make test-build)"
}
