/* Korean names and places written in other scripts (issue 12 follow-up):
 * Russian Cyrillic, Japanese katakana, German and Czech Latin, generated
 * syllable by syllable from the Hangul (docs/VARIANTS.md).
 *
 * Sources of the tables:
 * - Russian: the Kontsevich system (Л. Р. Концевич, "Корейско-русская
 *   практическая транскрипция", the Russian standard for Korean, as
 *   summarised in the Russian Wikipedia article "Система Концевича"):
 *   ㄱ к/г, ㄷ т/д, ㅂ п/б, ㅈ ч/дж voiced between vowels and after a
 *   sonorant; ㅊ чх, ㅋ кх, ㅌ тх, ㅍ пх; ㅓ and ㅗ о, ㅕ ё, ㅐ э, ㅡ ы;
 *   final ㅇ н, final ㄹ ль.  The older medial чж (Чхончжин) and the
 *   aspirates written without х (Чонджин) are kept as later options.
 * - Japanese: katakana as Japanese newspapers write Korean names
 *   (キム・ジョンウン for 김정은, パク・クネ for 박근혜, イ・ミョンバク for
 *   이명박: the plain consonants voiced or not, finals ㄱ ク, ㄴ and ㅇ ン,
 *   ㄹ ル, ㅁ ム, ㅂ プ; the Japanese Wikipedia article "朝鮮語の片仮名表記"):
 *   a plain consonant unvoiced first at a word's start (チョンヒ for 정희
 *   after a space, a middle dot or the start), voiced first inside.
 * - German: the transcription of German atlases and press (Tschongdschin
 *   for 청진, Phjöngjang): ㅈ tsch/dsch, ㅊ tsch, ㅓ ŏ written o, ㅕ jo.
 * - Czech: the Czech transcription (Čchongdžin, Pchjongjang): ㅈ č/dž,
 *   ㅊ čch, ㅋ kch, ㅌ tch, ㅍ pch; ㅕ jo.
 * - French and Dutch (Tchongdjin, Tsjongdzjin, Hoerjong): romanise.c.
 * Latin marks are stripped by normalisation, so the tables hold the
 * stripped letters (Čchongdžin is keyed cchongdzin). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>
#include <utf8proc.h>

#include "privacy/romanise.h"
#include "privacy/variants_ko.h"

/* Katakana of a consonant's romaji and a vowel's. */
static const char *const kana_vowels[] = {
    "a", "i", "u", "e", "o", "ya", "yu", "yo", "wa", "we", "wi", "wo", "ye", "ui",
};
static const struct {
    const char *c;
    const char *k[14];
} kana[] = {
    { "", { "ア", "イ", "ウ", "エ", "オ", "ヤ", "ユ", "ヨ", "ワ", "ウェ", "ウィ", "ウォ", "イェ", "ウイ" } },
    { "k", { "カ", "キ", "ク", "ケ", "コ", "キャ", "キュ", "キョ", "クァ", "クェ", "クィ", "クォ", "キェ", "クイ" } },
    { "g", { "ガ", "ギ", "グ", "ゲ", "ゴ", "ギャ", "ギュ", "ギョ", "グァ", "グェ", "グィ", "グォ", "ギェ", "グイ" } },
    { "n", { "ナ", "ニ", "ヌ", "ネ", "ノ", "ニャ", "ニュ", "ニョ", "ヌァ", "ヌェ", "ヌィ", "ヌォ", "ニェ", "ヌイ" } },
    { "t", { "タ", "ティ", "トゥ", "テ", "ト", "テャ", "テュ", "テョ", "トァ", "トェ", "トィ", "トォ", "テェ", "トゥイ" } },
    { "d", { "ダ", "ディ", "ドゥ", "デ", "ド", "デャ", "デュ", "デョ", "ドァ", "ドェ", "ドィ", "ドォ", "デェ", "ドゥイ" } },
    { "r", { "ラ", "リ", "ル", "レ", "ロ", "リャ", "リュ", "リョ", "ルァ", "ルェ", "ルィ", "ルォ", "リェ", "ルイ" } },
    { "m", { "マ", "ミ", "ム", "メ", "モ", "ミャ", "ミュ", "ミョ", "ムァ", "ムェ", "ムィ", "ムォ", "ミェ", "ムイ" } },
    { "p", { "パ", "ピ", "プ", "ペ", "ポ", "ピャ", "ピュ", "ピョ", "プァ", "プェ", "プィ", "プォ", "ピェ", "プイ" } },
    { "b", { "バ", "ビ", "ブ", "ベ", "ボ", "ビャ", "ビュ", "ビョ", "ブァ", "ブェ", "ブィ", "ブォ", "ビェ", "ブイ" } },
    { "s", { "サ", "シ", "ス", "セ", "ソ", "シャ", "シュ", "ショ", "スァ", "スェ", "スィ", "スォ", "シェ", "スイ" } },
    { "ch", { "チャ", "チ", "チュ", "チェ", "チョ", "チャ", "チュ", "チョ", "チュァ", "チュェ", "チュィ", "チュォ", "チェ", "チュイ" } },
    { "j", { "ジャ", "ジ", "ジュ", "ジェ", "ジョ", "ジャ", "ジュ", "ジョ", "ジュァ", "ジュェ", "ジュィ", "ジュォ", "ジェ", "ジュイ" } },
    { "h", { "ハ", "ヒ", "フ", "ヘ", "ホ", "ヒャ", "ヒュ", "ヒョ", "ファ", "フェ", "フィ", "フォ", "ヘ", "フイ" } },
};

