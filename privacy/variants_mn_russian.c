/* The Russian spellings of Mongolian names and place names (variants.h,
 * docs/VARIANTS.md): how Russian text writes the Mongolian letters it
 * lacks, a long vowel written single, the Russian case endings of a form
 * in -а/-я and the Russian adjectives of place names.  Split from
 * variants_mn.c; called by it (variants_int.h); calls varlist.c and the
 * shared Mongolian letter helpers of variants_mn.c. */
#include "privacy/variants_int.h"

#include <sodium.h>
#include <string.h>

#include "privacy/romanise.h"
#include "privacy/varlist.h"
#include "privacy/normalise.h"

/* How Russian text writes the Mongolian letters it lacks (Алтангерел,
 * Оюунцецег, Мунх-Эрдэнэ, Тувшинжаргал): э as е (not at a word's start),
 * ө as у, о or ё, ү as у or ю.  Source: the Mongolian-Russian practical
 * transcription (ru.wikipedia "Монгольско-русская практическая
 * транскрипция") and usage in the Russian press. */
static const char *const mn_russian[][4] = {
    {"э", "е", 0}, {"ө", "у", "о", "ё"}, {"ү", "у", "ю", 0}, {"л", "ль", 0},
    /* ж as дж, as Russian writes the Mongolian, Buryat and Kalmyk names
     * (Дорджи Банзаров, Джамбул; report-adv19a N-11: Дордж, Дорджи). */
    {"ж", "дж", 0, 0},
    /* The traditional Russian names of places (Гоби for Говь, Убсу for
     * Увс; report adv12 A-8): в as б, ь as и. */
    {"в", "б", 0, 0}, {"ь", "и", 0, 0},
};

/* 1 if letter b after letter a writes one long vowel with two letters
 * that are not the same (яа, ёо, еэ, юу, юү: Оюун written Оюн). */
