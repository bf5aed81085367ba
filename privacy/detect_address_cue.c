/* Addresses led by a cue (brief s24 addr24, issue 12): after a label
 * ("хаяг:", "адрес:", "주소:", "address:") or a verb of living ("lives
 * at", "живёт на"), the numbers of the same clause are one address span,
 * whatever their shape ("3х15б42т", "3/15/42", "ленина 5-12", "blk4 st12
 * h7", "101 dong 1203 ho"): the short forms a tester wrote are too many to
 * list one by one, and the cue says what they are.  Before a Mongolian
 * verb of living ("оршин суудаг", "амьдардаг") the numbers of the clause
 * before it are read alike.  Norm view (lower case).
 *
 * The rules (the cue words are written by hand and want a native
 * reviewer for Mongolian, Russian and Korean):
 *   - the span runs from the first token with a digit to the last one of
 *     the clause; a clause ends at ".", "!", "?", ";" or a line break (a
 *     "." after a street or unit abbreviation, "st.", "кв.", does not end
 *     it), at more than two words without a digit between two numbers
 *     or at one of five letters or more that is not a unit ("street",
 *     "байр": "42 baker street, flat 3, london nw1 6xe" keeps london),
 *     and before a time ("10:30"), an e-mail address, a URL, an IP, a
 *     handle, coordinates or a phone the detectors found;
 *   - a pronoun before the first number cancels ("address: he has 3
 *     kids"), as do more than six words before it (two after a verb), and
 *     a word of counts or time (counts[]) before it or after a number;
 *   - a label with its colon takes one digit group; any other cue needs
 *     two ("she lives at 5 12 34", not "she lives at 5"), at most one
 *     word apart;
 *   - before a Mongolian verb the number right before it ends in a
 *     case ending or a unit ("42-т амьдардаг").
 * A span found in the view (detect_address_view.c) takes numbers said in
 * words ("address: five twelve thirty-four") alike. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

/* The cues, in the norm view; after: the address follows the cue (else
 * it stands before it, Mongolian verbs); colon: the label wants its ":". */
struct cue {
    const char *w;
    int after, colon;
};

static const struct cue cues[] = {
    { "address", 1, 1 }, { "addr", 1, 1 }, { "home address", 1, 1 }, { "khayag", 1, 1 }, { "hayag", 1, 1 },
    { "\xd1\x85\xd0\xb0\xd1\x8f\xd0\xb3", 1, 1 },                                   /* хаяг */
    { "\xd0\xb0\xd0\xb4\xd1\x80\xd0\xb5\xd1\x81", 1, 1 },                           /* адрес */
    { "\xd0\xb0\xd0\xb4\xd1\x80\xd0\xb5\xd1\x81\xd0\xb0", 1, 1 },                   /* адреса (Ukrainian) */
    { "\xec\xa3\xbc\xec\x86\x8c", 1, 1 },                                           /* 주소 */
    /* a home's label (brief s25 addr25: "home: 101-1203, banpo xi") */
    { "home", 1, 1 }, { "ger", 1, 1 }, { "\xec\xa7\x91", 1, 1 },                            /* 집 */
    { "\xd0\xb3\xd1\x8d\xd1\x80", 1, 1 },                                                 /* гэр */
    { "my address is", 1, 0 }, { "her address is", 1, 0 }, { "his address is", 1, 0 },
    { "lives at", 1, 0 }, { "live at", 1, 0 }, { "living at", 1, 0 }, { "lived at", 1, 0 },
    { "\xec\xa3\xbc\xec\x86\x8c\xeb\x8a\x94", 1, 0 },                               /* 주소는 */
    { "\xd0\xb6\xd0\xb8\xd0\xb2\xd1\x91\xd1\x82 \xd0\xbd\xd0\xb0", 1, 0 },         /* живёт на */
    { "\xd0\xb6\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd0\xbd\xd0\xb0", 1, 0 },         /* живет на */
    { "\xd0\xb6\xd0\xb8\xd0\xb2\xd1\x83 \xd0\xbd\xd0\xb0", 1, 0 },                 /* живу на */
    { "\xd0\xbf\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb8\xd0\xb2\xd0\xb0\xd0\xb5\xd1\x82 \xd0\xbf\xd0\xbe", 1, 0 }, /* проживает по */
    /* past and Ukrainian verbs of living (brief s41 street41): they take
     * a street word before one number (street_words), else two numbers */
    { "жил на", 1, 0 }, { "жила на", 1, 0 }, { "жили на", 1, 0 }, { "живут на", 1, 0 },
    { "жив на", 1, 0 }, { "жила на", 1, 0 }, { "живе на", 1, 0 }, { "мешкав на", 1, 0 },
    { "мешкала на", 1, 0 }, { "мешкає на", 1, 0 },
    { "жил", 1, 1 }, { "жила", 1, 1 }, { "живёт", 1, 1 }, { "живет", 1, 1 }, { "жив", 1, 1 },
    { "живе", 1, 1 }, { "мешкав", 1, 1 }, { "мешкає", 1, 1 },
    /* оршин суудаг, амьдардаг: the address stands before the verb */
    { "\xd0\xbe\xd1\x80\xd1\x88\xd0\xb8\xd0\xbd \xd1\x81\xd1\x83\xd1\x83\xd0\xb4\xd0\xb0\xd0\xb3", 0, 0 },
    { "\xd0\xb0\xd0\xbc\xd1\x8c\xd0\xb4\xd0\xb0\xd1\x80\xd0\xb4\xd0\xb0\xd0\xb3", 0, 0 },
};

