/* Phone numbers: a run of digit groups is read as a number and checked
 * against the numbering plans of libphonenumber's metadata
 * (privacy/phone_plans.c, data/phone/SOURCES.md):
 *   - with '+' or an international prefix (00, 001, 810, ...): a known
 *     calling code and a national number of a possible length for it
 *     (any region), or, after '+', 8 to 15 digits;
 *   - written nationally, for the regions of the plans (KR KP MN RU CN MY
 *     KW UA): after the region's trunk prefix (0, 8) any valid number; without
 *     it a valid mobile number, or a valid fixed-line or other number
 *     written in groups ("2222 3333" in Kuwait, "(495) 123-45-67");
 *   - after a phone word ("tel", "전화", "утас"...): any 6 to 12 digits.
 * Shapes that are no phone number are refused unless written with '+' or
 * a prefix: years ("1998 2000", "2010-2015"), dates ("14.03.1975"),
 * amounts ("2 500 000"), decimals ("3.14159") and runs of one- and
 * two-digit groups ("12 34 56 78").  When the whole run is no number, its
 * longest leading groups that are one are taken. */
#include <locale.h>
#include <pthread.h>
#include <regex.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/detect_int.h"
#include "privacy/phone_plans.h"

#define MAX_GROUPS 12
#define MAX_DIGITS 17           /* 00 + calling code + 15 digits of E.164 */

/* The digit groups read from the text. */
struct groups {
    size_t n;
    size_t end[MAX_GROUPS];     /* text offset after the group (after ')') */
    size_t nd[MAX_GROUPS];      /* its digits */
    size_t upto[MAX_GROUPS];    /* digits of the number up to and with it */
    char sep[MAX_GROUPS];       /* separator before it: 0, ' ', '-', '.', '/', 'c' (cells) ... */
    char d[MAX_DIGITS + 1];     /* the number's digits */
    int plus;
};

/* ---- the compiled plans ---- */

enum { RE_IDD, RE_FIXED, RE_MOBILE, RE_OTHER, RE_PER_PLAN };

static regex_t *compiled;       /* phone_nplans * RE_PER_PLAN; re_nsub == SIZE_MAX: empty */
static int compiled_ok;
static pthread_once_t compile_once = PTHREAD_ONCE_INIT;

static int compile_all(void)
{
    size_t i, k;

    for (i = 0; i < phone_nplans; i++) {
        const char *re[RE_PER_PLAN] = { phone_plans[i].idd, phone_plans[i].fixed,
                                        phone_plans[i].mobile, phone_plans[i].other };
        for (k = 0; k < RE_PER_PLAN; k++) {
            regex_t *r = &compiled[i * RE_PER_PLAN + k];
            if (re[k][0] == '\0')
                r->re_nsub = SIZE_MAX;
            else if (regcomp(r, re[k], REG_EXTENDED | (k == RE_IDD ? 0 : REG_NOSUB)) != 0)
                return 0;
        }
    }
    return 1;
}

/* Compiled in the C locale, whatever the process's: glibc's regexec then
 * reads the digits in place, where in a multibyte locale it would copy
 * them into buffers it frees without wiping. */
static void compile_plans(void)
{
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0), old;

    if (c == (locale_t)0)
        return;
    old = uselocale(c);
    if ((compiled = calloc(phone_nplans * RE_PER_PLAN, sizeof *compiled)) != NULL && compile_all())
        compiled_ok = 1;
    uselocale(old);
    freelocale(c);
}

int detect_phone_ready(struct err *e)
{
    (void)pthread_once(&compile_once, compile_plans);
    return compiled_ok ? 0 : err_set(e, EXIT_INPUT, "out of memory while compiling the numbering plans");
}

static int match(size_t plan, int which, const char *digits)
{
    const regex_t *r = &compiled[plan * RE_PER_PLAN + (size_t)which];

    return r->re_nsub != SIZE_MAX && regexec(r, digits, 0, NULL, 0) == 0;
}

/* ---- reading the groups ---- */

