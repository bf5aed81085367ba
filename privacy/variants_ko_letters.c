/* A Korean name's initials spelled in Hangul, and its pet form (brief s53
 * ko53; report-adv51 L-40, L-53, L-54, report-adv52 L-52, L-53).
 *
 * - Korean writes a Latin letter by its loanword name (에이 비 씨 ... 제트),
 *   so the initials KJS of Kim Jong-su are also written 케이제이에스 and
 *   "JS Kim" 제이에스 김.  Made from the Hangul name: the surname's letters
 *   are the first letters of its Latin spellings (variants_surname_spellings:
 *   김 K G, 리 R L Y), each given syllable's the first letters of its
 *   initial's romanisations (romanise_ko_initial: 종 J C) or, after ㅇ, of
 *   its vowel's (영 Y).  The three letters glued, in the name's order and
 *   the Western one, are replacements (Korean particles after).  The
 *   given name's letters alone (제이에스) are not made: two letters are
 *   anyone's; beside the Hangul surname (제이에스 김) they are left open:
 *   a form across a space whose last word is a common one (김 "laver")
 *   is refused by redact_accept_hit (report-adv51 L-53).
 * - The pet form of a given name (Korean hypocoristics): its first
 *   syllable with 이 (종수: 종이, as 영철이 is 영철 + 이), the first
 *   consonant often tensed in speech (ㄱ ㄷ ㅂ ㅅ ㅈ -> ㄲ ㄸ ㅃ ㅆ ㅉ: 쫑이).
 *   The tensed form is a replacement (the common-word guard, redact_guard.c,
 *   drops it where it is an ordinary word); the plain one is not made: it
 *   is a word as often as a name (종이 "paper", 아이 "child", 하이 in
 *   하이브리드: brief s53 ko53 measured the review flags it raised). */
#include <string.h>

#include <sodium.h>
#include <utf8proc.h>

#include "privacy/normalise.h"
#include "privacy/romanise.h"
#include "privacy/variants.h"
#include "privacy/variants_int.h"
#include "privacy/varlist.h"

/* The Hangul names of the Latin letters a-z, the usual one first: the
 * National Institute of Korean Language's loanword spellings of the
 * alphabet (표준국어대사전: 에이, 비, 시, 디, ... 제트) and the spellings
 * in everyday use beside them (씨, 쥐, 에치, 아르, 뷔, 지 for z). */
static const char *const letter_names[26][2] = {
    { "에이", 0 }, { "비", 0 }, { "씨", "시" }, { "디", 0 }, { "이", 0 }, { "에프", 0 },
    { "지", "쥐" }, { "에이치", "에치" }, { "아이", 0 }, { "제이", 0 }, { "케이", 0 },
    { "엘", 0 }, { "엠", 0 }, { "엔", 0 }, { "오", 0 }, { "피", 0 }, { "큐", 0 },
    { "알", "아르" }, { "에스", 0 }, { "티", 0 }, { "유", 0 }, { "브이", "뷔" },
    { "더블유", 0 }, { "엑스", 0 }, { "와이", 0 }, { "제트", "지" },
};

/* Adds the Hangul names of the letter c (a-z) to s, once each. */
static void letter_slot(struct slot *s, char c)
{
    if (c < 'a' || c > 'z')
        return;
    for (int k = 0; k < 2 && letter_names[c - 'a'][k] != NULL; k++)
        slot_add(s, letter_names[c - 'a'][k], "", "");
}

/* The letters of the given syllable cp (a Hangul syllable) into s. */
static void syllable_letters(struct slot *s, int cp)
{
    int idx = cp - 0xAC00, l = idx / 588, m = idx % 588 / 28;

    memset(s, 0, sizeof *s);
    for (int x = 0; x < 3 && romanise_ko_initial[l][x] != NULL; x++)
        letter_slot(s, romanise_ko_initial[l][x][0]);
    if (l == 11)                                    /* ㅇ: the vowel's */
        for (int x = 0; x < 4 && romanise_ko_medial[m][x] != NULL; x++)
            letter_slot(s, romanise_ko_medial[m][x][0]);
}

