/* A Ukrainian given name's own diminutives, the Ukrainian spelling of a
 * Russian name with an apostrophe, and the Ukrainian and Belarusian
 * equivalents of a Russian given name from data/nicknames/slavic.txt
 * (moved from variants_uk.c in session 41, brief s41 uk41: no change).
 * Called by nicknames.c and variants.c (variants_int.h); calls
 * variants_uk.c (variants_uk_int.h: the letters and case forms),
 * namelist.c and varlist.c. */
#include "privacy/variants_int.h"
#include "privacy/variants_ru_int.h"
#include "privacy/variants_uk_int.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <utf8proc.h>

#include "privacy/namelist.h"
#include "privacy/normalise.h"
#include "privacy/varlist.h"
#include "util/err.h"

/* build/gen/nicknames_data.c (scripts/embed.sh from data/nicknames). */
extern const unsigned char nicknames_slavic[];

/* ---- The Ukrainian diminutives of an equivalent (brief s34 uk34) ----
 * Ukrainian makes a given name's tender forms with suffixes of its own
 * (report-adv33 L-7, L-8, L-35, L-37): -ійка, -ієчка, -ійочка on a name
 * in -ія (Надія: Надійка, Надієчка; Марія: Марійочка), and -ця, -уся,
 * -усенька, -усечка, -уня, -очка, -юська on its stem without -ія (Дарія:
 * Дарця, Даруся, Дарусенька, Дарусечка; Наталія: Наталочка; Надія:
 * Надюська), and -очка, -уня, -уся, -усенька, -усечка on a name in a
 * consonant and -а (Віра: Вірочка, Віруня).  Written by us from
 * Ukrainian word-formation (the Russian suffixes are variants_ru.c's;
 * these are the Ukrainian part of the generator).  Each is declined by
 * uk_name_cases (Надійкою, Вірочко, Дарцю).  Lower case counts for the
 * forms of a stem of three letters or more (і надійка, і дарця), but a
 * form that is a word keeps the capital (uk_add_keyed marks it). */
struct uk_dim {
    const char *suf;
    unsigned char on; /* UK_ON_IA_I, UK_ON_IA, UK_ON_A */
};
enum { UK_ON_IA_I = 1, UK_ON_IA = 2, UK_ON_A = 4 };
static const struct uk_dim uk_dims[] = {
    { "йка", UK_ON_IA_I },   { "єчка", UK_ON_IA_I }, { "йочка", UK_ON_IA_I },
    { "ця", UK_ON_IA },      { "уся", UK_ON_IA | UK_ON_A },
    { "усенька", UK_ON_IA | UK_ON_A }, { "усечка", UK_ON_IA | UK_ON_A },
    { "уня", UK_ON_IA | UK_ON_A },     { "очка", UK_ON_IA | UK_ON_A },
    { "юська", UK_ON_IA },
};

/* Adds cp[0..n) + suf in every Ukrainian case (uk_name_cases). */
static int uk_dim_add(struct variant_list *out, const int *cp, int n, const char *suf)
{
    char key[(UK_MAX + 8) * 4 + 1];
    size_t kl = 0, sl = strlen(suf);
    int rc, lat[UK_MAX], m;

    for (int k = 0; k < n; k++)
        kl += (size_t)utf8proc_encode_char(cp[k], (utf8proc_uint8_t *)key + kl);
    if (kl + sl >= sizeof key)
        return 0;
    memcpy(key + kl, suf, sl), kl += sl;
    rc = uk_forms(out, key, kl, 0, 0, 0);
    /* Its nominative in Latin too (Nadiyka, Nadiika, Darusia: report-adv34
     * L-15), as the name's own (add_latin's systems); not its cases, which
     * a Latin text rarely declines. */
    if (rc == 0 && (m = uk_read(lat, key, kl)) > 0)
        rc = uk_add_latin(out, lat, m, 0);
    sodium_memzero(lat, sizeof lat);
    sodium_memzero(key, sizeof key);
    return rc;
}

