#!/usr/bin/env bats
# hunspell-ko's answers about the generated Hangul spellings of a
# protected place (신의주's readings for place:Sinuiju) are kept in the
# store when the term is added (store/privacy.c, table lexicon_answer;
# docs/TESTING.md, "Session 19"): a later redact or export of a text
# without Korean does not load the dictionary (about 1 CPU s before), and
# redacts the place's spellings as before.  Whether a process loaded
# hunspell-ko is read from strace's log of the files it opened (ko_KR.aff).

bats_require_minimum_version 1.5.0
load helpers

# place_store: field and hq, contacts of each other; field's subject
# Won-sim (consent given) and the record $ID, whose English text names the
# place in two spellings; made once.
place_store() {
    mkstore field
    mkstore hq
    introduce field hq
    st field subject add --name "Kim Young-ho" --pseudonym Won-sim >/dev/null
    st field consent Won-sim --export yes --method verbal >/dev/null 2>&1
    ID=$(printf 'Kim Young-ho lived in Sinuiju, then Shinuiju, until May.\n' | st field record Won-sim)
}

setup() {
    common_setup
    command -v strace >/dev/null || skip "strace is not installed (apt-get install strace)"
    fixture place_store ID
}

teardown() { common_teardown; }

# traced NAME ARGS...: intake ARGS on store $T/NAME under strace, its
# status in $status, its standard output in $output; the files it opened
# in $T/opened.  LeakSanitizer cannot run under ptrace (it exits 1), so
# the sanitizer build runs here without it.
traced() {
    local name=$1
    shift
    status=0
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        strace -f -qq -e trace=open,openat -o "$T/opened" \
        "$INTAKE" --home "$T/$name" --passphrase-fd 3 "$@" 3<<<"$PASS" >"$T/out" 2>"$T/err" || status=$?
    output=$(cat "$T/out")
}

loaded_ko() {
    grep -q 'ko_KR\.aff' "$T/opened"
}

# not_loaded_ko: fails, saying so, if the traced process opened ko_KR.aff.
not_loaded_ko() {
    if loaded_ko; then
        echo "hunspell-ko was loaded: $(grep 'ko_KR' "$T/opened" | head -n 1)" >&2
        return 1
    fi
}

@test "answers19: term add asks hunspell-ko about the place once; redact and export of English text load it no more" {
    traced field term add place:Sinuiju
    expect_status 0
    loaded_ko
    traced field redact "$ID"
    expect_status 0
    not_loaded_ko
    [[ "$output" != *Sinuiju* && "$output" != *Shinuiju* ]]
    [[ "$output" == *"until May."* ]]
    traced field export --to hq -o "$T/b.bundle" "$ID"
    expect_status 0
    not_loaded_ko
    [ -s "$T/b.bundle" ]
}

@test "answers19: without the kept answers (another dictionary folder) the same redaction, and the dictionary loaded" {
    st field term add place:Sinuiju >/dev/null
    run --separate-stderr st field redact "$ID"
    expect_status 0
    kept=$output
    # The same dictionary files under another path: another identity, so
    # the answers are asked again (and give the same redaction).
    mkdir "$T/dict"
    for d in ko_KR mn_MN en_US; do
        cp "/usr/share/hunspell/$d.aff" "/usr/share/hunspell/$d.dic" "$T/dict/"
    done
    INTAKE_DICTIONARIES=$T/dict traced field redact "$ID"
    expect_status 0
    grep -q "$T/dict/ko_KR\.aff" "$T/opened"
    [ "$output" = "$kept" ]
}
