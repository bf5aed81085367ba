/* What stands beside an address found and belongs to it (report-adv28a
 * I-5), read after the other address readers over their spans (bytes of
 * the norm view):
 *   - a street's name with no street word before the house number that
 *     starts a span of two parts or more ("Kyiv, Khreshchatyk 22, apt
 *     7": the span was "22, apt 7"): one or two words that are no
 *     English word (util/lexicon.h) nor a unit word (detect_address_run.c),
 *     in Latin or Cyrillic letters, first in their clause after a
 *     place's name and a comma (a word of the same kind: "with Kyiv,")
 *     or after a preposition (at, on, in, на, по, в, у); "Гагарина 15,
 *     кв. 8" with nothing before stays, as a surname may stand so.  A
 *     number alone ("Room 22", "Khreshchatyk 22") is no span, so it is
 *     never read so: the other part (a flat, a house's word) is what
 *     says an address stands there;
 *   - a postcode without its label before or after a span, one to three
 *     words of a place between ("Россия, 443001, Самара, Молодогвардейская
 *     улица, дом 204", "ул. Ленина 5, кв. 3, 443001 Самара"): the rule of
 *     detect_address.c's part walk (addr_postcode_before, _after), which
 *     served only the spans that walk found, now applied to the spans of
 *     every reader.
 * Each span found holds an ASCII digit (detect_gate.c's mark). */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "util/lexicon.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

static const struct det_word street_preps[] = {
    DW("at", FIT_WORD), DW("on", FIT_WORD), DW("in", FIT_WORD),
    DW("\xd0\xbd\xd0\xb0", FIT_WORD), DW("\xd0\xbf\xd0\xbe", FIT_WORD),        /* на по */
    DW("\xd0\xb2", FIT_WORD), DW("\xd1\x83", FIT_WORD),                        /* в у */
};

/* The start of the word (letters of any script and '-' inside) ending at
 * end, or end if none. */
static size_t word_start_before(const char *s, size_t end)
{
    size_t i = end, n;

    while (i > 0 && (det_letter_before(s, i) || (s[i - 1] == '-' && i - 1 > 0 && det_letter_before(s, i - 1)))) {
        if (det_digit(s[i - 1]))
            return end;
        if (s[i - 1] == '-')
            i--;
        else
            det_cp_before(s, i, &n), i -= n;
    }
    return i;
}

/* Weekdays (the dictionary counts them as names, util/lexicon.h): "on
 * Monday 22, apt 7 was empty" has no street. */
static const struct det_word weekdays[] = {
    DW("monday", FIT_WORD), DW("tuesday", FIT_WORD), DW("wednesday", FIT_WORD), DW("thursday", FIT_WORD),
    DW("friday", FIT_WORD), DW("saturday", FIT_WORD), DW("sunday", FIT_WORD),
};

/* 1 if s[a, b) may be a street's name: no English word, no weekday, no
 * unit word, no month, four bytes at least. */
static int street_word(const char *s, size_t len, size_t a, size_t b)
{
    size_t m;

    return b - a >= 4 && lexicon_word(LEXICON_EN, s + a, b - a) != 1 &&
           !det_in_list(weekdays, N(weekdays), s + a, b - a) && !addr_run_unit_word(s, a, b) &&
           !detect_month_word(s, len, a, &m) && !det_in_list(street_preps, N(street_preps), s + a, b - a);
}

/* 1 if a Latin or Cyrillic letter is at i (Korean and Han addresses have
 * their own readers, and a Hangul word before a number is a particle's). */
static int latin_or_cyrillic(const char *s, size_t i)
{
    unsigned char c = (unsigned char)s[i];

    return det_alpha(s[i]) || (c >= 0xD0 && c <= 0xD4);
}

/* 1 if the word at w may open a street's name there: after a preposition,
 * or first in its clause after a place's name and a comma ("with Kyiv,
 * Khreshchatyk"; a clause that opens the text, "Гагарина 15, кв. 8",
 * stays: the name alone is as often a person's). */
static int street_opens(const char *s, size_t len, size_t w)
{
    size_t pa, pe;

    if (w >= 2 && s[w - 1] == ' ' && (pe = w - 1, pa = word_start_before(s, pe)) < pe &&
        det_in_list(street_preps, N(street_preps), s + pa, pe - pa))
        return 1;
    if (w < 3 || s[w - 1] != ' ' || s[w - 2] != ',')
        return 0;
    return (pa = word_start_before(s, w - 2)) < w - 2 && latin_or_cyrillic(s, pa) && street_word(s, len, pa, w - 2);
}

/* The start of a street's name before the number at a (above), or a. */
static size_t street_before(const char *s, size_t len, size_t a)
{
    size_t w1, w2;

    if (a < 5 || s[a - 1] != ' ' || (w1 = word_start_before(s, a - 1)) == a - 1 ||
        !latin_or_cyrillic(s, w1) || !street_word(s, len, w1, a - 1))
        return a;
    if (street_opens(s, len, w1))
        return w1;
    if (w1 >= 2 && s[w1 - 1] == ' ' && (w2 = word_start_before(s, w1 - 1)) < w1 - 1 &&
        latin_or_cyrillic(s, w2) && street_word(s, len, w2, w1 - 1) && street_opens(s, len, w2))
        return w2;
    return a;
}

/* 1 if the span [a, b) is a number and another part ("22, apt 7"). */
static int number_and_more(const char *s, size_t len, size_t a, size_t b)
{
    size_t n = det_digits(s, len, a);

    return n > 0 && n <= 5 && a + n < b && memchr(s + a + n, ' ', b - a - n) != NULL;
}

int addr_beside_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len)
{
    size_t k, a, b, st, e;

    for (k = 0; k < *n; k++) {
        if ((*d)[k].kind != DETECT_ADDRESS)
            continue;
        a = (*d)[k].start, b = (*d)[k].end;
        if (det_digit(s[a]) && number_and_more(s, len, a, b) && (st = street_before(s, len, a)) < a &&
            (k == 0 || (*d)[k - 1].end <= st))
            (*d)[k].start = a = st;
        /* The part walk's postcodes (detect_address.c) for every span. */
        if ((e = addr_postcode_before(s, a, &st)) != 0 && (k == 0 || (*d)[k - 1].end <= st)) {
            if (addr_merge(d, n, cap, st, e) != 0)
                return -1;
        } else if ((e = addr_postcode_after(s, len, b, &st)) != 0 && (k + 1 == *n || (*d)[k + 1].start >= e)) {
            if (addr_merge(d, n, cap, st, e) != 0)
                return -1;
        } else
            continue;
        /* the list grew or kept its order: find this span again */
        while (k < *n && (*d)[k].start != a)
            k++;
    }
    return 0;
}
