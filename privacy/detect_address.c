/* Home addresses (report-adv17a D-37): a building, a flat or a house
 * number tied to its unit word, and the street with its number, as
 * Mongolian, Korean, Russian, Chinese, English and Malaysian addresses
 * write them (norm view):
 *   Mongolian  13-р хороо, 45-р байр, 12 тоот(од), 3 давхар, 2-р орц,
 *              Энхтайваны өргөн чөлөө 15а, Сөүлийн гудамж 5;
 *   Korean     테헤란로 123, 세종대로 12-3, 역삼동 737-32, 737번지, 4층,
 *              401호(에), 101동;
 *   Russian    ул. Тверская, улица Ленина 5, пр. Мира, д. 7, дом 7,
 *              кв. 15, квартира 15, корп. 2, стр. 1;
 *   Chinese    建国路88号, 3号楼, 2栋, 1单元, 12层, 1201室;
 *   English    221b Baker Street, 12 High Road, Apt 4B, Flat 3, Suite 200,
 *              Unit 5, Blk 5, #03-12, No. 12;
 *   Malaysian  Jalan Ampang, Jln 3/4, Lorong 3, Taman Melati;
 *   Kuwaiti    Block 4, Street 12, Avenue 3, House 7; قطعة 4، شارع 12؛
 *   North Korean 12인민반 3호, 5 inminban, house 12, 5人民班12号;
 *   Latin UB   BZD, 4th khoroo, khoroo 1, bair 5, toot 12;
 *   Korean lot 역삼동 737, 문호리 산 12-3, 역삼동 737 번지;
 *   P.O. boxes P.O. Box 1234, ш/х 1234, 사서함 1234호, а/я 56
 * (brief s20 addr20; docs/VARIANTS.md, "Session 20: addresses").
 * Parts apart by ", ", " ", ";" or nothing (Chinese) make one address;
 * one is kept when a part names a household by itself (a flat, a room,
 * a street with its number: STRONG) or two parts or more stand together
 * ("13-р хороо, 45-р байр"); one or two words between two parts are
 * inside ("26 khoroo, Sansar 45-r bair").  A district or a city alone is
 * no part: the gazetteer decides those.  A postcode without its label a
 * town's name or two from an address is an address of its own.  The address is reported as kind
 * "address" over the detections it overlaps.
 * Shapes written short ("3х, 15б, 42т", "B5 S12 H34", "101-1203에") are
 * read in detect_address_short.c; a text whose numbers are not all ASCII
 * digits (Arabic-Indic, said in words: "дом пять, квартира двенадцать")
 * is read in its view (detect_address_view.c), where a household's part
 * with its number said needs another part beside it (part_said; brief s22
 * addr22). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/detect_address_int.h"

/* A name of one or two words between two parts of an address, where
 * the next part starts ("26 khoroo, Sansar 45-r bair", "Street 12,
 * Salmiya House 7": a microdistrict's, a town's or a building's name,
 * maybe a protected place term, which the address then covers: brief s20
 * addr20 item 8); its end after the space, or 0.  No small word of
 * en_stop ("Block 4 of the queue"), no digit. */
static size_t gap(const char *s, size_t len, size_t i)
{
    size_t x = i, e, st;
    int k, w;

    for (k = 0; k < 2; k++) {
        if ((e = addr_town_word(s, len, x)) == x || e >= len || s[e] != ' ' || det_digit(s[x]) ||
            (det_alpha(s[x]) && addr_en_stop(s, x, e)))
            return 0;
        x = e + 1;
        if (x < len && addr_part_at(s, len, x, &st, &w) != 0 && st == x)
            return x;
    }
    return 0;
}

/* 1 if the word w[0..n) (norm view) is a Russian or Ukrainian verb in the
 * past tense plural, reflexive or not ("потеряли", "жили", "переехали",
 * "поселились"): four letters at least ending in -ли or -лись.  The
 * genitive singulars of the -ль nouns that a number counts end so too
 * ("две недели", "три капли"): those of time and measure are no verbs. */
static int said_verb(const char *w, size_t n)
{
    static const char *const nouns[] = { "недели", "капли", "петли", "мили", "сабли", "кастрюли" };
    size_t k;

    for (k = 0; k < sizeof nouns / sizeof nouns[0]; k++)
        if (n == strlen(nouns[k]) && memcmp(w, nouns[k], n) == 0)
            return 0;
    return (n >= 8 && memcmp(w + n - 4, "ли", 4) == 0) || (n >= 14 && memcmp(w + n - 8, "лись", 8) == 0);
}

