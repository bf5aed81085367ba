#!/usr/bin/env bats
# Brief s29 pseud29, end to end on the real binary, one test per kind.
# Kind A (report-adv28c J-6, J-17; report-adv28a I-13): a pseudonym that
# is a short form, a diminutive, another script's or language's form,
# the surname alone or the initials of a name is refused by subject add
# and subject rename (docs/PSEUDONYMS.md, "Session 29").  Kind B (J-18):
# a pseudonym that only looks like the start of a spelling variant is
# accepted.  Kind C (report-adv28a P-3): a new name read in a stored
# pseudonym (Болд in Tuya-bold) is refused, and an export meeting such a
# pseudonym says so instead of "this is a bug".  Kind D: a name typed
# with underscores is protected as its words.  More cases:
# tests/data/leaks/pseud29.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-pseud29: subject add refuses a short form, a diminutive or another language's form of the name (J-6, J-17)" {
    local p
    run st field subject add --name "Olga Smirnova" --pseudonym Olenka
    refused Olenka
    for p in Kolyan Koljan Колян Kolyusha Николка Nicky Nikki Nicolás Nicholas Petro Petryk; do
        run st field subject add --name "Nikolai Petrenko" --pseudonym "$p"
        refused "$p"
    done
    # another subject's name, as the attack did it
    st field subject add --name "Nikolai Petrenko" --pseudonym "Anna Berg" >/dev/null
    for p in Kolyan Nicky Nicholas Petro; do
        run st field subject add --name "Zzz Qqqx" --pseudonym "$p"
        refused "$p"
    done
    # ordinary pseudonyms still pass ("Nikita Reed" was refused in session
    # 45: Н.Р., its Cyrillic initials, met initials made for Nikolai
    # Petrenko; session 46 made his initials from whole words only (ini46)
    # and stopped counting a whole pseudonym's own initials (redactor_collides))
    for p in "Nikita Reed" "Nina Park" "Oleg Ross" "Tom Hill" Ray; do
        run -0 st field subject add --name "Zzz Qqqx" --pseudonym "$p"
        [ "$output" = "$p" ]
    done
}

@test "leaks-pseud29: subject add refuses the surname alone, initials of the name's parts, a short form of a name with underscores (I-13)" {
    run st field subject add --name 김철진 --pseudonym Kim
    refused Kim
    run st field subject add --name Батсүх --pseudonym Б.С.
    refused Б.С.
    run st field subject add --name Батсүх --pseudonym "B. S."
    refused "B. S."
    run st field subject add --name Valentina_Orlova --pseudonym Valya
    refused Valya
    run -0 st field subject add --name Батсүх --pseudonym "J.D."
    [ "$output" = "J.D." ]
}

@test "leaks-pseud29: subject rename refuses the same forms (J-17, I-13)" {
    st field subject add --name "Nikolai Petrenko" --pseudonym Tom >/dev/null
    st field subject add --name Valentina_Orlova --pseudonym Zed >/dev/null
    local p
    for p in Kolyan Nicholas Petro Valya; do
        run st field subject rename Tom "$p"
        refused "$p"
    done
    run -0 st field subject rename Tom Peter
}

@test "leaks-pseud29: a pseudonym is refused only for a real reason: Dana Fox and Irene Cole pass (J-18)" {
    local n
    for n in "Takeshi Yamamoto:Henry Ward" "Hiroshi Tanaka:Ruth Hale" "Sergei Kovalenko:Amy Evans" \
             "Nikolai Petrenko:Adam West" "John Whitaker:Paul Reid"; do
        st field subject add --name "${n%%:*}" --pseudonym "${n#*:}" >/dev/null
    done
    run -0 st field subject add --name "Olga Smirnov" --pseudonym "Dana Fox"
    [ "$output" = "Dana Fox" ]
    run -0 st field subject add --name "Olga Smirnov" --pseudonym "Irene Cole"
    [ "$output" = "Irene Cole" ]
    # a real reason still refuses, in one word or in two
    run st field subject add --name "Olga Smirnov" --pseudonym "Kolyan Fox"
    refused "Kolyan Fox"
    run st field subject add --name "Olga Smirnov" --pseudonym Kole
    refused Kole
}

