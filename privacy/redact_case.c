/* A name's letter case where chat and hurried notes write it (brief s49
 * lower49): a short form in Latin lower case ("sasha, natasha, nadya",
 * "Ask sashka."; report-adv33 L-36, L-64, report-adv34 L-16, L-18), and a
 * name glued to an initial or to another capitalised word ("ДашаП.",
 * "ПетроваДарья."; report-adv33 L-60); when a part of a name that counts
 * only with a capital counts in lower case too (redact_lower_name_part,
 * moved here from redact_hits.c in session 52), and when a word of address
 * after it marks the person (redact_lower_person_marked).  Called by the
 * hit rules of redact_hits.c; calls down to the dictionaries, the sense
 * tables and the word view only. */
#include <sodium.h>
#include <string.h>
#include <utf8proc.h>

#include "privacy/flag_context.h"
#include "privacy/latin_cyrillic.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"
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
    int verb;               /* ask flag_slavic_verb instead */
    int mn_only;            /* ask the Mongolian dictionary only */
    int asked;
    char out[LATIN_MAX * 6 + 1];
};

/* Latin chat spellings of Russian short forms that are common words of
 * Latin-script languages no dictionary here covers (util/lexicon.h has
 * English, Korean, Mongolian): Turkish asya "Asia", dana "calf", kira
 * "rent" (TDK, Güncel Türkçe Sözlük); Italian and Spanish vera "true",
 * ira "anger", rosa "rose, pink", ola "wave" (Treccani; RAE, Diccionario
 * de la lengua española).  In lower case they are a review flag, not a
 * replacement, unless a verb of a person follows (chat_verb_after: "asya
 * napisala"); brief s51 slav51, report-adv50 L-26 and its guards. */
static const char *const foreign_words[] = { "asya", "dana", "kira", "vera", "ira", "rosa", "ola" };

/* 1 if w[0..n) is one of foreign_words. */
static int foreign_word(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof foreign_words / sizeof foreign_words[0]; i++)
        if (strlen(foreign_words[i]) == n && memcmp(foreign_words[i], w, n) == 0)
            return 1;
    return 0;
}

/* 1 if the Cyrillic reading r->out[0..olen) is an ordinary word: one of
 * the Russian and Ukrainian name forms hunspell-ru or hunspell-uk know
 * (slavic_lower_word: люба, ромка, вера), or with r->mn one hunspell-mn
 * knows (болор "crystal"). */
static int reading_is_word(const struct reading *r, size_t olen)
{
    if (r->verb)
        return flag_slavic_verb(r->out, olen);
    return (!r->mn_only && slavic_lower_word(r->out, olen)) ||
           (r->mn && redact_known_word(LEXICON_MN, r->out, olen) == 1);
}

/* 1 if some Cyrillic reading of r->w[at..) after r->out[0..olen) is an
 * ordinary word, or if more than READINGS_MAX readings were asked. */
