#!/usr/bin/env bats
# A registered name written in another script or transcription system than
# any it was registered in (issue 12, report-adv12e F12 and F28; brief
# i12-scripts) end to end on the real binary: redact, export, the body at
# headquarters and its audit.  The full set of cases is
# tests/data/leaks/scripts.jsonl (unit test test_leaks_names); the rules
# are docs/VARIANTS.md, "Other scripts and transcriptions".

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

# flagged SUBJECT-ARGS TEXT FLAG: a record of TEXT is held by a
# transcription review flag on FLAG: redact exits 1 and names it, export
# writes nothing.
flagged() {
    local p id
    # shellcheck disable=SC2086
    p=$(eval "st field subject add $1")
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" "$2")
    run --separate-stderr st field redact "$id" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t[0-9]+\t[0-9]+\ttranscription\tunresolved\t'"$3"'$' ||
        { printf '%s\n' "$output" >&2; false; }
    run --separate-stderr st field export --to hq --all -o "$W/x.bundle"
    expect_status 1
    [ ! -e "$W/x.bundle" ]
}

@test "leaks-scripts: a Mongolian name in the Mongolian script, in Chinese and in Hangul is replaced" {
    redacts_to '--name "Батбаярын Алтангэрэл" --name Altangerel --locale mn --pseudonym Tulga' \
        'ᠠᠯᠲᠠᠨᠭᠡᠷᠡᠯ ирсэн. 阿拉坦格日勒来了。 알탄게렐이 왔다.' \
        'Tulga ирсэн. Tulga来了。 Tulga이 왔다.'
    exports_clean ᠠᠯᠲᠠᠨᠭᠡᠷᠡᠯ 阿拉坦格日勒 알탄게렐
}

@test "leaks-scripts: the classical spelling of a name in the Mongolian script is replaced" {
    redacts_to '--name Болдбаатар --name Boldbaatar --locale mn --pseudonym Tulga' \
        'ᠪᠣᠯᠣᠳᠪᠠᠭᠠᠲᠤᠷ ирсэн. 볼드바타르가 왔다.' \
        'Tulga ирсэн. Tulga가 왔다.'
    exports_clean ᠪᠣᠯᠣᠳᠪᠠᠭᠠᠲᠤᠷ 볼드바타르
}

@test "leaks-scripts: an English name in Hangul, in Chinese and in Russian is replaced" {
    redacts_to '--name "Sarah Whitfield" --locale en --pseudonym Tulga' \
        '사라 휘트필드가 왔다. 萨拉·惠特菲尔德来了。 Сара Уитфилд пришла.' \
        'Tulga가 왔다. Tulga来了。 Tulga пришла.'
    exports_clean 휘트필드 惠特菲尔德 Уитфилд
}

@test "leaks-scripts: the pinyin of a Korean name's Hanja and of a Chinese transcription is replaced" {
    redacts_to '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Rim-il' \
        'Jin Zhongzhu came. Jin Zhong Zhu came.' \
        'Rim-il came. Rim-il came.'
    redacts_to '--name Altangerel --locale mn --pseudonym Tulga' \
        'Alatan Gerile came.' 'Tulga came.'
    exports_clean Zhongzhu Zhong Alatan Gerile
}

@test "leaks-scripts: one word of a name in Hangul is a review flag, and replaced before a word of address" {
    # 씨 marks a person: replaced since ko19 (D-55); alone before a verb: a flag.
    redacts_to '--name "Sarah Whitfield" --locale en --pseudonym Tulga' '휘트필드 씨가 왔다.' 'Tulga 씨가 왔다.'
}

@test "leaks-scripts: the pinyin of a given name alone is a review flag" {
    flagged '--name 김종수 --locale ko --pseudonym Rim-il' 'Zhongzhu came.' Zhongzhu
}

@test "leaks-scripts: a short name in Hangul is a review flag where a particle marks a person" {
    flagged '--name Өлзий --name Ulzii --locale mn --pseudonym Tulga' '울지에게 들었다.' 울지
}

@test "leaks-scripts: ordinary words that share a name's consonants are left" {
    redacts_to '--name "Sarah Whitfield" --name Ulzii --locale en --pseudonym Tulga' \
        '울지 마. 말갈 뒤에 알 수 없는 땅. Freedom and Liability. 中国人来了。' \
        '울지 마. 말갈 뒤에 알 수 없는 땅. Freedom and Liability. 中国人来了。'
}
