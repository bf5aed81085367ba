/* A name's variants (variants.h, docs/VARIANTS.md): the entry points that
 * read a registered name or term and fill a variant list with its spellings
 * in every script, its inflections, short forms, initials and elements.  The
 * endings allowed after a hit are variants_suffix.c's. */
#include "privacy/variants.h"

#include <sodium.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/romanise.h"
#include "privacy/hangul_names.h"
#include "privacy/nicknames.h"
#include "util/lexicon.h"
#include "privacy/variants_int.h"

/* ---- Entry points ---- */

int variants_of(struct variant_list *out, const char *text, size_t len, struct err *e)
{
    return variants_of_kind(out, text, len, 1, e);
}

/* The father's name in a patronymic (a genitive, the usual first word of
 * a Mongolian name: "Ганбаатарын Мөнх-Эрдэнэ"), with all its spellings:
 * written alone or in another case it identifies the subject too
 * (Ганбаатар, Ганбаатрыг, Ганбаатраас, Ganbaatar, Ganbaatriin).  The
 * genitive endings are those of mn_endings (ийн ын гийн ний) and their
 * Latin spellings (iin yn iyn giin); a stem left ending in two consonants
 * gets its fleeting vowel back by vowel harmony (Ганбаатрын: Ганбаатар).
 * key[0..len) is one word of the name, without separators. */
static int patronymic_father(struct variant_list *out, const char *key, size_t len)
{
    static const char *const gen[] = { "гийн", "ийн", "ын", "ний", "giin", "iin", "iyn", "yn" };
    char stem[SLOT_MAX * 4];
    int li[SLOT_MAX], n = 0, cp, k, rc;
    size_t i, m = 0, at;

    for (i = 0; i < sizeof gen / sizeof gen[0]; i++) {
        m = strlen(gen[i]);
        if (len > m && memcmp(key + len - m, gen[i], m) == 0)
            break;
    }
    if (i == sizeof gen / sizeof gen[0] || len - m + 4 > sizeof stem)
        return 0;
    m = len - m;
    memcpy(stem, key, m);
    for (at = 0; at < m && n < SLOT_MAX; at += (size_t)k) {
        if ((k = utf8_next(&cp, stem + at, m - at)) <= 0 || (li[n] = mn_letter(cp)) < 0)
            break;
        n++;
    }
    if (at == m && n >= 4 && mn_is_consonant(li[n - 1]) && mn_is_consonant(li[n - 2]) &&
        strcmp(romanise_mn_letters[li[n - 1]][0], "н") != 0) {
        /* Ганбаатр: the vowel goes back before the last consonant. */
        const char *v = romanise_mn_letters[mn_long_vowel(li, n - 1)][0];
        size_t last = m - strlen(romanise_mn_letters[li[n - 1]][0]), vl = strlen(v);
        memmove(stem + last + vl, stem + last, m - last);
        memcpy(stem + last, v, vl);
        m += vl;
    }
    rc = 0;
    /* A Latin stem of 5 letters at least: "Robyn" is no "Rob"'s genitive;
     * nor a name the English dictionary lists ("Carolyn" is no "Carol"'s:
     * report adv12c L18). */
    if (m >= (variants_latin_key(stem, m) ? 5u : 3u) &&
        !(variants_latin_key(key, len) && lexicon_proper(LEXICON_EN, key, len) == 1)) {
        rc = list_add(out, stem, m, RULE_VARIANT, SUFFIX_NONE);
        if (rc == 0)
            rc = variants_expand_key(out, stem, m, RULE_VARIANT, 1);
    }
    sodium_memzero(stem, sizeof stem);
    return rc;
}

/* Each word of a name of several words (norm view, words split by ' '),
 * of three letters or more and not a frequent Korean surname, with all its
 * spellings: people are called by one of their names (Mongolians by the
 * given name alone: "Алтангэрэл" of "Батбаярын Алтангэрэл"; "Болд",
 * "Доржийн" of "Bold Dorj").  A spelling in a script with capitals must be
 * written with one ("Krajcik's brother", not "mark" for "Mark Hill"). */
