/* Addresses on networks:
 *   - e-mail: a local part of letters of any script, digits and
 *     . _ % + - ' (RFC 6531 allows non-ASCII: "바다@naver.com"; "o'doyle"),
 *     '@' or an at written out ("[at]", "(at)", "{at}", "<at>", " @ ",
 *     " at " when a dot is written out too, or the domain ends in a
 *     well-known top-level domain; Russian " ат ", Korean " 골뱅이 "; the
 *     words in any pair of brackets: "(골뱅이)", "[собака]"), or a quoted
 *     local part ("\"bada 75\"@naver.com"), and
 *     a domain of at least two labels whose dots may be written out
 *     ("[dot]", "(dot)", " dot ", " . ", " 점 ", "(점)" and the like), each label ASCII or of
 *     another script, not both (Korean particles follow addresses); a
 *     mail provider's name alone ("kim@gmail", "kim88 at naver": a local
 *     part with a digit, '.' or '_' after " at "), an address literal
 *     ("kim@[192.0.2.1]");
 *   - URL: http://, https://, www., defanged hxxp://, hxxps://, or a host
 *     name of two labels or more followed by a path ("vk.com/id12345",
 *     "facebook.com/kim.jongsu.75", "facebook . com / kim"); dots written
 *     "[.]" or "(.)" (defanged), or " . " and " dot " when the host holds a
 *     digit, has a path or starts with www; a host name alone when it ends
 *     in a well-known top-level domain ("kimjs.com"), or in any ICANN
 *     top-level domain of the Public Suffix List (libpsl's built-in copy:
 *     .xyz, .online, .мон) when the host holds a digit, has three labels,
 *     or the domain is not ASCII or four letters or more; a profile URL is
 *     replaced whole;
 *   - handle: '@' and 2-30 of [a-z0-9_.] not after a word character
 *     ("@kimjongsu75"), "@ kim88", "u/kim88", "kim88님" (detect_scan_handle);
 *   - IPv4 (octets up to 255, a sentence's full stop allowed after it) and
 *     IPv6, full, compressed with "::" (two groups or more, five hex
 *     digits or more and at least one decimal digit: "a::b" and "std::map"
 *     are no address) or ending in an IPv4 address ("::ffff:192.0.2.1"). */
#include <libpsl.h>
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

/* 1 if s[at..end) is a word of tab[0..n). */
static int in_table(const char *const *tab, size_t n, const char *s, size_t at, size_t end)
{
    size_t k;

    for (k = 0; k < n; k++)
        if (strlen(tab[k]) == end - at && memcmp(s + at, tab[k], end - at) == 0)
            return 1;
    return 0;
}

static int known_tld(const char *s, size_t at, size_t end)
{
    return in_table(tlds, sizeof tlds / sizeof tlds[0], s, at, end);
}

/* The top-level domains above said in Cyrillic letters, as a Mongolian
 * or Russian speaker writes them down ("мэйл ком" for mail.com). */
static const char *const cyr_tlds[] = {
    "\xd0\xba\xd0\xbe\xd0\xbc",                                     /* ком */
    "\xd0\xbd\xd1\x8d\xd1\x82", "\xd0\xbd\xd0\xb5\xd1\x82",         /* нэт, нет */
    "\xd0\xbe\xd1\x80\xd0\xb3",                                     /* орг */
    "\xd0\xbc\xd0\xbd", "\xd1\x80\xd1\x83",                         /* мн, ру */
    "\xd0\xba\xd0\xbf", "\xd0\xba\xd1\x80",                         /* кп, кр */
    "\xd0\xb8\xd0\xbd\xd1\x84\xd0\xbe",                             /* инфо */
};

static int provider(const char *s, size_t at, size_t end);

/* 1 if a top-level domain said as a word of its own stands at s[at],
 * ending its word, after the label s[la..le): one of cyr_tlds after any
 * label, one of known_tld's after a mail provider's name or "mail"; else
 * 0.  After an at sign said in words the dot before it may go unsaid
 * ("dorjbat ат мэйл ком", "kim at gmail com": brief s21 glue21), where
 * "met at the net" and "at work co-ordinating" stay English. */