/* Separators read only when the whole number uses one of them between
 * three groups or more ("010,1234,5678", "010:1234:5678", "010=1234=5678",
 * "010|1234|5678": report-adv12c H42), since a list, a time or an amount
 * uses them too (not_a_number). */
#define ODD_SEPARATORS ",:=|"

static int odd_separator(char c)
{
    return c != '\0' && strchr(ODD_SEPARATORS, c) != NULL;
}

/* A word joining two groups of a number said aloud, and the space after
 * it, at s[at]: "and", Mongolian ба, болон, Russian и, Korean 및 and
 * 그리고 (the joining words of detect_spoken.c's numbers in parts);
 * its length, or 0.  A joined run is still a number only when the
 * numbering plans or a phone word say so (is_phone): "99 11 ба 12 хүн"
 * stays. */
static size_t joining_word(const char *s, size_t len, size_t at)
{
    static const char *const words[] = {
        "and ", "\xd0\xb1\xd0\xb0 ", "\xd0\xb1\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xbd ", "\xd0\xb8 ",
        "\xeb\xb0\x8f ", "\xea\xb7\xb8\xeb\xa6\xac\xea\xb3\xa0 ",
    };

    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (det_starts(s, len, at, words[k]))
            return strlen(words[k]);
    return 0;
}

/* A boundary between two cells of a JSON array or an HTML table row at
 * s[at], where a number's groups were put in cells of their own
 * (report-adv12 A-20: ["010","1234","5678"], "010" + "1234",
 * <td>010</td><td>1234</td>): a closing quote, ',' or '+' with spaces
 * around, an opening quote; or "</td>" (or th), spaces, "<td" with its
 * attributes and '>'.  Its length, or 0.  Read as separator 'c': each
 * group then has three digits or more ("[\"12\",\"34\",\"56\"]" are
 * scores), and the numbering plans decide as for any grouping. */
static size_t cell_separator(const char *s, size_t len, size_t at)
{
    size_t j = at;
    char q;

    if (at < len && (s[at] == '"' || s[at] == '\'')) {
        q = s[at], j++;
        while (j < len && s[j] == ' ')
            j++;
        if (j >= len || (s[j] != ',' && s[j] != '+'))
            return 0;
        j++;
        while (j < len && s[j] == ' ')
            j++;
        return j < len && s[j] == q ? j + 1 - at : 0;
    }
    if (!(det_starts(s, len, at, "</td>") || det_starts(s, len, at, "</th>")))
        return 0;
    j = at + 5;
    while (j < len && s[j] == ' ')
        j++;
    if (!(det_starts(s, len, j, "<td") || det_starts(s, len, j, "<th")) || j + 3 >= len ||
        (s[j + 3] != '>' && s[j + 3] != ' '))
        return 0;
    for (j += 3; j < len && s[j] != '>' && s[j] != '<' && j - at < 64; j++)
        ;
    return j < len && s[j] == '>' ? j + 1 - at : 0;
}

/* Reads a separator between groups at s[i]: [' '] [-./~_ or 에] [' '],
 * or one of ODD_SEPARATORS alone,
 * or nothing before '(' or after ')'.  Returns its length (0 when none is
 * needed), -1 if there is none; *kind its character ('e' for 에 or 의, the
 * Korean spoken separators: "010에 1234에 5678", "010의 1234의 5678"; 'j' for a joining
 * word).  A full stop and a space end the number. */