/* Pronouns that, before the first number, say the clause is about
 * someone, not a place (English, Russian, Mongolian, Korean). */
static const char *const pronouns[] = {
    "he", "she", "they", "we", "i", "it", "you", "his", "her", "their", "my", "our",
    "\xd0\xbe\xd0\xbd", "\xd0\xbe\xd0\xbd\xd0\xb0", "\xd0\xbe\xd0\xbd\xd0\xb8", "\xd1\x8f",   /* он она они я */
    "\xd0\xbc\xd1\x8b", "\xd0\xb2\xd1\x8b",                                                   /* мы вы */
    "\xd1\x82\xd1\x8d\xd1\x80", "\xd0\xb1\xd0\xb8", "\xd0\xb1\xd0\xb8\xd0\xb4",                 /* тэр би бид */
    "\xd1\x82\xd0\xb0", "\xd1\x82\xd1\x8d\xd0\xb4",                                           /* та тэд */
    "\xea\xb7\xb8\xeb\x8a\x94", "\xea\xb7\xb8\xeb\x85\x80\xeb\x8a\x94", "\xeb\x82\x98\xeb\x8a\x94", /* 그는 그녀는 나는 */
    "\xec\xa0\x80\xeb\x8a\x94", "\xec\x9a\xb0\xeb\xa6\xac\xeb\x8a\x94",                         /* 저는 우리는 */
};

/* Words that say the numbers beside them are counts or times, not an
 * address: before the first number they cancel, after a number they
 * take it back and end the span ("address: from 2019", "адрес: не
 * помню, 5 лет назад", "lives at home with 2 kids"). */
static const char *const counts[] = {
    "from", "since", "until", "ago", "year", "years", "times", "kids", "children", "people", "minutes", "hours",
    "days", "months", "weeks",
    "дня", "дней", "месяц", "месяца", "месяцев", "недели", "недель", "часа", "часов", "минут", "минуты",
    "років", "роки", "рік", "днів", "тижні", "місяців", "томов", "томa",
    "\xd0\xbb\xd0\xb5\xd1\x82", "\xd0\xb3\xd0\xbe\xd0\xb4", "\xd0\xb3\xd0\xbe\xd0\xb4\xd0\xb0", "\xd1\x80\xd0\xb0\xd0\xb7",   /* лет год года раз */
    "\xd0\xb6\xd0\xb8\xd0\xbb", "\xd1\x81\xd0\xb0\xd1\x80", "\xd1\x85\xd2\xaf\xd2\xaf\xd1\x85\xd1\x8d\xd0\xb4",               /* жил сар хүүхэд */
    "\xeb\x85\x84", "\xec\x82\xb4", "\xeb\xaa\x85",                                                                               /* 년 살 명 */
    /* people counted (brief s42 num42: "Халық 1234 адам" is no card's
     * digits): Russian человек, человека, Kazakh адам, Mongolian хүн */
    "\xd1\x87\xd0\xb5\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xb5\xd0\xba", "\xd1\x87\xd0\xb5\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xb5\xd0\xba\xd0\xb0",
    "\xd0\xb0\xd0\xb4\xd0\xb0\xd0\xbc", "\xd1\x85\xd2\xaf\xd0\xbd",
};

