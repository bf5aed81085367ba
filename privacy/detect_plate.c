/* Vehicle registration plates (issue 12, report-adv15 R-14): a plate
 * names its owner as surely as a phone number, so it is an ID
 * (DETECT_ID, category "id": docs/VARIANTS.md).
 *   - after a plate label, any code of one to four groups of letters
 *     (any script) and digits with a digit in it: "plate УНА 5678",
 *     "улсын дугаар 1234 УБА", "번호판 12가 3456", "номер машины А123ВС";
 *     the labels: English plate (number plate, licence/license plate,
 *     plate no./number), car/vehicle registration number; Mongolian
 *     улсын дугаар (state number, the plate's usual name), машины
 *     дугаар; Russian госномер, номер машины/автомобиля; Korean 번호판,
 *     차량번호, 차번호;
 *   - without a label, the national shapes: Mongolian four digits and
 *     three Cyrillic letters whose first two are a region's ("1234 УБА",
 *     "1234УБА": Ulaanbaatar's У-letters and the aimags' abbreviations,
 *     as the plates since 1997 write them); Korean two or three digits,
 *     one Hangul syllable of the plate series and four digits ("12가
 *     3456", "123가4567": the syllables of the Korean Vehicle
 *     Registration Rules, 가-마, 거-저, 고-조, 구-주, 아 바 사 자, 배, 하 허 호),
 *     and the same said in Sino-Korean numerals ("십이가 삼사오육",
 *     "일이가 삼천사백오십육": detect_kr_spoken_plate, report-adv19b B-25). */
#include <sodium.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

/* One word a plate label ends with. */
static const struct det_word plate_words[] = {
    DW("plate", FIT_WORD), DW("plates", FIT_WORD), DW("numberplate", FIT_WORD),
    DW("\xeb\xb2\x88\xed\x98\xb8\xed\x8c\x90", FIT_PREFIX),                       /* 번호판 */
    DW("\xec\xb0\xa8\xeb\x9f\x89\xeb\xb2\x88\xed\x98\xb8", FIT_PREFIX),           /* 차량번호 */
    DW("\xec\xb0\xa8\xeb\xb2\x88\xed\x98\xb8", FIT_PREFIX),                       /* 차번호 */
    DW("\xd0\xb3\xd0\xbe\xd1\x81\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80", FIT_PREFIX), /* госномер */
};

/* The number word of a two-word label, and the word before it that makes
 * it a plate's: "plate number", "улсын дугаар", "машины дугаар". */
static const struct det_word number_words[] = {
    DW("number", FIT_WORD), DW("no", FIT_WORD), DW("registration", FIT_WORD),
    DW("\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80", FIT_PREFIX),          /* дугаар(тай, ын) */
    DW("\xeb\xb2\x88\xed\x98\xb8", FIT_PREFIX),                                   /* 번호 */
};
static const struct det_word owner_words[] = {
    DW("plate", FIT_WORD), DW("car", FIT_WORD), DW("vehicle", FIT_WORD), DW("licence", FIT_WORD),
    DW("license", FIT_WORD), DW("registration", FIT_WORD),
    DW("\xd1\x83\xd0\xbb\xd1\x81\xd1\x8b\xd0\xbd", FIT_WORD),                    /* улсын */
    DW("\xd0\xbc\xd0\xb0\xd1\x88\xd0\xb8\xd0\xbd", FIT_PREFIX),                  /* машин(ы, ий) */
    DW("\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe", FIT_PREFIX),                          /* авто(машины) */
    DW("\xec\xb0\xa8\xeb\x9f\x89", FIT_WORD),                                     /* 차량 */
};
/* Russian "номер машины": the owner after the number word. */
static const struct det_word ru_number[] = {
    DW("\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80", FIT_WORD),                    /* номер */
};
static const struct det_word ru_owner[] = {
    DW("\xd0\xbc\xd0\xb0\xd1\x88\xd0\xb8\xd0\xbd\xd1\x8b", FIT_WORD),            /* машины */
    DW("\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd0\xbc\xd0\xbe\xd0\xb1\xd0\xb8\xd0\xbb\xd1\x8f", FIT_WORD), /* автомобиля */
};

/* Short words that end a code after its digits ("plate 1234 and"). */
static const struct det_word stop_words[] = {
    DW("and", FIT_WORD), DW("or", FIT_WORD), DW("the", FIT_WORD), DW("in", FIT_WORD),
    DW("on", FIT_WORD), DW("at", FIT_WORD), DW("was", FIT_WORD), DW("is", FIT_WORD),
    DW("to", FIT_WORD), DW("of", FIT_WORD), DW("by", FIT_WORD), DW("it", FIT_WORD),
    DW("\xd0\xb1\xd0\xb0", FIT_WORD), DW("\xd0\xb8", FIT_WORD), DW("\xd0\xb2", FIT_WORD),   /* ба и в */
    DW("\xd0\xbd\xd1\x8c", FIT_WORD), DW("\xd0\xb1\xd0\xbe\xd0\xbb", FIT_WORD),            /* нь бол */
};

