#include "privacy/romanise.h"

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

/* Initial consonants in Unicode order: RR first, then McCune-Reischauer and
 * North Korean (initial r; aspirates written ph, th, kh, chh as in DPRK
 * publications: Phyongyang, Chhongjin), then informal spellings. */
const char *const romanise_ko_initial[19][3] = {
    {"g", "k", 0}, {"kk", "gg", "k"}, {"n", 0, 0}, {"d", "t", 0}, {"tt", "dd", 0},
    {"r", "l", "n"}, {"m", 0, 0}, {"b", "p", 0}, {"pp", "bb", 0}, {"s", "sh", 0},
    {"ss", "s", 0}, {"", 0, 0}, {"j", "ch", 0}, {"jj", "tch", 0}, {"ch", "chh", 0},
    {"k", "kh", 0}, {"t", "th", 0}, {"p", "ph", 0}, {"h", 0, 0},
};

/* Vowels: RR, MR without breve (ŏ -> o, ŭ -> u), informal. */
const char *const romanise_ko_medial[21][4] = {
    {"a", 0, 0, 0}, {"ae", 0, 0, 0}, {"ya", 0, 0, 0}, {"yae", 0, 0, 0},
    {"eo", "o", "u", "ou"}, {"e", 0, 0, 0}, {"yeo", "yo", "you", "yu"}, {"ye", 0, 0, 0},
    {"o", "oh", 0, 0}, {"wa", 0, 0, 0}, {"wae", 0, 0, 0}, {"oe", "oi", "we", 0},
    {"yo", 0, 0, 0}, {"u", "oo", "woo", 0}, {"wo", "weo", 0, 0}, {"we", 0, 0, 0},
    {"wi", 0, 0, 0}, {"yu", "yoo", 0, 0}, {"eu", "u", 0, 0}, {"ui", "eui", "i", 0},
    {"i", "ee", 0, 0},
};

const char *const romanise_ko_final[28][2] = {
    {"", 0}, {"k", "g"}, {"k", 0}, {"k", 0}, {"n", 0}, {"n", 0}, {"n", 0},
    {"t", "d"}, {"l", "r"}, {"k", 0}, {"m", 0}, {"l", 0}, {"l", 0}, {"l", 0},
    {"p", 0}, {"l", 0}, {"m", 0}, {"p", "b"}, {"p", 0}, {"t", "s"}, {"t", 0},
    {"ng", 0}, {"t", 0}, {"t", 0}, {"k", 0}, {"t", 0}, {"p", 0}, {"t", 0},
};

/* Mongolian Cyrillic letters: MNS 5217, BGN/PCGN, ALA-LC, passport; з is
 * also written j (Öljiibayar for Өлзийбаяр, as in passports). */
const char *const romanise_mn_letters[][5] = {
    {"а", "a", 0}, {"б", "b", 0}, {"в", "v", "w", 0}, {"г", "g", 0}, {"д", "d", 0},
    {"е", "ye", "e", "yo", 0}, {"ё", "yo", "io", "e", 0}, {"ж", "j", "zh", 0},
    {"з", "z", "dz", "j", 0}, {"и", "i", 0}, {"й", "i", "y", "j", 0}, {"к", "k", 0},
    {"л", "l", 0}, {"м", "m", 0}, {"н", "n", 0}, {"о", "o", 0}, {"ө", "o", "u", "oe", 0},
    {"п", "p", 0}, {"р", "r", 0}, {"с", "s", 0}, {"т", "t", 0}, {"у", "u", 0},
    {"ү", "u", "ue", "v", 0}, {"ф", "f", 0}, {"х", "kh", "h", "x", 0},
    {"ц", "ts", "c", "z", 0}, {"ч", "ch", "c", 0}, {"ш", "sh", 0}, {"щ", "shch", "sh", 0},
    {"ъ", "", "i", 0}, {"ы", "y", "i", 0}, {"ь", "", "i", 0}, {"э", "e", 0},
    {"ю", "yu", "iu", "yo", 0}, {"я", "ya", "ia", 0},
};
const size_t romanise_mn_count = sizeof romanise_mn_letters / sizeof romanise_mn_letters[0];

/* Options are separated by '|', the usual one first.  Initials in
 * Unicode order (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ), first at the
 * start of a word or after a stop, then after a vowel or a sonorant. */