static int said_tld(const char *s, size_t len, size_t at, size_t la, size_t le)
{
    size_t i = at, n;
    int cp;

    while ((cp = det_cp_at(s, len, i, &n)) >= 0 && is_word_cp(cp) && !det_digit((char)cp))
        i += n;
    if (i == at || (cp >= 0 && is_word_cp(cp)))
        return 0;
    if (in_table(cyr_tlds, sizeof cyr_tlds / sizeof cyr_tlds[0], s, at, i))
        return 1;
    return known_tld(s, at, i) &&
           (provider(s, la, le) || (le - la == 4 && memcmp(s + la, "mail", 4) == 0));
}

/* ---- at signs and dots written in brackets ---- */

/* report-adv16a A-17: Korean forums write an address "bada75(골뱅이)naver
 * (점)컴", with the word for '@' or '.' in any pair of brackets, spaces
 * around it or not. */
static const char *const at_words[] = {
    "at", "@", "\xea\xb3\xa8\xeb\xb1\x85\xec\x9d\xb4",                 /* 골뱅이 */
    "\xea\xb3\xa8\xeb\xb2\xb5\xec\x9d\xb4",                           /* 골벵이 */
    "\xec\x95\xb3", "\xd0\xb0\xd1\x82", "\xd1\x8d\xd1\x82",             /* 앳, ат, эт */
    "\xd1\x81\xd0\xbe\xd0\xb1\xd0\xb0\xd0\xba\xd0\xb0",               /* собака */
};
static const char *const dot_words[] = {
    ".", "dot", "\xec\xa0\x90", "\xeb\x8b\xb7",                             /* 점, 닷 */
    "\xd1\x82\xd0\xbe\xd1\x87\xd0\xba\xd0\xb0", "\xd1\x86\xd1\x8d\xd0\xb3", /* точка, цэг */
};

/* The length of a word of words[0..n) in a pair of brackets at s[at]
 * ("(골뱅이)", " [ 점 ] ", "{dot}"), spaces before, inside and after
 * allowed, or 0. */
static size_t bracketed(const char *s, size_t len, size_t at, const char *const *words, size_t n)
{
    static const char open[] = "([{<", close[] = ")]}>";
    size_t i = at, k, m;
    const char *o;

    if (i < len && s[i] == ' ')
        i++;
    if (i >= len || s[i] == '\0' || (o = strchr(open, s[i])) == NULL)
        return 0;
    for (i++; i < len && s[i] == ' '; i++)
        ;
    for (k = 0; k < n; k++)
        if (det_starts(s, len, i, words[k]))
            break;
    if (k == n)
        return 0;
    for (m = i + strlen(words[k]); m < len && s[m] == ' '; m++)
        ;
    if (m >= len || s[m] != close[o - open])
        return 0;
    m++;
    return (m < len && s[m] == ' ' ? m + 1 : m) - at;
}

/* ---- host names ---- */

struct host {
    size_t end, labels;
    size_t tld;                 /* start of the last label */
    int tld_letters;            /* the last label is 2-24 letters */
    int written;                /* dots written out */
    int digit;                  /* a digit in a label */
};

/* Dots written out: defanged ones first (any host), then the words. */
static const char *const dots[] = {
    "[.]", "(.)", " [.] ", "[dot]", "(dot)", "{dot}", "<dot>", " [dot] ", " (dot) ",
    " dot ", " . ", " \xec\xa0\x90 ",                                        /* 점 */
    /* report-adv12c H22: the Russian, Mongolian and Korean spoken dots */
    " \xd1\x82\xd0\xbe\xd1\x87\xd0\xba\xd0\xb0 ",                            /* точка */
    " \xd1\x86\xd1\x8d\xd0\xb3 ",                                          /* цэг */
    " \xeb\x8b\xb7 ", " \xeb\x8b\xb7",                                       /* 닷: 닷컴 */
    /* report-adv12 A-23: white space inside the brackets, quotes */
    " [ . ] ", " ( . ) ", " [ dot ] ", " ( dot ) ", " \"dot\" ", " 'dot' ", " \".\" ", " '.' ",
};
#define DEFANGED 3              /* dots[0..DEFANGED) */

