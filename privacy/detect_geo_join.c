/* The word "and" between the two numbers of a position (report-adv27a
 * G-4: "47.918 and 106.917", "47.918 ба 106.917"): detect_geo.c reads
 * the pair across it as across a comma, with the same tests (three
 * decimals on both, latitude within 90, longitude within 180).
 *
 * The words, hand-written, want a native reviewer: English and; Russian
 * и; Ukrainian і, й, та; Mongolian ба, болон; Malay and Indonesian dan,
 * serta; Korean 과, 와, 및 (glued to the number or not); Chinese 和, 与,
 * 與, 及; Japanese と; German und; French et; Spanish y; Vietnamese và.
 * In the norm view (lower case, marks stripped: "và" is "va"). */
#include "privacy/detect_int.h"

static const char *const joins[] = {
    "and", "и", "і", "й", "та", "ба", "болон", "dan", "serta", "과", "와", "및", "和", "与", "與",
    "及", "と", "und", "et", "y", "va",
};

size_t detect_geo_join(const char *s, size_t len, size_t i)
{
    size_t a = i, n;

    if (a < len && s[a] == ' ')
        a++;
    for (size_t k = 0; k < sizeof joins / sizeof joins[0]; k++) {
        n = strlen(joins[k]);
        /* A Latin or Cyrillic word stands between spaces; a CJK one may
         * be glued to the numbers. */
        if (!det_starts(s, len, a, joins[k]))
            continue;
        if ((unsigned char)joins[k][0] >= 0xE0) {
            size_t e = a + n < len && s[a + n] == ' ' ? a + n + 1 : a + n;
            if (e < len && det_digit(s[e]))
                return e;
        } else if (a > i && a + n + 1 < len && s[a + n] == ' ' && det_digit(s[a + n + 1])) {
            return a + n + 1;
        } else if (a > i && a + n + 1 < len && s[a + n] == ' ' && !det_letter_at(s, len, a + n) &&
                   det_alpha(s[a + n + 1])) {
            return a + n;       /* "and long 106.917": the axis label after it */
        }
    }
    return 0;
}