const char *const romanise_ko_initials[ROMANISE_NSYS][2][19] = {
    [ROMANISE_RU] = {
        { "к|г", "кк|к", "н", "т|д", "тт|т", "р|л", "м", "п|б", "пп|п", "с", "сс|с", "",
          "ч|дж|чж", "чч|ч", "чх|ч", "кх|к", "тх|т", "пх|п", "х" },
        { "г|к", "кк|к", "н", "д|т", "тт|т", "р|л", "м", "б|п", "пп|п", "с", "сс|с", "",
          "дж|чж|ч", "чч|ч", "чх|ч", "кх|к", "тх|т", "пх|п", "х" },
    },
    /* Katakana: the consonant's romaji, then the kana table below. */
    [ROMANISE_JA] = {
        { "k|g", "k", "n", "t|d", "t", "r", "m", "p|b", "p", "s", "s", "",
          "ch|j", "ch", "ch", "k", "t", "p", "h" },
        { "g|k", "k", "n", "d|t", "t", "r", "m", "b|p", "p", "s", "s", "",
          "j|ch", "ch", "ch", "k", "t", "p", "h" },
    },
    [ROMANISE_DE] = {
        { "k|g", "kk|gg", "n", "t|d", "tt", "r|l", "m", "p|b", "pp", "s", "ss", "",
          "tsch|dsch", "tsch", "tsch|tschh", "k|kh", "t|th", "p|ph", "h" },
        { "g|k", "kk|gg", "n", "d|t", "tt", "r|l", "m", "b|p", "pp", "s", "ss", "",
          "dsch|tsch", "tsch", "tsch|tschh", "k|kh", "t|th", "p|ph", "h" },
    },
    [ROMANISE_CS] = {
        { "k|g", "kk", "n", "t|d", "tt", "r|l", "m", "p|b", "pp", "s", "ss", "",
          "c|dz", "cc", "cch|c", "kch|k", "tch|t", "pch|p", "ch|h" },
        { "g|k", "kk", "n", "d|t", "tt", "r|l", "m", "b|p", "pp", "s", "ss", "",
          "dz|c", "cc", "cch|c", "kch|k", "tch|t", "pch|p", "ch|h" },
    },
    /* Yale (S. E. Martin's romanisation of linguists: ㅈ c, ㅊ ch, ㅓ e, ㅜ wu,
     * ㅡ u; Kim Cengswu; written with no hyphen as often as with one:
     * report-adv12e F27): letter for letter, the same at a word's start. */
    [ROMANISE_YALE] = {
        { "k", "kk", "n", "t", "tt", "l|r", "m", "p", "pp", "s", "ss", "",
          "c", "cc", "ch", "kh", "th", "ph", "h" },
        { "k", "kk", "n", "t", "tt", "l|r", "m", "p", "pp", "s", "ss", "",
          "c", "cc", "ch", "kh", "th", "ph", "h" },
    },    /* French (Tchongdjin for 청진, Hamhoung, Pyongyang in French atlases and
     * press: ㅈ tch/dj, ㅊ tch, ㅜ ou) and Dutch (Tsjongdzjin, Hoerjong:
     * ㅈ tsj/dzj, ㅊ tsj, ㅜ and ㅚ oe, ㅕ jo) transcriptions (report adv12
     * A-7; fr.wikipedia "Romanisation du coréen", nl.wikipedia
     * "Koreaanse transcriptie"). */
    [ROMANISE_FR] = {
        { "k|g", "kk", "n", "t|d", "tt", "r|l", "m", "p|b", "pp", "s", "ss", "",
          "tch|dj", "tch", "tch|tchh", "k|kh", "t|th", "p|ph", "h" },
        { "g|k", "kk", "n", "d|t", "tt", "r|l", "m", "b|p", "pp", "s", "ss", "",
          "dj|tch", "tch", "tch|tchh", "k|kh", "t|th", "p|ph", "h" },
    },
    [ROMANISE_NL] = {
        { "k|g", "kk", "n", "t|d", "tt", "r|l", "m", "p|b", "pp", "s", "ss", "",
          "tsj|dzj", "tsj", "tsj|tsjh", "k|kh", "t|th", "p|ph", "h" },
        { "g|k", "kk", "n", "d|t", "tt", "r|l", "m", "b|p", "pp", "s", "ss", "",
          "dzj|tsj", "tsj", "tsj|tsjh", "k|kh", "t|th", "p|ph", "h" },
    },
    /* Mongolian Cyrillic as the Mongolian press writes Korean names (Мүн
     * Жэ Ин for 문재인, Ким Жон Ун for 김정은, Пак Гын Хе for 박근혜; brief s18
     * item 2, report-adv17a D-42): Khalkha has no plain/aspirated
     * distinction in its letters, so ㅈ is ж (its usual sound, as in Жон),
     * ㅊ ч, ㄱ ㄷ ㅂ к/г т/д п/б, ㅎ х; ㅓ is ө or о, ㅜ ү or у, ㅡ у, ы or ү (Ким Жон Ун);
     * final ㅇ н (the press: Жон), final ㄹ л. */
    [ROMANISE_MN] = {
        { "к|г", "к", "н", "т|д", "т", "р|л", "м", "п|б", "п", "с", "с", "",
          "ж|ч", "ж|ч", "ч|ц", "х|к", "т", "п", "х" },
        { "г|к", "к", "н", "д|т", "т", "р|л", "м", "б|п", "п", "с", "с", "",
          "ж|ч", "ж|ч", "ч|ц", "х|к", "т", "п", "х" },
    },
};