/* Labels of [a-z0-9-] (or any letter when idn) joined by dots (or by
 * dots written out: defanged when spelled is 1, any when 2); stops before a
 * trailing '.' or '-'.  *written counts the dots written out. */
static struct host host_at(const char *s, size_t len, size_t at, int idn, int spelled)
{
    struct host h = { 0, 0, 0, 0, 0, 0 };
    size_t i = at, a, n, k, ndots = spelled == 2 ? sizeof dots / sizeof dots[0] : spelled ? DEFANGED : 0;
    int cp;

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
        for (k = a; k < i && !h.digit; k++)
            h.digit = det_digit(s[k]);
        if (i < len && s[i] == '.' && i + 1 < len && det_letter_at(s, len, i + 1)) {
            i++;
            continue;
        }
        for (k = 0; k < ndots; k++)
            if (det_starts(s, len, i, dots[k]) && det_letter_at(s, len, i + strlen(dots[k])))
                break;
        /* The last dot left unsaid before a top-level domain said. */
        if (k == ndots && spelled == 2 && h.labels == 1 && i < len && s[i] == ' ' &&
            said_tld(s, len, i + 1, h.tld, h.end)) {
            i++, h.written++;
            continue;
        }
        if (k == ndots) {
            if (spelled != 2 || (n = bracketed(s, len, i, dot_words, sizeof dot_words / sizeof dot_words[0])) == 0 ||
                !det_letter_at(s, len, i + n))
                break;
            i += n, h.written++;
            continue;
        }
        i += strlen(dots[k]);
        h.written += k >= DEFANGED;
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

static size_t quad(const char *s, size_t len, size_t at);

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
                                         "{at}", "<at>", " @ ", " at ",
                                         " \xd0\xb0\xd1\x82 ",                         /* ат */
                                         " \xea\xb3\xa8\xeb\xb1\x85\xec\x9d\xb4 ",    /* 골뱅이 */
                                         /* report-adv12c H22: собака, the Russian
                                          * name of @; эт; 앳; [@] */
                                         " \xd1\x81\xd0\xbe\xd0\xb1\xd0\xb0\xd0\xba\xd0\xb0 ",
                                         " \xd1\x8d\xd1\x82 ", " \xec\x95\xb3 ", "[@]",
                                         /* report-adv12 A-23: spaced defangs, quotes */
                                         " [@] ", " (@) ", " {@} ", " <@> ", "(@)", "{@}", "<@>",
                                         " [ @ ] ", " ( @ ) ", " [ at ] ", " ( at ) ",
                                         " \"at\" ", " 'at' ", " \"@\" ", " '@' ",
                                         /* report-adv27a G-11: "altaa(a)mail.mn" */
                                         " (a) ", " [a] ", "(a)", "[a]" };
    size_t k;

    *spelled = 0;
    if (s[at] == '@')
        return 1;
    for (k = 0; k < sizeof forms / sizeof forms[0]; k++)
        if (det_starts(s, len, at, forms[k]))
            return *spelled = 1, strlen(forms[k]);
    if ((k = bracketed(s, len, at, at_words, sizeof at_words / sizeof at_words[0])) != 0)
        return *spelled = 1, k;
    return 0;
}

/* The start of a quoted local part ending at the '"' before the at sign
 * at s[at] (RFC 5322: "\"bada 75\"@naver.com"; report-adv16a A-17), or
 * at: 1-64 bytes, no quote or line break inside, no letter right before
 * the opening quote. */
static size_t quoted_local(const char *s, size_t at)
{
    size_t i;

    if (at < 3 || s[at - 1] != '"')
        return at;
    for (i = at - 1; i > 0 && at - 1 - i <= 64; i--) {
        if (s[i - 1] == '\n')
            return at;
        if (s[i - 1] == '"')
            return i - 1 < at - 2 && !det_letter_before(s, i - 1) ? i - 1 : at;
    }
    return at;
}