static long separator(const char *s, size_t len, size_t i, int after_paren, char *kind)
{
    size_t j = i, k;
    int v;

    *kind = 0;
    if ((k = cell_separator(s, len, i)) > 0) {
        *kind = 'c';
        return i + k < len && det_digit_at(s, len, i + k, &v, 1) > 0 ? (long)k : -1;
    }
    if (j < len && s[j] == ' ')
        *kind = ' ', j++;
    if (j < len && strchr("-./~_" ODD_SEPARATORS, s[j]) != NULL && s[j] != '\0')
        *kind = s[j], j++;
    else if (det_starts(s, len, j, "\xec\x97\x90") ||         /* 에 */
             det_starts(s, len, j, "\xec\x9d\x98"))            /* 의 (report-adv16a A-7) */
        *kind = 'e', j += 3;
    else if (*kind == ' ' && det_starts(s, len, j, "\xeb\x8b\xa4\xec\x8b\x9c "))   /* 다시: a dash said */
        *kind = 'e', j += 6;
    else if (*kind == ' ' && (k = joining_word(s, len, j)) > 0)
        *kind = 'j', j += k;                /* "99 11 ба 47 28", "010 4821 및 73 95" */
    if (odd_separator(*kind) && (j != i + 1 || (j < len && s[j] == ' ')))
        return -1;                      /* "12,345, 67,891": a list */
    if (j > i && j < len && s[j] == ' ' && *kind != ' ') {
        if (*kind == '.' && j == i + 1)
            return -1;                  /* "... 22 33. 9 people": a full stop */
        j++;
    }
    if (j < len && (det_digit_at(s, len, j, &v, 1) > 0 || s[j] == '('))
        return j > i || after_paren || s[j] == '(' ? (long)(j - i) : -1;
    return -1;
}

/* Reads one group's digits at a (any script: detect_digits.c) onto the
 * number's digits from *nd; returns the group's end, or a when there is no
 * group or the number would be too long.  A group of Sino-Korean digits
 * needs three syllables at least ("일이" is also a word); a particle may
 * follow it ("오육칠팔로"), and a last 이 glued to a word is the copula
 * or the subject particle, not a 2 ("오육칠팔이야"). */
static size_t read_digits(struct groups *g, size_t *nd, const char *s, size_t len, size_t a)
{
    size_t i = a, k, n = *nd, sino = 0, last = 0;
    int v;

    while ((k = det_digit_at(s, len, i, &v, 1)) > 0) {
        if (n == MAX_DIGITS)
            return a;
        sino += k == 3 && det_sino_digit(s, len, i) >= 0;
        last = i;
        g->d[n++] = (char)('0' + v);
        i += k;
    }
    if (sino > 0 && det_letter_at(s, len, i) && det_starts(s, len, last, "\xec\x9d\xb4"))
        i = last, n--, sino--;                              /* 이 */
    /* A group of Sino-Korean digits alone needs three; one among ASCII
     * digits is a digit typed in Hangul mode ("010-일234-5678"). */
    if (sino > 0 && sino < 3 && sino == n - *nd)
        return a;
    *nd = n;
    return i;
}

/* Reads the digit groups from at; returns 0 when there is no number.  A
 * calling code may stand in parentheses: "(+976) 99112233". */
static int read_groups(struct groups *g, const char *s, size_t len, size_t at)
{
    size_t i = at, nd = 0, e;
    int paren = 0;
    long sl;
    char kind = 0;

    memset(g, 0, sizeof *g);
    if (s[i] == '+')
        g->plus = 1, i++;
    else if (s[i] == '(' && i + 1 < len && s[i + 1] == '+')
        g->plus = 2;
    while (g->n < MAX_GROUPS && i < len) {
        int code = g->plus == 2 && g->n == 0;       /* "(+976)" */
        int open = s[i] == '(' || code;
        size_t a = i + (size_t)open + (size_t)code, before = nd;
        if ((e = read_digits(g, &nd, s, len, a)) == a)
            break;
        if (open && (e >= len || s[e] != ')')) {
            nd = before;
            break;
        }
        /* "+82 (0)10 ...": the trunk prefix in parentheses is not dialled. */
        if (g->plus && open && nd - before == 1 && g->d[before] == '0' && g->n > 0)
            nd = before;
        g->sep[g->n] = kind;
        g->nd[g->n] = nd - before;
        g->upto[g->n] = nd;
        g->end[g->n] = e + (size_t)open;
        g->n++;
        i = e + (size_t)open;
        paren = open;
        /* A joining word goes on only inside a number: two numbers
         * listed ("9911/2345 and 9911 2345") stay two. */
        if ((sl = separator(s, len, i, paren, &kind)) < 0 || (kind == 'j' && nd >= 8))
            break;
        /* A slash with spaces around after a whole number parts two
         * ("99-11-22-33 / 9911.2233": report-adv17a D-21). */
        if (kind == '/' && nd >= 8 && s[i] == ' ' && s[i + (size_t)sl - 1] == ' ')
            break;
        i += (size_t)sl;
    }
    g->d[nd] = '\0';
    return g->n > 0;
}

