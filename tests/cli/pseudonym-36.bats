#!/usr/bin/env bats
# Brief s36 pseud36 (report-adv34 P-1..P-4, W-1; docs/PSEUDONYMS.md,
# "Session 36"), end to end on the real binary: `subject add --pseudonym`
# refuses a pseudonym that is a form of the person's own name in any
# script (exit 2, "pseudonym 'X' is taken or matches a real name in the
# store; choose another") and accepts another given name or surname.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

# each_refused NAME PSEUDONYM...: each pseudonym refused for a subject NAME.
each_refused() {
    local name=$1 p
    shift
    for p in "$@"; do
        run st field subject add --name "$name" --pseudonym "$p"
        refused "$p"
    done
}

@test "pseudonym-36: the Russian counterpart of a Ukrainian given name, and back, in any script (P-1)" {
    each_refused "Надія Коваленко" "Nadezhda Bell" "Надежда Белова" "Надя Белова" "Nadiia Bell"
    each_refused "Вера Смирнова" "Віра Белова" "Vira Bell"
}

@test "pseudonym-36: a surname of two letters in another script or romanisation (P-2)" {
    each_refused "Мария Ли" "Kim Lee" "Li Wei" "Marina Lee" "Yi Sun" "Rhee Bell" "Ri Bell" "Ли Вэй" "이 Bell" "Li"
    each_refused "Anna Lee" "Rhee Bell" "Yi Sun"
    each_refused "이민호" "Lee Bell" "Yi Bell"
    each_refused "李明" "Li Bell" "Lee"
}

@test "pseudonym-36: Lee, Li and other names stay free for a person not named so (P-2 guard)" {
    each_accepted "Мария Иванова" "Kim Lee" "Li Wei" "Lee"
    each_accepted "Мария Ли" "Lim Bell" "Marina Bell" "Bell"
    each_accepted "김민수" "Lee Bell"
    each_accepted "Мария Бо" "Bob Bell"
}

@test "pseudonym-36: the official transliteration and the usual short form (P-3, P-4)" {
    each_refused "Євгенія Шевчук" "Yevheniia Boyko" "Женя Бойко" "Evgenia Boyko"
    each_refused "Ірина Ткаченко" "Ира Бойко" "Ирина Бойко" "Iryna Boyko" "Ira Bell"
}

@test "pseudonym-36: Boyko and Bell for others; another given name is no form (W-1)" {
    each_accepted "Вера Смирнова" "Вероника Белова" "Veronika Bell"
    each_accepted "Дарья Петрова" "Ира Бойко" "Iryna Boyko"
    each_refused "Вера Смирнова" "Верка" "Верочка Белова" "Vera Bell" "Veronka"
    each_refused "Дарья Петрова" "Петровская"
}
