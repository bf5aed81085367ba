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
