/* A room's, a flat's or a house's number said in words beside the room's
 * word (report-adv50 L-16..L-19, L-23): "l'appartement quarante-deux",
 * "yüz on iki numaralı odada", "the twelve-oh-four room", "он жеті
 * пәтерде".  The address view (detect_address_view.c) writes such a
 * number as digits, and the room and flat rules of detect_address_flat.c
 * read it there as they read digits (a stay said, no count after it).
 * Only a number beside a room's word is written so: "cent douze euros",
 * "yüz on iki kişi" elsewhere stay words.
 *
 * The number words, by each language's grammar of cardinals (hand-written,
 * they want a native reviewer):
 *   French 0-999 (Grevisse, Le Bon Usage, § 593-596; the 1990 spelling
 *     reform's hyphens between all parts): zéro, un/une ... seize, dix-sept
 *     ..., the tens vingt ... soixante, soixante-dix (60 + 10-19),
 *     quatre-vingt(s) (4 x 20) and quatre-vingt-dix; "et un", "et onze"
 *     after the tens 20-70; cent(s) after a unit; the Belgian and Swiss
 *     septante, huitante, octante, nonante;
 *   Turkish 0-999 (TDK, Türkçe Sözlük, sayı sıfatları): sıfır, bir ... dokuz,
 *     on, yirmi ... doksan, yüz; [unit] yüz [ten] [unit], "iki yüz beş";
 *     a suffix after an apostrophe ends the number ("otuz dört'te");
 *   Kazakh: the numbers that start with он (10) or жүз (100), which
 *     detect_spoken_words.c's table reads only inside a run (он is the
 *     Russian "he"): [unit] жүз [он | ten] [unit], the units and tens of
 *     that table (detect_spoken_value);
 *   English: a number said digit by digit with "oh" for a zero, its first
 *     part a unit, a teen or a ten ("twelve-oh-four", "three oh two"; the
 *     table's words), before the room's word: written spaced, as dictated
 *     ("1 2 0 4"), so that the rules read it as a number no count is (a
 *     count is never said so).
 * The norm view's letters (lower case; marks kept or dropped: both). */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/detect_address_int.h"

enum { UNIT, TEEN_W, TEN_W, HUNDRED, AND_W };

struct said_word {
    const char *w;
    unsigned char kind, v;
};

static const struct said_word french[] = {
    { "zero", UNIT, 0 }, { "zéro", UNIT, 0 }, { "un", UNIT, 1 }, { "une", UNIT, 1 }, { "deux", UNIT, 2 },
    { "trois", UNIT, 3 }, { "quatre", UNIT, 4 }, { "cinq", UNIT, 5 }, { "six", UNIT, 6 }, { "sept", UNIT, 7 },
    { "huit", UNIT, 8 }, { "neuf", UNIT, 9 }, { "dix", TEEN_W, 10 }, { "onze", TEEN_W, 11 },
    { "douze", TEEN_W, 12 }, { "treize", TEEN_W, 13 }, { "quatorze", TEEN_W, 14 }, { "quinze", TEEN_W, 15 },
    { "seize", TEEN_W, 16 }, { "vingt", TEN_W, 20 }, { "vingts", TEN_W, 20 }, { "trente", TEN_W, 30 },
    { "quarante", TEN_W, 40 }, { "cinquante", TEN_W, 50 }, { "soixante", TEN_W, 60 },
    { "septante", TEN_W, 70 }, { "huitante", TEN_W, 80 }, { "octante", TEN_W, 80 }, { "nonante", TEN_W, 90 },
    { "cent", HUNDRED, 100 }, { "cents", HUNDRED, 100 }, { "et", AND_W, 0 },
};