/* 1 if a part with a number said ending at e ends its sentence (the
 * text's end, or . ! ? ; after it), or its clause (a comma, a colon, a
 * closing bracket: "в квартире сорок два, на пятом этаже", "Квартира
 * тридцать пятая, второй подъезд"), or a word that no count takes before
 * it follows, a preposition or a conjunction ("квартире номер двенадцать
 * с семьёй", "квартире пять и ..."): nothing counted after it, where "в
 * квартире два человека", "в квартире сорок два градуса" have their noun
 * (adv42 L-29, L-33, L-63, L-80; brief s43 num43).  "с" before
 * "половиной", "лишним" is part of the number ("сорок с лишним").  No
 * count takes a personal pronoun, an adverb of time, the copula or a
 * verb in the past after it either: "Квартиру сто пятнадцать нам сдал",
 * "из квартиры двадцать ночью", "квартиры семьдесят три потеряли",
 * "пәтері отыз үш еді", Mongolian "тоот ... байсан" (report-adv44 L-21,
 * L-57, L-71, L-116, L-131; said_verb). */
static int said_alone(const char *s, size_t len, size_t e)
{
    static const char *const free_words[] = {
        "с", "со", "и", "а", "но", "на", "в", "во", "у", "где", "из", "за", "до", "по", "от", "возле", "около",
        "рядом", "з", "із", "і", "й", "та", "де", "біля", "and", "with", "in", "on", "at", "where", "near",
        /* Russian and Ukrainian personal pronouns (their cases) */
        "я", "мы", "ты", "вы", "он", "она", "они", "мне", "нам", "вам", "им", "ему", "ей", "меня", "нас",
        "его", "её", "ее", "их", "ми", "ви", "вони", "їм", "йому", "їй", "мені",
        /* adverbs of time (Russian, Ukrainian) */
        "ночью", "утром", "днём", "днем", "вечером", "вчера", "сегодня", "тогда", "потом", "уже", "ещё", "еще",
        "давно", "сразу", "снова", "тоже", "вночі", "вранці", "вчора", "сьогодні", "тоді", "вже",
        /* the copula: Russian был, Kazakh еді, екен, болатын, болды,
         * Mongolian байсан, байв, юм, байна, байлаа */
        "был", "была", "было", "были", "еді", "екен", "болатын", "болды", "болған", "байсан", "байв", "юм",
        "байна", "байлаа", "байдаг",
    };
    size_t k, n, w;

    if (e >= len || strchr(".!?;,:)", s[e]) != NULL)
        return 1;
    if (s[e] != ' ' || (w = detect_letters(s, len, e + 1)) == e + 1)
        return 0;
    for (k = 0; k < sizeof free_words / sizeof free_words[0]; k++)
        if ((n = strlen(free_words[k])) == w - e - 1 && memcmp(s + e + 1, free_words[k], n) == 0)
            return !(det_starts(s, len, w, " половин") || det_starts(s, len, w, " лишн") ||
                     det_starts(s, len, w, " чем"));
    return said_verb(s + e + 1, w - e - 1);
}

/* part_at in a view whose digits said in words are marked in said (NULL:
 * none): a part that would name a household by itself (a flat, a house
 * on its street) with its number said is weak, so that it needs another
 * part beside it ("дом пять, квартира двенадцать", not "в квартире два
 * человека"); a postcode's or a post-office box's after its label
 * ("zip code twenty oh five hundred") stays strong (brief s22 addr22). */
static size_t part_said(const char *s, size_t len, size_t i, size_t *start, int *weight,
                        const unsigned char *said)
{
    size_t e = addr_part_at(s, len, i, start, weight), k;

    if (e != 0 && *start == i && (*weight & STRONG) && det_digit(s[i]))
        *start = addr_spaced_digits_start(s, i);
    if (e == 0 || said == NULL || !(*weight & STRONG) || (*weight & (LABEL | KEEP)))
        return e;
    /* One that ends its sentence, nothing counted after it ("квартира
     * сорок пять", "flat forty-five.", "гучин тавдугаар тоот"), stays
     * strong, and is its number alone, as said_shape gives "in apartment
     * [twelve]." (detect_address_cue.c): a count has its noun after it
     * ("в квартире два человека"; report-adv32 L-21); the text's end is
     * the end (detect_text_end). */
    if (said_alone(s, len, e)) {
        for (k = *start; k < e && !said[k]; k++)
            ;
        if (k > *start && said[e - 1])
            return *start = k, e;
        if (k == *start && !said[e - 1])
            return e;
    }
    for (k = *start; k < e; k++)
        if (said[k]) {
            *weight = (*weight & ~STRONG) | WEAK;
            break;
        }
    return e;
}