/* Abbreviations whose "." does not end a clause. */
static const char *const abbrevs[] = {
    "st", "str", "rd", "ave", "apt", "bldg", "blk", "no", "bl", "hse", "fl",
    "\xd1\x83\xd0\xbb", "\xd0\xb4", "\xd0\xba\xd0\xb2", "\xd0\xba\xd0\xbe\xd1\x80\xd0\xbf",   /* ул д кв корп */
    "\xd0\xbf\xd1\x80", "\xd1\x81\xd1\x82\xd1\x80", "\xd0\xb1\xd0\xbb",                       /* пр стр бл */
    "\xd1\x85\xd0\xbe\xd1\x80", "\xd0\xb1\xd0\xb0\xd0\xb9", "\xd1\x85", "\xd0\xb1", "\xd1\x82", /* хор бай х б т */
    "вул", "буд", "пров", "бульв", "просп", "пл", "наб",                        /* Ukrainian (place28) */
};

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static int ends_clause(char c) { return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n'; }

static int in_list(const char *const *list, size_t n, const char *w, size_t wl)
{
    for (size_t k = 0; k < n; k++)
        if (strlen(list[k]) == wl && memcmp(list[k], w, wl) == 0)
            return 1;
    return 0;
}

int det_count_word(const char *w, size_t n)
{
    return in_list(counts, sizeof counts / sizeof counts[0], w, n);
}

/* The digit groups in s[a, b). */
static unsigned groups(const char *s, size_t a, size_t b)
{
    unsigned g = 0;

    for (size_t k = a; k < b; k++)
        g += det_digit(s[k]) && (k == a || !det_digit(s[k - 1]));
    return g;
}

/* 1 if s[a, b) is a time ("10:30", "9:05") or an IP-like dotted run. */
static int time_or_ip(const char *s, size_t a, size_t b)
{
    size_t n = det_digits(s, b, a), dots = 0;

    if (n >= 1 && n <= 2 && a + n + 2 < b + 1 && s[a + n] == ':' && det_digits(s, b, a + n + 1) == 2)
        return 1;
    for (size_t k = a; k < b; k++)
        dots += s[k] == '.' && k + 1 < b && det_digit(s[k + 1]);
    return dots >= 3;
}

/* What a scan reads: the detections found so far (text offsets) and,
 * for a view, its map back to the text (detect_address_view.c). */
struct scanctx {
    const struct detection *d;
    size_t nd;
    const uint32_t *from, *to;
    const unsigned char *first;   /* the cues' keys (cue_first) */
};

/* 1 if a detection that is not an address, a date, an ID or an account
 * overlaps s[a, b). */
static int other_detection(const struct scanctx *x, size_t a, size_t b)
{
    const struct detection *d = x->d;

    if (x->from != NULL)
        a = x->from[a], b = x->to[b - 1];
    for (size_t k = 0; k < x->nd; k++)
        if (d[k].start < b && d[k].end > a &&
            (d[k].kind == DETECT_PHONE || d[k].kind == DETECT_EMAIL || d[k].kind == DETECT_URL ||
             d[k].kind == DETECT_IP || d[k].kind == DETECT_HANDLE || d[k].kind == DETECT_GPS))
            return 1;
    return 0;
}

/* The token at or after i in s[0..len), stopping at a clause end: its
 * bounds in [*ta, *te) without the punctuation around it, *stop set when
 * the clause ends right after it; 0 if none before the clause ends, else
 * the position after it. */
static size_t token(const char *s, size_t len, size_t i, size_t *ta, size_t *te, int *stop)
{
    size_t a, b;

    while (i < len && (is_space(s[i]) || s[i] == ',' || s[i] == '(' || s[i] == ')' || s[i] == '"'))
        i++;
    if (i >= len || ends_clause(s[i]))
        return 0;
    for (a = i; i < len && !is_space(s[i]) && s[i] != '\n'; i++)
        ;
    b = i;
    *stop = 0;
    while (b > a && strchr(",;:.!?)\"'", s[b - 1]) != NULL) {
        if (ends_clause(s[b - 1]))
            *stop = 1;
        b--;
    }
    /* "st." and "кв." go on; a number's "." ends ("42."). */
    if (*stop && s[b] == '.' && b + 1 == i && in_list(abbrevs, sizeof abbrevs / sizeof abbrevs[0], s + a, b - a))
        *stop = 0;
    *ta = a, *te = b;
    return i;
}

/* Words that go on an address between its numbers or after the last one
 * though longer than four letters (stems: the endings are taken). */
static const char *const bridges[] = {
    "street", "block", "house", "flat", "apart", "build", "floor", "avenue", "jadda", "khoroo", "bair", "toot",
    "\xd0\xb1\xd0\xb0\xd0\xb9\xd1\x80", "\xd1\x82\xd0\xbe\xd0\xbe\xd1\x82", "\xd1\x85\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbe", /* байр тоот хороо */
    "\xd0\xba\xd0\xb2\xd0\xb0\xd1\x80\xd1\x82", "\xd0\xba\xd0\xbe\xd1\x80\xd0\xbf", "\xd1\x83\xd0\xbb\xd0\xb8\xd1\x86", /* кварт корп улиц */
    "\xd0\xb4\xd0\xb0\xd0\xb2\xd1\x85\xd0\xb0\xd1\x80",                                                                 /* давхар */
};

/* Units that close an address after its last number ("101 dong 1203
 * ho", "1203 호에": the particle after stays). */
static const char *const closers[] = {
    "ho", "dong", "toot", "\xed\x98\xb8", "\xeb\x8f\x99", "\xec\xb8\xb5",                              /* 호 동 층 */
    "\xd1\x82\xd0\xbe\xd0\xbe\xd1\x82",                                                                 /* тоот */
};

/* 1 if the word s[a, b) may stand between two numbers of an address:
 * four letters or fewer, or a unit's stem of bridges[]. */
static int bridge(const char *s, size_t a, size_t b)
{
    size_t cps = 0, k;

    for (k = a; k < b; k++)
        cps += ((unsigned char)s[k] & 0xC0) != 0x80;
    if (cps <= 4)
        return 1;
    for (k = 0; k < sizeof bridges / sizeof bridges[0]; k++)
        if (strlen(bridges[k]) <= b - a && memcmp(s + a, bridges[k], strlen(bridges[k])) == 0)
            return 1;
    return 0;
}

/* The end of a number's token s[a, b) inside an address: a Korean
 * particle or copula after its last digit is cut ("12-3이다" -> "12-3",
 * "1203호에" -> "1203호"). */
static size_t trim(const char *s, size_t a, size_t b)
{
    size_t d = b, n, k;

    while (d > a && !det_digit(s[d - 1]))
        d--;
    if (d == b || det_cp_at(s, b, d, &n) < 0xAC00 || det_cp_at(s, b, d, &n) > 0xD7A3)
        return b;
    for (k = 3; k < sizeof closers / sizeof closers[0]; k++)
        if (det_starts(s, b, d, closers[k]))
            return d + strlen(closers[k]);
    if (det_starts(s, b, d, "\xeb\xb2\x88\xec\xa7\x80") || det_starts(s, b, d, "\xea\xb8\xb8"))   /* 번지 길 */
        return d + (s[d] == '\xeb' ? 6 : 3);
    return d;
}

/* The closer at s[a, b) (a word after the last number): its end, or 0. */
static size_t closer(const char *s, size_t a, size_t b)
{
    for (size_t k = 0; k < sizeof closers / sizeof closers[0]; k++) {
        size_t n = strlen(closers[k]);
        if (n <= b - a && memcmp(s + a, closers[k], n) == 0 && (n == b - a || k >= 3))
            return a + n;
    }
    return 0;
}

/* 1 if s[a, b) may be a street's name standing without a street word
 * before a cue's number (brief s41 street41; "адрес: абая, 15", "жил на
 * тверской 12", "живёт: толе би 59"): Cyrillic letters only (a hyphen
 * inside), two letters or more.  The norm view has no capitals, so the
 * cue and the number right after carry the rule: the words join only
 * right before the first number (street_run in after_cue). */
static int street_word(const char *s, size_t a, size_t b)
{
    size_t k, n, cps = 0;

    for (k = a; k < b; k += n) {
        int cp = det_cp_at(s, b, k, &n);
        if (cp == '-' && k > a && k + 1 < b)
            continue;
        if (cp < 0x0400 || cp > 0x04FF)
            return 0;
        cps++;
    }
    return cps >= 2;
}

/* The span of numbers after a cue ending at p; 0 or its end with its
 * start in *start. */
static size_t after_cue(const struct scanctx *x, const char *s, size_t len, size_t p,
                        unsigned need, size_t *start)
{
    size_t i = p, a, b, first = 0, last = 0, back = 0, e;
    unsigned g = 0, gback = 0, before = 0, gap = 0, run = 0;
    size_t runa = 0, prev = 0;
    /* a label with its colon: six words before the first number, two
     * between; a verb: two and one ("lives at home with 2 kids") */
    unsigned maxbefore = need == 1 ? 6 : 2, maxgap = need == 1 ? 2 : 1;
    int stop = 0, have = 0;

    while (!stop && (i = token(s, len, i, &a, &b, &stop)) != 0) {
        if (a == b)
            continue;
        if (memchr(s + a, '@', b - a) != NULL || time_or_ip(s, a, b) || other_detection(x, a, b))
            break;
        if (in_list(counts, sizeof counts / sizeof counts[0], s + a, b - a)) {
            if (have && gap == 0)
                last = back, g = gback, have = back != 0;
            break;
        }
        if (groups(s, a, b) > 0) {
            /* one or two street words right before the first number
             * join it, and one number is then enough */
            if (!have && run > 0)
                first = runa, have = 1, need = 1;
            if (!have)
                first = a, have = 1;
            back = gap == 0 ? back : last, gback = gap == 0 ? gback : g;
            last = trim(s, a, b), g += groups(s, a, b), gap = 0;
        } else if (!have) {
            if (in_list(pronouns, sizeof pronouns / sizeof pronouns[0], s + a, b - a) &&
                !(run > 0 && b - a == 4 && memcmp(s + a, "би", 4) == 0))
                return 0;
            if (++before > maxbefore)
                return 0;
            /* the last one or two street words (Толе би: a Kazakh title) */
            if (street_word(s, a, b) && (b - a > 4 || (run > 0 && memcmp(s + a, "би", 4) == 0)))
                runa = run > 0 ? prev : a, prev = a, run = 1;
            else
                run = 0;
        } else if (gap == 0 && (e = closer(s, a, b)) != 0) {
            last = e, gap = 1;
        } else if (++gap > maxgap || !bridge(s, a, b)) {
            break;
        }
    }
    if (!have || g < need)
        return 0;
    *start = first;
    return last;
}

/* The span of numbers in the clause before a cue at c; as after_cue. */
static size_t before_cue(const struct scanctx *x, const char *s, size_t c, size_t *start)
{
    size_t a = c, first = 0, last = 0, b;
    unsigned g = 0, gap = 0;
    int have = 0;

    while (a > 0) {
        /* the token ending before a */
        while (a > 0 && (is_space(s[a - 1]) || s[a - 1] == ','))
            a--;
        if (a == 0 || ends_clause(s[a - 1]))
            break;
        b = a;
        while (a > 0 && !is_space(s[a - 1]) && !ends_clause(s[a - 1]) && s[a - 1] != ',')
            a--;
        if (time_or_ip(s, a, b) || memchr(s + a, '@', b - a) != NULL || other_detection(x, a, b))
            break;
        if (groups(s, a, b) > 0) {
            /* "42-т", "15б": the last number's token kept whole; it
             * stands right before the verb and ends in a letter (a
             * case ending or a unit: "5 жил 2 сар тэнд амьдардаг" stays) */
            if (!have && (b != c - 1 || !det_letter_before(s, b)))
                break;
            if (!have)
                last = b, have = 1;
            first = a, g += groups(s, a, b), gap = 0;
        } else if (have && (++gap > 2 || !bridge(s, a, b)))
            break;
    }
    if (!have || g < 2)
        return 0;
    *start = first;
    return last;
}

/* 1 if the word before i says an "address" is a machine's or an
 * account's ("mac address:", "wallet address:", "ip address:"). */
static int machine_before(const char *s, size_t i)
{
    static const char *const words[] = { "ip", "mac", "email", "e-mail", "mail", "wallet", "bitcoin", "btc",
                                         "ethereum", "eth", "web", "server", "memory", "network", "crypto" };
    size_t b = i, a;

    while (b > 0 && s[b - 1] == ' ')
        b--;
    for (a = b; a > 0 && (det_alnum(s[a - 1]) || s[a - 1] == '-'); a--)
        ;
    return b > a && in_list(words, sizeof words / sizeof words[0], s + a, b - a);
}

/* The cues' first four bytes (brief s29 speed29a): bit b0 << 8 | b1 of
 * first[0..8192) set for each cue's bytes 0 and 1, bit b2 << 8 | b3 of
 * first[8192..16384) for its bytes 2 and 3 (every b3 for a cue of three
 * bytes, "ger", 집).  Each pair is tested apart: a text's four bytes that
 * pass may start no cue, a cue's always pass. */
#define CUE_KEYS 16384

static int key_has(const unsigned char *bits, unsigned char a, unsigned char b)
{
    unsigned k = (unsigned)a << 8 | b;

    return (bits[k >> 3] >> (k & 7)) & 1;
}

static void key_set(unsigned char *bits, unsigned char a, unsigned char b)
{
    unsigned k = (unsigned)a << 8 | b;

    bits[k >> 3] = (unsigned char)(bits[k >> 3] | (1u << (k & 7)));
}

/* The cues' keys, built once per process (cue_keys_build, pthread_once):
 * a constant of the cue table, asked by every call (16 KiB, rebuilt per
 * text before session 32: 4% of an audit's instructions). */
static unsigned char cue_first[CUE_KEYS];
static pthread_once_t cue_once = PTHREAD_ONCE_INIT;

static void cue_keys_build(void)
{
    unsigned char *first = cue_first;

    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
        const unsigned char *w = (const unsigned char *)cues[c].w;
        key_set(first, w[0], w[1]);              /* every cue has three bytes or more */
        if (w[3] != 0)
            key_set(first + CUE_KEYS / 2, w[2], w[3]);
        else
            for (unsigned b = 0; b < 256; b++)
                key_set(first + CUE_KEYS / 2, w[2], (unsigned char)b);
    }
}