/* Words of the languages we read that are also given names or parts of
 * names (issue 12, kind 4): the English months and days and the function
 * words that are Korean or Chinese surnames and given names (An, So, No,
 * Do, Ha, Ma, Ye, In, On, Yu...), and the Mongolian days of the week, which
 * are given names too (Даваа, Мягмар, Лхагва, Пүрэв, Баасан, Бямба, Ням).
 * Lower case, as keys.  Written by us from the languages' grammar. */
static const char *const common_words[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "a", "an", "and", "as", "at", "be", "but", "by", "do", "for", "go", "ha", "he", "if",
    "in", "is", "it", "ma", "me", "my", "no", "nor", "of", "oh", "on", "or", "so", "the",
    "to", "up", "us", "we", "ye", "yet", "you", "yu",
    "даваа", "мягмар", "лхагва", "пүрэв", "баасан", "бямба", "ням",
    /* the stems of the two that drop their final vowel before a case
     * ending (Бямбын, Лхагвыг; redact_mnday.c) */
    "бямб", "лхагв",
};

int variants_common_word(const char *key, size_t keylen)
{
    size_t i;

    for (i = 0; i < sizeof common_words / sizeof common_words[0]; i++)
        if (strlen(common_words[i]) == keylen && memcmp(common_words[i], key, keylen) == 0)
            return 1;
    return 0;
}

/* Adds one word w[0..n) of a name (norm view, separators removed) as the
 * key view reads it in a text: a Cyrillic word's і and ї as и
 * (normalise_key.c), so that Надія of "Надія Коваленко" is found alone
 * (надия) and is read by the rules of a given name (nicknames.c finds its
 * Russian name, Надежда, through the key view: report-adv34 L-0, L-0b);
 * the norm spelling, which no text's key holds, was listed before.  Other
 * scripts are listed as they are.  0, or -1 when out of memory. */
static int add_word_keyed(struct variant_list *out, const char *w, size_t n)
{
    struct normtext t;
    struct err e;
    int cp, rc;

    if (utf8_next(&cp, w, n) <= 0 || !is_cyrillic_cp(cp))
        return list_add(out, w, n, RULE_VARIANT, SUFFIX_NONE);
    if (normalise(&t, w, n, &e) != 0)
        return -1;
    rc = list_add(out, t.keylen > 0 ? t.key : w, t.keylen > 0 ? t.keylen : n, RULE_VARIANT,
                  SUFFIX_NONE);
    normtext_free(&t);
    return rc;
}

