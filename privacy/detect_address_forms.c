/* Short address forms read whole (brief s25 addr25, report-adv24 A-17),
 * after the part walk (detect_address.c) and the cue reader
 * (detect_address_cue.c), in the norm view (lower case):
 *   slash      a unit and house written with a slash ("12/5", "5/12",
 *              "12/5a") after a unit word ("unit", "flat", "apt", "д.",
 *              "дом", "кв.", "корп.") or before a street ("12/5 baker
 *              st", "12/5 세종대로"); a date ("12/5/2023"), a share
 *              ("12/5 of the votes") or a page has neither;
 *   glued      the Latin spellings of the Mongolian address words with
 *              their number glued or apart ("3khoroo 15bair 42toot",
 *              "3 horoo 15 bayr 42 tood", "42tootod", "5khoroolol
 *              12gudamj"): two parts or more, or one flat glued;
 *   triple     a khoroo, a building and a flat joined by hyphens before
 *              тоот/toot ("3-15-42 тоотод"): one span (a score "3-15-42"
 *              has no тоот);
 *   complex    a named apartment complex (a word ending in 자이, 래미안,
 *              아파트, 빌라, 맨션, 푸르지오, 아이파크, 힐스테이트; the
 *              common nouns 아파트, 빌라, 맨션 with a name glued before
 *              them) and its building-flat pair ("반포자이 101-1203",
 *              "현대아파트 5-302");
 *   street     the street's name before an address that starts at its
 *              house's word ("на ленина, дом 5", "улица ленина, дом 5", "baker
 *              street, house 5", "энхтайвны гудамж, 5-р байр") joins it;
 *   room       a room and its floor alone ("room 12, floor 5", "room
 *              204, 2nd floor") are a place in a building, no home: the
 *              span is dropped unless a word of a stay (home, address,
 *              lives, hotel: addr_room_dwelt, detect_address_flat.c)
 *              stands in its sentence (docs/VARIANTS.md).
 * The word lists are written by hand (they want a native reviewer for
 * Mongolian, Russian and Korean). */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/detect_address_int.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* 1 if a letter (any script, no digit) is at s[i] (s[0..len), bytes); *n
 * its length in bytes.  Shared by the address readers (detect_int.h). */
int det_letter(const char *s, size_t len, size_t i, size_t *n)
{
    int cp = i < len ? det_cp_at(s, len, i, n) : -1;

    return cp >= 0 && is_word_cp(cp) && !(cp >= '0' && cp <= '9');
}

/* The end of the letters at i (i if none), a byte offset in s. */
size_t det_letters_end(const char *s, size_t len, size_t i)
{
    size_t n;

    while (det_letter(s, len, i, &n))
        i += n;
    return i;
}

/* The start of the letters ending at e (e if none). */
static size_t letters_start(const char *s, size_t e)
{
    size_t n;
    int cp;

    while ((cp = det_cp_before(s, e, &n)) >= 0 && is_word_cp(cp) && !(cp >= '0' && cp <= '9'))
        e -= n;
    return e;
}

/* 1 if s[a, b) is one of list[]. */
static int is_word(const char *s, size_t a, size_t b, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (strlen(list[k]) == b - a && memcmp(s + a, list[k], b - a) == 0)
            return 1;
    return 0;
}

/* 1 if the letters s[a, b) end with one of list[]. */
static int ends_with(const char *s, size_t a, size_t b, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t l = strlen(list[k]);
        if (l <= b - a && memcmp(s + b - l, list[k], l) == 0)
            return 1;
    }
    return 0;
}

/* The word before at: skips spaces and one "," or "." before them;
 * [*a, *b) the letters; 0 if none. */
static int word_before(const char *s, size_t at, size_t *a, size_t *b)
{
    size_t e = at;

    while (e > 0 && s[e - 1] == ' ')
        e--;
    if (e > 0 && (s[e - 1] == ',' || s[e - 1] == '.'))
        e--;
    *b = e, *a = letters_start(s, e);
    return *a < *b;
}

/* 1 if no letter, digit or c stands just before i. */
static int starts_clear(const char *s, size_t i, char c)
{
    return !det_letter_before(s, i) && !(i > 0 && (s[i - 1] == c || s[i - 1] == '.' || s[i - 1] == '/'));
}

static const char *const stops[] = { "the", "a", "an", "in", "of", "on", "at", "to", "and", "for", "with",
                                     "by", "from", "is", "was", "were", "are", "this", "that" };

