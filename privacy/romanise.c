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

/* The rows of romanise_mn_letters by code point, row + 1 (0: no letter of
 * the table), so a letter is found in one step (it was a strcmp down the
 * table for every letter of every name's form: docs/TESTING.md, "Session
 * 36"); test_variants checks it against the table, row by row. */
#define MN_FIRST 0x0430
#define MN_LAST 0x04E9
static const unsigned char mn_rows[MN_LAST - MN_FIRST + 1] = {
    [0x0430 - MN_FIRST] = 1, [0x0431 - MN_FIRST] = 2, [0x0432 - MN_FIRST] = 3,
    [0x0433 - MN_FIRST] = 4, [0x0434 - MN_FIRST] = 5, [0x0435 - MN_FIRST] = 6,
    [0x0436 - MN_FIRST] = 8, [0x0437 - MN_FIRST] = 9, [0x0438 - MN_FIRST] = 10,
    [0x0439 - MN_FIRST] = 11, [0x043A - MN_FIRST] = 12, [0x043B - MN_FIRST] = 13,
    [0x043C - MN_FIRST] = 14, [0x043D - MN_FIRST] = 15, [0x043E - MN_FIRST] = 16,
    [0x043F - MN_FIRST] = 18, [0x0440 - MN_FIRST] = 19, [0x0441 - MN_FIRST] = 20,
    [0x0442 - MN_FIRST] = 21, [0x0443 - MN_FIRST] = 22, [0x0444 - MN_FIRST] = 24,
    [0x0445 - MN_FIRST] = 25, [0x0446 - MN_FIRST] = 26, [0x0447 - MN_FIRST] = 27,
    [0x0448 - MN_FIRST] = 28, [0x0449 - MN_FIRST] = 29, [0x044A - MN_FIRST] = 30,
    [0x044B - MN_FIRST] = 31, [0x044C - MN_FIRST] = 32, [0x044D - MN_FIRST] = 33,
    [0x044E - MN_FIRST] = 34, [0x044F - MN_FIRST] = 35, [0x0451 - MN_FIRST] = 7,
    [0x04AF - MN_FIRST] = 23, [0x04E9 - MN_FIRST] = 17,
};

int romanise_mn_row(int cp)
{
    return cp < MN_FIRST || cp > MN_LAST ? -1 : (int)mn_rows[cp - MN_FIRST] - 1;
}

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
    /* Koryo-saram (brief s19 ko19): the syllable-by-syllable Cyrillic of
     * Soviet Koreans' given names (Ён Хи for 영희, Чен Су for 정수, Чер Су
     * for 철수): plain letters, no aspiration mark, ㅓ е or о, final ㄹ р
     * as the Koryo-mar dialect says it, ㅅ с or ш (Шин). */
    [ROMANISE_KORYO] = {
        { "к", "к", "н", "т", "т", "р|л", "м", "п|б", "п", "с|ш", "с", "",
          "ч|дж", "ч", "ч|ц", "к", "т", "п", "х" },
        { "к|г", "к", "н", "т|д", "т", "р|л", "м", "п|б", "п", "с|ш", "с", "",
          "ч|дж", "ч", "ч|ц", "к", "т", "п", "х" },
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
    [ROMANISE_KORYO] = { "а", "е|э", "я", "е", "е|о", "е|э", "ё|е", "е", "о", "ва", "ве", "ве|е",
                 "ё", "у", "во", "ве", "ви", "ю", "ы|и", "и|ый", "и" },
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
    [ROMANISE_KORYO] = { "", "к", "к", "к", "н", "н", "н", "т", "р|ль|л", "к", "м", "ль", "ль", "ль", "п",
                 "ль", "м", "п", "п", "т", "т", "н", "т", "т", "к", "т", "п", "т" },
};

/* Surnames by custom (brief s19 ko19): the spellings of Soviet Koreans'
 * surnames (О. М. Ким, «К изучению антропонимии корейцев СССР»,
 * Ономастика Востока, 1980) and the Russian press, which Kontsevich does
 * not give: older readings (Тен, Тян, Тё for 정, 장, 조: Middle Korean
 * t- before y), ㅊ as ц (Цой), ㅅ as ш (Шин), the two-syllable forms in
 * -гай (Огай, Когай, Хегай, Лигай, Тигай, Шегай, Югай, Нагай, Магай).
 * Sorted by syllable; lower case, as keys are. */