/* The cue at i (a word start), its entry; NULL if none.  first: the
 * cues' keys (cue_first; asked at every character of a text: those first,
 * then the letter before, a decode). */
static const struct cue *cue_at(const unsigned char *first, const char *s, size_t len, size_t i, size_t *end)
{
    const struct cue *best = NULL;
    size_t bl = 0, e, k, wl;

    if (i >= len || !key_has(first, (unsigned char)s[i], i + 1 < len ? (unsigned char)s[i + 1] : 0) ||
        (i + 3 < len && !key_has(first + CUE_KEYS / 2, (unsigned char)s[i + 2], (unsigned char)s[i + 3])) ||
        (i > 0 && det_letter_before(s, i)))
        return NULL;
    for (k = 0; k < sizeof cues / sizeof cues[0]; k++) {
        if (!det_starts(s, len, i, cues[k].w) || (wl = strlen(cues[k].w)) <= bl)
            continue;
        e = i + wl;
        if (cues[k].colon) {
            if (det_letter_at(s, len, e))
                continue;
            e += e < len && s[e] == ' ';
            if (e >= len || s[e] != ':')
                continue;
            e++;
        } else if (det_letter_at(s, len, e)) {
            continue;
        }
        best = &cues[k], bl = wl, *end = e;
    }
    return best != NULL && best->w[0] == 'a' && machine_before(s, i) ? NULL : best;
}