/* The k-th option of a '|'-separated list into buf (bufsize bytes);
 * 0 if there is none. */
static int option(char *buf, size_t bufsize, const char *list, int k)
{
    const char *p = list, *bar;
    size_t n;

    for (; k > 0; k--) {
        if ((p = strchr(p, '|')) == NULL)
            return 0;
        p++;
    }
    bar = strchr(p, '|');
    n = bar != NULL ? (size_t)(bar - p) : strlen(p);
    if (n >= bufsize)
        return 0;
    memcpy(buf, p, n);
    buf[n] = '\0';
    return 1;
}

static const char *kana_of(const char *cons, const char *vowel)
{
    size_t i, j;

    for (i = 0; i < sizeof kana / sizeof kana[0]; i++)
        if (strcmp(kana[i].c, cons) == 0)
            for (j = 0; j < sizeof kana_vowels / sizeof kana_vowels[0]; j++)
                if (strcmp(kana_vowels[j], vowel) == 0)
                    return kana[i].k[j];
    return NULL;
}

/* Japanese: the vowels the press writes otherwise after a consonant than
 * after ㅇ (index by jungseong; NULL: as romanise_ko_vowels): ㅢ is i (희
 * ヒ: 정희 チョンヒ, as Korean says it after a consonant), ㅚ ㅙ ㅞ are e (최
 * チェ, 괴 ケ), ㅖ ㅒ are e (계 ケ, 혜 ヘ); the glide kept as a later option.
 * After ㅇ they keep it (의 ウイ, 외 ウェ, 예 イェ).  From the Japanese
 * Wikipedia article "朝鮮語の片仮名表記" and the press's spellings of
 * Korean names (チェ・ギュハ for 최규하, パク・チョンヒ for 박정희). */
static const char *const ja_vowel_after_consonant[21] = {
    [3] = "e|ye", [7] = "e|ye", [10] = "e|we", [11] = "e|we", [15] = "e|we", [19] = "i|ui",
};

/* 1 if a final (index) lets the next plain consonant be voiced: none
 * (a vowel), ㄴ, ㄹ, ㅁ, ㅇ. */
static int voicing(int t)
{
    return t == 0 || t == 4 || t == 8 || t == 16 || t == 21;
}

/* Japanese: the final of syllable cp as the sokuon ッ where the next
 * syllable of the word (next; 0 at a word's end) starts with a stop of
 * the same place, as Japanese writes a doubled consonant (옥경 オッキョン,
 * 학교 ハッキョ, 십팔 シッパル): ㄱ ㄲ ㄳ ㄺ ㅋ (written ク) before ㄱ ㄲ ㅋ,
 * ㅂ ㅄ ㄿ ㅍ (written プ) before ㅂ ㅃ ㅍ; the press's ク and プ stay the
 * first option.  From the Japanese Wikipedia article "朝鮮語の片仮名表記"
 * (促音).  Returns the finals' option list of romanise_ko_finals. */