/* Separators of a local part said in words (report-adv19b B-13: "kim
 * dot js at mail dot kp", "kim underscore js"): the dots written out of
 * a host name (dots[]), underscore and dash in English, Korean (언더바,
 * 언더스코어, 밑줄, 대시, 하이픈) and Mongolian (доогуур зураас, зураас). */
static const char *const local_words[] = {
    " underscore ", " under score ", " dash ", " hyphen ", " minus ",
    " ì¸ëë° ",                                   /* 언더바 */
    " ì¸ëì¤ì½ì´ ",          /* 언더스코어 */
    " ë°ì¤ ", " ëì ",                 /* 밑줄, 대시 */
    " íì´í ",                                   /* 하이픈 */
    " Ð´Ð¾Ð¾Ð³ÑÑÑ Ð·ÑÑÐ°Ð°Ñ ", /* доогуур зураас */
    " Ð·ÑÑÐ°Ð°Ñ ",                      /* зураас */
};

/* The length of a separator said in words (local_words, dots[]) that
 * ends at s[l], or 0. */
static size_t local_word_before(const char *s, size_t l)
{
    size_t k, n;

    for (k = 0; k < sizeof local_words / sizeof local_words[0]; k++)
        if ((n = strlen(local_words[k])) <= l && memcmp(s + l - n, local_words[k], n) == 0)
            return n;
    for (k = 0; k < sizeof dots / sizeof dots[0]; k++)
        if ((n = strlen(dots[k])) <= l && dots[k][n - 1] == ' ' && memcmp(s + l - n, dots[k], n) == 0)
            return n;
    return 0;
}

/* The start of a local part s[l..at) that goes on back through parts
 * joined by separators said in words ("kim dot js") and through number
 * words ("jongsu seventy five at gmail": the local part is jongsu75),
 * up to 8 parts. */
static size_t local_said(const char *s, size_t len, size_t l)
{
    size_t n, w, b;
    int cp, k;

    for (k = 0; k < 8 && l > 0; k++) {
        if ((n = local_word_before(s, l)) != 0 && n < l && (w = local_start(s, l - n)) < l - n) {
            l = w;
            continue;
        }
        if (l < 2 || s[l - 1] != ' ')
            break;
        for (b = l - 1; (cp = det_cp_before(s, b, &n)) >= 0 && cp < 0x80 && det_alpha((char)cp);)
            b -= n;
        if (b == l - 1 || !detect_spoken_word(s, len, b))
            break;
        l = b;
    }
    return l;
}

/* Mail providers whose name alone is a domain ("kim@gmail"). */
static const char *const providers[] = {
    "gmail", "googlemail", "yahoo", "hotmail", "outlook", "naver", "daum", "hanmail", "nate",
    "kakao", "yandex", "icloud", "protonmail", "proton", "qq", "163", "126",
};

static int provider(const char *s, size_t at, size_t end)
{
    return in_table(providers, sizeof providers / sizeof providers[0], s, at, end);
}

/* 1 if the local part s[l..at) holds a digit, '.' or '_' (a user name,
 * not an English word before " at "). */
static int local_marked(const char *s, size_t l, size_t at)
{
    for (; l < at; l++)
        if (det_digit(s[l]) || s[l] == '.' || s[l] == '_')
            return 1;
    return 0;
}

/* Words that say a mailbox follows: with one before it, a user name
 * without a digit before " at " and a provider is an address ("email:
 * tsetsegee at gmail", "write to tsetsegee at gmail": report-adv12c H23),
 * where "works at naver" is English. */
