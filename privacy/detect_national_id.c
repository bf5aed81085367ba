/* National ID numbers by country, one table (report-adv27a G-2, G-3,
 * G-10): each shape with its check digit where one exists and its label
 * words in each language, read across spaces and dashes as one number
 * ("210102 19750314 123X", "QQ 12 34 56 C", "1234-5678-9012").  A shape
 * with a check digit (or another sign only such a number has) stands
 * alone; a label before the number widens what is taken: a shape without
 * a check of its own, or one whose check digit does not hold (a number
 * said from memory, the documentation's example QQ123456C).  One [ID-n]
 * covers the whole number.  detect_natid.c keeps the countries of
 * report-adv16a; this file the ones of report-adv27a.
 *
 * The shapes, with their sources:
 *   - China, resident identity number (居民身份证号码): 18 characters, a
 *     region code of 6 digits (first digit 1-8), the birth date YYYYMMDD,
 *     3 digits of sequence and a check character 0-9 or X (GB 11643-1999;
 *     the check is ISO 7064 MOD 11-2).  Alone when the check holds; with
 *     a label when the date is valid.
 *   - Japan, My Number (個人番号): 12 digits, the last a check digit (the
 *     ordinance on the My Number Act, 行政手続における特定の個人を識別するため
 *     の番号の利用等に関する法律施行令 art. 8: weights 2-7, 2-6 from the right,
 *     11 minus the remainder, 0 for a remainder of 0 or 1).  Alone when
 *     written in three groups of four and the check holds; any 12 digits
 *     after a label.
 *   - Ukraine, РНОКПП (the taxpayer's registration number, "ІПН"): 10
 *     digits, the first five the birth date as days since 31.12.1899, the
 *     last a check digit (weights -1 5 7 9 4 6 10 5 7, the sum mod 11 mod
 *     10; Наказ Мінфіну № 822 of 29.09.2017).  After a label only: ten
 *     digits are also a phone number.
 *   - Ukraine, the ID card's document number (ID-картка, паспорт у формі
 *     картки): 9 digits, after a label; its record number УНЗР YYYYMMDD-
 *     NNNNN (Положення про ЄДДР, ПКМУ № 302 of 2015) alone, the date valid.
 *   - United Kingdom, National Insurance number: two letters, six digits
 *     (often in pairs), a letter A-D (HMRC National Insurance Manual
 *     NIM39110: the first letter not D F I Q U V, the second not D F I O Q
 *     U V, and not BG GB KN NK NT TN ZZ).  Alone when the prefix is one
 *     HMRC allocates and the final letter is there; any two letters, the
 *     final letter optional, after a label.
 * The label words (the norm view makes the katakana ー a '-', so
 * マイナンバー is found as マイナンバ): hand-written, want a native reviewer (Chinese,
 * Japanese, Ukrainian, Russian, English as the IDs' own documents and the
 * issuers' sites name them). */
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

enum country { CN, JP, UA_TAX, UA_CARD, UK_NINO, NCOUNTRY };

struct label {
    const char *w;
    unsigned char country;
    unsigned char cjk;          /* 1: found inside the word before the number (no spaces) */
};

/* The label words, norm view (lower case, marks stripped). */
static const struct label labels[] = {
    { "身份证", CN, 1 }, { "身份證", CN, 1 }, { "身分证", CN, 1 }, { "身分證", CN, 1 },
    { "身份号码", CN, 1 }, { "证件号", CN, 1 }, { "shenfenzheng", CN, 0 }, { "sfz", CN, 0 },
    { "マイナンバ", JP, 1 }, { "個人番号", JP, 1 }, { "个人编号", JP, 1 }, { "mynumber", JP, 0 },
    { "my", JP, 0 },            /* "My Number" (between[] has "number") */
    { "іпн", UA_TAX, 0 }, { "ипн", UA_TAX, 0 }, { "рнокпп", UA_TAX, 0 }, { "инн", UA_TAX, 0 },
    { "ідн", UA_TAX, 0 }, { "ідентифікаційн", UA_TAX, 0 }, { "идентификационн", UA_TAX, 0 },
    { "податков", UA_TAX, 0 }, { "налогов", UA_TAX, 0 }, { "tin", UA_TAX, 0 }, { "itn", UA_TAX, 0 },
    { "rnokpp", UA_TAX, 0 }, { "ipn", UA_TAX, 0 },
    { "картк", UA_CARD, 0 }, { "карта", UA_CARD, 0 }, { "карти", UA_CARD, 0 }, { "карточк", UA_CARD, 0 },
    { "унзр", UA_CARD, 0 },
    { "nino", UK_NINO, 0 }, { "nin", UK_NINO, 0 }, { "ni", UK_NINO, 0 }, { "insurance", UK_NINO, 0 },
};

