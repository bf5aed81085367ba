/* A name's letter case where chat and hurried notes write it (brief s49
 * lower49): a short form in Latin lower case ("sasha, natasha, nadya",
 * "Ask sashka."; report-adv33 L-36, L-64, report-adv34 L-16, L-18), and a
 * name glued to an initial or to another capitalised word ("ДашаП.",
 * "ПетроваДарья."; report-adv33 L-60).  Called by the hit rules of
 * redact_hits.c; calls down to the dictionaries and the word view only. */
#include <sodium.h>
#include <string.h>
#include <utf8proc.h>

#include "privacy/latin_cyrillic.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"
#include "privacy/variants_int.h"
#include "util/lexicon.h"

/* At most this many Cyrillic readings are asked of the dictionaries; a
 * word with more is taken for one of them (a review flag: the safe side
 * for the reader, the person is still asked). */
#define READINGS_MAX 96
#define LATIN_MAX 16

struct reading {
    const char *w;          /* the Latin word, a-z */
    size_t len;
    int mn;                 /* ask the Mongolian dictionary too */
    int mn_only;            /* ask the Mongolian dictionary only */
    int asked;
    char out[LATIN_MAX * 6 + 1];
};

/* 1 if the Cyrillic reading r->out[0..olen) is an ordinary word: one of
 * the Russian and Ukrainian name forms hunspell-ru or hunspell-uk know
 * (slavic_lower_word: люба, ромка, вера), or with r->mn one hunspell-mn
 * knows (болор "crystal"). */
static int reading_is_word(const struct reading *r, size_t olen)
{
    return (!r->mn_only && slavic_lower_word(r->out, olen)) ||
           (r->mn && redact_known_word(LEXICON_MN, r->out, olen) == 1);
}

/* 1 if some Cyrillic reading of r->w[at..) after r->out[0..olen) is an
 * ordinary word, or if more than READINGS_MAX readings were asked. */
static int some_reading_is_word(struct reading *r, size_t at, size_t olen)
{
    if (at == r->len)
        return ++r->asked > READINGS_MAX || reading_is_word(r, olen);
    /* The Russian passport, press and BGN/PCGN spellings read backwards,
     * with the Mongolian ө of o and ү of u (latin_cyrillic.c). */
    struct latin_cyr_it it = { 0, 0 };
    const char *cyr;
    size_t ll;

    while (latin_cyrillic_next(&it, r->w + at, r->len - at, LATIN_CYR_NAME, &cyr, &ll)) {
        size_t cl = strlen(cyr);
        if (olen + cl >= sizeof r->out)
            continue;
        memcpy(r->out + olen, cyr, cl);
        if (some_reading_is_word(r, at + ll, olen + cl))
            return 1;
    }
    return 0;
}

int redact_lower_latin(const struct normtext *t, const struct redact_form *f, size_t a,
                       size_t b)
{
    struct reading r;
    size_t e;
    int word;

    if (!f->person || !(f->kind == FORM_SHORT || f->shortform) || b - a < 4 || b - a > LATIN_MAX)
        return 0;
    /* Written so in the text itself: not a reading of other letters
     * (Cyrillic read in Latin has no capitals to test). */
    for (size_t p = a; p < b; p++)
        if (t->norm[p] < 'a' || t->norm[p] > 'z' || t->orig[t->ostart[p]] != t->norm[p])
            return 0;
    /* Nothing glued before: a handle has its own rules.  Lower-case
     * letters glued after ("grishanya" of Гришаня, a chat form of Гриша:
     * report-adv49 L-3) make a diminutive or another word: the whole word
     * is read as below, and is at most a review flag, as Гришаня and
     * Grishanya are (brief s50 case50). */
    if (a > 0 && is_word_cp(redact_cp_before(t->norm, a)))
        return 0;
    for (e = b; e < t->normlen && t->norm[e] >= 'a' && t->norm[e] <= 'z'; e++)
        if (t->orig[t->ostart[e]] != t->norm[e])
            return 0;
    if (e - a > LATIN_MAX || (e < t->normlen && is_word_cp((unsigned char)t->norm[e])))
        return 0;
    /* An English word (dash, sash, lyre, mash; dashboard, sashimi,
     * mishap) is that word. */
    if (redact_known_word(LEXICON_EN, t->norm + a, e - a) != 0)
        return 0;
    memset(&r, 0, sizeof r);
    r.w = t->norm + a, r.len = e - a;
    r.mn = f->suffix == SUFFIX_MN || f->suffix == SUFFIX_MN_STEM;
    word = some_reading_is_word(&r, 0, 0);
    sodium_memzero(r.out, sizeof r.out);
    return word || e > b ? 2 : 1;
}

