#!/usr/bin/env bats
# intake init warns when the store would live on a file system that is
# erased at shutdown (issue 19): a tmpfs, a ramfs, or an overlay whose
# writable layer is in memory, as on Tails without Persistent Storage.
# The mounts need root (CI runs as root); without it, /dev/shm stands in
# for a tmpfs and the rest is skipped.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    MOUNTS=()
}

teardown() {
    local i
    for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
        umount "${MOUNTS[$i]}" 2>/dev/null || umount -l "${MOUNTS[$i]}" 2>/dev/null || true
    done
    [ -z "${SHM:-}" ] || rm -rf "$SHM"
    common_teardown
}

need_root() {
    [ "$(id -u)" -eq 0 ] || skip "mounting a $1 needs root (CI runs as root)"
}

# mnt TYPE DIR [OPTIONS]: mounts a file system of TYPE on DIR.
mnt() {
    mkdir -p "$2"
    mount -t "$1" ${3:+-o "$3"} "$1" "$2" || skip "cannot mount a $1 here"
    MOUNTS+=("$2")
}

# warning DIR KIND: the exact line init prints.
warning() {
    echo "intake: warning: $1 is on $2, which is erased at shutdown, and the store with it; keep it on a disk (on Tails: --home ~/Persistent/intake, in the Persistent Storage)"
}

# init_at DIR: init there; the store must be made and open afterwards.
init_at() {
    run --separate-stderr "$INTAKE" --home "$1" --passphrase-fd 3 init --kdf interactive 3<<<"$PASS"
    expect_status 0
    [[ "$output" =~ $RECOVERY_RE ]]
    [ -f "$1/keyslots" ]
    "$INTAKE" --home "$1" --passphrase-fd 3 subject list 3<<<"$PASS" >/dev/null
}

@test "init: a store on a tmpfs gets one warning line, and is made all the same" {
    if [ "$(id -u)" -eq 0 ]; then
        mnt tmpfs "$T/mem" size=8m
        dir=$T/mem/not/yet/there
    else
        [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] || skip "no tmpfs at /dev/shm and not root"
        SHM=$(mktemp -d /dev/shm/intake-cli-XXXXXX)
        dir=$SHM/not/yet/there
    fi
    init_at "$dir"
    [ "$stderr" = "$(warning "$dir" tmpfs)" ]
}

@test "init: a store on a ramfs gets the warning" {
    need_root ramfs
    mnt ramfs "$T/ram"
    init_at "$T/ram/store"
    [ "$stderr" = "$(warning "$T/ram/store" ramfs)" ]
}

@test "init: an overlay whose writable layer is a tmpfs (a live system) gets the warning; one on disk does not" {
    need_root overlay
    mnt tmpfs "$T/mem" size=8m
    mkdir -p "$T/lower" "$T/mem/upper" "$T/mem/work" "$T/disk/upper" "$T/disk/work"
    mnt overlay "$T/live" "lowerdir=$T/lower,upperdir=$T/mem/upper,workdir=$T/mem/work"
    [ "$(stat -f -c %T "$T/live")" = overlayfs ]
    init_at "$T/live/home/amnesia/.local/share/intake"
    [ "$stderr" = "$(warning "$T/live/home/amnesia/.local/share/intake" "an overlay on tmpfs")" ]
    # The same layout with its writable layer on disk keeps its data.
    mnt overlay "$T/installed" "lowerdir=$T/lower,upperdir=$T/disk/upper,workdir=$T/disk/work"
    init_at "$T/installed/store"
    [ -z "$stderr" ]
}

@test "init: a persistent folder mounted inside a tmpfs is not warned about" {
    need_root tmpfs
    # Tails: /home/amnesia/Persistent is a disk mounted below the in-memory home.
    mnt tmpfs "$T/home" size=8m
    mkdir -p "$T/disk" "$T/home/Persistent"
    mount --bind "$T/disk" "$T/home/Persistent" || skip "cannot bind-mount here"
    MOUNTS+=("$T/home/Persistent")
    init_at "$T/home/Persistent/intake"
    [ -z "$stderr" ]
    init_at "$T/home/.local/share/intake"
    [ "$stderr" = "$(warning "$T/home/.local/share/intake" tmpfs)" ]
}

@test "init: a store on disk gets no warning" {
    [ "$(stat -f -c %T "$T")" != tmpfs ] || skip "$T is itself on a tmpfs"
    init_at "$H"
    [ -z "$stderr" ]
}

@test "init: the warning comes before the passphrase is read, so stopping there changes nothing" {
    need_root tmpfs
    mnt tmpfs "$T/mem" size=8m
    run --separate-stderr "$INTAKE" --home "$T/mem/store" --passphrase-fd 3 init --kdf interactive 3<<<"$WEAKPASS"
    expect_status 2
    [ "${stderr_lines[0]}" = "$(warning "$T/mem/store" tmpfs)" ]
    [[ "${stderr_lines[1]}" == *"too weak"* ]]
    [ "${#stderr_lines[@]}" -eq 2 ]
    [ ! -e "$T/mem/store/keyslots" ]
    # An existing store is refused as before, without the warning.
    init_at "$T/mem/store"
    run --separate-stderr "$INTAKE" --home "$T/mem/store" --passphrase-fd 3 init --kdf interactive 3<<<"$PASS"
    expect_status 2
    [[ "$stderr" == *"already exists"* ]]
    [ "${#stderr_lines[@]}" -eq 1 ]
}

@test "backup -o: complete and durable while the store's own disk is full: exit 0, a warning says only the log lacks it (L1)" {
    need_root tmpfs
    mnt tmpfs "$T/disk" size=6m
    init_store && cheapen
    "$INTAKE" --home "$H" --passphrase-fd 3 subject add --name "Kim Ji-yeon" --pseudonym Nari 3<<<"$PASS" >/dev/null
    orig=$H
    H=$T/disk/w
    mkdir -p "$T/out"
    seen=""
    for left in 0 4 8 16 24 32 48 64 96 128; do
        rm -rf "$H" "$T/disk/fill" "$T/out/b"
        cp -a "$orig" "$H"
        avail=$(df -k --output=avail "$T/disk" | tail -n 1)
        head -c $(((avail - left) * 1024)) /dev/zero >"$T/disk/fill" 2>/dev/null || true
        run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 backup -o "$T/out/b" 3<<<"$PASS"
        rm -f "$T/disk/fill"
        log=$("$INTAKE" --home "$H" --passphrase-fd 3 log 3<<<"$PASS")
        case $status in
        0)
            [ "$output" = "$T/out/b" ]
            [ -s "$T/out/b" ]
            if [[ "$stderr" == *"could not log it"* ]]; then
                seen=full
                [[ "$stderr" == *"intake: warning: the backup $T/out/b is written and checked, but the store could not log it ("*"); the backup is complete: only the store's log lacks its entry ('intake log' will not list it); free space on the store's disk"* ]]
                [[ "$log" != *backup* ]]
            else
                [[ "$log" == *backup* ]]
            fi ;;
        2)
            # Not complete: no file is left, nothing is logged.
            [ ! -e "$T/out/b" ]
            [[ "$log" != *backup* ]] ;;
        *)
            echo "unexpected: $status: $stderr" >&2
            return 1 ;;
        esac
    done
    # The case of the finding (complete, then the log entry found the disk full) was met.
    [ "$seen" = full ]
}