/* Words that may stand between a label and its number ("ІПН номер",
 * "NI number", "My Number is", "податковий номер", "ID-картка №"). */
static const struct det_word between[] = {
    DW("no", FIT_WORD), DW("nr", FIT_WORD), DW("number", FIT_WORD), DW("is", FIT_WORD),
    DW("was", FIT_WORD), DW("id", FIT_WORD), DW("card", FIT_WORD), DW("my", FIT_WORD),
    DW("номер", FIT_PREFIX), DW("код", FIT_PREFIX), DW("мій", FIT_WORD), DW("мой", FIT_WORD),
    DW("мого", FIT_WORD), DW("моя", FIT_WORD), DW("моєї", FIT_WORD), DW("був", FIT_WORD),
    DW("id", FIT_WORD), DW("national", FIT_WORD),
};

#define SKIP " :#.-=_\"'()"

/* 1 if the word w[0..n) is a label of country c: a whole word (or its
 * start, for the Cyrillic stems), or inside the word for the CJK labels,
 * ending at most 6 bytes (two characters: 号码, 是) before its end. */
static int is_label(const char *w, size_t n, int c)
{
    for (size_t k = 0; k < N(labels); k++) {
        size_t ln = strlen(labels[k].w);
        if (labels[k].country != c)
            continue;
        if (labels[k].cjk) {
            for (size_t i = 0; i + ln <= n; i++)
                if (memcmp(w + i, labels[k].w, ln) == 0 && n - (i + ln) <= 9)
                    return 1;
        } else if (ln <= n && memcmp(w, labels[k].w, ln) == 0 &&
                   (ln == n || (unsigned char)labels[k].w[0] >= 0x80))
            return 1;
    }
    return 0;
}

/* 1 if a label of country c stands before v, through up to two words of
 * between[]. */
static int label_before(const char *s, size_t v, int c)
{
    size_t end = v, a, we, k;

    for (k = 0; k < 4 && (we = det_word_ending(s, end, SKIP, &a)) != 0; k++) {
        if (is_label(s + a, we - a, c))
            return 1;
        if (!det_in_list(between, N(between), s + a, we - a))
            return 0;
        end = a;
    }
    return 0;
}

/* The digits read from at across single spaces and dashes: d[0..n), the
 * end of the text after each digit in ends[], gaps[k] 1 if a separator
 * came before digit k. */
struct run {
    char d[24];
    size_t ends[24], n;
    unsigned char gaps[24];
    int x;                      /* a final X (China) after digit n - 1 */
    size_t xend;
};

static void read_run(const char *s, size_t len, size_t at, struct run *r)
{
    size_t i = at;

    memset(r, 0, sizeof *r);
    while (i < len && r->n < 18) {
        if (det_digit(s[i])) {
            r->d[r->n] = s[i];
            r->ends[r->n++] = ++i;
            continue;
        }
        if ((s[i] == ' ' || s[i] == '-') && i + 1 < len && det_digit(s[i + 1]) && r->n > 0) {
            r->gaps[r->n] = 1;
            i++;
            continue;
        }
        break;
    }
    if (r->n == 17 && i < len && s[i] == 'x' && det_ends_word(s, len, i + 1))
        r->x = 1, r->xend = i + 1;
}

/* 1 if the first n digits of r are a number of their own: no word
 * character glued after them; exact: nothing more read after them. */
static int ends_at(const char *s, size_t len, const struct run *r, size_t n, int exact)
{
    if (r->n < n || (exact && (r->n != n || r->x)))
        return 0;
    return det_ends_word(s, len, r->ends[n - 1]) || (n < r->n && r->gaps[n]);
}

static int valid_date8(const char *d)
{
    unsigned y = det_value(d, 4);

    return y >= 1900 && y <= 2099 && det_month_day(det_value(d + 4, 2), det_value(d + 6, 2));
}

/* GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits. */
static int cn_check(const char *d, char last)
{
    static const unsigned char w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    unsigned sum = 0;

    for (size_t k = 0; k < 17; k++)
        sum += w[k] * (unsigned)(d[k] - '0');
    return "10X98765432"[sum % 11] == last;
}

/* My Number's check digit (the ordinance's art. 8). */
static int jp_check(const char *d)
{
    unsigned sum = 0, q, r;

    for (unsigned n = 1; n <= 11; n++) {
        q = n <= 6 ? n + 1 : n - 5;
        sum += (unsigned)(d[11 - n] - '0') * q;
    }
    r = sum % 11;
    return (unsigned)(d[11] - '0') == (r <= 1 ? 0 : 11 - r);
}