static const char *ja_final(int cp, int next)
{
    const char *f = romanise_ko_finals[ROMANISE_JA][(cp - 0xAC00) % 28];
    int nl = next >= 0xAC00 && next <= 0xD7A3 ? (next - 0xAC00) / 588 : -1;

    if (strcmp(f, "ク") == 0 && (nl == 0 || nl == 1 || nl == 15))
        return "ク|ッ";
    if (strcmp(f, "プ") == 0 && (nl == 7 || nl == 8 || nl == 17))
        return "プ|ッ";
    return f;
}

/* The spellings of syllable cp in system sys into s; mid: after a vowel
 * or a sonorant (voiced initials first); next: the word's next syllable
 * (0 at its end), which the Japanese final hears (ja_final). */
static void syllable_slot(struct slot *s, int sys, int cp, int mid, int next)
{
    int l = (cp - 0xAC00) / 588, v = (cp - 0xAC00) % 588 / 28, t = (cp - 0xAC00) % 28;
    char a[OPT_LEN], b[OPT_LEN], c[OPT_LEN];
    const char *vowels = romanise_ko_vowels[sys][v];
    const char *finals = sys == ROMANISE_JA ? ja_final(cp, next) : romanise_ko_finals[sys][t];
    int i, j, k, sum;

    memset(s, 0, sizeof *s);
    if (sys == ROMANISE_JA && l != 11 && ja_vowel_after_consonant[v] != NULL)
        vowels = ja_vowel_after_consonant[v];
    /* Lowest sum of option ranks first, as combine() does. */
    for (sum = 0; sum <= 4; sum++)
        for (i = 0; i <= sum && option(a, sizeof a, romanise_ko_initials[sys][mid][l], i); i++)
            for (j = 0; j <= sum - i && option(b, sizeof b, vowels, j); j++) {
                k = sum - i - j;
                if (!option(c, sizeof c, finals, k))
                    continue;
                if (sys == ROMANISE_JA) {
                    const char *kn = kana_of(a, b);
                    if (kn != NULL)
                        slot_add(s, kn, c, "");
                } else {
                    slot_add(s, a, b, c);
                }
            }
}

/* Adds the spellings in sys of the syllables cps[0..n), one word. */
static int word_in(struct variant_list *out, int sys, const int *cps, int n, int suffix,
                   size_t cap)
{
    struct slot s[SLOT_MAX];
    int i, rc;

    if (n <= 0 || n > SLOT_MAX)
        return 0;
    for (i = 0; i < n; i++)
        syllable_slot(&s[i], sys, cps[i], i > 0 && voicing((cps[i - 1] - 0xAC00) % 28),
                      i + 1 < n ? cps[i + 1] : 0);
    rc = combine(out, s, n, RULE_VARIANT, suffix, out->n + cap);
    sodium_memzero(s, sizeof s);
    return rc;
}

void korean_kana_syllable(struct slot *s, int cp)
{
    syllable_slot(s, ROMANISE_JA, cp, 0, 0);
}

/* Adds a surname w (lower-case Cyrillic, UTF-8) alone and in its Russian
 * cases as a foreign surname is declined (a noun of the second
 * declension: Цой, Цоя, Цою, Цоем, Цое; Тен, Тена, Тену, Теном, Тене);
 * Mongolian case endings follow any of them (SUFFIX_MN: Цойн, Цойтой).
 * Returns 0 or -1. */
