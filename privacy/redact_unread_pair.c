/* A name registered only in Arabic or Persian letters, written in a Latin
 * or Cyrillic text by both of its words, or with a family's or a Tajik
 * familiar ending (brief s51 arab51, issue 12; report-adv50 L-4..L-9 and
 * the held-only lines of adv50-open.jsonl).  The readings of
 * redact_unread_latin.c compare a word's written vowels and Latin
 * letters with one romanisation; the spellings of other languages differ
 * from it in both (Khayat, Hayyat, Хайят for الخياط; Osman, Усмон for
 * عثمان: the Turkish and Persian s of ث; Содиқӣ with the Tajik қ).  Here
 * a word is compared by its consonants alone, in broad classes
 * (loose_key), which those spellings share:
 *   - two words side by side (spaces, or an article al-, el-, ul- and
 *     their assimilated forms between) that are two different registered
 *     words of one name of one subject, in either order, are both
 *     replaced: the whole name is there, so it is that person's (a word
 *     may also be two registered words run together, Абдураҳмон for
 *     عبد الرحمن, or a word compounded with -ullah, -улло);
 *   - a capitalised Cyrillic word in a plural case of a family (-ы, -и,
 *     -ам, -ами, -ах, -ых: Хайяты, Османы, у Хайятов is not read:
 *     Timberlake, A Reference Grammar of Russian, 2004) whose stem of four
 *     letters or more is a name's last registered word, the surname, is
 *     replaced;
 *   - a word with the Tajik, Uzbek and Persian familiar suffix -ҷон,
 *     -жон, -джон, -jon, -jan, -joon "dear" (Perry, A Tajik Persian
 *     Reference Grammar, 2005, §on forms of address) whose stem is a
 *     registered word is replaced: the suffix goes only on a name.
 * Russian surnames made of such a word (Османов, Османовой) are read by
 * the declension of variants_ru_surname.c (ru_surname_gender), in a pair
 * only. */
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "privacy/arab_article.h"
#include "privacy/common_words.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/script_read.h"
#include "privacy/script_reading.h"
#include "privacy/variants_int.h"
#include "util/text.h"

#define LOOSE_MAX 32        /* bytes of a loose key */
#define PAIR_LITS 24        /* registered Arabic-script words read */
#define PAIR_WORD 64        /* bytes of a text word compared */

/* The consonant classes of the Latin s[0..n) (lower case): vowels, y, w
 * and apostrophes left out; kh, h, x (Uzbek Latin) one class H; k, q,
 * g, a hard c one class K; s, z, j, a soft c and the digraphs sh, ch,
 * zh, th, dh (ث ذ as Turkish and Persian say them: Osman, Uthman) one S;
 * t, d T; b, p, f, v P; l, r L; m; n; a class repeated, even across a
 * vowel, once.  Into out (LOOSE_MAX bytes); its length, 0 if it does not
 * fit. */
static size_t loose_key(char *out, const char *s, size_t n)
{
    size_t m = 0;

    for (size_t i = 0; i < n; i++) {
        char c = s[i], b = i + 1 < n ? s[i + 1] : 0, k;
        if (c == 'h' && i > 0 && m > 0 && strchr("aeiouyw'", s[i - 1]) == NULL) {
            if (s[i - 1] == 'k')
                out[m - 1] = 'H';                        /* kh */
            else if (s[i - 1] == 't' || s[i - 1] == 'd')
                out[m - 1] = 'S';                        /* th, dh */
            continue;                                    /* sh, ch, zh, gh, ph */
        }
        switch (c) {
        case 'h': case 'x': k = 'H'; break;
        case 'k': case 'q': case 'g': k = 'K'; break;
        case 'c': k = b == 'e' || b == 'i' || b == 'h' ? 'S' : 'K'; break;
        case 's': case 'z': case 'j': k = 'S'; break;
        case 't': case 'd': k = 'T'; break;
        case 'b': case 'p': case 'f': case 'v': k = 'P'; break;
        case 'l': case 'r': k = 'L'; break;
        case 'm': k = 'M'; break;
        case 'n': k = 'N'; break;
        default: continue;
        }
        if (m > 0 && out[m - 1] == k)
            continue;
        if (m + 1 >= LOOSE_MAX)
            return 0;
        out[m++] = k;
    }
    out[m] = '\0';
    return m;
}

/* The loose key of a Latin or Cyrillic word w[0..len) (norm view): its
 * letters in Latin by script_form_latin, with the Tajik and Kazakh қ, ғ
 * as q, g first (script_form_latin leaves them out: Kazakh writes them
 * too, but a loose key is compared only with a registered word's).  Its
 * length, 0 if none. */
