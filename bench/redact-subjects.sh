#!/bin/bash
# Per-command cost of `intake redact` against the number of subjects in
# the store (brief s20 speed20): for each count, a store whose subjects
# have English, Korean (Hangul) and Mongolian (Cyrillic) names, and one
# record of one line naming one of each; then
#   - one redact per process (R separate commands, CPU s each),
#   - K redacts typed into one `intake shell` (CPU s each, the unlock and
#     the first build of the protected set included),
#   - the peer: grep -F -i -f with the registered names and pseudonyms as
#     patterns, once per process over the same line (CPU s each),
# side by side in the same run.  BEFORE=path/to/intake adds the same two
# intake rows for another build (e.g. main's) on the same stores.
#   bench/redact-subjects.sh [COUNTS] [R] [K]     (defaults "10 100 1000" 5 20)
# The stores use the cheap passphrase slot of the tests (tests/tools/
# cheapslot), so the key derivation is not what is measured.  CPU time
# (user + system) is the figure: the machine is shared, so wall time is
# printed only as the load average.
set -eu
cd "$(dirname "$0")/.."
counts=${1:-10 100 1000}
r=${2:-5}
k=${3:-20}
make -s build/rel/bin/intake build/rel/tools/cheapslot build/bench/subjects_fill >/dev/null
after=$PWD/build/rel/bin/intake
before=${BEFORE:-}
tmp=$(mktemp -d /tmp/intake-bench-XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass="tiger lamp violet oxygen river"

# names N: N distinct synthetic full names, a third each English, Korean
# and Mongolian (first names and surnames from short public lists).
names() {
    awk -v n="$1" 'BEGIN {
      split("James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen", ef, " ");
      split("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Taylor Moore Jackson Martin Thompson", el, " ");
      split("김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 홍", ks, " ");
      split("민 서 지 현 준 영 수 호 진 은 성 우 하 연 재 경 동 철 미 혜", kg, " ");
      split("Батбаяр Сарангэрэл Энхтуяа Ганбаатар Оюунчимэг Болормаа Тэмүүлэн Мөнхбат Нарантуяа Баттулга Цэцэгмаа Алтангэрэл Дорж Ганзориг Солонго Билгүүн Хишигт Ариунаа Номин Эрдэнэбат", mg, " ");
      for (i = 0; i < n; i++) {
        k = i % 3; j = int(i / 3);
        if (k == 0) printf "%s %s\n", ef[j % 20 + 1], el[int(j / 20) % 20 + 1];
        else if (k == 1) printf "%s%s%s\n", ks[j % 20 + 1], kg[int(j / 20) % 20 + 1], kg[(int(j / 400) + j) % 20 + 1];
        else printf "%s %s\n", mg[int(j / 20) % 20 + 1], mg[j % 20 + 1];
      }
    }'
}

ik() { "$after" --home "$tmp/s$n" --passphrase-fd 3 "$@" 3<<<"$pass"; }

# cpu FILE: user + system seconds from GNU time's "%U %S".
cpu() { awk '{ print $1 + $2 }' "$1"; }

# per_command BINARY: CPU s of one redact, the mean of R processes.
per_command() {
    /usr/bin/time -f '%U %S' -o "$tmp/t" bash -c '
        for i in $(seq "$4"); do "$1" --home "$2" --passphrase-fd 3 redact "$3" 3<<<"$5" >/dev/null 2>&1 || true; done
    ' _ "$1" "$tmp/s$n" "$id" "$r" "$pass"
    awk -v c="$(cpu "$tmp/t")" -v r="$r" 'BEGIN { printf "%.3f", c / r }'
}

# in_shell BINARY: CPU s of one redact, the mean of K in one shell.
in_shell() {
    for i in $(seq "$k"); do echo "redact $id"; done >"$tmp/lines"
    /usr/bin/time -f '%U %S' -o "$tmp/t" "$1" --home "$tmp/s$n" --passphrase-fd 3 shell \
        3<<<"$pass" <"$tmp/lines" >/dev/null 2>&1 || true
    awk -v c="$(cpu "$tmp/t")" -v k="$k" 'BEGIN { printf "%.3f", c / k }'
}

# peer: CPU s of grep -F -i -f (the names and pseudonyms) over the record's line, the mean of R.
peer() {
    /usr/bin/time -f '%U %S' -o "$tmp/t" bash -c '
        for i in $(seq "$3"); do LC_ALL=C.UTF-8 grep -F -i -c -f "$1" "$2" >/dev/null || true; done
    ' _ "$tmp/patterns$n" "$tmp/line" "$r"
    awk -v c="$(cpu "$tmp/t")" -v r="$r" 'BEGIN { printf "%.3f", c / r }'
}

printf '%s\n' "Dora Quill met James Smith, 이민서 and Батбаяр Сарангэрэл at the port." >"$tmp/line"
printf 'load average: %s; R=%s separate commands, K=%s redacts in one shell\n' \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "$r" "$k"
printf '%-9s %-34s %10s\n' subjects "CPU s per redact of a one-line record" ""
for n in $counts; do
    "$after" --home "$tmp/s$n" --passphrase-fd 3 init --kdf interactive 3<<<"$pass" >/dev/null
    build/rel/tools/cheapslot "$tmp/s$n" 3<<<"$pass"
    ik subject add --name "Dora Quill" --pseudonym Bench >/dev/null
    ik consent Bench --export yes --method verbal 2>/dev/null
    names "$((n - 1))" | awk '{ printf "P%d\t%s\n", NR, $0 }' >"$tmp/rows"
    { echo "$pass"; cat "$tmp/rows"; } | build/bench/subjects_fill "$tmp/s$n"
    { echo "Dora Quill"; echo Bench; cut -f1,2 "$tmp/rows" | tr '\t' '\n'; } >"$tmp/patterns$n"
    ik record Bench --title t <"$tmp/line" >/dev/null
    id=$(ik list | cut -f1)
    ik redact "$id" >"$tmp/out$n" 2>&1 || true      # keeps the compiled matcher
    if [ -n "$before" ]; then
        "$before" --home "$tmp/s$n" --passphrase-fd 3 redact "$id" 3<<<"$pass" >"$tmp/outb$n" 2>&1 || true
        cmp -s "$tmp/out$n" "$tmp/outb$n" || echo "  (n=$n: before and after differ: $(diff "$tmp/outb$n" "$tmp/out$n" | head -3 | tr '\n' ' '))"
        printf '%-9s %-34s %10s\n' "$n" "intake redact, before" "$(per_command "$before")"
        printf '%-9s %-34s %10s\n' "$n" "intake shell, before" "$(in_shell "$before")"
    fi
    printf '%-9s %-34s %10s\n' "$n" "intake redact" "$(per_command "$after")"
    printf '%-9s %-34s %10s\n' "$n" "intake shell" "$(in_shell "$after")"
    printf '%-9s %-34s %10s\n' "$n" "grep -F -i -f ($(wc -l <"$tmp/patterns$n") patterns)" "$(peer)"
done
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