static int koryo_alone(struct variant_list *out, const char *w)
{
    static const char *const soft[] = { "я", "ю", "ем", "е" };
    static const char *const hard[] = { "а", "у", "ом", "е" };
    char form[OPT_LEN + 8];
    size_t n = strlen(w), stem = n;
    const char *const *end = hard;
    size_t i;

    if (n >= 2 && strcmp(w + n - 2, "й") == 0)
        end = soft, stem = n - 2;
    else if (n >= 2 && strstr("аеёиоуыэюя", w + n - 2) != NULL)
        end = NULL;             /* Тигай aside, a vowel at the end: not declined */
    if (list_add(out, w, n, RULE_VARIANT, SUFFIX_MN) != 0)
        return -1;
    for (i = 0; end != NULL && i < 4; i++) {
        int m = snprintf(form, sizeof form, "%.*s%s", (int)stem, w, end[i]);
        if (m < 0 || (size_t)m >= sizeof form)
            continue;
        if (list_add(out, form, (size_t)m, RULE_VARIANT, SUFFIX_NONE) != 0)
            return -1;
    }
    sodium_memzero(form, sizeof form);
    return 0;
}

/* A surname everyone's spelling gives (Пак, Ким, Хан: Kontsevich's too)
 * in its Russian oblique cases (Пака, Паку, Паком, Паке; report-adv20
 * written so it is a declined name, not the syllable, but still any
 * Kim's, so a review flag (short-name), never a replacement: marked as
 * initials are, which the dictionary is never asked of.  The nominative
 * stays unprotected, as in the other scripts.  Returns 0 or -1. */
static int koryo_oblique(struct variant_list *out, const char *w)
{
    static const char *const hard[] = { "а", "у", "ом", "е" };
    unsigned char flag = out->flag, initials = out->initials, capital = out->capital;
    char form[OPT_LEN + 8];
    size_t n = strlen(w);
    int rc = 0;

    if (n < 2 || strstr("аеёиоуыэюяй", w + n - 2) != NULL)
        return 0;
    out->flag = 1, out->initials = 1, out->capital = 1;
    for (size_t i = 0; rc == 0 && i < 4; i++) {
        int m = snprintf(form, sizeof form, "%s%s", w, hard[i]);
        if (m > 0 && (size_t)m < sizeof form)
            rc = list_add(out, form, (size_t)m, RULE_VARIANT, SUFFIX_NONE);
    }
    out->flag = flag, out->initials = initials, out->capital = capital;
    sodium_memzero(form, sizeof form);
    return rc;
}

/* The surname syllable cp by custom (romanise_koryo_surname) into its
 * slot s, and alone into out where the spelling is not Kontsevich's (Цой,
 * Цоя, Тен, Огай: only Koryo-saram write a surname so; Пак and Ким alone
 * are everyone's and stay, as in the other scripts).  Returns 0 or -1. */
static int koryo_surname(struct variant_list *out, struct slot *s, int cp)
{
    const char *list = romanise_koryo_surname(cp);
    struct slot ru;
    char one[OPT_LEN];
    int k, j, same;

    if (list == NULL)
        return 0;
    syllable_slot(&ru, ROMANISE_RU, cp, 0, 0);
    memset(s, 0, sizeof *s);
    for (k = 0; option(one, sizeof one, list, k); k++) {
        slot_add(s, one, "", "");
        for (j = same = 0; j < ru.n && !same; j++)
            same = strcmp(ru.opt[j], one) == 0;
        if (!same && strlen(one) >= 6 && koryo_alone(out, one) != 0)  /* цой, тен */
            return -1;
        if (same && strlen(one) >= 6 && koryo_oblique(out, one) != 0)  /* пака, кима */
            return -1;
    }
    return 0;
}

/* The Koryo-saram spellings of a whole name, full[0..n) (surname and
 * given name syllables in Cyrillic), written in Latin letters as
 * passports and the press write them (Тен Чер Мин: Ten Cher Min; Цой Ён
 * Хо: Tsoi Yon Kho, Tsoy Yon Ho: romanise_ru_latin; report-adv20 R-7):
 * each option in both transliterations, at most KORYO_LATIN spellings,
 * with a capital, European case endings after them.  0, or -1 when out
 * of memory. */
