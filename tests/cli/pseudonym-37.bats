#!/usr/bin/env bats
# Brief s37 pseud37 (report-adv36b W-4, P-1, F-1..F-4, W-5, W-6;
# docs/PSEUDONYMS.md, "Session 37"), end to end on the real binary:
# a pseudonym in a script without case or spaces is judged on its letters,
# a Han surname by every reading of its character, and a mark that shapes
# a letter is taken only where it shapes one.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

# each_refused NAME PSEUDONYM...: each refused as a form of NAME (exit 2).
each_refused() {
    local name=$1 p
    shift
    for p in "$@"; do
        rm -rf "$T/r" && mkstore r
        run st r subject add --name "$name" --pseudonym "$p"
        refused "$p"
    done
}

# each_unplain PSEUDONYM...: each refused by the field rule (exit 2).
each_unplain() {
    local p
    for p in "$@"; do
        rm -rf "$T/f" && mkstore f
        run st f subject add --name "Иван Петров" --pseudonym "$p"
        [ "$status" -eq 2 ] && [ "$output" = "intake: --pseudonym must be 1 to 64 characters of plain text" ] ||
            { printf 'pseudonym %s: status %s, got: %s\n' "$p" "$status" "$output" >&2; return 1; }
    done
}

@test "pseudonym-37: a pseudonym in a script without case is judged on its letters (W-4)" {
    each_accepted "Иван Петров" "ᠪᠠᠲᠤ ᠮᠥᠩᠬᠡ" "ᠪᠠᠲᠤ" "ཀཁག" "ܐܒܓ" "ߊߓߌ" "สมชาย" "각"
    each_refused "Бат Эрдэнэ" "ᠪᠠᠲᠤ" "ᠡᠷᠳᠡᠨᠢ"
    each_refused "Мөнх Бат" "ᠮᠥᠩᠬᠡ"
    each_refused "Батболд" "ᠪᠠᠲᠤᠪᠣᠯᠣᠳ"
}

@test "pseudonym-37: a Han surname by every reading of its character (P-1)" {
    each_refused "김민준" "金"
    each_refused "Kim Min-jun" "金"
    each_refused "차민수" "車"
    each_refused "양민수" "梁"
    each_refused "金民俊" "김"
    each_accepted "이민호" "金"
    each_accepted "김민준" "今" "李"
}

@test "pseudonym-37: a shaping mark only where it shapes a letter (F-1..F-4)" {
    each_unplain $'Tara\u180eMoon' $'Tara\u2800Moon' $'Tara\u180bMoon' $'Tara\ufe0fMoon' \
        $'Tara\u200cMoon' $'Tara\u200dMoon' $'Tara\ufe00Moon'
    each_accepted "Иван Петров" $'ᠪᠠᠶᠢᠨ\u180eᠠ' $'ᠪᠠ\u180bᠲᠤ' $'Tara \u2764\ufe0f' "Tara Moon"
}

@test "pseudonym-37: ZWNJ and ZWJ where a script uses them; one pseudonym with or without (W-5, W-6)" {
    each_accepted "Иван Петров" $'نیک\u200cنام' $'👨\u200d👩\u200d👧' $'क्\u200dष'
    mkstore s
    run -0 st s subject add --name "Иван Петров" --pseudonym $'نیک\u200cنام'
    run st s subject add --name "Олег Сидоров" --pseudonym 'نیکنام'
    [ "$status" -eq 2 ]
    [ "$output" = "intake: pseudonym 'نیکنام' is taken: the subject 'نیک\u{200C}نام' has it (pseudonyms that differ only by case, spaces or hyphens are one); choose another" ]
}
