/* A Japanese name registered in Latin letters (Takeshi Yamamoto), written
 * in kanji or kana in forms redact_cjk_titled.c does not read (issue 12
 * kind 4, brief s29 cjk29, report-adv28c J-1, J-2):
 *
 *  - the surname and the given name written together, in either order,
 *    each in kanji read through its Japanese readings (kanji_ja.h: 山本 =
 *    yama + moto, 武 = takeshi) or the given name in kana (山本たけし), with
 *    no title needed: two words of one registered name side by side are
 *    no chance;
 *  - a surname of two kanji or more, then one or two kanji before a
 *    title, the first with a reading of the given name's stem
 *    (kanji_ja_stem): 浩 is hiroshi only as a name, and Unihan lists no
 *    name readings (nanori), but its hiroi shares hir (田中浩さん);
 *  - a given name alone before a title: one kanji whose one reading is
 *    the whole word (武さん; four letters or more, a reading that long is
 *    a name's, not a syllable's), or hiragana read as the word
 *    (ひろしさん), starting the hiragana run or after a particle
 *    (友達のたけしさん);
 *  - a whole katakana word of three kana or more read as the word
 *    (ヤマモト, タケシ), with or without a title: katakana write a
 *    Japanese word rarely but as a name.
 *
 * Kana are read in Hepburn (transcribe_kana_romaji) and both readings
 * brought to one spelling (canon): Hepburn and Kunrei-shiki alike (shi
 * si, chi ti, tsu tu, fu hu, ji zi), long vowels short (Satou, Sato,
 * Satoh), a doubled consonant single (Hattori, ハットリ). */
#include <stdint.h>
#include <string.h>

#include <sodium.h>

#include "privacy/kanji_ja.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/transcribe.h"
#include "privacy/varlist.h"

/* Bytes of a reading; kanji of one word of a name; kanji of a given name
 * before a title whose reading Unihan may lack (GIVEN_UNREAD); kana of a word. */
#define ROMAJI_MAX 64
#define WORD_KANJI 4
#define GIVEN_UNREAD 2
#define KANA_MIN 3
/* Letters a one-kanji given name's reading needs (takeshi, akira). */
#define ONE_KANJI_MIN 4

static int is_hira(int cp)
{
    return cp >= 0x3041 && cp <= 0x3096;
}

static int vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* The romaji s[0..len) brought to one spelling in out (cap bytes, no
 * NUL): Hepburn and Kunrei-shiki alike, long vowels and doubled
 * consonants single, an m before b, p or m read n.  Returns the length, 0
 * if it does not fit. */
static size_t canon(char *out, size_t cap, const char *s, size_t len)
{
    char a[ROMAJI_MAX];
    size_t i, n = 0, o = 0;

    for (i = 0; i < len; i++) {
        char c = s[i], d = i + 1 < len ? s[i + 1] : '\0';
        if (c < 'a' || c > 'z')
            continue;
        if (n == sizeof a)
            return 0;
        if ((c == 's' || c == 'c' || c == 't' || c == 'z' || c == 'j') &&
            (d == 'h' || d == 'y' || (c == 't' && d == 's'))) {
            a[n++] = c == 'c' ? 't' : c == 'j' ? 'z' : c;
            i++;
        } else if (c == 'j') {
            a[n++] = 'z';
        } else if (c == 'f') {
            a[n++] = 'h';
        } else if (c == 'm' && (d == 'b' || d == 'p' || d == 'm')) {
            a[n++] = 'n';
        } else {
            a[n++] = c;
        }
    }
    for (i = 0; i < n; i++) {
        char c = a[i], prev = o > 0 ? out[o - 1] : '\0';
        if (o > 0 && c == prev)
            continue;           /* aa, ii, oo, uu, ee; tt, kk */
        if (c == 'u' && prev == 'o')
            continue;           /* ou */
        if (c == 'h' && prev == 'o' && (i + 1 == n || !vowel(a[i + 1])))
            continue;           /* oh */
        if (o == cap)
            return 0;
        out[o++] = c;
    }
    sodium_memzero(a, sizeof a);
    return o;
}

/* 1 if the kana norm[a..b) of t read as the Latin word w. */
static int kana_reads(const struct normtext *t, size_t a, size_t b, const char *w)
{
    char rd[ROMAJI_MAX], x[ROMAJI_MAX], y[ROMAJI_MAX];
    size_t n = transcribe_kana_romaji(rd, sizeof rd, t->norm + a, b - a), nx, ny;
    int same;

    nx = n > 0 ? canon(x, sizeof x, rd, n) : 0;
    ny = canon(y, sizeof y, w, strlen(w));
    same = nx > 0 && nx == ny && memcmp(x, y, nx) == 0;
    sodium_memzero(rd, sizeof rd);
    sodium_memzero(x, sizeof x);
    sodium_memzero(y, sizeof y);
    return same;
}