static const struct det_word mail_words[] = {
    DW("email", FIT_WORD), DW("mail", FIT_WORD), DW("write", FIT_PREFIX), DW("mailbox", FIT_WORD),
    DW("\xeb\xa9\x94\xec\x9d\xbc", FIT_PREFIX), /* 메일 */
    DW("\xec\x9d\xb4\xeb\xa9\x94\xec\x9d\xbc", FIT_PREFIX), /* 이메일 */
    DW("\xd0\xbf\xd0\xbe\xd1\x87\xd1\x82", FIT_PREFIX), /* почт */
    DW("\xd0\xbc\xd0\xb5\xd0\xb9\xd0\xbb", FIT_PREFIX), /* мейл */
    DW("\xd0\xbc\xd1\x8d\xd0\xb9\xd0\xbb", FIT_PREFIX), /* мэйл */
    DW("\xd0\xb8\xd0\xbc\xd1\x8d\xd0\xb9\xd0\xbb", FIT_PREFIX), /* имэйл */
};

/* 1 if a word of mail_words stands in the 32 bytes before l, in the
 * same sentence. */
static int mail_word_before(const char *s, size_t len, size_t l)
{
    size_t from = l > 32 ? l - 32 : 0, i;

    for (i = l; i > from; i--)
        if (s[i - 1] == '.' && i < l && s[i] == ' ') {
            from = i;
            break;
        }
    return det_word_near(s, len, from, l, mail_words, sizeof mail_words / sizeof mail_words[0]);
}

/* An e-mail address around an at sign at s[at], or 0. */
static size_t email_at(const char *s, size_t len, size_t at, size_t *start)
{
    size_t l, a, q;
    int spelled;
    struct host h;

    if ((a = at_sign(s, len, at, &spelled)) == 0)
        return 0;
    if ((l = local_start(s, at)) == at && (spelled || (l = quoted_local(s, at)) == at))
        return 0;
    /* An address literal: "kim@[192.0.2.1]". */
    if (!spelled && at + 2 < len && s[at + 1] == '[' && (q = quad(s, len, at + 2)) != 0 &&
        q < len && s[q] == ']')
        return *start = l, q + 1;
    h = host_at(s, len, at + a, 1, 2);
    if (h.labels == 1 && provider(s, h.tld, h.end) && det_ends_word(s, len, h.end) &&
        (!spelled || local_marked(s, l, at) || mail_word_before(s, len, l)))
        return *start = spelled ? local_said(s, len, l) : l, h.end;   /* kim@gmail */
    if (h.labels < 2 || !h.tld_letters)
        return 0;
    /* " at " reads as English: only with a dot written out or a known TLD. */
    if (det_starts(s, len, at, " at ") && !known_tld(s, h.tld, h.end) && h.written == 0)
        return 0;
    *start = spelled ? local_said(s, len, l) : l;
    return h.end;
}

/* 1 if an at sign written out starts at s[at]: detect.c's cheap test,
 * called at every position of the walk.  at_sign is asked only where the
 * first three bytes can start one of its forms: a space or a bracket,
 * then "at", '@', a bracket and 'a', or the first two bytes of ат,
 * собака, эт, 골뱅이 or 앳. */
int detect_at_written(const char *s, size_t len, size_t at)
{
    int spelled;
    unsigned char c, d;

    if (at + 3 >= len ||
        !(s[at] == ' ' || s[at] == '[' || s[at] == '(' || s[at] == '{' || s[at] == '<'))
        return 0;
    c = (unsigned char)s[at + 1], d = (unsigned char)s[at + 2];
    return ((c == 'a' && (d == 't' || d == ')' || d == ']')) || c == '@' ||
            ((c == '[' || c == '(' || c == '{' || c == '<' || c == '"' || c == '\'') &&
             (d == 'a' || d == '@' || d == ' ' || d >= 0xd0)) ||
            (s[at] != ' ' && c == ' ') ||
            (c == 0xd0 && d == 0xb0) || (c == 0xd1 && (d == 0x81 || d == 0x8d)) ||
            (c == 0xea && d == 0xb3) || (c == 0xec && d == 0x95)) &&
           at_sign(s, len, at, &spelled) != 0;
}