/* The first two letters of a Mongolian plate's three: Ulaanbaatar's
 * (УБ, УН, УА, УК, УЕ, УЗ, УИ) and the aimags' abbreviations. */
static const char *const mn_regions[] = {
    "уб", "ун", "уа", "ук", "уе", "уз", "уи", "ар", "бө", "бх", "бу", "га", "гс", "да",
    "дг", "до", "ду", "за", "ор", "өв", "өм", "сб", "сэ", "тө", "ув", "хо", "хө", "хэ",
};

/* The Hangul syllables of a Korean plate's series. */
static const char *const kr_series[] = {
    "가", "나", "다", "라", "마", "거", "너", "더", "러", "머", "버", "서", "어", "저",
    "고", "노", "도", "로", "모", "보", "소", "오", "조", "구", "누", "두", "루", "무",
    "부", "수", "우", "주", "아", "바", "사", "자", "배", "하", "허", "호",
};

/* A group of a code at i: letters of any script and digits; its end (at
 * most 8 characters), its digits in *nd, its letters in *nl. */
static size_t group(const char *s, size_t len, size_t i, size_t *nd, size_t *nl)
{
    size_t n, chars = 0;
    int cp;

    *nd = *nl = 0;
    while (i < len && chars <= 8 && (cp = det_cp_at(s, len, i, &n)) >= 0 && is_word_cp(cp)) {
        if (cp >= '0' && cp <= '9')
            (*nd)++;
        else
            (*nl)++;
        i += n, chars++;
    }
    return chars <= 8 ? i : 0;
}

/* The start of the word ending before at, skipping spaces and a colon,
 * '#' or '.' ("plate no.: "); at if there is none. */
static size_t word_before(const char *s, size_t at, size_t *wend)
{
    size_t i = at, n;

    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == ':' || s[i - 1] == '#' || s[i - 1] == '.'))
        i--;
    *wend = i;
    while (i > 0 && is_word_cp(det_cp_before(s, i, &n)))
        i -= n;
    return i;
}

/* 1 if a plate label ends before at. */
static int label_before(const char *s, size_t at)
{
    size_t we, a = word_before(s, at, &we), pe, pa;

    if (a == we)
        return 0;
    if (det_in_list(plate_words, N(plate_words), s + a, we - a))
        return 1;
    pa = word_before(s, a, &pe);
    if (pa == pe)
        return 0;
    return (det_in_list(number_words, N(number_words), s + a, we - a) &&
            det_in_list(owner_words, N(owner_words), s + pa, pe - pa)) ||
           (det_in_list(ru_owner, N(ru_owner), s + a, we - a) &&
            det_in_list(ru_number, N(ru_number), s + pa, pe - pa));
}

int detect_plate_label(const char *s, size_t at)
{
    return label_before(s, at);
}

/* The end of a code after a label from at (a group start): up to three
 * groups joined by one space or '-' (four: "KA 05 MN 2345"), a digit among them; a group of
 * letters alone of at most three after the digits, not a stop word. */
static size_t labelled_code(const char *s, size_t len, size_t at)
{
    size_t i = at, e, nd, nl, digits = 0, groups = 0, end = 0;

    while (groups < 4 && (e = group(s, len, i, &nd, &nl)) > i) {
        if (nd == 0 && (groups > 0 && (nl > 3 || digits == 0)))
            break;
        if (nd == 0 && det_in_list(stop_words, N(stop_words), s + i, e - i))
            break;
        digits += nd, groups++, end = e;
        if (e + 1 >= len || (s[e] != ' ' && s[e] != '-'))
            break;
        i = e + 1;
    }
    return digits > 0 && end - at >= 3 ? end : 0;
}

static int in_table(const char *const *tab, size_t n, const char *s, size_t len, size_t at, size_t k)
{
    for (size_t j = 0; j < n; j++)
        if (at + k <= len && strlen(tab[j]) == k && memcmp(s + at, tab[j], k) == 0)
            return 1;
    return 0;
}

/* Mongolian "1234 УБА", "1234УБА" at at (four digits). */
static size_t mn_plate(const char *s, size_t len, size_t at)
{
    size_t i = at + 4, n, k, a;
    int cp;

    if (det_digits(s, len, at) != 4 || det_letter_before(s, at))
        return 0;
    i += i < len && s[i] == ' ';
    a = i;
    for (k = 0; k < 3; k++, i += n)
        if ((cp = det_cp_at(s, len, i, &n)) < 0 || !is_cyrillic_cp(cp))
            return 0;
    if (det_letter_at(s, len, i))
        return 0;
    /* the region: two letters of two bytes each */
    for (k = 0; k < N(mn_regions); k++)
        if (det_starts(s, len, a, mn_regions[k]))
            return i;
    return 0;
}