static const struct said_word turkish[] = {
    { "sıfır", UNIT, 0 }, { "sifir", UNIT, 0 }, { "bir", UNIT, 1 }, { "iki", UNIT, 2 }, { "üç", UNIT, 3 },
    { "uc", UNIT, 3 }, { "dört", UNIT, 4 }, { "dort", UNIT, 4 }, { "beş", UNIT, 5 }, { "bes", UNIT, 5 },
    { "altı", UNIT, 6 }, { "alti", UNIT, 6 }, { "yedi", UNIT, 7 }, { "sekiz", UNIT, 8 }, { "dokuz", UNIT, 9 },
    { "on", TEN_W, 10 }, { "yirmi", TEN_W, 20 }, { "otuz", TEN_W, 30 }, { "kırk", TEN_W, 40 },
    { "kirk", TEN_W, 40 }, { "elli", TEN_W, 50 }, { "altmış", TEN_W, 60 }, { "altmis", TEN_W, 60 },
    { "yetmiş", TEN_W, 70 }, { "yetmis", TEN_W, 70 }, { "seksen", TEN_W, 80 }, { "doksan", TEN_W, 90 },
    { "yüz", HUNDRED, 100 }, { "yuz", HUNDRED, 100 },
};

/* The word s[a, b) in the table t[0..n): its row, or NULL. */
static const struct said_word *said_lookup(const struct said_word *t, size_t n, const char *s, size_t a,
                                           size_t b)
{
    /* the first byte first: asked at every word of the text */
    for (size_t k = 0; k < n; k++)
        if (t[k].w[0] == s[a] && strlen(t[k].w) == b - a && memcmp(s + a, t[k].w, b - a) == 0)
            return &t[k];
    return NULL;
}

/* The Kazakh он and жүз, else the units and tens of the spoken-number
 * table (detect_spoken_value: tens as 10 times), as rows of said_word. */
static int kazakh_word(const char *s, size_t a, size_t b, struct said_word *w)
{
    unsigned v;

    if (b - a == strlen("он") && memcmp(s + a, "он", b - a) == 0)
        return w->kind = TEN_W, w->v = 10, 1;
    if (b - a == strlen("жүз") && memcmp(s + a, "жүз", b - a) == 0)
        return w->kind = HUNDRED, w->v = 100, 1;
    if (((unsigned char)s[a] & 0xE0) != 0xC0 || !detect_spoken_value(s, a, b, &v) || v >= 100 ||
        (v >= 10 && v % 10 != 0))
        return 0;
    return w->kind = v < 10 ? UNIT : TEN_W, w->v = (unsigned char)v, 1;
}

/* A number of words of lang (0 French, 1 Turkish, 2 Kazakh) at at, its
 * parts separated by one space or hyphen: its end (bytes), its value in
 * *v, 0 if none.  The grammar of the three: [unit] hundred [ten] [unit];
 * French also a ten then a teen (soixante-dix-sept), quatre-vingt(s),
 * "et" before un, une or onze, and a teen alone. */
static size_t said_number(const char *s, size_t len, size_t at, int lang, unsigned *v, int *kazakh_lead)
{
    size_t p = at, b, end = 0;
    unsigned total = 0, unit = 0, last_v = 0;
    int last = -1, and_w = 0;
    struct said_word kw;
    const struct said_word *w;

    *kazakh_lead = 0;
    while (p < len && (b = detect_letters(s, len, p)) > p) {
        if (lang == 0)
            w = said_lookup(french, sizeof french / sizeof french[0], s, p, b);
        else if (lang == 1)
            w = said_lookup(turkish, sizeof turkish / sizeof turkish[0], s, p, b);
        else
            w = kazakh_word(s, p, b, &kw) ? &kw : NULL;
        if (w == NULL)
            break;
        if (w->kind == AND_W) {
            if (last != TEN_W || total % 100 < 20 || total % 100 > 70 || and_w)
                break;
            and_w = 1;
        } else if (and_w && !(w->v == 1 || w->v == 11))
            break;
        else if (w->kind == HUNDRED) {
            if (last == HUNDRED || last == TEN_W || last == TEEN_W || total >= 100)
                break;
            total = (last == UNIT ? unit : 1) * 100, unit = 0;
            *kazakh_lead |= lang == 2;
        } else if (w->kind == TEN_W) {
            if (lang == 0 && w->v == 20 && last == UNIT && unit == 4)
                total += 80, unit = 0;                  /* quatre-vingt(s) */
            else if (last == UNIT || last == TEN_W || last == TEEN_W)
                break;
            else
                total += w->v;
            *kazakh_lead |= lang == 2 && w->v == 10;
        } else if (w->kind == TEEN_W) {
            /* soixante-dix-sept, quatre-vingt-douze: French only */
            if (last == UNIT || last == TEEN_W || (last == TEN_W && !(total % 100 == 60 || total % 100 == 80)))
                break;
            total += w->v;
        } else {                                        /* a unit */
            /* after dix only 7-9 (dix-sept, soixante-dix-neuf) */
            if (last == UNIT || (last == TEEN_W && !(lang == 0 && last_v == 10 && w->v >= 7)))
                break;
            if (last == TEEN_W || last == TEN_W || last == HUNDRED)
                total += w->v;
            else
                unit = w->v;
        }
        if (w->kind != AND_W)
            last = w->kind, last_v = w->v;
        if (w->kind != AND_W)
            end = b;
        if (b + 1 >= len || (s[b] != ' ' && s[b] != '-'))
            break;
        p = b + 1;
    }
    if (end == 0)
        return 0;
    if (last == UNIT && unit != 0 && total % 10 == 0 && total < 100)
        total += unit;                                  /* a unit alone */
    *v = total;
    return end;
}

