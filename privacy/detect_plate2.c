/* Vehicle plates in the shapes detect_plate.c's did not read
 * (report-adv17a D-12), without a label:
 *   - Korean (Korean Vehicle Registration Rules, as detect_plate.c): the
 *     series syllable spaced from its digits ("12 가 3456", "12 가3456",
 *     "12가 34 56"), a particle glued after it ("12가3456이다"), the
 *     older plates' region before it ("서울12가3456", "경기 12가 3456");
 *   - Mongolian: the digits in two pairs or joined by '-' to the letters
 *     ("12-34 УБА", "1234-УНА"), the letters first ("УНА 1234"), and the
 *     Latin transliteration of Ulaanbaatar's letters ("1234 UNA");
 *   - Chinese (GA 36-2018): a province's character, a letter, then five
 *     letters and digits (six on new-energy plates) holding three digits,
 *     maybe after '·' or a space ("京A12345", "蒙A·12345");
 *   - Russian: detect_plate_ru.c (every spacing, read after the walk);
 *   - Kazakh (since 2012): three digits, three Latin letters and a region
 *     01-20 ("123 ABC 02"), after a vehicle word (vehicle_words);
 *   - Japanese (Road Transport Vehicle Act): a class of one to three
 *     digits, one hiragana and the number "12-34" ("300 さ 12-34").
 * Kind id.  Offsets are bytes of the norm view (detect_int.h). */
#include <stdint.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

static const char *const kr_regions[] = {
    "서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원",
    "충북", "충남", "전북", "전남", "경북", "경남", "제주",
};

static const char *const kr_series[] = {
    "가", "나", "다", "라", "마", "거", "너", "더", "러", "머", "버", "서", "어", "저",
    "고", "노", "도", "로", "모", "보", "소", "오", "조", "구", "누", "두", "루", "무",
    "부", "수", "우", "주", "아", "바", "사", "자", "배", "하", "허", "호",
};

/* Ulaanbaatar's first two letters in Latin (detect_plate.c mn_regions). */
static const char *const mn_latin[] = { "ub", "un", "ua", "uk", "ue", "uz", "ui" };
static const char *const mn_regions[] = {
    "уб", "ун", "уа", "ук", "уе", "уз", "уи", "ар", "бө", "бх", "бу", "га", "гс", "да",
    "дг", "до", "ду", "за", "ор", "өв", "өм", "сб", "сэ", "тө", "ув", "хо", "хө", "хэ",
};

/* Chinese provinces' one-character abbreviations (GA 36-2018). */
static const char *const cn_provinces[] = {
    "京", "津", "沪", "渝", "冀", "豫", "云", "辽", "黑", "湘", "皖", "鲁", "新", "苏", "浙", "赣",
    "鄂", "桂", "甘", "晋", "蒙", "陕", "吉", "闽", "贵", "粤", "青", "藏", "川", "宁", "琼",
};

/* The length of an entry of tab at s[at], or 0. */
static size_t one_of(const char *const *tab, size_t n, const char *s, size_t len, size_t at)
{
    for (size_t k = 0; k < n; k++)
        if (det_starts(s, len, at, tab[k]))
            return strlen(tab[k]);
    return 0;
}

/* 1 if no letter or digit of any script, nor an ASCII one, is at at. */
static int open_end(const char *s, size_t len, size_t at)
{
    return !det_letter_at(s, len, at) && det_ends_word(s, len, at);
}

/* A space at at: its length (0 or 1). */
static size_t sp(const char *s, size_t len, size_t at)
{
    return at < len && s[at] == ' ';
}

/* Korean: [region] 2-3 digits [ ] syllable [ ] 4 digits (or "34 56"),
 * anything but a digit or an ASCII letter after (a particle). */
static size_t kr(const char *s, size_t len, size_t at, size_t *start)
{
    size_t n = det_digits(s, len, at), i, k, r = SIZE_MAX;

    if (n != 2 && n != 3)
        return 0;
    /* the region before: glued or spaced, itself after a non-letter */
    for (k = 0; k < N(kr_regions); k++) {
        size_t m = strlen(kr_regions[k]), b = at > 0 && s[at - 1] == ' ' ? at - 1 : at;
        if (b >= m && memcmp(s + b - m, kr_regions[k], m) == 0 && !det_letter_before(s, b - m)) {
            r = b - m;
            break;
        }
    }
    if (r == SIZE_MAX && det_letter_before(s, at))
        return 0;
    i = at + n;
    i += sp(s, len, i);
    if (one_of(kr_series, N(kr_series), s, len, i) != 3)
        return 0;
    i += 3;
    i += sp(s, len, i);
    if (det_digits(s, len, i) == 4)
        i += 4;
    else if (det_digits(s, len, i) == 2 && sp(s, len, i + 2) && det_digits(s, len, i + 3) == 2)
        i += 5;
    else
        return 0;
    if (i < len && (det_digit(s[i]) || det_alpha(s[i])))
        return 0;
    if (r != SIZE_MAX)
        *start = r;
    return i;
}

/* Three Mongolian plate letters at i (Cyrillic with a region, or Latin
 * with Ulaanbaatar's): their end, or 0. */
