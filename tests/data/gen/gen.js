#!/usr/bin/env node
// Generates the evaluation set (../eval.jsonl) and the identity-free texts
// (../clean/*.txt) from outside sources; see ../README.md.
//   cd tests/data/gen && npm install && node gen.js
// Needs Debian hunspell, hunspell-tools (unmunch), hunspell-mn, hunspell-ko,
// wamerican, icu-devtools (uconv) and iso-codes.  Deterministic (fixed seeds).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { fakerKO, fakerEN, fakerRU, fakerZH_CN } = require('@faker-js/faker');
const hangul = require('es-hangul');
const anyAsciiMod = require('any-ascii');
const anyAscii = anyAsciiMod.default || anyAsciiMod;
const phone = require('libphonenumber-js/max');
const examples = require('libphonenumber-js/examples.mobile.json');

const OUT = path.join(__dirname, '..');
fakerKO.seed(3); fakerEN.seed(3); fakerRU.seed(3); fakerZH_CN.seed(3);

// A small deterministic generator for our own choices (which form, which template).
let seed = 12345;
function rnd(n) { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor(seed / 65536) % n; }
function pick(a) { return a[rnd(a.length)]; }

// ---- Outside tools ----
function sh(cmd, args, input) {
    return execFileSync(cmd, args, { input, encoding: 'utf8', maxBuffer: 1 << 28,
                                     stdio: ['pipe', 'pipe', 'ignore'] });
}
// ICU transforms, one syllable or word per line (the BGN Korean transform
// drops vowels on whole words, so Korean goes syllable by syllable).
function uconv(rule, lines) {
    return sh('uconv', ['-x', rule], lines.join('\n') + '\n').split('\n').slice(0, lines.length);
}
const stripMarks = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const cap = s => s.charAt(0).toUpperCase() + s.slice(1);

// ---- Korean names: faker ko, romanised by es-hangul (RR) and ICU (BGN = MR) ----
const syllables = s => [...s];
function romanRR(syl) { return hangul.romanize(syl); }
const mrCache = new Map();
function romanMR(sylList) {
    const need = sylList.filter(s => !mrCache.has(s));
    if (need.length) uconv('::NFD; ::Korean-Latin/BGN;', need).forEach((r, i) => mrCache.set(need[i], r.trim()));
    return sylList.map(s => mrCache.get(s));
}
// DPRK usage: initial ㄹ written r (MR writes n or r).
function dprk(syl, mr) {
    return hangul.getChoseong(syl) === 'ㄹ' ? 'r' + mr.replace(/^[nlr]/, '') : mr;
}
// Surname spellings seen in common use (press, passports), not from our tables.
const informal = { '이': ['Lee', 'Rhee', 'Yi'], '박': ['Park'], '최': ['Choi'], '정': ['Jung', 'Chung'],
    '김': ['Kim'], '리': ['Lee', 'Ri'], '임': ['Lim'], '노': ['Roh', 'Noh'], '유': ['Yoo'],
    '윤': ['Yoon'], '신': ['Shin'], '조': ['Cho'], '강': ['Kang'], '장': ['Chang'], '한': ['Han'] };

function koreanName() {
    for (;;) {
        const full = fakerKO.person.lastName() + fakerKO.person.firstName();
        if (syllables(full).length === 3) return full;
    }
}

