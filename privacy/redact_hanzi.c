/* A Chinese name registered in pinyin (brief s16 item 1, report-adv15
 * "Li Xiaoming" written in Han characters (李小明, 小明), with tone
 * numbers (Li3 Xiao3ming2) or as the doubled diminutive of its last
 * syllable (Ming-ming, 明明).  Each Han character is read by its Mandarin
 * reading (Unihan's kMandarin, the first listed, tones removed:
 * scripts/pinyin.sh), as Hanja are read for a Korean name
 * (redact_scripts.c), and the readings of a run of characters are
 * compared with the letters of the registered words.  Rules and limits:
 * docs/VARIANTS.md, "Chinese names in pinyin". */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/transcribe.h"
#include "privacy/varlist.h"
#include "util/text.h"

/* build/gen/pinyin_data.c (scripts/pinyin.sh). */
extern const char *const pinyin_syllables[];
extern const size_t pinyin_syllables_count;
extern const uint16_t pinyin_han[][2];
extern const size_t pinyin_han_count;

/* Words of a registered name, letters of a word, Han characters read at
 * once (the longest pinyin name of four words of two syllables). */
#define ZH_WORDS 4
#define ZH_WORD_MAX 24
#define ZH_RUN 8

struct zh_name {
    uint32_t term;
    unsigned char nw, given;            /* given: the index of the given name */
    unsigned char wl[ZH_WORDS];
    char w[ZH_WORDS][ZH_WORD_MAX];      /* lower-case pinyin letters, no tones */
    char last[8];                       /* the given name's last syllable */
};

/* The syllable s[0..len) is in the table of readings. */
static int is_syllable(const char *s, size_t len)
{
    return text_sorted_find(pinyin_syllables, pinyin_syllables_count, s, len) >= 0;
}

/* The fewest syllables s[0..len) splits into (0: none), and where the last
 * of them starts in *last. */
static int split(const char *s, size_t len, size_t *last)
{
    int best[ZH_WORD_MAX + 1];
    size_t from[ZH_WORD_MAX + 1], i, k;

    if (len == 0 || len > ZH_WORD_MAX)
        return 0;
    best[0] = 0;
    for (i = 1; i <= len; i++) {
        best[i] = -1;
        for (k = i > 6 ? i - 6 : 0; k < i; k++)
            if (best[k] >= 0 && is_syllable(s + k, i - k) && (best[i] < 0 || best[k] + 1 < best[i]))
                best[i] = best[k] + 1, from[i] = k;
    }
    if (best[len] <= 0)
        return 0;
    *last = from[len];
    return best[len];
}

