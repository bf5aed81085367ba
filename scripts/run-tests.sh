#!/bin/sh
# Runs one kind of test and keeps its counts for the closing summary.
#   run-tests.sh unit BIN...      cmocka binaries (TAP output)
#   run-tests.sh cli DIR|FILE...  bats files on the real binary ($INTAKE),
#                                 $CLI_JOBS files at a time
#   run-tests.sh fuzz BIN...      libFuzzer builds replaying their corpus
#   run-tests.sh fuzz-run SECONDS BIN...
#                                 each libFuzzer build fuzzing for SECONDS
#                                 from its corpus, $FUZZ_JOBS at a time
#   run-tests.sh reliability ARGS...
#                                 tests/reliability/run.sh ARGS on $INTAKE,
#                                 one test
#   run-tests.sh summary          "N passed, N failed" over all runs since
#                                 the last summary; fails if any failed
set -u
results=build/results
mkdir -p "$results"
kind=$1; shift

# A test marked skipped is neither: bats writes "ok N # skip", cmocka 1.1
# "not ok N # SKIP" (a known bug, reported with the reason in the test).
count() { # reads TAP on stdin, echoes it, records "pass fail skip"
    awk -v out="$1" '
        { print }
        /^(not )?ok [0-9]+.*# [Ss][Kk][Ii][Pp]/ { s++; next }
        /^ok /     { p++ }
        /^not ok / { f++ }
        END { printf "%d %d %d\n", p, f, s > out }'
}

# "N passed, N failed" and, when some were, ", N skipped".
counts() {
    printf '%d passed, %d failed' "$1" "$2"
    [ "${3:-0}" -gt 0 ] && printf ', %d skipped' "$3"
    echo
}

# Each test binary's or file's time on the clock and its CPU seconds (user
# and system, of all it ran, from the shell's `times`): on a loaded machine
# only the second compares from run to run.
export CPU_AWK='NR == 2 { for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] }
                printf "%.0f", t }'

tag=$kind-$$
case $kind in
unit)
    # $UNIT_JOBS binaries at a time (default 2), each one's TAP printed
    # whole when it ends (the suite waits on fsync and key derivation as
    # well as the CPU).
    tapdir=$results/tap-unit-$$
    mkdir -p "$tapdir"
    printf '%s\n' "$@" | xargs -P "${UNIT_JOBS:-2}" -I{} sh -c '
        t=$1; out=$2/$(echo "$t" | tr / _).tap
        t0=$(date +%s)
        CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$out" 2>&1
        rc=$?
        times >"$out.cpu"
        echo "# $t took $(($(date +%s) - t0)) s, $(awk "$CPU_AWK" "$out.cpu") s of CPU" >>"$out"
        # A crash prints no "not ok" (a skip'"'"'s does not count): count it
        # as a failure of its own.
        if [ $rc -ne 0 ] && ! grep "^not ok " "$out" | grep -qv "# SKIP"; then
            echo "not ok - $t exited with status $rc" >>"$out"
        fi
        flock "$2/.lock" sh -c "echo \"# \$1\"; cat \"\$2\"" sh "$t" "$out"' sh {} "$tapdir" |
        count "$results/$tag"
    rm -rf "$tapdir"
    read -r p f sk < "$results/$tag"
    echo "unit: $(counts "$p" "$f" "$sk")"
    [ "$f" -eq 0 ] && [ "$p" -gt 0 ]
    ;;
