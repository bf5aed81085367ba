/* A person's zodiac animal, which names the birth year to within twelve
 * (report-adv28a I-11: "그는 88년생 돼지띠이다"): beside a birth year it
 * confirms it, and with an age it gives it.  A sign is taken only beside
 * a number (an ASCII digit: a year, an age) in its sentence, within 48
 * bytes, or a birth word (detect_birth_near): a word list's "말띠"
 * stays.  The forms, each said of a person, never of a
 * year alone:
 *   - Korean: an animal and 띠 ("돼지띠", "호랑이띠"), with any particle
 *     or copula after it ("돼지띠이다", "말띠라서");
 *   - Chinese: 属 or 屬 and an animal ("他属猪", "屬龍的"), not the 属 of
 *     a word (家属, 金属: a Han character before 属 must be a pronoun or
 *     a copula) nor an animal that starts a word after it ("家属马上");
 *   - Chinese and Japanese: an animal or an earthly branch (子丑寅卯辰巳
 *     午未申酉戌亥, the Japanese way to name the sign: 子年生まれ) and 年,
 *     then a birth word (生, 出生: "龙年出生", "子年生まれ"), not the 年 of
 *     a word (母子年金: no Han character before the sign but those of
 *     zh_before, brief s30 cjk30, report-adv29c K-1);
 *   - Mongolian: an animal and жилтэй ("гахай жилтэй": has the pig's
 *     year), or an animal and жил, жилд, жилийн with a birth word
 *     (төрс-, төрж) in the same 32 bytes after ("морин жилд төрсөн").
 * The animals: the twelve of the East Asian calendar, as each language
 * names them (Korean 범 and 호랑이 both for the tiger; Mongolian
 * genitive forms морин, хонин, бичин); hand-written, want a native
 * reviewer.  Kind date.  NO ASCII DIGIT is in the span itself (one is
 * in its sentence, or a birth word): a gate that wants a digit in each
 * span (detect_gate.c) must let them by; they are read by
 * detect_shapes.c's walk over word starts, not the number readers.  Offsets are bytes of the norm view (detect_int.h). */
#include <string.h>

#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

/* The Korean animals before 띠. */
static const char *const ko_animals[] = {
    "쥐", "소", "범", "호랑이", "토끼", "용", "뱀", "말", "양", "원숭이", "닭", "개", "돼지",
};
#define KO_TTI "띠"

/* The Chinese animals after 属 (simplified and traditional). */
static const char *const zh_animals[] = {
    "鼠", "牛", "虎", "兔", "龙", "龍", "蛇", "马", "馬", "羊", "猴", "鸡", "雞", "狗", "猪", "豬",
};
static const char *const zh_shu[] = { "属", "屬" };
/* Han characters that may stand right before 属 of a zodiac: pronouns,
 * the copula, adverbs ("他属猪", "我是属龙的", "也属马"). */
static const char *const zh_before[] = {
    "他", "她", "我", "你", "您", "是", "也", "都", "就", "还", "還", "人", "子", "儿", "兒",
    "的", "年", "生", "为", "為",
};
/* The earthly branches, which name the twelve years in Japanese (子年,
 * 辰年) and Chinese (甲子年 aside: a branch alone before 年). */
static const char *const branches[] = {
    "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥",
};
/* Birth words after the sign's 年 (生まれ starts with 生; 亥年の生まれ). */
static const char *const born_after[] = { "生", "出生", "出世", "の生" };
/* Han characters that may follow the animal: 的, 相, 年, 人, particles. */
static const char *const zh_after[] = { "的", "相", "年", "人", "吗", "嗎", "呢", "啊", "吧", "。", "，" };

/* The Mongolian animals before жил (nominative and genitive forms). */
static const char *const mn_animals[] = {
    "хулгана", "хулганы", "үхэр", "үхрийн", "бар", "барын", "туулай", "туулайн", "луу", "лууны",
    "могой", "могойн", "морь", "морин", "хонь", "хонин", "бич", "бичин", "мэч", "мичин",
    "тахиа", "тахианы", "нохой", "нохойн", "гахай", "гахайн",
};
static const struct det_word mn_year[] = {
    DW("жилтэй", FIT_WORD), DW("жил", FIT_WORD), DW("жилд", FIT_WORD), DW("жилийн", FIT_WORD),
};
static const struct det_word mn_born[] = {
    DW("төрс", FIT_PREFIX), DW("төрж", FIT_PREFIX), DW("төрөв", FIT_WORD),
};