/* The plain letter of a pinyin vowel with a tone mark (or ü), else 0. */
static int plain_vowel(int cp)
{
    static const struct {
        int cp;
        char c;
    } v[] = {
        { 0xE0, 'a' }, { 0xE1, 'a' }, { 0x101, 'a' }, { 0x1CE, 'a' }, { 0xE8, 'e' }, { 0xE9, 'e' },
        { 0xEA, 'e' }, { 0x113, 'e' }, { 0x11B, 'e' }, { 0xEC, 'i' }, { 0xED, 'i' }, { 0x12B, 'i' },
        { 0x1D0, 'i' }, { 0xF2, 'o' }, { 0xF3, 'o' }, { 0x14D, 'o' }, { 0x1D2, 'o' }, { 0xF9, 'u' },
        { 0xFA, 'u' }, { 0xFC, 'u' }, { 0x16B, 'u' }, { 0x1D4, 'u' }, { 0x1D6, 'u' }, { 0x1D8, 'u' },
        { 0x1DA, 'u' }, { 0x1DC, 'u' },
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (v[i].cp == cp)
            return v[i].c;
    return 0;
}

/* Reads the norm view name[0..len) as pinyin words into z: letters (tone
 * marks and tone numbers left out), words split at spaces, hyphens and
 * apostrophes.  1 if every word splits into Mandarin syllables. */
static int read_name(struct zh_name *z, const char *name, size_t len)
{
    size_t i = 0, at;
    int cp, n, c, inword = 0, syl[ZH_WORDS];

    memset(z, 0, sizeof *z);
    while (i < len && (n = utf8_next(&cp, name + i, len - i)) > 0) {
        i += (size_t)n;
        if (cp == ' ' || cp == '-' || cp == '\'' || cp == 0x2019) {
            inword = 0;
            continue;
        }
        if (cp >= '1' && cp <= '5' && inword)
            continue;
        c = cp >= 'a' && cp <= 'z' ? cp : plain_vowel(cp);
        if (c == 0)
            return 0;
        if (!inword) {
            if (z->nw == ZH_WORDS)
                return 0;
            z->nw++, inword = 1;
        }
        if (z->wl[z->nw - 1] + 1 >= ZH_WORD_MAX)
            return 0;
        z->w[z->nw - 1][z->wl[z->nw - 1]++] = (char)c;
    }
    if (z->nw == 0)
        return 0;
    for (i = 0; i < z->nw; i++)
        if ((syl[i] = split(z->w[i], z->wl[i], &at)) == 0)
            return 0;
    /* The given name: the last word, unless it is one syllable after a
     * longer word (Xiaoming Li, in the Western order). */
    z->given = (unsigned char)(z->nw - 1);
    if (z->nw == 2 && syl[1] == 1 && syl[0] > 1)
        z->given = 0;
    split(z->w[z->given], z->wl[z->given], &at);
    if (z->wl[z->given] - at >= sizeof z->last)
        return 0;
    memcpy(z->last, z->w[z->given] + at, z->wl[z->given] - at);
    return 1;
}

int redact_hanzi_add(struct redactor *r, const char *name, size_t len)
{
    struct zh_name z;
    char *norm;
    size_t nlen;
    int ok;

    if (normalise_norm(&norm, &nlen, name, len, NULL) != 0)
        return -1;
    ok = read_name(&z, norm, nlen);
    secmem_free(norm);
    if (!ok || (z.nw == 1 && z.wl[0] < 4)) {
        sodium_memzero(&z, sizeof z);
        return 0;
    }
    z.term = (uint32_t)r->nterms;
    if (r->nzh == r->zhcap) {
        size_t cap = r->zhcap ? 2 * r->zhcap : 8;
        struct zh_name *g = secmem_wipe_malloc(cap * sizeof *g);
        if (g == NULL) {
            sodium_memzero(&z, sizeof z);
            return -1;
        }
        if (r->nzh > 0)
            memcpy(g, r->zh, r->nzh * sizeof *g);
        secmem_wipe_free(r->zh);
        r->zh = g, r->zhcap = cap;
    }
    r->zh[r->nzh++] = z;
    sodium_memzero(&z, sizeof z);
    return 0;
}

int redact_hanzi_term(const struct redactor *r, size_t term)
{
    for (size_t i = 0; i < r->nzh; i++)
        if (r->zh[i].term == term)
            return 1;
    return 0;
}

void redact_hanzi_free(struct redactor *r)
{
    secmem_wipe_free(r->zh);
    r->zh = NULL, r->nzh = r->zhcap = 0;
}

/* The first Mandarin reading of Han character cp, or NULL. */
static const char *han_reading(int cp)
{
    size_t lo = 0, hi = pinyin_han_count;

    if (cp < 0x3400 || cp > 0xFFFF)
        return NULL;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (pinyin_han[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < pinyin_han_count && pinyin_han[lo][0] == cp ? pinyin_syllables[pinyin_han[lo][1]]
                                                            : NULL;
}

static int add_span(struct spans *sp, const struct redactor *r, const struct zh_name *z,
                    size_t a, size_t b, int flag, int kind)
{
    const struct term *tm = &r->terms[z->term];
    struct span s = { a, b, 0, RULE_VARIANT, tm->subject, z->term, 0, 0, 0 };

    if (flag) {
        s.cat = kind, s.review = 1;
        return sp == NULL ? 0 : redact_span_add(sp, &s);
    }
    s.cat = tm->cat == NAME_CAT ? CAT_PSEUDONYM : tm->cat;
    return redact_span_add(sp, &s);
}

/* A run of Han characters of the norm view: each one's code point,
 * start, and reading. */
struct han {
    int cp;
    size_t at, end;
    const char *rd;
};

/* 1 if the readings of h[0..n) joined are the letters p[0..len). */
static int reads(const struct han *h, size_t n, const char *p, size_t len)
{
    size_t at = 0, k;

    for (size_t i = 0; i < n; i++) {
        if (h[i].rd == NULL || (k = strlen(h[i].rd)) > len - at || memcmp(h[i].rd, p + at, k) != 0)
            return 0;
        at += k;
    }
    return at == len;
}

/* The Han characters of the given name of z seen in a whole name of this
 * text (李小明: 小明): a given name written with them is replaced, any
 * other reading so is a review flag. */
struct learnt {
    int cp[ZH_RUN];
    size_t n;
};

/* Keeps in lt the characters of h[0..n) (a whole name of z) that read as
 * its given name. */
static void learn(struct learnt *lt, const struct han *h, size_t n, const struct zh_name *z)
{
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b <= n; b++)
            if (reads(h + a, b - a, z->w[z->given], z->wl[z->given])) {
                lt->n = b - a;
                for (size_t m = a; m < b; m++)
                    lt->cp[m - a] = h[m].cp;
                return;
            }
}

/* The whole name of z in the words w[order...] joined: registered order,
 * or the last word first (Xiaoming Li: 李小明). */
static size_t whole(char *out, size_t cap, const struct zh_name *z, int rotated)
{
    size_t n = 0;

    for (size_t i = 0; i < z->nw; i++) {
        size_t k = rotated ? (i + z->nw - 1) % z->nw : i;
        if (n + z->wl[k] > cap)
            return 0;
        memcpy(out + n, z->w[k], z->wl[k]), n += z->wl[k];
    }
    return n;
}

/* 1 if the reading of h is the word w[0..len). */
static int reads_word(const struct han *h, const char *w, size_t len)
{
    return h->rd != NULL && strlen(h->rd) == len && memcmp(h->rd, w, len) == 0;
}

/* 1 if the two characters h[0..2) are a form of address of the two-word
 * name z (scan_run). */
static int address_form(const struct zh_name *z, const struct han *h)
{
    size_t sur = 1u - z->given, ll = strlen(z->last);
    int kin1 = h[1].cp == 0x54E5 || h[1].cp == 0x59D0;         /* 哥 姐 */

    if ((h[0].cp == 0x963F && reads_word(&h[1], z->last, ll)) ||   /* 阿 */
        (kin1 && reads_word(&h[0], z->last, ll)))
        return 1;
    return ((h[0].cp == 0x8001 || h[0].cp == 0x5C0F) && reads_word(&h[1], z->w[sur], z->wl[sur])) ||
           (kin1 && reads_word(&h[0], z->w[sur], z->wl[sur]));
}

/* The run h[0..n): the whole names (first pass) or the given names and the
 * doubled last syllable (second pass). */
static int scan_run(struct spans *sp, struct spans *flags, const struct redactor *r,
                    const struct han *h, size_t n, struct learnt *lt, int pass)
{
    char p[ZH_WORDS * ZH_WORD_MAX];
    size_t i, j, len, k;

    for (size_t q = 0; q < r->nzh; q++) {
        const struct zh_name *z = &r->zh[q];
        for (i = 0; i < n; i++)
            for (j = i + 1; j <= n && j - i <= ZH_RUN; j++) {
                if (pass == 0 && z->nw > 1) {
                    for (int rot = 0; rot < 2; rot++) {
                        if ((len = whole(p, sizeof p, z, rot)) == 0 || !reads(h + i, j - i, p, len))
                            continue;
                        /* Two characters read so are a review flag (王芳
                         * and a homophone pair of words); three or more,
                         * the name. */
                        if (add_span(j - i >= 3 ? sp : flags, r, z, h[i].at, h[j - 1].end,
                                     j - i < 3, FLAG_TRANSCRIPTION) != 0)
                            return -1;
                        /* The given name's characters: the part of the
                         * whole name that reads as it. */
                        if (j - i >= 3)
                            learn(&lt[q], h + i, j - i, z);
                    }
                }
                if (pass == 1 && j - i >= 2 && reads(h + i, j - i, z->w[z->given], z->wl[z->given])) {
                    int same = lt[q].n == j - i;
                    for (k = 0; same && k < j - i; k++)
                        same = lt[q].cp[k] == h[i + k].cp;
                    if (add_span(same ? sp : flags, r, z, h[i].at, h[j - 1].end, !same,
                                 FLAG_TRANSCRIPTION) != 0)
                        return -1;
                }
                /* Forms of address (brief s18 item 5, report-adv17a
                 * D-50): 阿 and the last syllable of the given name (阿明),
                 * it and 哥 or 姐 (明哥), 老 or 小 and the surname (老李,
                 * 小李), the surname and 哥 or 姐 (李哥): review flags,
                 * as any Li is 老李 to someone. */
                if (pass == 1 && j - i == 2 && z->nw == 2 && address_form(z, h + i) &&
                    add_span(flags, r, z, h[i].at, h[i + 1].end, 1, FLAG_SHORT_NAME) != 0)
                    return -1;
                /* 明明: the doubled last syllable, a review flag. */
                if (pass == 1 && j - i == 2 && h[i].cp == h[i + 1].cp && h[i].rd != NULL &&
                    strcmp(h[i].rd, z->last) == 0 &&
                    add_span(flags, r, z, h[i].at, h[i + 1].end, 1, FLAG_SHORT_NAME) != 0)
                    return -1;
            }
    }
    return 0;
}

/* A Latin token of the norm view: letters and tone digits. */
struct tok {
    size_t a, b;
    char s[ZH_WORDS * ZH_WORD_MAX];
    size_t len;
    int tones;
};

/* Reads the token at norm byte *p (ASCII letters, digits 1-5 after a
 * letter); 0 at the end of the text. */
static int next_tok(struct tok *t, const char *s, size_t len, size_t *p)
{
    size_t i = *p;

    while (i < len && !((s[i] >= 'a' && s[i] <= 'z')))
        i++;
    if (i >= len)
        return 0;
    t->a = i, t->len = 0, t->tones = 0;
    while (i < len && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9'))) {
        if (s[i] >= 'a' && s[i] <= 'z') {
            if (t->len < sizeof t->s)
                t->s[t->len] = s[i];
            t->len++;
        } else if (s[i] >= '1' && s[i] <= '5' && i > t->a && s[i - 1] >= 'a' && s[i - 1] <= 'z') {
            t->tones++;
        } else {
            t->tones = -100;    /* other digits: no pinyin */
        }
        i++;
    }
    t->b = i, *p = i;
    if (t->len > sizeof t->s)
        t->len = 0;
    return 1;
}

/* 1 if x and y are the initials of the given name of z (two syllables
 * or more: xm for Xiaoming) and its surname, in either order. */
static int initials_beside(const struct zh_name *z, const struct tok *x, const struct tok *y)
{
    size_t sur = 1u - z->given, at, n = 0, k;
    char ini[ZH_WORD_MAX];
    const char *g = z->w[z->given];
    size_t gl = z->wl[z->given];

    /* The syllables of the given name, from its end. */
    while (gl > 0 && n < sizeof ini && split(g, gl, &at) > 0) {
        ini[n++] = g[at];
        gl = at;
    }
    if (n < 2 || gl != 0)
        return 0;
    for (k = 0; k < n / 2; k++) {
        char c = ini[k];
        ini[k] = ini[n - 1 - k], ini[n - 1 - k] = c;
    }
    return (x->len == n && memcmp(x->s, ini, n) == 0 && y->len == z->wl[sur] &&
            memcmp(y->s, z->w[sur], y->len) == 0) ||
           (y->len == n && memcmp(y->s, ini, n) == 0 && x->len == z->wl[sur] &&
            memcmp(x->s, z->w[sur], x->len) == 0);
}

/* The Latin words of the text: tone numbers (Li3 Xiao3ming2: the whole
 * name, or a word of it, replaced) and the doubled last syllable
 * (Ming-ming, Mingming, Ming ming: a review flag). */
static int scan_latin(struct spans *sp, struct spans *flags, const struct redactor *r,
                      const struct normtext *t)
{
    struct tok x, y;
    size_t p = 0, p2;
    char buf[2 * ZH_WORDS * ZH_WORD_MAX];

    if (!next_tok(&x, t->norm, t->normlen, &p))
        return 0;
    for (;;) {
        int more;
        p2 = p;
        more = next_tok(&y, t->norm, t->normlen, &p2);
        /* y joined to x by one space or hyphen */
        int joined = more && y.a == x.b + 1 && (t->norm[x.b] == ' ' || t->norm[x.b] == '-');
        for (size_t q = 0; q < r->nzh; q++) {
            const struct zh_name *z = &r->zh[q];
            size_t ll = strlen(z->last), wl;
            char w[ZH_WORDS * ZH_WORD_MAX];
            int done = 0;
            /* tone numbers: two words, then one */
            if (joined && x.tones > 0 && y.tones >= 0 && x.len + y.len <= sizeof buf) {
                memcpy(buf, x.s, x.len), memcpy(buf + x.len, y.s, y.len);
                for (int rot = 0; rot < 2 && !done; rot++)
                    if ((wl = whole(w, sizeof w, z, rot)) == x.len + y.len && z->nw == 2 &&
                        memcmp(w, buf, wl) == 0) {
                        if (add_span(sp, r, z, x.a, y.b, 0, 0) != 0)
                            return -1;
                        done = 1;
                    }
            }
            if (!done && x.tones > 0 && x.len >= 4)
                for (size_t k = 0; k < z->nw && !done; k++)
                    if (z->wl[k] == x.len && memcmp(z->w[k], x.s, x.len) == 0) {
                        if (add_span(sp, r, z, x.a, x.b, 0, 0) != 0)
                            return -1;
                        done = 1;
                    }
            /* The given name's initials beside the surname (XM Li, Li
             * XM; brief s18 item 5, D-50), as JS Kim is for a Korean
             * name: a review flag. */
            if (joined && z->nw == 2 && initials_beside(z, &x, &y) &&
                add_span(flags, r, z, x.a, y.b, 1, FLAG_SHORT_NAME) != 0)
                return -1;
            /* Mingming; Ming-ming, Ming ming */
            if (x.tones >= 0 && ll > 0 && x.len == 2 * ll && memcmp(x.s, z->last, ll) == 0 &&
                memcmp(x.s + ll, z->last, ll) == 0 && add_span(flags, r, z, x.a, x.b, 1, FLAG_SHORT_NAME) != 0)
                return -1;
            if (joined && x.tones >= 0 && y.tones >= 0 && ll > 0 && x.len == ll && y.len == ll &&
                memcmp(x.s, z->last, ll) == 0 && memcmp(y.s, z->last, ll) == 0 &&
                add_span(flags, r, z, x.a, y.b, 1, FLAG_SHORT_NAME) != 0)
                return -1;
        }
        if (!more)
            return 0;
        x = y, p = p2;
    }
}

int redact_find_hanzi(struct spans *sp, struct spans *flags, const struct redactor *r,
                      const struct normtext *t)
{
    struct han *h = NULL;
    struct learnt *lt;
    size_t p, n, cap = 0;
    int cp, k = 0, rc = 0;

    if (r->nzh == 0)
        return 0;
    if ((lt = calloc(r->nzh, sizeof *lt)) == NULL)
        return -1;
    for (int pass = 0; pass < 2 && rc == 0; pass++)
        for (p = 0; rc == 0 && p < t->normlen;) {
            /* the next run of Han characters */
            for (n = 0; p < t->normlen && (k = utf8_next(&cp, t->norm + p, t->normlen - p)) > 0;
                 p += (size_t)k) {
                if (!is_han_cp(cp)) {
                    if (n > 0)
                        break;
                    continue;
                }
                if (n == cap) {
                    size_t c2 = cap ? 2 * cap : 64;
                    struct han *g = realloc(h, c2 * sizeof *g);
                    if (g == NULL) {
                        rc = -1;
                        break;
                    }
                    h = g, cap = c2;
                }
                h[n].cp = cp, h[n].at = p, h[n].end = p + (size_t)k, h[n].rd = han_reading(cp);
                n++;
            }
            if (n == 0)
                break;
            if (rc == 0)
                rc = scan_run(sp, flags, r, h, n, lt, pass);
        }
    if (rc == 0)
        rc = scan_latin(sp, flags, r, t);
    if (h != NULL)
        sodium_memzero(h, cap * sizeof *h);
    free(h);
    sodium_memzero(lt, r->nzh * sizeof *lt);
    free(lt);
    return rc;
}
