/* Addresses on networks:
 *   - e-mail: a local part of letters of any script, digits and
 *     . _ % + - ' (RFC 6531 allows non-ASCII: "바다@naver.com"; "o'doyle"),
 *     '@' or an at written out ("[at]", "(at)", "{at}", "<at>", " at "
 *     when a dot is written out too, or the domain ends in a well-known
 *     top-level domain), and a domain of at least two labels whose dots may
 *     be written out ("[dot]", "(dot)", " dot "), each label ASCII or
 *     of another script, not both (Korean particles follow addresses);
 *   - URL: http://, https://, www., or a host name of two labels or more
 *     followed by a path ("vk.com/id12345", "facebook.com/kim.jongsu.75");
 *     a host name alone when it ends in a well-known top-level domain
 *     ("kimjs.com"); a profile URL is replaced whole;
 *   - handle: '@' and 2-30 of [a-z0-9_.] not after a word character
 *     ("@kimjongsu75");
 *   - IPv4 (octets up to 255, a sentence's full stop allowed after it) and
 *     IPv6, full, compressed with "::" (two groups or more, five hex
 *     digits or more and at least one decimal digit: "a::b" and "std::map"
 *     are no address) or ending in an IPv4 address ("::ffff:192.0.2.1"). */
#include <stdlib.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define HOST_MAX 512            /* bytes: 253 ASCII characters, or fewer of other scripts */
#define IPV6_MAX 45             /* characters of the longest IPv6 address text */

static int ishex(char c) { return det_digit(c) || (c >= 'a' && c <= 'f'); }

static const char *const tlds[] = {
    "com", "net", "org", "info", "biz", "io", "me", "co", "app", "dev", "gov", "edu", "mil",
    "ru", "su", "kp", "kr", "mn", "cn", "my", "kw", "kz", "ua", "by", "jp", "tv", "uk", "us",
};

static int known_tld(const char *s, size_t at, size_t end)
{
    size_t k;

    for (k = 0; k < sizeof tlds / sizeof tlds[0]; k++)
        if (strlen(tlds[k]) == end - at && memcmp(s + at, tlds[k], end - at) == 0)
            return 1;
    return 0;
}

/* ---- host names ---- */

struct host {
    size_t end, labels;
    size_t tld;                 /* start of the last label */
    int tld_letters;            /* the last label is 2-24 letters */
};

/* Labels of [a-z0-9-] (or any letter when idn) joined by dots (or by
 * dots written out, when spelled); stops before a trailing '.' or '-'. */
static struct host host_at(const char *s, size_t len, size_t at, int idn, int spelled)
{
    struct host h = { 0, 0, 0, 0 };
    size_t i = at, a, n, k;
    int cp;
    static const char *const dots[] = { "[dot]", "(dot)", "{dot}", "<dot>", " dot ", " [dot] ",
                                        " (dot) " };

    /* A host name has at most 253 characters (RFC 1035); the cap also
     * keeps a long run of dotted letters from being read again at each dot. */
    while (i - at <= HOST_MAX) {
        a = i;
        /* A label is ASCII or not: a change of script ends it
         * ("m@x.ng청진", "kim@naver.com으로" with a Korean particle). */
        while ((cp = det_cp_at(s, len, i, &n)) >= 0 &&
               ((cp < 0x80 && (det_alnum((char)cp) || cp == '-') && (i == a || (unsigned char)s[a] < 0x80)) ||
                (idn && cp >= 0x80 && is_word_cp(cp) && (i == a || (unsigned char)s[a] >= 0x80))))
            i += n;
        while (i > a && s[i - 1] == '-')
            i--;
        if (i == a)
            break;
        h.labels++, h.end = i, h.tld = a;
        if (i < len && s[i] == '.' && i + 1 < len && det_letter_at(s, len, i + 1)) {
            i++;
            continue;
        }
        for (k = 0; spelled && k < sizeof dots / sizeof dots[0]; k++)
            if (det_starts(s, len, i, dots[k]) && det_letter_at(s, len, i + strlen(dots[k])))
                break;
        if (!spelled || k == sizeof dots / sizeof dots[0])
            break;
        i += strlen(dots[k]);
    }
    if (h.labels > 0) {
        size_t t = h.tld;
        while (t < h.end && (det_alpha(s[t]) || ((unsigned char)s[t] & 0x80)))
            t++;
        h.tld_letters = t == h.end && h.end - h.tld >= 2 && h.end - h.tld <= 24 * 2;
    }
    return h;
}

/* ---- e-mail ---- */

static size_t local_start(const char *s, size_t at)
{
    size_t i = at, n;
    int cp;

    while ((cp = det_cp_before(s, i, &n)) >= 0 &&
           (is_word_cp(cp) || (cp < 0x80 && strchr("._%+-'", cp) != NULL && cp != 0) || cp == '_'))
        i -= n;
    while (i < at && strchr(".-'", s[i]) != NULL)
        i++;
    return i;
}

/* The at sign at s[at] or written out: its length; *spelled set when written out. */
static size_t at_sign(const char *s, size_t len, size_t at, int *spelled)
{
    static const char *const forms[] = { " [at] ", " (at) ", " {at} ", " <at> ", "[at]", "(at)",
                                         "{at}", "<at>", " @ ", " at " };
    size_t k;

    *spelled = 0;
    if (s[at] == '@')
        return 1;
    for (k = 0; k < sizeof forms / sizeof forms[0]; k++)
        if (det_starts(s, len, at, forms[k]))
            return *spelled = 1, strlen(forms[k]);
    return 0;
}