/* An English number said digit by digit with "oh" for a zero at at
 * ("twelve-oh-four", "three oh two", "one-oh-one"): a unit, a teen or a
 * ten (with its unit) first, then units and ohs, one oh at least; its
 * end, its digits in d[0..*n) (8 at most), 0 if none. */
static size_t english_oh(const char *s, size_t len, size_t at, char *d, size_t *n)
{
    size_t p = at, b, e = 0, nt = 0;
    unsigned v, first = 0;
    int oh = 0, words = 0;
    char tail[6];

    while (p < len && (b = detect_letters(s, len, p)) > p) {
        if (words > 0 && b - p == 2 && memcmp(s + p, "oh", 2) == 0 && nt < sizeof tail)
            tail[nt++] = '0', oh = 1;
        else if ((unsigned char)s[p] >= 0x80 || !detect_spoken_value(s, p, b, &v) || v >= 100)
            break;
        else if (words == 0)
            first = v;
        else if (words == 1 && !oh && first >= 20 && first % 10 == 0 && v > 0 && v < 10)
            first += v;                                 /* twenty-one */
        else if (oh && v < 10 && nt < sizeof tail)
            tail[nt++] = (char)('0' + v);
        else
            break;
        words++, e = b;
        if (b + 1 >= len || (s[b] != ' ' && s[b] != '-'))
            break;
        p = b + 1;
    }
    if (!oh || first == 0)
        return 0;
    *n = 0;
    if (first >= 10)
        d[(*n)++] = (char)('0' + first / 10);
    d[(*n)++] = (char)('0' + first % 10);
    memcpy(d + *n, tail, nt), *n += nt;
    return e;
}

/* The start of the word before the space before at, or at if none. */
static size_t word_before(const char *s, size_t at)
{
    size_t q;

    if (at < 2 || s[at - 1] != ' ' || !det_letter_before(s, at - 1))
        return at;
    for (q = at - 1; q > 0 && det_letter_before(s, q);)
        for (q--; q > 0 && ((unsigned char)s[q] & 0xC0) == 0x80; q--)
            ;
    return q;
}

/* 1 if a room's, a flat's or a house's word (detect_address_flat.c's,
 * which holds the French and Turkish ones) ends right before at, after
 * one space, a number's word between them allowed ("chambre numéro"). */
static int room_word_before(const char *s, size_t len, size_t at)
{
    static const char *const number_words[] = { "numero", "numéro", "no", "numara", "numarali", "numaralı" };
    size_t w = word_before(s, at), k;

    for (k = 0; w < at && k < sizeof number_words / sizeof number_words[0]; k++)
        if (at - 1 - w == strlen(number_words[k]) && memcmp(s + w, number_words[k], at - 1 - w) == 0) {
            at = w, w = word_before(s, at);
            break;
        }
    return w < at && addr_room_word(s, len, w) == at - 1;
}