/* The groups of the first n digits are all of four (4-4-4). */
static int fours(const struct run *r)
{
    return r->gaps[4] && r->gaps[8] && !r->gaps[1] && !r->gaps[2] && !r->gaps[3] && !r->gaps[5] &&
           !r->gaps[6] && !r->gaps[7] && !r->gaps[9] && !r->gaps[10] && !r->gaps[11];
}

/* A number at at (a digit after a non-word character): its end, or 0. */
static size_t digits_id(const char *s, size_t len, size_t at)
{
    struct run r;

    read_run(s, len, at, &r);
    if (r.n < 9)
        return 0;
    /* China: 17 digits and X, or 18 digits. */
    if (r.n >= 17 && r.d[0] >= '1' && r.d[0] <= '8' && valid_date8(r.d + 6)) {
        char last = r.x ? 'X' : r.n == 18 ? r.d[17] : 0;
        size_t end = r.x ? r.xend : r.n == 18 ? r.ends[17] : 0;
        if (last && (r.x || det_ends_word(s, len, end)) &&
            (cn_check(r.d, last) || label_before(s, at, CN)))
            return end;
    }
    if (ends_at(s, len, &r, 12, 1) && fours(&r) && jp_check(r.d))
        return r.ends[11];
    if (ends_at(s, len, &r, 12, 0) && label_before(s, at, JP))
        return r.ends[11];
    /* УНЗР: YYYYMMDD-NNNNN */
    if (ends_at(s, len, &r, 13, 1) && valid_date8(r.d) && s[r.ends[7]] == '-' &&
        det_digits(s, len, at) == 8 && det_digits(s, len, r.ends[7] + 1) == 5)
        return r.ends[12];
    if (ends_at(s, len, &r, 10, 0) && label_before(s, at, UA_TAX))
        return r.ends[9];
    if (ends_at(s, len, &r, 9, 0) && label_before(s, at, UA_CARD))
        return r.ends[8];
    return 0;
}

/* 1 if the two letters p[0], p[1] are a prefix HMRC allocates. */
static int nino_prefix(const char *p)
{
    static const char *const never[] = { "bg", "gb", "kn", "nk", "nt", "tn", "zz" };

    if (strchr("dfiquv", p[0]) || strchr("dfioquv", p[1]))
        return 0;
    for (size_t k = 0; k < N(never); k++)
        if (memcmp(p, never[k], 2) == 0)
            return 0;
    return 1;
}

/* A National Insurance number whose letters start at l: its end, or 0. */
static size_t nino(const char *s, size_t len, size_t l)
{
    size_t i = l + 2, nd = 0, end;
    int spaced = 0;

    if (l + 8 > len || !det_alpha(s[l]) || !det_alpha(s[l + 1]) || det_letter_before(s, l))
        return 0;
    if (s[i] == ' ')
        i++, spaced = 1;
    while (i < len && nd < 6) {
        if (det_digit(s[i]))
            nd++, i++;
        else if (s[i] == ' ' && nd > 0 && nd % 2 == 0 && i + 1 < len && det_digit(s[i + 1]))
            i++, spaced = 1;
        else
            break;
    }
    if (nd != 6 || (i < len && det_digit(s[i])))
        return 0;
    end = i;
    if (i < len && (s[i] == ' ' || s[i] == '-') && spaced && i + 1 < len && s[i + 1] >= 'a' && s[i + 1] <= 'd')
        i++;
    if (i < len && s[i] >= 'a' && s[i] <= 'd' && det_ends_word(s, len, i + 1) && !det_letter_at(s, len, i + 1)) {
        if (nino_prefix(s + l) || label_before(s, l, UK_NINO))
            return i + 1;
        return 0;
    }
    if (!det_ends_word(s, len, end))
        return 0;
    return label_before(s, l, UK_NINO) ? end : 0;
}

size_t detect_scan_national_id(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t end, n;

    (void)kind;
    if (det_alpha(s[at]))
        return at + 2 < len && det_alpha(s[at + 1]) ? nino(s, len, at) : 0;
    /* Chinese and Japanese glue the number to the words around it
     * ("身份证号码是2101...", "個人番号は1234..."): a kana or Han character
     * before it is no word the number belongs to. */
    if (!det_digit(s[at]) || (det_letter_before(s, at) && det_cp_before(s, at, &n) < 0x3000))
        return 0;
    /* The digits of "QQ 12 34 56 C", their letters skipped as a word. */
    if (at >= 3 && s[at - 1] == ' ' && det_alpha(s[at - 2]) && det_alpha(s[at - 3]) &&
        (end = nino(s, len, at - 3)) != 0)
        return *start = at - 3, end;
    return digits_id(s, len, at);
}