/* The cues' spans in s[0..len) given to fn (start, end: s's offsets, or
 * the text's through x's map); 0, or -1 when fn fails. */
static int find(const struct scanctx *x, const char *s, size_t len,
                int (*fn)(void *ctx, size_t start, size_t end), void *ctx)
{
    const struct cue *c;
    size_t i, e, a, b;

    for (i = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) == 0x80 || (c = cue_at(x->first, s, len, i, &e)) == NULL)
            continue;
        b = c->after ? after_cue(x, s, len, e, c->colon ? 1 : 2, &a) : before_cue(x, s, i, &a);
        if (b != 0 && x->from != NULL)
            a = x->from[a], b = x->to[b - 1];
        if (b != 0 && fn(ctx, a, b) != 0)
            return -1;
        i = e - 1;
    }
    return 0;
}

struct sink {
    struct detection **d;
    size_t *n, *cap;
    int found;
};

static int take(void *ctx, size_t start, size_t end)
{
    struct sink *k = ctx;

    k->found = 1;
    return addr_merge(k->d, k->n, k->cap, start, end);
}

/* 1 if s[0..len) has a cue at all (the cheap test before a view). */
static int any_cue(const unsigned char *first, const char *s, size_t len)
{
    size_t i, e;

    for (i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && cue_at(first, s, len, i, &e) != NULL)
            return 1;
    return 0;
}