/* Declared here and in redact_hits.c, its caller. */
int redact_latin_mn_word(const char *w, size_t len);

/* 1 if some Cyrillic reading of the Latin word w[0..len) (bytes, a-z,
 * 4 to LATIN_MAX letters) is a word hunspell-mn knows (gerel: гэрэл
 * "light", altan: алтан "golden", monkh: мөнх "eternal"; brief s51
 * mong51, report-adv51 O-1, O-6, O-7, O-9, O-10); 0 otherwise, and 0
 * when more than READINGS_MAX readings were asked (no answer: the name
 * stays replaced, the safe side).  The readings as redact_lower_latin
 * reads them (latin_cyrillic.c).  Keeps nothing. */
int redact_latin_mn_word(const char *w, size_t len)
{
    struct reading r;
    int word;

    if (len < 4 || len > LATIN_MAX)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (w[i] < 'a' || w[i] > 'z')
            return 0;
    memset(&r, 0, sizeof r);
    r.w = w, r.len = len, r.mn = 1, r.mn_only = 1;
    word = some_reading_is_word(&r, 0, 0) && r.asked <= READINGS_MAX;
    sodium_memzero(r.out, sizeof r.out);
    return word;
}

/* 1 if cp is a letter that has capitals (Latin, Cyrillic, Greek). */
static int has_case(int cp)
{
    return utf8proc_toupper(cp) != utf8proc_tolower(cp);
}

/* 1 if the code point at norm byte n of t is a letter with capitals
 * written in lower case. */
static int lower_letter_at(const struct normtext *t, size_t n)
{
    int cp;

    return utf8_next(&cp, t->norm + n, t->normlen - n) > 0 && has_case(cp) &&
           !redact_upper_at(t, n);
}

/* 1 if norm [a, b) of t is letters with capitals, each in lower case and
 * of first's script. */
static int lower_run(const struct normtext *t, size_t a, size_t b, int first)
{
    int cp, k;

    for (; a < b; a += (size_t)k)
        if ((k = utf8_next(&cp, t->norm + a, b - a)) <= 0 || !has_case(cp) ||
            normalise_script_change(first, cp) || redact_upper_at(t, a))
            return 0;
    return 1;
}

int redact_camel_start(const struct normtext *t, const struct redact_form *f, size_t a)
{
    size_t w = a, p;
    int cp, first;

    if (!f->person || a == 0 || !redact_upper_at(t, a) ||
        utf8_next(&first, t->norm + a, t->normlen - a) <= 0 || !has_case(first))
        return 0;
    while (w > 0 && is_word_cp(redact_cp_before(t->norm, w)))
        w = redact_cp_start(t->norm, w);
    /* A capitalised word of two letters or more glued before: CamelCase. */
    if (utf8_next(&cp, t->norm + w, t->normlen - w) <= 0 || !redact_upper_at(t, w) ||
        normalise_script_change(cp, first))
        return 0;
    p = w + (size_t)utf8_next(&cp, t->norm + w, t->normlen - w);
    return p < a && lower_run(t, p, a, first);
}

int redact_camel_end(const struct normtext *t, const struct redact_form *f, size_t a,
                     size_t b, size_t wend)
{
    int first, next, k;

    if (!f->person || wend <= b || !redact_upper_at(t, a) ||
        utf8_next(&first, t->norm + a, t->normlen - a) <= 0 ||
        !lower_letter_at(t, redact_cp_start(t->norm, b)) || !redact_upper_at(t, b) ||
        (k = utf8_next(&next, t->norm + b, wend - b)) <= 0 || !has_case(next) ||
        normalise_script_change(first, next))
        return 0;
    /* One capital glued after: the initial of another of the name's
     * words ("ДашаП."), which goes with the name (in Latin the glued
     * rules of redact_hits.c and the handles read "DashaP" already); a
     * capitalised word: read on its own, as if a space stood between
     * ("ПетроваДарья"). */
    if (b + (size_t)k == wend)
        return first >= 0x80;
    return lower_run(t, b + (size_t)k, wend, first) ? 2 : 0;
}
