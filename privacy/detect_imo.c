/* A ship's IMO number (IMO Resolution A.1078(28), "IMO Ship
 * Identification Number Scheme"): "IMO" and seven digits whose last is
 * the check digit (the first six times 7, 6, 5, 4, 3, 2, summed, mod
 * 10).  A ship names the crew that sailed on it (report-adv53 L-19: "He
 * was on the trawler, IMO 9321483").  Read after the label only: seven
 * digits alone are any number.  "IMO" with a verifying check digit goes
 * ("IMO" is also chat's "in my opinion": a random number verifies one
 * time in ten); after "IMO no", "IMO number" or "IMO #" the seven digits
 * go whatever their check digit (a number copied by hand).  The label
 * in Latin or Cyrillic letters ("ИМО"). */
#include "privacy/detect.h"
#include "privacy/detect_int.h"

static int imo_check_ok(const char *d)
{
    unsigned sum = 0;

    for (unsigned i = 0; i < 6; i++)
        sum += (unsigned)(d[i] - '0') * (7 - i);
    return sum % 10 == (unsigned)(d[6] - '0');
}

/* Spaces, ':', '.', '-' and '#' from at: their end. */
static size_t imo_gap(const char *s, size_t len, size_t at)
{
    while (at < len && (s[at] == ' ' || s[at] == ':' || s[at] == '.' || s[at] == '-' || s[at] == '#'))
        at++;
    return at;
}

size_t detect_imo(const char *s, size_t len, size_t at, size_t *start)
{
    size_t p, q;
    int said = 0;

    if (det_starts(s, len, at, "imo"))
        p = at + 3;
    else if (det_starts(s, len, at, "имо"))
        p = at + strlen("имо");
    else
        return 0;
    if ((at > 0 && det_letter_before(s, at)) || det_letter_at(s, len, p))
        return 0;
    q = p, p = imo_gap(s, len, p);
    said = p > q && memchr(s + q, '#', p - q) != NULL;
    if (det_starts(s, len, p, "number") || det_starts(s, len, p, "no")) {
        q = p + (s[p + 1] == 'o' ? 2 : 6);
        if (q < len && det_alpha(s[q]))
            return 0;
        p = imo_gap(s, len, q), said = 1;
    }
    for (q = p; q < len && q - p < 8 && det_digit(s[q]); q++)
        ;
    if (q - p != 7 || s[p] == '0' || !det_ends_word(s, len, q))
        return 0;
    if (!said && !imo_check_ok(s + p))
        return 0;
    *start = p;
    return q;
}
