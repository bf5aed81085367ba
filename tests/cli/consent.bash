# Shared by consent.bats, consent-hq.bats and consent2.bats to consent5.bats (issue 16): each test's
# folders; the stores field and hq and what hq received.

setup() {
    common_setup
    W=$T/work
    mkdir -p "$W"
    cd "$W"
}

teardown() { common_teardown; }

# field_hq: a device "field" with subject Nari (export yes, quote no,
# publish no, written) and one record $ID, and "hq", contacts of each other.
field_hq() {
    fixture make_field_hq ID UID_
}
make_field_hq() {
    mkstore field
    mkstore hq
    introduce field hq
    st field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    st field consent Nari --export yes --quote no --publish no --method written 2>/dev/null
    ID=$(printf 'Kim Ji-yeon spoke about the border.\n' |
         st field record Nari --title "Border crossing" --date 2024-03-15 --tag border)
    UID_=$(st field subject show Nari | sed -n 's/^subject id: //p')
}

# bora: field's second subject Bora (export yes) and its record $B.
bora() {
    st field subject add --name "Pak Su" --pseudonym Bora >/dev/null
    st field consent Bora --export yes >/dev/null 2>&1
    B=$(printf 'Pak Su spoke.\n' | st field record Bora --title "Other" --date 2024-03-16)
}

# withdrawn_at_hq: $ID reached hq (in $W/1.bundle), then Nari's
# withdrawal did ($W/n.bundle). Made once per file (fixture).
withdrawn_at_hq() {
    fixture make_withdrawn_at_hq ID UID_
}
make_withdrawn_at_hq() {
    field_hq
    to_hq "$W/1.bundle"
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
}

# one_subject STORE: the pseudonym STORE gave the one subject it has
# (PSEUDONYM@KEY); hq_subject: hq's.
one_subject() {
    st "$1" subject list --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["pseudonym"])'
}
hq_subject() { one_subject hq; }

# hq_refused STATUS MESSAGE BUNDLE: hq's import of BUNDLE fails with STATUS
# and exactly "intake: MESSAGE" on stderr, nothing on stdout, hq unchanged.
hq_refused() {
    local before
    before=$(find "$T/hq" -type f -exec sha256sum {} + | sort)
    run --separate-stderr st hq import "$3"
    expect_status "$1"
    [ "$stderr" = "intake: $2" ] || { printf 'got: %s\n' "$stderr" >&2; return 1; }
    [ -z "$output" ]
    [ "$(find "$T/hq" -type f -exec sha256sum {} + | sort)" = "$before" ]
}

# import_refused STORE MESSAGE BUNDLE [OUTPUT]: STORE's import of BUNDLE
# exits 1 with exactly "intake: MESSAGE" on stderr and OUTPUT (default:
# nothing) on stdout: a record refused alone, or refused again.
import_refused() {
    run --separate-stderr st "$1" import "$3"
    expect_status 1
    [ "$stderr" = "intake: $2" ] || { printf 'got: %s\n' "$stderr" >&2; return 1; }
    [ "$output" = "${4:-}" ] || { printf 'stdout: %s\n' "$output" >&2; return 1; }
}

# hq_notices FILE: the notices of the bundle FILE as hq opens it, one a
# line: kind subject record-or-null day. Format 3, or 6 when the bundle
# carries records too (their consent scope has its counter, issue 16 A1).
hq_notices() {
    st hq open "$1" --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
want = "intake-content-6" if d["header"]["records"] else "intake-content-3"
assert d["header"]["format"] == want, d["header"]["format"]
for n in d["header"]["notices"]:
    assert sorted(n) == ["day", "kind", "record", "subject"], n
    print(n["kind"], n["subject"], n["record"], n["day"])
'
}

# twice: $ID reached partner twice: field -> hq -> partner ($W/h.bundle)
# and field -> partner ($W/f.bundle); FIRST (hq or field) says which came
# first (the copy partner keeps); hq's copy second was refused as held from
# elsewhere, field's (its origin's, the same) second was already here
# (adv16b C-11); either way the second sender's route is kept.
twice() {
    field_hq
    twice_routes "$1"
}
# twice_routes FIRST: the part of twice after field_hq (a test may change
# field's $ID in between).
twice_routes() {
    mkstore partner
    introduce hq partner
    introduce field partner
    to_hq "$W/1.bundle"
    st hq export --to partner --all -o "$W/h.bundle" >/dev/null 2>&1
    st field export --to partner --all -o "$W/f.bundle" >/dev/null 2>&1
    if [ "$1" = hq ]; then
        st partner import "$W/h.bundle" >/dev/null
        run --separate-stderr st partner import "$W/f.bundle"
        expect_status 0
        [[ "$output" == "imported 0 record(s) and 0 attachment(s) from field; 1 already here"* ]]
        return
    fi
    st partner import "$W/f.bundle" >/dev/null
    run --separate-stderr st partner import "$W/h.bundle"
    expect_status 1
    [ "$stderr" = "intake: the bundle holds record $ID, which this store already has from elsewhere: refused (1 record(s) refused in all); no record of the bundle was imported" ]
}