/* Korean "12가 3456", "123가4567" at at. */
static size_t kr_plate(const char *s, size_t len, size_t at)
{
    size_t n = det_digits(s, len, at), i;

    if ((n != 2 && n != 3) || det_letter_before(s, at))
        return 0;
    i = at + n;
    if (!in_table(kr_series, N(kr_series), s, len, i, 3))
        return 0;
    i += 3;
    i += i < len && s[i] == ' ';
    return det_digits(s, len, i) == 4 && !det_letter_at(s, len, i + 4) ? i + 4 : 0;
}

/* 1 if the Hangul at i is the copula or a particle that may follow a
 * number ("삼천사백오십육이었다", "삼사오육였다", "...육은"); after the
 * copula's 이, at i the syllable after it when after_i (었 다 에 야 고
 * 며 라 니: "이었다", "이다", "이에요"). */
static int kr_after_number(const char *s, size_t len, size_t i, int after_i)
{
    static const char *const after[] = { "\xec\x97\x88", "\xeb\x8b\xa4", "\xec\x97\x90", "\xec\x95\xbc", "\xea\xb3\xa0",
                                         "\xeb\xa9\xb0", "\xeb\x9d\xbc", "\xeb\x8b\x88" };
    static const char *const alone[] = { "\xec\x98\x80", "\xec\x98\x88", "\xec\x9d\x80", "\xeb\x8a\x94", "\xec\x9d\x84",
                                         "\xeb\xa5\xbc", "\xeb\xa1\x9c", "\xec\x99\x80", "\xea\xb3\xbc", "\xeb\x8f\x84",
                                         "\xec\x9d\x98", "\xec\x97\x90", "\xec\x95\xbc", "\xec\x9e\x85" };
    const char *const *list = after_i ? after : alone;
    size_t n = after_i ? N(after) : N(alone), k;

    for (k = 0; k < n; k++)
        if (det_starts(s, len, i, list[k]))
            return 1;
    return 0;
}

/* The end of a plate's four digits at i: ASCII digits or Sino-Korean
 * syllables, digit by digit ("삼사오육") or with units ("삼천사백오십육"),
 * maybe with the copula or a particle glued after ("삼천사백오십육이었다":
 * its 이 is the copula, not a digit 2; brief s21 addr21); 0 if none. */
static size_t kr_four(const char *s, size_t len, size_t i)
{
    size_t e, nd;
    unsigned v;

    if (det_digits(s, len, i) == 4)
        return det_letter_at(s, len, i + 4) && !kr_after_number(s, len, i + 4, 0) &&
               !(det_starts(s, len, i + 4, "\xec\x9d\xb4") && kr_after_number(s, len, i + 7, 1)) ? 0 : i + 4;
    v = det_numeral(s, len, i, &e, &nd);
    if (e <= i)
        return 0;
    if ((nd == 4 || (v >= 1000 && v <= 9999)) &&
        (!det_letter_at(s, len, e) || kr_after_number(s, len, e, 0) ||
         (det_starts(s, len, e, "\xec\x9d\xb4") && kr_after_number(s, len, e + 3, 1))))
        return e;
    /* 이 read as a digit 2 is the copula when 었 다 ... follow it. */
    if (e - i > 3 && det_starts(s, len, e - 3, "\xec\x9d\xb4") && kr_after_number(s, len, e, 1)) {
        v = det_numeral(s, e - 3, i, &e, &nd);
        if (e > i && (nd == 4 || (v >= 1000 && v <= 9999)))
            return e;
    }
    return 0;
}

size_t detect_kr_spoken_plate(const char *s, size_t len, size_t at)
{
    size_t e, nd, i;
    unsigned v;

    if (det_letter_before(s, at) || !det_numeral_start(s, len, at))
        return 0;
    v = det_numeral(s, len, at, &e, &nd);
    /* The series glued, or alone between spaces ("사십오 허 일이삼사"). */
    if (e < len && s[e] == ' ' && e + 4 < len && s[e + 4] == ' ')
        e++;
    if (e == at || v < 10 || v > 999 || !in_table(kr_series, N(kr_series), s, len, e, 3))
        return 0;
    i = e + 3;
    i += i < len && s[i] == ' ';
    return kr_four(s, len, i);
}

/* The series of a Korean plate in the Revised Romanization (kr_series
 * said in Latin letters: "twelve ga three four five six"). */