static int name_words(struct variant_list *out, const char *norm, size_t len)
{
    char key[SLOT_MAX * 4], pat[SLOT_MAX * 4];
    size_t a = 0, b, i, k, first, npat = 0;
    int cp, chars, rc = 0;

    if (memchr(norm, ' ', len) == NULL)
        return 0;
    while (a < len && rc == 0) {
        for (b = a; b < len && norm[b] != ' '; b++)
            ;
        for (i = a, k = 0, chars = 0; i < b && k < sizeof key - 4; i++) {
            if (norm[i] == '-' || norm[i] == '\'')
                continue;
            key[k++] = norm[i];
            chars += ((unsigned char)norm[i] & 0xC0) != 0x80;
        }
        a = b + 1;
        /* A word that is also a month, a day or a function word ("May" of
         * May Lee, "An" of An Myong, even a surname): the name-or-word
         * rule (redact_hits.c), as written only. */
        if (chars >= 2 && variants_common_word(key, k)) {
            out->capital = 1;
            /* A Mongolian weekday that is a given name takes its case
             * endings (Давааг, Даваагийн): whether the day or the person,
             * redact_mn_weekday_person (redact_mnday.c) decides. */
            rc = list_add(out, key, k, RULE_VARIANT,
                          (unsigned char)key[0] >= 0x80 ? SUFFIX_MN : SUFFIX_NONE);
            /* Бямба, Лхагва: their stem too (Бямбыг, Лхагвын). */
            if (rc == 0 && (unsigned char)key[0] >= 0x80 && k > 2 &&
                memcmp(key + k - 2, "а", 2) == 0 && variants_common_word(key, k - 2))
                rc = list_add(out, key, k - 2, RULE_VARIANT, SUFFIX_MN_STEM);
            out->capital = 0;
            continue;
        }
        if (chars < 3 && !(chars == 2 && utf8_next(&cp, key, k) > 0 && is_hangul_cp(cp)))
            continue;
        if (variants_is_surname(key, k))
            continue;
        first = out->n;
        out->capital = 1;
        rc = add_word_keyed(out, key, k);
        if (rc == 0)
            rc = variants_expand_key(out, key, k, RULE_VARIANT, 1);
        /* A Russian surname's cases (variants_ru.c). */
        if (rc == 0)
            rc = ru_surname_forms(out, key, k);
        /* Its Ukrainian and Belarusian spellings (variants_uk_surname.c). */
        if (rc == 0)
            rc = uk_surname_forms(out, key, k);
        /* The women its Ukrainian surname names (Ткачиха, Мельничка:
         * variants_uk_surname.c; brief s40 uk40). */
        if (rc == 0)
            rc = uk_surname_women(out, key, k);
        /* A patronymic's cases, Ukrainian and Russian (Любомирівну,
         * Івановичем: variants_uk.c; report-adv37 L-5). */
        if (rc == 0)
            rc = uk_patronymic_forms(out, key, k);
        out->capital = 0;
        for (i = first; i < out->n; i++)
            if (utf8_next(&cp, out->arena + out->v[i].off, out->v[i].keylen) > 0 && !variants_cased(cp))
                out->v[i].capital = 0;
        if (npat == 0 && k < sizeof pat)
            memcpy(pat, key, k), npat = k;
    }
    /* The father's name last: the names' own words come first (VARIANTS_MAX). */
    if (rc == 0 && npat > 0) {
        first = out->n;
        out->capital = 1, out->father = 1;
        rc = patronymic_father(out, pat, npat);
        out->capital = 0, out->father = 0;
        for (i = first; i < out->n; i++)
            if (utf8_next(&cp, out->arena + out->v[i].off, out->v[i].keylen) > 0 && !variants_cased(cp))
                out->v[i].capital = 0;
    }
    sodium_memzero(key, sizeof key);
    sodium_memzero(pat, sizeof pat);
    return rc;
}

/* The elements of a hyphenated Mongolian name in one word (Бат-Эрдэнэ:
 * Эрдэнэ, Эрдэнийн, Эрдэнээ; report-adv12c H63): short forms, marked as
 * mn_short_forms marks them. */
static int mn_hyphen_elements(struct variant_list *out, const char *norm, size_t len)
{
    unsigned char flag = out->flag, capital = out->capital;
    size_t a = 0, b, at;
    int li[SLOT_MAX], n, cp, k, rc = 0;

    if (memchr(norm, '-', len) == NULL || memchr(norm, ' ', len) != NULL)
        return 0;
    out->flag = 1, out->capital = 1;
    for (; a < len && rc == 0; a = b + 1) {
        for (b = a; b < len && norm[b] != '-'; b++)
            ;
        for (at = a, n = 0; at < b; at += (size_t)k, n++)
            if (n >= SLOT_MAX || (k = utf8_next(&cp, norm + at, b - at)) <= 0 ||
                (li[n] = mn_letter(cp)) < 0)
                break;
        if (at == b && n == 3 && a == 0)
            rc = mn_element_alone(out, li, n);
        if (at < b || n < 4)
            continue;
        rc = mn_element(out, li, n);
        if (rc == 0)
            rc = mn_short_form(out, li, n);
    }
    out->flag = flag, out->capital = capital;
    return rc;
}

/* 1 if a word of the name norm[0..len) (words split by spaces) is a
 * frequent Korean surname (variants_is_surname: Kim, Lee, Ryu).  A Latin
 * name some of whose words read as Korean syllables (Nikita: ni-ki-ta,
 * 니키타) but with no such surname is no Korean name: it keeps its
 * initials (report-adv37 L-2: Nikita Pavlovich Kovalev had no N.P.K., so
 * the N.P.K. of Nadiia Petrivna Kovalenko were hers alone and went to her
 * pseudonym in his record, where two subjects' initials are neither's). */