/* Adds the Ukrainian diminutives of uk_dims of the Ukrainian given name
 * f[0..fl) (bytes, lower case, as slavic.txt lists it).  0, or -1. */
static int uk_diminutives(struct variant_list *out, const char *f, size_t fl)
{
    unsigned char capital = out->capital;
    int cp[UK_MAX + 4], n, ns, rc = 0;
    unsigned on;

    if ((n = uk_read(cp, f, fl)) < 4)
        return 0;
    if (cp[n - 1] == C_YA && cp[n - 2] == C_UK_I)
        on = UK_ON_IA, ns = n - 2;
    else if (cp[n - 1] == C_A && !uk_vowel(cp[n - 2]) && cp[n - 2] != C_SOFT && n <= 6)
        on = UK_ON_A, ns = n - 1;
    else
        return 0;
    if (ns < 3)
        return 0;
    out->capital = 0;
    for (size_t i = 0; i < sizeof uk_dims / sizeof uk_dims[0] && rc == 0; i++) {
        size_t first = out->n;
        if (uk_dims[i].on & UK_ON_IA_I && on == UK_ON_IA)
            rc = uk_dim_add(out, cp, ns + 1, uk_dims[i].suf);
        else if (uk_dims[i].on & on)
            rc = uk_dim_add(out, cp, ns, uk_dims[i].suf);
        for (size_t j = first; j < out->n; j++)
            if (out->v[j].context)
                out->v[j].capital = capital;
    }
    out->capital = capital;
    sodium_memzero(cp, sizeof cp);
    return rc;
}

int uk_ik_diminutives(struct variant_list *out, const char *key, size_t len)
{
    static const int no_last[] = { C_KA, C_GE, C_HA, C_GHE, C_ZHE, C_CHE, C_SHA, C_SHCHA, C_TSE,
                                   C_SOFT, C_SHORT_I, C_SHORT_U };
    char w[(UK_MAX + 4) * 2];
    int cp[UK_MAX + 4], n, rc;
    size_t wl = 0;

    if ((n = uk_read(cp, key, len)) < 5 || n > UK_MAX - 2 || uk_vowel(cp[n - 1]))
        return 0;
    for (size_t i = 0; i < sizeof no_last / sizeof no_last[0]; i++)
        if (cp[n - 1] == no_last[i])
            return 0;
    /* not a surname's suffix (Петров, Васильєв, Путін, Іванович) */
    if ((cp[n - 1] == C_VE && (cp[n - 2] == C_O || cp[n - 2] == C_IE || cp[n - 2] == C_YE)) ||
        (cp[n - 1] == C_EN && (cp[n - 2] == C_I || cp[n - 2] == C_UK_I || cp[n - 2] == C_YI)))
        return 0;
    for (int k = 0; k < n; k++)
        wl += (size_t)utf8proc_encode_char(cp[k], (utf8proc_uint8_t *)w + wl);
    memcpy(w + wl, "\xd0\xb8\xd0\xba", 4), wl += 4; /* ик */
    rc = uk_forms(out, w, wl, 0, 0, 1);
    sodium_memzero(w, sizeof w);
    sodium_memzero(cp, sizeof cp);
    return rc;
}

/* The Ukrainian spelling of a Russian given name whose soft sign stands
 * after a labial or р before an iotated vowel: Ukrainian writes the
 * apostrophe there, and є, ї for е, и (Дарья: Дар'я, Дар'ю; Марьяна:
 * Мар'яна; Демьян: Дем'ян; Софья: Соф'я; Ukrainian orthography, the
 * apostrophe's rule).  Every apostrophe form (' ’ ʼ ʻ `) is one letter in
 * the norm view and none in the key view (normalise.h), so the spelling
 * is kept without it (дар'я: даря).  Rewrites cp[0..n) in place; the new
 * count, or 0 (cp unchanged) for a name with no such soft sign. */