/* ---- shapes that are no phone number ---- */

static unsigned group_value(const struct groups *g, size_t i)
{
    return g->nd[i] <= 9 ? det_value(g->d + g->upto[i] - g->nd[i], g->nd[i]) : 0;
}

static int is_year(unsigned v) { return v >= 1900 && v <= 2099; }

enum { NUMBER, NOT_LIKELY, NEVER };

/* Whether the first k groups may be a phone number: NEVER for years,
 * dates and decimals; NOT_LIKELY for amounts ("2 500 000") and runs of
 * one- and two-digit groups ("12 34 56 78"), which a phone word before
 * them or a valid mobile number of a plan makes a number ("Утас: 99 11 22
 * 33", "99 112 233"); else NUMBER. */
static int not_a_number(const char *s, const struct groups *g, size_t k)
{
    size_t i, small = 0, years = 0, threes = 0;
    char sep = g->sep[1];
    int odd = 0, joined = 0, other = 0, cells = 0;

    for (i = 1; i < k; i++) {
        cells |= g->sep[i] == 'c';
        odd |= odd_separator(g->sep[i]);
        joined |= g->sep[i] == 'j';
        other |= g->sep[i] != ' ' && g->sep[i] != 'j';
    }
    /* Groups joined by a word are said aloud, with spaces only ("99 11
     * ба 47 28"), not "2020 and 1975.03.14". */
    if (joined && other)
        return NEVER;
    for (i = 0; i < k; i++) {
        if (cells && ((i > 0 && g->sep[i] != 'c') || g->nd[i] <= 2))
            return NEVER;                              /* ["12","34","56"] */
        if (odd && (k < 3 || (i > 0 && g->sep[i] != sep) || g->nd[i] <= 2))
            return NEVER;                              /* 12:30, 10:30:00, 010-1234:5678 */
        small += g->nd[i] <= 2;
        years += g->nd[i] == 4 && is_year(group_value(g, i));
        threes += i > 0 && g->nd[i] == 3 && g->sep[i] == sep;
    }
    if (k >= 2 && years == k)
        return NEVER;                                  /* 1998 2000, 2010-2015 */
    if (k == 2 && sep == '.' && s[g->end[0]] == '.')
        return NEVER;                                  /* 3.14159265 */
    if (k == 3 && g->sep[2] == sep) {
        unsigned a = group_value(g, 0), b = group_value(g, 1), c = group_value(g, 2);
        if (g->nd[0] == 4 && g->nd[1] <= 2 && g->nd[2] <= 2 && det_month_day(b, c))
            return NEVER;                              /* 1975-03-14 */
        if (g->nd[0] <= 2 && g->nd[1] <= 2 && (g->nd[2] == 2 || g->nd[2] == 4) &&
            (det_month_day(b, a) || det_month_day(a, b)))
            return NEVER;                              /* 14.03.1975, 03/14/75 */
    }
    if (k >= 3 && small == k)
        return NOT_LIKELY;                             /* 12 34 56 78 */
    if (k >= 2 && g->nd[0] <= 3 && threes == k - 1 && (sep == ' ' || sep == '.' || sep == ','))
        return NOT_LIKELY;                             /* 2 500 000, 1.250.000, 1,250,000 */
    return NUMBER;
}

/* ---- numbering plans ---- */

static const struct phone_code *code_of(const char *d, size_t *cclen)
{
    size_t lo, hi, mid, n;
    int cc = 0;

    for (n = 1; n <= 3 && det_digit(d[n - 1]); n++) {
        cc = cc * 10 + (d[n - 1] - '0');
        for (lo = 0, hi = phone_ncodes; lo < hi;) {
            mid = (lo + hi) / 2;
            if (phone_codes[mid].cc < cc)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < phone_ncodes && phone_codes[lo].cc == cc) {
            *cclen = n;
            return &phone_codes[lo];
        }
    }
    return NULL;
}