function koreanSpellings(full) {
    const s = syllables(full), sur = s[0], given = s.slice(1);
    const rr = s.map(romanRR), mr = romanMR(s);
    const mrPlain = mr.map(x => stripMarks(x).replace(/[’']/g, ''));
    const out = [];
    out.push(['rr', cap(rr[0]) + ' ' + cap(rr[1]) + '-' + rr[2]]);
    out.push(['rr-joined', cap(rr[1]) + rr[2] + ' ' + cap(rr[0])]);
    out.push(['mr', cap(mr[0]) + ' ' + cap(mr[1]) + '-' + mr[2]]);
    out.push(['mr-plain', cap(mrPlain[0]) + ' ' + cap(mrPlain[1]) + '-' + mrPlain[2]]);
    out.push(['dprk', cap(dprk(sur, mrPlain[0])) + ' ' + cap(dprk(given[0], mrPlain[1])) + '-' + mrPlain[2]]);
    if (informal[sur]) out.push(['informal', pick(informal[sur]) + ' ' + cap(rr[1]) + '-' + rr[2]]);
    out.push(['given-rr', cap(rr[1]) + '-' + rr[2]]);
    out.push(['given-mr', cap(mrPlain[1]) + '-' + mrPlain[2]]);
    return out;
}

// ---- Mongolian names: hunspell-mn personal names, inflections by unmunch
// checked by hunspell, Latin by ICU (MNS 5217, BGN/PCGN) and any-ascii ----
function mongolianNames() {
    const dic = fs.readFileSync('/usr/share/hunspell/mn_MN.dic', 'utf8').split('\n');
    const names = [];
    for (const line of dic) {
        const m = /^([А-ЯЁӨҮ][а-яёөү]+(?:-[А-ЯЁӨҮа-яёөү][а-яёөү]+)?)\/(N\d\dN)$/.exec(line);
        if (m && m[1].length >= 5 && /[өүэ]|аа|оо|уу/.test(m[1])) names.push([m[1], m[2]]);
    }
    return names;
}

function inflections(name, flag) {
    const tmp = fs.mkdtempSync('/tmp/intake-gen-');
    fs.writeFileSync(path.join(tmp, 'n.dic'), '1\n' + name + '/' + flag + '\n');
    const forms = [...new Set(sh('unmunch', [path.join(tmp, 'n.dic'), '/usr/share/hunspell/mn_MN.aff'])
        .split('\n').map(x => x.replace(/\/.*/, '').trim()).filter(x => x && x !== name))];
    fs.rmSync(tmp, { recursive: true });
    const bad = new Set(sh('hunspell', ['-d', 'mn_MN', '-l'], forms.join('\n') + '\n').split('\n'));
    // Single case endings: at most 4 letters after the name or its stem.
    const stem = name.replace(/[аэоөуүиы]$/, '');
    return forms.filter(f => !bad.has(f) && f.startsWith(stem) && f.length - name.length <= 4 &&
                              f.length - name.length >= 1);
}

function mongolianSpellings(name) {
    const [mns] = uconv('mn-mn_Latn/MNS', [name]), [bgn] = uconv('mn-mn_Latn/BGN', [name]);
    return [['mns', mns], ['bgn', bgn], ['ascii', anyAscii(name)],
            ['passport', mns.replace(/ö/g, 'oe').replace(/ü/g, 'ue')]];
}

// ---- Places, phones, other pattern PII ----
const iso = JSON.parse(fs.readFileSync('/usr/share/iso-codes/json/iso_3166-2.json', 'utf8'))['3166-2'];
const placesOf = cc => iso.filter(x => x.code.startsWith(cc + '-')).map(x => x.name);

function phoneNumber(cc) {
    for (let i = 0; ; i++) {
        const ex = examples[cc];
        const digits = ex.slice(0, ex.length - 4) + String(1000 + rnd(9000));
        const p = phone.parsePhoneNumber(digits, cc);
        if (p.isValid() || i > 20) return rnd(2) ? p.formatInternational() : p.formatNational();
    }
}
function rrn() {
    const y = 50 + rnd(49), m = 1 + rnd(12), d = 1 + rnd(28);
    const p = n => String(n).padStart(2, '0');
    return p(y) + p(m) + p(d) + '-' + (1 + rnd(2)) + String(100000 + rnd(900000));
}
function passport(cc) {
    const n = k => String(Math.pow(10, k - 1) + rnd(9 * Math.pow(10, k - 1)));
    return cc === 'MN' ? pick(['E', 'K']) + n(7) : 'M' + n(8);
}
function dms(v, pos, neg) {
    const a = Math.abs(v), d = Math.floor(a), m = Math.floor((a - d) * 60), s = Math.round(((a - d) * 60 - m) * 60);
    return `${d}°${m}'${s}"${v >= 0 ? pos : neg}`;
}
function gps() {
    const la = Number(fakerEN.location.latitude({ precision: 4 })), lo = Number(fakerEN.location.longitude({ precision: 4 }));
    return rnd(2) ? `${la.toFixed(4)}, ${lo.toFixed(4)}` : `${dms(la, 'N', 'S')} ${dms(lo, 'E', 'W')}`;
}
function birthDate(lang) {
    const y = 1950 + rnd(50), m = 1 + rnd(12), d = 1 + rnd(28);
    const p = n => String(n).padStart(2, '0');
    if (lang === 'ko') return [pick(['생년월일: ', '출생: ']), `${y}년 ${m}월 ${d}일`, ''];
    if (lang === 'mn') return ['төрсөн огноо ', `${y}-${p(m)}-${p(d)}`, ''];
    return [pick(['born on ', 'date of birth: ', 'DOB ']), pick([`${y}-${p(m)}-${p(d)}`, `${p(d)}/${p(m)}/${y}`,
        `${d} ${fakerEN.date.month()} ${y}`]), ''];
}

// ---- Building one testimony ----
class Doc {
    constructor(id, lang) { this.id = id; this.lang = lang; this.text = ''; this.spans = []; this.subjects = []; this.terms = []; }
    put(s) { this.text += s; }
    mark(s, category, cls, nameOnly) {
        const start = Buffer.byteLength(this.text);
        this.text += s;
        const end = start + Buffer.byteLength(nameOnly !== undefined ? nameOnly : s);
        this.spans.push({ start, end, category, class: cls });
    }
    json() {
        return JSON.stringify({ id: this.id, lang: this.lang, text: this.text, subjects: this.subjects,
                                terms: this.terms, spans: this.spans });
    }
}

function patterns(doc, lang, ccs) {
    const s = [];
    const say = {
        ko: { phone: ['연락처는 ', '입니다. '], email: ['이메일 ', '로 보냈다. '], url: ['사이트 ', '에 올렸다. '],
              ip: ['접속 주소는 ', '였다. '], gps: ['위치 ', ' 근처였다. '], id: ['주민등록번호 ', '. '],
              pass: ['여권 번호 ', '. '] },
        mn: { phone: ['утас ', ' руу залгасан. '], email: ['имэйл ', ' хаягаар. '], url: ['сайт ', ' дээр. '],
              ip: ['IP хаяг ', '. '], gps: ['байршил ', '. '], id: ['регистр ', '. '], pass: ['паспорт ', '. '] },
        en: { phone: ['You can reach him on ', '. '], email: ['She wrote from ', '. '], url: ['It was posted at ', ' last year. '],
              ip: ['The login came from ', '. '], gps: ['They met near ', '. '], id: ['Her registration number is ', '. '],
              pass: ['His passport number was ', '. '] },
    }[lang];
    const items = [];
    for (const cc of ccs) items.push(['phone', phoneNumber(cc), 'phone']);
    items.push(['email', fakerEN.internet.email(), 'email']);
    if (rnd(2)) items.push(['url', fakerEN.internet.url() + pick(['', '/news/' + rnd(999)]), 'url']);
    items.push(['ip', rnd(3) ? fakerEN.internet.ipv4() : fakerEN.internet.ipv6(), 'ip']);
    if (rnd(2)) items.push(['gps', gps(), 'gps']);
    if (lang === 'ko' && rnd(2)) items.push(['id', rrn(), 'id']);
    if (rnd(2)) items.push(['pass', passport(lang === 'mn' ? 'MN' : 'KR'), 'id']);
    for (const [k, v, cat] of items) {
        doc.put(say[k][0]);
        doc.mark(v, cat, 'pattern-' + cat);
        doc.put(say[k][1]);
    }
    const [a, date, b] = birthDate(lang);
    doc.put(a);
    doc.mark(date, 'date', 'pattern-date');
    doc.put(b + (lang === 'ko' ? '. ' : '. '));
}

const koFill = ['그때는 일이 너무 많았다. ', '우리는 밤마다 모였다. ', '아무도 그 말을 믿지 않았다. ',
    '공장에서는 하루 열두 시간을 일했다. ', '돈은 한 번도 제때 나오지 않았다. ', '겨울에는 난방도 없었다. '];
const mnFill = ['Тэр үед ажил их байсан. ', 'Бид орой бүр уулздаг байсан. ', 'Цалин хэзээ ч цагтаа ирдэггүй. ',
    'Өвөл маш хүйтэн байсан. ', 'Хэн ч түүнд итгээгүй. '];
const enFill = ['Nobody believed the foreman. ', 'The shifts lasted twelve hours. ', 'We were paid late, if at all. ',
    'In winter the dormitory had no heating. ', 'The passports were kept by the company. '];

function koreanDoc(i) {
    const d = new Doc('ko-' + String(i).padStart(3, '0'), 'ko');
    const name = koreanName(), other = koreanName();
    const city = fakerKO.location.city(), kp = pick(placesOf('KP')), firm = fakerKO.company.name();
    d.subjects.push({ id: 1, pseudonym: 'Kang Chol-su', names: [name] });
    d.subjects.push({ id: 2, pseudonym: 'Pak Un-hui', names: [other] });
    d.terms.push({ category: 'place', text: city }, { category: 'place', text: kp }, { category: 'employer', text: firm });
    const given = syllables(name).slice(1).join('');
    d.mark(name, 'person', 'term-exact'); d.put(' 씨. ' + pick(koFill));
    d.mark(city, 'place', 'term-exact'); d.put(' 출신이다. ');
    d.mark(city + '에서', 'place', 'term-inflection', city); d.put(' 왔다. ');
    const gj = hangul.josa(given, pick(['이/가', '을/를', '은/는', '와/과']));
    d.mark(gj, 'person', 'term-inflection', given); d.put(' ' + pick(koFill));
    const nj = hangul.josa(name, '의');
    d.mark(nj, 'person', 'term-inflection', name); d.put(' 동료는 ');
    d.mark(other, 'person', 'term-exact'); d.put('였다. ');
    d.mark(firm, 'employer', 'term-exact'); d.put('에서 일했다. ' + pick(koFill));
    const sp = koreanSpellings(name);
    const first = rnd(sp.length), second = (first + 1 + rnd(sp.length - 1)) % sp.length;
    for (const [, form] of [sp[first], sp[second]]) {
        d.put('외국 기사에는 ');
        d.mark(form, 'person', 'term-variant');
        d.put('(으)로 나왔다. ');
    }
    d.put('고향은 '); d.mark(kp, 'place', 'term-exact'); d.put('이다. ');
    patterns(d, 'ko', [pick(['KR', 'KP']), pick(['KR', 'CN', 'RU'])]);
    return d;
}

function mongolianDoc(i, names) {
    const d = new Doc('mn-' + String(i).padStart(3, '0'), 'mn');
    const [name, flag] = names[rnd(names.length)], [other] = names[rnd(names.length)];
    const place = pick(placesOf('MN'));
    d.subjects.push({ id: 1, pseudonym: 'Gerelee', names: [name] });
    d.subjects.push({ id: 2, pseudonym: 'Yumjir', names: [other] });
    d.terms.push({ category: 'place', text: place });
    d.mark(name, 'person', 'term-exact'); d.put(' ' + pick(mnFill));
    const inf = inflections(name, flag);
    for (let k = 0; k < 3 && inf.length; k++) {
        d.put(pick(['Бид ', 'Тэр өдөр ', 'Дараа нь ']));
        d.mark(inf[rnd(inf.length)], 'person', 'term-inflection'); d.put(' ' + pick(mnFill));
    }
    d.mark(other, 'person', 'term-exact'); d.put(' мөн ирсэн. ');
    d.put('Тэд '); d.mark(place, 'place', 'term-exact'); d.put(' аймгаас ирсэн. ');
    const sp = mongolianSpellings(name);
    for (const [, form] of sp) {
        d.put(pick(['Гадаад сонинд ', 'Паспортод ', 'Жагсаалтад ']));
        d.mark(form, 'person', 'term-variant'); d.put(' гэж бичсэн. ');
    }
    patterns(d, 'mn', ['MN', pick(['RU', 'CN', 'KR'])]);
    return d;
}

function englishDoc(i, names) {
    const d = new Doc('en-' + String(i).padStart(3, '0'), 'en');
    const first = fakerEN.person.firstName(), last = fakerEN.person.lastName();
    const ko = koreanName(), [mn] = names[rnd(names.length)];
    const city = fakerEN.location.city(), firm = fakerEN.company.name(), kp = pick(placesOf('KP'));
    d.subjects.push({ id: 1, pseudonym: 'Dana Whitfield', names: [first + ' ' + last] });
    d.subjects.push({ id: 2, pseudonym: 'Ri Myong-hui', names: [ko] });
    d.subjects.push({ id: 3, pseudonym: 'Amarjargal', names: [mn] });
    d.terms.push({ category: 'place', text: city }, { category: 'employer', text: firm }, { category: 'place', text: kp });
    d.mark(first + ' ' + last, 'person', 'term-exact'); d.put(' worked in '); d.mark(city, 'place', 'term-exact');
    d.put(' for '); d.mark(firm, 'employer', 'term-exact'); d.put('. ' + pick(enFill));
    d.mark(last + "'s", 'person', 'term-inflection', last); d.put(' brother said so. ');
    // Korean colleague: Hangul in an English text, and a romanised spelling.
    d.put('Her colleague '); d.mark(ko, 'person', 'term-exact'); d.put(' came from ');
    d.mark(kp, 'place', 'term-exact'); d.put('. ');
    const sp = koreanSpellings(ko);
    const [, form] = sp[rnd(sp.length)];
    d.put('Later reports called him '); d.mark(form, 'person', 'term-variant'); d.put('. ' + pick(enFill));
    d.put('A Mongolian worker, '); d.mark(mn, 'person', 'term-exact'); d.put(', also known as ');
    const ms = mongolianSpellings(mn);
    d.mark(ms[rnd(ms.length)][1], 'person', 'term-variant'); d.put(', left early. ');
    patterns(d, 'en', [pick(['KP', 'KR', 'MN', 'RU', 'CN']), pick(['KR', 'MN'])]);
    d.put(pick(enFill));
    return d;
}

// ---- Identity-free texts for false automatic redactions ----
function sample(words, n) {
    const out = [];
    for (let i = 0; i < n && words.length; i++) out.push(words[rnd(words.length)]);
    return out;
}
function lines(words, per) {
    const out = [];
    for (let i = 0; i < words.length; i += per) out.push(words.slice(i, i + per).join(' '));
    return out.join('\n') + '\n';
}
function cleanTexts() {
    const dir = path.join(OUT, 'clean');
    fs.mkdirSync(dir, { recursive: true });
    const en = fs.readFileSync('/usr/share/dict/american-english', 'utf8').split('\n')
        .filter(w => /^[a-z]+$/.test(w));
    fs.writeFileSync(path.join(dir, 'en-words.txt'), lines(sample(en, 20000), 16));
    const ko = fs.readFileSync('/usr/share/hunspell/ko.dic', 'utf8').split('\n').slice(1)
        .map(w => w.replace(/\/.*/, '').normalize('NFC')).filter(w => /^[\uAC00-\uD7A3]+$/.test(w));
    fs.writeFileSync(path.join(dir, 'ko-words.txt'), lines(sample(ko, 20000), 12));
    const mn = fs.readFileSync('/usr/share/hunspell/mn_MN.dic', 'utf8').split('\n').slice(1)
        .map(w => w.replace(/\/.*/, '')).filter(w => /^[а-яёөү]+$/.test(w));
    fs.writeFileSync(path.join(dir, 'mn-words.txt'), lines(sample(mn, 20000), 12));
    // English prose: the GPL 3 text, lines with addresses (URLs, e-mail) left out.
    const gpl = fs.readFileSync('/usr/share/common-licenses/GPL-3', 'utf8').split('\n')
        .filter(l => !/https?:|www\.|@|<|>/.test(l)).join('\n');
    fs.writeFileSync(path.join(dir, 'en-prose.txt'), gpl);
}

function main() {
    const names = mongolianNames();
    const docs = [];
    for (let i = 1; i <= 22; i++) docs.push(koreanDoc(i));
    for (let i = 1; i <= 22; i++) docs.push(mongolianDoc(i, names));
    for (let i = 1; i <= 16; i++) docs.push(englishDoc(i, names));
    fs.writeFileSync(path.join(OUT, 'eval.jsonl'), docs.map(d => d.json()).join('\n') + '\n');
    cleanTexts();
    const n = docs.reduce((a, d) => a + d.spans.length, 0);
    console.log(`${docs.length} testimonies, ${n} annotated spans`);
}
main();
