/* The value of an ID after its label (detect_label.c): letters and digits
 * of any script (Sino-Korean syllables too: detect_digits.c), in groups
 * joined by a separator.  Moved here from detect_label.c in session 53 (a
 * file past 1,000 lines); no rule changed.  Pure functions over the norm
 * view; no allocation. */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/detect_ms.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* A separator inside an ID value at s[i], followed by a digit: up to
 * three of " -._/" ("75.03.14.-1234567", "750314 - 1234567", "WP 2019 /
 * 004512": report-adv19b B-4), "№" (which
 * the norm view writes "no": "4503 № 123456"), "номер", or the spoken
 * dash 다시 ("칠오공삼일사 다시 일이삼사오육칠").  Its length, or 0. */
static size_t id_separator(const char *s, size_t len, size_t i)
{
    static const char *const words[] = {
        "no", "\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80",                  /* номер */
        "\xeb\x8b\xa4\xec\x8b\x9c",                                          /* 다시 */
    };
    size_t j = i, k, n;
    int v;

    while (j < len && j - i < 3 && s[j] != '\0' && strchr(" -._/", s[j]) != NULL)
        j++;
    for (k = 0; k < N(words); k++)
        if (det_starts(s, len, j, words[k])) {
            n = strlen(words[k]);
            j += n + (j + n < len && s[j + n] == ' ');
            break;
        }
    return j > i && det_digit_at(s, len, j, &v, 1) > 0 ? j - i : 0;
}

/* detect_int.h: a Hangul consonant glued before digits (ㄱ123456). */
int detect_series_jamo(const char *s, size_t len, size_t at)
{
    const unsigned char *u = (const unsigned char *)s + at;

    if (at + 3 >= len || !det_digit(s[at + 3]))
        return 0;
    return (u[0] == 0xE3 && ((u[1] == 0x84 && u[2] >= 0xB1) || (u[1] == 0x85 && u[2] <= 0x8E))) ||
           (u[0] == 0xE1 && u[1] == 0x84 && u[2] <= 0x92);
}

/* detect_int.h.  An ID value: letters and digits (any script's,
 * Sino-Korean syllables too: detect_digits.c), groups joined by a
 * separator (id_separator). */
size_t detect_id_value_digits(const char *s, size_t len, size_t at, size_t minchars, size_t mindigits)
{
    size_t i = at, end = 0, chars = 0, nd = 0, k, sep, last = 0, group;
    int v;

    if (detect_series_jamo(s, len, at))
        i += 3, chars++;

    for (;;) {
        group = nd;
        while (i < len && chars <= 20) {
            if ((k = det_digit_at(s, len, i, &v, 1)) > 0)
                nd++;
            else if (det_alnum(s[i]))
                k = 1;
            else
                break;
            last = i, chars++, i += k;
        }
        if (i == end || chars > 20)
            break;
        end = i;
        /* A group of letters alone is joined by one ' ', '-' or '/' only
         * ("ab 1234567", "JB/2019/004512", not "no. 745123456"); letters
         * between two separators of a number too ("2019/JB/004512",
         * "PLKS-JB-2019": detect_ms_letter_join). */
        if (((sep = id_separator(s, len, i)) == 0 && (sep = detect_ms_letter_join(s, len, i)) == 0) ||
            (nd == group && (sep != 1 || (s[i] != ' ' && s[i] != '-' && s[i] != '/'))))
            break;
        i += sep;
    }
    /* "...일이삼사오육칠이다": the last 이 is the copula. */
    if (end > at && det_letter_at(s, len, end) && det_starts(s, len, last, "\xec\x9d\xb4"))
        end = last, chars--, nd--;
    while (end > at && (s[end - 1] == ' ' || s[end - 1] == '/' || s[end - 1] == '-'))
        end--;                          /* "004512 이다": the space stays */
    return chars >= minchars && chars <= 20 && nd >= mindigits ? end : 0;
}