# scope_of STORE [embargo]: STORE's consent scope of its one subject,
# "export quote publish attachments" as yes/no, then its embargo (None
# when there is none) if asked; hq_scope: hq's.
scope_of() {
    st "$1" subject show "$(one_subject "$1")" --json | python3 -c '
import json, sys
c = json.load(sys.stdin)["consent"]
out = ["yes" if c[k] else "no" for k in ("export", "quote", "publish", "attachments")]
print(" ".join(out + ([str(c.get("embargo"))] if sys.argv[1:] else [])))' ${2:+"$2"}
}
hq_scope() { scope_of hq; }

# to_hq FILE: field exports all its records to hq into FILE, hq imports it.
to_hq() {
    st field export --to hq --all -o "$1" >/dev/null 2>&1
    st hq import "$1" >/dev/null
}

# with_memo: Nari allows attachments and $ID gets $W/memo.txt attached.
with_memo() {
    st field consent Nari --attachments yes >/dev/null 2>&1
    printf 'a note\n' >"$W/memo.txt"
    st field attach "$ID" "$W/memo.txt" >/dev/null
}

# hq_save, hq_back: keep hq as it is, and go back to it (to try another
# order of arrival).
hq_save() { cp -a "$T/hq" "$T/hq0"; }
hq_back() { rm -rf "$T/hq" && mv "$T/hq0" "$T/hq"; }

# hq_attachments ID: how many attachments hq holds for record ID.
hq_attachments() {
    st hq show "$1" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["attachments"]))'
}

# to_partner: $ID went field -> hq ($W/1.bundle) -> partner ($W/p.bundle).
to_partner() {
    field_hq
    mkstore partner
    introduce hq partner
    to_hq "$W/1.bundle"
    st hq export --to partner --all -o "$W/p.bundle" >/dev/null 2>&1
    st partner import "$W/p.bundle" >/dev/null
}

# via_partner: to_partner, and partner exported it back to hq
# ($W/back.bundle, not imported).
via_partner() {
    to_partner
    st partner export --to hq --all -o "$W/back.bundle" >/dev/null 2>&1
}

# faked TIME STORE ARGS...: the command with the clock at TIME (faketime).
faked() {
    local at=$1 name=$2
    shift 2
    faketime "$at" "$INTAKE" --home "$T/$name" --passphrase-fd 3 "$@" 3<<<"$PASS"
}

needs_faketime() {
    command -v faketime >/dev/null || skip "faketime is not installed (scripts/deps.sh deb)"
    [[ "$INTAKE" != */san/* ]] || skip "faketime's preload cannot run under the sanitizers"
}

# two_hq: field_hq with $W/memo.txt attached to $ID (with_memo), and hq2
# and partner, all contacts of each other (but hq and hq2); $ID went field
# -> hq and hq2 ($W/1.bundle, imported by both); written, not imported:
# $W/hp.bundle (hq -> partner), $W/h2p.bundle (hq2 -> partner) and
# $W/fp.bundle (field -> partner). Made once per file (fixture).
two_hq() {
    fixture make_two_hq ID UID_
}
make_two_hq() {
    field_hq
    with_memo
    mkstore hq2
    mkstore partner
    introduce field hq2
    introduce field partner
    introduce hq partner
    introduce hq2 partner
    st field export --to hq,hq2 --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    st hq2 import "$W/1.bundle" >/dev/null
    st hq export --to partner --all -o "$W/hp.bundle" >/dev/null 2>&1
    st hq2 export --to partner --all -o "$W/h2p.bundle" >/dev/null 2>&1
    st field export --to partner --all -o "$W/fp.bundle" >/dev/null 2>&1
}

# relay STORE NAME: field's notices to STORE reach it ($W/NAME-1.bundle),
# and STORE passes them on to partner ($W/NAME.bundle, not imported).
relay() {
    st field notify --to "$1" -o "$W/$2-1.bundle" >/dev/null 2>&1
    st "$1" import "$W/$2-1.bundle" >/dev/null
    st "$1" notify --to partner -o "$W/$2.bundle" >/dev/null 2>&1
}
