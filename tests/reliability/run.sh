#!/usr/bin/env bash
# The reliability suite (issue 14): every writing command of ./writers run
# under faults, each attempt followed by the checks of lib.sh (the store
# opens, its log verifies, no acknowledged write is lost, a failure that
# says nothing changed changed nothing, no partial file is left).
#
#   run.sh [OPTIONS] [WRITER...]
#     --kills N      kill -9 at a random moment until N kills in all
#                    landed mid-command (at most 4N attempts)
#     --cuts N       power cuts (tests/tools/preload/powercut.c) at
#                    successive calls, N in all ("all": every call once)
#     --fails N      each write, fsync and rename failing in turn (the
#                    shim; a cut at exit follows), up to N per command
#                    ("all": every one)
#     --fiu N        random I/O errors from libfiu (fiu-run), N in all
#     --disk N       a full disk (a tmpfs; root), N free-space levels
#     --readonly     a read-only bind mount of the folders (root)
#     --pairs N      two writers at once, N pairs
#     --pick N       only N of the writers, chosen by the seed
#     --quick        the bounded run of make check (well under 30 s):
#                    one writer chosen by the seed, killed once, cut once
#                    and each class of call failing once (the seed is the
#                    time: successive runs rotate over all writers; a full
#                    disk, a read-only folder and a busy store are in
#                    tests/cli/faults.bats)
#     --seed S       for the random moments (default: the time)
#     --keep         keep the work folder (default: only on a problem)
#   WRITER...: only these (names from ./writers).
# Prints the figures; exits 1 if a store was damaged, an acknowledged
# write lost, a failure misreported or a partial file left.
# $INTAKE is the binary (default build/rel/bin/intake), the shim beside it.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
INTAKE=${INTAKE:-$ROOT/build/rel/bin/intake}
SHIM=${INTAKE_TOOLS:-$(dirname "$INTAKE")/../tools}/powercut.so
CHEAPSLOT=${INTAKE_TOOLS:-$(dirname "$INTAKE")/../tools}/cheapslot
. "$HERE/lib.sh"
. "$HERE/writers"

kills=0 cuts=0 fails=0 fiu=0 disk=0 readonly=0 pairs=0 pick=0 keep= seed=$(date +%s) only=()
while [ $# -gt 0 ]; do
    case $1 in
    --kills) kills=$2; shift ;;
    --cuts) cuts=$2; shift ;;
    --fails) fails=$2; shift ;;
    --fiu) fiu=$2; shift ;;
    --disk) disk=$2; shift ;;
    --readonly) readonly=1 ;;
    --pairs) pairs=$2; shift ;;
    --pick) pick=$2; shift ;;
    --quick) kills=1 cuts=1 fails=1 fiu=0 disk=0 readonly=0 pairs=0 pick=1 ;;
    --seed) seed=$2; shift ;;
    --keep) keep=1 ;;
    -*) sed -n '2,/^set -u/p' "$0" | sed 's/^# \{0,1\}//;$d' >&2; exit 2 ;;
    *) only+=("$1") ;;
    esac
    shift
done
RANDOM=$seed
[ -x "$INTAKE" ] || { echo "reliability: no intake at $INTAKE" >&2; exit 2; }
[ -f "$SHIM" ] || { echo "reliability: no shim at $SHIM (make test-build)" >&2; exit 2; }
[ -x "$CHEAPSLOT" ] || { echo "reliability: no $CHEAPSLOT (make test-build)" >&2; exit 2; }
ROOT_USER=
[ "$(id -u)" -eq 0 ] && ROOT_USER=1

T=$(mktemp -d "${TMPDIR:-/tmp}/intake-reliability-XXXXXX")
HT=$T/h REF=$T/ref FIX=$T/fix MOUNTS=()
mkdir -p "$HT"
cleanup() {
    local m
    for m in "${MOUNTS[@]}"; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null; done
    if [ -z "$keep" ] && [ "$PROBLEMS" -eq 0 ]; then rm -rf "$T"; else echo "reliability: kept $T" >&2; fi
}
trap cleanup EXIT

