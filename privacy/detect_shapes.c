/* The shapes read whole after the walk (brief s27 num27, report-adv26a
 * D-1..D-5, D-17, D-19, D-22): a line of a passport's machine-readable
 * zone, a plate of a country's table in any spacing, a date said in
 * Malay or Indonesian words, a Malay day before a date, the last digits
 * of a number.  Each is one detection over whatever the walk found
 * inside it (the walk read "A123456780MYS8508155..." as an ID and left
 * the dates after it).  Offsets are bytes of the norm view. */
#include <sodium.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

/* The number of detections of d[0..n) overlapping [a, b), the kind of
 * the last in *kind. */
static size_t overlaps(const struct detection *d, size_t n, size_t a, size_t b, int *kind)
{
    size_t c = 0;

    for (size_t k = 0; k < n; k++)
        if (d[k].start < b && d[k].end > a)
            c++, *kind = d[k].kind;
    return c;
}

/* Merges [a, b) with kind into d as addr_merge does, then gives the
 * merged detection the kind. */
static int merge(struct detection **d, size_t *n, size_t *cap, size_t a, size_t b, int kind)
{
    if (addr_merge(d, n, cap, a, b) != 0)
        return -1;
    for (size_t k = 0; k < *n; k++)
        if ((*d)[k].start <= a && (*d)[k].end >= b) {
            (*d)[k].kind = kind;
            break;
        }
    return 0;
}

/* 1 if a word may start at i: no letter or digit of any script before. */
static int word_start(const char *s, size_t i)
{
    return i == 0 || !det_letter_before(s, i);
}

/* The start of the word (letters of any script) ending at end, end if
 * none. */
static size_t word_back(const char *s, size_t end)
{
    size_t i = end, n;

    while (i > 0 && det_letter_before(s, i) && !det_digit(s[i - 1]))
        det_cp_before(s, i, &n), i -= n;
    return i;
}

/* A day of the month said in the spoken-number table's words right
 * before a date that starts with its month at at ("fifteen [August
 * 1985]", "twenty-one [Mac 1975]"): the day's start, or at. */
static size_t day_said_before(const char *s, size_t at)
{
    size_t we, wa, ta;
    unsigned v, t;

    if (at < 2 || s[at - 1] != ' ' || !det_letter_at(s, at + 1, at))
        return at;
    we = at - 1, wa = word_back(s, we);
    if (wa == we || !detect_spoken_value(s, wa, we, &v) || v < 1 || v > 31)
        return at;
    /* a tens word before a unit ("twenty-one", "dua puluh satu" is
     * detect_date_words.c's) */
    if (v <= 9 && wa >= 2 && (s[wa - 1] == '-' || s[wa - 1] == ' ') &&
        (ta = word_back(s, wa - 1)) < wa - 1 && detect_spoken_value(s, ta, wa - 1, &t) && (t == 20 || t == 30) &&
        t + v <= 31)
        wa = ta;
    return wa;
}

/* Words that join the parts of one number said in pieces (report-adv26a
 * D-18: "zero one two, then three four five, then ...", "bermula 012
 * dan berakhir ...", "начинался на 8 912 и заканчивался на ...").
 * HAND-WRITTEN: English, Malay, Indonesian, Russian; wants a native
 * reviewer. */
static const struct det_word joiners[] = {
    DW("then", FIT_WORD), DW("and", FIT_WORD), DW("with", FIT_WORD), DW("ends", FIT_WORD),
    DW("ending", FIT_WORD), DW("last", FIT_WORD), DW("next", FIT_WORD), DW("the", FIT_WORD),
    DW("dan", FIT_WORD), DW("lalu", FIT_WORD), DW("kemudian", FIT_WORD), DW("berakhir", FIT_WORD),
    DW("dengan", FIT_WORD), DW("lagi", FIT_WORD), DW("terus", FIT_WORD),
    DW("\xd0\xb8", FIT_WORD), DW("\xd0\xb0", FIT_WORD), DW("\xd0\xbd\xd0\xb0", FIT_WORD),   /* и а на */
    DW("\xd0\xbf\xd0\xbe\xd1\x82\xd0\xbe\xd0\xbc", FIT_WORD),                              /* потом */
    DW("\xd0\xb7\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbc", FIT_WORD),                              /* затем */
    DW("\xd0\xb7\xd0\xb0\xd0\xba\xd0\xb0\xd0\xbd\xd1\x87\xd0\xb8\xd0\xb2", FIT_PREFIX),    /* заканчив(ался, ается) */
    DW("\xd0\xbe\xd0\xba\xd0\xb0\xd0\xbd\xd1\x87\xd0\xb8\xd0\xb2", FIT_PREFIX),            /* оканчив(ался) */
};
#define N(a) (sizeof(a) / sizeof(a)[0])