static int apostrophe_at(int prev, int c, int next)
{
    return c == C_SOFT &&
           (prev == C_BE || prev == C_PE || prev == C_VE || prev == C_EM || prev == C_EF ||
            prev == C_ER) &&
           (next == C_YA || next == C_YU || next == C_IE || next == C_I);
}

static int uk_apostrophe_spelling(int *cp, int n)
{
    int m = 0, found = 0;

    for (int i = 1; i + 1 < n; i++)
        found |= apostrophe_at(cp[i - 1], cp[i], cp[i + 1]);
    if (!found)
        return 0;
    for (int i = 0; i < n; i++) {
        int prev = m > 0 ? cp[m - 1] : 0, next = i + 1 < n ? cp[i + 1] : 0;
        if (apostrophe_at(prev, cp[i], next)) {
            if (next == C_IE || next == C_I)
                cp[i + 1] = next == C_IE ? C_YE : C_YI;
            continue;
        }
        cp[m++] = cp[i];
    }
    return m;
}

/* The apostrophe spelling (uk_apostrophe_spelling) of the Russian given
 * name key[0..len) (bytes, lower case) into w (UTF-8, wl bytes, no
 * NUL); 0, or -1 for a name that has none or does not fit. */
static int uk_apostrophe_word(char *w, size_t wsize, size_t *wl, const char *key, size_t len)
{
    int cp[UK_MAX], n, m;

    *wl = 0;
    if ((n = uk_read(cp, key, len)) < 4 || (m = uk_apostrophe_spelling(cp, n)) == 0 ||
        (size_t)m * 2 > wsize) {
        sodium_memzero(cp, sizeof cp);
        return -1;
    }
    for (int k = 0; k < m; k++)
        *wl += (size_t)utf8proc_encode_char(cp[k], (utf8proc_uint8_t *)w + *wl);
    sodium_memzero(cp, sizeof cp);
    return 0;
}

/* Adds the case forms of the apostrophe spelling of the Russian given
 * name key[0..len): declined without the apostrophe (uk_name_cases:
 * дар'я keyed даря, дарю, дарєю), and a case form that is a word when
 * the apostrophe is left out (дарю, дари: slavic_words.txt) is a review
 * flag only where the context marks a name (uk_add_keyed).  Nothing for
 * another name.  0, or -1 when out of memory. */
static int uk_apostrophe_forms(struct variant_list *out, const char *key, size_t len)
{
    char w[UK_MAX * 2 + 1];
    size_t wl;
    int rc;

    if (uk_apostrophe_word(w, sizeof w, &wl, key, len) != 0)
        return 0;
    rc = uk_forms(out, w, wl, 0, 0, 0);
    sodium_memzero(w, sizeof w);
    return rc;
}

/* ---- The equivalents ---- */

#define REL_UK ",in_ukrainian,"
#define REL_BY ",in_belarusian,"
/* The hand-written Ukrainian short forms (brief s24 slav24: Олесь, Лесик,
 * Саньок of Александр); their index in rels below. */
#define REL_SHORT ",has_ukrainian_short,"
/* The hand-written Belarusian short forms (brief s25 slav25: Алесь of
 * Александр); index 3, treated as the Ukrainian ones. */
#define REL_BY_SHORT ",has_belarusian_short,"
enum { REL_SHORT_AT = 2, REL_BY_SHORT_AT = 3 };

/* 1 if row i of the index is a hand-written short form. */
#define IS_SHORT(i) (idx.v[i].rel == REL_SHORT_AT || idx.v[i].rel == REL_BY_SHORT_AT)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct namelist idx;
/* Each line's form as the key view reads it (Сергій: сергий), for the
 * way back from a Ukrainian or Belarusian name; malloc'd once, never
 * freed (public data). */
static struct { char *k; size_t len; } *fkey;
/* Each line's Russian name in its Ukrainian apostrophe spelling as the
 * key view reads it (Дарья: Дар'я, даря; uk_apostrophe_word), k NULL for
 * a name with none: the way back from a registered Дар'я, Дар’я, Дарʼя,
 * which no line lists (report-adv36 L-1); malloc'd once, never freed. */
