#!/usr/bin/env bats
# Lead s25 (issues 12 and 13: review flags a person can clear), end to end
# on the real binary, one test per kind: a Russian, Ukrainian or
# Belarusian sentence opened by a preposition before a capitalised place
# raises no review flag (report-adv25a F-1: 21 of 21 were flagged), while
# a name after the preposition is still one.  The full set of cases:
# tests/data/leaks/flags25.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-flags25: a sentence opened by a preposition before a place is no name; a name after one still is" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'В России рабочие жили в общежитиях. Из Кувейта мы уехали.' \
        'В России рабочие жили в общежитиях. Из Кувейта мы уехали.'
    blocked '--name "Park Min-ho" --pseudonym Chol' 'С Иваном Петровым мы работали.' \
        cyrillic-name 'Иваном Петровым'
}