/* The letters of the surname syllable sur (3 bytes) into s; 0 if the
 * surname table does not know it. */
static int surname_letters(struct slot *s, const char *sur)
{
    struct slot lat, cyr;
    char rd[OPT_LEN];
    int cp, r;

    memset(s, 0, sizeof *s);
    if (utf8_next(&cp, sur, 3) != 3 || (r = romanise_reading(rd, sizeof rd - 1, cp, 1)) <= 0 ||
        !variants_surname_spellings(&lat, &cyr, rd, (size_t)r))
        return 0;
    for (int j = 0; j < lat.n; j++)
        letter_slot(s, lat.opt[j][0]);
    return s->n > 0;
}

/* The Hangul syllables of norm [a, len), spaces skipped, into cps (at
 * most max); how many, or -1 if another code point is there. */
static int syllables(int *cps, int max, const char *norm, size_t a, size_t len)
{
    int n = 0, cp, m;

    for (size_t i = a; i < len; i += (size_t)m) {
        if ((m = utf8_next(&cp, norm + i, len - i)) <= 0)
            return -1;
        if (cp == ' ')
            continue;
        if (cp < 0xAC00 || cp > 0xD7A3 || n == max)
            return -1;
        cps[n++] = cp;
    }
    return n;
}

/* 김종수: 케이제이에스, 제이에스케이. */
static int letter_initials(struct variant_list *out, const char *norm, const int *given)
{
    struct slot f[3], sur, g[2];
    int rc = 0;

    if (!surname_letters(&sur, norm))
        return 0;
    syllable_letters(&g[0], given[0]);
    syllable_letters(&g[1], given[1]);
    if (g[0].n == 0 || g[1].n == 0)
        return 0;
    f[0] = sur, f[1] = g[0], f[2] = g[1];
    rc |= combine(out, f, 3, RULE_VARIANT, SUFFIX_KO, out->n + 12);
    f[0] = g[0], f[1] = g[1], f[2] = sur;
    rc |= combine(out, f, 3, RULE_VARIANT, SUFFIX_KO, out->n + 12);
    sodium_memzero(f, sizeof f);
    sodium_memzero(g, sizeof g);
    return rc != 0 ? -1 : 0;
}

/* 종수: 쫑이. */
static int pet_forms(struct variant_list *out, int first)
{
    /* the tense initial of ㄱ ㄷ ㅂ ㅅ ㅈ (choseong indexes 0 3 7 9 12) */
    static const signed char tense[19] = { [0] = 1, [3] = 4, [7] = 8, [9] = 10, [12] = 13,
                                           [1] = -1, [2] = -1, [4] = -1, [5] = -1, [6] = -1,
                                           [8] = -1, [10] = -1, [11] = -1, [13] = -1, [14] = -1,
                                           [15] = -1, [16] = -1, [17] = -1, [18] = -1 };
    int idx = first - 0xAC00, l = idx / 588, rc = 0;
    char form[8];
    size_t n;

    if (tense[l] > 0) {
        n = (size_t)utf8proc_encode_char(0xAC00 + tense[l] * 588 + idx % 588, (utf8proc_uint8_t *)form);
        memcpy(form + n, "이", 3);
        rc |= list_add(out, form, n + 3, RULE_VARIANT, SUFFIX_KO);
    }
    sodium_memzero(form, sizeof form);
    return rc != 0 ? -1 : 0;
}

int variants_ko_letters(struct variant_list *out, const char *norm, size_t len)
{
    int cps[4], n, cp, rc;

    /* A one-syllable surname and a given name of two syllables. */
    if (len < 9 || utf8_next(&cp, norm, len) != 3 || cp < 0xAC00 || cp > 0xD7A3 ||
        !variants_is_surname(norm, 3) || (n = syllables(cps, 4, norm, 3, len)) != 2)
        return 0;
    rc = letter_initials(out, norm, cps);
    if (rc == 0)
        rc = pet_forms(out, cps[0]);
    sodium_memzero(cps, sizeof cps);
    return rc;
}