/* A part of a number from at (a word start): digits with single spaces
 * or dashes inside ("8 912", "345-67-89"), maybe a code letter or two
 * glued before ("A1234"), or two number words or more ("zero one two");
 * its end with its count of digits in *nd, or at. */
static size_t part_fwd(const char *s, size_t len, size_t at, size_t *nd)
{
    size_t i = at, e, words = 0;
    char d[32];

    *nd = 0;
    if (det_alpha(s[i]) && i + 1 < len && det_digit(s[i + 1]))
        i++;
    else if (det_alpha(s[i]) && i + 2 < len && det_alpha(s[i + 1]) && det_digit(s[i + 2]))
        i += 2;
    if (det_digit(s[i])) {
        while (i < len && (det_digit(s[i]) || ((s[i] == ' ' || s[i] == '-') && i + 1 < len && det_digit(s[i + 1]))))
            *nd += det_digit(s[i++]) != 0;
        if (det_letter_at(s, len, i) || (*nd == 4 && i - at == 4 && (s[at] == '1' || s[at] == '2') &&
                                         (s[at + 1] == '9' || s[at + 1] == '0')) ||
            (*nd >= 3 && s[i - 1] == '0' && s[i - 2] == '0'))
            return *nd = 0, at;
        return i;
    }
    /* number words, none of the wider net ("wu ling san yi" stays) */
    if ((e = detect_spoken_plain(s, len, at, d, sizeof d, &words)) > at && words >= 2) {
        sodium_memzero(d, sizeof d);
        return *nd = words, e;
    }
    sodium_memzero(d, sizeof d);
    return at;
}

/* A number said in pieces from at: two parts or more joined by
 * joiners' words (one at least between each two), seven digits or more
 * in all, the clause's end after the last ("zero one two, then three
 * four five, then six seven eight nine.", "bermula 012 dan berakhir
 * 3456789.", "A1234 dan 5678."); its end, or 0. */
static size_t pieces(const char *s, size_t len, size_t at)
{
    size_t i, e, nd, total = 0, parts = 0, last = 0, j, we, prev = 0;
    int joined;

    if (!(det_alnum(s[at]) || (unsigned char)s[at] >= 0x80) || (e = part_fwd(s, len, at, &nd)) == at)
        return 0;
    /* from a run's start only */
    if (at >= 2 && (s[at - 1] == ' ' || s[at - 1] == '-') &&
        (det_digit(s[at - 2]) || ((we = word_back(s, at - 1)) < at - 1 && detect_spoken_word(s, at - 1, we))))
        return 0;
    for (;;) {
        /* a part of six digits or more before another is a whole
         * number of a list ("50 1234 5678 and 345678", "sevenfivezero-
         * threeonefour and seven-five-zero-three-one-four") */
        if (parts > 0 && prev >= 6)
            return 0;
        total += nd, parts++, last = e, prev = nd;
        i = e, joined = 0;
        for (;;) {
            while (i < len && (s[i] == ' ' || s[i] == ','))
                i++;
            we = detect_letters(s, len, i);
            if (we == i || !det_in_list(joiners, N(joiners), s + i, we - i))
                break;
            i = we, joined = 1;
        }
        if (!joined || (e = part_fwd(s, len, i, &nd)) == i)
            break;
    }
    j = last;
    if (parts < 2 || total < 7 || (j < len && strchr(".,;)!?", s[j]) == NULL))
        return 0;
    return last;
}

/* ---- a phone number told in pieces (brief s52 num52, report-adv51 L-4,
 * L-8) ----
 * "The first half is 9876. The second half, he said, was 5432.", "Дугаар
 * нь 9911-ээр эхэлдэг. Сүүлийн дөрөв нь 2233.": a piece of three to five
 * digits after a word of a number's first piece (first half, starts with,
 * начинается на, эхний хагас, 앞자리) and one after a word of its last
 * piece (second half, last four, ends with, последние, сүүлийн дөрөв,
 * 뒷자리), the second within PIECES_WINDOW bytes after the first,
 * seven digits or more together, not two round amounts: both go, as a
 * phone's (the two words tie them; each piece alone is also a
 * year, a price or a time, and stays: detect_tail.c reads a last piece
 * alone only beside a number's noun).  Between the word and its digits:
 * the copula or a preposition (pieces_fillers), one parenthesis between
 * commas ("he said"); after the digits the clause ends.  Mongolian puts
 * the digits before the verb with the instrumental glued ("9911-ээр
 * эхэлдэг").  The words: English, Russian, Mongolian, Korean, written by
 * us from each language's usual way of dictating a number (no public
 * list of them exists); they want a native reviewer. */
#define PIECES_WINDOW 240

