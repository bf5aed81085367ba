/* Romanised words of address and kinship: address_words.h.  The words are
 * the kinship and address words of our Korean list (variants.c: what may
 * follow a name, 종수오빠가, 종수엄마; test_flags12 checks each is there)
 * and of the Mongolian one (flag_context.c, variants.c) with the kin words
 * English testimony keeps untranslated (ээж, аав, эмээ, өвөө); each is
 * spelt syllable by syllable (Korean) or letter by letter (Mongolian) with
 * every option of romanise.h, so Unni, Eonni and Onni of 언니 all count. */
#include "privacy/address_words.h"

#include <string.h>

#include "privacy/normalise.h"
#include "privacy/romanise.h"

/* Of two syllables or more, or 형: a one-syllable word (씨, 군, 양, 성)
 * romanises to a surname or a syllable of given names (Yang, Sung). */
static const char *const ko_words[] = {
    "형", "형님", "오빠", "오라버니", "언니", "누나", "누님", "동생", "아우", "아저씨",
    "아주머니", "아줌마", "아지매", "아바이", "오마니", "아바지", "할아버지", "할머니",
    "할배", "할매", "삼촌", "이모", "고모", "선배", "후배", "선생님", "아빠", "엄마",
    "아버지", "어머니", "동무", "동지", "사장님", "형수", "외삼촌",
};

static const char *const mn_words[] = {
    "ээж", "аав", "эмээ", "өвөө", "ах", "эгч", "дүү", "гуай", "багш", "авга", "ааваа",
    "ээжээ",
};

const char *address_word_source(int lang, size_t idx)
{
    if (lang == 0)
        return idx < sizeof ko_words / sizeof ko_words[0] ? ko_words[idx] : NULL;
    return idx < sizeof mn_words / sizeof mn_words[0] ? mn_words[idx] : NULL;
}

/* 1 if s[0..n) starts with opt; *k its length. */
static int starts(const char *s, size_t n, const char *opt, size_t *k)
{
    *k = strlen(opt);
    return *k <= n && memcmp(s, opt, *k) == 0;
}

/* 1 if the lower-case Latin s[0..n) spells the Hangul syllables h[0..hn)
 * (bytes, 3 each) with one option of the tables for each jamo. */
static int spells_ko(const char *s, size_t n, const char *h, size_t hn)
{
    int cp, ini, med, fin;
    size_t a, b, c;

    if (hn == 0)
        return n == 0;
    if (utf8_next(&cp, h, hn) != 3 || cp < 0xAC00 || cp > 0xD7A3)
        return 0;
    ini = (cp - 0xAC00) / 588, med = ((cp - 0xAC00) % 588) / 28, fin = (cp - 0xAC00) % 28;
    for (int i = 0; i < 3 && romanise_ko_initial[ini][i] != NULL; i++) {
        if (!starts(s, n, romanise_ko_initial[ini][i], &a))
            continue;
        for (int m = 0; m < 4 && romanise_ko_medial[med][m] != NULL; m++) {
            if (!starts(s + a, n - a, romanise_ko_medial[med][m], &b))
                continue;
            for (int f = 0; f < 2 && romanise_ko_final[fin][f] != NULL; f++)
                if (starts(s + a + b, n - a - b, romanise_ko_final[fin][f], &c) &&
                    spells_ko(s + a + b + c, n - a - b - c, h + 3, hn - 3))
                    return 1;
        }
    }
    return 0;
}

/* 1 if s[0..n) spells the Cyrillic c[0..cn) letter by letter. */
static int spells_mn(const char *s, size_t n, const char *c, size_t cn)
{
    int cp, k;
    size_t a;

    if (cn == 0)
        return n == 0;
    if ((k = utf8_next(&cp, c, cn)) <= 0)
        return 0;
    for (size_t i = 0; i < romanise_mn_count; i++) {
        const char *const *row = romanise_mn_letters[i];
        if (strlen(row[0]) != (size_t)k || memcmp(row[0], c, (size_t)k) != 0)
            continue;
        for (int j = 1; j < 5 && row[j] != NULL; j++)
            if (starts(s, n, row[j], &a) && spells_mn(s + a, n - a, c + k, cn - (size_t)k))
                return 1;
    }
    return 0;
}

int address_latin_word(const char *w, size_t len)
{
    char low[32];

    if (len < 2 || len >= sizeof low)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c < 'a' || c > 'z')
            return 0;
        low[i] = c;
    }
    for (size_t i = 0; i < sizeof ko_words / sizeof ko_words[0]; i++)
        if (spells_ko(low, len, ko_words[i], strlen(ko_words[i])))
            return 1;
    for (size_t i = 0; i < sizeof mn_words / sizeof mn_words[0]; i++)
        if (spells_mn(low, len, mn_words[i], strlen(mn_words[i])))
            return 1;
    return 0;
}