size_t detect_email(const char *s, size_t len, size_t at, size_t *start)
{
    char c = s[at];

    if (c == '@')                                   /* "kim@x.kp", " @ " */
        return email_at(s, len, at > 0 && s[at - 1] == ' ' && at + 1 < len && s[at + 1] == ' ' ?
                        at - 1 : at, start);
    if (c == ' ')                                   /* " at ", " ат ", " 골뱅이 ", " [at] " */
        return email_at(s, len, at, start);
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

int detect_public_tld(const char *s, size_t at, size_t end)
{
    char tld[64];

    if (end - at >= sizeof tld)
        return 0;
    memcpy(tld, s + at, end - at);
    tld[end - at] = '\0';
    return psl_is_public_suffix2(psl_builtin(), tld, PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) != 0;
}

/* A host name alone (no scheme, no path) is a URL: a well-known TLD, or
 * any public one when the host holds a digit, has three labels, or its
 * TLD is not ASCII or four letters or more (".kim", ".one" are words). */
static int host_alone(const char *s, const struct host *h)
{
    if (known_tld(s, h->tld, h->end))
        return 1;
    if (!(h->digit || h->labels >= 3 || (unsigned char)s[h->tld] >= 0x80 || h->end - h->tld >= 4))
        return 0;
    return detect_public_tld(s, h->tld, h->end);
}

size_t detect_scan_url(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    static const char *const schemes[] = { "https://", "http://", "hxxps://", "hxxp://", "www." };
    size_t i = at, k, p;
    struct host h;

    (void)start, (void)kind;
    for (k = 0; k < sizeof schemes / sizeof schemes[0] && i == at; k++)
        if (det_starts(s, len, at, schemes[k]))
            i += strlen(schemes[k]);
    if (i == at && det_starts(s, len, at, "www ") && (h = host_at(s, len, at, 1, 2)).labels >= 3)
        return h.end;                                           /* www . kim88 . mn */
    if (i > at) {
        h = host_at(s, len, i, 1, 1);
        i = url_rest(s, len, at, h.labels > 0 ? h.end : i);
        return i - at > 8 ? i : 0;
    }
    /* A host name starts at a word, not after a dot: "a.b.c..." is read
     * once, not again from each dot. */
    if (!det_alnum(s[at]) || (at > 0 && s[at - 1] == '.'))
        return 0;
    h = host_at(s, len, at, 1, 2);
    if (h.labels < 2 || !h.tld_letters || (h.end < len && det_alnum(s[h.end])))
        return 0;
    /* A path: "/x", or " / x" after a dot written out. */
    p = h.end + 1 < len && s[h.end] == '/' ? h.end + 1 :
        h.written && det_starts(s, len, h.end, " / ") ? h.end + 3 :
        /* a path spelt out (report-adv12 A-23): "facebook dot com slash kim88" */
        h.written && det_starts(s, len, h.end, " slash ") ? h.end + 7 : 0;
    if (p != 0 && p < len && (unsigned char)s[p] > 0x20)
        return url_rest(s, len, at, p);
    if (h.written && !h.digit)
        return 0;                                               /* "the dot com years" */
    return host_alone(s, &h) && !(h.end < len && (s[h.end] == '@' || s[h.end] == '-')) ? h.end : 0;
}

/* A user name of [a-z0-9_.] from i, 2-30 long, not ending in '.'; its end
 * or 0. */
static size_t user_name(const char *s, size_t len, size_t i)
{
    size_t a = i;

    while (i < len && (det_alnum(s[i]) || s[i] == '_' || s[i] == '.') && i - a <= 30)
        i++;
    while (i > a && s[i - 1] == '.')
        i--;
    return i - a >= 2 && i - a <= 30 && det_ends_word(s, len, i) ? i : 0;
}

/* 1 if s[a..e) holds a letter and a digit or '_' (a user name, not a word). */
static int name_marked(const char *s, size_t a, size_t e)
{
    size_t k, letters = 0, marks = 0;

    for (k = a; k < e; k++)
        letters += (size_t)det_alpha(s[k]), marks += det_digit(s[k]) || s[k] == '_';
    return letters > 0 && marks > 0;
}

/* Handles: "@kimjongsu75"; "@ kim88" (a space after the at sign, the name
 * holding a digit or '_'); Reddit's "u/kim88"; a user name with a digit
 * or '_' right before the Korean honorific 님 or 씨 ("kim88님의 블로그"); such
 * a name with the at sign after it ("kim88@ on twitter"). */
size_t detect_scan_handle(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t e;

    (void)start, (void)kind;
    if (s[at] == '@') {
        if (at + 1 < len && s[at + 1] == ' ')
            return (e = user_name(s, len, at + 2)) != 0 && name_marked(s, at + 2, e) ? e : 0;
        return user_name(s, len, at + 1);
    }
    if (s[at] == 'u' && at + 1 < len && s[at + 1] == '/')
        return (e = user_name(s, len, at + 2)) != 0 && det_alpha(s[at + 2]) ? e : 0;
    /* The at sign after the name, as some write a handle (report-adv27a
     * G-12: "mohdhafiz88@ on twitter"): no host after the sign, and a '_'
     * or '.' in the name or two digits at its end (not a name spelt with
     * digits for letters, "P3tr0v@": spell22). */
    if (det_alnum(s[at]) && (e = user_name(s, len, at)) != 0 && e < len && s[e] == '@' &&
        (e + 1 >= len || !(det_alnum(s[e + 1]) || s[e + 1] == '_' ||
                           (s[e + 1] == '.' && e + 2 < len && det_alnum(s[e + 2])))) &&
        name_marked(s, at, e) && (memchr(s + at, '_', e - at) || memchr(s + at, '.', e - at) ||
                                  (det_digit(s[e - 1]) && det_digit(s[e - 2]))))
        return e + 1;
    if (det_starts(s, len, at, "wxid_"))                        /* a WeChat id as WeChat writes it */
        return user_name(s, len, at);
    if (det_alnum(s[at]) && (e = user_name(s, len, at)) != 0 && name_marked(s, at, e) &&
        (det_starts(s, len, e, "\xeb\x8b\x98") || det_starts(s, len, e, "\xec\x94\xa8")))
        return e;                                               /* 님, 씨 */
    return 0;
}

/* ---- IP addresses ---- */

static size_t octet(const char *s, size_t len, size_t at)
{
    size_t n = det_digits(s, len, at);

    return n >= 1 && n <= 3 && det_value(s + at, n) <= 255 ? n : 0;
}

/* The length of a dot between two octets at s[i]: '.', or a dot written
 * out ("192[.]168[.]10[.]45", "192 dot 168 dot 10 dot 45": report-adv12d
 * F11; four octets so joined are an address); 0 if none. */
static size_t octet_dot(const char *s, size_t len, size_t i)
{
    size_t k, n;

    if (i < len && s[i] == '.')
        return 1;
    for (k = 0; k < sizeof dots / sizeof dots[0]; k++)
        if (det_starts(s, len, i, dots[k]) && (n = strlen(dots[k])) > 0 && i + n < len &&
            det_digit(s[i + n]))
            return n;
    return 0;
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
            if ((n = octet_dot(s, len, i)) == 0)
                return 0;
            i += n;
        }
    }
    return i;
}

