/* National ID numbers of the usual sending countries of migrant workers
 * (report-adv16a A-18), under their own labels and, for the shapes no
 * other number has, alone.  One [ID-n] covers the whole number: its check
 * digit and last group too.
 *
 * The labels (norm view: lower case, marks stripped, "Căn cước" is "can
 * cuoc"): Vietnam CCCD (Căn cước công dân), CMND/CMT (Chứng minh nhân
 * dân/thư), căn cước; Nepal citizenship (certificate, no.), नागरिकता;
 * Pakistan CNIC, NICOP; Bangladesh NID; Sri Lanka NIC; Indonesia KTP, NIK;
 * the Philippines PhilSys (PSN, PCN); Kazakhstan's IIN (ИИН, Russian
 * "индивидуальный идентификационный номер"; ЖСН, Kazakh "жеке сәйкестендіру
 * нөмірі"; IIN in Latin letters: the Law of the Republic of Kazakhstan
 * on national registers of identification numbers, 2007; 12 digits
 * written whole or in groups, report-adv44 L-56, L-76, L-97); a driving licence: 면허(번호), 운전면허,
 * licence, license.  Between label and number: separators, and up to two
 * of "no.", "number", "is", "was", "số" (Vietnamese "number"),
 * "certificate", "card", 번호, नं.
 *
 * The shapes taken without a label, with where each comes from:
 *   - Pakistan CNIC 5-7-1 with dashes, the first digit a province 1-7
 *     (NADRA's card layout: locality, family, sex digit);
 *   - Nepal citizenship certificate dd-dd-dd-ddddd with dashes (district,
 *     issuing office, year of issue, serial: the shape on the certificate,
 *     as report-adv16a A-18 gives it);
 *   - Korean driving licence dd-dd-dddddd-dd with dashes (region, year of
 *     issue, serial, check: 도로교통법 시행규칙 별지 제55호 서식);
 *   - Sri Lanka NIC, the old 9 digits and V or X (YY, day of the year
 *     001-366, +500 for women) and the new 12 digits (YYYY, the same day
 *     of the year, serial, check): Department for Registration of Persons;
 *   - Vietnam CCCD, 12 digits: a province code of Circular 07/2016/TT-BCA's
 *     annex (001-096), a century and sex digit 0-3, YY, 6 digits;
 *   - Indonesia NIK, 16 digits: province 11-94, regency, district, the
 *     birth day (+40 for women) and month, YY, serial (Law 24/2013 on
 *     population administration).
 * Bangladesh's NID (10, 13 or 17 digits), PhilSys' PSN (12) and PCN (16),
 * a CMND's 9 digits: only after a label, having no shape of their own. */
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct det_word natid_labels[] = {
    DW("cccd", FIT_WORD), DW("cmnd", FIT_WORD), DW("cmt", FIT_WORD), DW("cmtnd", FIT_WORD),
    DW("citizenship", FIT_WORD), DW("\xe0\xa4\xa8\xe0\xa4\xbe\xe0\xa4\x97\xe0\xa4\xb0\xe0\xa4\xbf\xe0\xa4\x95\xe0\xa4\xa4\xe0\xa4\xbe", FIT_PREFIX), /* नागरिकता */
    DW("nagarikta", FIT_WORD),
    DW("cnic", FIT_WORD), DW("nicop", FIT_WORD), DW("nid", FIT_WORD), DW("nic", FIT_WORD),
    DW("ktp", FIT_WORD), DW("nik", FIT_WORD), DW("philsys", FIT_WORD), DW("psn", FIT_WORD),
    DW("pcn", FIT_WORD), DW("philid", FIT_WORD),
    DW("\xd0\xb8\xd0\xb8\xd0\xbd", FIT_WORD), DW("\xd0\xb6\xd1\x81\xd0\xbd", FIT_WORD), DW("iin", FIT_WORD), /* иин жсн */
    DW("licence", FIT_WORD), DW("license", FIT_WORD), DW("licenses", FIT_WORD), DW("licences", FIT_WORD),
    DW("\xeb\xa9\xb4\xed\x97\x88", FIT_PREFIX),                                  /* 면허 */
    DW("\xec\x9a\xb4\xec\xa0\x84\xeb\xa9\xb4\xed\x97\x88", FIT_PREFIX),          /* 운전면허 */
};

/* Words that may stand between a label and its number. */
static const struct det_word between[] = {
    DW("no", FIT_WORD), DW("nr", FIT_WORD), DW("num", FIT_WORD), DW("number", FIT_WORD),
    DW("is", FIT_WORD), DW("was", FIT_WORD), DW("so", FIT_WORD), DW("la", FIT_WORD),
    DW("certificate", FIT_WORD), DW("cert", FIT_WORD), DW("card", FIT_WORD), DW("id", FIT_WORD),
    DW("\xeb\xb2\x88\xed\x98\xb8", FIT_PREFIX),                                  /* 번호 */
    DW("\xe0\xa4\xa8\xe0\xa4\x82", FIT_WORD),                                    /* नं */
    DW("\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80", FIT_WORD),                    /* номер */
    DW("\xd0\xbd\xd3\xa9\xd0\xbc\xd1\x96\xd1\x80\xd1\x96", FIT_WORD),          /* нөмірі */
    DW("\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa5\x8d\xe0\xa4\xac\xe0\xa4\xb0", FIT_WORD), /* नम्बर */
};

/* Vietnam's province codes (Circular 07/2016/TT-BCA, annex). */
static const unsigned short vn_provinces[] = {
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38,
    40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80,
    82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
};

