/* Vehicle plates per country, read in any spacing, with or without a
 * label (brief s27 num27, report-adv26a D-3, D-4, D-5).  HAND-WRITTEN
 * TABLES (the label words and the stop words below): they want a native
 * reviewer of Malay, Russian and Arabic in Latin letters.  The shapes
 * and their sources:
 *   - Malaysia (the Road Transport Department's registration scheme, JPJ;
 *     the series skip I and O): one to three letters, one to four digits
 *     with no leading zero, maybe one letter after ("WXY 1234",
 *     "BKL7788", "WA 1234 B", "SAB 1234 A.", "VBA 123"), spaced, glued or
 *     (after a label) dashed ("ABC-1234").  Without a
 *     label only three letters, the first a state's (MY_STATES), and four
 *     digits that are no year, round hundred, month, word or sum ("WXY
 *     1234", "bkl7788"); after a label (detect_plate_labels.c, in the
 *     sentence before the plate: "His plate was WXY 1234", "Kereta saya
 *     nombor plat BKL 7788", "Kenderaan: VBN 8899") every shape;
 *   - Russia (GOST R 50577-2018): a letter, three digits, two letters of
 *     the twelve that look alike in Cyrillic and Latin, and a region of
 *     two or three digits, the parts spaced or joined by dashes ("А 123
 *     ВС 777", "а 123 вс 77 rus", "A-123-BC 77", report-adv25b C-4):
 *     detect_plate_ru.c, glued too and the other types;
 *     The special series (JPJ's issues for an event or a body: my_special)
 *     are a word, then one to four digits ("Putrajaya 1234", "Patriot 88",
 *     report-adv27c H-7), after a label only;
 *   - Kuwait (the Ministry of Interior's plates: a code of one or two
 *     digits, '/', and the number of four or five): "5/12345",
 *     "12/34567", "5-12345", after a label or the country's name
 *     ("Kuwait 5/12345", report-adv27c H-7).
 * Kind id.  Offsets are bytes of the norm view (detect_int.h). */
#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

/* Words of one to three letters without i or o that are no series
 * ("had 200", "ada 2", "the 12"), with units and currency codes. */
static const struct det_word stop_words[] = {
    DW("a", FIT_WORD), DW("the", FIT_WORD), DW("was", FIT_WORD), DW("and", FIT_WORD),
    DW("at", FIT_WORD), DW("as", FIT_WORD), DW("are", FIT_WORD), DW("all", FIT_WORD),
    DW("be", FIT_WORD), DW("he", FIT_WORD), DW("she", FIT_WORD), DW("we", FIT_WORD),
    DW("my", FIT_WORD), DW("by", FIT_WORD), DW("up", FIT_WORD), DW("us", FIT_WORD),
    DW("new", FIT_WORD), DW("per", FIT_WORD), DW("may", FIT_WORD), DW("yes", FIT_WORD),
    DW("had", FIT_WORD), DW("has", FIT_WORD), DW("saw", FIT_WORD), DW("few", FIT_WORD),
    DW("ran", FIT_WORD), DW("run", FIT_WORD), DW("cut", FIT_WORD), DW("pay", FIT_WORD),
    DW("tax", FIT_WORD), DW("age", FIT_WORD), DW("any", FIT_WORD), DW("feb", FIT_WORD),
    DW("ada", FIT_WORD), DW("dan", FIT_WORD), DW("ke", FIT_WORD), DW("pun", FIT_WORD),
    DW("tak", FIT_WORD), DW("nak", FIT_WORD), DW("dah", FIT_WORD), DW("dgn", FIT_WORD),
    DW("hp", FIT_WORD), DW("km", FIT_WORD), DW("kg", FIT_WORD), DW("cc", FIT_WORD),
    DW("rpm", FIT_WORD), DW("mph", FIT_WORD), DW("kmh", FIT_WORD), DW("kw", FIT_WORD),
    DW("rm", FIT_WORD), DW("usd", FIT_WORD), DW("sgd", FIT_WORD), DW("myr", FIT_WORD),
    DW("krw", FIT_WORD), DW("rub", FIT_WORD), DW("mnt", FIT_WORD), DW("kwd", FIT_WORD),
    DW("eur", FIT_WORD), DW("gbp", FIT_WORD), DW("tel", FIT_WORD), DW("ext", FIT_WORD),
    DW("fax", FIT_WORD), DW("apt", FIT_WORD), DW("st", FIT_WORD), DW("nd", FIT_WORD),
    DW("th", FIT_WORD), DW("rd", FIT_WORD), DW("am", FIT_WORD), DW("pm", FIT_WORD),
};

/* The first letters of Malaysia's state series (JPJ): a plate read
 * without a label starts with one. */
#define MY_STATES "abcdfjklmnpqrstvw"

/* Words of three letters a plate read without a label is not ("MAX
 * 1000", "TOP 2500", "ART 1234"). */
static const struct det_word words[] = {
    DW("max", FIT_WORD), DW("min", FIT_WORD), DW("top", FIT_WORD), DW("net", FIT_WORD),
    DW("sum", FIT_WORD), DW("law", FIT_WORD), DW("art", FIT_WORD), DW("act", FIT_WORD),
    DW("sec", FIT_WORD), DW("vol", FIT_WORD), DW("ref", FIT_WORD), DW("cap", FIT_WORD),
    DW("pcs", FIT_WORD), DW("qty", FIT_WORD), DW("way", FIT_WORD), DW("day", FIT_WORD),
    DW("bus", FIT_WORD), DW("car", FIT_WORD), DW("cat", FIT_WORD), DW("lvl", FIT_WORD),
};

/* 1 if no letter or digit of any script is at at. */
static int open_end(const char *s, size_t len, size_t at)
{
    return !det_letter_at(s, len, at) && det_ends_word(s, len, at);
}