/* "1.2.3.4." ends a sentence; "1.2.3.4.5" is no address. */
static int quad_ends(const char *s, size_t len, size_t i)
{
    return det_ends_number(s, len, i) && !(i + 1 < len && s[i] == '.' && det_digit(s[i + 1]));
}

size_t detect_ip_written(const char *s, size_t len, size_t at)
{
    size_t i = at, n, k, sep = 0;
    unsigned long v = 0;

    if (det_starts(s, len, at, "0x")) {                         /* 0xc0000201 */
        for (i = at + 2; i < len && ishex(s[i]) && i - at <= 10; i++)
            ;
        return i - at == 10 && det_ends_word(s, len, i) ? i : 0;
    }
    if ((n = det_digits(s, len, at)) >= 8 && n <= 10 && det_ends_word(s, len, at + n)) {
        for (k = 0; k < n; k++)
            v = v * 10 + (unsigned long)(s[at + k] - '0');
        return v <= 0xFFFFFFFFUL ? at + n : 0;                  /* 3221225985 */
    }
    /* 192 . 0 . 2 . 1, 192,0,2,1, 192 0 2 1, 10 , 0 , 0 , 5, 10, 0, 0, 5
     * (report-adv28c J-11): one separator, used thrice. */
    for (k = 0; k < 4; k++) {
        if ((n = octet(s, len, i)) == 0)
            return 0;
        i += n;
        if (k == 3)
            break;
        if (det_starts(s, len, i, " . ") || det_starts(s, len, i, " , "))
            n = 3;
        else if (det_starts(s, len, i, ", "))
            n = 2;
        else if (i < len && (s[i] == ',' || s[i] == ' ' || s[i] == '.'))
            n = 1;
        else
            return 0;
        if (sep != 0 && sep != n * 256 + (unsigned char)s[i + n / 2])
            return 0;
        sep = n * 256 + (unsigned char)s[i + n / 2];
        i += n;
    }
    /* Not followed by more of a list ("1, 2, 3, 4, 5"). */
    return det_ends_word(s, len, i) && !(i + 1 < len && s[i] == ',' && det_digit(s[i + 1])) &&
                   !(det_starts(s, len, i, ", ") && i + 2 < len && det_digit(s[i + 2])) &&
                   !(det_starts(s, len, i, " , ") && i + 3 < len && det_digit(s[i + 3]))
               ? i
               : 0;
}