/* 1 if a word after the number ending at e makes it a room's: one
 * space, then a word of those of words[]. */
static int word_after(const char *s, size_t len, size_t e, const char *const *words, size_t nw)
{
    size_t k, n;

    if (e + 1 >= len || s[e] != ' ')
        return 0;
    for (k = 0; k < nw; k++)
        if (det_starts(s, len, e + 1, words[k]) &&
            (words[k][0] & 0x80 || !det_letter_at(s, len, e + 1 + (n = strlen(words[k])))))
            return 1;
    return 0;
}

/* 1 if the number ending at e after a room's word ends its phrase, so
 * that nothing it counts follows: the text's end, a punctuation mark, a
 * Turkish suffix after an apostrophe ("otuz dört'te"), or a French or
 * Turkish preposition or conjunction ("chambre soixante-dix-sept au
 * foyer"), as detect_address.c's said_alone reads Russian; "odada on iki
 * çocuk", "chambre vingt lits" have their noun. */
static int phrase_ends(const char *s, size_t len, size_t e)
{
    static const char *const free_words[] = {
        "du", "de", "des", "au", "aux", "a", "à", "ou", "où", "et", "avec", "dans", "pour", "sur", "chez",
        "pres", "près", "ve", "ile", "da", "and", "with", "in", "on", "at", "near",
    };
    size_t k, w;

    if (e >= len || strchr(".!?;,:)'\n", s[e]) != NULL)
        return 1;
    if (s[e] != ' ' || (w = detect_letters(s, len, e + 1)) == e + 1)
        return 0;
    for (k = 0; k < sizeof free_words / sizeof free_words[0]; k++)
        if (strlen(free_words[k]) == w - e - 1 && memcmp(s + e + 1, free_words[k], w - e - 1) == 0)
            return 1;
    return 0;
}

size_t addr_room_said(const char *s, size_t len, size_t at, char *out, size_t cap, size_t *n)
{
    /* English: the room's word after the number; Turkish: numaralı,
     * nolu (numbered); Kazakh: a flat's or a room's word with its
     * endings (пәтер, бөлме) */
    static const char *const en_after[] = { "room", "flat", "apartment", "apt" };
    static const char *const tr_after[] = { "numaralı", "numarali", "nolu", "no'lu" };
    static const char *const kk_after[] = { "пәтер", "бөлме" };
    char d[8];
    size_t e, nd = 0, k;
    unsigned v;
    int lead, lang;

    *n = 0;
    if ((unsigned char)s[at] < 0x80 && (e = english_oh(s, len, at, d, &nd)) != 0) {
        /* before the room's word only: after it ("Room four oh two
         * one three") the spoken reader's digits, unspaced, are read as
         * they were, and a registered number in them is the term's */
        if (2 * nd > cap || !word_after(s, len, e, en_after, 4))
            return 0;
        for (k = 0; k < nd; k++) {                      /* written spaced, as dictated */
            if (k > 0)
                out[(*n)++] = ' ';
            out[(*n)++] = d[k];
        }
        return e;
    }
    for (lang = 0; lang < 3; lang++) {
        if ((e = said_number(s, len, at, lang, &v, &lead)) == 0)
            continue;
        /* ten or more: "l'appartement neuf" is new, "la chambre un
         * peu froide" a little cold */
        if (lang == 2 ? lead && word_after(s, len, e, kk_after, 2)
                      : v >= 10 && ((room_word_before(s, len, at) && phrase_ends(s, len, e)) ||
                                    (lang == 1 && word_after(s, len, e, tr_after, 4))))
            break;
    }
    if (lang == 3)
        return 0;
    for (nd = 0; nd < sizeof d && (v > 0 || nd == 0); v /= 10)
        d[nd++] = (char)('0' + v % 10);
    if (nd > cap)
        return 0;
    while (nd > 0)
        out[(*n)++] = d[--nd];
    return e;
}
