#!/usr/bin/env bats
# Brief s22 ukr22 (issue 12, report-adv21b), end to end on the real
# binary, one test per kind: the Ukrainian and Belarusian form of a
# registered Russian given name in its cases and Latin systems, Ukrainian
# and Russian diminutives and vocatives of its short forms, and an English
# given name written in Cyrillic.  Replaced forms leave nothing at hq
# (audit --strict).  The full set of cases, with the ordinary words that
# must stay: tests/data/leaks/ukr22.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-ukr22: the Ukrainian and Belarusian form of a Russian given name is replaced in its cases and Latin spellings (1)" {
    redacts_to '--name "Александр Кузнецов" --locale en --pseudonym Orel' \
        'Ołeksandr Kuzniecow przyszedł. Z Ołeksandrem rozmawiałem. Олександрові дав. Аляксандра бачили. Люди прийшли.' \
        'Orel przyszedł. Z Orel rozmawiałem. Orel дав. Orel бачили. Люди прийшли.'
    strict_clean 'Ołeks' 'Олекс' 'Аляк'
    strict_audit_passes
}

@test "leaks-ukr22: Ukrainian and Russian diminutives and vocatives of a short form are replaced in their cases (2)" {
    redacts_to '--name "Наталья Петрова" --name "Александр Кузнецов" --locale en --pseudonym Orel' \
        'Сашко прийшов. Сашечкой звали. Наталочку бачив. Натусей звали. Наташо! Санки стояли.' \
        'Orel прийшов. Orel звали. Orel бачив. Orel звали. Orel! Санки стояли.'
    strict_clean 'Саш' 'Натал' 'Нату' 'Наташ'
    strict_audit_passes
}

@test "leaks-ukr22: an English given name or short form written in Cyrillic is replaced (3)" {
    redacts_to '--name "Maggie Wilson" --locale en --pseudonym Helen' \
        'Мэгги Уилсон пришла. Мегги пришла. Меґі прийшла. Сарай сгорел.' \
        'Helen пришла. Helen пришла. Helen прийшла. Сарай сгорел.'
    strict_clean 'Мэгги' 'Мегги' 'Меґі' 'Уилсон'
    strict_audit_passes
}
