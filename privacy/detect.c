#include "privacy/detect.h"

#include <stdlib.h>
#include <string.h>

struct found {
    struct detection *d;
    size_t n, cap;
};

typedef size_t (*scanner)(const char *s, size_t len, size_t at);

static int isdig(char c) { return c >= '0' && c <= '9'; }
static int isalph(char c) { return c >= 'a' && c <= 'z'; }
static int isalnum_(char c) { return isdig(c) || isalph(c); }
static int ishex(char c) { return isdig(c) || (c >= 'a' && c <= 'f'); }

/* A word character for the detectors: ASCII letters and digits only.  A
 * non-ASCII letter next to a number is a boundary: Korean attaches
 * particles and the copula straight to numbers ("010-2000-4928입니다"). */
static int wordc(char c) { return isalnum_(c); }

static size_t digits(const char *s, size_t len, size_t at)
{
    size_t n = 0;

    while (at + n < len && isdig(s[at + n]))
        n++;
    return n;
}

static int starts(const char *s, size_t len, size_t at, const char *w)
{
    size_t n = strlen(w);

    return at + n <= len && memcmp(s + at, w, n) == 0;
}

static int ends_word(const char *s, size_t len, size_t end)
{
    return end >= len || !wordc(s[end]);
}

/* e-mail: local@domain.tld */
static size_t scan_email(const char *s, size_t len, size_t at)
{
    size_t i = at, dot = 0;

    while (i < len && (isalnum_(s[i]) || strchr("._%+-", s[i]) != NULL))
        i++;
    if (i == at || i >= len || s[i] != '@')
        return 0;
    i++;
    while (i < len && (isalnum_(s[i]) || s[i] == '-' || s[i] == '.')) {
        if (s[i] == '.' && i + 2 < len && isalph(s[i + 1]) && isalph(s[i + 2]))
            dot = 1;
        i++;
    }
    while (i > at && s[i - 1] == '.')
        i--;
    return dot ? i : 0;
}

static size_t scan_url(const char *s, size_t len, size_t at)
{
    size_t i = at;

    if (starts(s, len, at, "https://"))
        i += 8;
    else if (starts(s, len, at, "http://"))
        i += 7;
    else if (starts(s, len, at, "www."))
        i += 4;
    else
        return 0;
    while (i < len && s[i] != ' ' && (unsigned char)s[i] > 0x20 && s[i] != '"' &&
           s[i] != '<' && s[i] != '>')
        i++;
    while (i > at && strchr(".,;:!?)]'", s[i - 1]) != NULL)
        i--;
    return i - at > 8 ? i : 0;
}

/* Phone numbers: +N with 8-15 digits, or national KR/KP/MN/RU/CN shapes. */
static size_t scan_phone(const char *s, size_t len, size_t at)
{
    size_t i = at, nd = 0, seps = 0, last = at;
    char d[20];

    if (s[i] == '+')
        i++;
    while (i < len && (isdig(s[i]) || strchr(" -.()", s[i]) != NULL)) {
        if (isdig(s[i])) {
            if (nd < sizeof d)
                d[nd] = s[i];
            nd++;
            last = i + 1;
        } else if (i + 1 < len && s[i] == ' ' && !isdig(s[i + 1]) && s[i + 1] != '(') {
            break;
        } else {
            seps++;
        }
        i++;
    }
    if (nd == 0 || nd > 15 || !ends_word(s, len, last))
        return 0;
    if (s[at] == '+')
        return nd >= 8 ? last : 0;
    if (nd >= 10 && nd <= 11 && d[0] == '0' && d[1] == '1')            /* KR mobile */
        return last;
    if (nd >= 9 && nd <= 11 && d[0] == '0' && seps > 0)                /* KR/KP landline */
        return last;
    if (nd == 8 && d[0] >= '5' && d[0] <= '9')                         /* MN */
        return last;
    if (nd == 11 && (d[0] == '8' || d[0] == '7') && d[1] == '9')       /* RU mobile */
        return last;
    if (nd == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9' &&
        (seps == 0 || (s[at + 3] == ' ' && s[at + 8] == ' ')))        /* CN 131 2345 6789 */
        return last;
    return 0;
}

/* KR resident registration number YYMMDD-NNNNNNN; passports: KR M12345678 /
 * M123A4567, MN E1234567 (1-2 letters + 7-8 digits). */
static size_t scan_id(const char *s, size_t len, size_t at)
{
    size_t i;

    if (digits(s, len, at) == 6 && at + 14 <= len && s[at + 6] == '-' &&
        digits(s, len, at + 7) == 7 && s[at + 7] >= '1' && s[at + 7] <= '8' &&
        ends_word(s, len, at + 14)) {
        int mm = (s[at + 2] - '0') * 10 + (s[at + 3] - '0');
        int dd = (s[at + 4] - '0') * 10 + (s[at + 5] - '0');
        return mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31 ? at + 14 : 0;
    }
    if (!isalph(s[at]))
        return 0;
    i = at + 1;
    if (i < len && isalph(s[i]))
        i++;
    if (digits(s, len, i) >= 7 && digits(s, len, i) <= 8 &&
        ends_word(s, len, i + digits(s, len, i)))
        return i + digits(s, len, i);
    if (i == at + 1 && digits(s, len, i) == 3 && i + 8 <= len && isalph(s[i + 3]) &&
        digits(s, len, i + 4) == 4 && ends_word(s, len, i + 8))
        return i + 8;
    return 0;
}