# The writers to run.
SEL=()
for i in "${!W_NAME[@]}"; do
    if [ ${#only[@]} -eq 0 ] || printf '%s\n' "${only[@]}" | grep -qx "${W_NAME[i]}"; then
        SEL+=("$i")
    fi
done
[ ${#SEL[@]} -gt 0 ] || { echo "reliability: no such writer: ${only[*]}" >&2; exit 2; }
# --pick N: N of them, shuffled by the seed.
if [ "$pick" -gt 0 ] && [ "$pick" -lt ${#SEL[@]} ]; then
    mapfile -t SEL < <(for i in "${SEL[@]}"; do echo "$RANDOM $i"; done | sort -n | head -n "$pick" | cut -d' ' -f2)
fi

# ---- the figures ----

# figures: the counts so far, at the end or when the run is stopped.
figures() {
    echo
    printf '%-9s %9s %12s %8s %10s\n' mode attempts interrupted failed succeeded
    for m in kill cut fail fiu disk readonly pairs; do
        [ -n "${ATTEMPTS[$m]:-}" ] || continue
        printf '%-9s %9d %12d %8d %10d\n' "$m" "${ATTEMPTS[$m]}" "${OUTCOMES[$m.interrupted]:-0}" \
            "${OUTCOMES[$m.failed]:-0}" "${OUTCOMES[$m.ok]:-0}"
    done
    echo
    echo "kills: $KILLS; power cuts: $CUTS; faults injected: $INJECTED"
    echo "stores damaged: $DAMAGED; acknowledged writes lost: $LOST; failures misreported: $MISREPORTED; partial files: $PARTIAL; left behind: $LEFTOVER"
    if [ ${#MSG_COUNT[@]} -gt 0 ]; then
        echo
        echo "messages after faults (times; first seen):"
        for m in "${!MSG_COUNT[@]}"; do
            printf '%6d  %s\n        (%s)\n' "${MSG_COUNT[$m]}" "$m" "${MSG_WHERE[$m]}"
        done | awk 'NR % 2 == 1 { k = $0; next } { print k "\t" $0 }' | sort -t$'\t' -k1,1nr |
            tr '\t' '\n'
    fi
    [ -s "$T/notes" ] && { echo; cat "$T/notes"; }
    echo "reliability: $((SECONDS - START)) s"
}

START=$SECONDS
# Stopped (Ctrl-C, kill): the figures so far, then the usual cleanup.
stopped() {
    trap - INT TERM
    echo
    echo "reliability: stopped by SIG$1 during $MODE of ${WNAME:-the fixture}; the figures so far:"
    figures
    exit $(($2 + 128))
}
MODE=setup
trap 'stopped INT 2' INT
trap 'stopped TERM 15' TERM
names=
[ ${#SEL[@]} -lt ${#W_NAME[@]} ] && names=" ($(for i in "${SEL[@]}"; do printf '%s ' "${W_NAME[i]}"; done | sed 's/ $//'))"
echo "reliability: $INTAKE, ${#SEL[@]} commands$names, seed $seed (--seed $seed replays it)"
make_fixture "$T/fixture" || { echo "reliability: cannot make the fixture" >&2; exit 2; }
mv "$T/fixture" "$FIX"
W=$T/w

# per TOTAL: attempts per writer for a total of TOTAL (at least one).
per() {
    echo $(((($1) + ${#SEL[@]} - 1) / ${#SEL[@]}))
}

# counts_of FILE: "W S N" from the shim's count line.
counts_of() {
    sed -n 's/^count write=\([0-9]*\) sync=\([0-9]*\) name=\([0-9]*\)$/\1 \2 \3/p' "$1" | tail -n 1
}

# run_writer MODE BODY: a fresh world for each selected writer, then BODY
# (a function) with WI, WNAME set; then the clean run that settles it.
for_each_writer() {
    local fn=$1
    for WI in "${SEL[@]}"; do
        WNAME=${W_NAME[WI]}
        start_world
        "$fn" || true
        settle
        printf 'reliability: %-5s %-15s %5d attempts; kills %d, cuts %d, faults %d; problems %d (%d s)\n' \
            "$MODE" "$WNAME" "${ATTEMPTS[$MODE]:-0}" "$KILLS" "$CUTS" "$INJECTED" "$PROBLEMS" $((SECONDS - START))
    done
}

# ---- kill -9 ----

kill_one() {
    local n t0 dur ms k
    FAULT="a clean run"
    before_attempt || return 1
    t0=$(date +%s%N)
    attempt clean -
    dur=$((($(date +%s%N) - t0) / 1000000))
    check
    # Until per-writer kills landed mid-command (a kill after the command
    # ended is only a clean run), at most four attempts per kill wanted.
    local want landed0=$KILLS
    want=$(per "$kills")
    for ((k = 0; KILLS - landed0 < want && k < 4 * want; k++)); do
        ms=$((RANDOM % (dur * 13 / 10 + 1) + 1))
        N=$((N + 1))
        FAULT="kill -9 after $ms ms"
        before_attempt || return 1
        t0=$(date +%s%N)
        attempt kill "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
        # Done before the kill: the command takes at most this long (on a
        # busy machine the clean run's time can be many times it).
        t0=$((($(date +%s%N) - t0) / 1000000))
        [ "$OUTCOME" = interrupted ] || [ "$t0" -ge "$dur" ] || dur=$t0
        check
    done
}

# ---- power cuts ----

cut_one() {
    local m n c budget start w s nm
    FAULT="counting the calls"
    before_attempt || return 1
    attempt shim count
    check
    read -r w s nm <<<"$(counts_of "$HT/fault.log")"
    m=$((w + s + nm))
    if [ "$cuts" = all ]; then budget=$((m + 1)); else budget=$(per "$cuts"); fi
    start=$((RANDOM % (m + 1)))
    [ "$cuts" = all ] && start=0
    for ((c = 0; c < budget; c++)); do
        # Calls spread evenly from a random start (every one once when
        # the budget allows; "all": 1, 2, ... and the exit).
        n=$(((start + c * (m + 1) / budget) % (m + 1) + 1))
        N=$((N + 1))
        FAULT="a power cut at call $n of $((m + 1))"
        before_attempt || return 1
        attempt shim "cut:$n"
        check
    done
}

# ---- each call failing in turn ----

fail_one() {
    local counts cls k n e limit i=0
    FAULT="counting the calls"
    before_attempt || return 1
    attempt shim count
    check
    read -r -a counts <<<"$(counts_of "$HT/fault.log")"
    for cls in write sync name; do
        k=${counts[i]:-0}
        i=$((i + 1))
        limit=$k
        [ "$fails" = all ] || [ "$limit" -le "$fails" ] || limit=$fails
        for ((j = 0; j < limit; j++)); do
            n=$((j * k / limit + 1))
            # A write fails for a full disk every other time.
            e=5
            [ "$cls" = write ] && [ $((n % 2)) -eq 0 ] && e=28
            N=$((N + 1))
            FAULT="$cls call $n of $k failing (errno $e)"
            before_attempt || return 1
            attempt shim "fail:$cls:$n:$e"
            FAULT="$(sed -n 's/^fail [a-z]* [0-9]* \([a-z0-9]*\) \(.*\)$/\1 of \2/p' "$HT/fault.log") failing with errno $e"
            check
        done
    done
}

# ---- random I/O errors (libfiu) ----

fiu_one() {
    local k p
    for ((k = 0; k < $(per "$fiu"); k++)); do
        p=0.0$((RANDOM % 9 + 1))
        N=$((N + 1))
        FAULT="random I/O errors (libfiu, probability $p)"
        before_attempt || return 1
        attempt fiu "$p"
        INJECTED=$((INJECTED + 1))
        check
    done
}

# ---- a full disk ----

# The world on a small tmpfs, filled to leave LEVEL KiB free.
disk_one() {
    local lvl avail levels=(0 64 16 256 1024 4096) i
    for ((i = 0; i < disk && i < ${#levels[@]}; i++)); do
        lvl=${levels[i]}
        N=$((N + 1))
        FAULT="a full disk ($lvl KiB free)"
        before_attempt || return 1
        avail=$(df -k --output=avail "$DISK" | tail -n 1)
        head -c $(((avail > lvl ? avail - lvl : 0) * 1024)) /dev/zero >"$DISK/fill" 2>/dev/null
        attempt clean -
        rm -f "$DISK/fill"
        check
        [ "$OUTCOME" != failed ] || [[ $(message_of "$HT/stderr") == *"is full"* ]] ||
            [[ $(message_of "$HT/stderr") =~ $NOCHANGE_RE ]] ||
            echo "reliability: $WNAME on a full disk: $(message_of "$HT/stderr")" >>"$T/notes"
    done
}

# ---- a read-only folder ----

readonly_one() {
    local rw=$W
    N=$((N + 1))
    FAULT="a read-only bind mount"
    before_attempt || return 1
    mkdir -p "$T/ro"
    mount --bind "$W" "$T/ro" && MOUNTS+=("$T/ro") && mount -o remount,bind,ro "$T/ro" || return 1
    W=$T/ro H=$T/ro/${H#"$rw"/} IN=$T/ro/in OUT=$T/ro/out
    attempt clean -
    W=$rw H=$rw/${H#"$T/ro"/} IN=$rw/in OUT=$rw/out
    umount "$T/ro"
    MOUNTS=()
    [ "$OUTCOME" = failed ] || problem misreported "succeeded on a read-only folder"
    check
}

# ---- two writers at once ----

pairs_run() {
    local p a b sa sb before now grown want x side st wi pool=() i
    # Writers on an existing store; at most one of a pair changes the
    # secret.  From the selected ones, or all if none of them fits.
    for i in "${SEL[@]}"; do [ "${W_STORE[i]}" = old ] && pool+=("$i"); done
    if [ ${#pool[@]} -eq 0 ]; then
        for i in "${!W_NAME[@]}"; do [ "${W_STORE[i]}" = old ] && pool+=("$i"); done
    fi
    for ((p = 0; p < pairs; p++)); do
        a=${pool[RANDOM % ${#pool[@]}]}
        b=${pool[RANDOM % ${#pool[@]}]}
        if [ "${W_SECRET[a]}" = new ] && [ "${W_SECRET[b]}" = new ]; then
            for i in "${!W_NAME[@]}"; do
                [ "${W_STORE[i]}" = old ] && [ "${W_SECRET[i]}" = old ] && { b=$i; break; }
            done
        fi
        WI=$a WNAME="${W_NAME[a]} with ${W_NAME[b]}"
        start_world
        N=1
        FAULT="two writers at once"
        WI=$a; before_attempt || continue
        WI=$b; N=2; before_attempt || continue
        before=$(ik log)
        (WI=$a N=1 HT=$HT/a; mkdir -p "$HT"; attempt clean -; echo "$STATUS" >"$HT/status") &
        (WI=$b N=2 HT=$HT/b; mkdir -p "$HT"; attempt clean -; echo "$STATUS" >"$HT/status") &
        wait
        sa=$(cat "$HT/a/status") sb=$(cat "$HT/b/status")
        ATTEMPTS[pairs]=$((${ATTEMPTS[pairs]:-0} + 2))
        for x in a:"$sa" b:"$sb"; do
            if [ "${x#*:}" -eq 0 ]; then
                OUTCOMES[pairs.ok]=$((${OUTCOMES[pairs.ok]:-0} + 1))
            else
                OUTCOMES[pairs.failed]=$((${OUTCOMES[pairs.failed]:-0} + 1))
                STATUS=${x#*:}
                note_message "$(message_of "$HT/${x%%:*}/stderr")" "$WNAME"
            fi
        done
        # Checked as one attempt: whichever secret opens, and the log as
        # long as before plus one entry per success that logs.
        WI=$a OUTCOME=interrupted
        cp "$HT/a/stderr" "$HT/stderr"
        LOG_BEFORE=$before LOG_ACKED=$before
        check
        now=$(ik log)
        grown=$(($(wc -l <<<"$now") - $(wc -l <<<"$before")))
        want=0
        [ "$sa" -eq 0 ] && [ "${W_LOG[a]}" = yes ] && want=$((want + 1))
        [ "$sb" -eq 0 ] && [ "${W_LOG[b]}" = yes ] && want=$((want + 1))
        [ "$grown" -ge "$want" ] || problem lost "$want successes, $grown new log entries"
        for x in a:"$sa":"$a" b:"$sb":"$b"; do
            IFS=: read -r side st wi <<<"$x"
            if [ "$st" -eq 0 ] && [ -n "${W_PROOF[wi]}" ] &&
                ! (WI=$wi N=$([ "$side" = a ] && echo 1 || echo 2) STDOUT=$(cat "$HT/$side/stdout") \
                   eval "${W_PROOF[wi]}") >/dev/null 2>&1; then
                problem lost "${W_NAME[wi]} reported success, but: ${W_PROOF[wi]}"
            fi
        done
    done
}

# ---- the run ----

run_mode() { # MODE COUNT FN
    MODE=$1
    [ "$2" != 0 ] || return 0
    local t0=$SECONDS
    for_each_writer "$3"
    printf 'reliability: %-9s %5d attempts in %4d s\n' "$MODE" "${ATTEMPTS[$MODE]:-0}" $((SECONDS - t0))
}

run_mode kill "$kills" kill_one
run_mode cut "$cuts" cut_one
run_mode fail "$fails" fail_one
if [ "$fiu" != 0 ] && command -v fiu-run >/dev/null && fiu-run -x -f "" "$INTAKE" --version >/dev/null 2>&1; then
    run_mode fiu "$fiu" fiu_one
elif [ "$fiu" != 0 ]; then
    echo "reliability: no random I/O errors: fiu-run (Debian fiu-utils) cannot run $INTAKE"
fi
if [ "$disk" != 0 ] && [ -n "$ROOT_USER" ]; then
    DISK=$T/disk
    mkdir -p "$DISK"
    mount -t tmpfs -o size=8m tmpfs "$DISK" && MOUNTS+=("$DISK")
    save_w=$W W=$DISK/w
    run_mode disk "$disk" disk_one
    W=$save_w
    umount "$DISK"
    MOUNTS=()
elif [ "$disk" != 0 ]; then
    echo "reliability: no full disk: mounting a tmpfs needs root"
fi
if [ "$readonly" != 0 ] && [ -n "$ROOT_USER" ]; then
    run_mode readonly 1 readonly_one
elif [ "$readonly" != 0 ]; then
    echo "reliability: no read-only folder: a bind mount needs root"
fi
if [ "$pairs" != 0 ]; then
    MODE=pairs
    t0=$SECONDS
    pairs_run
    printf 'reliability: %-9s %5d attempts in %4d s\n' pairs "${ATTEMPTS[pairs]:-0}" $((SECONDS - t0))
fi

# ---- the end ----

figures
[ "$PROBLEMS" -eq 0 ]