/* Vowels in Unicode order (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ). */
const char *const romanise_ko_vowels[ROMANISE_NSYS][21] = {
    [ROMANISE_RU] = { "а", "э|е", "я", "йе|е", "о", "е|э", "ё|е|йо", "е|йе", "о", "ва", "вэ", "ве|вэ",
                 "ё|йо", "у", "во", "ве", "ви", "ю", "ы", "ый|и", "и" },
    [ROMANISE_JA] = { "a", "e", "ya", "ye", "o", "e", "yo", "ye", "o", "wa", "we", "we",
                 "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i" },
    [ROMANISE_DE] = { "a", "a|ae", "ja", "ja|jae", "o", "e", "jo", "je|e", "o", "wa", "wa|wae", "o|oe",
                 "jo", "u", "wo", "we", "wi", "ju", "u", "ui", "i" },
    [ROMANISE_CS] = { "a", "e|a", "ja", "je", "o", "e", "jo", "je|e", "o", "wa|va", "we|ve", "o|we",
                 "jo", "u", "wo|vo", "we|ve", "wi|vi", "ju", "u|y", "ui", "i" },
    [ROMANISE_YALE] = { "a", "ay", "ya", "yay", "e", "ey", "ye", "yey", "o", "wa", "way", "oy",
                   "yo", "wu|u", "we", "wey", "wi", "yu", "u", "uy", "i" },
    [ROMANISE_FR] = { "a", "ae|e", "ya|ia", "ye", "o|eo", "e", "yo|io", "ye|e", "o", "oua|wa",
                 "oue|wae", "oe|oi|we", "yo", "ou", "ouo|wo", "oue|we", "oui|wi", "you|iou",
                 "eu|u|ou", "eui|ui", "i" },
    [ROMANISE_NL] = { "a", "e|ae", "ja", "je", "o", "e", "jo", "je|e", "o", "wa", "we", "oe|we",
                 "jo", "oe", "wo", "we", "wi", "joe", "u|eu", "ui", "i" },
    [ROMANISE_MN] = { "а", "э", "я", "е", "ө|о", "э", "ё|е", "е", "о", "ва", "вэ", "вэ",
                 "ё", "ү|у", "во", "вэ", "ви", "юү|ю", "у|ы|ү", "ый|и", "и" },
};

/* Finals by index (none, ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ
 * ㅊ ㅋ ㅌ ㅍ ㅎ), each written as the consonant it is pronounced as. */
