#!/usr/bin/env bats
# Issue 13, "One rule set": `redact` exits 0 if and only if `export` of that
# record writes it. A property test over every combination of what decides
# it: the subject's consent (none, yes, no, withdrawn, withdrawn then
# re-consented after the record reached hq), its consent scope (everything;
# attachments no; quote and publish no), its embargo (over, ending today,
# future), the record's review flag (none, open, cleared with allow) and
# its attachment (none, a photo whose metadata is removed, a PDF or a
# video MP4 whose metadata cannot be: the PDF told by its first bytes, the
# video only by trying), under export's options (none; --keep-metadata with
# --exact-dates). Each combination is also checked against the rule as the
# README states it, so that the two commands cannot agree on a wrong answer.
# Every consent x scope x embargo (37 subjects) meets every review flag and
# every attachment; each subject holds 3 of the 9 flag-attachment pairs by
# default (111 records: a shared 2-core machine runs it in minutes), all 9
# with RULES_FULL=1 (333 records). Under the sanitizers, and in make check
# (INTAKE_CHECK_SAMPLE set: docs/TESTING.md, "Session 20"), each subject
# holds 1 of the 9 (37 records: every consent x scope x embargo once, each
# pair 4 or 5 times); make check-full runs the 111.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    W=$T/work
    mkdir -p "$W"
    cd "$W"
}

teardown() { common_teardown; }

CONSENTS="none yes no withdrawn reconsent"
SCOPES="all noatt noquote"
EMBARGOES="past today future"
FLAGS="none open cleared"
ATTACHMENTS="none strip nostrip"

# scope_opts SCOPE: consent's options for it.
scope_opts() {
    case $1 in
    all) echo "--quote yes --publish yes --attachments yes" ;;
    noatt) echo "--quote yes --publish yes --attachments no" ;;
    noquote) echo "--quote no --publish no --attachments yes" ;;
    esac
}

# embargo_day EMBARGO: the day, on the consent day's calendar (UTC-12).
embargo_day() {
    case $1 in
    past) echo 2001-01-01 ;;
    today) date -u -d '12 hours ago' +%F ;;
    future) echo 2999-12-31 ;;
    esac
}

