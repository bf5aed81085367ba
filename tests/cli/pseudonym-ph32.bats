#!/usr/bin/env bats
# Brief s32 ph32, end to end on the real binary (docs/PSEUDONYMS.md,
# "Session 32").  Kind A (report-adv30 O-2): a Russian name starting with
# в (Вера) is no longer read as "Ber-" (the old English b for Mongolian
# в, which belongs inside a word), so a stored pseudonym "Tom Berg" does
# not refuse a subject Вера Кузнецова.  Kind B (report-adv30 P-3): a
# pseudonym made of the name's initials before another surname ("O.K.
# Park" for Kim Ok-kyung) is refused.  Kind C (report-adv31 W-2): a
# subject's given name and surname side by side are replaced by one
# pseudonym.  More cases: tests/data/leaks/ph32.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "pseudonym-ph32: a stored pseudonym Tom Berg or Anna Berg refuses no Вера (O-2)" {
    st field subject add --name "Иван Кузьмин" --pseudonym "Tom Berg" >/dev/null
    run -0 st field subject add --name "Вера Кузнецова" --pseudonym "Olga Lind"
    [ "$output" = "Olga Lind" ]
    run -0 st field subject add --name "Валентина Орлова" --pseudonym "Anna Berg"
    [ "$output" = "Anna Berg" ]
    # a real form still refuses: Вера's own spellings, a short form
    run st field subject add --name "Вера Кузнецова" --pseudonym "Vera Hill"
    refused "Vera Hill"
    run st field subject add --name "Вера Кузнецова" --pseudonym "Verochka"
    refused "Verochka"
}

@test "pseudonym-ph32: the name's initials before another surname are refused; other initials pass (P-3)" {
    run st field subject add --name "Kim Ok-kyung" --pseudonym "O.K. Park"
    refused "O.K. Park"
    run st field subject add --name "Kim Ok-kyung" --pseudonym "O. K. Park"
    refused "O. K. Park"
    run -0 st field subject add --name "Kim Ok-kyung" --pseudonym "J.D. Smith"
    [ "$output" = "J.D. Smith" ]
    run -0 st field subject add --name "Батсүх" --pseudonym "T.R. Hill"
    [ "$output" = "T.R. Hill" ]
}

@test "pseudonym-ph32: a subject's given name and surname side by side are one pseudonym (W-2)" {
    redacts_to '--name "Олександр Мирославович Коваленко" --pseudonym "Iris Mason"' \
        "Саша Коваленко прийшов." "Iris Mason прийшов."
}
