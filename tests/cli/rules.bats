#!/usr/bin/env bats
# Issue 13, "One rule set": `redact` exits 0 if and only if `export` of that
# record writes it. A property test over every combination of what decides
# it: the subject's consent (none, yes, no, withdrawn, withdrawn then
# re-consented after the record reached hq), its consent scope (everything;
# attachments no; quote and publish no), its embargo (over, ending today,
# future), the record's review flag (none, open, cleared with allow) and
# its attachment (none, a photo whose metadata is removed, a PDF whose
# metadata cannot be), under export's options (none; --keep-metadata with
# --exact-dates). Each combination is also checked against the rule as the
# README states it, so that the two commands cannot agree on a wrong answer.

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
    local n=0 c sc em fl at p body
    mkstore field
    mkstore hq
    introduce field hq
    printf '%%PDF-1.4\n%% a form\n1 0 obj << /Author (somebody) >> endobj\ntrailer\n%%%%EOF\n' >"$W/form.pdf"
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
                    for fl in $FLAGS; do
                        case $fl in
                        none) body='She worked at the port in the spring.' ;;
                        open) body='She worked at the port in the spring. Mr Smith came.' ;;
                        cleared) body='She worked at the port in the spring. Mr Jones came.' ;;
                        esac
                        for at in $ATTACHMENTS; do
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
    awk -v jpg="$ROOT/tests/data/media/photo.jpg" -v pdf="$W/form.pdf" '
        $6 == "strip" { print "attach", $1, jpg }
        $6 == "nostrip" { print "attach", $1, pdf }' "$W/matrix" >"$W/setup2"
    st field shell <"$W/setup2" >/dev/null 2>&1 || { echo "attach failed" >&2; return 1; }
    # Re-consent: what may go reaches hq, then the withdrawal, then a new
    # consent with the scope and embargo of the combination.
    st field export --to hq --tag rc --skip-blocked --keep-metadata -o "$W/rc.bundle" >/dev/null 2>&1 ||
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

# check ID STATUS WANT SENT: one combination's answers agree (redact's
# STATUS; the rule's WANT; SENT 1 if export wrote the record, else 0).
check() {
    if { [ "$3" = leaves ] && [ "$2" != 0 ]; } || { [ "$3" = stays ] && [ "$2" = 0 ]; } ||
       { [ "$2" = 0 ] && [ "$4" != 1 ]; } || { [ "$2" != 0 ] && [ "$4" = 1 ]; }; then
        echo "mismatch: $(grep "^$1 " "$W/matrix"): redact $2, export wrote it: $4, the rule: $3: $stderr" >&2
        bad=$((bad + 1))
    fi
}

@test "rules: redact --to hq exits 0 exactly when export --to hq writes the record, in every combination" {
    matrix
    local id c sc em fl at p rs es sent n=0 left=0 bad=0
    # What leaves in one export (a PDF's metadata, which cannot be removed,
    # stops a whole export: those records are exported one by one below).
    run --separate-stderr st field export --to hq --tag b --skip-blocked -o "$W/b.bundle"
    expect_status 0
    sent_by_last_export >"$W/sent"
    while read -r -u 4 id c sc em fl at p; do
        run --separate-stderr st field redact "$id" --to hq
        rs=$status
        if [ "$at" = nostrip ]; then
            run --separate-stderr st field export --to hq "$id" -o "$W/$id.bundle"
            es=$status
            [ "$es" = "$rs" ] || { echo "export $es, redact $rs: $c $sc $em $fl $at: $stderr" >&2; bad=$((bad + 1)); }
            [ "$es" = 0 ] && [ -s "$W/$id.bundle" ] && sent=1 || sent=0
            [ "$es" = 0 ] || [ ! -e "$W/$id.bundle" ] || bad=$((bad + 1))
        else
            grep -qx "$id" "$W/sent" && sent=1 || sent=0
        fi
        check "$id" "$rs" "$(expected "$c" "$sc" "$em" "$fl" "$at" 0)" "$sent"
        n=$((n + 1))
        [ "$rs" = 0 ] && left=$((left + 1))
    done 4<"$W/matrix"
    echo "# $n combinations, $left leave, $bad mismatches" >&3
    [ "$n" = 333 ]
    [ "$bad" = 0 ]
    [ "$left" -gt 0 ] && [ "$left" -lt "$n" ]
}

@test "rules: with --keep-metadata --exact-dates, redact exits 0 exactly for the records export --all --skip-blocked writes; without --to, as strict as hq" {
    matrix
    local id c sc em fl at p rs sent n=0 bad=0
    run --separate-stderr st field export --to hq --all --skip-blocked --keep-metadata --exact-dates -o "$W/all.bundle"
    expect_status 0
    sent_by_last_export >"$W/sent"
    while read -r -u 4 id c sc em fl at p; do
        run --separate-stderr st field redact "$id" --to hq --keep-metadata --exact-dates
        rs=$status
        grep -qx "$id" "$W/sent" && sent=1 || sent=0
        check "$id" "$rs" "$(expected "$c" "$sc" "$em" "$fl" "$at" 1)" "$sent"
        # hq is the one contact: redact without --to answers the same.
        if [ "$c" = reconsent ]; then
            run --separate-stderr st field redact "$id" --keep-metadata --exact-dates
            [ "$status" = "$rs" ] || { echo "without --to: $c $sc $em $fl $at: $status, not $rs" >&2; bad=$((bad + 1)); }
        fi
        n=$((n + 1))
    done 4<"$W/matrix"
    [ "$n" = 333 ]
    [ "$bad" = 0 ]
    [ -s "$W/sent" ]
}
