/* Positions as GPS receivers and trackers print them (report-adv17a D-9):
 *   - degrees and decimal minutes run together, NMEA 0183's fields:
 *     latitude DDMM.m and longitude DDDMM.m, each with its hemisphere
 *     letter glued, after a space or after a comma ("4755.20N 10655.05E",
 *     "4807.038,N,01131.000,E"); minutes under 60, latitude within 90 and
 *     longitude within 180 degrees;
 *   - an NMEA sentence: its talker and type ("$GPGGA", "$GNRMC", "$GPGLL",
 *     "$GNGNS") and, within its first fields, such a pair.  The walk
 *     (detect.c) never starts inside a comma-separated number, so the
 *     sentence is read from its name.
 * Reported as kind "gps"; the span is the pair, not the whole sentence. */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

/* DDMM.m (width 4) or DDDMM.m (5) at i, then its hemisphere glued, after
 * a space or a comma ("4755.20n", "4807.038,n"): its end, or 0. */
static size_t field(const char *s, size_t len, size_t i, size_t width, const char *hemis)
{
    size_t n = det_digits(s, len, i), j;
    unsigned deg, min;

    if (n != width)
        return 0;
    deg = det_value(s + i, width - 2);
    min = det_value(s + i + width - 2, 2);
    if (min >= 60 || deg > (width == 4 ? 90u : 180u))
        return 0;
    j = i + n;
    if (j + 1 < len && s[j] == '.' && det_digit(s[j + 1]))
        j += 1 + det_digits(s, len, j + 1);
    if (j < len && (s[j] == ' ' || s[j] == ','))
        j++;
    if (j >= len || s[j] == '\0' || strchr(hemis, s[j]) == NULL || !det_ends_word(s, len, j + 1))
        return 0;
    return j + 1;
}

/* A latitude and a longitude field at i: the end, or 0. */
static size_t pair(const char *s, size_t len, size_t i)
{
    size_t e = field(s, len, i, 4, "ns");

    if (e == 0 || e + 1 >= len || (s[e] != ' ' && s[e] != ','))
        return 0;
    return field(s, len, e + 1, 5, "ew");
}

/* An NMEA sentence's name at at (after '$' or '!'): its end, or 0. */
static size_t sentence_name(const char *s, size_t len, size_t at)
{
    static const char *const talkers[] = { "gp", "gn", "gl", "ga", "gb", "bd", "qz" };
    static const char *const types[] = { "gga", "rmc", "gll", "gns" };
    size_t k, m;

    if (at == 0 || (s[at - 1] != '$' && s[at - 1] != '!') || at + 6 > len || s[at + 5] != ',')
        return 0;
    for (k = 0; k < sizeof talkers / sizeof talkers[0]; k++)
        if (memcmp(s + at, talkers[k], 2) == 0)
            for (m = 0; m < sizeof types / sizeof types[0]; m++)
                if (memcmp(s + at + 2, types[m], 3) == 0)
                    return at + 6;
    return 0;
}

int detect_nmea_name(const char *s, size_t len, size_t at)
{
    return sentence_name(s, len, at) != 0;
}

size_t detect_nmea(const char *s, size_t len, size_t at, size_t *start)
{
    size_t i, e, k;

    if (det_digit(s[at]))
        return (e = pair(s, len, at)) != 0 ? (*start = at, e) : 0;
    if ((i = sentence_name(s, len, at)) == 0)
        return 0;
    /* The pair is within the first fields (time, status). */
    for (k = 0; k < 4 && i < len; k++) {
        if ((e = pair(s, len, i)) != 0)
            return *start = i, e;
        while (i < len && s[i] != ',' && s[i] != ' ' && s[i] != '\n')
            i++;
        if (i >= len || s[i] != ',')
            return 0;
        i++;
    }
    return 0;
}