static int some_reading_is_word(struct reading *r, size_t at, size_t olen)
{
    if (at == r->len)
        return ++r->asked > READINGS_MAX ? !r->verb : reading_is_word(r, olen);
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

/* 1 if the word [a, b) of t, Latin letters a-z written so, reads in
 * Cyrillic (latin_cyrillic.c's name readings: ch, sh, zh, ya, yu, kh, j)
 * as a Russian or Ukrainian verb of a person (flag_slavic_verb: napisala,
 * otvechaet, skazal, pryishov).  A word with more readings than
 * READINGS_MAX is no verb. */
static int latin_slavic_verb(const struct normtext *t, size_t a, size_t b)
{
    struct reading r;
    int verb;

    if (b - a < 3 || b - a > LATIN_MAX)
        return 0;
    for (size_t p = a; p < b; p++)
        if (t->norm[p] < 'a' || t->norm[p] > 'z' || t->orig[t->ostart[p]] != t->norm[p])
            return 0;
    memset(&r, 0, sizeof r);
    r.w = t->norm + a, r.len = b - a, r.verb = 1;
    verb = some_reading_is_word(&r, 0, 0);
    sodium_memzero(r.out, sizeof r.out);
    return verb;
}

/* 1 if the chat word ending at norm byte e of t is followed, over one
 * space (and the negation "ne", "ni": "galochka ne otvechaet"), by a
 * verb of a person in Latin letters (latin_slavic_verb): the context
 * marks the person, as a verb after a Cyrillic name does
 * (redact_context.c's name_context; brief s51 slav51, report-adv50 L-2,
 * guard 53). */
static int chat_verb_after(const struct normtext *t, size_t e)
{
    size_t wa = e + 1, wb;

    for (int skip = 0; skip < 2; skip++) {
        if (wa >= t->normlen || t->norm[wa - 1] != ' ')
            return 0;
        for (wb = wa; wb < t->normlen && t->norm[wb] >= 'a' && t->norm[wb] <= 'z'; wb++)
            ;
        if (wb < t->normlen && is_word_cp((unsigned char)t->norm[wb]))
            return 0;
        if (skip == 0 && ((wb - wa == 2 && memcmp(t->norm + wa, "ne", 2) == 0) ||
                          (wb - wa == 2 && memcmp(t->norm + wa, "ni", 2) == 0))) {
            wa = wb + 1;
            continue;
        }
        return latin_slavic_verb(t, wa, wb);
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
    word = foreign_word(r.w, r.len) || some_reading_is_word(&r, 0, 0);
    sodium_memzero(r.out, sizeof r.out);
    /* A reading that is a word (lyuda, kostya: люда, кости) before a
     * verb of a person ("lyuda otvetila", "kostya napisal"): the person.
     * Not a form with letters glued after (grishanya: another word). */
    if (word && e == b && chat_verb_after(t, e))
        return 1;
    return word || e > b ? 2 : 1;
}

/* 1 if some Cyrillic reading of the Latin word w[0..len) (bytes, a-z,
 * 4 to LATIN_MAX letters) is a word hunspell-mn knows (gerel: гэрэл
 * "light", altan: алтан "golden", monkh: мөнх "eternal"; brief s51
 * mong51, report-adv51 O-1, O-6, O-7, O-9, O-10); 0 otherwise, and 0
 * when more than READINGS_MAX readings were asked (no answer: the name
 * stays replaced, the safe side).  The readings as redact_lower_latin
 * reads them (latin_cyrillic.c).  Keeps nothing. */
static int latin_mn_word(const char *w, size_t len)
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

/* 1 if a person's form written in lower case at norm [a, b), with the
 * rest of its word (a case ending, the long vowel of a short form),
 * stands before a word of address or kinship ("bold ah", "bataa ah",
 * "болдоо ах", "tseegii egch") or is a Mongolian short form a person's
 * verb or хоёр follows ("boldoo irsen": redact_mn_short_person): the
 * person, as chat writes a name (brief s51 mong51, report-adv51 L-2,
 * L-35..L-37, L-49, L-50, L-68, L-70).  Bytes of t's norm view. */
int redact_lower_person_marked(const struct normtext *t, size_t a, size_t b)
{
    size_t e = b > a ? redact_word_end(t->norm, t->normlen, b, redact_cp_before(t->norm, b)) : b;

    return redact_address_after(t, e) || redact_mn_short_person(t, a, e);
}

/* 1 if the hit [a, b) (norm bytes) of a form that counts only with a
 * capital counts in lower case too (issue 12, report adv12c H5, H6, H39,
 * H47, H53): the capital rule is for a part of a name that is also an
 * ordinary word (Bold, Mark, May, Болд "steel", Гэрэл "light"); a part of
 * four letters or more that the dictionary of its script does not know
 * (altangerel, dorj, munkh-erdene, krajcik, batbayar, and in a handle,
 * altangerel1984) names the person however it is written.  A short form
 * (Түвшин of Түвшинбаяр, f->shortform) keeps the capital rule, unless
 * digits are glued to it (a handle: altaa85): the first
 * element of a compound name is often a word the dictionary lacks
 * ("түвшин", level: hunspell-mn spells it төвшин).  With a dictionary
 * missing, no word of its language is ordinary (replaced: the safe
 * side). */
int redact_lower_name_part(const struct normtext *t, const struct redact_form *f, size_t a,
                            size_t b)
{
    int cp, k, lang, letters = 0;
    size_t p;

    if (!f->person)
        return 0;
    /* A short form in lower case glued to digits ("altaa85" of Altaa,
     * Алтангэрэл's short form; report-adv12d F24) is a handle, not the
     * ordinary word the capital rule spares ("түвшин"). */
    if (f->kind == FORM_SHORT || f->shortform)
        return b < t->normlen && utf8_next(&cp, t->norm + b, t->normlen - b) > 0 &&
               utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
    for (p = a; p < b; p += (size_t)k) {
        if ((k = utf8_next(&cp, t->norm + p, b - p)) <= 0)
            return 0;
        if (cp == ' ')
            return 0;
        letters += is_word_cp(cp) && utf8proc_category(cp) != UTF8PROC_CATEGORY_ND;
    }
    (void)utf8_next(&cp, t->norm + a, b - a);
    if (letters < 4 || (lang = lexicon_lang_of(cp)) < 0 || redact_known_word(lang, t->norm + a, b - a))
        return 0;
    /* A Latin part whose Mongolian reading is a word (gerel "light",
     * altan "golden", monkh "eternal") is that word in lower case, as its
     * Cyrillic spelling is, unless a person's verb follows ("gerel
     * irsengui"); before a word of address, redact_lower_person_marked.  Not
     * a part joined by a hyphen ("yeon" of "Ji-yeon", "erdene" of
     * "Bat-erdene"): that is a piece of the name, and asking would load
     * hunspell-mn (about 70 MB, 0.5 CPU s) for every hyphenated Korean
     * given name (session 52: export-open.bats's memory bound). */
    if (cp < 0x80 && !(a > 0 && t->norm[a - 1] == '-') && latin_mn_word(t->norm + a, b - a))
        return redact_mn_person_verb_after(t, b);
    /* A surname that is a trade's noun (мельник, бондар, коваля), or
     * another noun (шины, карпов: redact_sense_noun_of), in lower
     * case is the noun, as "bold" is no Bold (redact_sense_words.c;
     * brief s39 uk39, report-adv38 O-1..O-3): hunspell-uk is not read at
     * run time (docs/DEPENDENCIES.md, session 38). */
    p = redact_word_end(t->norm, t->normlen, b, redact_cp_before(t->norm, b));
    if (cp >= 0x400 && cp <= 0x52F &&
        (redact_sense_trade_of(t->norm + a, p - a) || redact_sense_noun_of(t->norm + a, p - a)))
        return 0;
    /* A Mongolian stem of a word's (гэрл of Гэрэл, "light") whose word,
     * ending included, the dictionary knows is that word ("гэрлийн
     * чийдэн", the light bulb: report-adv17a D-36), as "bold" is no Bold. */
    p = redact_word_end(t->norm, t->normlen, b, redact_cp_before(t->norm, b));
    return !(p > b && f->suffix == SUFFIX_MN_STEM && lang == LEXICON_MN &&
             redact_mn_stem_word(t->norm + a, b - a) && redact_known_word(lang, t->norm + a, p - a));
}
