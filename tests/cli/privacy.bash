# Shared by privacy.bats and privacy-redact.bats: each test's store (store
# locale ko) and a subject with a testimony.

setup() {
    common_setup
    fixture make_store RECOVERY
}

# make_store: the test's store, locale ko, its passphrase slot made cheap.
make_store() {
    init_store --locale ko && cheapen
}
teardown() { common_teardown; }

# A subject with names, two terms and a testimony; sets $P and $ID.
add_story() {
    fixture make_story P ID
}
make_story() {
    P=$(ik subject add --name "Kim Jong-su" --name "김종수" --term "place:Chongjin" \
        --term "employer:Lada Works" --pseudonym "Rim-il")
    [ "$P" = "Rim-il" ]
    ID=$(printf 'Kim Jong-su (김종수는) worked at Lada Works in Chongjin.\nCall +82 10-2000-0000. Mr Smith came.\n' |
        ik record "$P" --title "Jong-su in Chongjin" --date 2023-05-01 --place Chongjin \
            --tag Chongjin --tag border)
    [[ "$ID" =~ ^[0-9a-z]{16}$ ]]
}
