/* Codes whose digits are written several ways at once (issue 12, report
 * adv12g; brief i12-num items 1 and 3): a group of a
 * phone number or an ID that mixes digits with digit words, look-alike
 * letters or Sino-Korean digit syllables ("010-four8two1-7395", "010 4821
 * seven3nine5", "M76S4321", "MT654321", "MSEVEN654321",
 * "M-seven-654321", "OlO-l2B4-S67B", "M일이삼사오육칠팔").  The code is
 * read back into the digits the scanners know and handed to them by
 * detect_alt.c, so the whole code is a detection exactly when its
 * reading is one: a match never ends inside a glued run.
 *
 * A code: groups joined by '-', '.', '/' (or one space before a group
 * holding a digit); in each group, from left to right, an ASCII digit, a
 * Sino-Korean digit syllable (detect_digits.c), a digit word (zero ...
 * nine in English, Mongolian and Russian: "010-дөрөв8хоёр1-7395") or a
 * look-alike letter (the
 * table phone numbers use: O o 0, I i l 1, Z z 2, S s 5, G 6, T 7, B 8:
 * the usual typing and OCR confusions); the first group may start with
 * one or two letters of a code ("M", "UB") kept as letters (the code
 * is then read without its separators: "M-seven-654321" is M7654321).  The reading
 * is tried only when something was read other than as a digit, it holds
 * six digits or more and an ASCII or Sino-Korean digit, and a group
 * without one is a digit word or look-alikes of three letters at most
 * ("OlO", "seven"): prose words ("solo", "boost") hold no digit and
 * start no code.  Offsets are bytes of the norm view (detect_int.h). */
#include "privacy/detect_int.h"

/* The digit words read inside a group, in the four languages of the
 * testimonies: English, Mongolian in Cyrillic and in Latin letters (the
 * cardinal numbers as detect_spoken.c writes them), Russian. */