static size_t word_key(char *out, const char *w, size_t len)
{
    char low[PAIR_WORD], lat[SCRIPT_LATIN_MAX];
    size_t n = 0, m;
    int cp, k;

    for (size_t at = 0; at < len; at += (size_t)k) {
        if ((k = utf8_next(&cp, w + at, len - at)) <= 0 || n + 4 >= sizeof low)
            return 0;
        cp = utf8proc_tolower(cp);
        if (cp == 0x49B)
            cp = 'q';                                    /* қ */
        else if (cp == 0x493)
            cp = 'g';                                    /* ғ */
        else if (cp == '\'' || cp == 0x2019 || cp == 0x2BF || cp == 0x2BE)
            continue;
        n += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)low + n);
    }
    if ((m = script_form_latin(lat, low, n)) == 0)
        return 0;
    return loose_key(out, lat, m);
}

struct pair_lits {
    char key[PAIR_LITS][LOOSE_MAX];
    size_t lit[PAIR_LITS], n;
};

static int arabic_cp(int cp)
{
    return cp >= 0x0620 && cp <= 0x06FF;
}

/* The loose keys of r's registered person words of Arabic letters (not
 * generated, one word each), the article ال left out, into pl; their
 * number. */
static size_t pair_lits_of(struct pair_lits *pl, const struct redactor *r)
{
    pl->n = 0;
    for (size_t i = 0; i < r->nlits && pl->n < PAIR_LITS; i++) {
        const struct lit *l = &r->lits[i];
        const char *key = r->arena + r->keyoff[i];
        char lat[SCRIPT_LATIN_MAX];
        size_t m, off = 0;
        int cp = 0;
        if (!l->person || l->initials || l->generated || l->father ||
            utf8_next(&cp, key, l->keylen) <= 0 || !arabic_cp(cp) || memchr(key, ' ', l->keylen) != NULL)
            continue;
        if (l->keylen > 8 && memcmp(key, "\xd8\xa7\xd9\x84", 4) == 0)
            off = 4;                                     /* ال */
        if ((m = script_read_word(lat, sizeof lat, key + off, l->keylen - off, 0, NULL)) == 0 ||
            loose_key(pl->key[pl->n], lat, m) == 0)
            continue;
        pl->lit[pl->n++] = i;
    }
    return pl->n;
}

/* 1 if the loose key k is the registered word pl[j]'s, or two registered
 * words of one name run together (pl[j] and the next of its name:
 * عبد الرحمن, Абдураҳмон); sets *lit and *last (the second word's lit,
 * or lit).  Two classes at least. */
static int key_is(const struct pair_lits *pl, const struct redactor *r, const char *k, size_t j,
                  size_t *lit, size_t *last)
{
    size_t a = strlen(pl->key[j]);

    if (strlen(k) < 2)
        return 0;
    if (strcmp(k, pl->key[j]) == 0) {
        *lit = *last = pl->lit[j];
        return 1;
    }
    if (j + 1 < pl->n && strncmp(k, pl->key[j], a) == 0 &&
        r->lits[pl->lit[j + 1]].term == r->lits[pl->lit[j]].term) {
        const char *rest = k + a, *nk = pl->key[j + 1];
        /* the next word's first class may fold into this one's last */
        if (strcmp(rest, nk) == 0 || (a > 0 && nk[0] == k[a - 1] && strcmp(rest, nk + 1) == 0)) {
            *lit = pl->lit[j], *last = pl->lit[j + 1];
            return 1;
        }
    }
    return 0;
}

/* Endings a word is also read without: Russian and Ukrainian case endings
 * of a noun in the singular and the plural (as redact_unread_latin.c's
 * cyrillic_endings), the compounds with God (-ullah: Khalilullah, as
 * god_endings there), and the familiar -jon.  Longest first per kind. */
