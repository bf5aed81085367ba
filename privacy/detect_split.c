/* A number whose groups are split by ", ", ";", " : ", quotes, ". " or
 * one word (brief s24 num24, issue 12): "Phone 555, 123, 4567", "SSN
 * 123, 45, 6789", "주민번호 8, 9, 0, 4, 1, 5, ...", "Passport A, 123,
 * 4567", "계좌번호 123; 456; 789", '"99" "11" "22" "33"', "Born 89, 04,
 * 15", "차량 1, 2, 가, 3, 4, 5, 6", "plate 1-2-가-3456", "1234, УБА".
 *
 * As detect_alt.c does for other writings, the groups are read back into
 * one token and handed with the text around to the scanners (the walk of
 * detect.c): where they find a phone, an ID, an account, a plate or a
 * date of birth covering the whole reading, the whole run is that
 * detection; where they find nothing it stays.  No form here is a pattern
 * of its own.  Readings tried, longest run first: the groups glued
 * ("5551234567", "a1234567", "12가3456") and, for three groups of one to
 * four digits, joined by '.' ("89.04.15", a date's shape).
 *
 * A run (our choice, docs/VARIANTS.md, session 24):
 *   - groups: ASCII digits; one letter of any script (a Hangul syllable,
 *     "가") between two groups; one or two letters before the first
 *     (a passport's "a", "уб") and one to three after the last ("уба");
 *   - between two groups up to 12 bytes of spaces, ',' ';' ':' '.' '-'
 *     '/' '(' ')', quotes, any split mark of split_marks.c (a quote,
 *     bracket, list mark or ellipsis of any script, by Unicode class:
 *     brief s25 num25), "..", and up to two words of up to four letters
 *     that are no group; a run needs one gap that a number is not written
 *     with (',', ';', ':' with a space, a quote or other split mark, ". ",
 *     a word) or a letter between digit groups with three groups or more
 *     ("1-2-가-3456"): runs of plain gaps only are detect_phone.c's and
 *     detect_alt.c's; with plain and split gaps mixed ("99-55, 22-11",
 *     "8 (912) 345, 67, 89") the groups before the first split gap hold
 *     fewer than 8 digits, and a phone read holds 12 digits at most;
 *   - an English month's name is a group ("born 15, April, 1989", also
 *     before the first digits), and an ordinal's letters go with their
 *     one or two digits ("15th");
 *   - ',' not followed by a space or a quote ends the run ("1,234,567"
 *     stays an amount), as does ':' with no space on either side
 *     ("10:30"), a '.' not followed by a space, '!' '?' a line break;
 *   - a phone found so needs a label in the three words before the run
 *     (a phone word, an ID or account label: the lists of detect_phone.c
 *     and detect_label.c): lists of counts spell valid mobile numbers
 *     ("pages 99, 11, 22, 33").  IDs, accounts, plates and dates of birth
 *     need their own labels or birth words in the scanners already.
 * Offsets are bytes of the norm view (detect_int.h). */
#include <sodium.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/detect_ms.h"