/* The word of list[0..n) that starts at at: its end, or 0 (the longest). */
static size_t one_of(const char *s, size_t len, size_t at, const char *const *list, size_t n)
{
    size_t k, best = 0, m;

    for (k = 0; k < n; k++)
        if (det_starts(s, len, at, list[k]) && (m = strlen(list[k])) > best)
            best = m;
    return best ? at + best : 0;
}

static int han(int cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

static size_t korean(const char *s, size_t len, size_t at)
{
    size_t e;

    if (det_letter_before(s, at) || (e = one_of(s, len, at, ko_animals, N(ko_animals))) == 0 ||
        !det_starts(s, len, e, KO_TTI))
        return 0;
    return e + strlen(KO_TTI);
}

static size_t chinese(const char *s, size_t len, size_t at)
{
    size_t e, n;
    int cp;

    if (one_of(s, len, at, zh_shu, N(zh_shu)) == 0)
        return 0;
    cp = det_cp_before(s, at, &n);
    if (cp >= 0 && han(cp) && one_of(s, len, at - n, zh_before, N(zh_before)) != at)
        return 0;
    if ((e = one_of(s, len, at + 3, zh_animals, N(zh_animals))) == 0)
        return 0;
    cp = det_cp_at(s, len, e, &n);
    if (cp >= 0 && han(cp) && one_of(s, len, e, zh_after, N(zh_after)) == 0)
        return 0;
    return e;
}

/* An animal or a branch, 年, a birth word ("子年生まれ", "龙年出生"): the
 * end of 年, or 0. */
static size_t year_sign(const char *s, size_t len, size_t at)
{
    size_t e, n;
    int cp;

    if (!det_starts(s, len, at + 3, "年"))
        return 0;               /* every sign is one character: cheap first */
    cp = det_cp_before(s, at, &n);
    if (cp >= 0 && han(cp) && one_of(s, len, at - n, zh_before, N(zh_before)) != at)
        return 0;
    if ((e = one_of(s, len, at, branches, N(branches))) == 0 &&
        (e = one_of(s, len, at, zh_animals, N(zh_animals))) == 0)
        return 0;
    if (!det_starts(s, len, e, "年") || one_of(s, len, e + 3, born_after, N(born_after)) == 0)
        return 0;
    return e + 3;
}

static size_t mongolian(const char *s, size_t len, size_t at)
{
    size_t e, y, k;

    if (det_letter_before(s, at) || (e = one_of(s, len, at, mn_animals, N(mn_animals))) == 0 ||
        det_letter_at(s, len, e) || e + 1 >= len || s[e] != ' ')
        return 0;
    for (k = 0; k < N(mn_year); k++) {
        if (!det_word_at(s, len, e + 1, mn_year[k].w, mn_year[k].fit))
            continue;
        y = e + 1 + mn_year[k].n;
        if (k == 0 || det_word_near(s, len, y, y + 32 < len ? y + 32 : len, mn_born, N(mn_born)))
            return y;
        return 0;
    }
    return 0;
}

/* 1 if a sentence ends at s[i]: . ! ? a line break, 。！？ */
static int sentence_end(const char *s, size_t len, size_t i)
{
    return s[i] == '.' || s[i] == '!' || s[i] == '?' || s[i] == '\n' || det_starts(s, len, i, "。") ||
           det_starts(s, len, i, "！") || det_starts(s, len, i, "？");
}

/* 1 if an ASCII digit (a year, an age) stands in the sentence of
 * [a, b), within ZODIAC_NEAR bytes of it, or a birth word does
 * (detect_birth_near). */
#define ZODIAC_NEAR 48
static int year_near(const char *s, size_t len, size_t a, size_t b)
{
    size_t i;

    for (i = a; i > 0 && a - i < ZODIAC_NEAR && !sentence_end(s, len, i - 1); i--)
        if (det_digit(s[i - 1]))
            return 1;
    for (i = b; i < len && i - b < ZODIAC_NEAR && !sentence_end(s, len, i); i++)
        if (det_digit(s[i]))
            return 1;
    return detect_birth_near(s, len, a, b);
}

size_t detect_zodiac(const char *s, size_t len, size_t at)
{
    unsigned char c = (unsigned char)s[at];
    size_t e = 0;

    if (c >= 0xEA && c <= 0xED)
        e = korean(s, len, at);
    else if (c >= 0xE4 && c <= 0xE9 && (e = c == 0xE5 ? chinese(s, len, at) : 0) == 0)
        e = year_sign(s, len, at);
    else if (c == 0xD0 || c == 0xD1 || c == 0xD2 || c == 0xD3)
        e = mongolian(s, len, at);
    return e != 0 && year_near(s, len, at, e) ? e : 0;
}