static const char *const case_ends[] = {
    "\xd0\xb0\xd0\xbc\xd0\xb8", "\xd1\x8f\xd0\xbc\xd0\xb8", "\xd1\x8b\xd0\xbc\xd0\xb8", /* -ами -ями -ыми */
    "\xd0\xb0\xd0\xbc", "\xd1\x8f\xd0\xbc", "\xd0\xb0\xd1\x85", "\xd1\x8f\xd1\x85",     /* -ам -ям -ах -ях */
    "\xd1\x8b\xd1\x85", "\xd1\x8b\xd0\xbc",                                             /* -ых -ым */
    "\xd0\xbe\xd0\xbc", "\xd0\xb5\xd0\xbc", "\xd0\xbe\xd0\xb9", "\xd0\xb5\xd0\xb9",     /* -ом -ем -ой -ей */
    "\xd0\xbe\xd1\x8e", "\xd0\xb5\xd1\x8e",                                             /* -ою -ею */
    "\xd1\x83", "\xd0\xb0", "\xd0\xb5", "\xd1\x8e", "\xd1\x8f", "\xd1\x8b", "\xd0\xb8", /* -у -а -е -ю -я -ы -и */
};
/* the plural cases that name a family (Хайяты, к Хайятам, с Хайятами) */
static const char *const family_ends[] = {
    "\xd0\xb0\xd0\xbc\xd0\xb8", "\xd1\x8f\xd0\xbc\xd0\xb8", "\xd0\xb0\xd0\xbc", "\xd1\x8f\xd0\xbc",
    "\xd0\xb0\xd1\x85", "\xd1\x8f\xd1\x85", "\xd1\x8b", "\xd0\xb8",
};
static const char *const god_ends[] = {
    "ullah", "allah", "ollah", "ulloh", "ullo", "ulla", "olla",
    "\xd1\x83\xd0\xbb\xd0\xbb\xd0\xbe\xd2\xb3", "\xd1\x83\xd0\xbb\xd0\xbb\xd0\xbe\xd1\x85",
    "\xd1\x83\xd0\xbb\xd0\xbb\xd0\xb0\xd1\x85", "\xd0\xbe\xd0\xbb\xd0\xbb\xd0\xb0\xd1\x85",
    "\xd1\x83\xd0\xbb\xd0\xbb\xd0\xbe", "\xd1\x83\xd0\xbb\xd0\xbb\xd0\xb0", "\xd0\xbe\xd0\xbb\xd0\xbb\xd0\xb0",
};
static const char *const jon_ends[] = {
    "\xd2\xb7\xd0\xbe\xd0\xbd", "\xd0\xb6\xd0\xbe\xd0\xbd",              /* -ҷон -жон */
    "\xd0\xb4\xd0\xb6\xd0\xbe\xd0\xbd", "\xd0\xb4\xd0\xb6\xd0\xb0\xd0\xbd", /* -джон -джан */
    "joon", "jon", "jan", "dzhon",
};

static int ends_in(const char *w, size_t len, const char *e, size_t *stem)
{
    size_t el = strlen(e);

    if (len <= el || memcmp(w + len - el, e, el) != 0 || text_chars(w, len - el) < 3)
        return 0;
    *stem = len - el;
    return 1;
}

/* The registered word (lits *lit..*last) the word w[0..len) is by its
 * loose key: as written, less a case ending or a compound's -ullah, and
 * with pair set the stem of a Russian surname in -ов, -ев, -ин
 * (Османовой).  1 if one. */
static int word_is(const struct pair_lits *pl, const struct redactor *r, const char *w, size_t len,
                   size_t *lit, size_t *last)
{
    char k[LOOSE_MAX];
    size_t stems[48], ns = 0, st = 0;

    stems[ns++] = len;
    for (size_t e = 0; e < sizeof case_ends / sizeof case_ends[0] && ns < 40; e++)
        if (ends_in(w, len, case_ends[e], &st))
            stems[ns++] = st;
    for (size_t e = 0; e < sizeof god_ends / sizeof god_ends[0] && ns < 44; e++)
        if (ends_in(w, len, god_ends[e], &st))
            stems[ns++] = st;
    st = 0;
    /* the stem of a Russian surname's any form, the plural too (Османов,
     * Османовой, Османовы), less its -ов, -ев, -ин */
    (void)ru_surname_gender(&st, w, len, 0);
    if (st > 4 && st < len)
        stems[ns++] = st - 4;
    for (size_t s = 0; s < ns; s++) {
        if (word_key(k, w, stems[s]) == 0)
            continue;
        for (size_t j = 0; j < pl->n; j++)
            if (key_is(pl, r, k, j, lit, last))
                return 1;
    }
    return 0;
}

/* 1 if the stem of w[0..len) less one of ends is the last registered word
 * of a name of two words or more (its surname); sets *lit. */
static int ending_on(const struct pair_lits *pl, const struct redactor *r, const char *w, size_t len,
                     const char *const *ends, size_t nends, int surname, size_t *lit)
{
    char k[LOOSE_MAX];
    size_t st = 0, last;

    for (size_t e = 0; e < nends; e++) {
        /* a family's stem of four letters or more (Хаты, "huts", is no
         * family of Хайят) */
        if (!ends_in(w, len, ends[e], &st) || (surname && text_chars(w, st) < 4) ||
            word_key(k, w, st) == 0 || strlen(k) < 2)
            continue;
        for (size_t j = 0; j < pl->n; j++) {
            size_t li = pl->lit[j];
            int is_last = li + 1 >= r->nlits || r->lits[li + 1].term != r->lits[li].term ||
                          r->lits[li + 1].generated;
            int has_first = li > 0 && r->lits[li - 1].term == r->lits[li].term;
            if ((!surname || (is_last && has_first)) && key_is(pl, r, k, j, lit, &last) && *lit == last)
                return 1;
        }
    }
    return 0;
}

