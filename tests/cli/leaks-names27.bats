#!/usr/bin/env bats
# Brief s27 names27 (issue 12; report-adv26a D-8, D-14, D-16, D-20), end to
# end on the real binary, one test per kind: a registered foreign name's
# word in Chinese characters or katakana beside a title, 小/老 or a name dot
# is replaced, a registered Korean surname's Hanja so marked is a
# title-name flag, an unregistered Arabic or Malay name with bin/binti/al/
# Al- is a lineage-name flag, a Mongolian patronym in the genitive is read
# in Hangul as the given name is.  The full set of cases, with neighbours
# and guards: tests/data/leaks/names27.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-names27: a registered foreign name's word in Han or katakana beside a title or a name dot is replaced (D-8)" {
    redacts_to '--name "Daniel Morgan" --pseudonym Tom' \
        '丹尼尔·摩根来了。摩根先生来了。小摩根来了。モーガンさんが来た。王先生也来了。' \
        'Tom来了。Tom先生来了。小Tom来了。Tomさんが来た。王先生也来了。'
}

@test "leaks-names27: a registered Korean surname's Hanja after 小/老 or before a title is a review flag (D-20)" {
    blocked '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Kang-ho' \
        '金先生来了。' title-name '金先生'
}

@test "leaks-names27: an unregistered name with bin, binti, al or Al- is a review flag that stops the export (D-14)" {
    blocked '--name "Ahmad Faizal bin Rahman" --pseudonym Ali' \
        'The boss, Fahad Al-Azmi, kept the passports.' lineage-name 'Fahad Al-Azmi'
}

@test "leaks-names27: a Mongolian patronym in the genitive is replaced in Hangul as the given name is (D-16)" {
    redacts_to '--name "Батбаярын Алтангэрэл" --name Altangerel --locale mn --pseudonym Sarnai' \
        '바트바야링 알탄게렐. 바타바야르가 왔다. 바다를 보았다.' \
        'Sarnai. Sarnai가 왔다. 바다를 보았다.'
    # patronym and given name side by side are one person, one pseudonym
    # (session 32, ph32: adjacent hits of one subject are one replacement)
}
