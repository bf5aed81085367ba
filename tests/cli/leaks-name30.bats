#!/usr/bin/env bats
# Brief s30 name30, end to end on the real binary (docs/PSEUDONYMS.md,
# "Session 30").  Kind A (report-adv29c K-8, K-9, K-10): a pseudonym that
# is a Russian short form the lists lacked (Dasha, Slava, Zhora) or the
# name with its stroked letter (Łukasz for Lukasz) is refused by subject
# add, and the short form is replaced in testimony.  Kind B (K-17): a
# Latin name's spellings keep its first consonant: a stored pseudonym
# "Joe Shaw" no longer refuses a Zoe, while Kate, a real short form of
# Ekaterina, still does.  More cases: tests/data/leaks/name30.jsonl
# (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-name30: subject add refuses a Russian short form the lists lacked, and one with a stroked letter (K-8, K-9, K-10)" {
    run st field subject add --name "Darya Belova" --name "Дарья Белова" --pseudonym "Dasha Pine"
    refused "Dasha Pine"
    run st field subject add --name "Vyacheslav Gusev" --name "Вячеслав Гусев" --pseudonym "Slava Pine"
    refused "Slava Pine"
    run st field subject add --name "Georgy Kuzmin" --name "Георгий Кузьмин" --pseudonym "Zhora Pine"
    refused "Zhora Pine"
    run st field subject add --name "Lukasz Nowak" --pseudonym "Łukasz Pine"
    refused "Łukasz Pine"
    run -0 st field subject add --name "Lukasz Nowak" --pseudonym "Quiet River"
    [ "$output" = "Quiet River" ]
}

@test "leaks-name30: the short form is replaced in testimony (K-8)" {
    redacts_to '--name "Darya Belova" --name "Дарья Белова" --pseudonym "Anna Berg"' \
        "Даша сказала, а Dasha told me." "Anna Berg сказала, а Anna Berg told me."
}

@test "leaks-name30: a stored Joe Shaw refuses no Zoe; a stored Kate Kelly still refuses an Ekaterina (K-17)" {
    st field subject add --name "Abc Deff" --pseudonym "Joe Shaw" >/dev/null
    run -0 st field subject add --name "Zoe Adams" --pseudonym "Silver Lake"
    [ "$output" = "Silver Lake" ]
    st field subject add --name "Abd Deff" --pseudonym "Kate Kelly" >/dev/null
    run -2 st field subject add --name "Ekaterina Orlova" --name "Екатерина Орлова" --pseudonym "Grey Hill"
    [ "$output" = "intake: this name or term is read in the pseudonym 'Kate Kelly' (a spelling or short form of it), which must never be someone's real name; first run 'intake subject rename Kate Kelly NEW'; nothing was changed" ] ||
        { printf 'got: %s\n' "$output" >&2; return 1; }
}
