# Shared by audit.bats and audit-words.bats: each test's folders, the
# stores field and hq (verified contacts of each other) and the subject Yuna.

setup() {
    common_setup
    TOOLS=$(tools_dir)
    W=$T/work
    mkdir -p "$W"
    cd "$W"
    fixture make_pair
}

# make_pair: the stores field and hq, verified contacts of each other, and
# field's subject Yuna with consent to export.
make_pair() {
    mkstore field
    mkstore hq
    introduce field hq
    # Not Nari: since Korean names are also written in Cyrillic and read back,
    # 나라 (of 김나라 below) has the forms of Nara, one vowel from Nari.
    st field subject add --name "Kim Ji-yeon" --pseudonym Yuna >/dev/null
    st field consent Yuna --export yes --method verbal 2>/dev/null
}

teardown() { common_teardown; }

# tool NAME ARGS...: a test tool from tests/tools (not product code; under
# the sanitizer build its leaks at exit are not what is tested here).
tool() {
    local name=$1
    shift
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$TOOLS/$name" "$@"
}

# records N BODY [DATE]: N records of Yuna with the same place, month,
# language and tags (so k = N).
records() {
    local i
    for i in $(seq "$1"); do
        printf '%s\n' "$2" | st field record Yuna --title "Work" --date "${3:-2024-03-15}" \
            --tag work --lang en >/dev/null
    done
}

export_to_hq() {
    st field export --to hq --all -o "$W/$1" >/dev/null 2>"$W/export.err"
}
