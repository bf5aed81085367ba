#!/usr/bin/env bats
# Brief s34 hand34, end to end on the real binary (report-adv33 P-2, P-7):
# a pseudonym that is the name's initials as capitals run together ("DP",
# "ДСП") is refused like "D.P." (privacy/pseudonym_form.c, initials_form);
# a pseudonym told apart from another only by a Greek or Cyrillic
# look-alike letter in a Latin word ("Ζeta" with a Greek capital Zeta) is
# that pseudonym (privacy/pseudonym.c, pseudonym_key).  Guards: other
# capitals, a name of two letters, a pseudonym in Greek letters only.
# Also (report-adv33 W-1, W-2): Петренко beside Петрова and Bat-Erdene
# beside Батбаяр are accepted, the name's own forms still refused; and
# (L-50) a record's title, place and tags go through the body's rules
# (store/export_record.c redacts each field with the one redactor).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "pseudonym-hand34: the name's initials as capitals run together are refused (P-2)" {
    local p
    for p in DP ДП ДСП DSP; do
        run st field subject add --name "Дарья Сергеевна Петрова" --name "Darya Petrova" --pseudonym "$p"
        refused "$p"
    done
}

@test "pseudonym-hand34: other capitals and a two-letter name are accepted beside the initials rule" {
    run -0 st field subject add --name "Дарья Сергеевна Петрова" --name "Darya Petrova" --pseudonym "JW"
    [ "$output" = "JW" ]
    run -0 st field subject add --name "Татьяна Коваль" --pseudonym "Bo"
    [ "$output" = "Bo" ]
}

@test "pseudonym-hand34: a look-alike letter of another script does not make a new pseudonym (P-7)" {
    run -0 st field subject add --name "Татьяна Коваль" --pseudonym Zeta
    local p
    for p in "Ζeta" "Zеta" "ZETА"; do
        run st field subject add --name "Вера Смирнова" --pseudonym "$p"
        [ "$status" -eq 2 ] && [[ "$output" == *"pseudonym '$p' is taken: the subject 'Zeta' has it"* ]] ||
            { printf 'pseudonym %s: status %s, got: %s\n' "$p" "$status" "$output" >&2; return 1; }
    done
    # Greek letters only: a pseudonym of its own
    run -0 st field subject add --name "Вера Смирнова" --pseudonym "Ζήτα"
}

@test "pseudonym-hand34: another family's -enko surname and another Mongolian compound are accepted (W-1, W-2)" {
    run -0 st field subject add --name "Дарья Сергеевна Петрова" --name "Darya Petrova" --pseudonym "Петренко"
    [ "$output" = "Петренко" ]
    run -0 st field subject add --name "Болормаа Батбаяр" --pseudonym "Bat-Erdene"
    [ "$output" = "Bat-Erdene" ]
    run -0 st field subject add --name "Цэцэг Батбаяр" --pseudonym "Бат-Эрдэнэ"
    [ "$output" = "Бат-Эрдэнэ" ]
}

@test "pseudonym-hand34: the name's own forms stay refused beside those rules" {
    local p
    for p in Petro Petrova Бат Bat Батбаяр-Эрдэнэ Дашенька; do
        run st field subject add --name "Дарья Сергеевна Петрова" --name "Болормаа Батбаяр" --pseudonym "$p"
        refused "$p"
    done
}

@test "pseudonym-hand34: a record's title, place and tags are redacted by the body's rules (report-adv33 L-50)" {
    local p id
    p=$(st field subject add --name "Дарья Сергеевна Петрова" --name "Darya Petrova" --pseudonym "Jane Ellis")
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(printf 'Мы видели dashapetr.\n' | st field record "$p" --title "Встреча с dashapetr и Дашей" \
        --date 2024-03-15 --tag dashapetr --tag darya_petrova --place "у dashapetr дома")
    run --separate-stderr st field redact "$id" --json
    expect_status 0
    [ "$(jq -r .title <<<"$output")" = "Встреча с [HANDLE-1] и Jane Ellis" ]
    [ "$(jq -r .place <<<"$output")" = "у [HANDLE-1] дома" ]
    [ "$(jq -r '.tags | join(",")' <<<"$output")" = "[HANDLE-2],[HANDLE-1]" ]
    [ "$(jq -r .body <<<"$output")" = "Мы видели [HANDLE-1]." ]
}