static struct { char *k; size_t len; } *akey;

/* The key view of w[0..wl) into a malloc'd *k, *len; nothing on failure. */
static void keep_key(char **k, size_t *len, const char *w, size_t wl)
{
    struct normtext t;
    struct err e;

    if (normalise(&t, w, wl, &e) != 0)
        return;
    if ((*k = malloc(t.keylen ? t.keylen : 1)) != NULL)
        memcpy(*k, t.key, t.keylen), *len = t.keylen;
    normtext_free(&t);
}

static void build_index(void)
{
    static const unsigned char *const lists[] = { nicknames_slavic };
    static const char *const rels[] = { REL_UK, REL_BY, REL_SHORT, REL_BY_SHORT };
    char w[UK_MAX * 2];
    size_t wl;

    if (namelist_build(&idx, lists, 1, rels, 4) != 0 ||
        (fkey = calloc(idx.n ? idx.n : 1, sizeof *fkey)) == NULL ||
        (akey = calloc(idx.n ? idx.n : 1, sizeof *akey)) == NULL)
        return;
    for (size_t i = 0; i < idx.n; i++) {
        keep_key(&fkey[i].k, &fkey[i].len, idx.v[i].form, idx.v[i].formlen);
        if (uk_apostrophe_word(w, sizeof w, &wl, idx.v[i].name, idx.v[i].namelen) == 0)
            keep_key(&akey[i].k, &akey[i].len, w, wl);
    }
}

/* 1 if row i of the index stands for key[0..len) on the way back: its
 * listed Ukrainian or Belarusian form (fkey), or, on the first row of
 * its Russian name, that name's apostrophe spelling (akey). */
static int row_is(size_t i, const char *key, size_t len, int *apostrophe)
{
    *apostrophe = 0;
    if (IS_SHORT(i))
        return 0;
    if (fkey[i].k != NULL && fkey[i].len == len && memcmp(fkey[i].k, key, len) == 0)
        return 1;
    if (akey[i].k == NULL || akey[i].len != len || memcmp(akey[i].k, key, len) != 0 ||
        (i > 0 && idx.v[i - 1].namelen == idx.v[i].namelen &&
         memcmp(idx.v[i - 1].name, idx.v[i].name, idx.v[i].namelen) == 0 && akey[i - 1].k != NULL))
        return 0;
    return *apostrophe = 1;
}

int slavic_russian_each(const char *key, size_t len,
                        int (*fn)(void *ctx, const char *name, size_t namelen), void *ctx)
{
    int rc = 0;

    int apostrophe;

    (void)pthread_once(&once, build_index);
    if (idx.v == NULL || fkey == NULL || akey == NULL)
        return -1;
    for (size_t i = 0; i < idx.n && rc == 0; i++)
        if (row_is(i, key, len, &apostrophe))
            rc = fn(ctx, idx.v[i].name, idx.v[i].namelen);
    return rc;
}

/* The rows of slavic.txt's index for key[0..len) into [*first, *first +
 * *n): 0 (none for a key under two bytes), or -1 when the index could not
 * be built. */
static int rows_of(const char *key, size_t len, size_t *first, size_t *n)
{
    *first = 0, *n = 0;
    if (len < 2)
        return 0;
    (void)pthread_once(&once, build_index);
    if (idx.v == NULL)
        return -1;
    namelist_find(&idx, key, len, first, n);
    return 0;
}

/* Adds the Cyrillic case forms of the Ukrainian name or short form
 * f[0..fl) (bytes, lower case, as slavic.txt lists it) with no capital
 * mark: a Ukrainian writes a name in lower case in a hurried message
 * (вчора олександр був, наталка сказала: report-adv33 L-35; brief s34
 * uk34) as a Russian does (variants_ru.c's lower-case rule).  Not a form
 * that is a word (uk_add_keyed's mark, slavic_lower_word: тала, тали);
 * those keep the capital they were added with.  0, or -1. */
