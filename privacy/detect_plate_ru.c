/* Russian vehicle plates (GOST R 50577-2018), one reader for every
 * spacing: the parts glued, spaced or joined by dashes (report-adv17a
 * D-12, report-adv25b C-4; brief s28 num28 joined the readers of
 * detect_plate2.c and detect_plate3.c).  The letters are the twelve that
 * look alike in Cyrillic and Latin (А В Е К М Н О Р С Т У Х), the region
 * two or three digits, maybe followed by "rus" or "рус" (glued, spaced or
 * after a dash).  The shapes:
 *   - type 1, cars: a letter, three digits, two letters, the region
 *     ("А123ВС77", "а 123 вс 777", "A-123-BC 77 rus"), read alone;
 *   - type 1A, taxis: two letters, three digits ("АВ 123 77");
 *   - type 2, trailers: two letters, four digits ("АВ 1234 77",
 *     report-adv27c H-6);
 *   - types 3 and 4, tractors and motorcycles: four digits, two letters
 *     ("1234 АВ 77", report-adv27c H-6);
 *   - police: a letter, four digits ("А 1234 77").
 * The shapes but the first are also numbers and short words in prose
 * ("в 2020 на 15"): they are read after a plate's word in the sentence
 * before them or right after them ("(прицеп)"; detect_plate3.c's
 * labels), in Cyrillic letters that are no short word.
 * Kind id.  Offsets are bytes of the norm view (detect_int.h). */
#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

/* The Russian plate letters in Cyrillic (lower case). */
static const char *const ru_letters[] = {
    "\xd0\xb0", "\xd0\xb2", "\xd0\xb5", "\xd0\xba", "\xd0\xbc", "\xd0\xbd",    /* а в е к м н */
    "\xd0\xbe", "\xd1\x80", "\xd1\x81", "\xd1\x82", "\xd1\x83", "\xd1\x85",    /* о р с т у х */
};

/* Russian and Ukrainian words of two plate letters ("2020 на 15"). */
static const struct det_word ru_words[] = {
    DW("\xd0\xbd\xd0\xb0", FIT_WORD), DW("\xd0\xbd\xd0\xb5", FIT_WORD),        /* на не */
    DW("\xd0\xbd\xd0\xbe", FIT_WORD), DW("\xd0\xbe\xd0\xbd", FIT_WORD),        /* но он */
    DW("\xd0\xbe\xd1\x82", FIT_WORD), DW("\xd0\xb2\xd0\xbe", FIT_WORD),        /* от во */
    DW("\xd1\x81\xd0\xbe", FIT_WORD), DW("\xd0\xba\xd0\xbe", FIT_WORD),        /* со ко */
    DW("\xd1\x82\xd0\xbe", FIT_WORD), DW("\xd1\x82\xd0\xb5", FIT_WORD),        /* то те */
    DW("\xd0\xb5\xd0\xb5", FIT_WORD), DW("\xd0\xbe\xd1\x85", FIT_WORD),        /* ее ох */
    DW("\xd0\xb0\xd1\x85", FIT_WORD), DW("\xd1\x83\xd1\x85", FIT_WORD),        /* ах ух */
    DW("\xd0\xba\xd0\xbc", FIT_WORD),                                         /* км */
    DW("\xd1\x82\xd0\xba", FIT_WORD), DW("\xd0\xbc\xd0\xbc", FIT_WORD),        /* тк мм */
    DW("\xd1\x81\xd0\xbc", FIT_WORD), DW("\xd1\x80\xd0\xb5", FIT_WORD),        /* см ре */
};

/* 1 if no letter or digit of any script is at at. */
static int open_end(const char *s, size_t len, size_t at)
{
    return !det_letter_at(s, len, at) && det_ends_word(s, len, at);
}

/* A plate letter at i (Cyrillic, or Latin when latin): its length, or 0. */
static size_t letter(const char *s, size_t len, size_t i, int latin)
{
    if (latin && i < len && s[i] != '\0' && strchr("abekmhopctyx", s[i]) != NULL)
        return 1;
    for (size_t k = 0; k < N(ru_letters); k++)
        if (det_starts(s, len, i, ru_letters[k]))
            return 2;
    return 0;
}