# The store "field" with one subject per consent, scope and embargo (one
# for no consent) and one record per review flag and attachment each, the
# re-consented ones sent to hq before the withdrawal; $W/matrix lists each
# record: id consent scope embargo flag attachment pseudonym. Made through
# 'intake shell' (one unlock for hundreds of commands); what is tested
# below runs each command on its own.
matrix() {
    fixture make_matrix
}
make_matrix() {
    local given=(Bat Gan Tem Sukh Oyu Nar Ulz Erd) ends=(bold zul tuya gerel khuu) abc=abcdefghij
    local n=0 c sc em fl at p body k j
    mkstore field
    mkstore hq
    introduce field hq
    printf '%%PDF-1.4\n%% a form\n1 0 obj << /Author (somebody) >> endobj\ntrailer\n%%%%EOF\n' >"$W/form.pdf"
    # A minimal MP4 with one video track (attach-text2.bats, A-11).
    printf '\0\0\0\020ftypisom\0\0\0\0\0\0\0\064moov\0\0\0\054trak\0\0\0\044mdia\0\0\0\034hdlr\0\0\0\0\0\0\0\0vide\0\0\0\0\0\0\0\0' >"$W/clip.mp4"
    : >"$W/combos"
    {
        echo 'allow "Mr Jones"'
        for c in $CONSENTS; do
            for sc in $SCOPES; do
                for em in $EMBARGOES; do
                    # No consent: no scope and no embargo to record.
                    [ "$c" = none ] && { [ "$sc" = all ] && [ "$em" = past ] || continue; }
                    p=Px${abc:n / 10:1}${abc:n % 10:1}
                    echo "subject add --name '${given[n % 8]}${ends[n / 8]} Dashzeveg' --pseudonym $p"
                    n=$((n + 1))
                    case $c in
                    yes) echo "consent $p --export yes $(scope_opts "$sc") --embargo $(embargo_day "$em")" ;;
                    no) echo "consent $p --export no $(scope_opts "$sc") --embargo $(embargo_day "$em")" ;;
                    withdrawn) echo "consent $p --export yes $(scope_opts "$sc") --embargo $(embargo_day "$em")"
                        echo "consent $p --withdraw" ;;
                    reconsent) echo "consent $p --export yes --attachments yes" ;;
                    esac
                    k=0
                    for fl in $FLAGS; do
                        k=$((k + 1))
                        case $fl in
                        none) body='She worked at the port in the spring.' ;;
                        open) body='She worked at the port in the spring. Mr Smith came.' ;;
                        cleared) body='She worked at the port in the spring. Mr Jones came.' ;;
                        esac
                        j=0
                        for at in $ATTACHMENTS; do
                            j=$((j + 1))
                            # By default each subject gets 3 of the 9 flag and attachment
                            # pairs (a Latin square: subjects next to each other get the
                            # others); RULES_FULL=1 gives every subject all 9 (333 records).
                            # Under the sanitizers and in make check, one of the nine.
                            [ -n "${RULES_FULL:-}" ] || [ $(((k + j + n) % 3)) = 0 ] || continue
                            [ -n "${RULES_FULL:-}" ] ||
                                { [[ "$INTAKE" != */san/* ]] && [ "${INTAKE_CHECK_SAMPLE:-1}" -le 1 ]; } ||
                                [ $(((k + 2 * j + n / 3) % 3)) = 0 ] || continue
                            echo "record $p --title Port --date 2024-03-15 --tag $([ "$at" = nostrip ] && echo x || echo b)$([ "$c" = reconsent ] && echo " --tag rc")"
                            echo "$body"
                            echo .
                            echo "$c $sc $em $fl $at $p" >>"$W/combos"
                        done
                    done
                done
            done
        done
    } >"$W/setup1"
    st field shell <"$W/setup1" 2>/dev/null | grep -E '^[0-9a-z]{16}$' >"$W/ids" || true
    [ "$(wc -l <"$W/ids")" = "$(wc -l <"$W/combos")" ] || { echo "shell: $(wc -l <"$W/ids") records" >&2; return 1; }
    paste -d ' ' "$W/ids" "$W/combos" >"$W/matrix"
    awk -v jpg="$ROOT/tests/data/media/photo.jpg" -v pdf="$W/form.pdf" -v mp4="$W/clip.mp4" '
        $6 == "strip" { print "attach", $1, jpg }
        $6 == "nostrip" { print "attach", $1, (n++ % 2 ? mp4 : pdf) }' "$W/matrix" >"$W/setup2"
    st field shell <"$W/setup2" >/dev/null 2>&1 || { echo "attach failed" >&2; return 1; }
    # Re-consent: what may go reaches hq, then the withdrawal, then a new
    # consent with the scope and embargo of the combination.
    st field export --to hq --tag rc --skip-blocked --keep-metadata --send-unchecked -o "$W/rc.bundle" >/dev/null 2>&1 ||
        { echo "the export of rc failed" >&2; return 1; }
    awk '$2 == "reconsent" { print $7, $3, $4 }' "$W/matrix" | sort -u | while read -r p sc em; do
        echo "consent $p --withdraw"
        echo "consent $p --export yes $(scope_opts "$sc") --embargo $(embargo_day "$em")"
    done >"$W/setup3"
    st field shell <"$W/setup3" >/dev/null 2>&1 || { echo "re-consent failed" >&2; return 1; }
}

# expected CONSENT SCOPE EMBARGO FLAG ATTACHMENT KEEP: "leaves" or
# "stays", by the rule as README states it.
expected() {
    local c=$1 sc=$2 em=$3 fl=$4 at=$5 keep=$6
    case $c in none | no | withdrawn) echo stays; return ;; esac
    [ "$em" = future ] && { echo stays; return; }
    [ "$fl" = open ] && { echo stays; return; }
    # Sent to hq before the withdrawal (an open flag kept it home): refused there for good.
    [ "$c" = reconsent ] && { echo stays; return; }
    [ "$at" = nostrip ] && [ "$sc" != noatt ] && [ "$keep" = 0 ] && { echo stays; return; }
    echo leaves
}

# sent_by_last_export: the ids of the records the last export carried, one a line.
sent_by_last_export() {
    st field exports --json | python3 -c '
import json, sys
print("\n".join(r["id"] for r in [x for x in json.load(sys.stdin) if "records" in x][0]["records"]))'
}

# redact_all OPTIONS...: "id 1" (may leave) or "id 0" for every record of
# the matrix, from 'redact ID OPTIONS --json' (its may_leave is its exit
# status 0), run in one 'intake shell': the commands and answers are
# those of the command line (shell.bats), without hundreds of unlocks.
redact_all() {
    awk -v o="$*" '{ print "redact", $1, o, "--json" }' "$W/matrix" | st field shell 2>/dev/null |
        python3 -c '
import json, sys
s, d, i = sys.stdin.read(), json.JSONDecoder(), 0
while True:
    while i < len(s) and s[i].isspace():
        i += 1
    if i >= len(s):
        break
    o, i = d.raw_decode(s, i)
    print(o["id"], 1 if o["may_leave"] else 0)'
}

# compare KEEP: each combination's answers agree: redact's ($W/redact),
# export's ($W/sent: the records an export wrote) and the rule's
# (expected); prints the mismatches, then "N LEFT" (combinations, leaving).
compare() {
    local id c sc em fl at p may sent want n=0 left=0
    while read -r -u 4 id c sc em fl at p; do
        may=$(awk -v id="$id" '$1 == id { print $2 }' "$W/redact")
        grep -qx "$id" "$W/sent" && sent=1 || sent=0
        want=$(expected "$c" "$sc" "$em" "$fl" "$at" "$1")
        if [ "$may" != "$sent" ] || { [ "$want" = leaves ] && [ "$may" != 1 ]; } ||
           { [ "$want" = stays ] && [ "$may" != 0 ]; }; then
            echo "mismatch: $c $sc $em $fl $at: redact ${may:-nothing}, export $sent, the rule: $want"
        fi
        n=$((n + 1))
        [ "$may" = 1 ] && left=$((left + 1))
    done 4<"$W/matrix"
    echo "$n $left"
}

# cli_agrees OPTIONS...: on the command line, redact's exit status is 0
# exactly where the shell's answer was "may leave", for one record of each
# consent and attachment.
cli_agrees() {
    local id may
    for id in $(sort -u -k2,2 -k6,6 "$W/matrix" | awk '{ print $1 }'); do
        may=$(awk -v id="$id" '$1 == id { print $2 }' "$W/redact")
        run --separate-stderr st field redact "$id" "$@"
        { [ "$may" = 1 ] && [ "$status" = 0 ]; } || { [ "$may" = 0 ] && [ "$status" != 0 ]; } ||
            { echo "redact $id $*: exit $status, json may_leave $may" >&2; return 1; }
    done
}

@test "rules: redact --to hq says 'may leave' exactly when export --to hq writes the record, in every combination" {
    matrix
    redact_all --to hq >"$W/redact"
    [ "$(wc -l <"$W/redact")" = "$(wc -l <"$W/matrix")" ]
    # What leaves in one export: --skip-blocked leaves out every record
    # redact refuses, for any of its reasons (one list: an attachment whose
    # metadata cannot be removed, told by its bytes or by trying, too).
    run --separate-stderr st field export --to hq --all --skip-blocked -o "$W/all.bundle"
    expect_status 0
    sent_by_last_export >"$W/sent"
    run compare 0
    echo "# $(tail -n 1 <<<"$output") (combinations, may leave)" >&3
    [ "$(wc -l <<<"$output")" = 1 ] || { echo "$output" >&2; false; }
    read -r n left <<<"$output"
    [ "$n" = "$(wc -l <"$W/matrix")" ] && [ "$left" -gt 0 ] && [ "$left" -lt "$n" ]
    cli_agrees --to hq
}

@test "rules: with --keep-metadata --exact-dates, redact says 'may leave' exactly for the records export --all --skip-blocked writes; without --to, as strict as hq" {
    matrix
    redact_all --to hq --keep-metadata --send-unchecked --exact-dates >"$W/redact"
    [ "$(wc -l <"$W/redact")" = "$(wc -l <"$W/matrix")" ]
    run --separate-stderr st field export --to hq --all --skip-blocked --keep-metadata --send-unchecked --exact-dates -o "$W/all.bundle"
    expect_status 0
    sent_by_last_export >"$W/sent"
    run compare 1
    [ "$(wc -l <<<"$output")" = 1 ] || { echo "$output" >&2; false; }
    read -r n left <<<"$output"
    [ "$n" = "$(wc -l <"$W/matrix")" ] && [ "$left" -gt 0 ]
    # hq is the one contact that got anything: without --to, the same answers.
    cli_agrees --keep-metadata --send-unchecked --exact-dates
}
