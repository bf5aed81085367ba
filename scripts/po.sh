#!/bin/sh
# The message catalogues (po/, util/intl.h for the rule of what is marked).
#   po.sh pot OUT            writes the template of every message in the
#                            sources (xgettext) to OUT
#   po.sh merge PO POT       brings PO up to date with POT (msgmerge; what
#                            POT no longer has is dropped)
#   po.sh check POT PO...    fails (exit 1) when a message of the sources is
#                            missing from POT or POT holds one they lost
#                            (POT regenerated and compared, locations and
#                            header aside), when a message hides in a ?:
#                            (scripts/po-lint.py), when a PO lacks a message of
#                            POT, or when msgfmt --check --statistics finds
#                            an error, an untranslated or a fuzzy message
# Exit 0 when all holds, 1 when a check fails, 2 on a usage error.
set -eu
cd "$(dirname "$0")/.."

usage() {
    echo "usage: $0 pot OUT | merge PO POT | check POT PO..." >&2
    exit 2
}

# The functions that translate their format argument themselves (the
# argument's position), and _()/N_() for everything else.
KEYS="_ N_ P_:1,2 intl_maybe:1 intl_maybe_plural:1,2 err_set:3 cli_error:2 cli_note:1 cli_usage_error:2 cli_saved:1
audit_check_add:6 audit_check_reason:3
db_fail:3 db_explain:6 db_step:3 db_run:5 db_int:6"
FLAGS="intl_maybe:1:c-format intl_maybe_plural:1:c-format intl_maybe_plural:2:c-format
err_set:3:c-format cli_error:2:c-format cli_note:1:c-format
cli_usage_error:2:c-format cli_saved:1:c-format audit_check_add:6:c-format
audit_check_reason:3:c-format"

pot() {
    args=
    for k in $KEYS; do args="$args --keyword=$k"; done
    for f in $FLAGS; do args="$args --flag=$f"; done
    # shellcheck disable=SC2086
    LC_ALL=C xgettext --language=C --from-code=UTF-8 --sort-by-file --add-comments=TRANSLATORS: \
        --package-name=intake --msgid-bugs-address=dev@intake.invalid \
        $args -o "$1" $(LC_ALL=C ls util/*.c crypto/*.c privacy/*.c export/*.c store/*.c intake/*.c)
    # The demo's narration (scripts/demo.sh: t, say with a printf format, note).
    LC_ALL=C xgettext --language=Shell --from-code=UTF-8 --join-existing --sort-by-file \
        --keyword --keyword=t --keyword=say --keyword=note --flag=say:1:c-format \
        -o "$1" scripts/demo.sh
}

# ids FILE: the message ids of a catalogue, one line each (--no-wrap),
# without header, locations or translations, sorted.
ids() {
    msgattrib --no-location --no-wrap --sort-output --no-obsolete "$1" |
        grep -E '^(msgctxt|msgid|msgid_plural) ' | grep -vx 'msgid ""'
}

case "${1:-}" in
    pot)
        [ $# -eq 2 ] || usage
        pot "$2"
        sed -i -e 's/charset=CHARSET/charset=UTF-8/' \
            -e '1s/.*/# The messages of intake, for translators: po\/GLOSSARY.md./' "$2" ;;
    merge)
        [ $# -eq 3 ] || usage
        msgmerge --quiet --update --backup=none --no-fuzzy-matching --no-wrap "$2" "$3"
        msgattrib --no-obsolete --no-wrap -o "$2" "$2" ;;
    check)
        [ $# -ge 2 ] || usage
        potfile=$2
        shift 2
        tmp=$(mktemp -d "${TMPDIR:-/tmp}/po-check-XXXXXX")
        trap 'rm -rf "$tmp"' EXIT
        fail=0
        pot "$tmp/now.pot"
        ids "$tmp/now.pot" >"$tmp/now"
        ids "$potfile" >"$tmp/was"
        if ! diff -u "$tmp/was" "$tmp/now" >"$tmp/diff"; then
            echo "po-check: $potfile differs from the sources' messages ('make pot po-update'):" >&2
            sed -n '3,$p' "$tmp/diff" | grep '^[-+]' | head -n 40 >&2
            fail=1
        fi
        if command -v python3 >/dev/null 2>&1; then
            # shellcheck disable=SC2046
            scripts/po-lint.py "$KEYS" $(LC_ALL=C ls util/*.c crypto/*.c privacy/*.c export/*.c store/*.c intake/*.c) ||
                fail=1
        else
            echo "po-check: no python3: ?: in messages not looked for (scripts/po-lint.py)" >&2
        fi
        for po in "$@"; do
            if ! msgcmp --use-untranslated "$po" "$potfile" 2>"$tmp/cmp"; then
                echo "po-check: $po lacks messages of $potfile:" >&2
                head -n 20 "$tmp/cmp" >&2
                fail=1
            fi
            if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
                printf 'po-check: %s: msgfmt --check failed:\n%s\n' "$po" "$stats" >&2
                fail=1
                continue
            fi
            echo "po-check: $po: $stats"
            case $stats in
                *untranslated* | *fuzzy*)
                    echo "po-check: $po: every message must be translated, none fuzzy" >&2
                    fail=1 ;;
            esac
        done
        exit $fail ;;
    *) usage ;;
esac