/* ---- slash ---- */

static const char *const slash_units[] = {
    "unit", "flat", "apt", "apartment", "suite",
    "\xd0\xb4",                                         /* д (д.) */
    "\xd0\xb4\xd0\xbe\xd0\xbc",                         /* дом */
    "\xd0\xba\xd0\xb2",                                 /* кв (кв.) */
    "\xd0\xba\xd0\xb2\xd0\xb0\xd1\x80\xd1\x82\xd0\xb8\xd1\x80\xd0\xb0", /* квартира */
    "\xd0\xba\xd0\xbe\xd1\x80\xd0\xbf",                 /* корп (корп.) */
    "\xd0\xba\xd0\xbe\xd1\x80\xd0\xbf\xd1\x83\xd1\x81", /* корпус */
};

static const char *const street_words[] = {
    "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "dr", "way", "close", "crescent",
    "\xd0\xb3\xd1\x83\xd0\xb4\xd0\xb0\xd0\xbc\xd0\xb6",                 /* гудамж */
    "\xd0\xb3\xd1\x83\xd0\xb4\xd0\xb0\xd0\xbc\xd0\xb6\xd0\xbd\xd1\x8b", /* гудамжны */
};

/* Korean road words and the particles after them (로, 길; 에, 에서, 의). */
static const char *const ko_roads[] = { "\xeb\xa1\x9c", "\xea\xb8\xb8" };
static const char *const ko_particles[] = { "\xec\x97\x90\xec\x84\x9c", "\xec\x97\x90", "\xec\x9d\x98" };

/* The end of a street after the space at i: one to three words then a
 * street word ("baker st"), or a Korean road word ("세종대로에": before
 * its particle); 0 if none. */
static size_t street_after(const char *s, size_t len, size_t i)
{
    size_t a = i, b, words;
    int cp;

    if (i >= len || s[i] != ' ')
        return 0;
    a = i + 1;
    if ((cp = det_cp_at(s, len, a, &b)) >= 0xAC00 && cp <= 0xD7A3) {
        b = det_letters_end(s, len, a);
        for (size_t k = 0; k < N(ko_particles); k++) {
            size_t l = strlen(ko_particles[k]);
            if (b - a > l && memcmp(s + b - l, ko_particles[k], l) == 0) {
                b -= l;
                break;
            }
        }
        return b - a >= 6 && ends_with(s, a, b, ko_roads, N(ko_roads)) ? b : 0;
    }
    for (words = 0; words < 4; words++) {
        if ((b = det_letters_end(s, len, a)) == a || is_word(s, a, b, stops, N(stops)))
            return 0;
        if (words > 0 && is_word(s, a, b, street_words, N(street_words)))
            return b;
        if (b >= len || s[b] != ' ')
            return 0;
        a = b + 1;
    }
    return 0;
}

static int slash(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len, size_t i)
{
    size_t n1 = det_digits(s, len, i), n2, e, a, wa, wb;
    int found = 0;

    if (n1 == 0 || n1 > 4 || !starts_clear(s, i, '-') || i + n1 >= len || s[i + n1] != '/')
        return 0;
    if ((n2 = det_digits(s, len, i + n1 + 1)) == 0 || n2 > 4)
        return 0;
    e = i + n1 + 1 + n2;
    if (e < len && det_alpha(s[e]) && !det_letter(s, len, e + 1, &wa))
        e++;
    if (e < len && (s[e] == '/' || det_letter_at(s, len, e) || (s[e] == '.' && e + 1 < len && det_digit(s[e + 1]))))
        return 0;
    a = i;
    if (word_before(s, i, &wa, &wb) && is_word(s, wa, wb, slash_units, N(slash_units)))
        a = wa, found = 1;
    if ((wb = street_after(s, len, e)) != 0)
        e = wb, found = 1;
    return found ? addr_merge(d, n, cap, a, e) : 0;
}

/* ---- glued ---- */

/* The Latin spellings of the Mongolian address words (the longest
 * first); flat[]: 1 for a flat (a household by itself). */
static const char *const mn_units[] = { "khoroolol", "horoolol", "khoroo", "horoo", "bair", "bayr",
                                        "toot", "tood", "gudamj", "gudamzh" };
static const int mn_flat[] = { 0, 0, 0, 0, 0, 0, 1, 1, 0, 0 };

/* A part at i: a number, a space or nothing, a unit of mn_units[], then
 * a case ending ("-d", "od", "iin": four letters at most) and no letter;
 * its end, *glued, *flat; 0 if none. */
