#!/bin/sh
# Installs (or removes) man pages under MANDIR by their file names:
#   NAME.1         -> MANDIR/man1/NAME.1      (docs/intake.1)
#   NAME.LL.1      -> MANDIR/LL/man1/NAME.1   (a translation: docs/intake.ko.1)
#   NAME.LL_CC.1   -> MANDIR/LL_CC/man1/NAME.1               (intake.pt_BR.1)
# LL is a two- or three-letter language code, CC a country code: the names
# po4a writes and dh_installman reads. Any other name with a dot before .1
# is refused, so a misnamed translation cannot replace the English page.
# Usage: scripts/install-man.sh install|uninstall|where MANDIR PAGE...
# (where prints each page's destination and changes nothing)
set -eu

usage() {
    echo "usage: $0 install|uninstall|where MANDIR PAGE..." >&2
    exit 2
}
[ $# -ge 2 ] || usage
mode=$1
mandir=$2
shift 2
case $mode in install|uninstall|where) ;; *) usage ;; esac

# target PAGE: prints where PAGE goes, or fails with a message.
target() {
    base=$(basename "$1")
    case $base in
        *.1) base=${base%.1} ;;
        *) echo "install-man.sh: $1: a man page of section 1 ends in .1" >&2; return 2 ;;
    esac
    name=${base%%.*}
    lang=${base#"$name"}
    lang=${lang#.}
    case $lang in
        "") echo "$mandir/man1/$name.1" ;;
        [a-z][a-z] | [a-z][a-z][a-z] | [a-z][a-z]_[A-Z][A-Z] | [a-z][a-z][a-z]_[A-Z][A-Z])
            echo "$mandir/$lang/man1/$name.1" ;;
        *) echo "install-man.sh: $1: name it NAME.1, or NAME.LL.1 for a translation" \
                "(LL a language code such as ko, mn or pt_BR)" >&2
           return 2 ;;
    esac
}

# Every name is checked before anything is installed.
for page in "$@"; do
    target "$page" >/dev/null || exit 2
done
for page in "$@"; do
    dest=$(target "$page")
    case $mode in
        install) install -d "$(dirname "$dest")" && install -m 0644 "$page" "$dest" ;;
        uninstall) rm -f "$dest" ;;
        where) echo "$dest" ;;
    esac
done