/* A calling code and a national number of a possible length for it. */
static int possible_international(const char *d)
{
    size_t cclen, n;
    const struct phone_code *c = code_of(d, &cclen);

    n = strlen(d);
    return c != NULL && n > cclen && n - cclen < 32 && ((c->lengths >> (n - cclen)) & 1);
}

/* Digits starting with an international prefix of a plan (or 00). */
static int international_prefix(const char *d)
{
    regmatch_t m[1];
    size_t i;

    if (strncmp(d, "00", 2) == 0 && possible_international(d + 2))
        return 1;
    for (i = 0; i < phone_nplans; i++) {
        const regex_t *r = &compiled[i * RE_PER_PLAN + RE_IDD];
        if (r->re_nsub != SIZE_MAX && regexec(r, d, 1, m, 0) == 0 && m[0].rm_so == 0 &&
            possible_international(d + m[0].rm_eo))
            return 1;
    }
    return 0;
}

/* 1 if plan i's national numbers are also written without the trunk
 * prefix.  Not Ukraine's: they are written with their 0 (0XX XXX XX XX,
 * libphonenumber's national format; brief s29 num29), and without it
 * nine digits are any number ("Scores 976-99-11-22": w2num B-1).  Nor
 * Kazakhstan's (session 42, lead): written with the trunk 8 or +7
 * ("8 (701) 555 12 34", report-adv41 L-31); without it ten digits from
 * 70 to 77 are as often a bank account ("No. akaun CIMB 7012345678",
 * tests/data/leaks/malay26 B-10), which the account reader labels. */
static int bare_written(size_t i)
{
    return strcmp(phone_plans[i].region, "UA") != 0 && strcmp(phone_plans[i].region, "KZ") != 0;
}

/* A valid national number of a plan: with its trunk prefix any type;
 * without (bare_written), a mobile number, or (written in groups) any
 * type. */
static int national(const char *d, int grouped)
{
    size_t i, tl;

    for (i = 0; i < phone_nplans; i++) {
        const char *trunk = phone_plans[i].trunk;
        tl = strlen(trunk);
        if (tl > 0 && strncmp(d, trunk, tl) == 0 &&
            (match(i, RE_FIXED, d + tl) || match(i, RE_MOBILE, d + tl) || match(i, RE_OTHER, d + tl)))
            return 1;
        if (bare_written(i) &&
            (match(i, RE_MOBILE, d) || (grouped && (match(i, RE_FIXED, d) || match(i, RE_OTHER, d)))))
            return 1;
    }
    return 0;
}

/* A calling code of a plan written as a group of its own without '+'
 * ("976-99-11-22-33", "976.9911.2233", "(976) 99 11 22 33": report-adv19b
 * B-1) and, in the groups after it, a valid number of that plan (any
 * type, as after '+').  Codes of regions without a plan are left to
 * possible_international after '+' or a prefix: without one a code is
 * only two or three digits of an ordinary number.  Groups joined by a
 * word are not read so. */
static int coded_national(const struct groups *g, size_t k, const char *d)
{
    size_t i, ccn = g->nd[0];

    if (k < 2 || ccn > 6)
        return 0;
    for (i = 1; i < k; i++)
        if (g->sep[i] == 'j')
            return 0;                   /* "976 1234 and 976": two numbers */
    for (i = 0; i < phone_nplans; i++) {
        const char *rest = d + ccn;
        /* The code glued to the first group, a mobile number after it
         * ("6012-3456789", "965-9988-7766" read so too: report-adv25a
         * B-4); codes of two or three digits. */
        unsigned cc = (unsigned)phone_plans[i].cc;
        size_t ccl = cc >= 100 ? 3 : cc >= 10 ? 2 : 0;
        if (ccl > 0 && g->nd[0] > ccl && g->nd[0] <= ccl + 3 && det_value(d, ccl) == cc &&
            match(i, RE_MOBILE, d + ccl))
            return 1;
        if (det_value(d, ccn) != cc)
            continue;
        return match(i, RE_MOBILE, rest) || match(i, RE_FIXED, rest) || match(i, RE_OTHER, rest);
    }
    return 0;
}