static int uk_lower_cases(struct variant_list *out, const char *f, size_t fl)
{
    struct variant_list tmp;
    unsigned char capital = out->capital;
    int rc;

    memset(&tmp, 0, sizeof tmp);
    rc = uk_forms(&tmp, f, fl, 0, 0, 0);
    out->capital = 0;
    for (size_t i = 0; i < tmp.n && rc == 0; i++)
        if (!tmp.v[i].context && !slavic_lower_word(tmp.arena + tmp.v[i].off, tmp.v[i].keylen))
            rc = list_add(out, tmp.arena + tmp.v[i].off, tmp.v[i].keylen, RULE_VARIANT, SUFFIX_NONE);
    out->capital = capital;
    variant_list_free(&tmp);
    return rc;
}

int slavic_equivalents(struct variant_list *out, const char *key, size_t len)
{
    size_t first, n;
    int rc = 0, cp[UK_MAX], m;

    if (uk_apostrophe_forms(out, key, len) != 0 || rows_of(key, len, &first, &n) != 0)
        return -1;
    /* The Russian name Ukrainian writes alike (Ольга, Галина): its
     * Ukrainian possessives (Ольжин: uk_alternated_possessives). */
    if ((m = uk_read(cp, key, len)) > 0)
        rc = uk_alternated_possessives(out, cp, m);
    /* And, one in -а, its Ukrainian cases: the dative and locative in
     * -і with the stem's г к х written з ц с (Ользі, Галині, Оксані),
     * the vocative (Ольго), the instrumental in -ою (brief s42 dim42,
     * report-adv41 L-17; Ukrainian grammar, uk_forms).  The name's own
     * cases: no form marked a word (out->own), as slavic_own_cases.
     * Only a name slavic.txt lists (n > 0): variants_nicknames asks this
     * of every Cyrillic key of the list the lists do not know, a
     * surname's forms included (Арлава of Орлов: its арлавой, marked a
     * short form, read 阿拉伯 "Arabia" as a Chinese transcription:
     * issue 12, brief s42 han42). */
    if (rc == 0 && n > 0 && m >= 3 && cp[m - 1] == C_A) {
        unsigned char own = out->own;
        out->own = 1;
        rc = uk_name_cases(out, key, len);
        out->own = own;
    }
    sodium_memzero(cp, sizeof cp);
    for (size_t i = first; i < first + n && rc == 0; i++) {
        const char *f = idx.v[i].form;
        size_t fl = idx.v[i].formlen;
        if (!IS_SHORT(i)) {
            rc = uk_name_forms(out, f, fl, 1);
            if (rc == 0 && idx.v[i].rel == 0)
                rc = uk_lower_cases(out, f, fl);
            if (rc == 0 && idx.v[i].rel == 0)
                rc = uk_diminutives(out, f, fl);
            continue;
        }
        /* A Ukrainian or Belarusian short form: its cases, Latin
         * spellings and possessives (Олесем, Ołes, Олесин, Олесикова: a
         * short form's -ов possessive is no surname's shape); its
         * diminutives come from nicknames.c (slavic_short_each). */
        rc = uk_add_keyed(out, f, fl);
        if (rc == 0)
            rc = uk_forms(out, f, fl, 1, 0, 1);
        /* One written in the letters Russian shares (Галочка, Саньок is
         * not): its nominative in the Russian Latin spellings too, as a
         * chat writes it (galochka beside the Ukrainian halochka;
         * report-adv50 L-2, brief s51 slav51). */
        if (rc == 0 && (m = ru_read(cp, f, fl)) > 0)
            rc = ru_add_latin(out, cp, m);
        sodium_memzero(cp, sizeof cp);
        if (rc == 0 && idx.v[i].rel == REL_SHORT_AT)
            rc = uk_lower_cases(out, f, fl);
    }
    return rc;
}