struct pair_word {
    size_t start, end, lit, last;
    int is;
};

static int latin_cyrillic_cp(int cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7) || is_cyrillic_cp(cp);
}

/* 1 if the word t->norm[a..b) is an article (arab_article) before the next word:
 * a hyphen after it, or a space after one written apart. */
static int article_word(const struct normtext *t, size_t a, size_t b)
{
    int apart;

    return arab_article(t->norm + a, b - a, &apart) && b < t->normlen &&
           (t->norm[b] == '-' || (apart && t->norm[b] == ' '));
}

/* 1 if t->norm[a..b) is spaces, an article (article_word) and a hyphen or
 * spaces. */
static int article_between(const struct normtext *t, size_t a, size_t b)
{
    size_t p = a, q;

    while (p < b && t->norm[p] == ' ')
        p++;
    for (q = p; q < b && t->norm[q] != ' ' && t->norm[q] != '-'; q++)
        ;
    if (q == p || !article_word(t, p, q))
        return 0;
    q++;
    while (q < b && t->norm[q] == ' ')
        q++;
    return q == b;
}

/* 1 if only spaces (or an article, article_between) lie in t->norm[a..b). */
static int side_by_side(const struct normtext *t, size_t a, size_t b)
{
    size_t p = a;

    if (a > b || b - a > 12)
        return 0;
    while (p < b && t->norm[p] == ' ')
        p++;
    return p == b || article_between(t, a, b);
}

static int same_name(const struct redactor *r, const struct pair_word *x, const struct pair_word *y)
{
    return x->is && y->is && r->lits[x->lit].term == r->lits[y->lit].term &&
           x->lit != y->lit && x->last != y->last && x->lit != y->last && x->last != y->lit;
}

/* Files one word of the text: its loose reading, a pair with the word
 * before, a family plural or a familiar -jon. */
static int pair_word(const struct pair_lits *pl, struct spans *sp, const struct redactor *r,
                     const struct normtext *t, struct pair_word *prev, size_t start, size_t end)
{
    struct pair_word cur = { start, end, 0, 0, 0 };
    const char *w = t->norm + start;
    size_t len = end - start, lit = 0;
    char low[PAIR_WORD];
    int cp = 0;

    if (article_word(t, start, end))
        return 0;                       /* al- between two words of a name */
    if (len >= sizeof low || !redact_upper_at(t, start))
        return *prev = cur, 0;
    for (size_t i = 0; i < len; i++)
        low[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] - 'A' + 'a') : w[i];
    cur.is = word_is(pl, r, w, len, &cur.lit, &cur.last);
    if (cur.is && prev->is && same_name(r, prev, &cur) && side_by_side(t, prev->end, start)) {
        if (redact_unread_replace(sp, r, prev->lit, prev->start, prev->end) != 0 ||
            redact_unread_replace(sp, r, cur.lit, start, end) != 0)
            return -1;
    } else if (!common_word_key(low, len) && utf8_next(&cp, w, len) > 0 && is_cyrillic_cp(cp) &&
               ending_on(pl, r, w, len, family_ends, sizeof family_ends / sizeof family_ends[0], 1, &lit)) {
        if (redact_unread_replace(sp, r, lit, start, end) != 0)
            return -1;
    } else if (ending_on(pl, r, w, len, jon_ends, sizeof jon_ends / sizeof jon_ends[0], 0, &lit)) {
        if (redact_unread_replace(sp, r, lit, start, end) != 0)
            return -1;
    }
    *prev = cur;
    return 0;
}

int redact_latin_pairs(struct spans *sp, const struct redactor *r, const struct normtext *t)
{
    struct pair_lits pl;
    struct pair_word prev = { 0, 0, 0, 0, 0 };
    size_t p = 0, start = 0;
    int cp, k, in = 0, rc = 0;

    if (pair_lits_of(&pl, r) == 0)
        return 0;
    for (;;) {
        k = p < t->normlen ? utf8_next(&cp, t->norm + p, t->normlen - p) : 0;
        int letter = k > 0 && (latin_cyrillic_cp(cp) || ((cp == '\'' || cp == 0x2019) && in));
        if (letter && !in) {
            start = p, in = 1;
        } else if (!letter && in) {
            in = 0;
            if ((rc = pair_word(&pl, sp, r, t, &prev, start, p)) != 0)
                break;
        }
        if (k <= 0)
            break;
        p += (size_t)k;
    }
    return rc;
}