static const char *const first_words[] = {
    "first half", "first part", "first digits", "first four digits", "first four", "first three",
    "first numbers", "starts with", "started with", "begins with", "began with", "start with",
    "первая половина", "первая часть", "первые цифры", "первые четыре цифры", "первые четыре",
    "первые три", "начинается на", "начинается с", "начинался на", "начинался с", "начало",
    "эхний хагас", "эхний хэсэг", "эхний дөрөв", "эхний дөрвөн орон", "эхний орон",
    "앞자리는", "앞자리가", "앞자리", "앞번호는", "앞번호",
};
static const char *const last_words[] = {
    "second half", "second part", "other half", "last four digits", "last four", "last digits",
    "last part", "ends with", "ended with", "ends in", "the rest",
    "вторая половина", "вторая часть", "последние четыре цифры", "последние цифры",
    "последние четыре", "последние", "заканчивается на", "остальные",
    "хоёр дахь хагас", "хоёрдахь хагас", "сүүлийн хагас", "сүүлийн дөрөв", "сүүлийн дөрвөн орон",
    "сүүлийн орон", "төгсгөл", "үлдсэн",
    "뒷자리는", "뒷자리가", "뒷자리", "끝자리는", "끝자리가", "끝자리", "끝번호는",
};
/* What may stand between a piece's word and its digits. */
static const char *const pieces_fillers[] = {
    "is ", "was ", "are ", "were ", ": ", "- ", "\xe2\x80\x94 ", "на ", "с ", "нь ", "цифры ", "digits ",
    "был ", "была ", "было ", "были ", "это ", "бол ", "of the number ", "of it ", "номера ",
};

/* The word of words[0..n) at i, a space, a comma or a colon after it:
 * its end, or 0. */
static size_t pieces_word(const char *s, size_t len, size_t i, const char *const *words, size_t n)
{
    size_t e;

    for (size_t k = 0; k < n; k++)
        if (det_starts(s, len, i, words[k]) && (e = i + strlen(words[k])) < len && (s[e] == ' ' || s[e] == ',' || s[e] == ':'))
            return e;
    return 0;
}

/* The digits of a piece after its word, which ends at w: their start in
 * *a and end, or 0.  Three to five digits, no letter or digit glued
 * (a Korean particle or copula may be: "5521이고"), the clause ending
 * after them. */
static size_t piece_digits(const char *s, size_t len, size_t w, size_t *a)
{
    size_t p = w, k, q, n;

    if (p < len && s[p] == ',') {                   /* "half, he said, was" */
        for (q = p + 1; q < len && q - p < 32 && s[q] != ',' && !det_digit(s[q]) && !strchr(".!?\n", s[q]); q++)
            ;
        if (q >= len || s[q] != ',' || q + 1 >= len || s[q + 1] != ' ')
            return 0;
        p = q + 1;
    }
    p += p < len && s[p] == ' ';
    for (int f = 0; f < 2; f++) {
        for (k = 0; k < N(pieces_fillers); k++)
            if (det_starts(s, len, p, pieces_fillers[k])) {
                p += strlen(pieces_fillers[k]);
                break;
            }
        if (k == N(pieces_fillers))
            break;
    }
    n = det_digits(s, len, p);
    if (n < 3 || n > 5)
        return 0;
    *a = p, p += n;
    if (p < len && ((unsigned char)s[p] & 0xF0) == 0xE0 && ((unsigned char)s[p] == 0xEA ||
        (unsigned char)s[p] == 0xEB || (unsigned char)s[p] == 0xEC || (unsigned char)s[p] == 0xED))
        return p;                                   /* a Hangul particle or copula glued */
    if (p < len && (det_digit(s[p]) || det_letter_at(s, len, p)))
        return 0;
    if (p >= len || strchr(".,;!?)\n", s[p]) != NULL || det_starts(s, len, p, " and ") ||
        det_starts(s, len, p, " и ") || det_starts(s, len, p, " ба "))
        return p;
    return 0;
}

/* Mongolian: digits with the instrumental glued, then the verb of
 * starting ("9911-ээр эхэлдэг", "8808-аар эхэлсэн"): the digits' end,
 * or 0. */
static size_t piece_mn_start(const char *s, size_t len, size_t at)
{
    static const char *const ends[] = { "ээр ", "аар ", "оор ", "өөр " };
    size_t n = det_digits(s, len, at), p = at + n, k;

    if (n < 3 || n > 5)
        return 0;
    p += p < len && s[p] == '-';
    for (k = 0; k < N(ends); k++)
        if (det_starts(s, len, p, ends[k]) && det_starts(s, len, p + strlen(ends[k]), "эхэл"))
            return at + n;
    return 0;
}

/* A first piece at i (its word's start, or its digits' for Mongolian):
 * its digits [*a, end), or 0. */
static size_t first_piece(const char *s, size_t len, size_t i, size_t *a)
{
    size_t w;

    if (det_digit(s[i]) && (w = piece_mn_start(s, len, i)) != 0)
        return *a = i, w;
    if ((w = pieces_word(s, len, i, first_words, N(first_words))) == 0)
        return 0;
    return piece_digits(s, len, w, a);
}