/* An e-mail address around an at sign at s[at], or 0. */
static size_t email_at(const char *s, size_t len, size_t at, size_t *start)
{
    size_t l, a;
    int spelled;
    struct host h;

    if ((a = at_sign(s, len, at, &spelled)) == 0 || (l = local_start(s, at)) == at)
        return 0;
    h = host_at(s, len, at + a, 1, spelled);
    if (h.labels < 2 || !h.tld_letters)
        return 0;
    /* " at " reads as English: only with a dot written out or a known TLD. */
    if (det_starts(s, len, at, " at ") && !known_tld(s, h.tld, h.end) &&
        memchr(s + at + a, '.', h.end - at - a) != NULL)
        return 0;
    *start = l;
    return h.end;
}

size_t detect_email(const char *s, size_t len, size_t at, size_t *start)
{
    char c = s[at];

    if (c == '@')                                   /* "kim@x.kp", " @ " */
        return email_at(s, len, at > 0 && s[at - 1] == ' ' && at + 1 < len && s[at + 1] == ' ' ?
                        at - 1 : at, start);
    if (at + 3 >= len || s[at + 1] != 'a' || s[at + 2] != 't')
        return 0;
    if (c == ' ')                                   /* " at " */
        return s[at + 3] == ' ' ? email_at(s, len, at, start) : 0;
    if (c != '[' && c != '(' && c != '{' && c != '<')
        return 0;
    return email_at(s, len, at > 0 && s[at - 1] == ' ' ? at - 1 : at, start);   /* " [at] " */
}

/* ---- URLs, handles ---- */

static size_t url_rest(const char *s, size_t len, size_t at, size_t i)
{
    while (i < len && (unsigned char)s[i] > 0x20 && s[i] != '"' && s[i] != '<' && s[i] != '>')
        i++;
    while (i > at && strchr(".,;:!?)]'", s[i - 1]) != NULL)
        i--;
    return i;
}

size_t detect_scan_url(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t i = at;
    struct host h;

    (void)start, (void)kind;
    if (det_starts(s, len, at, "https://"))
        i += 8;
    else if (det_starts(s, len, at, "http://"))
        i += 7;
    else if (det_starts(s, len, at, "www."))
        i += 4;
    if (i > at) {
        i = url_rest(s, len, at, i);
        return i - at > 8 ? i : 0;
    }
    /* A host name starts at a word, not after a dot: "a.b.c..." is read
     * once, not again from each dot. */
    if (!det_alnum(s[at]) || (at > 0 && s[at - 1] == '.'))
        return 0;
    h = host_at(s, len, at, 0, 0);
    if (h.labels < 2 || !h.tld_letters || (h.end < len && det_alnum(s[h.end])))
        return 0;
    if (h.end + 1 < len && s[h.end] == '/' && (unsigned char)s[h.end + 1] > 0x20)
        return url_rest(s, len, at, h.end + 1);
    return known_tld(s, h.tld, h.end) && !(h.end < len && (s[h.end] == '@' || s[h.end] == '-')) ? h.end : 0;
}

size_t detect_scan_handle(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t i = at + 1;

    (void)start, (void)kind;
    if (s[at] != '@')
        return 0;
    while (i < len && (det_alnum(s[i]) || s[i] == '_' || s[i] == '.') && i - at <= 31)
        i++;
    while (i > at + 1 && s[i - 1] == '.')
        i--;
    return i - at >= 3 && i - at <= 31 && det_ends_word(s, len, i) ? i : 0;
}

/* ---- IP addresses ---- */

static size_t octet(const char *s, size_t len, size_t at)
{
    size_t n = det_digits(s, len, at);

    return n >= 1 && n <= 3 && det_value(s + at, n) <= 255 ? n : 0;
}

/* Four octets at at; the end or 0 (no end check). */
static size_t quad(const char *s, size_t len, size_t at)
{
    size_t i = at, n;
    int k;

    for (k = 0; k < 4; k++) {
        if ((n = octet(s, len, i)) == 0)
            return 0;
        i += n;
        if (k < 3) {
            if (i >= len || s[i] != '.')
                return 0;
            i++;
        }
    }
    return i;
}

/* "1.2.3.4." ends a sentence; "1.2.3.4.5" is no address. */
static int quad_ends(const char *s, size_t len, size_t i)
{
    return det_ends_word(s, len, i) && !(i + 1 < len && s[i] == '.' && det_digit(s[i + 1]));
}

size_t detect_scan_ipv4(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t i = quad(s, len, at);

    (void)start, (void)kind;
    return i != 0 && quad_ends(s, len, i) ? i : 0;
}

size_t detect_scan_ipv6(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t i = at, colons = 0, run = 0, groups = 0, hex = 0, dec = 0, q;
    int dbl = 0;

    (void)start, (void)kind;
    while (i < len && (ishex(s[i]) || s[i] == ':')) {
        if (i - at > IPV6_MAX)
            return 0;
        if (s[i] == ':') {
            colons++;
            if (i + 1 < len && s[i + 1] == ':')
                dbl = 1;
            run = 0;
        } else {
            if (run == 0)
                groups++;
            if (++run > 4)
                return 0;
            hex++;
            dec += (size_t)det_digit(s[i]);
        }
        i++;
    }
    /* An IPv4 address in the last 32 bits: "::ffff:192.0.2.1". */
    if (i < len && s[i] == '.' && run > 0 && run <= 3) {
        size_t g = i - run;
        if ((q = quad(s, len, g)) != 0 && quad_ends(s, len, q) && colons >= 2 && colons <= 6 &&
            (dbl || colons == 6))
            return q;
        return 0;
    }
    if (!det_ends_word(s, len, i) || colons > 7)
        return 0;
    if (colons == 7 && !dbl)
        return i;
    return dbl && colons >= 2 && groups >= 2 && hex >= 5 && dec > 0 ? i : 0;
}