static size_t octet(const char *s, size_t len, size_t at)
{
    size_t n = digits(s, len, at), v = 0, k;

    if (n == 0 || n > 3)
        return 0;
    for (k = 0; k < n; k++)
        v = v * 10 + (size_t)(s[at + k] - '0');
    return v <= 255 ? n : 0;
}

static size_t scan_ipv4(const char *s, size_t len, size_t at)
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
    /* "1.2.3.4." ends a sentence; "1.2.3.4.5" is no address. */
    return ends_word(s, len, i) && !(i + 1 < len && s[i] == '.' && isdig(s[i + 1])) ? i : 0;
}

static size_t scan_ipv6(const char *s, size_t len, size_t at)
{
    size_t i = at, colons = 0, run = 0;
    int dbl = 0;

    while (i < len && (ishex(s[i]) || s[i] == ':')) {
        if (s[i] == ':') {
            colons++;
            if (i + 1 < len && s[i + 1] == ':')
                dbl = 1;
            run = 0;
        } else if (++run > 4) {
            return 0;
        }
        i++;
    }
    if (!ends_word(s, len, i) || colons > 7 || (colons < 7 && !(dbl && colons >= 2)))
        return 0;
    return i - at >= 3 ? i : 0;
}

/* Decimal pairs (37.5665, 126.9780) and DMS (37°33'59"n 126°58'41"e). */
static size_t coord(const char *s, size_t len, size_t at)
{
    size_t i = at, n;

    if (i < len && s[i] == '-')
        i++;
    n = digits(s, len, i);
    if (n == 0 || n > 3)
        return 0;
    i += n;
    if (i < len && s[i] == '.' && digits(s, len, i + 1) >= 4)
        return i + 1 + digits(s, len, i + 1);
    if (!starts(s, len, i, "\xc2\xb0"))
        return 0;
    i += 2;
    while (i < len && (isdig(s[i]) || s[i] == '\'' || s[i] == '.' || s[i] == '"'))
        i++;
    if (i < len && s[i] == ' ')
        i++;
    return i < len && strchr("nsew", s[i]) != NULL ? i + 1 : 0;
}

static size_t scan_gps(const char *s, size_t len, size_t at)
{
    size_t a = coord(s, len, at), i;

    if (a == 0)
        return 0;
    i = a;
    if (i < len && (s[i] == ',' || s[i] == ' '))
        i++;
    if (i < len && s[i] == ' ')
        i++;
    i = coord(s, len, i);
    return i != 0 && ends_word(s, len, i) ? i : 0;
}

static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
};

static size_t month_word(const char *s, size_t len, size_t at)
{
    size_t k, n;

    if (strchr("jfmasond", s[at]) == NULL || s[at] == '\0')
        return 0;
    for (k = 0; k < sizeof months / sizeof months[0]; k++) {
        n = strlen(months[k]);
        if (starts(s, len, at, months[k]) && ends_word(s, len, at + n))
            return n + (at + n < len && s[at + n] == '.');
    }
    return 0;
}

static size_t korean_date(const char *s, size_t len, size_t at)
{
    static const char *const unit[] = { "\xeb\x85\x84", "\xec\x9b\x94", "\xec\x9d\xbc" };
    size_t i = at, n;
    int k;

    for (k = 0; k < 3; k++) {                          /* 년 월 일 */
        n = digits(s, len, i);
        if (n == 0 || n > 4 || !starts(s, len, i + n, unit[k]))
            return 0;
        i += n + 3;
        if (k < 2 && i < len && s[i] == ' ')
            i++;
    }
    return i;
}

/* A full date: numeric, Korean or with an English month name. */
static size_t scan_date(const char *s, size_t len, size_t at)
{
    size_t a = digits(s, len, at), i, m;

    if (a == 0)
        return (m = month_word(s, len, at)) != 0 && at + m + 1 < len &&
               (i = digits(s, len, at + m + 1)) >= 1 && i <= 2 &&
               starts(s, len, at + m + 1 + i, ", ") &&
               digits(s, len, at + m + 3 + i) == 4 ? at + m + 7 + i : 0;
    if ((i = korean_date(s, len, at)) != 0)
        return i;
    if ((a == 4 || a <= 2) && at + a + 1 < len && strchr("-./", s[at + a]) != NULL) {
        char sep = s[at + a];
        size_t b = digits(s, len, at + a + 1), c;
        if (b == 0 || b > 2 || at + a + b + 2 >= len || s[at + a + b + 1] != sep)
            return 0;
        c = digits(s, len, at + a + b + 2);
        if ((a == 4 && c >= 1 && c <= 2) || (a <= 2 && c == 4))
            return ends_word(s, len, at + a + b + 2 + c) ? at + a + b + 2 + c : 0;
        return 0;
    }
    if (a <= 2 && at + a + 1 < len && s[at + a] == ' ' &&
        (m = month_word(s, len, at + a + 1)) != 0 && at + a + m + 2 < len &&
        digits(s, len, at + a + m + 2) == 4)
        return at + a + m + 6;
    return 0;
}