static int korean_surnamed(const char *norm, size_t len)
{
    size_t a, b;

    for (a = 0; a < len; a = b + 1) {
        for (b = a; b < len && norm[b] != ' '; b++)
            ;
        if (b > a && variants_is_surname(norm + a, b - a))
            return 1;
    }
    return 0;
}

/* Room (variants) the whole name's spellings leave for the words of a
 * person's name, and those for the short forms (nicknames.c). */
#define VARIANT_RESERVE_WORDS 192
#define VARIANT_RESERVE_SHORT 192
/* Room the Hangul forms of a foreign given name keep (hangul_names.c):
 * none; room kept for them took Sylvia Oberbrunner's initials SO and
 * Ri Myong-hui's spellings (test_redact), so they come last and a name
 * whose spellings fill the list gets none. */
#define VARIANT_RESERVE_HANGUL 0

int variants_of_kind(struct variant_list *out, const char *text, size_t len, int person,
                     struct err *e)
{
    struct normtext t;
    int rc;

    memset(out, 0, sizeof *out);
    if (normalise(&t, text, len, e) != 0)
        return -1;
    if (t.keylen == 0) {
        normtext_free(&t);
        return err_set(e, EXIT_INPUT, "a name or term is empty (or only dashes and spaces); give its text");
    }
    rc = list_add(out, t.key, t.keylen, RULE_EXACT, SUFFIX_NONE);
    if (rc == 0 && person)
        rc = ru_koryo_cases(out, t.norm, t.normlen);
    if (rc == 0 && person)
        rc = ru_koryo_surname_cases(out, t.norm, t.normlen);
    out->no_short = memchr(t.norm, ' ', t.normlen) != NULL;
    /* The whole name's spellings leave room for its words' and their
     * short forms' (a long Latin name read as Mongolian filled the list:
     * "Ivan Kuznetsov" got no Ваня, report-adv17a D-8). */
    out->reserve = person ? VARIANT_RESERVE_WORDS + VARIANT_RESERVE_SHORT + VARIANT_RESERVE_HANGUL : 0;
    if (rc == 0)
        rc = variants_expand_key(out, t.key, t.keylen, RULE_EXACT, person);
    out->no_short = 0;
    out->reserve = person ? VARIANT_RESERVE_SHORT + VARIANT_RESERVE_HANGUL : 0;
    if (rc == 0 && person)
        rc = name_words(out, t.norm, t.normlen);
    if (rc == 0 && person)
        rc = mn_hyphen_elements(out, t.norm, t.normlen);
    if (rc == 0 && person && (!variants_korean_read(out) || variants_latin_key_words(t.norm, t.normlen)))
        rc = variants_name_initials(out, t.norm, t.normlen,
                           variants_korean_read(out) && korean_surnamed(t.norm, t.normlen));
    if (rc == 0 && person && !variants_korean_read(out))
        rc = variants_hyphen_initials(out, t.norm, t.normlen);
    if (rc == 0 && person)
        rc = variants_korean_given_initials(out, t.norm, t.normlen);
    if (rc == 0 && person)
        rc = variants_ko_keyboard(out, t.norm, t.normlen);
    if (rc == 0 && person)
        rc = variants_ko_letters(out, t.norm, t.normlen);
    /* The short forms and their Hangul forms (John: 존; Серёжа: 세료자;
     * brief s21 ko21) come last, with room of their own past the cap
     * (VARIANTS_LATE): the stages before stop where they did. */
    out->late = person ? VARIANTS_LATE : 0;
    out->reserve = person ? VARIANT_RESERVE_HANGUL : 0;
    if (rc == 0 && person)
        rc = variants_nicknames(out);
    out->reserve = 0;
    if (rc == 0 && person)
        rc = variants_hangul(out, t.norm, t.normlen);
    out->late = 0;
    normtext_free(&t);
    if (rc != 0) {
        variant_list_free(out);
        return err_set(e, EXIT_INPUT, "out of memory while generating spelling variants");
    }
    for (size_t i = 0; i < out->n; i++)
        out->v[i].key = out->arena + out->v[i].off;
    return 0;
}
