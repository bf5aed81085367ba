#!/usr/bin/env bats
# Brief s33 sur33, end to end on the real binary (report-adv32 W-1): a
# pseudonym is refused when it IS a form of the name, not when one of its
# words shares the first four letters of a name's form.  Each word of a
# pseudonym of several words is a name in its own right: a start of fewer
# than five letters before a diminutive ending counts there only as the
# whole form (or all but its last letter) of a name's own spelling or
# listed short form (privacy/pseudonym_form.c, ends_after_start).  Still
# refused, in the same store: the name's own forms and diminutives.
# Left refused, though W-1 says they should pass (report-sur33: other
# checks refuse them, causes written there): Дарина Ковальчук, Darina
# Holt, Peter Pan, Petra Novak, and "Bold Gerel" beside a generated
# Gerel-gan.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "pseudonym-sur33: a surname sharing four letters with the name's is another name (W-1)" {
    run -0 st field subject add --name "Дарья Сергеевна Петрова" --name "Darya Petrova" --pseudonym "Ира Петренко"
    [ "$output" = "Ира Петренко" ]
}

@test "pseudonym-sur33: the name's forms and diminutives are still refused beside it" {
    local p
    for p in "Darya Holt" "Dasha Holt" "Дашуля Ковальчук" "Петрова Ира" "Petrova Holt" "D.S. Petrova"; do
        run st field subject add --name "Дарья Сергеевна Петрова" --name "Darya Petrova" --pseudonym "$p"
        refused "$p"
    done
    # a real diminutive in a pseudonym of two words: Kolyan of Николай
    st field subject add --name "Nikolai Petrenko" --pseudonym "Adam West" >/dev/null
    run st field subject add --name "Olga Smirnov" --pseudonym "Kolyan Fox"
    refused "Kolyan Fox"
    # the surname's start alone, one word, is still refused (leaks-pseud29)
    run st field subject add --name "Olga Smirnov" --pseudonym Petro
    refused Petro
}
