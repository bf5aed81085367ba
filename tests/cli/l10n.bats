#!/usr/bin/env bats
# The interface in Korean and Mongolian (issue 18): a journey (init,
# subject add, record, redact, export, import, audit) under
# LANG=ko_KR.UTF-8 and LANG=mn_MN.UTF-8 has the same exit statuses and the
# same machine output (--json, tab-separated listings, redact --report,
# usage lines) as in English, and its messages in the language; a locale
# the machine lacks, or one without a catalogue, is English without error.
#
# The locales are generated for this file with localedef into a temporary
# folder read through LOCPATH (the `locales` package's sources: a clean
# Debian container has none generated, and the tests never need root).
# The binary finds its catalogues in share/locale beside its bin/
# (build/rel/share/locale, made by make test-build) or, installed, in
# PREFIX/share/locale (intake/main.c, init_messages).

bats_require_minimum_version 1.5.0
load helpers

setup_file() {
    local loc=$BATS_FILE_TMPDIR/locale l
    mkdir -p "$loc"
    for l in ko_KR mn_MN fr_FR; do
        localedef -i "$l" -f UTF-8 "$loc/$l.UTF-8" 2>/dev/null ||
            { echo "localedef cannot make $l.UTF-8 (install the locales package)" >&2; return 1; }
    done
}

setup() {
    common_setup
    W=$T/work
    mkdir -p "$W"
    cd "$W"
    unset LANGUAGE LC_ALL LC_MESSAGES
}

teardown() { common_teardown; }

# lc LOCALE NAME ARGS...: intake on store $T/NAME under LANG=LOCALE ("C":
# English), the generated locales in LOCPATH.
lc() {
    local lang=$1 name=$2
    shift 2
    LOCPATH=$BATS_FILE_TMPDIR/locale LANG=$lang \
        "$INTAKE" --home "$T/$name" --passphrase-fd 3 "$@" 3<<<"$PASS"
}

# same LOCALE NAME ARGS...: intake ARGS gives the same exit status and the
# same standard output under LOCALE as in English.
same() {
    local lang=$1 en rc_en rc
    shift
    en=$(lc C "$@" 2>/dev/null) && rc_en=0 || rc_en=$?
    run --separate-stderr lc "$lang" "$@"
    [ "$status" -eq "$rc_en" ] || { echo "exit $status under $lang, $rc_en in English" >&2; return 1; }
    [ "$output" = "$en" ] || { diff <(echo "$en") <(echo "$output") >&2; return 1; }
}

# journey LOCALE: the whole journey under LOCALE, checking statuses and
# machine output against English; leaves $W/b.bundle audited.
journey() {
    local lang=$1 id
    run --separate-stderr lc "$lang" field init --kdf interactive --label field
    expect_status 0
    [[ "$output" =~ $RECOVERY_RE ]]
    INIT_OUT=$output
    cheapen "$T/field"
    lc "$lang" hq init --kdf interactive --label hq >/dev/null
    cheapen "$T/hq"
    lc "$lang" field contact add hq "$(lc "$lang" hq card)" 2>/dev/null
    lc "$lang" field contact verify hq --confirm \
        <<<"$(lc "$lang" field contact verify hq | awk 'NR == 1 { print $NF }')" >/dev/null 2>&1
    lc "$lang" hq contact add field "$(lc "$lang" field card)" 2>/dev/null
    lc "$lang" hq contact verify field --confirm \
        <<<"$(lc "$lang" hq contact verify field | awk 'NR == 1 { print $NF }')" >/dev/null 2>&1
    run --separate-stderr lc "$lang" field subject add --name "Kim Ji-yeon" --pseudonym Nari
    expect_status 0
    [ "$output" = Nari ]
    lc "$lang" field consent Nari --export yes --method verbal 2>/dev/null
    run --separate-stderr lc "$lang" field record Nari --title Work --date 2024-03-15 \
        --tag work --lang en <<<"Kim Ji-yeon spoke about the long days at the site."
    expect_status 0
    id=$output
    [[ "$id" =~ ^[a-z0-9]{16}$ ]]
    same "$lang" field list
    same "$lang" field list --json
    same "$lang" field redact "$id" --report
    same "$lang" field redact "$id"
    same "$lang" field subject list
    run --separate-stderr lc "$lang" field export --to hq --all -o "$W/b.bundle"
    expect_status 0
    EXPORT_ERR=$stderr
    run --separate-stderr lc "$lang" hq import "$W/b.bundle"
    expect_status 0
    IMPORT_OUT=$output
    same "$lang" hq list --json
    same "$lang" hq audit --json b.bundle
    same "$lang" hq audit --strict --json b.bundle
    run --separate-stderr lc "$lang" hq audit b.bundle
    expect_status 0
    AUDIT_OUT=$output
    # a usage error: the same status, the usage line itself in English
    same "$lang" field record
    same "$lang" field record --help
    same "$lang" hq --version
}