static size_t mn_part(const char *s, size_t len, size_t i, int *glued, int *flat)
{
    size_t nd = det_digits(s, len, i), j, e;

    if (nd == 0 || nd > 4)
        return 0;
    j = i + nd;
    *glued = !(j < len && s[j] == ' ');
    j += !*glued;
    for (size_t k = 0; k < N(mn_units); k++)
        if (det_starts(s, len, j, mn_units[k])) {
            e = j + strlen(mn_units[k]);
            e += e + 1 < len && s[e] == '-' && det_alpha(s[e + 1]);
            if (det_letters_end(s, len, e) - e > 4)
                continue;
            *flat = mn_flat[k];
            return det_letters_end(s, len, e);
        }
    return 0;
}

static int glued(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len, size_t i, size_t *next)
{
    size_t e, j = i, end = 0;
    int g, f, parts = 0, fl = 0;

    if (!starts_clear(s, i, '-'))
        return 0;
    while ((e = mn_part(s, len, j, &g, &f)) != 0) {
        parts++, fl |= f && g;
        end = e;
        j = e;
        j += j < len && s[j] == ',';
        j += j < len && s[j] == ' ';
    }
    if (parts == 0 || !(parts >= 2 || fl))
        return 0;
    *next = end;
    return addr_merge(d, n, cap, i, end);
}

/* ---- triple ---- */

static const char *const toot[] = { "\xd1\x82\xd0\xbe\xd0\xbe\xd1\x82", "toot", "tood" };

static int triple(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len, size_t i)
{
    size_t j = i, nd, k, e;

    if (!starts_clear(s, i, '-'))
        return 0;
    for (k = 0; k < 3; k++) {
        nd = det_digits(s, len, j);
        if (nd == 0 || nd > (k == 0 ? 2u : 4u))
            return 0;
        j += nd;
        if (k < 2) {
            if (j >= len || s[j] != '-')
                return 0;
            j++;
        }
    }
    if (j < len && (s[j] == '-' || s[j] == '/'))
        return 0;
    j += j < len && s[j] == ' ';
    for (k = 0; k < N(toot); k++)
        if (det_starts(s, len, j, toot[k])) {
            e = j + strlen(toot[k]);
            e += e + 1 < len && s[e] == '-' && det_letter(s, len, e + 1, &nd);
            return addr_merge(d, n, cap, i, det_letters_end(s, len, e));
        }
    return 0;
}

/* ---- complex ---- */

static const char *const complexes[] = {
    "\xec\x9e\x90\xec\x9d\xb4",                                                 /* 자이 */
    "\xeb\x9e\x98\xeb\xaf\xb8\xec\x95\x88",                                     /* 래미안 */
    "\xec\x95\x84\xed\x8c\x8c\xed\x8a\xb8",                                     /* 아파트 */
    "\xeb\xb9\x8c\xeb\x9d\xbc",                                                 /* 빌라 */
    "\xeb\xa7\xa8\xec\x85\x98",                                                 /* 맨션 */
    "\xed\x91\xb8\xeb\xa5\xb4\xec\xa7\x80\xec\x98\xa4",                         /* 푸르지오 */
    "\xec\x95\x84\xec\x9d\xb4\xed\x8c\x8c\xed\x81\xac",                         /* 아이파크 */
    "\xed\x9e\x90\xec\x8a\xa4\xed\x85\x8c\xec\x9d\xb4\xed\x8a\xb8",             /* 힐스테이트 */
};

static int complex_pair(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len, size_t i)
{
    size_t n1 = det_digits(s, len, i), n2, wa, wb;

    if (n1 == 0 || n1 > 4 || i == 0 || s[i - 1] != ' ' || i + n1 >= len || s[i + n1] != '-')
        return 0;
    if ((n2 = det_digits(s, len, i + n1 + 1)) < 2 || n2 > 4)
        return 0;
    if (i + n1 + 1 + n2 < len && (s[i + n1 + 1 + n2] == '-' || det_digit(s[i + n1 + 1 + n2])))
        return 0;
    wb = i - 1, wa = letters_start(s, wb);
    if (wa == wb || !ends_with(s, wa, wb, complexes, N(complexes)))
        return 0;
    /* A common noun alone ("우리 아파트 5-3") wants a name glued before it,
     * as addr_ko_complex does; a brand alone is the complex's name. */
    if (is_word(s, wa, wb, complexes + 2, 3))
        return 0;
    return addr_merge(d, n, cap, wa, i + n1 + 1 + n2);
}