/* 1 if a version word stands right before at ("Version 1.2.3.4",
 * "v1.2.3.4", "release 1.2.3.4", "버전 1.2.3.4": report-adv12e F20): four numbers
 * there are a version, not an address.  An address after an "ip" label
 * is still found (detect_ip_written). */
int detect_after_version_word(const char *s, size_t at)
{
    static const struct det_word words[] = {
        DW("version", FIT_WORD), DW("ver", FIT_WORD), DW("v", FIT_WORD), DW("release", FIT_WORD),
        DW("\xeb\xb2\x84\xec\xa0\x84", FIT_PREFIX),                          /* 버전 */
        DW("\xd0\xb2\xd0\xb5\xd1\x80\xd1\x81\xd0\xb8", FIT_PREFIX),      /* верси(я, и) */
        DW("\xd1\x85\xd1\x83\xd0\xb2\xd0\xb8\xd0\xbb\xd0\xb1\xd0\xb0\xd1\x80", FIT_PREFIX),  /* хувилбар */
    };
    size_t a, e;

    if (at > 0 && s[at - 1] == 'v' && (at == 1 || !det_letter_before(s, at - 1)))
        return 1;                                                   /* v1.2.3.4 */
    if ((e = det_word_ending(s, at, " .:", &a)) != 0 && det_in_list(words, sizeof words / sizeof words[0], s + a, e - a))
        return 1;
    /* "version no. 1.2.3.4", "version: v 1.2.3.4" */
    return e != 0 && (e = det_word_ending(s, a, " .:", &a)) != 0 &&
           det_in_list(words, sizeof words / sizeof words[0], s + a, e - a);
}

size_t detect_scan_ipv4(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t i = quad(s, len, at);

    (void)start, (void)kind;
    return i != 0 && quad_ends(s, len, i) && !detect_after_version_word(s, at) ? i : 0;
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
    /* A letter that no hex digit is may be glued on when three groups or
     * more say it is an address ("2001:db8::6Ulaanbaatar": issue 12, s20
     * note; "std::map" and "a::bx" stay words). */
    if (colons > 7 || (!det_ends_word(s, len, i) &&
                       !(groups >= 3 && ((s[i] >= 'g' && s[i] <= 'z') || (s[i] >= 'G' && s[i] <= 'Z')) &&
                         i > at && s[i - 1] != ':')))
        return 0;
    if (colons == 7 && !dbl)
        return i;
    return dbl && colons >= 2 && groups >= 2 && hex >= 5 && dec > 0 ? i : 0;
}