# in_language LOCALE RECOVERY IMPORTED VERDICT COMMANDS NO-COMMAND LETTERS:
# the journey under LOCALE, then its messages: the recovery key's title,
# the import's line, the audit's verdict, help's "commands:" line, the
# exact line for an unknown command, and a store error in LETTERS (a
# bracket expression of the script).
in_language() {
    local lang=$1
    journey "$lang"
    [[ "$INIT_OUT" == *"$2"* ]]
    [[ "$IMPORT_OUT" == *"$3"* ]]
    [[ "$AUDIT_OUT" == *"$4: WARN"* ]]
    run --separate-stderr lc "$lang" field help
    expect_status 0
    [[ "$output" == *$'\n'"$5"$'\n'* ]]
    run --separate-stderr lc "$lang" field nosuch
    expect_status 2
    [ "$stderr" = "intake: $6" ]
    run --separate-stderr lc "$lang" field subject show Nobody
    expect_status 2
    # shellcheck disable=SC2053
    [[ "$stderr" == "intake: "*$7* ]]
}

@test "l10n: the journey in Korean: English statuses and machine output, Korean messages" {
    in_language ko_KR.UTF-8 "복구 키" "가져왔습니다" "판정" "명령:" \
        "'nosuch' 명령이 없습니다('intake help' 참고)" '[가-힣]'
}

@test "l10n: the journey in Mongolian: English statuses and machine output, Mongolian messages" {
    in_language mn_MN.UTF-8 "Сэргээх түлхүүр" "оруулав" "Дүгнэлт" "Тушаалууд:" \
        "'nosuch' гэсэн тушаал алга ('intake help'-г үзнэ үү)" '[А-Яа-яӨөҮү]'
}

@test "l10n: why a record may not leave is in the person's language; --json keeps it in English" {
    lc C field init --kdf interactive >/dev/null
    cheapen "$T/field"
    lc C field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    id=$(lc C field record Nari --title Work --lang en <<<"A day at the site.")
    same ko_KR.UTF-8 field redact "$id" --json
    run --separate-stderr lc C field redact "$id" --json
    [ "$(jq -r .blocked <<<"$output")" = "no consent is recorded (record it with 'intake consent PSEUDONYM --export yes')" ]
    run --separate-stderr lc ko_KR.UTF-8 field redact "$id"
    expect_status 1
    [[ "$stderr" == "intake: "*"기록된 동의가 없습니다"* ]]
    lc C field consent Nari --export yes --method verbal --embargo 2099-01-01 2>/dev/null
    run --separate-stderr lc mn_MN.UTF-8 field redact "$id"
    expect_status 1
    [[ "$stderr" == *"2099 оны 1-р сарын 1 хүртэл хориглох хугацаанд байна"* ]]
    run --separate-stderr lc C field redact "$id"
    [[ "$stderr" == *"under embargo until 2099-01-01"* ]]
}

# on_tty LOCALE NAME ARGS...: what a terminal shows (standard output and
# error, script(1) giving the pseudo-terminal, carriage returns dropped)
# for intake as `lc` runs it.
on_tty() {
    local lang=$1 name=$2 cmd
    shift 2
    printf '%s\n' "$PASS" >"$T/pass"
    cmd=$(printf '%q ' env LOCPATH="$BATS_FILE_TMPDIR/locale" LANG="$lang" "$INTAKE" \
          --home "$T/$name" --passphrase-fd 3 "$@")
    script -qec "$cmd 3<'$T/pass'" /dev/null | tr -d '\r'
}