static int mn_long_pair(int a, int b)
{
    static const char *const pairs[][2] = {
        {"я", "а"}, {"ё", "о"}, {"е", "э"}, {"ю", "у"}, {"ю", "ү"},
    };
    size_t k;

    for (k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
        if (strcmp(romanise_mn_letters[a][0], pairs[k][0]) == 0 && strcmp(romanise_mn_letters[b][0], pairs[k][1]) == 0)
            return 1;
    return 0;
}

/* 1 if the Cyrillic key[0..kl) ends in a vowel (Дари of Дария, Энхту of
 * Энхтуя). */
static int ru_vowel_end(const char *key, size_t kl)
{
    static const char *const vowels[] = { "а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я", "ө", "ү" };

    for (size_t i = 0; kl >= 2 && i < sizeof vowels / sizeof vowels[0]; i++)
        if (memcmp(key + kl - 2, vowels[i], 2) == 0)
            return 1;
    return 0;
}

/* The Russian case forms of a name in -ия, -уя whose stem stem[0..kl)
 * ends in a vowel (Дария: Дарии, Дарию, Дарией; Энхтуя: Энхтуи, Энхтуе),
 * written out: such a stem with the Mongolian endings is no name but
 * Russian words (дари-т "gives", дари-на: report-adv31 O-3, O-6; brief
 * s32 set32).  The endings are the first declension's after a vowel
 * (variants_ru.c ru_decl_ya).  stem has room for size bytes. */
static int ru_vowel_stem_forms(struct variant_list *out, char *stem, size_t kl, size_t size)
{
    /* ru_decl_ya[0] is the nominative -я, the form itself: skip it. */
    for (size_t i = 1; i < n_ru_decl_ya; i++) {
        size_t el = strlen(ru_decl_ya[i]);
        if (kl + el > size)
            return 0;
        memcpy(stem + kl, ru_decl_ya[i], el);
        if (list_add(out, stem, kl + el, RULE_INFLECTION, SUFFIX_NONE) != 0)
            return -1;
    }
    return 0;
}

/* Adds the Russian Cyrillic spellings of the letters li[0..n) (mn_russian;
 * at most cap, fewest changes first). */
int mn_russian_forms(struct variant_list *out, const int *li, int n, size_t cap)
{
    struct slot s[SLOT_MAX];
    const char *const *row;
    int i, k;

    if (n > SLOT_MAX)
        return 0;
    size_t first = out->n, j, len;
    char stem[SLOT_MAX * 4];

    for (i = 0; i < n; i++) {
        memset(&s[i], 0, sizeof s[i]);
        slot_add(&s[i], romanise_mn_letters[li[i]][0], "", "");
        /* Russian writes a long vowel single (Энхтуя, Тумурбатар, Болорма:
         * report-adv12c H55). */
        if (i > 0 && li[i] == li[i - 1] && !mn_is_consonant(li[i]) && mn_is_short_vowel(li[i]))
            slot_add(&s[i], "", "", "");
        if (i > 0 && mn_long_pair(li[i - 1], li[i]))
            slot_add(&s[i], "", "", "");
        row = mn_row(&mn_russian[0][0], sizeof mn_russian / sizeof mn_russian[0], 4, li[i]);
        /* ль only before a consonant (Ульзийбаяр). */
        if (row == NULL || (i == 0 && strcmp(row[0], "э") == 0) ||
            (strcmp(row[0], "л") == 0 && (i + 1 >= n || !mn_is_consonant(li[i + 1]))))
            continue;
        for (k = 1; k < 4 && row[k]; k++)
            slot_add(&s[i], row[k], "", "");
    }
    if (combine(out, s, n, RULE_VARIANT, SUFFIX_MN, out->n + cap) != 0)
        return -1;
    /* A Russian form ending in а or я takes Russian endings in its place
     * (Болорма: Болорме, Болормы; Энхтуя: Энхтуи, Энхтуей). */
    for (j = first, len = out->n; j < len; j++) {
        const char *key = out->arena + out->v[j].off, *bt;
        size_t kl = out->v[j].keylen;
        /* -батор for -баатар (Сухэ-Батор, Тумурбатор: report-adv12c H8). */
        if (kl < sizeof stem && (bt = memmem(key, kl, "батар", 10)) != NULL) {
            size_t at = (size_t)(bt - key);
            memcpy(stem, key, kl);
            memcpy(stem + at + 6, "о", 2);
            if (list_add(out, stem, kl, RULE_VARIANT, SUFFIX_MN) != 0)
                return -1;
            key = out->arena + out->v[j].off;
        }
        if (kl < 8 || kl - 2 >= sizeof stem ||
            (memcmp(key + kl - 2, "а", 2) != 0 && memcmp(key + kl - 2, "я", 2) != 0))
            continue;
        memcpy(stem, key, kl - 2);
        if (ru_vowel_end(stem, kl - 2)) {
            if (ru_vowel_stem_forms(out, stem, kl - 2, sizeof stem) != 0)
                return -1;
            key = out->arena + out->v[j].off;
        } else if (list_add(out, stem, kl - 2, RULE_INFLECTION, SUFFIX_MN_STEM) != 0) {
            return -1;
        }
    }
    sodium_memzero(stem, sizeof stem);
    return 0;
}

/* Adds the Russian adjectives of the Cyrillic place names out->v[from..to)
 * (Гоби-Алтайский, Дархан-Уульский, Говь-Алтайская: report adv12 A-8):
 * -ский after a consonant, л as ль, й kept, ь left out, и as ий; with the
 * adjective's endings (ская ское ском ского ской ских ским скую скому
 * скими). */
int mn_russian_adjectives(struct variant_list *out, size_t from, size_t to)
{
    static const char *const end[] = {
        "ский", "ская", "ское", "ском", "ского", "ской", "ских", "ским", "скую", "скому", "скими",
    };
    char buf[SLOT_MAX * 4];
    size_t j, k, kl;
    int cp, li;

    for (j = from; j < to && j < out->n; j++) {
        const char *key = out->arena + out->v[j].off;
        const char *mid = "";
        kl = out->v[j].keylen;
        if (out->v[j].suffix == SUFFIX_MN_STEM || kl < 4 || kl + 16 >= sizeof buf ||
            utf8_next(&cp, key + kl - 2, 2) != 2 || (li = mn_letter(cp)) < 0)
            continue;
        if (cp == 0x44C) /* ь */
            kl -= 2;
        else if (cp == 0x43B) /* л */
            mid = "ь";
        else if (cp == 0x438) /* и */
            mid = "й";
        else if (!mn_is_consonant(li) && cp != 0x439) /* a vowel other than й */
            continue;
        memcpy(buf, key, kl);
        memcpy(buf + kl, mid, strlen(mid));
        for (k = 0; k < sizeof end / sizeof end[0]; k++) {
            size_t at = kl + strlen(mid), el = strlen(end[k]);
            memcpy(buf + at, end[k], el);
            if (list_add(out, buf, at + el, RULE_INFLECTION, SUFFIX_NONE) != 0)
                return -1;
        }
    }
    sodium_memzero(buf, sizeof buf);
    return 0;
}