cli)
    # Standard input is /dev/null whatever runs the suite: a test that
    # needs a body or a terminal sets one up (record refuses --file with
    # a body waiting on standard input).
    # The files run $CLI_JOBS at a time (default 3: the suite mostly
    # waits on key derivation, fsync and the tests' own pauses, so a
    # third job keeps two cores busy), the largest first so that the
    # longest files start early; each file's tests run in order, in
    # their own temporary folders (helpers.bash). Each file's TAP is
    # printed whole when it ends.
    # The stores and steps the helpers make the same way in many files
    # (mkstore, introduce, init_cheap, setup_field_hq: key derivation and
    # a dozen commands each) are made once per run, not once per file:
    # INTAKE_RUN_CACHE, one folder for this run's files (on this binary;
    # tests/cli/helpers.bash, run_cache; docs/TESTING.md, "Session 26").
    INTAKE_RUN_CACHE=$(mktemp -d "${TMPDIR:-/tmp}/intake-run-XXXXXX") || exit 2
    export INTAKE_RUN_CACHE
    tapdir=$results/tap-$$
    mkdir -p "$tapdir"
    for d in "$@"; do
        if [ -d "$d" ]; then ls "$d"/*.bats; else echo "$d"; fi
    done | xargs ls -S | xargs -P "${CLI_JOBS:-3}" -I{} sh -c '
        f=$1; tapdir=$2; out=$2/$(basename "$f").tap
        t0=$(date +%s)
        # INTAKE_CHECK_SAMPLE=first (make check): a file tests/cli/SAMPLED
        # names runs its first test alone (bats --filter, that test'"'"'s
        # name as a whole, its regex characters escaped), not every test
        # started to skip itself (helpers.bash, check_sample): each such
        # start cost bats'"'"'s and the setup'"'"'s processes, ~0.2 CPU s
        # (docs/TESTING.md, "Session 27").  Only when the filter picks
        # exactly one test; else the file runs as before.  (No pair of
        # braces in this script: xargs -I would put the file name there.)
        set --
        if [ "${INTAKE_CHECK_SAMPLE:-}" = first ] &&
           sed -e "s/#.*//" -e "s/[[:space:]]*\$//" "$(dirname "$f")/SAMPLED" 2>/dev/null |
               grep -qxF "$(basename "$f" .bats)"; then
            re=$(sed -n "s/^@test \"\(.*\)\" {[[:space:]]*\$/\1/p" "$f" | head -n 1 |
                 sed "s/[][\\.*^\$+?(){|}]/\\\\&/g")
            if [ -n "$re" ] && [ "$(bats --count --filter "^$re\$" "$f" 2>/dev/null)" = 1 ]; then
                set -- --filter "^$re\$"
                echo "# $f: make check runs its first test only (tests/cli/SAMPLED); make check-full runs every test" >"$out.note"
            fi
        fi
        bats --tap "$@" "$f" </dev/null >"$out" 2>&1
        rc=$?
        [ ! -f "$out.note" ] || { cat "$out.note" >>"$out"; rm -f "$out.note"; }
        times >"$out.cpu"
        echo "# $f took $(($(date +%s) - t0)) s, $(awk "$CPU_AWK" "$out.cpu") s of CPU" >>"$out"
        # A file that stops without a "not ok" (a syntax error, a crash of
        # bats itself) counts as a failure of its own.
        if [ $rc -ne 0 ] && ! grep -q "^not ok " "$out"; then
            echo "not ok - $f: bats exited with status $rc" >>"$out"
        fi
        flock "$tapdir/.lock" sh -c "echo \"# \$1\"; cat \"\$2\"" sh "$f" "$out"' sh {} "$tapdir" |
        count "$results/$tag"
    rm -rf "$tapdir" "$INTAKE_RUN_CACHE"
    read -r p f sk < "$results/$tag"
    echo "cli: $(counts "$p" "$f" "$sk")"
    [ "$f" -eq 0 ] && [ "$p" -gt 0 ]
    ;;
