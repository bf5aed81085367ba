#!/usr/bin/env bats
# Brief s28 pseud28, end to end on the real binary, one test per kind.
# Kind A (report-adv27c H-9, report-adv27a O-1): a word of a record is
# never replaced by a subject's pseudonym because a rule read a piece of a
# name or its initials in it: «Ко» (a piece of Коваленко, and К.О.) and
# "O.K." (O. K., Oleksandr Kovalenko's initials) stay.  Kind B (report-
# adv27c H-10): a pseudonym that is the start of a real name, or a
# diminutive of one (Dani, Danno, Mo, Morg of Daniel Morgan; Alex of Алексей;
# Koval of Коваленко), is refused by subject add and subject rename
# (docs/PSEUDONYMS.md, "A pseudonym that is a form of a name").  More
# cases: tests/data/leaks/pseud28.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-pseud28: a common word that is a piece or the initials of another subject's name keeps its place (H-9, O-1)" {
    st field subject add --name "Олександр Коваленко" --name "Oleksandr Kovalenko" --pseudonym Dmytro >/dev/null
    redacts_to '--name "Sarah Whitfield" --pseudonym Emma-en' \
        "Ко мені прийшли сусіди. It's O.K., we can wait." \
        "Ко мені прийшли сусіди. It's O.K., we can wait."
}

@test "leaks-pseud28: subject add refuses a pseudonym that starts a name or is its diminutive (H-10)" {
    local p
    for p in Dani Danno Mo Danny; do
        run -2 st field subject add --name "Daniel Morgan" --pseudonym "$p"
        [ "$output" = "intake: pseudonym '$p' is taken or matches a real name in the store; choose another" ] || { printf 'got: %s\n' "$output" >&2; return 1; }
    done
    run -2 st field subject add --name "Алексей Смирнов" --pseudonym Alex
    [ "$output" = "intake: pseudonym 'Alex' is taken or matches a real name in the store; choose another" ]
    run -2 st field subject add --name "Олександр Коваленко" --pseudonym Koval
    [ "$output" = "intake: pseudonym 'Koval' is taken or matches a real name in the store; choose another" ]
    run -0 st field subject add --name "Daniel Morgan" --pseudonym Tom
    [ "$output" = "Tom" ]
    # another subject's name too, and a generated pseudonym still comes
    run -2 st field subject add --name "Sarah Whitfield" --pseudonym Morg
    [ "$output" = "intake: pseudonym 'Morg' is taken or matches a real name in the store; choose another" ]
    run -0 st field subject add --name "Sarah Whitfield"
    [ -n "$output" ]
}

@test "leaks-pseud28: subject rename refuses a pseudonym that starts a name or is its diminutive (H-10)" {
    st field subject add --name "Daniel Morgan" --pseudonym Tom >/dev/null
    run -2 st field subject rename Tom Dani
    [ "$output" = "intake: pseudonym 'Dani' is taken or matches a real name in the store; choose another" ]
    run -2 st field subject rename Tom Mo
    [ "$output" = "intake: pseudonym 'Mo' is taken or matches a real name in the store; choose another" ]
    run -0 st field subject rename Tom Peter
}
