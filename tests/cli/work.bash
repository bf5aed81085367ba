# Shared by work.bats and work-backup.bats: each test's folders and the
# store "field" with its contacts, subjects and records.

setup() {
    common_setup
    W=$T/work
    mkdir -p "$W"
    cd "$W"
}

teardown() { common_teardown; }

# field: store "field" (contacts hq and hq2, verified both ways), subjects
# Nari (consent to export) and Bom (none), records A, B (Nari) and C (Bom).
field() {
    fixture make_field A B C
    H=$T/field
}
make_field() {
    mkstore field
    mkstore hq
    mkstore hq2
    introduce field hq
    introduce field hq2
    st field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    st field subject add --name "Pak Chol" --pseudonym Bom >/dev/null
    st field consent Nari --export yes --method verbal 2>/dev/null
    A=$(echo "Kim Ji-yeon spoke about the border." |
        st field record Nari --title Border --date 2024-03-15 --tag border)
    B=$(echo "The logging camp near Tynda." |
        st field record Nari --title Camp --date 2024-05-01 --tag camp)
    C=$(echo "Pak Chol about wages." |
        st field record Bom --title Wages --date 2024-06-01 --tag camp)
}