/* A separator at i (a space or a dash, every dash '-' in the norm
 * view): its length, 0 or 1. */
static size_t sep(const char *s, size_t len, size_t i)
{
    return i < len && (s[i] == ' ' || s[i] == '-');
}

/* Two plate letters at i, maybe spaced ("вс", "в с"): their end, or 0. */
static size_t two_letters(const char *s, size_t len, size_t i, int latin)
{
    size_t n;

    if ((n = letter(s, len, i, latin)) == 0)
        return 0;
    i += n;
    i += i < len && s[i] == ' ';
    return (n = letter(s, len, i, latin)) == 0 ? 0 : i + n;
}

/* The region at i, after an optional separator, and "rus": the plate's
 * end, or 0. */
static size_t region(const char *s, size_t len, size_t i)
{
    size_t r;

    i += sep(s, len, i);
    r = det_digits(s, len, i);
    if (r != 2 && r != 3)
        return 0;
    i += r;
    /* "77 rus", "77RUS", "77-rus", "77 рус" (report-adv28c J-13). */
    r = i + sep(s, len, i);
    if (det_starts(s, len, r, "rus") && open_end(s, len, r + 3))
        i = r + 3;
    else if (det_starts(s, len, r, "\xd1\x80\xd1\x83\xd1\x81") && open_end(s, len, r + 6))
        i = r + 6;                                                  /* рус */
    return open_end(s, len, i) ? i : 0;
}

/* 1 if a plate's word follows end: " (прицеп)", ", мотоцикл". */
static int label_after(const char *s, size_t len, size_t end)
{
    size_t i = end;

    while (i < len && i < end + 3 && (s[i] == ' ' || s[i] == '(' || s[i] == ','))
        i++;
    return i > end && detect_plate_label_at(s, len, i);
}

/* Type 1 at at: "а123вс77", "а 123 вс 777", "a-123-bc 77 rus". */
static size_t car(const char *s, size_t len, size_t at)
{
    size_t i = at, n;

    if ((n = letter(s, len, i, 1)) == 0)
        return 0;
    i += n;
    i += sep(s, len, i);
    if (det_digits(s, len, i) != 3)
        return 0;
    i += 3;
    i += sep(s, len, i);
    if ((i = two_letters(s, len, i, 1)) == 0)
        return 0;
    return region(s, len, i);
}

/* The other types at at, in Cyrillic: letters then digits (taxi,
 * trailer, police) or four digits then letters (tractor, motorcycle). */
static size_t other(const char *s, size_t len, size_t at)
{
    size_t i = at, n, e, nd, nl = 1;

    if (det_digit(s[at])) {
        if (det_digits(s, len, at) != 4)
            return 0;
        i = at + 4;
        i += sep(s, len, i);
        if ((e = two_letters(s, len, i, 0)) == 0 || det_in_list(ru_words, N(ru_words), s + i, e - i))
            return 0;
        return region(s, len, e);
    }
    if ((n = letter(s, len, i, 0)) == 0)
        return 0;
    e = i + n;
    if ((n = letter(s, len, e, 0)) != 0)
        e += n, nl = 2;
    if (det_in_list(ru_words, N(ru_words), s + i, e - i))
        return 0;
    e += sep(s, len, e);
    nd = det_digits(s, len, e);
    /* one letter: four digits (police); two: three or four */
    if (nl == 1 ? nd != 4 : nd != 3 && nd != 4)
        return 0;
    return region(s, len, e + nd);
}

size_t detect_plate_ru(const char *s, size_t len, size_t at)
{
    size_t e;

    if (det_letter_before(s, at))
        return 0;
    if ((e = car(s, len, at)) != 0)
        return e;
    if ((e = other(s, len, at)) != 0 &&
        (detect_plate_label_before(s, len, at) || label_after(s, len, e)))
        return e;
    return 0;
}