static const struct {
    const char *w;
    int v;
} digit_words[] = {
    { "zero", 0 }, { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 },
    { "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 },
    { "тэг", 0 }, { "нэг", 1 }, { "хоёр", 2 }, { "гурав", 3 }, { "дөрөв", 4 }, { "тав", 5 },
    { "зургаа", 6 }, { "долоо", 7 }, { "найм", 8 }, { "ес", 9 },
    { "teg", 0 }, { "neg", 1 }, { "khoyor", 2 }, { "hoyor", 2 }, { "gurav", 3 }, { "dorov", 4 },
    { "tav", 5 }, { "zurgaa", 6 }, { "doloo", 7 }, { "naim", 8 },
    { "ноль", 0 }, { "один", 1 }, { "два", 2 }, { "три", 3 }, { "четыре", 4 }, { "пять", 5 },
    { "шесть", 6 }, { "семь", 7 }, { "восемь", 8 }, { "девять", 9 },
};

int det_lookalike_digit(char c)
{
    switch (c) {
    case 'o': return 0;
    case 'i': case 'l': return 1;
    case 'z': return 2;
    case 's': return 5;
    case 'g': return 6;
    case 't': return 7;
    case 'b': return 8;
    default: return -1;
    }
}

/* A mark typed for 1 inside a code (report-adv12 A-18: "M!034582",
 * "M|234567"): '!', '|', ǀ (U+01C0) or ı (U+0131), before an ASCII digit;
 * its length in bytes, or 0. */
static size_t one_mark(const char *s, size_t len, size_t i)
{
    size_t k = s[i] == '!' || s[i] == '|' ? 1 :
               det_starts(s, len, i, "\xc7\x80") || det_starts(s, len, i, "\xc4\xb1") ? 2 : 0;

    return k > 0 && i + k < len && det_digit(s[i + k]) ? k : 0;
}

/* The digit word at s[at] (the longest), its length in *n; -1 if none. */
static int digit_word(const char *s, size_t len, size_t at, size_t *n)
{
    size_t k, best = 0;
    int v = -1;

    for (k = 0; k < sizeof digit_words / sizeof digit_words[0]; k++)
        if (s[at] == digit_words[k].w[0] && strlen(digit_words[k].w) > best &&
            det_starts(s, len, at, digit_words[k].w))
            best = strlen(digit_words[k].w), v = digit_words[k].v;
    *n = best;
    return v;
}

struct reading {
    char *out;
    size_t n, cap;
    size_t digits, real, other, lookalikes;     /* real: ASCII or Sino-Korean */
};

static int emit(struct reading *r, char c)
{
    if (r->n + 1 >= r->cap)
        return -1;
    r->out[r->n++] = c;
    return 0;
}

/* Reads one group at at (after a code's letters when first); its end, or
 * at when it is none. */
static size_t read_group(struct reading *r, const char *s, size_t len, size_t at, int code)
{
    size_t i = at, k, real = r->real, looks = r->lookalikes, words = r->other;
    int v;

    while (i < len) {
        if (det_digit(s[i]))
            v = s[i] - '0', k = 1, r->real++;
        else if ((v = det_sino_digit(s, len, i)) >= 0)
            k = 3, r->real++;
        else if ((v = digit_word(s, len, i, &k)) >= 0)
            r->other++;
        else if (det_alpha(s[i]) && (v = det_lookalike_digit(s[i])) >= 0)
            k = 1, r->lookalikes++;
        else if (code && (k = one_mark(s, len, i)) > 0)
            v = 1, r->lookalikes++;
        else
            break;
        if (emit(r, (char)('0' + v)) != 0)
            return at;
        r->digits++, i += k;
    }
    if (i == at || det_alnum(s[i]) || det_letter_at(s, len, i))
        return at;
    /* A group of look-alikes alone: three letters at most ("OlO", not
     * "solo"), and none after a code's letters ("S-OLO-2000"). */
    if (r->real == real && r->other == words && r->lookalikes - looks > (code ? 0u : 3u))
        return at;
    return i;
}

/* Reads the groups of a code from i onto r; the end of the last group,
 * or i. */
static size_t read_groups(struct reading *r, const char *s, size_t len, size_t i, int compact)
{
    size_t e, end = i, mark, k, real;

    for (;;) {
        mark = r->n, real = r->real;
        if ((e = read_group(r, s, len, i, compact)) == i) {
            r->n = mark;
            return end;
        }
        end = e;
        if (e + 1 >= len || !(s[e] == '-' || s[e] == '.' || s[e] == '/' || s[e] == ' ') ||
            !(det_alnum(s[e + 1]) || det_sino_digit(s, len, e + 1) >= 0 ||
              digit_word(s, len, e + 1, &k) >= 0))
            return end;
        /* A space joins groups of a phone number only, each with a digit
         * in it ("010 4821 seven3nine5"; not "to 2010", "A4 i7-8700"). */
        if (s[e] == ' ' && (compact || r->real == real ||
                            !(det_digit(s[e + 1]) || det_sino_digit(s, len, e + 1) >= 0 ||
                              (digit_word(s, len, e + 1, &k) >= 0 && e + 1 + k < len &&
                               det_digit(s[e + 1 + k])))))
            return end;
        if (!compact && emit(r, s[e]) != 0)
            return end;
        i = e + 1;
    }
}

size_t det_read_code(const char *s, size_t len, size_t at, char *out, size_t cap, size_t *n)
{
    struct reading r = { out, 0, cap, 0, 0, 0, 0 };
    size_t i, end = at, skip;

    /* Without letters first ("OlO-l2B4" is all digits), then with one or
     * two letters of a code ("MT654321": M and a T for 7). */
    for (skip = 0; skip <= 2 && end == at; skip++) {
        if (skip > 0 && !(at + skip < len && det_alpha(s[at + skip - 1])))
            break;
        r.n = r.digits = r.real = r.other = r.lookalikes = 0;
        for (i = at; i < at + skip; i++)
            (void)emit(&r, s[i]);
        if (skip > 0 && s[i] == '-' && i + 1 < len && det_alnum(s[i + 1]))
            i++;                                            /* "M-seven-654321" */
        /* A code with letters is read compact, as an ID is written. */
        end = read_groups(&r, s, len, i, skip > 0);
        if (end == i || r.digits < 6 || r.real == 0 || r.other + r.lookalikes == 0)
            end = at;
    }
    if (end == at)
        return 0;
    /* A separator read after the last group is none. */
    while (r.n > 0 && !det_alnum(r.out[r.n - 1]))
        r.n--;
    *n = r.n;
    return end;
}
