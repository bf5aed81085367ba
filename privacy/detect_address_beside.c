/* What stands beside an address found and belongs to it (report-adv28a
 * I-5), read after the other address readers over their spans (bytes of
 * the norm view):
 *   - a street's name with no street word before the house number that
 *     starts a span of two parts or more ("Kyiv, Khreshchatyk 22, apt
 *     7": the span was "22, apt 7"): one or two words that are no
 *     English word (util/lexicon.h) nor a unit word (detect_address_run.c),
 *     in Latin or Cyrillic letters, first in their clause after a clause
 *     that is a place (one to three words, or a name's word before the
 *     comma: "with Kyiv,") or after a
 *     preposition (at, on, in, на, по, в, у); "Гагарина 15, кв. 8" with
 *     nothing before stays, as a surname may stand so.  A number alone ("Room 22", "Khreshchatyk 22") is no span, so
 *     it is never read so: the other part (a flat, a house's word) is
 *     what says an address stands there;
 *   - a postcode in the list of places joined by commas around a span
 *     ("Россия, 443001, Самара, Молодогвардейская улица, дом 204", "ул.
 *     Ленина 5, 443001 Самара"): five digits (KR, MN, MY, KW, UA) or six
 *     (RU), alone between commas or beside one to three words of
 *     letters, at most two such places away from the span and 96 bytes.
 *     The span must start or end its clause: "In 2020, 15000 people
 *     lived at 5 Main St" is read from "5", not from the clause's start.
 * Each span found holds an ASCII digit (detect_gate.c's mark). */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "util/lexicon.h"

#define N(a) (sizeof(a) / sizeof(a)[0])
#define BESIDE_MAX 96           /* bytes between a postcode and its span, at most */

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

/* 1 if a clause starts at i: the text's start, or ", ", ": ", "(" before. */
static int clause_start(const char *s, size_t i)
{
    if (i == 0 || s[i - 1] == '(' || s[i - 1] == '\n')
        return 1;
    return i >= 2 && s[i - 1] == ' ' && (s[i - 2] == ',' || s[i - 2] == ':' || s[i - 2] == ';');
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

static int place_clause(const char *s, size_t len, size_t a, size_t b, size_t *pa, size_t *pb);

/* 1 if the word at w may open a street's name there: after a preposition,
 * or first in its clause after a clause that is a place ("Kyiv,
 * Khreshchatyk"; a clause that opens the text, "Гагарина 15, кв. 8",
 * stays: the name alone is as often a person's). */
static int street_opens(const char *s, size_t len, size_t w)
{
    size_t pa, pe, ca, pp, qq;

    if (w >= 2 && s[w - 1] == ' ' && (pe = w - 1, pa = word_start_before(s, pe)) < pe &&
        det_in_list(street_preps, N(street_preps), s + pa, pe - pa))
        return 1;
    if (w < 3 || s[w - 1] != ' ' || s[w - 2] != ',')
        return 0;
    /* "He stayed with Kyiv, Khreshchatyk 22": a name's word before the comma */
    if ((pa = word_start_before(s, w - 2)) < w - 2 && latin_or_cyrillic(s, pa) && street_word(s, len, pa, w - 2))
        return 1;
    for (ca = w - 2; ca > 0 && s[ca - 1] != ',' && s[ca - 1] != '\n' && s[ca - 1] != ':' && s[ca - 1] != '.' &&
                     w - 2 - ca < BESIDE_MAX; ca--)
        ;
    ca += ca < w - 2 && s[ca] == ' ';
    return ca < w - 2 && place_clause(s, len, ca, w - 2, &pp, &qq);
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

/* A postcode at i: its end, or 0 (five or six digits, a word's end). */
static size_t postcode_at(const char *s, size_t len, size_t i)
{
    size_t n = det_digits(s, len, i);

    return (n == 5 || n == 6) && (i == 0 || !det_letter_before(s, i)) && !det_letter_at(s, len, i + n) &&
                   !(i + n < len && (s[i + n] == '-' || s[i + n] == '.' || s[i + n] == '/'))
               ? i + n
               : 0;
}

/* The clause [a, b) (between commas) read as a place: one to three words
 * of letters, maybe with a postcode first or last.  The postcode's span
 * in *pa, *pb (0, 0 if none); 1 if it is one, 0 if not. */
static int place_clause(const char *s, size_t len, size_t a, size_t b, size_t *pa, size_t *pb)
{
    size_t i = a, e, words = 0;

    *pa = *pb = 0;
    while (i < b) {
        if (det_digit(s[i])) {
            if (*pb != 0 || (e = postcode_at(s, len, i)) == 0 || e > b || (i != a && e != b))
                return 0;
            *pa = i, *pb = e, i = e;
        } else {
            e = det_letters_end(s, len, i);
            if (e == i || e > b || ++words > 3)
                return 0;
            i = e;
        }
        if (i < b && s[i] != ' ')
            return 0;
        i += i < b;
    }
    return words > 0 || *pb != 0;
}

/* The postcode in the places before a (dir < 0) or after b (dir > 0):
 * its span in *pa, *pb, or 0. */
static int postcode_beside(const char *s, size_t len, size_t a, size_t b, int dir, size_t *pa, size_t *pb)
{
    size_t ca, cb, k;

    for (k = 0; k < 3; k++) {
        if (dir < 0) {
            if (a < 3 || s[a - 1] != ' ' || s[a - 2] != ',')
                return 0;
            cb = a - 2;
            for (ca = cb; ca > 0 && s[ca - 1] != ',' && s[ca - 1] != '\n' && s[ca - 1] != ':' && cb - ca < BESIDE_MAX; ca--)
                ;
            ca += ca < cb && s[ca] == ' ';
        } else {
            if (b + 2 >= len || s[b] != ',' || s[b + 1] != ' ')
                return 0;
            ca = b + 2;
            for (cb = ca; cb < len && s[cb] != ',' && s[cb] != '\n' && s[cb] != '.' && s[cb] != ';' && cb - ca < BESIDE_MAX; cb++)
                ;
        }
        if (!place_clause(s, len, ca, cb, pa, pb))
            return 0;
        if (*pb != 0)
            return 1;
        a = ca, b = cb;
    }
    return 0;
}

int addr_beside_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len)
{
    size_t k, a, b, st, pa, pb;

    for (k = 0; k < *n; k++) {
        if ((*d)[k].kind != DETECT_ADDRESS)
            continue;
        a = (*d)[k].start, b = (*d)[k].end;
        if (det_digit(s[a]) && number_and_more(s, len, a, b) && (st = street_before(s, len, a)) < a &&
            (k == 0 || (*d)[k - 1].end <= st))
            (*d)[k].start = a = st;
        if ((clause_start(s, a) && postcode_at(s, len, a) == 0 && postcode_beside(s, len, a, b, -1, &pa, &pb)) ||
            postcode_beside(s, len, a, b, 1, &pa, &pb)) {
            if (addr_merge(d, n, cap, pa, pb) != 0)
                return -1;
            /* the list grew or kept its order: find this span again */
            while (k < *n && (*d)[k].start != a)
                k++;
        }
    }
    return 0;
}