static const struct det_word phone_words[] = {
    DW("tel", FIT_WORD), DW("tel.", FIT_WORD), DW("phone", FIT_PREFIX), DW("telephone", FIT_WORD),
    DW("mobile", FIT_WORD), DW("cell", FIT_WORD), DW("call", FIT_PREFIX), DW("fax", FIT_WORD),
    DW("whatsapp", FIT_WORD), DW("viber", FIT_WORD),
    DW("\xec\xa0\x84\xed\x99\x94", FIT_PREFIX),                        /* 전화 */
    DW("\xec\x97\xb0\xeb\x9d\xbd\xec\xb2\x98", FIT_PREFIX),            /* 연락처 */
    DW("\xed\x95\xb8\xeb\x93\x9c\xed\x8f\xb0", FIT_PREFIX),            /* 핸드폰 */
    DW("\xed\x9c\xb4\xeb\x8c\x80", FIT_PREFIX),                        /* 휴대(폰, 전화) */
    DW("\xd1\x83\xd1\x82\xd0\xb0\xd1\x81", FIT_PREFIX),              /* утас(ны) */
    DW("\xd1\x83\xd1\x82\xd1\x81", FIT_PREFIX),                        /* утс(ыг, аар) */
    DW("\xd1\x82\xd0\xb5\xd0\xbb", FIT_PREFIX),                        /* тел, телефон */
    DW("\xd1\x82\xd1\x8d\xd0\xbb", FIT_PREFIX),                        /* тэл, тэлефон (Belarusian) */
    /* report-adv17a D-31: утас in Latin letters (a JSON key "utas"),
     * Chinese 电话 and 手机 */
    DW("utas", FIT_PREFIX), DW("\xe7\x94\xb5\xe8\xaf\x9d", FIT_ANY), DW("\xe6\x89\x8b\xe6\x9c\xba", FIT_ANY),
    /* brief s25 num25 (report-adv24 A-2b): Japanese and traditional
     * Chinese 電話, 手機, Japanese 携帯 */
    DW("\xe9\x9b\xbb\xe8\xa9\xb1", FIT_ANY), DW("\xe6\x89\x8b\xe6\xa9\x9f", FIT_ANY),
    DW("\xe6\x90\xba\xe5\xb8\xaf", FIT_ANY),
};
#define PHONE_WORD_WINDOW 32

int detect_phone_word(const char *w, size_t n)
{
    return det_in_list(phone_words, sizeof phone_words / sizeof phone_words[0], w, n);
}

/* 1 if the first k groups of g are a phone number. */
static int is_phone(const char *s, size_t len, size_t at, const struct groups *g, size_t k)
{
    char d[MAX_DIGITS + 1];
    size_t nd = g->upto[k - 1];
    int yes, shape = NUMBER;

    memcpy(d, g->d, nd);
    d[nd] = '\0';
    if (g->plus)
        yes = possible_international(d) || (nd >= 8 && nd <= 15);
    else if (nd >= 10 && (strncmp(d, "00", 2) == 0 || strncmp(d, "810", 3) == 0) &&
             international_prefix(d))
        yes = 1;
    else if (nd < 6 || (shape = not_a_number(s, g, k)) == NEVER)
        yes = 0;
    /* Money written as an amount is ("88 776 655 tugrik", not a phone
     * followed by "원"), a part of an amount, a year and a reference
     * number ("Invoice 2024-000123"; detect_money.c). */
    else if (((shape == NOT_LIKELY || k == 1) && det_money_around(s, len, at, g->end[k - 1])) ||
             det_inside_amount(s, at, g->nd[0], k > 1 ? g->sep[1] : 0) ||
             (k == 2 && g->nd[0] == 4 && is_year(group_value(g, 0)) && g->nd[1] >= 5 &&
              (g->sep[1] == '-' || g->sep[1] == '/')))
        yes = 0;
    else if (nd <= 12 && det_word_near(s, len, at > PHONE_WORD_WINDOW ? at - PHONE_WORD_WINDOW : 0,
                                       at, phone_words, sizeof phone_words / sizeof phone_words[0]))
        yes = 1;
    else
        yes = nd >= 7 && (national(d, shape == NUMBER && k >= 2) || (shape == NUMBER && coded_national(g, k, d)));
    sodium_memzero(d, sizeof d);
    return yes;
}

