#!/usr/bin/env bats
# Issue 14, adv26b E-5 and E-8. A change refused on a full disk leaves no
# store.db-shm behind (E-5: the index SQLite made at its first try, before
# the store was reopened without one, is removed once this intake holds the
# store alone); an empty INTAKE_HOME is a usage error, as --home '' is,
# never the default store (E-8). Mounting needs root (CI runs as root).
# Bounded: a few seconds.

bats_require_minimum_version 1.5.0
load helpers
load faults

@test "E-5 a change refused on a full disk leaves no store.db-shm; E-8 an empty INTAKE_HOME is refused" {
    needs_root
    small_disk 8
    H=$T/disk/w
    init_cheap
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    before=$(store_sums)
    avail=$(df -k --output=avail "$T/disk" | tail -n 1)
    head -c $(((avail - 30) * 1024)) /dev/zero >"$T/disk/fill" 2>/dev/null || true
    for args in "subject add --name Songhee --pseudonym Dal" "label Field" \
                "consent Nari --export yes --quote no --publish no --method written"; do
        # shellcheck disable=SC2086
        run --separate-stderr ik $args
        expect_status 2
        [[ "$stderr" == "intake: the disk holding $H is full"* ]] || { echo "$args: $stderr" >&2; false; }
        [ ! -e "$H/store.db-shm" ] || { echo "$args left store.db-shm" >&2; ls -la "$H" >&2; false; }
        [ "$(store_sums)" = "$before" ]
    done
    rm -f "$T/disk/fill"
    # E-8: INTAKE_HOME='' is refused (exit 2, one line), not the default store.
    mkdir -p "$T/xdg/intake"
    for cmd in list "subject add --name Kim --pseudonym Kim"; do
        # shellcheck disable=SC2086
        run --separate-stderr env INTAKE_HOME= XDG_DATA_HOME="$T/xdg" "$INTAKE" --passphrase-fd 3 $cmd 3<<<"x"
        expect_status 2
        [ -z "$output" ]
        [ "$stderr" = "intake: INTAKE_HOME is set but empty: give it a folder, or unset it" ]
    done
    # --home still wins over an empty INTAKE_HOME.
    run env INTAKE_HOME= "$INTAKE" --home "$H" --passphrase-fd 3 list 3<<<"$PASS"
    expect_status 0
}