#define KORYO_LATIN 8
static int koryo_latin(struct variant_list *out, const struct slot *full, int n)
{
    struct slot lat[SLOT_MAX];
    char one[OPT_LEN];
    size_t m;
    int k, j, rc;

    for (k = 0; k < n; k++) {
        memset(&lat[k], 0, sizeof lat[k]);
        for (j = 0; j < full[k].n; j++)
            for (int alt = 0; alt < 2; alt++)
                if ((m = romanise_ru_latin(one, sizeof one - 1, full[k].opt[j],
                                           strlen(full[k].opt[j]), alt)) > 0) {
                    one[m] = '\0';
                    slot_add(&lat[k], one, "", "");
                }
        if (lat[k].n == 0)
            return 0;
    }
    rc = combine(out, lat, n, RULE_VARIANT, SUFFIX_EU, out->n + KORYO_LATIN);
    sodium_memzero(lat, sizeof lat);
    sodium_memzero(one, sizeof one);
    return rc;
}

int korean_other_scripts(struct variant_list *out, const int *cps, int n, int given, int person)
{
    static const struct { int sys, suffix; size_t cap; } plan[] = {
        { ROMANISE_RU, SUFFIX_MN, 8 }, { ROMANISE_JA, SUFFIX_NONE, 4 },
        { ROMANISE_DE, SUFFIX_NONE, 4 }, { ROMANISE_CS, SUFFIX_EU, 4 },
        { ROMANISE_YALE, SUFFIX_NONE, 2 }, { ROMANISE_FR, SUFFIX_NONE, 4 },
        { ROMANISE_NL, SUFFIX_NONE, 4 }, { ROMANISE_MN, SUFFIX_MN, 8 },
        { ROMANISE_KORYO, SUFFIX_MN, 8 },
    };
    struct slot full[SLOT_MAX];
    size_t i;
    int k, rc = 0;
    unsigned char capital = out->capital;

    if (n <= 0 || n > SLOT_MAX)
        return 0;
    for (i = 0; i < sizeof plan / sizeof plan[0] && rc == 0; i++) {
        /* Cyrillic and Latin count only with a capital, as names and
         * places are written there ("ара" is a Mongolian word's start). */
        out->capital = plan[i].sys != ROMANISE_JA ? 1 : capital;
        /* German and Czech: places and other terms (atlases and press). */
        if (person && (plan[i].sys == ROMANISE_DE || plan[i].sys == ROMANISE_CS ||
                       plan[i].sys == ROMANISE_FR || plan[i].sys == ROMANISE_NL))
            continue;
        /* Koryo-saram's spellings are people's (Цой Ён Хи). */
        if (plan[i].sys == ROMANISE_KORYO && !person)
            continue;
        if (given <= 0) {
            rc = word_in(out, plan[i].sys, cps, n, plan[i].suffix, plan[i].cap);
            continue;
        }
        /* A name: surname and given name (each starts a word, as in
         * "Ким Чонсу"), then the given name alone. */
        for (k = 0; k < n; k++)
            syllable_slot(&full[k], plan[i].sys, cps[k],
                          k != 0 && k != given && voicing((cps[k - 1] - 0xAC00) % 28),
                          k + 1 < n && k + 1 != given ? cps[k + 1] : 0);
        if (plan[i].sys == ROMANISE_KORYO && given == 1 && koryo_surname(out, &full[0], cps[0]) != 0)
            rc = -1;
        if (rc == 0)
            rc = combine(out, full, n, RULE_VARIANT, plan[i].suffix, out->n + plan[i].cap);
        if (rc == 0 && plan[i].sys == ROMANISE_KORYO)
            rc = koryo_latin(out, full, n);
        if (rc == 0)
            rc = word_in(out, plan[i].sys, cps + given, n - given, plan[i].suffix, plan[i].cap);
    }
    out->capital = capital;
    sodium_memzero(full, sizeof full);
    return rc;
}

/* ---- Sound variation in Hangul (report-adv12e F26) ---- */