static const struct { int cp; const char *spell; } koryo_surnames[] = {
    { 0xAC15, "кан" },              /* 강 */
    { 0xACE0, "ко|когай" },         /* 고 */
    { 0xACF5, "кон" },              /* 공 */
    { 0xAD6C, "ку" },               /* 구 */
    { 0xAD8C, "квон|кван" },        /* 권 */
    { 0xAE40, "ким" },              /* 김 */
    { 0xB098, "на|нагай" },         /* 나 */
    { 0xB0A8, "нам" },              /* 남 */
    { 0xB178, "но" },               /* 노 */
    { 0xB958, "лю|ю" },             /* 류 */
    { 0xB9C8, "ма|магай" },         /* 마 */
    { 0xBA85, "мен|мён" },          /* 명 */
    { 0xBB38, "мун" },              /* 문 */
    { 0xBBFC, "мин" },              /* 민 */
    { 0xBC15, "пак" },              /* 박 */
    { 0xBC29, "пан" },              /* 방 */
    { 0xBC30, "пе|пэ" },            /* 배 */
    { 0xBC31, "пек|пэк" },          /* 백 */
    { 0xC11C, "со|сё" },            /* 서 */
    { 0xC1A1, "сон" },              /* 송 */
    { 0xC2E0, "шин|син" },          /* 신 */
    { 0xC2EC, "шим|сим" },          /* 심 */
    { 0xC548, "ан" },               /* 안 */
    { 0xC591, "ян" },               /* 양 */
    { 0xC5C4, "ем|ом" },            /* 엄 */
    { 0xC624, "о|огай" },           /* 오 */
    { 0xC6B0, "у" },                /* 우 */
    { 0xC6D0, "вон" },              /* 원 */
    { 0xC720, "ю|югай" },           /* 유 */
    { 0xC724, "юн" },               /* 윤 */
    { 0xC774, "ли|лигай" },         /* 이 */
    { 0xC784, "им|лим" },           /* 임 */
    { 0xC7A5, "тян|чан" },          /* 장 */
    { 0xC804, "тен|чен|чон" },      /* 전 */
    { 0xC815, "тен|чен|чон" },      /* 정 */
    { 0xC870, "тё|те|чо" },         /* 조 */
    { 0xC8FC, "тю|чу" },            /* 주 */
    { 0xC9C0, "ти|тигай|чи" },      /* 지 */
    { 0xC9C4, "тин|чин" },          /* 진 */
    { 0xCC28, "ця|ча" },            /* 차 */
    { 0xCC44, "цхай|чхэ" },         /* 채 */
    { 0xCC9C, "чен|чхон" },         /* 천 */
    { 0xCD5C, "цой|чой" },          /* 최 */
    { 0xD0DC, "тхай|тхэ" },         /* 태 */
    { 0xD558, "ха" },               /* 하 */
    { 0xD55C, "хан" },              /* 한 */
    { 0xD5C8, "хо|хегай" },         /* 허 */
    { 0xD604, "хен|хён" },          /* 현 */
    { 0xD64D, "хон" },              /* 홍 */
    { 0xD669, "хван" },             /* 황 */
};

const char *romanise_koryo_surname(int cp)
{
    size_t lo = 0, hi = sizeof koryo_surnames / sizeof koryo_surnames[0], mid;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        if (koryo_surnames[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < sizeof koryo_surnames / sizeof koryo_surnames[0] && koryo_surnames[lo].cp == cp
           ? koryo_surnames[lo].spell : NULL;
}

int romanise_koryo_syllable(const char *key, size_t len)
{
    for (size_t i = 0; i < sizeof koryo_surnames / sizeof koryo_surnames[0]; i++)
        for (const char *p = koryo_surnames[i].spell, *bar; *p != '\0'; p = *bar ? bar + 1 : bar) {
            bar = p + strcspn(p, "|");
            if ((size_t)(bar - p) == len && memcmp(p, key, len) == 0)
                return koryo_surnames[i].cp;
        }
    return 0;
}

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
    char buf[24];
    size_t n;
    int a, b, c, row, idx = cp - 0xAC00;

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
    } else if (script == 1) {
        if ((row = romanise_mn_row(cp)) < 0)
            return -1;
        n = strlen(romanise_mn_letters[row][1]);
        memcpy(buf, romanise_mn_letters[row][1], n);
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
    return romanise_ko_latin_hangul(s, n) != 0;
}

int romanise_ko_latin_hangul(const char *s, size_t n)
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
                                return 0xAC00 + (i * 21 + j) * 28 + f;
                }
        }
    return 0;
}

/* Russian Cyrillic in Latin letters as Koryo-saram names are written in
 * passports and the press (Цой Tsoi or Tsoy, Тен Ten, Хан Khan or Han,
 * Тё Tyo or Te): the Russian passport transliteration (МВД order 2010,
 * ICAO Doc 9303: х kh, ц ts, ч ch, ш sh, й i, ю iu) with the older and
 * press spellings as alt 1 (й y, х h, ю yu, я ya, ё e).  Lower case. */
static const char *ru_latin(int cp, int alt)
{
    static const char *const base[32] = {
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
    };
    if (cp == 0x0451)                               /* ё */
        return alt ? "e" : "yo";
    if (cp < 0x0430 || cp > 0x044F)
        return NULL;
    if (alt && cp == 0x0439)                        /* й */
        return "y";
    if (alt && cp == 0x0445)                        /* х */
        return "h";
    return base[cp - 0x0430];
}

size_t romanise_ru_latin(char *out, size_t cap, const char *s, size_t len, int alt)
{
    size_t used = 0, i = 0, m;
    utf8proc_int32_t cp32;
    utf8proc_ssize_t k;
    int cp;
    const char *l;

    /* utf8proc, not normalise.h's utf8_next: normalise.c includes this
     * header (scripts/layers.sh: no cycle). */
    while (i < len && (k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp32)) > 0) {
        cp = (int)cp32;
        if ((l = ru_latin(cp, alt)) == NULL || used + (m = strlen(l)) > cap)
            return 0;
        memcpy(out + used, l, m), used += m, i += (size_t)k;
    }
    return i == len ? used : 0;
}

int romanise_is_koryo_latin(const char *key, size_t len)
{
    char one[32], lat[64];
    size_t i, n, m;

    if (len < 3)
        return 0;
    for (i = 0; i < sizeof koryo_surnames / sizeof koryo_surnames[0]; i++)
        for (const char *p = koryo_surnames[i].spell; *p != '\0'; p += n + (p[n] == '|')) {
            n = strcspn(p, "|");
            if (n >= sizeof one)
                continue;
            memcpy(one, p, n);
            for (int alt = 0; alt < 2; alt++)
                if ((m = romanise_ru_latin(lat, sizeof lat, one, n, alt)) == len &&
                    memcmp(lat, key, len) == 0)
                    return 1;
        }
    return 0;
}