@test "leaks-pseud29: a protected term that is a word of the sentence a pseudonym is read in refuses no pseudonym (J-18's kind)" {
    st field term add place:Office >/dev/null
    run -0 st field subject add --name "Anna Kowalska" --pseudonym "Ray Dunn"
    [ "$output" = "Ray Dunn" ]
    run -0 st field subject add --name "Maria Nowak"
    [ -n "$output" ]
    # the pseudonym's own hits still count
    st field subject add --name Гэрэл --pseudonym Tuya-bold >/dev/null
    run -2 st field subject add --name Болд
    run st field subject add --name "Olga Smirnova" --pseudonym Olenka
    refused Olenka
}

@test "leaks-pseud29: a new name read in a stored pseudonym is refused; an export that meets one says so, not 'a bug' (P-3)" {
    local want id
    st field subject add --name Гэрэл --pseudonym Tuya-bold >/dev/null
    want="intake: this name or term is read in the pseudonym 'Tuya-bold' (a spelling or short form of it), which must never be someone's real name; first run 'intake subject rename Tuya-bold NEW'; nothing was changed"
    run -2 st field subject add --name Болд --pseudonym Byamba-amar
    [ "$output" = "$want" ] || { printf 'got: %s\n' "$output" >&2; return 1; }
    run -2 st field subject add --name Болд
    [ "$output" = "$want" ] || { printf 'got: %s\n' "$output" >&2; return 1; }
    run -2 st field term add person:Болд
    [ "$output" = "$want" ] || { printf 'got: %s\n' "$output" >&2; return 1; }
    # the state an older intake let in: redact and export name the pseudonym
    st field consent Tuya-bold --export yes --method verbal 2>/dev/null
    id=$(record Tuya-bold "Гэрэл came to the office.")
    "$(tools_dir)/rawsql" "$T/field" "INSERT INTO subject(pseudonym, locale, created, uid) VALUES ('Byamba-amar', 'mn', '2026-01-01', 'zzzzzzzzzzzzzzzz');
        INSERT INTO subject_name(subject_id, name) SELECT id, 'Болд' FROM subject WHERE pseudonym = 'Byamba-amar';" 3<<<"$PASS"
    run --separate-stderr st field redact "$id"
    expect_status 1
    [ "$stderr" = "intake: the pseudonym 'Tuya-bold' reads as a protected name or term (a form of a name or term protected in the store); rename that subject with 'intake subject rename'; nothing was exported" ] ||
        { printf 'got: %s\n' "$stderr" >&2; return 1; }
    run -0 st field subject rename Tuya-bold Tuya-nomin
    run --separate-stderr st field redact "$id"
    expect_status 0
    [ "$(printf '%s\n' "$output" | tail -n 1)" = "Tuya-nomin came to the office." ]
}

@test "leaks-pseud29: a name typed with underscores is protected as its words (I-13)" {
    redacts_to '--name Valentina_Orlova --pseudonym Zed' \
        "Valentina came. Valya said hi. Orlova left. The file_name stays." \
        "Zed came. Zed said hi. Zed left. The file_name stays."
}

@test "leaks-pseud29: a pseudonym written whole is not refused for initials that equal a subject's (report-adv46, session 46)" {
    # Ugo read as Хьюго gives K.; with Vance's V. that is V.K. of Владимир Карпов
    st field subject add --name "Владимир Карпов" --pseudonym "Jon Hill" >/dev/null
    run -0 st field subject add --name "Zzz Qqqx" --pseudonym "Ugo Vance"
    [ "$output" = "Ugo Vance" ]
    # initials, a short form or the name itself are still refused
    for p in V.K. "В. К." "Vladimir K." "Вова Карп" Karpov; do
        run st field subject add --name "Zzz Qqqy" --pseudonym "$p"
        refused "$p"
    done
}
