/* The Russian case forms of the Korean surname of a Koryo-saram name
 * (report-adv38 L-28, L-33, L-36, L-40..43; session 39, kor39): Цоя, Цою,
 * Цоем; Тена, Тену; the plural and the family's name (Цои, Цоевы).  Moved
 * out of variants_ru.c in session 40 (kor40); the declension itself stays
 * there (ru_koryo_forms).  Also the split of a name into its words
 * (variants_koryo.h), used by redact_koryo.c.  Called by variants.c; calls variants_ru.c and
 * varlist.c. */
#include "privacy/variants_int.h"

#include <string.h>

#include <sodium.h>

#include "privacy/romanise.h"
#include "privacy/variants_koryo.h"
#include "privacy/varlist.h"

size_t koryo_name_words(size_t w[3][2], const char *norm, size_t len)
{
    size_t k = 0, p = 0;

    while (p <= len && k < 3) {
        const char *sp = memchr(norm + p, ' ', len - p);
        size_t e = sp != NULL ? (size_t)(sp - norm) : len;
        w[k][0] = p, w[k][1] = e - p, k++;
        p = e + 1;
    }
    return p <= len || k < 2 ? 0 : k;
}

/* The Korean surname of a Koryo-saram name of two or three words (the
 * first word or the last; romanise_koryo_syllable: Цой Виктор Робертович,
 * Лев Ким), in norm[0..len): its byte offset in *at and length in *n, or
 * 0 if the name has none.  The given name is the word next to it. */
static int koryo_surname_word(size_t *at, size_t *n, const char *norm, size_t len)
{
    size_t w[3][2], k = koryo_name_words(w, norm, len);

    if (k == 0)
        return 0;               /* one word, or more than three */
    for (size_t i = 0; i < k; i += k - 1) {
        size_t g = i == 0 ? 1 : 0;   /* the given name beside it */
        if (romanise_koryo_syllable(norm + w[i][0], w[i][1]) != 0 &&
            romanise_koryo_syllable(norm + w[g][0], w[g][1]) == 0) {
            *at = w[i][0], *n = w[i][1];
            return 1;
        }
    }
    return 0;
}

/* The wife's name of the Korean surname s[0..n) (norm bytes; its last
 * letter last, a consonant): the Russian -иха of the wife or widow of a
 * man so named, as Koryo-saram call a woman by her husband's surname
 * (Кимиха, Пакиха, Цоиха; brief s43 scr43, report-adv42 L-47, L-70),
 * with its singular cases (Кимихи, Кимихе, Кимиху, Кимихой).  Written
 * with a capital only.  Not after a vowel: Лиха of Ли is лиха, "trouble"
 * (хватили лиха), replaced even in lower case (L-71 left open).  0, or
 * -1 out of memory. */
static int koryo_wife_forms(struct variant_list *out, const char *s, size_t n, int last)
{
    static const char *const cases[] = { "иха", "ихи", "ихе", "иху", "ихой" };
    char one[KORYO_FORM_BYTES + 16];
    unsigned char capital = out->capital;
    size_t stem = last == 0x439 ? n - 2 : n;
    int rc = 0;

    if (last == 0x44C || ru_vowel(last) || stem + 12 > sizeof one)
        return 0;
    out->capital = 1;
    for (size_t i = 0; i < 5 && rc == 0; i++) {
        const char *e = cases[i];
        memcpy(one, s, stem);
        memcpy(one + stem, e, strlen(e));
        rc = list_add(out, one, stem + strlen(e), RULE_INFLECTION, SUFFIX_NONE);
    }
    out->capital = capital;
    sodium_memzero(one, sizeof one);
    return rc;
}

int ru_koryo_surname_cases(struct variant_list *out, const char *norm, size_t len)
{
    /* The plural and the family's name (Цои, Цоев, Тенам, Цоевы: "the
     * Tsois"), after the singular cases koryo_forms gives. */
    static const char *const hard[] = { "ы", "ов", "ам", "ами", "ах", "овы", "овых", "овым" };
    static const char *const soft[] = { "и", "ев", "ям", "ями", "ях", "евы", "евых", "евым" };
    char forms[KORYO_FORMS][KORYO_FORM_BYTES], one[KORYO_FORM_BYTES + 16];
    int w[RU_MAX + 4], nw, k, last, rc = 0;
    size_t at, n, stem;
    unsigned char capital = out->capital;

    if (!koryo_surname_word(&at, &n, norm, len) || (nw = ru_read(w, norm + at, n)) < 2)
        return 0;
    last = w[nw - 1];
    /* A surname of two letters (Ли, Ан, Тё; name_words skips words
     * under three letters): the word alone, with a capital only.  "ли" is the Russian particle, so the lexicon makes it
     * FORM_WORD: replaced where the context marks a person (a capital not
     * at a sentence's start, a verb of a person after it, a list of
     * persons: redact_context.c), else a review flag (brief s41 li41). */
    if (nw == 2) {
        out->capital = 1;
        rc = list_add(out, norm + at, n, RULE_VARIANT, SUFFIX_NONE);
        out->capital = capital;
        if (rc != 0 || ru_vowel(last)) {
            sodium_memzero(w, sizeof w);
            return rc;
        }
    }
    if (ru_vowel(last) || last == 0x44C)
        return 0;               /* Ли, Ю, Тё: not declined */
    k = ru_koryo_forms(forms, w, nw);
    out->capital = 1;
    /* A surname in a consonant has its singular cases from the Russian
     * endings its own key takes (SUFFIX_MN: Тена, Тену); a form of its
     * own in -а read in katakana took キムチ for Кима. */
    for (int i = 1; last == 0x439 && i < k && rc == 0; i++)
        rc = list_add(out, forms[i], strlen(forms[i]), RULE_INFLECTION, SUFFIX_NONE);
    stem = last == 0x439 ? n - 2 : n;
    for (size_t i = 0; i < sizeof hard / sizeof hard[0] && rc == 0; i++) {
        const char *e = last == 0x439 ? soft[i] : hard[i];
        memcpy(one, norm + at, stem);
        memcpy(one + stem, e, strlen(e));
        rc = list_add(out, one, stem + strlen(e), RULE_INFLECTION, SUFFIX_NONE);
    }
    out->capital = capital;
    if (rc == 0)
        rc = koryo_wife_forms(out, norm + at, n, last);
    sodium_memzero(forms, sizeof forms), sodium_memzero(one, sizeof one), sodium_memzero(w, sizeof w);
    return rc;
}