/* A valid mobile number of a plan, with its trunk prefix or (bare_written) without. */
static int mobile(const char *d)
{
    for (size_t i = 0; i < phone_nplans; i++) {
        size_t tl = strlen(phone_plans[i].trunk);
        if ((bare_written(i) && match(i, RE_MOBILE, d)) ||
            (tl > 0 && strncmp(d, phone_plans[i].trunk, tl) == 0 && match(i, RE_MOBILE, d + tl)))
            return 1;
    }
    return 0;
}

int detect_plan_number(const char *d)
{
    for (size_t i = 0; i < phone_nplans; i++) {
        size_t tl = strlen(phone_plans[i].trunk);
        if (tl > 0 && strncmp(d, phone_plans[i].trunk, tl) == 0 &&
            (match(i, RE_FIXED, d + tl) || match(i, RE_MOBILE, d + tl) || match(i, RE_OTHER, d + tl)))
            return 2;
    }
    return mobile(d) ? 1 : 0;
}

/* 1 if the groups g, written in groups (two or more, without '+'), are a
 * mobile number with one stray digit typed after its last digit, its last
 * group one digit longer than the group before ("010-1234-56789", or a
 * digit glued on by an invisible character: "010-1234-5678<U+200B>9",
 * "9911 2233<U+200B>4": report-adv19b B-14): the whole run is taken,
 * stray digit and all.  Groups of three digits or more, no joining word,
 * and not dotted groups without a trunk prefix ("10.1234.56789": a
 * version). */
static int stray_digit(const char *s, size_t len, size_t at, const struct groups *g)
{
    struct groups h;
    size_t last = g->n - 1;
    int yes;

    if (g->n < 2 || g->plus || g->nd[last] != g->nd[last - 1] + 1 ||
        !det_ends_number(s, len, g->end[last]))
        return 0;
    for (size_t i = 0; i < g->n; i++)
        if (g->nd[i] < 3 || g->sep[i] == 'j' || (g->sep[i] == '.' && g->d[0] != '0'))
            return 0;
    h = *g;
    h.nd[last]--, h.upto[last]--;
    h.d[h.upto[last]] = '\0';
    yes = mobile(h.d) && is_phone(s, len, at, &h, g->n);
    sodium_memzero(h.d, sizeof h.d);
    return yes;
}

/* Needs detect_phone_ready() to have succeeded (detect.c calls it before
 * the first start that can be a number). */
/* 1 if the first k groups of g are cut from a number that goes on: every
 * group joined by the same dash or dot, and one more after them
 * ("2024-0315-7788" is no phone 2024-0315 and a rest: report-adv19b
 * B-26). */
static int goes_on(const struct groups *g, size_t k)
{
    size_t j;

    if (k == g->n || k < 2 || (g->sep[1] != '-' && g->sep[1] != '.'))
        return 0;
    for (j = 2; j < g->n; j++)
        if (g->sep[j] != g->sep[1])
            return 0;
    return 1;
}

size_t detect_scan_phone(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    struct groups g;
    size_t k;

    (void)start, (void)kind;
    if (!read_groups(&g, s, len, at))
        return 0;
    /* A version ("버전 10.1234.5678": report-adv19b B-26). */
    if (g.n > 1 && g.sep[1] == '.' && detect_after_version_word(s, at)) {
        sodium_memzero(g.d, sizeof g.d);
        return 0;
    }
    for (k = g.n; k > 0; k--)
        if (det_ends_number(s, len, g.end[k - 1]) && !goes_on(&g, k) && is_phone(s, len, at, &g, k))
            break;
    if (k == 0 && stray_digit(s, len, at, &g))
        k = g.n;
    sodium_memzero(g.d, sizeof g.d);      /* a copy of the number's digits */
    return k > 0 ? g.end[k - 1] : 0;
}