/* Adds [a, b) to d[0..*n) over the detections it overlaps (it takes
 * their spans), keeping the order by start; 0, or -1 out of memory. */
int addr_merge(struct detection **d, size_t *n, size_t *cap, size_t a, size_t b)
{
    size_t k, w, pos;
    int grew = 1;
    struct detection *p;

    while (grew) {
        grew = 0;
        for (k = 0; k < *n; k++)
            if ((*d)[k].start < b && (*d)[k].end > a && ((*d)[k].start < a || (*d)[k].end > b)) {
                a = (*d)[k].start < a ? (*d)[k].start : a;
                b = (*d)[k].end > b ? (*d)[k].end : b;
                grew = 1;
            }
    }
    for (k = 0, w = 0; k < *n; k++)
        if (!((*d)[k].start < b && (*d)[k].end > a))
            (*d)[w++] = (*d)[k];
    *n = w;
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        if ((p = realloc(*d, c * sizeof *p)) == NULL)
            return -1;
        *d = p, *cap = c;
    }
    for (pos = 0; pos < *n && (*d)[pos].start < a; pos++)
        ;
    memmove(*d + pos + 1, *d + pos, (*n - pos) * sizeof **d);
    (*d)[pos].start = a, (*d)[pos].end = b, (*d)[pos].kind = DETECT_ADDRESS;
    (*n)++;
    return 0;
}

/* Spaces between a part's start and its first digit, at most (the rule:
 * detect_gate.c, "The parts of detect_address.c's scan"). */
#define PART_SPACES 8

/* 1 if the byte c may stand in a part before its first digit (above):
 * a letter of any script (capitals too: the norm view has none, a
 * caller's text may), ' ', '.', '-', ',', ':', '#', '/'. */
static int part_byte(unsigned char c)
{
    return c >= 0x80 || det_alpha((char)c) || (c >= 'A' && c <= 'Z') || c == ' ' || c == '.' || c == '-' ||
           c == ',' || c == ':' || c == '#' || c == '/';
}

int gate_addr_part(struct gate_map *m, const char *s, size_t len)
{
    size_t spaces = PART_SPACES + 1;

    m->len = 0;
    if ((m->bits = calloc(len / 8 + 1, 1)) == NULL)
        return -1;
    m->len = len;
    for (size_t i = len; i-- > 0;) {
        if (det_digit(s[i]))
            spaces = 0;
        else if (!part_byte((unsigned char)s[i]))
            spaces = PART_SPACES + 1;
        else if (s[i] == ' ' && spaces <= PART_SPACES)
            spaces++;
        if (spaces <= PART_SPACES)
            m->bits[i >> 3] = (unsigned char)(m->bits[i >> 3] | (1u << (i & 7)));
    }
    return 0;
}

/* The two letters a word starts with, as a number of 16 bits: the first
 * byte of each ASCII letter, the second of each other (a Cyrillic
 * letter's); 0 when s[0..n) is too short to say. */
static unsigned key2(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t second = u[0] < 0x80 ? 1 : 2;

    if (second >= n || (u[0] >= 0x80 && n < 2))
        return 0;
    if (u[second] >= 0x80 && second + 1 >= n)
        return 0;
    return (unsigned)(u[0] < 0x80 ? u[0] : u[1]) << 8 | (u[second] < 0x80 ? u[second] : u[second + 1]);
}

/* The keys (key2) of the words a part without a digit starts with
 * (word_part, detect_address_part.c): a street's label of streets[] ("ул. тверская"), a
 * district's of abbr[] ("bzd"), a building's word before its letter
 * ("block b,": bl, bu, tower) in words; a Mongolian street's word of
 * mn_streets[] (after the word the part starts with) in next. */
struct wordy {
    unsigned char words[8192], next[8192];
};

