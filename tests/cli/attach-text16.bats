#!/usr/bin/env bats
# Brief s16 r16 (report-adv15 R-18): the separator class (R-7, R-9), the
# glue rules (R-3, R-20) and the cells of a table (a term across a tab or
# a table's delimiter replaced cell by cell, a table's comma never joining
# a term) in text attachments: .txt, .md, .csv and .json.  redact shows
# the attachment as it leaves; export's copy at hq is the same, holds no
# fragment, and hq's audit passes its residual checks.  The cases one by
# one: tests/data/leaks/cells16.jsonl, seps15.jsonl (test_leaks_names).
# Made-up names only.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    setup_field_hq Won-sim "--attachments yes" "Kim Young-ho" 김영호 한지숙
    st field term add id:MX-77-4410 >/dev/null 2>&1
    st field term add place:Khovd >/dev/null 2>&1
    st field term add place:회령 >/dev/null 2>&1
    st field term add place:신의주 >/dev/null 2>&1
    st field term add place:혜산 >/dev/null 2>&1
}

teardown() { common_teardown; }

# leaves_as FILE WANT STRING...: a record with FILE ($W/FILE) attached:
# redact shows WANT as the attachment (exit 0); exported (exit 0), hq's
# audit passes its residual checks, the copy hq opens is WANT and holds
# none of the strings.
leaves_as() {
    local file=$1 want=$2 id got s
    shift 2
    id=$(printf 'Plain body.\n' | st field record Won-sim --title "T $file" --date 2024-03-15)
    st field attach "$id" "$W/$file" >/dev/null 2>&1
    run --separate-stderr st field redact "$id"
    expect_status 0
    got=$(printf '%s\n' "$output" | sed -n '/^--- attachment1: /,$p' | sed 1d)
    [ "$got" = "$want" ] || { printf 'want: %s\ngot:  %s\n' "$want" "$got" >&2; return 1; }
    run --separate-stderr st field export --to hq "$id" -o "$W/$id.b"
    expect_status 0
    run st hq audit "$W/$id.b"
    expect_status 0
    [[ "$output" == *"residual-terms     PASS"* ]] || { printf '%s\n' "$output" >&2; return 1; }
    [[ "$output" == *"residual-detectors PASS"* ]] || { printf '%s\n' "$output" >&2; return 1; }
    st hq open "$W/$id.b" -o "$W/out-$id" >/dev/null
    [ "$(cat "$W/out-$id/$id-attachment-1.txt")" = "$want" ]
    for s in "$@"; do
        ! grep -rqF -e "$s" "$W/out-$id" || { printf 'leaks %s at hq\n' "$s" >&2; return 1; }
    done
}

@test "attach-text16: ids in any separator, split and glued names and places leave replaced from .txt, .md, .csv and .json, and hq's audit agrees (R-7, R-9, R-3, R-20, R-18)" {
    printf 'MX/77/4410 and MX#77#4410. 한#지#숙 씨. Khovdsum, Khovd2019. 함북회령, 평북신의주.\n' >"$W/a.txt"
    leaves_as a.txt '[ID-1] and [ID-1]. Won-sim 씨. [PLACE-1], [PLACE-1]. [PLACE-2], [PLACE-3].' \
        4410 "77#" 지숙 Khovd 회령 신의주
    printf '# Notes\n\n- MX.77.4410 at 양강도혜산\n- 한★지★숙 씨, 2019Khovd\n' >"$W/b.md"
    leaves_as b.md $'# Notes\n\n- [ID-1] at [PLACE-1]\n- Won-sim 씨, [PLACE-2]' 4410 혜산 지숙 Khovd
    printf 'id\tplace\tfamily\tgiven\nMX_77_4410\t함경북도회령\tKim\tYoung-ho\nMX\t77\t4410\tYoung-ho\n' >"$W/c.csv"
    leaves_as c.csv $'id\tplace\tfamily\tgiven\n[ID-1]\t[PLACE-1]\tWon-sim\tWon-sim\n[ID-1]\t[ID-1]\t[ID-1]\tWon-sim' \
        4410 회령 Young
    printf '{"id": "MX…77…4410", "place": "평안북도신의주시", "note": "한…지…숙 씨, Khovdaimag"}\n' >"$W/d.json"
    leaves_as d.json '{"id": "[ID-1]", "place": "[PLACE-1]시", "note": "Won-sim 씨, [PLACE-2]"}' \
        4410 신의주 지숙 Khovd
}

@test "attach-text16: a table's comma never joins a term: a name across CSV cells is replaced cell by cell, the row keeps its four cells and the date under dob is read as labelled" {
    printf 'family,given,phone,dob\n김,영호,010-4821-7395,750314\n' >"$W/e.csv"
    leaves_as e.csv $'family,given,phone,dob\nWon-sim,Won-sim,[PHONE-1],[DATE-1]' 영호 4821 750314
    printf 'a;b;c\n한;지;숙\n' >"$W/f.csv"
    leaves_as f.csv $'a;b;c\nWon-sim;Won-sim;Won-sim' 지 숙
}