fuzz)
    n=0
    for t in "$@"; do
        n=$((n + 1))
        name=$(basename "$t")
        corpus=tests/fuzz/corpus/$name
        # -entropic=0: a replay mutates nothing, so libFuzzer's entropic
        # scheduler (on by default: per-input counts of rare features,
        # kept for choosing what to mutate) is bookkeeping only; it was
        # about half of fuzz_redact's CPU beyond its start
        # (docs/TESTING.md, "Session 53 (check53)").
        if [ -d "$corpus" ] && "$t" -runs=0 -entropic=0 -artifact_prefix=build/fuzz/ "$corpus" >"build/fuzz/$name.log" 2>&1; then
            echo "ok $n - fuzz replay $name ($(ls "$corpus" | wc -l) inputs)"
        else
            echo "not ok $n - fuzz replay $name (see build/fuzz/$name.log)"
            tail -20 "build/fuzz/$name.log" | sed 's/^/# /'
        fi
    done | count "$results/$tag"
    read -r p f sk < "$results/$tag"
    echo "fuzz: $(counts "$p" "$f" "$sk")"
    [ "$f" -eq 0 ]
    ;;
fuzz-run)
    # One line per target, "ok"/"not ok" and the figures libFuzzer gives;
    # new inputs go to build/fuzz/found/NAME, a crash to build/fuzz/.
    # libFuzzer first runs every saved input (its "INITED" line: what
    # "fuzz" above replays), then mutates until SECONDS after its start:
    # a target whose corpus takes longer than that to run mutates nothing,
    # and the line says so ("0 of them fuzzing").
    # FUZZ_REPLAY_ROTA=N (N > 1; make check: 2) replays a part of each
    # corpus: the inputs whose content's CRC (cksum) plus the CRC of
    # FUZZ_REPLAY_SALT (the commit's hash) is 0 modulo N, so N fixed parts,
    # the commit picking one; every input runs about every Nth commit, and
    # all of them in make check-full (docs/TESTING.md, "Session 41
    # (check41)").  fuzz_redact's 1,510 inputs cost ~200 CPU s whole.
    # A target FUZZ_REPLAY_ONLY names (make check: fuzz_redact, whose
    # part alone outlasts SECONDS, so it mutated nothing in that run
    # anyway) only replays in its first run (-runs=0 -entropic=0: the
    # entropic scheduler's per-input bookkeeping of rare features serves
    # the choice of what to mutate, and cost about half of the replay's
    # CPU beyond the start; docs/TESTING.md, "Session 53 (check53)"); its
    # fuzzing is the run "again" below, with libFuzzer's defaults.
    secs=$1; shift
    mkdir -p build/fuzz/found
    FUZZ_REPLAY_SALT_CRC=$(printf '%s' "${FUZZ_REPLAY_SALT:-}" | cksum | cut -d ' ' -f 1)
    export FUZZ_REPLAY_SALT_CRC
    printf '%s\n' "$@" | xargs -P "${FUZZ_JOBS:-1}" -I{} sh -c '
        t=$1; secs=$2; name=$(basename "$t"); log=build/fuzz/$name.run.log
        corpus=tests/fuzz/corpus/$name; part=$corpus; rota=${FUZZ_REPLAY_ROTA:-1}
        mkdir -p "build/fuzz/found/$name" "$corpus"
        if [ "$rota" -gt 1 ]; then
            part=build/fuzz/part/$name; rm -rf "$part"; mkdir -p "$part"
            (cd "$corpus" && ls | xargs -r cksum) |
                awk -v n="$rota" -v s="$FUZZ_REPLAY_SALT_CRC" "(\$1 + s) % n == 0 { print \$3 }" |
                (cd "$corpus" && xargs -r cp -t "$OLDPWD/$part")
        fi
        first="-max_total_time=$secs"
        case " ${FUZZ_REPLAY_ONLY:-} " in *" $name "*) first="-runs=0 -entropic=0" ;; esac
        if "$t" $first -print_final_stats=1 -artifact_prefix=build/fuzz/ \
               "build/fuzz/found/$name" "$part" >"$log" 2>&1; then
            runs=$(sed -n "s/^stat::number_of_executed_units: *//p" "$log")
            init=$(sed -n "s/^#\([0-9]*\)[[:space:]]*INITED.*/\1/p" "$log" | head -n 1)
            saved=$(ls "$part" | wc -l)
            inpart=""
            [ "$rota" -le 1 ] || saved="$saved of $(ls "$corpus" | wc -l)" inpart=", 1 part in $rota"
            fuzzed=$(( ${runs:-0} - ${init:-0} )); again=""
            # A corpus that took the whole time to replay mutated nothing:
            # fuzz again, 100 mutations from its 8 smallest inputs (quick to
            # run) and what was found, so every target really fuzzes in
            # make check (issue 14 item 7).
            if [ "$fuzzed" -le 0 ]; then
                seed=build/fuzz/seed/$name; rm -rf "$seed"; mkdir -p "$seed"
                ls -S "tests/fuzz/corpus/$name" | tail -n 8 |
                    while read -r f; do cp "tests/fuzz/corpus/$name/$f" "$seed/"; done
                # By runs, not seconds: the start of a target (a redactor,
                # the dictionaries, under the sanitizers) can outlast SECONDS
                # (fuzz_redact fuzzed 0 runs in 5 s at load 8); 100 mutations,
                # at most 12 x SECONDS.
                if ! "$t" -runs=$(( $(ls "$seed" "build/fuzz/found/$name" | grep -c .) + 100 )) -max_total_time=$(( secs * 12 )) \
                       -print_final_stats=1 -artifact_prefix=build/fuzz/ \
                       "build/fuzz/found/$name" "$seed" >>"$log" 2>&1; then
                    echo "not ok - fuzz $name again, from its 8 smallest inputs (see $log)"
                    grep -E "^(==[0-9]+==ERROR|SUMMARY|artifact_prefix)|Test unit written" "$log" | sed "s/^/# /"
                    exit 0
                fi
                runs2=$(sed -n "s/^stat::number_of_executed_units: *//p" "$log" | tail -n 1)
                init2=$(sed -n "s/^#\([0-9]*\)[[:space:]]*INITED.*/\1/p" "$log" | tail -n 1)
                again="; then from its 8 smallest inputs: $(( ${runs2:-0} - ${init2:-0} )) runs fuzzing"
            fi
            echo "ok - fuzz $name for $secs s ($saved saved inputs replayed$inpart; ${runs:-?} runs, $fuzzed of them fuzzing$again)"
        else
            echo "not ok - fuzz $name for $secs s (see $log)"
            grep -E "^(==[0-9]+==ERROR|SUMMARY|artifact_prefix)|Test unit written" "$log" | sed "s/^/# /"
        fi' sh {} "$secs" | count "$results/$tag"
    read -r p f sk < "$results/$tag"
    echo "fuzz-run: $(counts "$p" "$f" "$sk")"
    [ "$f" -eq 0 ] && [ "$p" -gt 0 ]
    ;;
reliability)
    log=build/reliability.log
    if tests/reliability/run.sh "$@" >"$log" 2>&1; then
        echo "ok 1 - reliability $* ($(sed -n 's/^reliability: \([0-9]* s\)$/\1/p' "$log"))"
        grep -E '^reliability: .*seed|^(kills|stores):' "$log" | sed 's/^/# /'
    else
        echo "not ok 1 - reliability $* (see $log)"
        grep -E '^reliability: .*seed|^PROBLEM|^(kills|stores):' "$log" | sed 's/^/# /'
    fi | count "$results/$tag"
    read -r p f sk < "$results/$tag"
    echo "reliability: $(counts "$p" "$f" "$sk")"
    [ "$f" -eq 0 ] && [ "$p" -gt 0 ]
    ;;
summary)
    cat "$results"/* 2>/dev/null | awk '
        { p += $1; f += $2; s += $3 }
        END { printf "%d passed, %d failed", p, f
              if (s > 0) printf ", %d skipped", s
              printf "\n"; exit (f > 0 || p == 0) }'
    rc=$?
    rm -rf "$results"
    exit $rc
    ;;
*)
    echo "usage: $0 unit|cli|fuzz|fuzz-run|reliability|summary ..." >&2
    exit 2
    ;;
esac
