/* Places by grid reference (reported as kind "gps"):
 *   - UTM: a zone (1-60) and its latitude band (C-X without I and O), an
 *     easting of 6 digits (or 7 with a leading zero) and a northing of 7,
 *     apart by spaces or ", ", with their axis letters and "m" as GPS
 *     units print them ("48T 652441 5310452", "48N 652441 5310452",
 *     "48T 0512345 5307654", "48T 512345E 5307654N", "48T E 601234 N
 *     5312345", "zone 48T, 512345 m E, 5307654 m N", "48 T 512345 5307654");
 *   - MGRS: a zone and band, the two letters of the 100 km square (without
 *     I and O) and an even number of digits, 6 to 10, together or halved
 *     by a space ("48TUT5244110452", "48T UT 52441 10452").
 * Geohashes and Plus Codes without their '+' are too like words and
 * codes: only after their label (detect_label.c). */
#include "privacy/detect.h"
#include "privacy/detect_int.h"

static int band_letter(char b) { return b >= 'c' && b <= 'x' && b != 'i' && b != 'o'; }

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
    return z >= 1 && z <= 60 && band_letter(b) ? at + n + 1 : 0;
}

static int square_letter(char c) { return det_alpha(c) && c != 'i' && c != 'o'; }

/* One UTM coordinate after i, as GPS units and people print it: a
 * separator (", " or " "), then the axis letter a ('e' easting, 'n'
 * northing) before ("E 601234") or after it ("512345E", "512345 m E",
 * "512345 m") or none; an easting of 6 digits (7 with a leading zero,
 * "0512345"), a northing of 7.  Its end, or 0 (report-adv17a D-35). */
static size_t utm_axis(const char *s, size_t len, size_t i, char a)
{
    size_t n, j = i;
    int before = 0;

    j += j < len && s[j] == ',';
    j += j < len && s[j] == ' ';
    if (j == i || j >= len)
        return 0;
    if (s[j] == a && j + 1 < len && (det_digit(s[j + 1]) || (s[j + 1] == ' ' && j + 2 < len && det_digit(s[j + 2]))))
        j += 1 + (size_t)(s[j + 1] == ' '), before = 1;
    n = det_digits(s, len, j);
    if (a == 'e' ? !(n == 6 || (n == 7 && s[j] == '0')) : n != 7)
        return 0;
    j += n;
    if (!before) {
        if (det_starts(s, len, j, " m") && det_ends_word(s, len, j + 2))
            j += 2;
        if (j + 1 < len && s[j] == ' ' && s[j + 1] == a && det_ends_word(s, len, j + 2))
            j += 2;
        else if (j < len && s[j] == a && det_ends_word(s, len, j + 1))
            j++;
    }
    return det_ends_word(s, len, j) ? j : 0;
}

static size_t utm(const char *s, size_t len, size_t i)
{
    size_t e = utm_axis(s, len, i, 'e');

    return e != 0 ? utm_axis(s, len, e, 'n') : 0;
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
    /* "48 T 512345 5307654": a space inside the zone, UTM only. */
    if (i == 0 && (e = det_digits(s, len, at)) >= 1 && e <= 2 && at + e + 2 < len && s[at + e] == ' ' &&
        band_letter(s[at + e + 1]) && !det_alnum(s[at + e + 2]) && det_value(s + at, e) >= 1 &&
        det_value(s + at, e) <= 60)
        return utm(s, len, at + e + 2);
    if (i == 0)
        return 0;
    if ((e = utm(s, len, i)) != 0)
        return e;
    return det_ends_word(s, len, i) || det_alpha(s[i]) || s[i] == ' ' ? mgrs(s, len, i) : 0;
}