static void wordy_set(unsigned char *bits, const char *w)
{
    unsigned k = key2(w, strlen(w));

    bits[k >> 3] = (unsigned char)(bits[k >> 3] | (1u << (k & 7)));
}

static int wordy_has(const unsigned char *bits, const char *s, size_t n)
{
    unsigned k = key2(s, n);

    return k == 0 || ((bits[k >> 3] >> (k & 7)) & 1);
}

/* The words' keys, built once per process (wordy_build, pthread_once): a
 * constant of the word tables (16 KiB, rebuilt per text before session
 * 32). */
static struct wordy wordy_keys;
static pthread_once_t wordy_once = PTHREAD_ONCE_INIT;

static void wordy_build(void)
{
    struct wordy *w = &wordy_keys;
    size_t k;

    for (k = 0; addr_part_word(0, k) != NULL; k++)
        wordy_set(w->words, addr_part_word(0, k));
    wordy_set(w->words, "bl"), wordy_set(w->words, "bu"), wordy_set(w->words, "tower");
    for (k = 0; addr_part_word(1, k) != NULL; k++)
        wordy_set(w->next, addr_part_word(1, k));
}

/* 1 if a part without a digit (word_part: a street's label and its name,
 * a district's abbreviation, a word before a Mongolian street's word,
 * "block b,") may start at i; asked where the gate of the parts with a
 * digit (gate_addr_part, detect_gate.c) leaves i out.  A test by the
 * words' first two letters: it may say 1 where no part is, never 0
 * where one is. */
static int part_wordy(const struct wordy *w, const char *s, size_t len, size_t i)
{
    size_t e;

    if (wordy_has(w->words, s + i, len - i))
        return 1;
    if ((i > 0 && det_alpha(s[i - 1])) || det_letter_before(s, i))
        return 0;                                  /* no word's start: part_at reads none */
    e = detect_letters(s, len, i);
    return e > i && e + 1 < len && s[e] == ' ' && wordy_has(w->next, s + e + 1, len - e - 1);
}

/* The addresses of s[0..len): merged into d[0..*n) when d is not NULL;
 * and each lone weak part of a unit of ONLY given to fn (start, end) when
 * fn is not NULL.  One pass for both (brief s21: the redactor asked for
 * both of the same text and walked it twice): the two walks go from part
 * to part alike and part only where an address takes a postcode after it
 * (the addresses' walk goes on after the postcode, the other after the
 * address), so each has its own position, id and iu, and a position both
 * reach is read once. */
static int scan_gated(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len,
                      const unsigned char *said, int (*fn)(void *ctx, size_t start, size_t end), void *ctx,
                      const struct gate_map *may, const struct wordy *wordy)
{
    size_t id = d != NULL ? 0 : len, iu = fn != NULL ? 0 : len, i, a, b, e, next, st, g;
    int weight, w, parts, lots;

    while ((i = id < iu ? id : iu) < len) {
        if (((unsigned char)s[i] & 0xC0) == 0x80 || (!gate_has(may, i) && !part_wordy(wordy, s, len, i)) ||
            (b = part_said(s, len, i, &a, &weight, said)) == 0) {
            id += id == i, iu += iu == i;
            continue;
        }
        parts = 1, lots = (weight & LOT) != 0;
        /* The parts that follow, apart by ", ", " ", ";" or nothing. */
        for (;;) {
            next = b;
            next += next < len && (s[next] == ',' || s[next] == ';');
            next += det_starts(s, len, next, "\xd8\x8c") ? 2 : 0;     /* the Arabic comma */
            next += next < len && s[next] == ' ';
            /* "3 khoroo 15-42": a building and a flat joined by a dash
             * after another part. */
            if (next < len && det_digit(s[next]) && (e = part_said(s, len, next, &st, &w, said)) == 0 &&
                (e = addr_house_number(s, len, next)) != 0 && memchr(s + next, '-', e - next) != NULL)
                st = next, w = WEAK;
            else if (next < len && (e = part_said(s, len, next, &st, &w, said)) != 0 && st == next)
                ;
            else if ((g = gap(s, len, next)) == 0 || (e = part_said(s, len, g, &st, &w, said)) == 0 || st != g)
                break;
            b = e, weight |= w, parts++, lots += (w & LOT) != 0;
        }
        if (i == iu) {
            if (!(weight & STRONG) && parts == 1 && (weight & ONLY) && fn(ctx, a, b) != 0)
                return -1;
            iu = b;
        }
        if (i == id) {
            if ((weight & STRONG) || (parts >= 2 && parts > lots)) {
                if (addr_merge(d, n, cap, a, b) != 0)
                    return -1;
                if ((e = addr_postcode_before(s, a, &st)) != 0 && addr_merge(d, n, cap, st, e) != 0)
                    return -1;
                /* Its postcode without a label, a town's name or two apart;
                 * right after it, one span ("а/я 123, 123456 Москва":
                 * report-adv21 A-6). */
                if ((e = addr_postcode_after(s, len, b, &st)) != 0) {
                    if (addr_merge(d, n, cap, st <= b + 2 ? a : st, e) != 0)
                        return -1;
                    b = e;
                }
            }
            id = b;
        }
    }
    return 0;
}

