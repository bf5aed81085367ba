/* Places by grid reference (reported as kind "gps"):
 *   - UTM: a zone (1-60) and its latitude band (C-X without I and O), an
 *     easting of 6 digits and a northing of 7, apart by spaces ("48T 652441
 *     5310452", "48N 652441 5310452");
 *   - MGRS: a zone and band, the two letters of the 100 km square (without
 *     I and O) and an even number of digits, 6 to 10, together or halved
 *     by a space ("48TUT5244110452", "48T UT 52441 10452").
 * Geohashes and Plus Codes without their '+' are too like words and
 * codes: only after their label (detect_label.c). */
#include "privacy/detect.h"
#include "privacy/detect_int.h"

/* A zone and band at at: its end or 0. */
static size_t zone_band(const char *s, size_t len, size_t at)
{
    size_t n = det_digits(s, len, at);
    unsigned z;
    char b;

    if (n < 1 || n > 2 || at + n >= len)
        return 0;
    z = det_value(s + at, n);
    b = s[at + n];
    return z >= 1 && z <= 60 && b >= 'c' && b <= 'x' && b != 'i' && b != 'o' ? at + n + 1 : 0;
}

static int square_letter(char c) { return det_alpha(c) && c != 'i' && c != 'o'; }

static size_t utm(const char *s, size_t len, size_t i)
{
    if (i + 15 > len || s[i] != ' ' || det_digits(s, len, i + 1) != 6 || s[i + 7] != ' ' ||
        det_digits(s, len, i + 8) != 7)
        return 0;
    return det_ends_word(s, len, i + 15) ? i + 15 : 0;
}

static size_t mgrs(const char *s, size_t len, size_t i)
{
    size_t n, m;

    if (i < len && s[i] == ' ')
        i++;
    if (i + 2 > len || !square_letter(s[i]) || !square_letter(s[i + 1]))
        return 0;
    i += 2;
    if (i < len && s[i] == ' ')
        i++;
    n = det_digits(s, len, i);
    if (n >= 3 && n <= 5 && i + n + 1 < len && s[i + n] == ' ' && det_digits(s, len, i + n + 1) == n)
        return n >= 3 && det_ends_word(s, len, i + 2 * n + 1) ? i + 2 * n + 1 : 0;
    m = n / 2;
    return n % 2 == 0 && m >= 3 && m <= 5 && det_ends_word(s, len, i + n) ? i + n : 0;
}

size_t detect_scan_grid(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t i = zone_band(s, len, at), e;

    (void)start;
    *kind = DETECT_GPS;
    if (i == 0)
        return 0;
    if ((e = utm(s, len, i)) != 0)
        return e;
    return det_ends_word(s, len, i) || det_alpha(s[i]) || s[i] == ' ' ? mgrs(s, len, i) : 0;
}
