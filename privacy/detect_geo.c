/* Places by coordinates:
 *   - pairs of coordinates: degrees, minutes, seconds with °, ′ ″ or
 *     ASCII ' " (the norm view writes ′ as ' and ″ as ''), hemisphere
 *     letters before or after ("N47°55′12″ E106°55′03″",
 *     "47°55'12\"N 106°55'3\"E"); decimal degrees with a hemisphere or
 *     ° on both, or with three decimals or more on both ("47.918,
 *     106.917": three decimals is 100 m), latitude within 90 and
 *     longitude within 180 degrees;
 *   - Open Location Codes (Plus Codes): 8 code characters, '+' and 2-3
 *     more ("8Q9JXV00+" excepted), or the short form with 4 or 6 before
 *     the '+' ("8Q9J+XV"), with at least one letter ("2345+67" is a sum);
 *   - what3words addresses: "///" and three dotted words of any script
 *     ("///index.home.raft"); after the label "w3w" see detect_label.c. */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define DEGREE "\xc2\xb0"

struct coord {
    size_t end;
    char hemi;                  /* 'n', 's', 'e', 'w' or 0 */
    int degree;                 /* written with ° (or minutes) */
    size_t decimals;            /* of the degrees, when decimal */
    unsigned whole;             /* whole degrees */
    int round;                  /* decimals end in "00" */
};

static int hemi_at(const char *s, size_t len, size_t i)
{
    return i < len && strchr("nsew", s[i]) != NULL && s[i] != '\0' && !(i + 1 < len && det_alpha(s[i + 1]));
}

/* A number with optional decimals at i; its end, or 0. */
static size_t number(const char *s, size_t len, size_t i, size_t maxdig, size_t *decimals)
{
    size_t n = det_digits(s, len, i);

    *decimals = 0;
    if (n == 0 || n > maxdig)
        return 0;
    i += n;
    if (i + 1 < len && s[i] == '.' && det_digit(s[i + 1])) {
        *decimals = det_digits(s, len, i + 1);
        i += 1 + *decimals;
    }
    return i;
}

/* One coordinate at i: [H] [-]D[.d][°] [M['.m]' [S[.s]('' | ")]] [H]. */
static struct coord coordinate(const char *s, size_t len, size_t i)
{
    struct coord c = { 0, 0, 0, 0, 0, 0 };
    size_t e, d;

    if (hemi_at(s, len, i) && i + 1 < len && (det_digit(s[i + 1]) || s[i + 1] == ' ')) {
        c.hemi = s[i];
        i += 1 + (size_t)(s[i + 1] == ' ');
    }
    if (i < len && s[i] == '-' && !c.hemi)
        i++;
    if ((e = number(s, len, i, 3, &c.decimals)) == 0)
        return c;
    c.whole = det_value(s + i, det_digits(s, len, i));
    c.round = c.decimals == 3 && s[e - 1] == '0' && s[e - 2] == '0';
    i = e;
    if (det_starts(s, len, i, DEGREE)) {
        c.degree = 1;
        i += 2;
        if ((e = number(s, len, i == len || s[i] != ' ' ? i : i + 1, 2, &d)) != 0 && e < len && s[e] == '\'') {
            i = e + 1;
            if ((e = number(s, len, i == len || s[i] != ' ' ? i : i + 1, 2, &d)) != 0 &&
                (det_starts(s, len, e, "''") || (e < len && s[e] == '"')))
                i = e + (s[e] == '"' ? 1 : 2);
        }
    }
    c.end = i;
    e = i < len && s[i] == ' ' ? i + 1 : i;
    if (!c.hemi && hemi_at(s, len, e) && det_ends_word(s, len, e + 1))
        c.hemi = s[e], c.end = e + 1;
    return c;
}

static int latitude(char h) { return h == 'n' || h == 's'; }

size_t detect_scan_gps(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    struct coord a = coordinate(s, len, at), b;
    size_t i = a.end;
    int ok;

    (void)start, (void)kind;
    if (a.end == 0)
        return 0;
    if (i < len && (s[i] == ',' || s[i] == ';' || s[i] == '/'))
        i++;
    if (i < len && s[i] == ' ')
        i++;
    if (i == a.end && !(a.hemi && i < len && hemi_at(s, len, i)))
        return 0;
    b = coordinate(s, len, i);
    if (b.end == 0 || !det_ends_word(s, len, b.end))
        return 0;
    if (a.hemi && b.hemi)
        ok = latitude(a.hemi) != latitude(b.hemi);
    else if (a.hemi || b.hemi)
        ok = 0;
    else if (a.degree && b.degree)
        ok = a.end - at > 4 && (a.decimals > 0 || s[a.end - 1] == '\'' || s[a.end - 1] == '"');
    else
        ok = a.decimals >= 3 && b.decimals >= 3 && !(a.round && b.round);
    if (a.hemi && b.hemi && latitude(b.hemi))
        ok = ok && b.whole <= 90 && a.whole <= 180;
    else
        ok = ok && a.whole <= 90 && b.whole <= 180;
    return ok ? b.end : 0;
}

size_t detect_scan_plus_code(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    static const char alphabet[] = "23456789cfghjmpqrvwx";
    size_t i = at, n, m, letters = 0;

    (void)start, (void)kind;
    while (i < len && s[i] != '\0' && strchr(alphabet, s[i]) != NULL)
        letters += (size_t)det_alpha(s[i]), i++;
    n = i - at;
    if ((n != 4 && n != 6 && n != 8) || i >= len || s[i] != '+')
        return 0;
    for (i++, m = 0; i < len && s[i] != '\0' && strchr(alphabet, s[i]) != NULL; i++, m++)
        letters += (size_t)det_alpha(s[i]);
    return m >= 2 && m <= 3 && letters > 0 && det_ends_word(s, len, i) ? i : 0;
}

size_t detect_three_words(const char *s, size_t len, size_t at)
{
    size_t i = at, n;
    int k, cp;

    for (k = 0; k < 3; k++) {
        size_t w = i;
        while ((cp = det_cp_at(s, len, i, &n)) >= 0 && is_word_cp(cp) && !(cp >= '0' && cp <= '9'))
            i += n;
        if (i == w || (k < 2 && (i >= len || s[i] != '.')))
            return 0;
        if (k < 2)
            i++;
    }
    return det_letter_at(s, len, i) || (i < len && s[i] == '.' && det_letter_at(s, len, i + 1)) ? 0 : i;
}

size_t detect_scan_w3w(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    (void)start, (void)kind;
    return det_starts(s, len, at, "///") ? detect_three_words(s, len, at + 3) : 0;
}