static size_t mn_letters(const char *s, size_t len, size_t i)
{
    size_t k, n, e = i;
    int cp;

    if (i + 3 <= len && det_alpha(s[i]) && det_alpha(s[i + 1]) && det_alpha(s[i + 2]) &&
        one_of(mn_latin, N(mn_latin), s, len, i) != 0)
        return i + 3;
    for (k = 0; k < 3; k++, e += n)
        if ((cp = det_cp_at(s, len, e, &n)) < 0 || !is_cyrillic_cp(cp))
            return 0;
    return one_of(mn_regions, N(mn_regions), s, len, i) != 0 ? e : 0;
}

/* Mongolian: "1234-УНА", "12-34 УБА", "12 34 УБА", "1234 una"; or the
 * letters first, "УНА 1234" (*start moved back to them). */
static size_t mn(const char *s, size_t len, size_t at, size_t *start)
{
    size_t i = at, e, b, cl;

    if (det_letter_before(s, at) && !(at >= 1 && s[at - 1] == ' '))
        return 0;
    if (det_digits(s, len, at) == 4)
        i = at + 4;
    else if (det_digits(s, len, at) == 2 && (s[at + 2] == '-' || s[at + 2] == ' ') && det_digits(s, len, at + 3) == 2)
        i = at + 5;
    else
        return 0;
    if (!open_end(s, len, i) && !(i < len && (s[i] == ' ' || s[i] == '-')))
        return 0;
    if (i < len && (s[i] == ' ' || s[i] == '-') && (e = mn_letters(s, len, i + 1)) != 0 && open_end(s, len, e))
        return e;
    /* the letters first */
    if (i - at == 4 && open_end(s, len, i) && at >= 7 && s[at - 1] == ' ') {
        b = at - 1;
        for (int k = 0; k < 3 && b > 0; k++)
            det_cp_before(s, b, &cl), b -= cl;
        if (mn_letters(s, len, b) == at - 1 && !det_letter_before(s, b)) {
            *start = b;
            return i;
        }
    }
    return 0;
}

/* Chinese: at the letter after a province's character. */
static size_t cn(const char *s, size_t len, size_t at, size_t *start)
{
    size_t i = at + 1, n = 0, d = 0, p;

    if (!det_alpha(s[at]) || at < 3 || one_of(cn_provinces, N(cn_provinces), s, len, at - 3) != 3)
        return 0;
    p = at - 3;
    if (det_starts(s, len, i, "\xc2\xb7"))
        i += 2;
    else if (i < len && (s[i] == ' ' || s[i] == '-' || s[i] == '.'))
        i++;
    while (i + n < len && det_alnum(s[i + n]) && n < 7)
        d += det_digit(s[i + n]) != 0, n++;
    if ((n != 5 && n != 6) || d < 3 || (i + n < len && det_alnum(s[i + n])))
        return 0;
    *start = p;
    return i + n;
}

/* Words of a vehicle that make "123 abc 02" a plate (three digits, three
 * letters and two digits are also "123 new 20" in prose). */
static const struct det_word vehicle_words[] = {
    DW("car", FIT_PREFIX), DW("drove", FIT_WORD), DW("drive", FIT_PREFIX), DW("plate", FIT_PREFIX),
    DW("truck", FIT_PREFIX), DW("van", FIT_WORD), DW("taxi", FIT_WORD), DW("vehicle", FIT_PREFIX),
    DW("\xd0\xbc\xd0\xb0\xd1\x88\xd0\xb8\xd0\xbd", FIT_PREFIX),                  /* машин */
    DW("\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe", FIT_PREFIX),                          /* авто */
    DW("\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80", FIT_PREFIX),                  /* номер */
};
#define VEHICLE_BACK 64

/* Kazakh "123 abc 02" (after a vehicle word) and Japanese "300 さ 12-34". */
static size_t kz_jp(const char *s, size_t len, size_t at)
{
    size_t n = det_digits(s, len, at), i = at + n, cl;
    int cp;

    if (n == 0 || n > 3 || det_letter_before(s, at))
        return 0;
    i += sp(s, len, i);
    if (n == 3 && i + 3 < len && det_alpha(s[i]) && det_alpha(s[i + 1]) && det_alpha(s[i + 2]) && s[i + 3] == ' ' &&
        det_digits(s, len, i + 4) == 2) {
        unsigned r = det_value(s + i + 4, 2);
        return r >= 1 && r <= 20 && open_end(s, len, i + 6) &&
               det_word_near(s, len, at > VEHICLE_BACK ? at - VEHICLE_BACK : 0, at, vehicle_words, N(vehicle_words)) ? i + 6 : 0;
    }
    cp = det_cp_at(s, len, i, &cl);
    if (cp < 0x3041 || cp > 0x3096)
        return 0;
    i += cl;
    i += sp(s, len, i);
    n = det_digits(s, len, i);
    if ((n != 1 && n != 2) || s[i + n] != '-' || det_digits(s, len, i + n + 1) != 2)
        return 0;
    return open_end(s, len, i + n + 3) ? i + n + 3 : 0;
}

size_t detect_plate_shapes(const char *s, size_t len, size_t at, size_t *start)
{
    size_t e;

    if (det_alpha(s[at]))
        return cn(s, len, at, start);
    if (!det_digit(s[at]))
        return 0;
    if ((e = kr(s, len, at, start)) != 0 || (e = mn(s, len, at, start)) != 0)
        return e;
    return kz_jp(s, len, at);
}