static size_t last_piece(const char *s, size_t len, size_t i, size_t *a)
{
    size_t w = pieces_word(s, len, i, last_words, N(last_words));

    return w == 0 ? 0 : piece_digits(s, len, w, a);
}

/* 1 if the pieces [a, e) and [b, x) together are a phone's: seven
 * digits or more (no phone has fewer), not both round ("500 ... 700":
 * amounts). */
static int pieces_phone(const char *s, size_t a, size_t e, size_t b, size_t x)
{
    int round = s[e - 1] == '0' && s[e - 2] == '0' && s[x - 1] == '0' && s[x - 2] == '0';

    return (e - a) + (x - b) >= 7 && !round;
}

/* A phone's piece at i (above): the digits' end, their start in *start,
 * or 0.  A first piece with a last after it within the window, or a last
 * with a first before it. */
static size_t phone_piece(const char *s, size_t len, size_t i, size_t *start)
{
    size_t e, a, j, x, b;

    if ((e = first_piece(s, len, i, &a)) != 0) {
        for (j = e; j < len && j - e < PIECES_WINDOW; j++)
            if (word_start(s, j) && s[j] != ' ' && (x = last_piece(s, len, j, &b)) != 0)
                return pieces_phone(s, a, e, b, x) ? (*start = a, e) : 0;
        return 0;
    }
    if ((e = last_piece(s, len, i, &a)) == 0)
        return 0;
    for (j = i > PIECES_WINDOW ? i - PIECES_WINDOW : 0; j < i; j++)
        if (((unsigned char)s[j] & 0xC0) != 0x80 && word_start(s, j) && s[j] != ' ' &&
            (x = first_piece(s, len, j, &b)) != 0 && x <= i && pieces_phone(s, b, x, a, e))
            return *start = a, e;
    return 0;
}

int detect_shape_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len)
{
    size_t i, e, a;
    int kind;

    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        /* A zodiac animal (detect_zodiac.c; 属 inside a Chinese run) */
        if (c >= 0xD0 && ((c >= 0xE4 && c <= 0xE9) || word_start(s, i)) &&
            (e = detect_zodiac(s, len, i)) != 0) {
            if (merge(d, n, cap, i, e, DETECT_DATE) != 0)
                return -1;
            i = e - 1;
            continue;
        }
        /* A Chinese card's or phone's ending glued inside a run (尾号). */
        if ((c == 0xE4 || c == 0xE5 || c == 0xE6) && (a = i, kind = DETECT_ID, e = detect_tail_han(s, len, i, &a, &kind)) != 0) {
            overlaps(*d, *n, a, e, &kind);
            if (merge(d, n, cap, a, e, kind) != 0)
                return -1;
            i = e - 1;
            continue;
        }
        if (c == ' ' || ((c & 0xC0) == 0x80) || !word_start(s, i))
            continue;
        a = i, kind = DETECT_ID;
        if ((e = detect_mrz_line(s, len, i)) != 0)
            ;
        else if ((e = detect_imo(s, len, i, &a)) != 0)
            ;
        else if ((e = detect_plate_country(s, len, i, &a)) != 0)
            ;
        else if ((e = detect_date_said(s, len, i)) != 0)
            kind = DETECT_DATE;
        else if ((e = detect_calendar_year(s, len, i)) != 0)
            kind = DETECT_DATE;
        else if ((e = detect_tail(s, len, i, &a, &kind)) != 0)
            /* the walk's kind where it found the number ("ID ended in") */
            overlaps(*d, *n, a, e, &kind);
        else if ((e = phone_piece(s, len, i, &a)) != 0) {
            /* a phone's, or the walk's kind where it found the piece */
            kind = DETECT_PHONE;
            overlaps(*d, *n, a, e, &kind);
        }
        else if ((e = pieces(s, len, i)) != 0) {
            /* two numbers the walk found are two numbers ("50 1234 5678
             * and 345678"); one keeps its kind */
            if (overlaps(*d, *n, a, e, &kind) >= 2)
                continue;
        } else
            continue;
        if (merge(d, n, cap, a, e, kind) != 0)
            return -1;
        i = e - 1;
    }
    for (size_t k = 0; k < *n; k++) {
        size_t floor = k == 0 ? 0 : (*d)[k - 1].end, st = (*d)[k].start;
        int kd = (*d)[k].kind;
        /* A Malay day before a date found ("5hb Februari 1980"), a day
         * said in words ("fifteen August 1985"). */
        if (kd == DETECT_DATE && ((a = detect_ms_day_before(s, st)) < st || (a = day_said_before(s, st)) < st) &&
            a >= floor)
            (*d)[k].start = a;
    }
    return 0;
}
