#!/bin/sh
# make demo: a scripted walkthrough of intake in a throw-away store.
# Usage: scripts/demo.sh [PATH/TO/intake]   (default: the intake on PATH;
# installed as /usr/share/intake/demo.sh by make install and the package)
#
# Each command is printed (after "$ ") before it runs. The passphrase goes
# to intake on descriptor 3 (--passphrase-fd 3) from a here-document, so
# standard input stays free for a testimony's body. Everything here is
# made up; the store is deleted when the script ends, however it ends.
# The step lines show commands as typed: their $ must not expand.
# The narration is translated like intake's messages (po/, text domain
# "intake"), by the gettext command when it is installed (gettext-base);
# without it, or without a catalogue, it is in English. The catalogues
# are those beside the intake it runs (share/locale beside its bin/, as
# intake itself finds them), else the system's.
# shellcheck disable=SC2016,SC2059
set -eu

if [ $# -eq 0 ]; then
    set -- "$(command -v intake || echo intake)"
fi
if [ $# -ne 1 ] || [ ! -x "$1" ]; then
    echo "usage: $0 [PATH/TO/intake] (build it first with 'make', or install it)" >&2
    exit 2
fi
case $1 in
    /*) bin=$1 ;;
    *) bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") ;;
esac
TEXTDOMAIN=intake
export TEXTDOMAIN
if [ -d "$(dirname "$bin")/../share/locale" ]; then
    TEXTDOMAINDIR=$(cd "$(dirname "$bin")/../share/locale" && pwd)
    export TEXTDOMAINDIR
fi

# t MSGID: the narration MSGID in the user's language (po/), else as is.
t() {
    if command -v gettext >/dev/null 2>&1; then
        gettext "$1"
    else
        printf '%s' "$1"
    fi
}

# say MSGID [ARG...]: one line of narration, MSGID a printf format.
say() {
    fmt=$(t "$1")
    shift
    printf "%s$fmt\n" "" "$@"   # "%s" first: a format may begin with "-"
}

# note MSGID: a comment line under a command ("# ...").
note() {
    printf '# %s\n' "$(t "$1")"
}
# The man page beside this script in a source folder, else the installed one.
man="man intake"
[ -f "$(dirname "$0")/../docs/intake.1" ] && man="man ./docs/intake.1"

# stopped STATUS: why the demo ends early.
stopped() {
    say "demo: stopped: the last command failed (exit status %s)" "$1" >&2
}

dir=$(mktemp -d "${TMPDIR:-/tmp}/intake-demo.XXXXXX")
trap 'rc=$?; rm -rf "$dir"
      [ "$rc" -eq 0 ] || stopped "$rc"
      exit "$rc"' EXIT
trap 'exit 130' INT HUP TERM
STORE=$dir/store
pass="tiger lamp violet oxygen river"

# step TEXT: shows a command the way you would type it.
step() {
    printf '\n$ %s\n' "$1"
}

# intake_p ARGS...: runs intake on the demo store, passphrase on fd 3.
intake_p() {
    "$bin" --home "$STORE" --passphrase-fd 3 "$@" 3<<EOF
$pass
EOF
}

say "intake demo: a throw-away store in %s" "$STORE"
say "The passphrase is \"%s\"; it goes in on descriptor 3 (--passphrase-fd 3)." "$pass"
say "Without --passphrase-fd, intake asks on the terminal with echo off."

step 'intake --version'
"$bin" --version

step 'intake --home "$STORE" --passphrase-fd 3 init --kdf interactive --label "Field laptop" 3<<EOF
tiger lamp violet oxygen river
EOF'
intake_p init --kdf interactive --label "Field laptop"

step 'ls -la "$STORE"'
ls -la "$STORE"

step ' P=$(intake --home "$STORE" --passphrase-fd 3 subject add --name 김종수 --name "Kim Jong-su" --contact "+82 10-2000-0000" 3<<EOF
tiger lamp violet oxygen river
EOF
)'
note '(the leading space keeps the line out of the shell history with HISTCONTROL=ignorespace)'
P=$(intake_p subject add --name 김종수 --name "Kim Jong-su" --contact "+82 10-2000-0000")
echo "P=$P"

step 'R1=$(intake --home "$STORE" --passphrase-fd 3 record "$P" --title "여권 압수" --date 2024-03-02 --place 인천 --lang ko --tag passport 3<<EOF <<'"'"'BODY'"'"'
tiger lamp violet oxygen river
EOF
2023년 겨울, 종수는 공장에 도착하자마자 여권을 빼앗겼다고 말했다.
종수의 동료 세 명도 같은 일을 겪었다. 임금은 석 달 동안 밀렸다.
BODY
)'
R1=$(intake_p record "$P" --title "여권 압수" --date 2024-03-02 --place 인천 --lang ko --tag passport <<'BODY'
2023년 겨울, 종수는 공장에 도착하자마자 여권을 빼앗겼다고 말했다.
종수의 동료 세 명도 같은 일을 겪었다. 임금은 석 달 동안 밀렸다.
BODY
)
echo "R1=$R1"

step 'R2=$(intake --home "$STORE" --passphrase-fd 3 record "$P" --title "The recruiter" --date 2024-03-05 --lang en --tag recruiter --tag passport 3<<EOF <<'"'"'BODY'"'"'
tiger lamp violet oxygen river
EOF
He says the recruiter in Ulaanbaatar kept the passports of all the workers
"for safekeeping" and charged each of them a fee of three months of wages.
BODY
)'
R2=$(intake_p record "$P" --title "The recruiter" --date 2024-03-05 --lang en --tag recruiter --tag passport <<'BODY'
He says the recruiter in Ulaanbaatar kept the passports of all the workers
"for safekeeping" and charged each of them a fee of three months of wages.
BODY
)
echo "R2=$R2"

step 'intake --home "$STORE" --passphrase-fd 3 list 3<<EOF ...'
intake_p list

step 'intake --home "$STORE" --passphrase-fd 3 list --tag recruiter 3<<EOF ...'
intake_p list --tag recruiter

step 'intake --home "$STORE" --passphrase-fd 3 search '"'"'종수*'"'"' 3<<EOF ...'
note 'a prefix search: finds 종수는 and 종수의'
intake_p search '종수*'

step 'intake --home "$STORE" --passphrase-fd 3 search recruiter 3<<EOF ...'
intake_p search recruiter

step 'intake --home "$STORE" --passphrase-fd 3 show "$R1" 3<<EOF ...'
intake_p show "$R1"

step 'intake --home "$STORE" --passphrase-fd 3 subject list 3<<EOF ...'
note 'pseudonyms only: no real names without --reveal'
intake_p subject list

step 'intake --home "$STORE" --passphrase-fd 3 subject list --reveal 3<<EOF ...'
intake_p subject list --reveal

step 'echo "tiger lamp violet oxygen" | intake --home "$STORE" --passphrase-fd 0 list'
note 'a wrong passphrase: exit status 1, the store is not touched'
rc=0
printf '%s\n' "tiger lamp violet oxygen" | "$bin" --home "$STORE" --passphrase-fd 0 list || rc=$?
say "(exit status %s)" "$rc"
if [ "$rc" -ne 1 ]; then
    say "demo: a wrong passphrase should give exit status 1" >&2
    exit 1
fi

step 'intake --home "$STORE" --passphrase-fd 3 term add employer "Pyongyang Trading Company" 3<<EOF ...'
note 'a store-wide protected term: it becomes [EMPLOYER-1] in anything that leaves'
intake_p term add employer "Pyongyang Trading Company"

step 'R3=$(intake --home "$STORE" --passphrase-fd 3 record "$P" --title "Pay" --date 2024-03-09 --lang en --tag wages 3<<EOF <<'"'"'BODY'"'"' ...'
R3=$(intake_p record "$P" --title "Pay" --date 2024-03-09 --lang en --tag wages <<'BODY'
Jung-su said the Pyongyang Trading Company paid nothing for three months.
Call me on +82 10-2000-0000 if the payments start.
BODY
)
echo "R3=$R3"

step 'intake --home "$STORE" --passphrase-fd 3 redact "$R3" 3<<EOF ...'
note 'no consent recorded yet: redact shows the text, says it may not leave, exit status 1'
rc=0
intake_p redact "$R3" || rc=$?
say "(exit status %s)" "$rc"

step 'intake --home "$STORE" --passphrase-fd 3 consent "$P" --export yes --quote yes --method verbal 3<<EOF ...'
intake_p consent "$P" --export yes --quote yes --method verbal

step 'intake --home "$STORE" --passphrase-fd 3 redact "$R3" --report 3<<EOF ...'
note 'each redaction: field, span in the output, category, rule; never the original'
intake_p redact "$R3" --report

HQ=$dir/hq
intake_hq() {
    "$bin" --home "$HQ" --passphrase-fd 3 "$@" 3<<EOF
$pass
EOF
}
step 'intake --home "$HQ" --passphrase-fd 3 init --kdf interactive --label "NGO headquarters" 3<<EOF ...'
note 'a second store: the NGO at headquarters (its recovery key is not shown here)'
intake_hq init --kdf interactive --label "NGO headquarters" >/dev/null

step 'intake --home "$STORE" --passphrase-fd 3 contact add hq "$(intake --home "$HQ" ... card)" 3<<EOF ...'
note 'in the field the cards are exchanged face to face by QR code (intake card --qr term)'
intake_p contact add hq "$(intake_hq card)"
intake_hq contact add field "$(intake_p card)"

step 'intake --home "$STORE" --passphrase-fd 3 contact verify hq --confirm 3<<EOF ...'
note 'both read the same 60-digit safety number aloud, then confirm'
intake_p contact verify hq | awk 'NR == 1 { print $NF }' | intake_p contact verify hq --confirm
intake_hq contact verify field | awk 'NR == 1 { print $NF }' | intake_hq contact verify field --confirm >/dev/null

step 'intake --home "$STORE" --passphrase-fd 3 export --to hq "$R2" "$R3" -o "$dir/out.bundle" 3<<EOF ...'
note 'redacted, audited, sealed to hq, signed by this device, padded'
intake_p export --to hq "$R2" "$R3" -o "$dir/out.bundle"
ls -l "$dir/out.bundle"

step 'intake --home "$HQ" --passphrase-fd 3 audit "$dir/out.bundle" 3<<EOF ...'
note 'at headquarters, before anything is used (WARN: two records are too few to hide in)'
rc=0
intake_hq audit "$dir/out.bundle" || rc=$?
say "(exit status %s)" "$rc"

step 'intake --home "$HQ" --passphrase-fd 3 open "$dir/out.bundle" 3<<EOF ...'
intake_hq open "$dir/out.bundle"

step 'intake --home "$HQ" --passphrase-fd 3 import "$dir/out.bundle" 3<<EOF ...'
intake_hq import "$dir/out.bundle"

step 'intake --home "$STORE" --passphrase-fd 3 log --verify 3<<EOF ...'
note 'the hash-chained log of every change: no names, no terms, no testimony'
intake_p log
intake_p log --verify

echo
say "Done. The stores in %s are deleted now." "$dir"
say "Next: '%s', README.md and SECURITY.md." "$man"
