#!/usr/bin/env bats
# The spelling and mark kinds issue 12 still had open (brief i12-spell,
# report-adv12e) end to end on the real binary: export, the body shown at
# headquarters and the audit there.  The full set of cases is
# tests/data/leaks/spell.jsonl (unit test test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-spell: tense, aspirated and y-glide spellings of a Korean given name are replaced (F26)" {
    redacts_to '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Rim-il' \
        '쫑수가 왔다. 종쑤가 왔다. 죵수가 왔다. 쫑쑤가 왔다. 종슈가 왔다. 쫑수씨가 왔다. 촌수가 멀다.' \
        'Rim-il가 왔다. Rim-il가 왔다. Rim-il가 왔다. Rim-il가 왔다. Rim-il가 왔다. Rim-il씨가 왔다. 촌수가 멀다.'
    exports_clean 쫑수 종쑤 죵수 쫑쑤 종슈
}

@test "leaks-spell: a Korean name in Yale, with or without a hyphen, is replaced (F27)" {
    redacts_to '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Rim-il' \
        'Kim Congswu came. Kim Cong Swu came. Congswu came.' \
        'Rim-il came. Rim-il came. Rim-il came.'
    exports_clean Congswu Cong Swu
}

@test "leaks-spell: digits standing for letters in Cyrillic and Latin names are read (F17, F40)" {
    redacts_to '--name Болдбаатар --name Boldbaatar --locale mn --pseudonym Tulga' \
        'Б0лдбаатар ирсэн. Б0ЛДБААТАР ирсэн. Б0лдбаатарын ах. Болд6аатар ирсэн.' \
        'Tulga ирсэн. Tulga ирсэн. Tulga ах. Tulga ирсэн.'
    exports_clean Б0лд Б0ЛД Болд6
}

@test "leaks-spell: a name read with a 1 for l or i, or with 11 for ii, is replaced (F17)" {
    redacts_to '--name Өлзий --name Ulzii --locale mn --pseudonym Tulga' \
        'Ulz11 came. Өлз1й ирсэн.' 'Tulga came. Tulga ирсэн.'
    exports_clean Ulz11 Өлз1й
}

@test "leaks-spell: text inside any bidirectional control is a review flag and blocks export (F13)" {
    blocked '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Rim-il' \
        "$(printf '\u2067us-gnoJ miK\u2069 came.')" mixed-script '\u{2067}us-gnoJ miK'
    # The report shows the control escaped; the embedding and the
    # override forms too.
    ID=$(record Rim-il "$(printf '\u202bus-gnoJ\u202c came. \u2068us-gnoJ\u2069 came.')")
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    [[ "$output" == *'mixed-script	unresolved	\u{202B}us-gnoJ'* ]]
    [[ "$output" == *'mixed-script	unresolved	\u{2068}us-gnoJ'* ]]
}

@test "leaks-spell: punctuation between a name's parts does not hide it (F22)" {
    redacts_to '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Rim-il' \
        'Jong/su came. Jong\su came. Jong|su came. Jong:su came.' \
        'Rim-il came. Rim-il came. Rim-il came. Rim-il came.'
    exports_clean Jong/su 'Jong\su' 'Jong|su' Jong:su
}

@test "leaks-spell: a surname one letter off is a near-name review flag (beside the given name, replaced by its consonants); a dictionary word is not (F18)" {
    # Whitfeeld, a spelling the variant rules make of Whitfield, is replaced
    # since allow18 (D-15: `allow` refused it as the name); Whitfielx is
    # one letter off and no spelling of it.
    blocked '--name "Sarah Whitfield" --locale en --pseudonym Tulga' \
        'Sarah Whitfeld came. Whitfeeld came. Whitfielx came.' near-name Whitfielx
    ID=$(record Tulga 'The waiters came at the whitefield.')
    run --separate-stderr st field redact "$ID" --report
    [[ "$output" != *"near-name	unresolved	waiters"* ]]
}

@test "leaks-spell: a name with a masked letter is a near-name review flag (F14)" {
    blocked '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Rim-il' \
        'Kim J*ng-su came.' near-name 'J*ng-su'
}

@test "leaks-spell: other names of a protected place with foreign case endings are replaced (F41)" {
    st field subject add --name 김종수 --locale ko --pseudonym Rim-il --term place:청진 --term place:평양 >/dev/null
    st field consent Rim-il --export yes --method verbal 2>/dev/null
    record Rim-il 'Il vient de Tchongjin. Z Čchondžinu. Z Pchjongjangu. Z Phenianu. Phenjanból jött. Csongdzsinból.' >/dev/null
    exports_clean Tchongjin Čchondžin Pchjongjang Phenian Phenjan Csongdzsin
}

@test "leaks-spell: a Hanja surname glued to a Latin given name goes with it (F2)" {
    redacts_to '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Rim-il' \
        '金Jong-su가 왔다.' 'Rim-il가 왔다.'
    exports_clean 金 Jong-su
}

@test "leaks-spell: a one-syllable given name with Korean or romanised address is flagged (F15, F30)" {
    blocked '--name 박민 --name "Park Min" --locale ko --pseudonym Tulga' \
        'Min이가 왔다. Min-ah, come here.' short-name Min
}
