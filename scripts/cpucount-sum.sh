#!/bin/sh
# Sums what tests/tools/preload/cpucount.c wrote (its CPUCOUNT_OUT file,
# one line per process) per bats file, then in all: intake's processes,
# their CPU seconds, and of those the Argon2id calls and the dictionary
# loads (hunspell-ko, -mn, -en) with the CPU seconds each took; then the
# commands that loaded hunspell-ko, with how many did.  For the figures of
# docs/TESTING.md ("Session 16"):
#     CPUCOUNT_OUT=/tmp/cpu.log LD_PRELOAD=$PWD/build/rel/tools/cpucount.so \
#         INTAKE=$PWD/build/rel/bin/intake scripts/run-tests.sh cli tests/cli/X.bats
#     scripts/cpucount-sum.sh /tmp/cpu.log
set -eu
[ $# -eq 1 ] || { echo "usage: $0 CPUCOUNT_OUT-FILE" >&2; exit 2; }
awk '
    $1 != "intake" { next }
    {
        f = $12; files[f] = 1
        n[f]++; cpu[f] += $3; pw[f] += $5; pwn[f] += $4
        ko[f] += $6; kous[f] += $7; mn[f] += $8; mnus[f] += $9; en[f] += $10; enus[f] += $11
        if ($6 > 0) kocmd[$2]++
    }
    function line(name, a, b, c, d, e, g, h, i, j, k) {
        printf "%-28s %6d %8.1f %6d %7.1f %5d %7.1f %5d %6.1f %5d %6.1f\n",
            name, a, b / 1e6, c, d / 1e6, e, g / 1e6, h, i / 1e6, j, k / 1e6
    }
    END {
        printf "%-28s %6s %8s %6s %7s %5s %7s %5s %6s %5s %6s\n", "file", "procs", "cpu_s",
            "argon", "argon_s", "ko", "ko_s", "mn", "mn_s", "en", "en_s"
        for (f in files) {
            line(f, n[f], cpu[f], pwn[f], pw[f], ko[f], kous[f], mn[f], mnus[f], en[f], enus[f])
            N += n[f]; C += cpu[f]; PN += pwn[f]; P += pw[f]; K += ko[f]; KU += kous[f]
            M += mn[f]; MU += mnus[f]; E += en[f]; EU += enus[f]
        }
        line("all", N, C, PN, P, K, KU, M, MU, E, EU)
        printf "commands that loaded hunspell-ko:"
        for (c in kocmd) printf " %s %d", c, kocmd[c]
        printf "\n"
    }' "$1"