#define SKIP " :#.-=_\"'()"

int detect_natid_label(const char *w, size_t n)
{
    return det_in_list(natid_labels, N(natid_labels), w, n);
}

/* 1 if "can cuoc" (Vietnamese căn cước) ends at we, its "cuoc" at a. */
static int can_cuoc(const char *s, size_t a, size_t we)
{
    return we - a == 4 && memcmp(s + a, "cuoc", 4) == 0 && a >= 4 && memcmp(s + a - 4, "can ", 4) == 0 &&
           !det_letter_before(s, a - 4);
}

/* 1 if a national ID label stands before the value at v, through up to
 * two words of between[]. */
static int label_before(const char *s, size_t v)
{
    size_t end = v, a, we, k, a2, we2;

    for (k = 0; k < 3 && (we = det_word_ending(s, end, SKIP, &a)) != 0; k++) {
        if (detect_natid_label(s + a, we - a) || can_cuoc(s, a, we))
            return 1;
        /* the label with a case or possessive ending after a hyphen
         * ("ЖСН-ім: 900101 400 555", "ИИН-і") */
        if (a > 1 && s[a - 1] == '-' && det_hyphen_ending(s, v, a, we) &&
            (we2 = det_word_ending(s, a - 1, "", &a2)) == a - 1 && detect_natid_label(s + a2, we2 - a2))
            return 1;
        if (!det_in_list(between, N(between), s + a, we - a))
            return 0;
        end = a;
    }
    return 0;
}

struct groups {
    size_t n, len[8], digits, end;
    char d[24];                 /* the digits, NUL-terminated */
    char sep;                   /* the separator between groups, 0 if one group */
    int letter;                 /* a V or X glued after the last group */
};

/* Digit groups from at (maxg at most) joined by one kind of separator
 * ('-', ' ', '.', '/'), 20 digits at most; the end and the groups in *g,
 * 0 if none or a digit follows. */
static size_t read_groups(const char *s, size_t len, size_t at, struct groups *g, size_t maxg)
{
    size_t i = at, n;

    memset(g, 0, sizeof *g);
    while (g->n < maxg && g->n < N(g->len) && (n = det_digits(s, len, i)) > 0 && g->digits + n <= 20) {
        memcpy(g->d + g->digits, s + i, n);
        g->digits += n, g->len[g->n++] = n, i += n, g->end = i;
        if (i + 1 < len && (s[i] == '-' || s[i] == ' ' || s[i] == '.' || s[i] == '/') &&
            (g->sep == 0 || g->sep == s[i]) && det_digit(s[i + 1]) && g->digits < 17)
            g->sep = g->sep ? g->sep : s[i], i++;
        else
            break;
    }
    g->d[g->digits] = '\0';
    if (g->n == 1)
        g->sep = 0;
    i = g->end;
    if (i < len && (s[i] == 'v' || s[i] == 'x') && det_ends_word(s, len, i + 1))
        g->letter = 1, g->end = i + 1;
    return g->n > 0 && det_ends_word(s, len, g->end) ? g->end : 0;
}

static int shape(const struct groups *g, size_t a, size_t b, size_t c, size_t d)
{
    size_t want[4] = { a, b, c, d }, k, n = d ? 4 : 3;

    if (g->n != n || g->sep != '-' || g->letter)
        return 0;
    for (k = 0; k < n; k++)
        if (g->len[k] != want[k])
            return 0;
    return 1;
}

/* A day of the year 001-366, +500 for a woman (Sri Lanka NIC). */
static int day_of_year(const char *d)
{
    unsigned v = det_value(d, 3);

    return (v >= 1 && v <= 366) || (v >= 501 && v <= 866);
}

static int vn_cccd(const char *d)
{
    unsigned p = det_value(d, 3), k;

    if (d[3] < '0' || d[3] > '3')
        return 0;
    for (k = 0; k < N(vn_provinces); k++)
        if (vn_provinces[k] == p)
            return 1;
    return 0;
}

static int id_nik(const char *d)
{
    unsigned prov = det_value(d, 2), day = det_value(d + 6, 2), mon = det_value(d + 8, 2);

    return prov >= 11 && prov <= 94 && ((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) &&
           mon >= 1 && mon <= 12;
}

/* 1 if the groups have a shape of the list above with no label. */
static int own_shape(const struct groups *g)
{
    unsigned y;

    if (shape(g, 5, 7, 1, 0))
        return g->d[0] >= '1' && g->d[0] <= '7';
    if (shape(g, 2, 2, 2, 5) || shape(g, 2, 2, 6, 2))
        return 1;
    if (g->n != 1)
        return 0;
    if (g->letter)
        return g->digits == 9 && day_of_year(g->d + 2);
    if (g->digits == 12) {
        y = det_value(g->d, 4);
        return vn_cccd(g->d) || (y >= 1900 && y <= 2099 && day_of_year(g->d + 4));
    }
    return g->digits == 16 && id_nik(g->d);
}

size_t detect_scan_natid(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    struct groups g;
    size_t end;

    (void)start, (void)kind;
    if (!det_digit(s[at]) || det_letter_before(s, at) || (end = read_groups(s, len, at, &g, 8)) == 0)
        return 0;
    if (own_shape(&g))
        return end;
    if (g.digits >= 7 && label_before(s, at))
        return end;
    /* A number alone with a space and more digits after it. */
    if (g.sep == ' ' && (end = read_groups(s, len, at, &g, 1)) != 0 && own_shape(&g))
        return end;
    return 0;
}
