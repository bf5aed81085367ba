#!/usr/bin/env bats
# Messages (issue 14, item 15): each mistake gets its own one-line message
# and exit status, and text from outside never reaches the terminal raw.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    fixture p1_store
}

# p1_store: the store (passphrase slot cheapened) with the subject P1, made
# once per file (helpers.bash).
p1_store() {
    init_store && cheapen && ik subject add --name "Kim Jong-su" --pseudonym P1 >/dev/null
}

teardown() { common_teardown; }

@test "a missing option value is reported as such, for every command" {
    refused 2 "option '--title' needs a value (see 'intake help record')" record P1 --title
    refused 2 "option '--subject' needs a value (see 'intake help list')" list --subject
    refused 2 "option '--name' needs a value (see 'intake help subject')" subject add --name
    refused 2 "option '--label' needs a value (see 'intake help init')" init --label
    refused 2 "option '--export' needs a value (see 'intake help consent')" consent P1 --export
    refused 2 "option '--to' needs a value (see 'intake help export')" export --to
    refused 2 "option '-o' needs a value (see 'intake help export')" export -o
    refused 2 "option '--qr' needs a value (see 'intake help card')" card --qr
    refused 2 "option '--scan' needs a value (see 'intake help contact')" contact verify X --scan
    refused 2 "option '-o' needs a value (see 'intake help attachment')" attachment get X -o
    refused 2 "option '--output' needs a value (see 'intake help open')" open --output
    refused 2 "option '--k' needs a value (see 'intake help audit')" audit --k
    refused 2 "option '--tag' needs a value (see 'intake help record')" record P1 --tag
    refused 2 "global option '--home' needs a value (see 'intake --help')" --home
    # Other mistakes keep their own words.
    refused 2 "unknown option '--bogus' (see 'intake help list')" list --bogus
    refused 2 "option '--json' takes no value (see 'intake help list')" list --json=yes
    refused 2 "unknown global option '--bogus' (see 'intake --help')" --bogus list
}

@test "escape sequences and invalid UTF-8 from arguments are shown escaped, never raw" {
    refused 2 "no subject with pseudonym '\\x1B]0;pwned\\x07\\x1B[2J' (see 'intake subject list')" \
        list --subject $'\e]0;pwned\a\e[2J'
    refused 2 "no record with id '\\xFF\\xFE\\n' (see 'intake list')" show $'\xff\xfe\n'
    refused 2 "unknown option '--\\x1B[31mred' (see 'intake help list')" list $'--\e[31mred'
    refused 2 "no command 'x\\u{202E}gpj.exe' (see 'intake help')" $'x\u202egpj.exe'
    refused 2 "no subject with pseudonym '\\u{200B}P1\\u{0085}' (see 'intake subject list')" \
        list --subject $'\u200bP1\u0085'
    # Paths too: a file that does not exist, a store folder.
    refused 2 "cannot open /nonexistent/\\x1B[8m: No such file or directory" \
        record P1 --file $'/nonexistent/\e[8m'
    run --separate-stderr "$INTAKE" --home $'/nonexistent/\e[2J\xc3' list </dev/null
    expect_status 2
    [ "$stderr" = "intake: no store in /nonexistent/\\x1B[2J\\xC3; create one with 'intake init' or choose another with --home" ]
    # Printable text from other scripts stays as it is.
    refused 2 "no subject with pseudonym '김종수 Бат' (see 'intake subject list')" list --subject "김종수 Бат"
}

@test "record: standard input and --file together are refused; nothing is recorded" {
    printf 'From the file.\n' >"$T/body.txt"
    before=$(store_sums)
    run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 record P1 --file "$T/body.txt" \
        3<<<"$PASS" < <(printf 'From standard input.\n')
    expect_status 2
    [ "$stderr" = "intake: the body comes from --file or from standard input, not both; with --file, run with </dev/null (see 'intake help record')" ]
    [ "$(store_sums)" = "$before" ]
    # A regular file on standard input counts too.
    run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 record P1 --file "$T/body.txt" \
        3<<<"$PASS" <"$T/body.txt"
    expect_status 2
    run ik list
    [ -z "$output" ]
    # With nothing on standard input, --file is used.
    run ik record P1 --file "$T/body.txt" </dev/null
    expect_status 0
    run ik show "$output"
    [[ "$output" == *"From the file."* ]]
    # --passphrase-fd 0 takes standard input for the passphrase: no clash.
    run "$INTAKE" --home "$H" --passphrase-fd 0 record P1 --file "$T/body.txt" <<<"$PASS"
    expect_status 0
}

@test "list --subject names an existing subject: a stranger is exit 2" {
    refused 2 "no subject with pseudonym 'Nobody' (see 'intake subject list')" list --subject Nobody
    refused 2 "no subject with pseudonym 'P2' (see 'intake subject list')" list --subject P2 --json
    # A pseudonym is found whatever its case, spaces or hyphens.
    run --separate-stderr ik list --subject p1 --json
    expect_status 0
    [ "$output" = "[]" ]
    # A subject without records lists nothing, successfully.
    run --separate-stderr ik list --subject P1
    expect_status 0
    [ -z "$output" ] && [ -z "$stderr" ]
    run ik list --subject P1 --json
    expect_status 0
    [ "$output" = "[]" ]
}

@test "--home '' is a usage error, not the default store" {
    mkdir -p "$HOME/.local/share"
    mv "$H" "$HOME/.local/share/intake"
    run --separate-stderr "$INTAKE" --home '' --passphrase-fd 3 list 3<<<"$PASS"
    expect_status 2
    [ "$stderr" = "intake: --home needs a folder, not an empty word (see 'intake --help')" ]
    run --separate-stderr "$INTAKE" --home= --passphrase-fd 3 list 3<<<"$PASS"
    expect_status 2
    # The default store itself is fine.
    run "$INTAKE" --passphrase-fd 3 list 3<<<"$PASS"
    expect_status 0
}

@test "a symlinked store folder: followed when it is the user's link to a private folder" {
    ln -s "$H" "$T/link"
    run ik_link list
    expect_status 0
    run ik_link record P1 --title "via a link" <<<"Said through the link."
    expect_status 0
    run ik list
    [[ "$output" == *"via a link"* ]]
    # The real folder is held to the usual rules: readable by others, refused.
    chmod 755 "$H"
    run --separate-stderr ik_link list
    expect_status 2
    [ "$stderr" = "intake: $H can be read by others (mode 0755); run 'chmod 700 $H' and check who copied it" ]
    chmod 700 "$H"
    # A link that leads nowhere.
    ln -s "$T/nothing" "$T/dangling"
    run --separate-stderr "$INTAKE" --home "$T/dangling" --passphrase-fd 3 list 3<<<"$PASS"
    expect_status 2
    [ "$stderr" = "intake: $T/dangling is a symbolic link to nothing usable: No such file or directory" ]
    # Someone else's link is not followed (chown needs root).
    if [ "$(id -u)" -eq 0 ]; then
        chown -h nobody "$T/link"
        run --separate-stderr ik_link list
        expect_status 2
        [ "$stderr" = "intake: $T/link is a symbolic link owned by another user; refusing to follow it" ]
    fi
}

# ik_link ARGS...: intake on the store through $T/link.
ik_link() {
    "$INTAKE" --home "$T/link" --passphrase-fd 3 "$@" 3<<<"$PASS"
}
