#!/usr/bin/env bats
# Brief s38 script38 (report-adv37 P-1, P-2, W-1; docs/PSEUDONYMS.md,
# "Session 38"), end to end on the real binary: a pseudonym in another
# script is read into Latin and judged as a Latin one; an emoji tag
# sequence (a subdivision flag) is allowed in one-line fields, a tag
# character elsewhere is not.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

# field_refused MESSAGE ARGS...: intake ARGS on the cheap store exits 2 with
# "intake: MESSAGE" (helpers.bash's refused, which leaks-names.bash hides).
field_refused() {
    local msg=$1
    shift
    run --separate-stderr ik "$@"
    expect_status 2
    [ "$stderr" = "intake: $msg" ] || { printf 'got: %s\n' "$stderr" >&2; return 1; }
}

@test "pseudonym-38: the person's own name in another script is refused (P-1)" {
    # adv37's tries: Mongolian script, Tibetan, Georgian, Armenian, Greek
    each_refused "노지호|Roh Ji-ho" "ᠵᠢᠬᠣ" "ཇི་ཧོ" "ჯიჰო" "Ջիհո" "Ζίχο"
    # Thai, Devanagari, Arabic script
    each_refused "류하은" "ฮาอึน" "हाउन" "هاون"
    each_refused "Ольга Сергеевна Пак" "Όλγα" "ოლგა"
    each_refused "Ірина Любомирівна Шевчук" "Ειρήνη"
    each_refused "Батсүхийн Ганбаатар|Ganbaatar Batsukh" "Γκανμπαατάρ"
    # the same kind, other names and scripts
    each_refused "Иван Петров" "Ιβάν" "ივანე" "Իվան" "इवान" "อีวาน" "ايفان" "Πετρόφ" "პეტროვი"
    each_refused "Maria Lopez" "Μαρία" "მარია" "Մարիա" "मारिया" "มาเรีย" "ماريا"
    each_refused "Бат-Эрдэнэ" "Μπατ-Ερντενέ" "ბატ-ერდენე"
}

@test "pseudonym-38: the father's name in the Mongolian script (P-2)" {
    each_refused "Батсүхийн Ганбаатар|Ganbaatar Batsukh" "ᠪᠠᠲᠤᠰᠦᠬᠡ"
    each_refused "Батсүх" "ᠪᠠᠲᠤᠰᠦᠬᠡ"
}

@test "pseudonym-38: other names in those scripts stay free" {
    each_accepted "노지호" "ნინო" "Ελένη" "Σοφία" "मीरा" "ซากุระ" "نور" "Μάρκος" "Արամ"
    each_accepted "Иван Петров" "ᠪᠠᠲᠤ" "Νίκος" "გიორგი" "राहुल" "أحمد" "มาลี" "ᠰᠠᠷᠠ"
    each_accepted "류하은" "Γιάννης" "თამარ" "प्रिया" "فاطمة" "Անի"
}

@test "pseudonym-38: an emoji tag sequence is a flag in every one-line field; a tag character elsewhere is refused (W-1)" {
    local wales=$'\U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F'
    local scot=$'\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F'
    each_accepted "Ольга Сергеевна Пак" "$scot Highland" "Welsh $wales"
    init_cheap
    ik subject add --name "Kim Jong-su" --pseudonym P >/dev/null
    run --separate-stderr ik label "Team $wales"
    expect_status 0
    run --separate-stderr ik record P --title "From $wales" --tag "$scot" --date 2024-03-15 <<<"We met at noon."
    expect_status 0
    # a tag letter after a letter (Mi<tag A>a), a tag run without its flag
    # or its CANCEL TAG, capital tag letters: refused
    run --separate-stderr ik subject add --name "Bold Test" --pseudonym $'Mi\U000E0041a'
    expect_status 2
    [ "$stderr" = "intake: --pseudonym must be 1 to 64 characters of plain text" ]
    field_refused "--title contains an invisible or direction-changing character (U+E0067); type it without" \
        record P --title $'a\U000E0067\U000E0062\U000E007F'
    field_refused "--title contains an invisible or direction-changing character (U+E0062); type it without" \
        record P --title $'\U0001F3F4\U000E0067\U000E0062'
    field_refused "card label contains a control or invisible character (U+E0047) (see 'intake help label')" \
        label $'\U0001F3F4\U000E0047\U000E0042\U000E007F'
    # Tibetan stacks its letters with subjoined forms, not ZWJ: refused
    run --separate-stderr ik subject add --name "Bold Test" --pseudonym $'\u0F47\u200D\u0F72'
    expect_status 2
    [ "$stderr" = "intake: --pseudonym must be 1 to 64 characters of plain text" ]
}