/* 1 if the letter cp at norm byte p of t is katakana: a letter, or the
 * long mark ー the norm view writes '-' (the original says which). */
static int is_kata(const struct normtext *t, size_t p, int cp)
{
    if (cp == '-')
        return normtext_long_mark(t, p);
    return cp != 0x30FB && transcribe_is_katakana(cp);
}

/* The end of the run of hiragana (hira) or katakana letters that starts at
 * norm byte p, and its letters in *k. */
static size_t kana_run(const struct normtext *t, size_t p, int hira, size_t *k)
{
    int cp, n;

    for (*k = 0; p < t->normlen && (n = utf8_next(&cp, t->norm + p, t->normlen - p)) > 0;
         p += (size_t)n, ++*k)
        if (hira ? !is_hira(cp) : !is_kata(t, p, cp))
            break;
    return p;
}

static int add(struct spans *sp, const struct redactor *r, size_t term, size_t a, size_t b)
{
    const struct term *tm = &r->terms[term];
    struct span s = { a, b, 0, RULE_VARIANT, tm->subject, term, 0, 0, 0 };

    s.cat = tm->cat == NAME_CAT ? CAT_PSEUDONYM : tm->cat;
    return redact_span_add(sp, &s);
}

/* The key index of a word of r (not skip; of term term unless term is
 * SIZE_MAX) that the kanji cps[0..n) spell, or SIZE_MAX. */
static size_t kanji_word(const struct redactor *r, const int *cps, size_t n, size_t term,
                         size_t skip)
{
    const char *w;
    size_t tm;
    unsigned long first = kanji_ja_initials(cps[0]);

    for (size_t i = 0; first != 0 && i < r->ncjk; i++)
        if (i != skip && (w = redact_cjk_ja_word(r, i, &tm)) != NULL &&
            (term == SIZE_MAX || tm == term) && w[0] >= 'a' && w[0] <= 'z' &&
            (first >> (w[0] - 'a') & 1) != 0 &&
            kanji_ja_spells(cps, n, w, strlen(w)))
            return i;
    return SIZE_MAX;
}

/* As kanji_word, for the kana norm[a..b). */
static size_t kana_word(const struct redactor *r, const struct normtext *t, size_t a, size_t b,
                        size_t term, size_t skip)
{
    const char *w;
    size_t tm;

    for (size_t i = 0; i < r->ncjk; i++)
        if (i != skip && (w = redact_cjk_ja_word(r, i, &tm)) != NULL &&
            (term == SIZE_MAX || tm == term) && kana_reads(t, a, b, w))
            return i;
    return SIZE_MAX;
}

/* 1 if a given name in kana may end at norm byte p: the text ends, a
 * title or a particle follows, or a letter of another script. */
static int kana_end(const struct normtext *t, size_t p, int hira)
{
    static const char *const particles[] = { "が", "は", "を", "に", "と", "の", "も", "へ", "で", "や" };
    int cp;

    if (p >= t->normlen || redact_cjk_title_at(t, p) > 0 ||
        utf8_next(&cp, t->norm + p, t->normlen - p) <= 0)
        return 1;
    if (!(hira ? is_hira(cp) : is_kata(t, p, cp)))
        return 1;
    for (size_t i = 0; hira && i < sizeof particles / sizeof particles[0]; i++)
        if (memcmp(t->norm + p, particles[i], 3) == 0)
            return 1;
    return 0;
}

/* The Han characters from norm byte p: up to max code points into cps and
 * the byte after each into ends; returns how many. */
static size_t han_run(const struct normtext *t, size_t p, int *cps, size_t *ends, size_t max)
{
    size_t k = 0;
    int cp, n;

    while (k < max && p < t->normlen && (n = utf8_next(&cp, t->norm + p, t->normlen - p)) > 0 &&
           is_han_cp(cp)) {
        p += (size_t)n;
        cps[k] = cp, ends[k++] = p;
    }
    return k;
}