static const char *const birth_words[] = {
    "born", "birth", "dob", "d.o.b", "\xec\x83\x9d\xeb\x85\x84\xec\x9b\x94\xec\x9d\xbc",
    "\xec\xb6\x9c\xec\x83\x9d", "\xed\x83\x9c\xec\x96\xb4\xeb\x82\xac", "\xec\x83\x9d\xec\x9d\xbc",
    "\xd1\x82\xd3\xa9\xd1\x80\xd1\x81\xd3\xa9\xd0\xbd", "\xd1\x80\xd0\xbe\xd0\xb4\xd0\xb8\xd0\xbb",
    "\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\xd0\xb5\xd0\xbd",
};
#define BIRTH_WINDOW 48

static int near_birth_word(const char *s, size_t len, size_t start, size_t end)
{
    size_t a = start > BIRTH_WINDOW ? start - BIRTH_WINDOW : 0;
    size_t b = end + 24 < len ? end + 24 : len, i, k;

    for (i = a; i < b; i++)
        for (k = 0; k < sizeof birth_words / sizeof birth_words[0]; k++)
            if (starts(s, b, i, birth_words[k]))
                return 1;
    return 0;
}

static size_t scan_birth_date(const char *s, size_t len, size_t at)
{
    size_t end;

    if (!isdig(s[at]) && month_word(s, len, at) == 0)
        return 0;
    end = scan_date(s, len, at);

    return end != 0 && near_birth_word(s, len, at, end) ? end : 0;
}

static int add(struct found *f, size_t start, size_t end, int kind)
{
    struct detection *d;

    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 16;
        if ((d = realloc(f->d, cap * sizeof *d)) == NULL)
            return -1;
        f->d = d, f->cap = cap;
    }
    f->d[f->n].start = start, f->d[f->n].end = end, f->d[f->n].kind = kind;
    f->n++;
    return 0;
}

/* 1 if a detection may start with c (tested on every byte of the text). */
static int can_start(char c)
{
    return isalnum_(c) || c == '+' || c == '-' || c == '(' || c == ':';
}

/* 1 if at starts a run of ASCII letters, after a non-word character, that
 * no scanner can take, with *end set to where the run ends: a URL needs ':'
 * or '.' right after its first letters, an e-mail address one of
 * "._%+-@" or a digit, an ID or IPv6 address a digit (or ':'), and phone
 * numbers, IPv4, GPS and numeric dates start with a digit; the one other
 * shape is a date that starts with a month name (left to the scanners).
 * Skipping the run is exact: no position inside it can start a detection,
 * as each follows a word character. */
static int plain_word(const char *s, size_t len, size_t at, size_t *end)
{
    size_t j = at;

    if (!isalph(s[at]) || (at > 0 && wordc(s[at - 1]) && s[at - 1] != '+'))
        return 0;
    while (j < len && isalph(s[j]))
        j++;
    if (j < len && (isdig(s[j]) || (s[j] != '\0' && strchr("._%+-@:", s[j]) != NULL)))
        return 0;
    if (j - at >= 3 && j - at <= 9 && strchr("jfmasond", s[at]) != NULL)
        return 0;
    *end = j;
    return 1;
}

int detect_all(struct detection **out, size_t *nout, const char *s, size_t len,
               struct err *e)
{
    static const struct { scanner fn; int kind; } scanners[] = {
        { scan_url, DETECT_URL }, { scan_email, DETECT_EMAIL }, { scan_id, DETECT_ID },
        { scan_ipv4, DETECT_IP }, { scan_gps, DETECT_GPS }, { scan_birth_date, DETECT_DATE },
        { scan_phone, DETECT_PHONE }, { scan_ipv6, DETECT_IP },
    };
    struct found f = { 0 };
    size_t at = 0, end, k;

    while (at < len) {
        end = 0;
        if (!can_start(s[at])) {
            at++;
            continue;
        }
        if (plain_word(s, len, at, &end)) {
            at = end;
            continue;
        }
        /* Every detection starts with an ASCII letter or digit, '+', '-' or
         * '(' (or ':' for IPv6), after a non-word character. */
        if ((isalnum_(s[at]) || s[at] == '+' || s[at] == '-' || s[at] == '(' || s[at] == ':') &&
            (at == 0 || !wordc(s[at - 1]) || s[at - 1] == '+'))
            for (k = 0; end == 0 && k < sizeof scanners / sizeof scanners[0]; k++)
                if ((end = scanners[k].fn(s, len, at)) > at &&
                    add(&f, at, end, scanners[k].kind) != 0) {
                    free(f.d);
                    return err_set(e, EXIT_INPUT, "out of memory while scanning text");
                }
        at = end > at ? end : at + 1;
    }
    *out = f.d, *nout = f.n;
    return 0;
}
