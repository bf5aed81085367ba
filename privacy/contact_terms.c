/* A subject's contact details (subject add --contact) as protected terms
 * (brief i12-forms, item 7): every part that identifies on its own.
 *   e-mail      the address, and its local part (kim.js75 of
 *               kim.js75@gmail.com: people reuse it as a handle);
 *   handle      @kimjongsu75 as kimjongsu75; the last path segment of a
 *               profile address (t.me/kimjongsu75, vk.com/id12345);
 *   phone       its digits, and the same number nationally and
 *               internationally: +976 9911 2345 also as 99112345 and
 *               0097699112345, 010-1234-5678 (subject locale ko) also as
 *               821012345678 (calling codes and trunk prefixes from
 *               libphonenumber's metadata, phone_plans.c); separators,
 *               spelt digits and look-alikes are the term matcher's work
 *               as for any registered number;
 *   other       a word of letters and digits (kimjs75) or, after a label
 *               ("kakao: kimjongsu"), the value.
 * Plain words (labels such as "Telegram", "mobile", "카톡") are no part.
 * Each part becomes a term of category other of the subject, so the
 * redactor, its re-scan and the audit's digest set all hold it. */
#include <stdio.h>
#include <string.h>

#include "privacy/phone_plans.h"
#include "privacy/redact.h"

#define PART_MAX 256
#define PHONE_MIN_DIGITS 6

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static int add(struct redactor *r, long id, const char *s, size_t n, struct err *e)
{
    return n < 3 ? 0 : redactor_add_term(r, TERM_OTHER, id, s, n, e);
}

static const struct phone_plan *plan_of_cc(int cc)
{
    for (size_t i = 0; i < phone_nplans; i++)
        if (phone_plans[i].cc == cc)
            return &phone_plans[i];
    return NULL;
}

static const struct phone_plan *plan_of_locale(const char *locale)
{
    const char *region = locale == NULL ? NULL : strcmp(locale, "ko") == 0 ? "KR"
                       : strcmp(locale, "mn") == 0 ? "MN" : NULL;

    for (size_t i = 0; region != NULL && i < phone_nplans; i++)
        if (strcmp(phone_plans[i].region, region) == 0)
            return &phone_plans[i];
    return NULL;
}

/* The calling code d starts with (calling codes are prefix-free), its
 * length in *n; 0 if none. */
static int calling_code(const char *d, size_t *n)
{
    int cc = 0;

    for (*n = 1; *n <= 3 && is_digit(d[*n - 1]); (*n)++) {
        cc = cc * 10 + (d[*n - 1] - '0');
        for (size_t i = 0; i < phone_ncodes; i++)
            if (phone_codes[i].cc == cc)
                return cc;
    }
    return 0;
}

/* digits[0..n), international when intl is set: the number in its
 * writings (above). */
static int add_phone(struct redactor *r, long id, const char *locale, const char *digits,
                     size_t n, int intl, struct err *e)
{
    char buf[PART_MAX];
    const struct phone_plan *p;
    size_t cclen, tl;
    int cc;

    if (add(r, id, digits, n, e) != 0)
        return -1;
    if (intl && (cc = calling_code(digits, &cclen)) != 0 && n > cclen + 4) {
        const char *nat = digits + cclen;
        size_t natlen = n - cclen;
        p = plan_of_cc(cc);
        if (add(r, id, nat, natlen, e) != 0)
            return -1;
        if (snprintf(buf, sizeof buf, "00%.*s", (int)n, digits) < (int)sizeof buf &&
            add(r, id, buf, n + 2, e) != 0)
            return -1;
        if (p != NULL && (tl = strlen(p->trunk)) > 0 &&
            snprintf(buf, sizeof buf, "%s%.*s", p->trunk, (int)natlen, nat) < (int)sizeof buf)
            return add(r, id, buf, tl + natlen, e);
        return 0;
    }
    if (!intl && (p = plan_of_locale(locale)) != NULL) {
        tl = strlen(p->trunk);
        if (tl > 0 && strncmp(digits, p->trunk, tl) != 0)
            return 0;
        if (snprintf(buf, sizeof buf, "%d%.*s", p->cc, (int)(n - tl), digits + tl) < (int)sizeof buf &&
            add(r, id, buf, strlen(buf), e) != 0)
            return -1;
    }
    return 0;
}

