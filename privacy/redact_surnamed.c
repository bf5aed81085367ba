/* A known surname before one or two capitalised words no dictionary knows
 * (brief s17 kana17 item 2, report-adv16a A-14): "Kim Chung Thu", "Nguyen
 * Xyvor", "Ким Зхрбу" may be a person's name in a transcription no table
 * here reads (the Sino-Vietnamese reading of a Korean name's Hanja, a
 * spelling of one's own), so the words are a `transcription` review flag
 * wherever a person's name is protected, as unread scripts are
 * (redact_unread.c).  A word the dictionary of its script knows (Park
 * Avenue, Lee County) is no such name. */
#include <stdint.h>
#include <string.h>

#include "privacy/detect_int.h"
#include "privacy/flag_context.h"
#include "privacy/flag_words.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/romanise.h"
#include "privacy/variants.h"
#include "privacy/varlist.h"
#include "util/lexicon.h"

/* The commonest surnames of two languages the name lists here lack, as
 * the norm view writes them (marks removed): Vietnamese, the fourteen
 * that about nine in ten Vietnamese bear (Lê Trung Hoa, Họ và tên người
 * Việt, 2005, as summarised by Wikipedia "Vietnamese name"); Chinese, the
 * twenty commonest in pinyin (the Ministry of Public Security's 2020
 * household register ranking, 二〇二〇年全国姓名报告).  Korean surnames
 * come from variants_is_surname. */
static const char *const other_surnames[] = {
    "bui", "dang", "do", "duong", "ho", "hoang", "huynh", "le", "ngo", "nguyen", "pham", "phan",
    "tran", "vo", "vu",
    "chen", "gao", "guo", "he", "hu", "huang", "li", "lin", "liu", "luo", "ma", "sun", "wang",
    "wu", "xu", "yang", "zhang", "zhao", "zhou", "zhu",
};

/* Letters of a word read, and words after the surname. */
#define WORD_MAX 24
#define AFTER_MAX 2

struct sword {
    size_t a, b;                /* norm bytes */
    int cyr;                    /* Cyrillic letters (else ASCII) */
};

/* The word of letters of one script (ASCII or Cyrillic) at norm byte *p or
 * after, into w; 0 at the text's end. */
static int next_word(struct sword *w, const struct normtext *t, size_t *p)
{
    size_t i = *p;
    int cp, n, cyr;

    for (;;) {
        if (i >= t->normlen || (n = utf8_next(&cp, t->norm + i, t->normlen - i)) <= 0)
            return 0;
        if ((cp >= 'a' && cp <= 'z') || is_cyrillic_cp(cp))
            break;
        i += (size_t)n;
    }
    cyr = is_cyrillic_cp(cp);
    w->a = i, w->cyr = cyr;
    while (i < t->normlen && (n = utf8_next(&cp, t->norm + i, t->normlen - i)) > 0 &&
           (cyr ? is_cyrillic_cp(cp) : (cp >= 'a' && cp <= 'z')))
        i += (size_t)n;
    w->b = i, *p = i;
    return 1;
}

/* The word w in Latin letters (Cyrillic by romanise_reading: Ким kim)
 * into key[0..WORD_MAX); its length, or 0. */
static size_t latin(char *key, const struct normtext *t, const struct sword *w)
{
    size_t k = 0, i;
    int cp, n, r;

    for (i = w->a; i < w->b; i += (size_t)n) {
        if ((n = utf8_next(&cp, t->norm + i, w->b - i)) <= 0)
            return 0;
        if (!w->cyr) {
            if (k + 1 >= WORD_MAX)
                return 0;
            key[k++] = (char)cp;
        } else if ((r = romanise_reading(key + k, WORD_MAX - 1 - k, cp, 1)) < 0) {
            return 0;
        } else {
            k += (size_t)r;
        }
    }
    return k;
}

static int surname(const char *key, size_t k)
{
    if (k >= 2 && variants_is_surname(key, k))
        return 1;
    for (size_t i = 0; i < sizeof other_surnames / sizeof other_surnames[0]; i++)
        if (strlen(other_surnames[i]) == k && memcmp(other_surnames[i], key, k) == 0)
            return 1;
    return 0;
}

/* 1 if the capitalised word w is no word its script's dictionary knows,
 * in lower case or with its capital (Avenue, London). */
static int unknown(const struct normtext *t, const struct sword *w)
{
    int lang = w->cyr ? LEXICON_MN : LEXICON_EN;
    size_t n = w->b - w->a;

    char low[WORD_MAX];

    /* An ID label (No IC, Noh NRIC) is no given name (report-adv25a F-4). */
    for (size_t i = 0; i < n && n <= sizeof low; i++)
        low[i] = (char)(t->norm[w->a + i] >= 'A' && t->norm[w->a + i] <= 'Z' ? t->norm[w->a + i] | 0x20
                                                                              : t->norm[w->a + i]);
    if (n <= sizeof low && !w->cyr && detect_id_label(low, n))
        return 0;
    return n >= 2 && redact_upper_at(t, w->a) && !redact_known_word(lang, t->norm + w->a, n) &&
           lexicon_proper((enum lexicon_lang)lang, t->norm + w->a, n) == 0;
}

static int protects_person(const struct redactor *r)
{
    for (size_t i = 0; i < r->nterms; i++)
        if (r->terms[i].cat == NAME_CAT || r->terms[i].cat == TERM_PERSON)
            return 1;
    return 0;
}

int redact_surname_shapes(struct spans *flags, const struct redactor *r, const struct normtext *t)
{
    struct sword w[1 + AFTER_MAX];
    char key[WORD_MAX];
    size_t p = 0, q, k, n;

    if (flags == NULL || !protects_person(r) || !next_word(&w[0], t, &p))
        return 0;
    for (;;) {
        /* The words after w[0], one space apart, each capitalised and
         * unknown, in its script. */
        q = p, n = 0;
        while (n < AFTER_MAX && next_word(&w[1 + n], t, &q) && w[1 + n].a == w[n].b + 1 &&
               t->norm[w[n].b] == ' ' && w[1 + n].cyr == w[0].cyr && unknown(t, &w[1 + n]))
            n++;
        /* A hyphenated given name (Kim Chol-su) is the korean-name shape
         * of redact_flags.c already. */
        if (n > 0 && w[n].b < t->normlen && t->norm[w[n].b] == '-')
            n = 0;
        /* A preposition before a capitalised place is no surname ("До
         * Одеси", "Во Франции", "In Kuala Lumpur": report-adv25b's false
         * flags, adv25a F-2); a given name after it is still the
         * cyrillic-name or korean-name shape of redact_flags.c. */
        if (n > 0 && redact_upper_at(t, w[0].a) && (k = latin(key, t, &w[0])) > 0 &&
            surname(key, k) &&
            !(w[0].cyr ? flag_preposition(t->norm + w[0].a, w[0].b - w[0].a)
                       : flag_latin_preposition(t->norm + w[0].a, w[0].b - w[0].a))) {
            struct span s = { w[0].a, w[n].b, FLAG_TRANSCRIPTION, RULE_VARIANT, 0, SIZE_MAX,
                              0, 1, 0 };
            if (redact_span_add(flags, &s) != 0)
                return -1;
        }
        if (!next_word(&w[0], t, &p))
            return 0;
    }
}