/* ---- street ---- */

static const char *const street_before[] = {
    "\xd1\x83\xd0\xbb",                                                 /* ул */
    "\xd1\x83\xd0\xbb\xd0\xb8\xd1\x86\xd0\xb0",                         /* улица */
    "\xd1\x83\xd0\xbb\xd0\xb8\xd1\x86\xd0\xb5",                         /* улице */
    "\xd0\xbf\xd1\x80",                                                 /* пр */
    "\xd0\xbf\xd1\x80\xd0\xbe\xd1\x81\xd0\xbf\xd0\xb5\xd0\xba\xd1\x82", /* проспект */
    "\xd0\xbf\xd0\xb5\xd1\x80",                                         /* пер */
    "вул", "вулиця", "вулиці", "пров", "бульв", "просп",                /* Ukrainian (place28) */
};
static const char *const street_preps[] = { "\xd0\xbd\xd0\xb0", "\xd0\xbf\xd0\xbe", "on" }; /* на по on */

/* The start of the street before the address at a ("ленина, дом 5"), or
 * a if none. */
static size_t street_start(const char *s, size_t len, size_t a)
{
    size_t wa, wb, va, vb;

    size_t l;

    /* An address that starts at its house's or flat's word ("дом 5", "house
     * 5"), not at a number: after a cue "живёт на ленина 5 12" keeps the
     * street (brief s24 addr24). */
    if (a < 2 || !(s[a - 1] == ' ' || s[a - 1] == ',') || !det_letter(s, len, a, &l))
        return a;
    if (!word_before(s, a, &wa, &wb) || wb == a)
        return a;
    if (is_word(s, wa, wb, street_words, N(street_words)))
        return word_before(s, wa, &va, &vb) && !is_word(s, va, vb, stops, N(stops)) &&
                       !is_word(s, va, vb, street_preps, N(street_preps)) && vb + 2 >= wa
                   ? va
                   : wa;
    if (is_word(s, wa, wb, stops, N(stops)) || !word_before(s, wa, &va, &vb) || vb + 2 < wa)
        return a;
    if (is_word(s, va, vb, street_before, N(street_before)))
        return va;
    if (is_word(s, va, vb, street_preps, N(street_preps)) && !det_alpha(s[wa]))
        return wa;
    return a;
}

/* ---- room ---- */

static const char *const room_words[] = { "room", "rm", "floor", "fl", "st", "nd", "rd", "th" };

/* 1 if the address s[a, b) is but a room and its floor, with no word
 * of a stay in its sentence. */
static int room_only(const char *s, size_t len, size_t a, size_t b)
{
    size_t i = a, e, room = 0;

    while (i < b) {
        if (det_digit(s[i]) || s[i] == ' ' || s[i] == ',' || s[i] == '.') {
            i++;
            continue;
        }
        if ((e = det_letters_end(s, b, i)) == i || !is_word(s, i, e, room_words, N(room_words)))
            return 0;
        room += det_starts(s, b, i, "room") || det_starts(s, b, i, "rm");
        i = e;
    }
    /* a word of a stay in its sentence (home, lives, hotel, ...:
     * detect_address_flat.c, shared with a room's number) */
    return room != 0 && !addr_room_dwelt(s, len, a);
}

int addr_form_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len)
{
    size_t i, k, a, next, w;

    for (i = 0; i < len; i++) {
        if (!det_digit(s[i]))
            continue;
        next = i;
        if (slash(d, n, cap, s, len, i) != 0 || glued(d, n, cap, s, len, i, &next) != 0 ||
            triple(d, n, cap, s, len, i) != 0 || complex_pair(d, n, cap, s, len, i) != 0)
            return -1;
        i = next > i ? next - 1 : i;
    }
    for (k = 0; k < *n; k++)
        if ((*d)[k].kind == DETECT_ADDRESS && (a = street_start(s, len, (*d)[k].start)) < (*d)[k].start &&
            (k == 0 || (*d)[k - 1].end <= a)) {
            if (addr_merge(d, n, cap, a, (*d)[k].end) != 0)
                return -1;
        }
    for (k = 0, w = 0; k < *n; k++)
        if (!((*d)[k].kind == DETECT_ADDRESS && room_only(s, len, (*d)[k].start, (*d)[k].end)))
            (*d)[w++] = (*d)[k];
    *n = w;
    return 0;
}
