/* Device identifiers, which name a person as surely as a passport does
 * once an operator or a seized phone is asked:
 *   - IMEI (3GPP TS 23.003): 15 digits whose last is the Luhn check digit
 *     of the first 14, whole or in the groups phones print ("35-693803-
 *     564380-9", "35 693803 564380 9"); a 15-digit number failing the
 *     check is left;
 *   - MAC addresses (IEEE 802): six pairs of hex digits joined by ':' or
 *     '-' ("00:1a:2b:3c:4d:5e"), or three groups of four joined by '.'
 *     ("001a.2b3c.4d5e", as Cisco prints them); each needs a decimal
 *     digit somewhere, so words ("de:ad:be:ef:ca:fe") are not taken.
 * Both are reported as kind "id". */
#include "privacy/detect.h"
#include "privacy/detect_int.h"

static int hex(char c) { return det_digit(c) || (c >= 'a' && c <= 'f'); }

/* 1 if "mac" (or "mac address", "mac-адрес") is the word
 * right before at, after a space, ":" or "=". */
static int mac_label(const char *s, size_t at)
{
    size_t a, e = det_word_ending(s, at, " :=#", &a), b;

    if (e == 0)
        return 0;
    if (e - a == 3 && memcmp(s + a, "mac", 3) == 0)
        return 1;
    if (!((e - a == 7 && memcmp(s + a, "address", 7) == 0) || (e - a == 10 && memcmp(s + a, "\xd0\xb0\xd0\xb4\xd1\x80\xd0\xb5\xd1\x81", 10) == 0)))
        return 0;
    e = det_word_ending(s, a, " -", &b);
    return e != 0 && e - b == 3 && memcmp(s + b, "mac", 3) == 0;
}

/* n hex digits at s[at]. */
static int hex_run(const char *s, size_t len, size_t at, size_t n)
{
    size_t k;

    if (at + n > len)
        return 0;
    for (k = 0; k < n; k++)
        if (!hex(s[at + k]))
            return 0;
    return 1;
}

static size_t mac(const char *s, size_t len, size_t at)
{
    size_t k, i = at, digits = 0;
    char sep;

    if (hex_run(s, len, at, 2) && at + 2 < len && (s[at + 2] == ':' || s[at + 2] == '-')) {
        sep = s[at + 2];
        for (k = 0; k < 6; k++, i += 3) {
            if (!hex_run(s, len, i, 2) || (k < 5 && (i + 2 >= len || s[i + 2] != sep)))
                return 0;
            digits += (size_t)det_digit(s[i]) + (size_t)det_digit(s[i + 1]);
        }
        i -= 1;
    } else if (hex_run(s, len, at, 4) && at + 4 < len && s[at + 4] == '.') {
        for (k = 0; k < 3; k++, i += 5) {
            if (!hex_run(s, len, i, 4) || (k < 2 && (i + 4 >= len || s[i + 4] != '.')))
                return 0;
            digits += (size_t)det_digit(s[i]) + (size_t)det_digit(s[i + 3]);
        }
        i -= 1;
    } else {
        return 0;
    }
    /* All letters ("aa-bb-cc-dd-ee-ff") only right after "MAC" (report-adv12
     * A-31); a fourth dotted group is a card number ("4111.1111.1111.1111":
     * report-adv16a A-3, detect_bank.c). */
    return (digits > 0 || mac_label(s, at)) &&
           (i >= len || !(hex(s[i]) || s[i] == ':' ||
                          ((s[i] == '-' || s[i] == '.') && i + 1 < len && hex(s[i + 1])))) ? i : 0;
}

/* 15 digits in groups joined by one '-' or ' ' (at most four groups). */
static size_t imei(const char *s, size_t len, size_t at)
{
    char d[16];
    size_t i = at, nd = 0, n, groups = 0;

    while (groups < 4 && (n = det_digits(s, len, i)) > 0 && nd + n <= 15) {
        memcpy(d + nd, s + i, n);
        nd += n, i += n, groups++;
        if (nd == 15 || i + 1 >= len || (s[i] != '-' && s[i] != ' ') || !det_digit(s[i + 1]))
            break;
        i++;
    }
    d[nd] = '\0';
    return nd == 15 && det_ends_word(s, len, i) && !(i < len && s[i] == '-') && det_luhn(d, 15) ? i : 0;
}

size_t detect_scan_device(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t end;

    (void)start;
    *kind = DETECT_ID;
    if ((end = mac(s, len, at)) != 0)
        return end;
    return det_digit(s[at]) ? imei(s, len, at) : 0;
}