/* Kuwait's governorates and the areas of Kuwait City and around, as
 * written in English (by hand, from the areas' usual spellings; wants a
 * native reviewer): the town a postcode stands before ("block 5, street
 * 12, 13001 kuwait"). */
static const char *const kw_towns[] = {
    "kuwait", "salmiya", "salmiyah", "hawalli", "jabriya", "jabriyah", "farwaniya", "farwaniyah", "jahra",
    "ahmadi", "fahaheel", "mangaf", "mishref", "surra", "rumaithiya", "bayan", "salwa", "jleeb", "khaitan",
    "sabah al salem", "mubarak al kabeer", "sharq", "dasman", "qurtuba", "yarmouk", "shuwaikh", "kaifan",
};

/* A postcode of five digits at i before a town of kw_towns, right after
 * an address of d ending at most two bytes before i: its end, or 0. */
static size_t kw_postcode(const struct detection *d, size_t nd, const char *s, size_t len, size_t i)
{
    size_t k, e;
    int after = 0;

    if (det_digits(s, len, i) != 5 || i + 6 >= len || s[i + 5] != ' ')
        return 0;
    for (k = 0; k < nd && !after; k++)
        after = d[k].kind == DETECT_ADDRESS && d[k].end < i && d[k].end + 2 >= i;
    for (k = 0; k < sizeof kw_towns / sizeof kw_towns[0] && after; k++)
        if (det_starts(s, len, i + 6, kw_towns[k]) && !det_letter_at(s, len, (e = i + 6 + strlen(kw_towns[k]))))
            return i + 5;
    return 0;
}