int slavic_own_cases(struct variant_list *out, const char *key, size_t len)
{
    unsigned char own = out->own;
    int rc = 0, apostrophe;

    (void)pthread_once(&once, build_index);
    if (idx.v == NULL || fkey == NULL || akey == NULL)
        return -1;
    out->own = 1;
    /* Not an apostrophe spelling's (Дар'я): its cases came with the
     * Russian name's equivalents (uk_apostrophe_forms), those that are
     * words (дари, gifts; дарю) marked so; the apostrophe in the text
     * tells the name (redact_context.c, uk_apostrophe_name). */
    for (size_t i = 0; i < idx.n && rc == 0; i++)
        if (row_is(i, key, len, &apostrophe) && !apostrophe)
            rc = uk_name_cases(out, idx.v[i].form, idx.v[i].formlen);
    out->own = own;
    return rc;
}

/* 1 if the key a[0..al) is b[0..bl) with one vowel letter before it
 * (Олеся, Леся; Олесь, Лесь): Ukrainian drops a name's first о- in its
 * short form (Ukrainian word-formation, brief s39 uk39). */
static int vowel_before(const char *a, size_t al, const char *b, size_t bl)
{
    int cp, k;

    return al > bl && (k = utf8_next(&cp, a, al)) > 0 && (size_t)k + bl == al && uk_vowel(cp) &&
           memcmp(a + k, b, bl) == 0;
}

int slavic_short_siblings(const char *key, size_t len,
                          int (*fn)(void *ctx, const char *form, size_t formlen), void *ctx)
{
    size_t first, n;
    int rc = 0;

    (void)pthread_once(&once, build_index);
    if (idx.v == NULL || fkey == NULL)
        return -1;
    for (size_t i = 0; i < idx.n && rc == 0; i++) {
        if (!IS_SHORT(i) || fkey[i].k == NULL || fkey[i].len != len || memcmp(fkey[i].k, key, len) != 0 ||
            rows_of(idx.v[i].name, idx.v[i].namelen, &first, &n) != 0)
            continue;
        for (size_t j = first; j < first + n && rc == 0; j++)
            if (j != i && IS_SHORT(j) && fkey[j].k != NULL &&
                (vowel_before(key, len, fkey[j].k, fkey[j].len) ||
                 vowel_before(fkey[j].k, fkey[j].len, key, len)))
                rc = fn(ctx, fkey[j].k, fkey[j].len);
    }
    return rc;
}

int slavic_tender_each(const char *key, size_t len,
                       int (*fn)(void *ctx, const char *form, size_t formlen), void *ctx)
{
    int rc = 0;
    size_t stem;

    (void)pthread_once(&once, build_index);
    if (idx.v == NULL || fkey == NULL)
        return -1;
    /* The stem: the short form without its last letter (Галя: гал). */
    for (stem = len; stem > 0 && (key[stem - 1] & 0xC0) == 0x80; stem--)
        ;
    if (stem == 0 || (stem -= 1, stem < 4))
        return 0;
    for (size_t i = 0; i < idx.n && rc == 0; i++)
        if (IS_SHORT(i) && fkey[i].k != NULL && fkey[i].len > len && memcmp(fkey[i].k, key, stem) == 0 &&
            ru_tender_form(fkey[i].k, fkey[i].len))
            rc = fn(ctx, fkey[i].k, fkey[i].len);
    return rc;
}

int slavic_short_each(const char *key, size_t len,
                      int (*fn)(void *ctx, const char *form, size_t formlen), void *ctx)
{
    size_t first, n;
    int rc = 0;

    if (rows_of(key, len, &first, &n) != 0)
        return -1;
    /* The key view (Іруся: ируся): the Russian rules read no і, ї, є,
     * so a form spelled with one had no diminutives (Ірусько: brief s39
     * uk39, report-adv38 L-18). */
    for (size_t i = first; i < first + n && rc == 0; i++)
        if (IS_SHORT(i))
            rc = fkey != NULL && fkey[i].k != NULL ? fn(ctx, fkey[i].k, fkey[i].len)
                                                   : fn(ctx, idx.v[i].form, idx.v[i].formlen);
    return rc;
}
