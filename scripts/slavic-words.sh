#!/bin/sh
# Remakes data/nicknames/slavic_words.txt: the Cyrillic forms that the
# Ukrainian rules (privacy/variants_uk.c) make from data/nicknames for each
# name of ru.txt, slavic.txt and cyrillic.txt, that hunspell-ru or
# hunspell-uk (Debian packages, needed only here) know as words.  Run from
# the source tree after `make build/rel/libintake.a`; writes the list to
# stdout.  Each form is asked as the key view writes it and with each и
# (at most four) read as Ukrainian і.
# The list's hand-written section (from its line "# Hand-written" to the
# end: forms that collide with a word or another name hunspell does not
# know, Сарин of Сара) is kept as it is.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -n '/^# Hand-written/,$p' data/nicknames/slavic_words.txt > "$tmp/hand"
cat > "$tmp/vl.c" <<'C'
#include <stdio.h>
#include <string.h>
#include "privacy/variants.h"
#include "privacy/varlist.h"
#include "util/err.h"
int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        struct variant_list vl;
        struct err e;
        if (variants_of_kind(&vl, argv[i], strlen(argv[i]), 1, &e) != 0)
            continue;
        for (size_t j = 0; j < vl.n; j++)
            printf("%.*s\n", (int)vl.v[j].keylen, vl.v[j].key);
        variant_list_free(&vl);
    }
    return 0;
}
C
cat > "$tmp/hs.c" <<'C'
#include <hunspell/hunspell.h>
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv)
{
    Hunhandle *h = Hunspell_create(argv[1], argv[2]);
    char line[512];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = 0;
        if (*line && Hunspell_spell(h, line))
            puts(line);
    }
    return 0;
}
C
libs="-lsodium -lcrypto -lsqlcipher -lutf8proc -lhs -ljansson -lbsd -lhunspell-1.7 -lpsl -lxml2 -lzxcvbn -lm -pthread -lqrencode -lpng16 -ljpeg -lzbar -lseccomp"
# shellcheck disable=SC2086
cc -I. -I/usr/include/hs -o "$tmp/vl" "$tmp/vl.c" build/rel/libintake.a $libs
cc -o "$tmp/hs" "$tmp/hs.c" -lhunspell-1.7
names=$(grep -hv '^#' data/nicknames/ru.txt data/nicknames/slavic.txt data/nicknames/cyrillic.txt |
        cut -d, -f1 | grep -v '^name1$' | sort -u)
# shellcheck disable=SC2086
"$tmp/vl" $names | grep -v '[a-z]' | sort -u > "$tmp/forms"
python3 - "$tmp" <<'PY'
import itertools, subprocess, sys
tmp = sys.argv[1]
cands = {}
for k in open(tmp + "/forms", encoding="utf-8").read().split():
    at = [i for i, c in enumerate(k) if c == "и"]
    forms = {k}
    if len(at) <= 4:
        for r in range(1, len(at) + 1):
            for comb in itertools.combinations(at, r):
                s = list(k)
                for i in comb:
                    s[i] = "і"
                forms.add("".join(s))
    for f in forms:
        cands.setdefault(f, set()).add(k)
inp = "\n".join(cands) + "\n"
hit = set()
for d in ("ru_RU", "uk_UA"):
    out = subprocess.run([tmp + "/hs", "/usr/share/hunspell/%s.aff" % d,
                          "/usr/share/hunspell/%s.dic" % d],
                         input=inp, capture_output=True, text=True, check=True).stdout
    for w in out.split():
        hit |= cands[w]
print("# Cyrillic forms the Ukrainian and Russian rules of privacy/variants_uk.c make from data/nicknames (slavic.txt, ru.txt, cyrillic.txt) that")
print("# hunspell-ru or hunspell-uk (Debian 12) know as words: a review flag only where the context marks a name.")
print("# Key view (і and ї written и). Remade by scripts/slavic-words.sh; one a line.")
print("\n".join(sorted(hit)))
PY
cat "$tmp/hand"