@test "l10n: a listing's header is in the language on a terminal; to a pipe the same bytes as in English" {
    command -v script >/dev/null || skip "script (util-linux) is not installed"
    local lang
    lc C field init --kdf interactive >/dev/null
    cheapen "$T/field"
    lc C field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    lc C field record Nari --title Work --date 2024-03-15 <<<"A day at the site." >/dev/null
    lc C field term add place:Dalian >/dev/null 2>&1
    for lang in ko_KR.UTF-8 mn_MN.UTF-8; do
        same "$lang" field list
        same "$lang" field subject list
        same "$lang" field term list
        same "$lang" field log
    done
    run on_tty C field list
    [ "${lines[0]}" = "ID              	DATE      	PSEUDONYM	TITLE" ]
    run on_tty ko_KR.UTF-8 field list
    # ID padded to 16 terminal columns, 날짜 (two wide characters) to 10
    [ "${lines[0]}" = "ID              	날짜      	가명	제목" ]
    [ "${lines[1]}" = "$(lc C field list)" ]
    run on_tty mn_MN.UTF-8 field subject list
    [ "${lines[0]}" = "НУУЦ НЭР	БИЧЛЭГ	СҮҮЛИЙН БИЧЛЭГ	ҮҮСГЭСЭН" ]
    run on_tty ko_KR.UTF-8 field term list
    [[ "${lines[0]}" == "ID	분류	대상자	추가한 날"*"	텍스트" ]]
    # the log prints its header to a pipe too: English there, translated here
    run on_tty ko_KR.UTF-8 field log
    [[ "${lines[0]}" == "순번   날짜"*"해시"*"작업"*"대상" ]]
    [[ "$(lc ko_KR.UTF-8 field log | head -n 1)" == "SEQ    DATE "* ]]
}

@test "l10n: contact verify says match or mismatch in the language; its exit status the same" {
    local group
    lc C field init --kdf interactive --label field >/dev/null
    cheapen "$T/field"
    lc C hq init --kdf interactive --label hq >/dev/null
    cheapen "$T/hq"
    lc C field contact add hq "$(lc C hq card)" 2>/dev/null
    group=$(lc C field contact verify hq | awk 'NR == 1 { print $NF }')
    run --separate-stderr lc ko_KR.UTF-8 field contact verify hq --confirm <<<"00000"
    expect_status 1
    [[ "${lines[1]}" == "불일치: "* ]]
    run --separate-stderr lc mn_MN.UTF-8 field contact verify hq --confirm <<<"00000"
    expect_status 1
    [[ "${lines[1]}" == "тохирохгүй: "* ]]
    run --separate-stderr lc C field contact verify hq --confirm <<<"00000"
    expect_status 1
    [[ "${lines[1]}" == "mismatch: the group typed"* ]]
    run --separate-stderr lc ko_KR.UTF-8 field contact verify hq --confirm <<<"$group"
    expect_status 0
    [ "${lines[1]}" = "일치" ]
    [[ "$stderr" == *"(마지막 그룹을 입력함)" ]] || { echo "$stderr"; false; }
    lc C hq contact add field "$(lc C field card)" 2>/dev/null
    group=$(lc C hq contact verify field | awk 'NR == 1 { print $NF }')
    run --separate-stderr lc mn_MN.UTF-8 hq contact verify field --confirm <<<"$group"
    expect_status 0
    [ "${lines[1]}" = "тохирч байна" ]
}