/* One piece of the contact, s[0..n) (no spaces, commas or semicolons). */
static int add_piece(struct redactor *r, long id, const char *s, size_t n, int labelled,
                     struct err *e)
{
    const char *at = memchr(s, '@', n), *slash, *p;
    size_t i, letters = 0, digits = 0;

    while (n > 0 && (s[n - 1] == '.' || s[n - 1] == '/' || s[n - 1] == ')'))
        n--;                    /* a full stop or bracket after it */
    if (n == 0)
        return 0;
    if (at == s)                /* @handle */
        return add(r, id, s + 1, n - 1, e);
    if (at != NULL && memchr(at, '.', n - (size_t)(at - s)) != NULL)
        return add(r, id, s, n, e) != 0 ? -1 : add(r, id, s, (size_t)(at - s), e);
    if ((slash = memchr(s, '/', n)) != NULL) {
        for (p = s + n; p > slash + 1 && p[-1] != '/'; p--)
            ;
        if (memchr(s, '?', n) == NULL && (size_t)(s + n - p) >= 3)
            return add(r, id, p, (size_t)(s + n - p), e);
        return 0;
    }
    for (i = 0; i < n; i++)
        letters += (size_t)(is_alpha(s[i]) || (unsigned char)s[i] >= 0x80), digits += (size_t)is_digit(s[i]);
    if ((letters > 0 && digits > 0 && n >= 4) || (labelled && n >= 3))
        return add(r, id, s, n, e);
    return 0;
}

static int piece_sep(char c) { return c == ' ' || c == '\t' || c == '\n' || c == ',' || c == ';'; }

static int phone_char(char c)
{
    return is_digit(c) || c == '+' || c == '-' || c == '.' || c == '(' || c == ')' || c == ' ' ||
           c == '/';
}

int redactor_add_contact(struct redactor *r, long subject_id, const char *locale,
                         const char *text, size_t len, struct err *e)
{
    size_t at = 0, b, nd, i;
    char digits[PART_MAX];
    int labelled = 0, intl;

    while (at < len) {
        while (at < len && piece_sep(text[at]))
            at++;
        /* A phone number: a run of digits and its separators. */
        for (b = at, nd = 0; b < len && phone_char(text[b]) && nd < PART_MAX - 3; b++)
            if (is_digit(text[b]))
                digits[nd++] = text[b];
        intl = at < len && text[at] == '+';
        while (b > at && !is_digit(text[b - 1]))
            b--;
        if (nd >= PHONE_MIN_DIGITS && (b >= len || piece_sep(text[b]))) {
            if (!intl && nd > 2 && digits[0] == '0' && digits[1] == '0')
                memmove(digits, digits + 2, nd - 2), nd -= 2, intl = 1;
            if (add_phone(r, subject_id, locale, digits, nd, intl, e) != 0)
                return -1;
            at = b, labelled = 0;
            continue;
        }
        for (b = at; b < len && !piece_sep(text[b]); b++)
            ;
        /* "kakao:kimjongsu", "kakao: kimjongsu": the value after a label
         * (not "https://"); "tel:+976...": read again as a phone. */
        for (i = at; i < b && text[i] != ':'; i++)
            ;
        if (i < b && memchr(text + at, '@', i - at) == NULL && (i + 1 >= b || text[i + 1] != '/')) {
            at = i + 1, labelled = 1;
            if (at < b && (is_digit(text[at]) || text[at] == '+'))
                continue;
        }
        if (at < b && add_piece(r, subject_id, text + at, b - at, labelled, e) != 0)
            return -1;
        labelled = at >= b && labelled;     /* "kakao:" alone labels the next piece */
        at = b;
    }
    return 0;
}