/* In a view, a number said with the words of an address about it that
 * ask for no second part: "at fourteen elm street" (at, on or to before, one
 * or two words and a street's word after) and "in apartment twelve." (a
 * flat's number said, ending the sentence; "apartment twelve for a
 * year" stays).  Its end with its start in *start, or 0. */
static size_t said_shape(const struct addr_view *v, size_t i, size_t *start)
{
    static const char *const types[] = { "street", "road", "avenue", "lane", "drive", "boulevard" };
    static const char *const flats[] = { "in apartment ", "in flat ", "in apt " };
    const char *s = v->t;
    size_t len = v->m, n = det_digits(s, len, i), j, w, k, e;

    if (n == 0 || !v->said[i] || (i > 0 && det_digit(s[i - 1])))
        return 0;
    for (k = 0; k < sizeof flats / sizeof flats[0]; k++)
        if (i >= strlen(flats[k]) && memcmp(s + i - strlen(flats[k]), flats[k], strlen(flats[k])) == 0 &&
            (i + n == len || (strchr(".!?", s[i + n]) != NULL && (i + n + 1 == len || s[i + n + 1] == ' '))))
            return *start = i, i + n;
    if (!(i >= 3 && (memcmp(s + i - 3, "at ", 3) == 0 || memcmp(s + i - 3, "on ", 3) == 0 ||
                     memcmp(s + i - 3, "to ", 3) == 0)) ||
        i + n >= len || s[i + n] != ' ')
        return 0;
    for (w = 0, j = i + n + 1; w < 3 && j < len; w++) {
        for (k = 0; k < sizeof types / sizeof types[0]; k++)
            if (w > 0 && det_starts(s, len, j, types[k]) && !det_letter_at(s, len, (e = j + strlen(types[k]))))
                return *start = i, e;
        if ((e = detect_letters(s, len, j)) == j || e >= len || s[e] != ' ')
            return 0;
        j = e + 1;
    }
    return 0;
}

