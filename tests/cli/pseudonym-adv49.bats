#!/usr/bin/env bats
# The pseudonym attempts of session 49's black-box attack (docs/outside/
# report-adv49.md, store "ps"), end to end on the real binary: spellings,
# short forms and other-script forms of the person's own name are refused
# with the one message; ordinary pseudonyms are accepted. The attempts
# accepted wrongly are open (skipped) until the pseudonym check reads them.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-adv49: own names in French, Tajik, Cyrillic and Georgian forms are refused" {
    each_refused "عبد الله حداد" "Abdallah Penn"
    each_refused "حبيب الله رسولي" "Habibullo Kerr"
    each_refused "مصطفى نور" "Мустафа Грей"
    each_refused "თამარ ბერიძე" "Tamuna Reis"
}

@test "pseudonym-adv49: own short forms, transliterations and diminutives are refused" {
    each_refused "Евгений Косой|Yevgeniy Kosoy" "Zhenya Pratt"
    each_refused "Людмила Орлова|Liudmyla Orlova" "Mila Grant"
    each_refused "Ерлан Сейтқали|Yerlan Seitkali" "Erlan Brook"
    each_refused "Ганна Чорна|Hanna Chorna" "Ганнуся Вейл"
}

@test "pseudonym-adv49: ordinary pseudonyms are accepted" {
    each_accepted "Ольга Бондар" "Tess Moray"
    each_accepted "فريد حمدان" "Lou Perrin"
    each_accepted "Алия Нурланова" "Kate Ormsby"
}

@test "pseudonym-adv49: Hatice for خدیجه (adv49 L-18)" {
    each_refused "خدیجه کریمی" "Hatice Lowe"
}

@test "pseudonym-adv49: Greg for Grigoriy (adv49 L-19)" {
    each_refused "Григорий Лысый|Grigoriy Lysyy" "Greg Lawson"
}