/* scan_gated with its parts started only where one may start: where a
 * digit follows (gate_addr_part) or a word of a part without one stands
 * (part_wordy; brief s29 speed29a). */
static int scan(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len,
                const unsigned char *said, int (*fn)(void *ctx, size_t start, size_t end), void *ctx)
{
    struct gate_map may;
    int rc;

    if (gate_addr_part(&may, s, len) != 0)
        return -1;
    (void)pthread_once(&wordy_once, wordy_build);
    rc = scan_gated(d, n, cap, s, len, said, fn, ctx, &may, &wordy_keys);
    free(may.bits);                 /* not gate_free: no call into detect_gate.c (above) */
    return rc;
}

/* Spans found in the view, given back to the caller's fn or collected
 * (start, end in the view). */
struct spans {
    size_t *p, n, cap;
};

static int add_span(void *ctx, size_t start, size_t end)
{
    struct spans *sp = ctx;
    size_t *q;

    if (sp->n + 2 > sp->cap) {
        size_t c = sp->cap ? sp->cap * 2 : 16;
        if ((q = realloc(sp->p, c * sizeof *q)) == NULL)
            return -1;
        sp->p = q, sp->cap = c;
    }
    sp->p[sp->n++] = start, sp->p[sp->n++] = end;
    return 0;
}

/* Scans the view v (detect_address_view.c: Arabic-Indic digits and
 * numbers said in words as ASCII digits) and gives the spans in the
 * text's offsets to merge (d not NULL) and to fn (not NULL), as scan
 * does.  0, or -1 out of memory or when fn returned non-zero. */
static int scan_view(const struct addr_view *v, struct detection **d, size_t *n, size_t *cap,
                     int (*fn)(void *ctx, size_t start, size_t end), void *ctx)
{
    struct detection *td = NULL;
    size_t tn = 0, tcap = 0, k;
    struct spans sp = { NULL, 0, 0 };
    int rc;

    rc = scan(d != NULL ? &td : NULL, &tn, &tcap, v->t, v->m, v->said, fn != NULL ? add_span : NULL, &sp);
    for (k = 0; k < tn && rc == 0; k++)
        if (td[k].kind == DETECT_ADDRESS)
            rc = addr_merge(d, n, cap, v->from[td[k].start], v->to[td[k].end - 1]);
    for (k = 0; k + 1 < sp.n && rc == 0; k += 2)
        rc = fn(ctx, v->from[sp.p[k]], v->to[sp.p[k + 1] - 1]);
    free(td), free(sp.p);
    return rc;
}

int detect_addresses_in(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len,
                        const struct addr_view *v, int (*fn)(void *ctx, size_t start, size_t end),
                        void *ctx)
{
    return v == NULL ? scan(d, n, cap, s, len, NULL, fn, ctx) : scan_view(v, d, n, cap, fn, ctx);
}

int detect_addresses(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len,
                     int (*fn)(void *ctx, size_t start, size_t end), void *ctx)
{
    struct addr_view v;
    int rc = addr_view_make(&v, s, len);

    if (rc < 0)
        return -1;
    rc = detect_addresses_in(d, n, cap, s, len, rc > 0 ? &v : NULL, fn, ctx);
    addr_view_free(&v);
    return rc;
}

int detect_address_unsure(const char *s, size_t len, int (*fn)(void *ctx, size_t start, size_t end),
                          void *ctx)
{
    return detect_addresses(NULL, NULL, NULL, s, len, fn, ctx);
}