/* A full name that starts at norm byte p: its end, or p. */
static size_t full_name(const struct redactor *r, const struct normtext *t, size_t p,
                        size_t *term)
{
    int cps[2 * WORD_KANJI + GIVEN_UNREAD];
    size_t ends[2 * WORD_KANJI + GIVEN_UNREAD], n, best = p, k;

    n = han_run(t, p, cps, ends, sizeof cps / sizeof cps[0]);
    for (size_t x = 1; x <= WORD_KANJI && x <= n; x++) {
        size_t w1 = kanji_word(r, cps, x, SIZE_MAX, SIZE_MAX), tm, e;
        if (w1 == SIZE_MAX || redact_cjk_ja_word(r, w1, &tm) == NULL)
            continue;
        /* 山本武: the other word in kanji */
        for (size_t y = 1; y <= WORD_KANJI && x + y <= n; y++)
            if (x + y >= 3 && ends[x + y - 1] > best &&
                kanji_word(r, cps + x, y, tm, w1) != SIZE_MAX)
                best = ends[x + y - 1], *term = tm;
        /* 山本たけし, 山本タケシ: the other word in kana */
        e = ends[x - 1];
        int cp;
        if (x == n && e < t->normlen && utf8_next(&cp, t->norm + e, t->normlen - e) > 0 &&
            (is_hira(cp) || is_kata(t, e, cp))) {
            int hira = is_hira(cp);
            size_t end = kana_run(t, e, hira, &k), q = e, m = 0;
            int l;
            while (q < end && (l = utf8_next(&cp, t->norm + q, end - q)) > 0) {
                q += (size_t)l, m++;
                if (m >= 2 && q > best && kana_end(t, q, hira) &&
                    kana_word(r, t, e, q, tm, w1) != SIZE_MAX)
                    best = q, *term = tm;
            }
        }
        /* 田中浩さん: a surname, then one or two kanji before a title, the
         * first of a reading of the given name's stem (浩 hiroi: Hiroshi) */
        for (size_t y = 1; x >= 2 && y <= GIVEN_UNREAD && x + y <= n; y++)
            if (ends[x + y - 1] > best && redact_cjk_title_at(t, ends[x + y - 1]) > 0)
                for (size_t j = 0; j < r->ncjk; j++) {
                    size_t t2;
                    const char *w2 = redact_cjk_ja_word(r, j, &t2);
                    if (j != w1 && w2 != NULL && t2 == tm &&
                        kanji_ja_stem(cps[x], w2, strlen(w2))) {
                        best = ends[x + y - 1], *term = tm;
                        break;
                    }
                }
    }
    sodium_memzero(cps, sizeof cps);
    return best;
}

/* The start of a given name that ends before the title at norm byte p
 * (武さん, ひろしさん), or p. */
static size_t given_before(const struct redactor *r, const struct normtext *t, size_t p,
                           size_t *term)
{
    static const char *const particles[] = { "が", "は", "を", "に", "と", "の", "も", "へ", "で", "や" };
    size_t a, i, tm, k = 0;
    int cp;

    if (p < 3)
        return p;
    a = p - 3;
    if (utf8_next(&cp, t->norm + a, 3) != 3)
        return p;
    if (is_han_cp(cp)) {
        for (i = 0; i < r->ncjk; i++) {
            const char *w = redact_cjk_ja_word(r, i, &tm);
            if (w != NULL && strlen(w) >= ONE_KANJI_MIN && kanji_ja_spells(&cp, 1, w, strlen(w))) {
                *term = tm;
                return a;
            }
        }
        return p;
    }
    if (!is_hira(cp))
        return p;
    /* back over the hiragana; the name starts the run or follows a particle */
    while (a >= 3 && utf8_next(&cp, t->norm + a - 3, 3) == 3 && is_hira(cp))
        a -= 3;
    for (; a + 3 * KANA_MIN <= p; a += 3, k++) {
        int ok = k == 0;
        for (i = 0; !ok && i < sizeof particles / sizeof particles[0]; i++)
            ok = memcmp(t->norm + a - 3, particles[i], 3) == 0;
        if (ok && (i = kana_word(r, t, a, p, SIZE_MAX, SIZE_MAX)) != SIZE_MAX &&
            redact_cjk_ja_word(r, i, term) != NULL)
            return a;
    }
    return p;
}

/* What this finds is also replaced where the same text writes it again
 * (redact_cjk_echo.c; not one kanji, not hiragana). */
int redact_cjk_ja(struct spans *sp, const struct redactor *r, const struct normtext *t)
{
    size_t p, q, k, term = 0, i, last = 0, n0 = sp->n;
    int cp, n, rc = 0;

    if (r->ncjk == 0)
        return 0;
    for (p = 0; rc == 0 && p < t->normlen; p = q) {
        if ((n = utf8_next(&cp, t->norm + p, t->normlen - p)) <= 0)
            break;
        q = p + (size_t)n;
        if (is_han_cp(cp)) {
            size_t e = full_name(r, t, p, &term);
            if (e > p) {
                rc = add(sp, r, term, p, e);
                q = last = e;
            }
        } else if (is_kata(t, p, cp) && cp != '-') {
            /* ヤマモト: a whole katakana word (the loop steps over whole
             * runs, so p starts one) */
            size_t e = kana_run(t, p, 0, &k);
            if (k >= KANA_MIN && (i = kana_word(r, t, p, e, SIZE_MAX, SIZE_MAX)) != SIZE_MAX &&
                redact_cjk_ja_word(r, i, &term) != NULL) {
                rc = add(sp, r, term, p, e);
                last = e;
            }
            q = e;
        }
        if (rc == 0 && p >= last && redact_cjk_title_at(t, p) > 0) {
            size_t a = given_before(r, t, p, &term);
            if (a < p && a >= last)
                rc = add(sp, r, term, a, p);
        }
    }
    return rc == 0 ? redact_cjk_echo(sp, n0, t) : rc;
}
