#!/usr/bin/env bats
# Brief s29 place29 (issue 12 kind 4; report-adv28a I-1, I-2, I-8, I-9,
# report-adv28c J-5, J-8), end to end on the real binary, one test per
# kind: a registered place's former and other names (GeoNames' lines for
# UA, RU, MY, KW); a place or employer in its Ukrainian and Russian cases,
# other East Slavic spelling and Latin spellings; an employer's
# distinctive word with other generic words.  The full set of cases, with
# guards: tests/data/leaks/place29.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-place29: a registered place's former and other names are replaced (I-1, J-5)" {
    st field term add place:Кропивницький >/dev/null
    st field term add place:Mariupol >/dev/null
    st field term add place:Penang >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'Раньше город назывался Кировоград. He lived in Zhdanov then. 在槟城打工。 Я пришёл ровно в пять.' \
        'Раньше город назывался [PLACE-1]. He lived in [PLACE-2] then. 在[PLACE-3]打工。 Я пришёл ровно в пять.'
}

@test "leaks-place29: a place or employer in its cases and other spellings is replaced (I-2, I-8, J-8)" {
    st field term add place:Кропивницький >/dev/null
    st field term add employer:Азовсталь >/dev/null
    st field term add employer:Укрзалізниця >/dev/null
    st field term add employer:Metinvest >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'Я жив у Кропивницькому. Він пишався Азовсталлю. Он работал в Укрзализныце. Ukrzaliznytsya hired him. Працював на Метінвесті.' \
        'Я жив у [PLACE-1]. Він пишався [EMPLOYER-1]. Он работал в [EMPLOYER-2]. [EMPLOYER-2] hired him. Працював на [EMPLOYER-3].'
}

@test "leaks-place29: an employer's distinctive word with other generic words is replaced (I-9)" {
    st field term add 'employer:Эрдэнэт Үйлдвэр' >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'He worked at Erdenet Mining Corporation. Үйлдвэрт олон хүн ажилладаг.' \
        'He worked at [EMPLOYER-1] Mining Corporation. Үйлдвэрт олон хүн ажилладаг.'
}