const char *const romanise_ko_finals[ROMANISE_NSYS][28] = {
    [ROMANISE_RU] = { "", "к", "к", "к", "н", "н", "н", "т", "ль|л", "к", "м", "ль", "ль", "ль", "п",
                 "ль", "м", "п", "п", "т", "т", "н", "т", "т", "к", "т", "п", "т" },
    [ROMANISE_JA] = { "", "ク", "ク", "ク", "ン", "ン", "ン", "ッ", "ル", "ク", "ム", "ル", "ル", "ル",
                 "プ", "ル", "ム", "プ", "プ", "ッ", "ッ", "ン", "ッ", "ッ", "ク", "ッ", "プ", "ッ" },
    [ROMANISE_DE] = { "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p",
                 "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t" },
    [ROMANISE_CS] = { "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p",
                 "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t" },
    [ROMANISE_YALE] = { "", "k", "kk", "ks", "n", "nc", "nh", "t", "l", "lk", "lm", "lp", "ls", "lth",
                   "lph", "lh", "m", "p", "ps", "s", "ss", "ng", "c", "ch", "kh", "th", "ph", "h" },
    [ROMANISE_FR] = { "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p",
                 "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t" },
    [ROMANISE_NL] = { "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p",
                 "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t" },
    [ROMANISE_MN] = { "", "к|г", "к", "к", "н", "н", "н", "т", "л", "к", "м", "л", "л", "л", "п",
                 "л", "м", "п|б", "п", "т", "т", "н|нг", "т", "т", "к", "т", "п", "т" },
};

/* The first option of a '|'-separated list into out (at most cap bytes);
 * its length, or -1. */
static int first_option(char *out, size_t cap, const char *list)
{
    size_t n = strcspn(list, "|");

    if (n > cap)
        return -1;
    memcpy(out, list, n);
    return (int)n;
}

int romanise_reading(char *out, size_t cap, int cp, int script)
{
    char u[8] = { 0 }, buf[24];
    size_t n, i;
    int a, b, c, idx = cp - 0xAC00;

    if (cp >= 0xAC00 && cp <= 0xD7A3 && script == 2) {
        int l = idx / 588, v = idx % 588 / 28, t = idx % 28;
        if ((a = first_option(buf, sizeof buf, romanise_ko_initials[ROMANISE_RU][0][l])) < 0 ||
            (b = first_option(buf + a, sizeof buf - (size_t)a, romanise_ko_vowels[ROMANISE_RU][v])) < 0 ||
            (c = first_option(buf + a + b, sizeof buf - (size_t)(a + b), romanise_ko_finals[ROMANISE_RU][t])) < 0)
            return -1;
        n = (size_t)(a + b + c);
    } else if (cp >= 0xAC00 && cp <= 0xD7A3 && script == 1) {
        n = (size_t)snprintf(buf, sizeof buf, "%s%s%s", romanise_ko_initial[idx / 588][0],
                             romanise_ko_medial[(idx % 588) / 28][0], romanise_ko_final[idx % 28][0]);
    } else if (script == 1 && utf8proc_encode_char(cp, (utf8proc_uint8_t *)u) > 0) {
        for (i = 0; i < romanise_mn_count && strcmp(romanise_mn_letters[i][0], u) != 0; i++)
            ;
        if (i == romanise_mn_count)
            return -1;
        n = strlen(romanise_mn_letters[i][1]);
        memcpy(buf, romanise_mn_letters[i][1], n);
    } else {
        return -1;
    }
    if (n == 0 && cp >= 0xAC00)
        return -1;
    if (n > cap || n > sizeof buf)
        return -1;
    memcpy(out, buf, n);
    return (int)n;
}

/* Length of the option o if s[0..n) starts with it, else -1. */
static int starts(const char *s, size_t n, const char *o)
{
    size_t k = strlen(o);

    return k <= n && strncmp(s, o, k) == 0 ? (int)k : -1;
}

int romanise_ko_latin_syllable(const char *s, size_t n)
{
    int i, j, f, a, b, c, x, y, z;

    for (i = 0; i < 19; i++)
        for (x = 0; x < 3 && romanise_ko_initial[i][x] != NULL; x++) {
            if ((a = starts(s, n, romanise_ko_initial[i][x])) < 0)
                continue;
            for (j = 0; j < 21; j++)
                for (y = 0; y < 4 && romanise_ko_medial[j][y] != NULL; y++) {
                    if ((b = starts(s + a, n - (size_t)a, romanise_ko_medial[j][y])) < 0)
                        continue;
                    for (f = 0; f < 28; f++)
                        for (z = 0; z < 2 && romanise_ko_final[f][z] != NULL; z++)
                            if ((c = starts(s + a + b, n - (size_t)(a + b), romanise_ko_final[f][z])) >= 0 &&
                                (size_t)(a + b + c) == n)
                                return 1;
                }
        }
    return 0;
}