@test "l10n: a progress line, the shell's greeting and prompt, on a terminal in the language" {
    command -v script >/dev/null || skip "script (util-linux) is not installed"
    local id
    lc C field init --kdf interactive >/dev/null
    cheapen "$T/field"
    lc C field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    id=$(lc C field record Nari --title Work <<<"A day at the site.")
    head -c $((3 << 20)) /dev/urandom >"$W/big.ogg"
    run on_tty ko_KR.UTF-8 field attach "$id" "$W/big.ogg"
    [[ "$output" == *"intake: big.ogg 첨부 중: 100%"* ]] || { echo "$output"; false; }
    head -c $((3 << 20)) /dev/urandom >"$W/big2.ogg"    # other bytes: attach refuses the same bytes twice (B-2)
    run on_tty mn_MN.UTF-8 field attach "$id" "$W/big2.ogg"
    [[ "$output" == *"intake: big2.ogg-г хавсаргаж байна: 100%"* ]] || { echo "$output"; false; }
    # the shell: its greeting in Korean; the prompt is the program's name
    run python3 "$ROOT/tests/tools/ptydrive.py" -- env LOCPATH="$BATS_FILE_TMPDIR/locale" \
        LANG=ko_KR.UTF-8 "$INTAKE" --home "$T/field" shell <<EOF
expect 암호 문구: 
send $PASS\r
expect intake> 
send exit\r
wait
EOF
    expect_status 0
    [[ "$output" == *"의 잠금을 풀었습니다. 명령은 'help'"* ]] || { echo "$output"; false; }
    [[ "$output" == *$'\n'"intake> exit"* ]]
}