/* 1 if a shape of shapes() below may start at a byte c: a digit (every
 * number-first shape), the first byte of a Mongolian unit letter (х б т:
 * addr_mn_letters' "х3 б15"), of a Hangul syllable (addr_ko_complex) or
 * of a zip label (addr_zip_said).  Asked at every byte of a text before
 * six readers; a new shape adds its first bytes here. */
static int shape_may_start(unsigned char c)
{
    return det_digit((char)c) || c == 0xD0 || c == 0xD1 || (c >= 0xEA && c <= 0xED) || c == 'z' || c == 'p';
}

/* The short shapes that need no cue (detect_address_short.c and above)
 * in s[0..len), given to fn as find does.  Each but addr_ko_complex holds
 * an ASCII digit within GATE_SHAPE_DIGIT bytes of i (detect_gate.c, brief
 * s29 speed29a): where none is, only that one is asked. */
static int shapes(const struct scanctx *x, const struct addr_view *v, const char *s, size_t len,
                  int (*fn)(void *ctx, size_t start, size_t end), void *ctx)
{
    size_t i, a, e, digit = gate_next_digit(s, len, 0);

    for (i = 0; i < len; i++) {
        if (!shape_may_start((unsigned char)s[i]))
            continue;
        a = i;
        if (digit < i)
            digit = gate_next_digit(s, len, i);
        if (digit == len || digit - i > GATE_SHAPE_DIGIT) {
            if ((e = addr_ko_complex(s, len, i)) == 0) {
                /* Nor inside this run of non-ASCII bytes (addr_ko_complex
                 * starts after none), while no digit is near. */
                while (i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
                       (digit == len || digit - (i + 1) > GATE_SHAPE_DIGIT))
                    i++;
                continue;
            }
        } else if ((e = addr_dong_ho_spaced(s, len, i)) == 0 && (e = addr_named_complex(s, len, i, &a)) == 0 &&
            (e = addr_mn_genitive(s, len, i)) == 0 &&
            (e = addr_ko_complex(s, len, i)) == 0 && (e = addr_mn_letters(s, len, i)) == 0 &&
            (x->from != NULL || (e = kw_postcode(x->d, x->nd, s, len, i)) == 0) &&
            (v == NULL || (e = said_shape(v, i, &a)) == 0)) {
            if ((e = addr_zip_said(s, len, i)) == 0)
                continue;
            for (a = e; a > i && det_digit(s[a - 1]); a--)
                ;
        }
        if (fn(ctx, x->from != NULL ? x->from[a] : a, x->from != NULL ? x->to[e - 1] : e) != 0)
            return -1;
        i = e - 1;
    }
    return 0;
}

/* 1 if a word a shape of the view needs stands in s[0..len). */
static int view_words(const char *s, size_t len)
{
    static const char *const words[] = { "zip", "postcode", "postal code", "street", "road", "avenue", "lane",
                                         "drive", "boulevard", "apartment", "flat", "apt" };

    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (memmem(s, len, words[k], strlen(words[k])) != NULL)
            return 1;
    return 0;
}

int addr_cue_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len,
                   const struct addr_view *vw)
{
    struct scanctx x = { NULL, 0, NULL, NULL, NULL };
    const unsigned char *first = cue_first;
    struct sink k = { d, n, cap, 0 };
    struct detection *copy;
    int rc, cued;

    /* A copy of the detections before: the merges move them. */
    if ((copy = malloc((*n + 1) * sizeof *copy)) == NULL)
        return -1;
    if (*n > 0)
        memcpy(copy, *d, *n * sizeof *copy);
    x.d = copy, x.nd = *n;
    (void)pthread_once(&cue_once, cue_keys_build);
    x.first = first;
    cued = any_cue(first, s, len);
    rc = shapes(&x, NULL, s, len, take, &k);
    if (rc == 0 && cued)
        rc = find(&x, s, len, take, &k);
    /* The caller's view (one a text: detect_all_unsure), read only when
     * a cue or a word of said_shape or addr_zip_said stands in the text. */
    if (rc == 0 && vw != NULL && (cued || view_words(s, len))) {
        x.from = vw->from, x.to = vw->to;
        rc = shapes(&x, vw, vw->t, vw->m, take, &k);
        if (rc == 0 && any_cue(first, vw->t, vw->m))
            rc = find(&x, vw->t, vw->m, take, &k);
    }
    free(copy);
    return rc < 0 ? -1 : 0;
}
