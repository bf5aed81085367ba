# Shared by export.bats and export-open.bats: each test's folders and the
# store "field" with one record.

setup() {
    common_setup
    RESEAL=$(tools_dir)/reseal
    W=$T/work
    mkdir -p "$W"
    cd "$W"
}

teardown() { common_teardown; }

# field_record: a store "field" with subject Nari (consent given) and one
# record; sets $ID.
field_record() {
    fixture make_field_record ID
}
make_field_record() {
    mkstore field
    st field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    st field consent Nari --export yes --attachments yes --method verbal 2>/dev/null
    ID=$(printf 'Kim Ji-yeon spoke about the border.\n' |
         st field record Nari --title "Border crossing" --date 2024-03-15 --tag border)
}