#define SPLIT_GROUPS 16
#define SPLIT_MAX 40            /* bytes of a reading, at most */
#define SPLIT_PHONE 12          /* digits of a phone read here, at most: a run
                                 * past it is two numbers ("010 및 1234 및 5678,
                                 * 010 그리고 ...") */
#define SPLIT_GAP 12            /* bytes between two groups, at most */
#define SPLIT_WORD 8            /* bytes of a word between two groups */
#define SPLIT_WORD_CHARS 4      /* its characters */
#define CONTEXT_BEFORE 64       /* bytes of text before the run handed on */
#define CONTEXT_AFTER 32

struct sgroup {
    size_t a, b;                /* bytes: the group's digits or letters */
    size_t next;                /* bytes: its end with an ordinal's letters ("15th") */
    int letters;                /* 1: a letter group, 2: a month's name ("april") */
    int mark, word;             /* the gap before it: a split mark, a word */
    int unit;                   /* 1: a year, count or sum before its unit or
                                 * currency, or a group of its number */
};

/* The end of the letters of one word at i (letters of any script, no
 * digit), their count in *chars; i if none. */
static size_t word_at(const char *s, size_t len, size_t i, size_t *chars)
{
    size_t j = i, n;
    int cp;

    *chars = 0;
    while ((cp = det_cp_at(s, len, j, &n)) >= 0 && is_word_cp(cp) && !(cp >= '0' && cp <= '9'))
        j += n, (*chars)++;
    if (j < len && det_digit(s[j]))
        return *chars = 0, i;
    return j;
}

/* 1 if a quote or other split mark starts at s[i], its length in *n:
 * ASCII '"' and '\'', or any split mark of split_marks.c (a quote, a
 * bracket, 、 ・ … of any script: by Unicode class, brief s25 num25). */
static int quote_at(const char *s, size_t len, size_t i, size_t *n)
{
    if (s[i] == '"' || s[i] == '\'')
        return *n = 1, 1;
    return det_split_mark(s, len, i, n);
}

/* 1 if the ':' at c after the group ending at i is a time's ("10: 30",
 * "10 : 30"): one or two digits before, two of 00-59 after. */
static int time_at(const char *s, size_t len, size_t i, size_t c)
{
    size_t a = i, j = c + 1;

    while (a > 0 && det_digit(s[a - 1]))
        a--;
    while (j < len && s[j] == ' ')
        j++;
    return i - a <= 2 && det_digits(s, len, j) == 2 && s[j] <= '5';
}

/* 1 if the one-letter word s[a..b) is an "and" or "or": Russian и й а,
 * Ukrainian і, Spanish y e o u, Polish/Czech i a; Korean 및 와 과 또
 * (no plate letter).  Written by hand (our choice, session 25). */
static int conjunction(const char *s, size_t a, size_t b)
{
    static const char *const w[] = {
        "\xd0\xb8", "\xd0\xb9", "\xd0\xb0", "\xd1\x96", "i", "y", "e", "o", "u",
        "\xeb\xb0\x8f", "\xec\x99\x80", "\xea\xb3\xbc", "\xeb\x98\x90",   /* 및 와 과 또 */
    };

    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (strlen(w[k]) == b - a && memcmp(s + a, w[k], b - a) == 0)
            return 1;
    return 0;
}

/* The gap after a group ending at i: where the next group starts, *split
 * 1 if the gap holds a mark a number is not written with; i if there is
 * no next group (the run ends). */
static size_t gap_at(const char *s, size_t len, size_t i, int first, int *split, int *word)
{
    size_t j = i, n, chars, e, extra = 0;
    int words = 0;

    *split = *word = 0;
    while (j < len && j - i <= SPLIT_GAP + extra) {
        char c = s[j];
        if (det_digit(c))
            return j > i ? j : i;
        if (c == ' ')
            j++;
        else if (c == '.' && det_dots(s, len, j) > 0)
            *split = 1, j += det_dots(s, len, j);     /* "010 ... 9911" */
        else if (c == ',' || c == '.') {
            if (j + 1 >= len || (s[j + 1] != ' ' && s[j + 1] != '"' && s[j + 1] != '\''))
                return i;
            /* A full stop joins only a group right after it ("89. 4. 15."):
             * before a word it ends the sentence. */
            if (c == '.' && !det_digit(s[j + 1 + (j + 2 < len && s[j + 1] == ' ')]))
                return i;
            *split = 1, j++;
        } else if (c == ';')
            *split = 1, j++;
        else if (c == ':') {
            if (!(j > i && s[j - 1] == ' ') && !(j + 1 < len && s[j + 1] == ' '))
                return i;
            if (first && time_at(s, len, i, j))
                return i;
            *split = 1, j++;
        } else if (c == '-' || c == '/' || c == '(' || c == ')')
            j++;
        else if (quote_at(s, len, j, &n))
            *split = 1, j += n;
        else if ((e = det_joiner_at(s, len, j)) > j && !detect_month_word(s, len, j, &n)) {
            if (words++ > 1)    /* "а также", "그리고", "kemudian" (joiners.c) */
                return i;
            *word = 1, extra += e - j, j = e;
        } else if ((e = word_at(s, len, j, &chars)) > j) {
            /* One letter is a group of the run (a plate's 가), a longer word
             * or a one-letter "and" a joiner; a month's name a group. */
            if ((chars == 1 && !conjunction(s, j, e)) || detect_month_word(s, len, j, &n))
                return j;
            if (detect_owner_word(s + j, e - j))
                return i;
            if (words++ > 1 || ((chars > SPLIT_WORD_CHARS || e - j > SPLIT_WORD) && !detect_ms_joiner(s + j, e - j)))
                return i;
            *word = 1, j = e;
        } else
            return i;
    }
    return i;
}

/* The end of an ordinal's letters at e after one or two digits ("15th",
 * "1st", "2nd", "3rd"), a whole word; e if none. */
static size_t ordinal_at(const char *s, size_t len, size_t e)
{
    static const char *const ends[] = { "st", "nd", "rd", "th" };

    for (size_t k = 0; k < 4; k++)
        if (det_starts(s, len, e, ends[k]) && !det_letter_at(s, len, e + 2))
            return e + 2;
    return e;
}

/* Reads the run of groups from the digit at at: its groups in g[], their
 * number returned. */
static size_t read_run(const char *s, size_t len, size_t at, struct sgroup *g)
{
    size_t n = 0, i = at, e, chars, p;
    int split = 0, word = 0;

    while (n < SPLIT_GROUPS) {
        size_t next;
        if (det_digit(s[i])) {
            e = next = i + det_digits(s, len, i);
            if (e < len && det_alpha(s[e]) && (e - i > 2 || (next = ordinal_at(s, len, e)) == e))
                break;
            g[n].letters = 0;
            /* A year, a date's part or a count before its unit, a sum before
             * its currency ("в 2023 году: 15 000 руб.", "2024 оны 3 сард
             * 100000₮": report-adv38 O-4, O-5), and the groups of the same
             * number joined to it by a plain gap ("15 000"): a date may hold
             * them ("15, 03, 1989 году"), no other reading (detect_split). */
            g[n].unit = det_time_unit_after(s, len, e) || det_money_around(s, len, i, e);
            for (size_t u = n; g[n].unit && u > 0 && !(u == n ? split || word : g[u].mark || g[u].word); u--)
                g[u - 1].unit = 1;
        } else if (detect_month_word(s, len, i, &chars)) {
            e = next = i + chars;
            g[n].letters = 2, g[n].unit = 0;
        } else {
            e = next = word_at(s, len, i, &chars);
            if (e == i || chars != 1)
                break;
            g[n].letters = 1, g[n].unit = 0;
        }
        g[n].a = i, g[n].b = e, g[n].next = next, g[n].mark = split, g[n].word = word, n++;
        if ((p = gap_at(s, len, next, n == 1, &split, &word)) == next &&
            !(g[n - 1].letters == 0 && (e = word_at(s, len, next, &chars)) > next && chars == 1))
            break;       /* "«12가» «3456»": a letter glued after digits is a group */
        i = p;
    }
    /* No letter group ends the run: it is tried as a suffix. */
    while (n > 0 && g[n - 1].letters)
        n--;
    return n;
}

/* The letters of a code before the run at at ("passport a, 123", "уб 75,
 * 03"): one or two letters, a whole word, joined by a split gap or a
 * space; their start, or at. */
static size_t prefix_before(const char *s, size_t len, size_t at)
{
    size_t i = at, a, chars;
    int cp;

    for (size_t n; i > 0;)
        if (s[i - 1] == ' ' || s[i - 1] == ',' || s[i - 1] == ';' || s[i - 1] == '"')
            i--;
        else if (det_split_mark_before(s, i, &n))
            i -= n;
        else
            break;
    if (i == at || i == 0)
        return at;
    a = i;
    /* An IBAN's head, two letters and two digits ("DE89, 3704"). */
    if (i >= 4 && det_digit(s[i - 1]) && det_digit(s[i - 2]) && det_alpha(s[i - 3]) && det_alpha(s[i - 4]) &&
        !det_letter_before(s, i - 4))
        return i - 4;
    for (size_t n; a > 0 && (cp = det_cp_before(s, a, &n)) >= 0 && is_word_cp(cp) && !(cp >= '0' && cp <= '9');)
        a -= n;
    if (a == i || word_at(s, len, a, &chars) != i || chars > 3 || det_letter_before(s, a))
        return at;
    return a;
}

/* The letters after the run ending at end ("1234, уба"): one to three
 * letters, a whole word after a gap; their end, or end. */
static size_t suffix_after(const char *s, size_t len, size_t end)
{
    size_t i = end, e, chars;

    while (i < len && i - end < 3 && (s[i] == ' ' || s[i] == ',' || s[i] == '-'))
        i++;
    if (i == end || (e = word_at(s, len, i, &chars)) == i || chars > 3)
        return end;
    return e;
}

/* The labels among the three words before at: LABEL_PHONE (a phone
 * word), LABEL_ID (an ID or a plate label), LABEL_ACCOUNT; 0 if none. */
enum { LABEL_PHONE = 1, LABEL_ID = 2, LABEL_ACCOUNT = 4 };

static int label_before(const char *s, size_t at)
{
    size_t end = at, a, we;
    int found = 0;

    for (int k = 0; k < 3 && (we = det_word_ending_marks(s, end, " :;,\"'.-()#", &a)) != 0; k++) {
        if (detect_phone_word(s + a, we - a) || detect_ms_number_word(s + a, we - a))
            found |= LABEL_PHONE;
        if (detect_id_label(s + a, we - a) || detect_plate_label(s, we))
            found |= LABEL_ID;
        if (detect_account_label(s, s + a, we - a))
            found |= LABEL_ACCOUNT;
        end = a;
    }
    return found;
}

/* 1 if the kind found fits the labels: a phone after a phone word or an
 * account label (an account's value the plans read as a phone,
 * det_account_kind), an ID after an ID or plate label or with a letter
 * between digit groups (a plate's), an account after its label. */
static int fits(int kind, int label, int inner)
{
    if (kind == DETECT_PHONE)
        return (label & (LABEL_PHONE | LABEL_ACCOUNT)) != 0;
    if (kind == DETECT_ID)
        return (label & LABEL_ID) != 0 || inner;
    if (kind == DETECT_ACCOUNT)
        return (label & LABEL_ACCOUNT) != 0;
    return 0;
}

/* 1 if at continues a run of groups before it (a group and a split gap
 * stand before it): that run was read from its first group. */
static int continues_run(const char *s, size_t at)
{
    size_t i = at;

    for (size_t n; i > 0;)
        if (s[i - 1] != '\0' && strchr(" ,;:\"'.", s[i - 1]) != NULL)
            i--;
        else if (det_split_mark_before(s, i, &n))
            i -= n;
        else
            break;
    return i < at && i > 0 && det_digit(s[i - 1]);
}

/* 1 if the n digits at d are a year 1900-2099. */
static int is_year(const char *d, size_t n)
{
    unsigned v = n == 4 ? det_value(d, 4) : 0;

    return v >= 1900 && v <= 2099;
}

/* 1 if s[a..b) holds ',' ';' '"' or a split mark of split_marks.c. */
static int marked(const char *s, size_t a, size_t b)
{
    return det_split_between(s, a, b);
}

/* Copies the letters and digits of s[a..b) to rd at *n (bytes). */
static void put(char *rd, size_t *n, const char *s, size_t a, size_t b)
{
    memcpy(rd + *n, s + a, b - a);
    *n += b - a;
}

/* Hands the reading rd[0..n) of s[from..to) to scan with the text around;
 * 1 if a detection covers it, with its reach before and after. */
static int try_reading(const char *s, size_t len, size_t from, size_t to, const char *rd, size_t n,
                       int *kind, detect_digits_fn scan, void *ctx)
{
    char buf[CONTEXT_BEFORE + SPLIT_MAX + CONTEXT_AFTER + 24];
    size_t a = from > CONTEXT_BEFORE ? from - CONTEXT_BEFORE : 0, b, m;
    int found;

    while (a < from && ((unsigned char)s[a] & 0xC0) == 0x80)
        a++;
    b = to + CONTEXT_AFTER < len ? to + CONTEXT_AFTER : len;
    while (b > to && b < len && ((unsigned char)s[b] & 0xC0) == 0x80)
        b--;
    memcpy(buf, s + from - (from - a), from - a), m = from - a;
    /* Quotes and brackets right before the reading are blanked: a
     * scanner reads a label across spaces ("SSN «123» «45»" is read as
     * "SSN  123456789"); the bytes keep their count. */
    for (size_t i = from, q; i > a;) {
        if (s[i - 1] == ' ')
            i--;
        else if (det_split_mark_before(s, i, &q) && i - q >= a) {
            memset(buf + (i - q - a), ' ', q);
            i -= q;
        } else
            break;
    }
    memcpy(buf + m, rd, n), m += n;
    memcpy(buf + m, s + to, b - to);
    /* A full stop after the reading ("89. 4. 15. 생"): a space, the bytes
     * keep their count. */
    if (b - to >= 2 && s[to] == '.' && s[to + 1] == ' ')
        buf[m] = ' ';
    m += b - to;
    buf[m] = '\0';
    found = scan(ctx, buf, m, from - a, from - a + n, kind);
    sodium_memzero(buf, sizeof buf);
    return found;
}

/* The start of an English month's name before the group at at, across a
 * split gap ("april, 15"); at if none. */
static size_t month_before(const char *s, size_t len, size_t at)
{
    size_t a, we, n;

    if ((we = det_word_ending_marks(s, at, " ,;", &a)) == 0 || we == at || at - we > 8 ||
        !det_split_between(s, we, at) || !detect_month_word(s, len, a, &n) || a + n < we)
        return at;
    return a;
}

/* 1 if the first three groups are one to four digits each (a date's). */
static int date_shape(const struct sgroup *g)
{
    for (int k = 0; k < 3; k++)
        if (g[k].letters == 1 || (!g[k].letters && g[k].b - g[k].a > 4))
            return 0;
    return 1;
}

/* 1 if the first three groups are a date by their values: a year
 * 1900-2099, a month and a day ("2023. 3. 15"), or a day, a month and a
 * year ("15, 03, 2023"): no account's digits after a bank, whole or in
 * part ("2023. 3" is no account either; brief s39
 * bank39: "국민은행 2023. 3. 15: 500000원"). */
static int date_groups(const char *s, const struct sgroup *g)
{
    size_t n[3];
    unsigned v[3];

    for (int k = 0; k < 3; k++) {
        if (g[k].letters || (n[k] = g[k].b - g[k].a) > 4)
            return 0;
        v[k] = det_value(s + g[k].a, n[k]);
    }
    if (n[0] == 4 && n[1] <= 2 && n[2] <= 2 && is_year(s + g[0].a, 4))
        return det_month_day(v[1], v[2]);
    if (n[2] == 4 && n[0] <= 2 && n[1] <= 2 && is_year(s + g[2].a, 4))
        return det_month_day(v[1], v[0]);
    return 0;
}

int detect_split_start(const char *s, size_t len, size_t at)
{
    if (at + 1 < len && s[at] == '(' && det_digit(s[at + 1]))
        at++;
    return at < len && det_digit(s[at]) && (at == 0 || !det_alnum(s[at - 1]));
}

size_t detect_split(const char *s, size_t len, size_t at, size_t *start, int *kind, detect_digits_fn scan,
                    void *ctx)
{
    struct sgroup g[SPLIT_GROUPS];
    char rd[SPLIT_MAX + 16];
    size_t ng, last, k, n, digits, pre, suf, from, to, end = 0;
    int plain, split, wordy, inner, month, ord, label, birth, units, found = 0;
    unsigned years;
    size_t head;

    /* "(010) 9911 and also 2233": the run from the bracket's group. */
    if (at < len && s[at] == '(') {
        end = detect_split(s, len, at + 1, start, kind, scan, ctx);
        if (end != 0 && *start == at + 1)
            *start = at;
        return end;
    }
    /* A month's name before the first group joins the run ("born April,
     * 15, 1989"). */
    at = month_before(s, len, at);
    if ((ng = read_run(s, len, at, g)) == 0)
        return 0;
    pre = prefix_before(s, len, at);
    /* The scanners are asked only where they could answer: after a label
     * (glued readings), near a birth word (dotted), or with a letter
     * between digit groups (a plate's). */
    for (k = 0, inner = 0; k < ng; k++)
        inner |= g[k].letters == 1;
    label = label_before(s, pre) | (pre < at ? label_before(s, at) : 0);
    birth = ng >= 3 && date_shape(g) && !continues_run(s, pre) && detect_birth_near(s, len, pre, g[2].b);
    if (!label && !birth && !inner)
        return 0;
    for (last = ng; last >= 1 && !found; last--) {
        if (g[last - 1].letters)
            continue;
        for (k = 0, plain = 0, wordy = 0, inner = 0, digits = 0, years = 0, split = 0, month = 0, ord = 0,
            head = 0, units = 0; k < last; k++) {
            plain |= k > 0 && !g[k].mark && !g[k].word;
            split |= k > 0 && (g[k].mark || g[k].word);
            /* the digits before the first split gap */
            head += split || g[k].letters ? 0 : g[k].b - g[k].a;
            wordy |= k > 0 && !g[k].mark && g[k].word;
            inner |= g[k].letters == 1;
            month |= g[k].letters == 2;
            ord |= g[k].next != g[k].b;
            digits += g[k].letters ? 0 : g[k].b - g[k].a;
            years += !g[k].letters && is_year(s + g[k].a, g[k].b - g[k].a);
            units |= g[k].unit;
        }
        /* A split gap among the gaps ("99-55, 22-11", "8 (912) 345, 67,
         * 89": brief s25 num25; all plain ones are detect_phone.c's), or
         * a letter among three groups or more ("1-2-가-3456"); two years
         * are a span of time. */
        if (digits < 4 || years >= 2 || (plain && !split && !(inner && last >= 3)))
            continue;
        /* Plain gaps and split ones: the groups before the first split
         * gap are no whole number by themselves ("010 5521 and 7788", not
         * "010 5521 7788 and 12"). */
        if (plain && split && head >= 8)
            continue;
        suf = last == ng ? suffix_after(s, len, g[last - 1].next) : g[last - 1].next;
        /* With the letters around first, then without; glued, then
         * dotted (three groups of digits only). */
        for (int v = 0; v < 5 && !found; v++) {
            int with_pre = v == 0 || v == 1, with_suf = v == 0 || v == 2, dots = v == 4;
            if ((with_pre && pre == at) || (with_suf && suf == g[last - 1].next) ||
                (dots && (last != 3 || inner || !birth)) || (!dots && (month || (!label && !inner))))
                continue;
            /* One group: only with letters joined by a split mark
             * ("1234, уба", "a, 1234567"). */
            if (last == 1 && !((with_pre && marked(s, pre, at)) || (with_suf && marked(s, g[0].b, suf))))
                continue;
            from = with_pre ? pre : at;
            to = with_suf ? suf : g[last - 1].next;
            n = 0;
            if (with_pre) {
                size_t e = pre, cl;
                int cp;
                while (e < at && (cp = det_cp_at(s, len, e, &cl)) >= 0 && is_word_cp(cp))
                    e += cl;
                put(rd, &n, s, pre, e);
            }
            for (k = 0; k < last && n + (g[k].b - g[k].a) + 8 < SPLIT_MAX; k++) {
                if (dots && k > 0)
                    rd[n++] = month ? ' ' : '.';   /* "15 april 1989" */
                put(rd, &n, s, g[k].a, g[k].b);
            }
            if (k < last)
                break;
            if (with_suf) {
                size_t w = suf;
                while (w > g[last - 1].next && s[w - 1] != ' ' && s[w - 1] != ',' && s[w - 1] != '-')
                    w--;
                put(rd, &n, s, w, suf);
            }
            rd[n] = '\0';
            /* A date only across marks ("Born 89, 04, 15"), a plate's
             * letter between digits as found ("1, 2, 가, 3, 4, 5, 6"),
             * the other kinds after their label. */
            if (try_reading(s, len, from, to, rd, n, kind, scan, ctx) &&
                (*kind == DETECT_DATE ? !wordy || ord : fits(*kind, label, inner)) &&
                !(*kind != DETECT_DATE && units) &&
                !(*kind == DETECT_ACCOUNT && ng >= 3 && date_groups(s, g)) &&
                !(*kind == DETECT_PHONE && digits > SPLIT_PHONE))
                found = 1, *start = from, end = to;
        }
    }
    sodium_memzero(rd, sizeof rd);
    return found ? end : 0;
}