@test "l10n: a date in the audit's notes and in why a record may not leave as the language writes it; --json keeps YYYY-MM-DD" {
    local id note day y m d
    lc C field init --kdf interactive --label field >/dev/null
    cheapen "$T/field"
    lc C hq init --kdf interactive --label hq >/dev/null
    cheapen "$T/hq"
    lc C field contact add hq "$(lc C hq card)" 2>/dev/null
    lc C field contact verify hq --confirm \
        <<<"$(lc C field contact verify hq | awk 'NR == 1 { print $NF }')" >/dev/null 2>&1
    lc C hq contact add field "$(lc C field card)" 2>/dev/null
    lc C hq contact verify field --confirm \
        <<<"$(lc C hq contact verify field | awk 'NR == 1 { print $NF }')" >/dev/null 2>&1
    lc C field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    lc C field consent Nari --export yes --method verbal 2>/dev/null
    id=$(lc C field record Nari --title Work --lang en <<<"We met Choe Myong-nam at the port.")
    lc C field allow "Choe Myong-nam" 2>/dev/null
    lc C field export --to hq --all -o "$W/b.bundle" 2>/dev/null
    lc C hq import "$W/b.bundle" >/dev/null 2>&1
    same ko_KR.UTF-8 hq audit --json b.bundle
    same mn_MN.UTF-8 hq audit --json b.bundle
    note=$(lc C hq audit --json b.bundle | jq -r '[.checks[].items[]?.note] | map(select(. != null and startswith("kept with")))[0]')
    day=${note##* on }
    [[ "$day" =~ ^([0-9]{4})-([0-9]{2})-([0-9]{2}) ]] || { echo "note: $note"; false; }
    y=${BASH_REMATCH[1]} m=$((10#${BASH_REMATCH[2]})) d=$((10#${BASH_REMATCH[3]}))
    # people read the day (the time, in --json, left out)
    run --separate-stderr lc C hq audit b.bundle
    [[ "$output" == *"\"Choe Myong-nam\" (kept with 'intake allow' on ${day:0:10})"* ]]
    run --separate-stderr lc ko_KR.UTF-8 hq audit b.bundle
    [[ "$output" == *"\"Choe Myong-nam\" (${y}년 ${m}월 ${d}일에 'intake allow'로 남김)"* ]] || { echo "$output"; false; }
    run --separate-stderr lc mn_MN.UTF-8 hq audit b.bundle
    [[ "$output" == *"\"Choe Myong-nam\" ($y оны $m-р сарын $d-нд 'intake allow'-оор үлдээсэн)"* ]] || { echo "$output"; false; }
    # an embargo in subject show and in redact's refusal
    lc C field consent Nari --export yes --method verbal --embargo 2099-03-05 2>/dev/null
    run --separate-stderr lc ko_KR.UTF-8 field subject show Nari
    [[ "$output" == *"2099년 3월 5일까지 공개 금지 기간입니다"* ]] || { echo "$output"; false; }
    # the consent line: when it was recorded (an instant, as stored), then how
    day=$(lc C field subject show Nari --json | jq -r .consent.date)
    [[ "$output" == *"동의: ${day}에 기록함 (verbal): 내보내기 예, 인용 아니요, 공개 아니요, 첨부 파일 아니요, 공개 금지 기간 끝: 2099년 3월 5일"* ]] ||
        { echo "$output"; false; }
    run --separate-stderr lc ko_KR.UTF-8 field redact "$id"
    expect_status 1
    [[ "$stderr" == *"2099년 3월 5일까지"* ]]
    same ko_KR.UTF-8 field subject show Nari --json
    [ "$(lc C field subject show Nari --json | jq -r '.consent.embargo')" = 2099-03-05 ]
}

@test "l10n: the system's error text (strerror) in the language when glibc has it (libc-l10n), never as '?', else English" {
    local ko
    lc C field init --kdf interactive >/dev/null
    cheapen "$T/field"
    run --separate-stderr lc C field audit "$W/missing.bundle"
    expect_status 2
    [ "$stderr" = "intake: cannot open $W/missing.bundle: No such file or directory" ]
    run --separate-stderr lc ko_KR.UTF-8 field audit "$W/missing.bundle"
    expect_status 2
    [[ "$stderr" != *"?"* ]] || { echo "$stderr"; false; }
    if [ -f /usr/share/locale/ko/LC_MESSAGES/libc.mo ]; then
        ko=$(LOCPATH=$BATS_FILE_TMPDIR/locale LANG=ko_KR.UTF-8 gettext -d libc "No such file or directory")
        [ "$ko" != "No such file or directory" ]
        [ "$stderr" = "intake: $W/missing.bundle을(를) 열 수 없습니다: $ko" ]
    else
        [[ "$stderr" == *": No such file or directory" ]]
    fi
    # glibc has no Mongolian catalogue: English inside the Mongolian sentence
    run --separate-stderr lc mn_MN.UTF-8 field audit "$W/missing.bundle"
    expect_status 2
    [ "$stderr" = "intake: $W/missing.bundle-г нээж чадсангүй: No such file or directory" ]
}

@test "l10n: LANGUAGE and LC_MESSAGES choose the language; LC_ALL=C is English" {
    run --separate-stderr env LOCPATH="$BATS_FILE_TMPDIR/locale" LANG=ko_KR.UTF-8 LANGUAGE=mn "$INTAKE" help
    [[ "$output" == *"Тушаалууд:"* ]]
    run --separate-stderr env LOCPATH="$BATS_FILE_TMPDIR/locale" LANG=C LC_MESSAGES=ko_KR.UTF-8 "$INTAKE" help
    [[ "$output" == *"명령:"* ]]
    run --separate-stderr env LOCPATH="$BATS_FILE_TMPDIR/locale" LANG=ko_KR.UTF-8 LC_ALL=C "$INTAKE" help
    [[ "$output" == *$'\ncommands:\n'* ]]
}

@test "l10n: a locale the machine lacks, or one without a catalogue, is English without a word" {
    local lang en
    en=$(LANG=C "$INTAKE" help)
    mkdir -p "$T/none"
    for lang in ko_KR.UTF-8 mn_MN.UTF-8 xx_YY.UTF-8; do
        run --separate-stderr env LOCPATH="$T/none" LANG=$lang "$INTAKE" help
        expect_status 0
        [ -z "$stderr" ] && [ "$output" = "$en" ]
        run --separate-stderr env LOCPATH="$T/none" LANG=$lang "$INTAKE" nosuch
        expect_status 2
        [ "$stderr" = "intake: no command 'nosuch' (see 'intake help')" ]
    done
    # French is generated, but intake has no French catalogue
    run --separate-stderr env LOCPATH="$BATS_FILE_TMPDIR/locale" LANG=fr_FR.UTF-8 "$INTAKE" help
    expect_status 0
    [ -z "$stderr" ] && [ "$output" = "$en" ]
}

@test "l10n: numbers, sorting and JSON do not follow the locale (LC_NUMERIC stays C)" {
    lc C field init --kdf interactive --label field >/dev/null
    cheapen "$T/field"
    same mn_MN.UTF-8 field card
    same mn_MN.UTF-8 field log --json
    same ko_KR.UTF-8 field log --json
}

@test "l10n: po-check fails when the template lacks a message of the sources, or a catalogue one translation" {
    local po=$T/po
    mkdir -p "$po"
    run "$ROOT/scripts/po.sh" check "$ROOT/po/intake.pot" "$ROOT/po/ko.po" "$ROOT/po/mn.po"
    expect_status 0
    [[ "$output" == *"po/ko.po: "*" translated messages." ]]
    # the template without "commands:" (intake/main.c)
    msggrep --invert-match --msgid -F -e 'commands:' -o "$po/intake.pot" "$ROOT/po/intake.pot"
    run "$ROOT/scripts/po.sh" check "$po/intake.pot" "$ROOT/po/ko.po"
    expect_status 1
    [[ "$output" == *"differs from the sources' messages"*'+msgid "commands:"'* ]]
    # a catalogue with that message untranslated, one with it fuzzy
    msgfilter --keep-header -i "$ROOT/po/ko.po" -o "$po/ko.po" sed -e '/^명령:$/d' 2>/dev/null
    run "$ROOT/scripts/po.sh" check "$ROOT/po/intake.pot" "$po/ko.po"
    expect_status 1
    [[ "$output" == *"1 untranslated message"* ]]
    sed -e '/^msgid "commands:"$/i #, fuzzy' "$ROOT/po/mn.po" >"$po/mn.po"
    run "$ROOT/scripts/po.sh" check "$ROOT/po/intake.pot" "$po/mn.po"
    expect_status 1
    [[ "$output" == *"1 fuzzy translation"* ]]
    # a message in a ?: (xgettext would see only its first string)
    printf '%s\n' 'int f(struct err *e, int r) {' \
        '    return err_set(e, 2, r ? "one thing" : "another thing");' \
        '    return err_set(e, 2, "%s", r ? "a" : "b");' '}' >"$po/t.c"
    run "$ROOT/scripts/po-lint.py" "_ err_set:3" "$po/t.c"
    expect_status 1
    [ "$output" = "$po/t.c:2: err_set: a ?: in the message: xgettext sees only its first string; write one call per case" ]
}

@test "l10n: the Korean and Mongolian man pages: the English SYNOPSIS, no roff warning, installed for man -L" {
    local syn l
    syn() { awk '/^\.SH SYNOPSIS/ { on = 1 } on && /^\.SH / && !/SYNOPSIS/ { exit } on' "$1"; }
    [ -n "$(syn "$ROOT/docs/intake.1")" ]
    for l in ko mn; do
        diff <(syn "$ROOT/docs/intake.1") <(syn "$ROOT/docs/intake.$l.1")
        run --separate-stderr env LANG=C.UTF-8 MANWIDTH=80 man --warnings -l "$ROOT/docs/intake.$l.1"
        expect_status 0
        [ -z "$stderr" ] || { echo "$stderr"; false; }
        [ "$("$ROOT/scripts/install-man.sh" where /usr/share/man "$ROOT/docs/intake.$l.1")" = \
          "/usr/share/man/$l/man1/intake.1" ]
    done
    grep -qF 'docs/intake.ko.1' "$ROOT/README.md"
    grep -qF 'docs/intake.mn.1' "$ROOT/README.md"
}

@test "l10n: the demo's narration follows the language; intake's own output in it too" {
    command -v gettext >/dev/null || skip "no gettext command (gettext-base): the demo narrates in English"
    run env LOCPATH="$BATS_FILE_TMPDIR/locale" LANG=mn_MN.UTF-8 sh "$ROOT/scripts/demo.sh" "$INTAKE"
    expect_status 0
    [[ "$output" == *"intake үзүүлэн: нэг удаагийн сан "* ]]
    [[ "$output" == *"# Зөвхөн нууц нэр: --reveal-гүйгээр жинхэнэ нэр харагдахгүй"* ]]
    [[ "$output" == *"(гарах төлөв 1)"* ]]
    [[ "$output" == *"Бүртгэл бүрэн бүтэн: "* ]]
    run env LANG=C sh "$ROOT/scripts/demo.sh" "$INTAKE"
    expect_status 0
    [[ "$output" == *"# pseudonyms only: no real names without --reveal"* ]]
}