static int series_letters(const char *s, size_t a, size_t n)
{
    for (size_t k = a; k < a + n; k++)
        if (s[k] == 'i' || s[k] == 'o')
            return 0;
    return 1;
}

/* Malaysia's special series (JPJ's issues: the administrative capital,
 * veterans, games, the government's slogans). */
static const struct det_word my_special[] = {
    DW("putrajaya", FIT_WORD), DW("patriot", FIT_WORD), DW("sukom", FIT_WORD), DW("g1m", FIT_WORD),
    DW("1m4u", FIT_WORD), DW("im4u", FIT_WORD), DW("naam", FIT_WORD), DW("perdana", FIT_WORD),
};

/* A special series at at and one to four digits, after a label. */
static size_t my_special_plate(const char *s, size_t len, size_t at)
{
    size_t k, i, nd;

    for (k = 0; k < N(my_special); k++)
        if (det_word_at(s, len, at, my_special[k].w, my_special[k].fit))
            break;
    if (k == N(my_special))
        return 0;
    i = at + my_special[k].n;
    i += i < len && s[i] == ' ';
    nd = det_digits(s, len, i);
    if (nd < 1 || nd > 4 || s[i] == '0' || !open_end(s, len, i + nd) ||
        (i + nd + 1 < len && strchr(".,:/-", s[i + nd]) != NULL && det_digit(s[i + nd + 1])) ||
        det_money_around(s, len, i, i + nd))
        return 0;
    return detect_plate_label_before(s, len, at) ? i + nd : 0;
}

/* Malaysia at at (the series' first letter). */
static size_t my_plate(const char *s, size_t len, size_t at)
{
    size_t nl = 0, i, nd, e, m;
    int spaced, dashed, label;
    unsigned v;

    while (at + nl < len && det_alpha(s[at + nl]))
        nl++;
    if (nl < 1 || nl > 3 || !series_letters(s, at, nl) || det_in_list(stop_words, N(stop_words), s + at, nl) ||
        detect_plate_label_word(s + at, nl) || detect_month_word(s, len, at, &m) ||
        detect_other_month_word(s, len, at, &m))
        return 0;
    i = at + nl;
    spaced = i < len && (s[i] == ' ' || s[i] == '-');
    dashed = spaced && s[i] == '-';
    i += (size_t)spaced;
    nd = det_digits(s, len, i);
    if (nd < 1 || nd > 4 || s[i] == '0')
        return 0;
    e = i + nd;
    if (e + 1 < len && strchr(".,:/-", s[e]) != NULL && s[e] != '\0' && det_digit(s[e + 1]))
        return 0;
    /* a letter after the digits, spaced or glued ("WA 1234 B") */
    if (e + 1 < len && s[e] == ' ' && det_alpha(s[e + 1]) && s[e + 1] != 'i' && s[e + 1] != 'o' &&
        open_end(s, len, e + 2) && (s[e + 1] != 'a' || e + 2 >= len || s[e + 2] != ' '))
        e += 2;
    else if (e < len && det_alpha(s[e]) && s[e] != 'i' && s[e] != 'o' && open_end(s, len, e + 1))
        e += 1;
    if (!open_end(s, len, e) || det_money_around(s, len, i, i + nd))
        return 0;
    v = det_value(s + i, nd);
    label = detect_plate_label_before(s, len, at);
    if (!label)
        return !dashed && nl == 3 && nd == 4 && !(v >= 1900 && v <= 2099) && v % 100 != 0 &&
               strchr(MY_STATES, s[at]) != NULL && !det_in_list(words, N(words), s + at, nl) ? e : 0;
    return nd >= 2 || (!spaced && nl >= 2) ? e : 0;
}

/* The country's name right before at ("Kuwait 5/12345", "Kuwaiti plate"). */
static int kw_country_before(const char *s, size_t len, size_t at)
{
    static const struct det_word kw[] = { DW("kuwait", FIT_WORD), DW("kuwaiti", FIT_WORD) };
    size_t ws, we = det_word_ending(s, at, " :", &ws);

    return we != 0 && det_in_list(kw, N(kw), s + ws, we - ws) && ws < len;
}

/* Kuwait at at (the code's first digit), after a label or the country. */
static size_t kw_plate(const char *s, size_t len, size_t at)
{
    size_t n1 = det_digits(s, len, at), n2;

    if (n1 < 1 || n1 > 2 || at + n1 >= len || (s[at + n1] != '/' && s[at + n1] != '-'))
        return 0;
    n2 = det_digits(s, len, at + n1 + 1);
    if (n2 < 4 || n2 > 5 || !open_end(s, len, at + n1 + 1 + n2) ||
        (at + n1 + 1 + n2 < len && strchr("/-.", s[at + n1 + 1 + n2]) != NULL &&
         at + n1 + 2 + n2 < len && det_digit(s[at + n1 + 2 + n2])))
        return 0;
    return detect_plate_label_before(s, len, at) || kw_country_before(s, len, at) ? at + n1 + 1 + n2 : 0;
}

size_t detect_plate_country(const char *s, size_t len, size_t at, size_t *start)
{
    size_t e;

    *start = at;
    /* Each plate holds an ASCII digit at most 10 bytes from at (the
     * gate's rule: detect_gate.c, brief s29 speed29a). */
    if (!gate_digit_near(s, len, at))
        return 0;
    if ((e = detect_plate_ru(s, len, at)) != 0 || (e = my_special_plate(s, len, at)) != 0)
        return e;
    if (det_digit(s[at]))
        return kw_plate(s, len, at);
    return det_alpha(s[at]) ? my_plate(s, len, at) : 0;
}