static const struct det_word kr_series_latin[] = {
    DW("ga", FIT_WORD), DW("na", FIT_WORD), DW("da", FIT_WORD), DW("ra", FIT_WORD), DW("ma", FIT_WORD),
    DW("geo", FIT_WORD), DW("neo", FIT_WORD), DW("deo", FIT_WORD), DW("reo", FIT_WORD), DW("meo", FIT_WORD),
    DW("beo", FIT_WORD), DW("seo", FIT_WORD), DW("eo", FIT_WORD), DW("jeo", FIT_WORD), DW("go", FIT_WORD),
    DW("no", FIT_WORD), DW("do", FIT_WORD), DW("ro", FIT_WORD), DW("mo", FIT_WORD), DW("bo", FIT_WORD),
    DW("so", FIT_WORD), DW("o", FIT_WORD), DW("jo", FIT_WORD), DW("gu", FIT_WORD), DW("nu", FIT_WORD),
    DW("du", FIT_WORD), DW("ru", FIT_WORD), DW("mu", FIT_WORD), DW("bu", FIT_WORD), DW("su", FIT_WORD),
    DW("u", FIT_WORD), DW("ju", FIT_WORD), DW("a", FIT_WORD), DW("ba", FIT_WORD), DW("sa", FIT_WORD),
    DW("ja", FIT_WORD), DW("bae", FIT_WORD), DW("ha", FIT_WORD), DW("heo", FIT_WORD), DW("ho", FIT_WORD),
};

/* A part of n1 to n2 digits at i, written, in Sino-Korean numerals or
 * in number words ("12", "십이", "twelve", "삼사오육", "three four five
 * six"); its end, or 0. */
static size_t said_digits(const char *s, size_t len, size_t i, size_t n1, size_t n2)
{
    char d[8];
    size_t e, n = det_digits(s, len, i);
    unsigned v;

    if (n > 0)
        return n >= n1 && n <= n2 && det_ends_word(s, len, i + n) ? i + n : 0;
    if (n1 == 4 && (e = kr_four(s, len, i)) != 0)
        return e;
    if (det_numeral_start(s, len, i)) {
        v = det_numeral(s, len, i, &e, &n);
        return e > i && v >= 10 && v <= 999 && n2 < 4 ? e : 0;
    }
    e = detect_spoken_reading(s, len, i, d, sizeof d, &n);
    sodium_memzero(d, sizeof d);
    return e > i && n >= n1 && n <= n2 ? e : 0;
}

/* A Korean plate after a label with its parts spaced or said ("차량번호 12
 * 가 삼사오육", "Plate: twelve ga three four five six": brief s22
 * num22, report-adv21 A-15): two or three digits, the series (Hangul or
 * romanised) between spaces, four digits; its end, or 0. */
static size_t kr_plate_said(const char *s, size_t len, size_t at)
{
    size_t i, b;

    if ((i = said_digits(s, len, at, 2, 3)) == 0 || i + 1 >= len || s[i] != ' ')
        return 0;
    i++;
    if (in_table(kr_series, N(kr_series), s, len, i, 3))
        i += 3;
    else {
        for (b = i; b < len && det_alpha(s[b]); b++)
            ;
        if (b == i || !det_in_list(kr_series_latin, N(kr_series_latin), s + i, b - i))
            return 0;
        i = b;
    }
    if (i + 1 >= len || s[i] != ' ')
        return 0;
    return said_digits(s, len, i + 1, 4, 4);
}

size_t detect_scan_plate(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t e, ls = at, pe, pa, nd, nl;

    (void)kind;
    /* The national shapes of detect_plate2.c, without a label. */
    if ((e = detect_plate_shapes(s, len, at, &ls)) != 0)
        return *start = ls, e;
    if (det_letter_before(s, at))
        return 0;
    if (label_before(s, at) && (e = kr_plate_said(s, len, at)) != 0)
        return e;
    if (!det_digit(s[at])) {
        /* A code that starts with letters glued to its digits ("AB12
         * CDE", "А123ВС 77"): after a label only. */
        e = group(s, len, at, &nd, &nl);
        if (e == 0 || nd == 0 || nl == 0 || !label_before(s, at))
            return 0;
    } else if ((e = mn_plate(s, len, at)) != 0 || (e = kr_plate(s, len, at)) != 0) {
        return e;
    } else {
        /* The code may start with letters before these digits ("УНА 5678"). */
        pa = word_before(s, at, &pe);
        if (pa < pe && pe + 1 == at && (s[pe] == ' ' || s[pe] == '-') &&
            group(s, len, pa, &nd, &nl) == pe && nd == 0 && nl <= 3 &&
            !det_in_list(stop_words, N(stop_words), s + pa, pe - pa) && label_before(s, pa))
            ls = pa;
        else if (!label_before(s, at))
            return 0;
    }
    if ((e = labelled_code(s, len, ls)) <= at)
        return 0;
    *start = ls;
    return e;
}