/* The other initials (choseong index, Unicode ch. 3.12: ㄱ 0 ... ㅎ 18)
 * a plain, tense or aspirated one is written with in chat and
 * colloquial or childish speech (쫑수, 종쑤 for 종수): the plain, tense and
 * aspirated stops and affricates of one place of articulation (ㄱ ㄲ ㅋ,
 * ㄷ ㄸ ㅌ, ㅂ ㅃ ㅍ, ㅅ ㅆ, ㅈ ㅉ ㅊ); -1 ends a row.  From Korean
 * phonology (the three-way laryngeal contrast). */
static const signed char initial_rows[19][3] = {
    [0] = { 1, 15, -1 },  [1] = { 0, 15, -1 },  [15] = { 0, 1, -1 },
    [3] = { 4, 16, -1 },  [4] = { 3, 16, -1 },  [16] = { 3, 4, -1 },
    [7] = { 8, 17, -1 },  [8] = { 7, 17, -1 },  [17] = { 7, 8, -1 },
    [9] = { 10, -1, -1 }, [10] = { 9, -1, -1 },
    [12] = { 13, 14, -1 }, [13] = { 12, 14, -1 }, [14] = { 12, 13, -1 },
    [2] = { -1, -1, -1 }, [5] = { -1, -1, -1 }, [6] = { -1, -1, -1 }, [11] = { -1, -1, -1 },
    [18] = { -1, -1, -1 },
};

/* A vowel (jungseong index: ㅏ 0 ... ㅣ 20) and the same vowel with or
 * without the y-glide (ㅗ ㅛ, ㅜ ㅠ, ㅓ ㅕ, ㅏ ㅑ, ㅐ ㅒ, ㅔ ㅖ: 죵수, 종슈); -1
 * if it has none. */
static int glide_of(int m)
{
    static const signed char pair[21] = {
        2, 3, 0, 1, 6, 7, 4, 5, 12, -1, -1, -1, 8, 17, -1, -1, -1, 13, -1, -1, -1,
    };
    return pair[m];
}

/* The spellings of one syllable cp one sound away: another initial of its
 * row, or its vowel with or without the glide.  Fills alt (at most 4);
 * returns how many. */
static int sound_alts(int *alt, int cp)
{
    int idx = cp - 0xAC00, l = idx / 588, m = (idx % 588) / 28, t = idx % 28, n = 0, k;

    for (k = 0; k < 3 && initial_rows[l][k] >= 0; k++)
        alt[n++] = 0xAC00 + (initial_rows[l][k] * 21 + m) * 28 + t;
    if (glide_of(m) >= 0)
        alt[n++] = 0xAC00 + (l * 21 + glide_of(m)) * 28 + t;
    return n;
}

static size_t put_cp(char *buf, int cp)
{
    return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)buf);
}

int korean_sounds(struct variant_list *out, const int *cps, int n, int given)
{
    int alt[SLOT_MAX][4], nalt[SLOT_MAX], i, j, a, b, rc = 0;
    char buf[SLOT_MAX * 3];
    int word[SLOT_MAX];

    if (n - given < 2 || n > SLOT_MAX)
        return 0;
    for (i = given; i < n; i++)
        nalt[i] = sound_alts(alt[i], cps[i]);
    /* Each change alone, then each pair of changes in two syllables. */
    for (i = given; rc == 0 && i < n; i++)
        for (a = 0; rc == 0 && a < nalt[i]; a++)
            for (j = i; rc == 0 && j < n; j++)
                for (b = j == i ? -1 : 0; rc == 0 && b < (j == i ? 0 : nalt[j]); b++) {
                    size_t at = 0, gat = 0;
                    int s;
                    memcpy(word, cps, (size_t)n * sizeof *word);
                    word[i] = alt[i][a];
                    if (b >= 0)
                        word[j] = alt[j][b];
                    for (s = 0; s < n; s++) {
                        if (s == given)
                            gat = at;
                        at += put_cp(buf + at, word[s]);
                    }
                    rc = list_add(out, buf + gat, at - gat, RULE_VARIANT, SUFFIX_KO);
                    if (rc == 0 && given > 0)
                        rc = list_add(out, buf, at, RULE_VARIANT, SUFFIX_KO);
                }
    sodium_memzero(buf, sizeof buf);
    sodium_memzero(word, sizeof word);
    return rc;
}
