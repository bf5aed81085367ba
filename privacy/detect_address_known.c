/* Addresses with no street word (brief s52 addr52, issue 12,
 * report-adv52 L-1..L-15, L-75, L-76), read in the norm view (lower case,
 * ASCII digits, one ' ' for a run of white space; bytes):
 *   - a house number beside a street or district name of Kuala Lumpur,
 *     Ulaanbaatar or Kuwait City (the table below) in either order: "27
 *     Ampang," "41b Chinggis," "Narny 7," "Sukhbaatar 12-34." (the
 *     number, 1-3 digits and a letter or a building-flat pair, must end
 *     its clause, so "12 workers from Ampang", "Seoul 2024" stay), and
 *     "Sentul, 23a." (a number with a letter or a pair after the name and
 *     a comma: only the number);
 *   - a Malay street line, a number then a Malay street word and one to
 *     three words ("14 Jalan Ampang");
 *   - a building, microdistrict or khoroo by its number: "building 22",
 *     "3 microdistrict" / "microdistrict 3" / "mikroraion 3" (a
 *     building-flat pair after it joins: ", 22-12"), "42 дугаар байр",
 *     "3-р хороо", "15-р хороолол";
 *   - the DPRK neighbourhood unit (인민반, part of every North Korean
 *     address): "인민반 15", "15인민반", "people's unit 15", "inminban 15",
 *     and "15반" after a word ending in 동 or 리 (a school class "2반"
 *     after 학년 stays);
 *   - Kuwait's block (قطعة, the first part of an address there): "block
 *     7", "qitaa 7", "قطعة 7" next to an area's name of the table, either
 *     side, one comma between at most;
 *   - an address told again shorter in the same text: the number and
 *     first word of an address span found ("15 seoul" of "15 Seoul St")
 *     found again where it ends a clause.
 * Nothing allocates but addr_merge. */
#include <stdint.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Street and district names that stand without a street word in
 * addresses of Kuala Lumpur, Ulaanbaatar and Kuwait City.  Source:
 * data/gazetteer/place_groups.txt and regions.txt (Ampang, Petaling,
 * Sukhbaatar, Salmiya, ...) and the en Wikipedia articles on the
 * cities' districts and main streets as the author knew them (Bukit
 * Bintang, Enkhtaivan and Ikh Toiruu avenues, Chinggis avenue, Narny
 * road), written by us without network access: names of city streets
 * are not in the gazetteer.  Wants reviewers from the three cities.
 * A person's name that is also a street's (Sukhbaatar, Chinggis) is read
 * so only with a house number ending its clause beside it. */
static const char *const known[] = {
    /* Kuala Lumpur */
    "ampang", "petaling", "bukit bintang", "sentul", "chow kit", "cheras", "kepong", "bangsar",
    "brickfields", "pudu", "kampung baru", "setapak", "wangsa maju", "segambut", "titiwangsa",
    "bukit jalil", "sri petaling", "mont kiara", "damansara", "jalan ipoh",
    /* Ulaanbaatar: streets, avenues and districts, Latin and Cyrillic */
    "enkhtaivan", "ikh toiruu", "baga toiruu", "chinggis", "narny", "sukhbaatar", "bayanzurkh",
    "bayangol", "chingeltei", "khan-uul", "songinokhairkhan", "sansar", "zaisan", "tokyo",
    "\xd1\x8d\xd0\xbd\xd1\x85\xd1\x82\xd0\xb0\xd0\xb9\xd0\xb2\xd0\xb0\xd0\xbd",             /* энхтайван */
    "\xd0\xb8\xd1\x85 \xd1\x82\xd0\xbe\xd0\xb9\xd1\x80\xd1\x83\xd1\x83",                    /* их тойруу */
    "\xd0\xb1\xd0\xb0\xd0\xb3\xd0\xb0 \xd1\x82\xd0\xbe\xd0\xb9\xd1\x80\xd1\x83\xd1\x83",    /* бага тойруу */
    "\xd1\x87\xd0\xb8\xd0\xbd\xd0\xb3\xd0\xb8\xd1\x81",                                     /* чингис */
    "\xd0\xbd\xd0\xb0\xd1\x80\xd0\xbd\xd1\x8b\xd0\xb9",                                     /* нарны */
    "\xd1\x81\xd2\xaf\xd1\x85\xd0\xb1\xd0\xb0\xd0\xb0\xd1\x82\xd0\xb0\xd1\x80",             /* сүхбаатар */
    "\xd1\x81\xd0\xb0\xd0\xbd\xd1\x81\xd0\xb0\xd1\x80",                                     /* сансар */
    /* Kuwait City's areas (regions.txt) */
    "salmiya", "salmiyah", "hawalli", "jabriya", "farwaniya", "jahra", "fahaheel", "mangaf",
    "mahboula", "khaitan", "rumaithiya", "salwa", "mishref", "bayan", "sharq", "dasma", "shuwaikh",
    "\xd8\xa7\xd9\x84\xd8\xb3\xd8\xa7\xd9\x84\xd9\x85\xd9\x8a\xd8\xa9",                     /* السالمية */
    "\xd8\xad\xd9\x88\xd9\x84\xd9\x8a",                                                     /* حولي */
    "\xd8\xa7\xd9\x84\xd8\xac\xd8\xa7\xd8\xa8\xd8\xb1\xd9\x8a\xd8\xa9",                     /* الجابرية */
    "\xd8\xa7\xd9\x84\xd9\x81\xd8\xb1\xd9\x88\xd8\xa7\xd9\x86\xd9\x8a\xd8\xa9",             /* الفروانية */
};

/* Malay street words (Jalan, Lorong, Persiaran, Lebuh, Lebuhraya,
 * Taman; abbreviations Jln, Lrg, Tmn): Malaysia Post's addressing guide
 * (pos.com.my) and Dewan Bahasa dan Pustaka's Kamus Dewan for the words,
 * as the author knew them. */
static const char *const malay[] = {
    "jalan", "jln", "lorong", "lrg", "persiaran", "lebuhraya", "lebuh", "taman", "tmn",
};

/* Kuwait's block word: English, transliterated, Arabic قطعة. */
static const char *const kw_block[] = {
    "block", "qitaa", "qit'a", "qitea", "\xd9\x82\xd8\xb7\xd8\xb9\xd8\xa9",
};

static int is_word_byte(const char *s, size_t len, size_t i)
{
    return i < len && (det_alnum(s[i]) || (unsigned char)s[i] >= 0x80);
}

/* 1 if the word w (ASCII or UTF-8) is at i with a word's edge after. */
static size_t word_is(const char *s, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);

    if (i + n > len || memcmp(s + i, w, n) != 0 || is_word_byte(s, len, i + n) ||
        (i + n < len && s[i + n] == '-' && is_word_byte(s, len, i + n + 1)))
        return 0;
    return n;
}

static size_t list_at(const char *const *list, size_t k, const char *s, size_t len, size_t i)
{
    size_t m;

    if (i > 0 && (is_word_byte(s, len, i - 1) || s[i - 1] == '-'))
        return 0;
    for (size_t j = 0; j < k; j++)
        if ((m = word_is(s, len, i, list[j])) != 0)
            return m;
    return 0;
}

/* A house number at i: 1-3 digits and one letter, or a building-flat
 * pair of 1-4 digits each ("22-12"); its end, or i.  *pair, *letter say
 * which. */
static size_t house_at(const char *s, size_t len, size_t i, int *pair, int *letter)
{
    size_t d = det_digits(s, len, i), e, d2;

    *pair = *letter = 0;
    if (d == 0 || (i > 0 && (is_word_byte(s, len, i - 1) || s[i - 1] == '-' || s[i - 1] == '/' ||
                             s[i - 1] == '.' || s[i - 1] == '$' || s[i - 1] == ':')))
        return i;
    e = i + d;
    if (d <= 4 && e + 1 < len && s[e] == '-' && (d2 = det_digits(s, len, e + 1)) > 0 && d2 <= 4) {
        e += 1 + d2;
        *pair = 1;
    } else if (d > 3)
        return i;
    else if (e < len && det_alpha(s[e]) && !is_word_byte(s, len, e + 1))
        e++, *letter = 1;
    if (is_word_byte(s, len, e) || (e < len && (s[e] == '-' || s[e] == '/' || s[e] == '%' || s[e] == ':')) ||
        (e + 1 < len && (s[e] == '.' || s[e] == ',') && det_digit(s[e + 1])))
        return i;
    return e;
}

/* 1 if the clause ends at e: end of text or , . ; ! ? ) then a space or
 * the end. */
static int clause_ends(const char *s, size_t len, size_t e)
{
    if (e >= len)
        return 1;
    if (strchr(",.;!?)", s[e]) == NULL)
        return 0;
    return e + 1 >= len || s[e + 1] == ' ' || s[e + 1] == '\n';
}

/* 1 if a word of place follows e after one space ("12 Baga Toiruu near
 * the school": report-adv52b L-4): the name before it is where someone
 * is, no count's noun.  English near, next, behind, opposite, beside,
 * across; Malay dekat, berhampiran, sebelah; Russian возле, около, рядом;
 * Mongolian орчим, ойролцоо, хажууд (written by us from the languages'
 * dictionaries). */
static int place_follows(const char *s, size_t len, size_t e)
{
    static const char *const words[] = {
        "near", "next", "behind", "opposite", "beside", "across", "dekat", "berhampiran", "sebelah",
        "возле", "около", "рядом", "орчим", "ойролцоо", "хажууд",
    };

    if (e + 1 >= len || s[e] != ' ')
        return 0;
    for (size_t k = 0; k < N(words); k++)
        if (word_is(s, len, e + 1, words[k]) != 0)
            return 1;
    return 0;
}

/* 1 if a list's number stands before the word at i ("1. ampang 2.
 * sentul": a numbered list, not a house number after a name). */
static int list_item_before(const char *s, size_t i)
{
    return i >= 3 && s[i - 1] == ' ' && s[i - 2] == '.' && det_digit(s[i - 3]);
}

static int add(struct detection **d, size_t *n, size_t *cap, size_t a, size_t b)
{
    return addr_merge(d, n, cap, a, b);
}

/* The number before a house-number word at i: "N", "N-р", "N дугаар",
 * "N-r"; its start, or i. */
static size_t mn_num_before(const char *s, size_t i)
{
    static const char *const marks[] = { " \xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80 ", /* дугаар */
                                         "-\xd1\x80 ", "\xd1\x80 ", "-r " };
    size_t a, m;

    for (size_t k = 0; k < N(marks); k++) {
        m = strlen(marks[k]);
        if (i < m + 1 || memcmp(s + i - m, marks[k], m) != 0 || !det_digit(s[i - m - 1]))
            continue;
        a = i - m;
        while (a > 0 && det_digit(s[a - 1]))
            a--;
        if (i - m - a <= 3 && (a == 0 || !is_word_byte(s, i, a - 1)))
            return a;
    }
    return i;
}

/* Korean: 1 if the word before the digits at i ends in 동 or 리 (a
 * neighbourhood or village), one space between. */
static int ko_dong_before(const char *s, size_t i)
{
    return i >= 4 && s[i - 1] == ' ' &&
           (memcmp(s + i - 4, "\xeb\x8f\x99", 3) == 0 || memcmp(s + i - 4, "\xeb\xa6\xac", 3) == 0);
}

/* 1 if байр is at i. */
static int k_bair(const char *s, size_t len, size_t i)
{
    return word_is(s, len, i, "\xd0\xb1\xd0\xb0\xd0\xb9\xd1\x80") != 0;
}

/* 1 if a flat's number follows at e: ", 12" or " 12". */
static int flat_after(const char *s, size_t len, size_t e)
{
    if (e < len && s[e] == ',')
        e++;
    return e + 1 < len && s[e] == ' ' && det_digit(s[e + 1]);
}

/* Every address of known_spans holds an ASCII digit near the byte it is
 * found at (brief s53 speed53, issue 13; the gate's model is
 * detect_gate.c): its house number or unit number at that byte ("27
 * ampang", "15인민반"), after a name of known[] and ", " or " ", after
 * "salmiya, block " (known[], ", ", kw_block[], " "), after a lead word
 * ("people's unit ", "인민반 ", "building "), or before a Mongolian unit
 * word by " дугаар " at most (mn_num_before: 14 bytes and the digit).
 * A byte with no digit in the DIGIT_BEFORE bytes before it nor within
 * digit_after() bytes from it finds nothing, and finding nothing there
 * moves the scan nowhere (only an address found skips bytes), so the
 * scan skips it: the same addresses with and without the gate
 * (bench/redact_diff.sh, bench/audit_diff.sh). */
#define DIGIT_BEFORE 16

/* Bytes after i within which an address of known_spans found at i holds
 * its first ASCII digit: the longest of known[], ", ", the longest of
 * kw_block[] and " " (Kuwait's "salmiya, block 7"), which also covers
 * the lead words (14 bytes at most) and a name then its number. */
static size_t digit_after(void)
{
    size_t k = 0, b = 0, l;

    for (size_t j = 0; j < N(known); j++)
        if ((l = strlen(known[j])) > k)
            k = l;
    for (size_t j = 0; j < N(kw_block); j++)
        if ((l = strlen(kw_block[j])) > b)
            b = l;
    l = k + 2 + b + 1;
    return l < 16 ? 16 : l;
}

static int known_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len)
{
    static const char bldg[] = "building ", micro[] = "microdistrict", mikro[] = "mikroraion";
    static const char unit_en[] = "people's unit ", unit_en2[] = "peoples unit ";
    static const char inmin_ko[] = "\xec\x9d\xb8\xeb\xaf\xbc\xeb\xb0\x98";          /* 인민반 */
    static const char ban[] = "\xeb\xb0\x98";                                       /* 반 */
    static const char *const mn_units[] = {
        "\xd0\xb1\xd0\xb0\xd0\xb9\xd1\x80",                                         /* байр */
        "\xd1\x85\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xbb",         /* хороолол */
        "\xd1\x85\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbe",                                 /* хороо */
        "\xd0\xb3\xd1\x83\xd0\xb4\xd0\xb0\xd0\xbc\xd0\xb6",                         /* гудамж */
    };
    size_t i, m, e, a, w;
    size_t after = digit_after(), dnext = gate_next_digit(s, len, 0), dlast = SIZE_MAX;
    int pair, letter;

    for (i = 0; i < len; i++) {
        /* The gate (above digit_after): no ASCII digit near i starts
         * nothing here; go on to the first byte a digit is near. */
        while (dnext < i)
            dlast = dnext, dnext = gate_next_digit(s, len, dnext + 1);
        if ((dlast == SIZE_MAX || i - dlast > DIGIT_BEFORE) && dnext - i > after) {
            if (dnext >= len)
                break;
            i = dnext - after - 1;
            continue;
        }
        if (i > 0 && is_word_byte(s, len, i - 1) && !det_digit(s[i]))
            continue;
        /* number first: "27 ampang," "14 jalan ampang" "3 microdistrict" */
        if (det_digit(s[i]) && (e = house_at(s, len, i, &pair, &letter)) > i && e < len && s[e] == ' ') {
            w = e + 1;
            if ((m = list_at(known, N(known), s, len, w)) != 0 &&
                (clause_ends(s, len, w + m) || place_follows(s, len, w + m))) {
                if (add(d, n, cap, i, w + m) != 0)
                    return -1;
                continue;
            }
            if (!pair && (m = list_at(malay, N(malay), s, len, w)) != 0 && w + m < len && s[w + m] == ' ') {
                size_t x = w + m, words = 0;
                while (words < 3 && x < len && s[x] == ' ' && det_alpha(s[x + 1])) {
                    size_t y = x + 1;
                    while (y < len && (det_alpha(s[y]) || s[y] == '-'))
                        y++;
                    x = y, words++;
                    if (clause_ends(s, len, x))
                        break;
                }
                if (words > 0 && clause_ends(s, len, x)) {
                    if (add(d, n, cap, i, x) != 0)
                        return -1;
                    continue;
                }
            }
            if (!pair && ((m = word_is(s, len, w, micro)) != 0 || (m = word_is(s, len, w, mikro)) != 0)) {
                e = w + m;
                if (e + 2 < len && s[e] == ',' && s[e + 1] == ' ' && det_digit(s[e + 2])) {
                    size_t h = house_at(s, len, e + 2, &pair, &letter);
                    if (h > e + 2 && pair)
                        e = h;
                }
                if (add(d, n, cap, i, e) != 0)
                    return -1;
                continue;
            }
            /* "5 inminban" alone stays a review flag (addr20-terms.jsonl
             * line 9: the part walk's weak part, detect_address_part.c) */
        }
        /* digits then 반 / 인민반 with no space */
        if (det_digit(s[i]) && (i == 0 || !is_word_byte(s, len, i - 1)) && (m = det_digits(s, len, i)) <= 3) {
            e = i + m;
            if ((a = word_is(s, len, e, inmin_ko)) != 0 || (ko_dong_before(s, i) && (a = word_is(s, len, e, ban)) != 0)) {
                if (add(d, n, cap, i, e + a) != 0)
                    return -1;
                continue;
            }
        }
        if (det_digit(s[i]))
            continue;
        /* name first: "narny 7," "sukhbaatar 12-34." "sentul, 23a." */
        if ((m = list_at(known, N(known), s, len, i)) != 0 && !list_item_before(s, i)) {
            w = i + m;
            if (w + 1 < len && s[w] == ' ' && (e = house_at(s, len, w + 1, &pair, &letter)) > w + 1 &&
                clause_ends(s, len, e)) {
                if (add(d, n, cap, i, e) != 0)
                    return -1;
                i = e - 1;
                continue;
            }
            if (w + 2 < len && s[w] == ',' && s[w + 1] == ' ' &&
                (e = house_at(s, len, w + 2, &pair, &letter)) > w + 2 && (pair || letter) && clause_ends(s, len, e)) {
                if (add(d, n, cap, w + 2, e) != 0)
                    return -1;
                i = e - 1;
                continue;
            }
            /* Kuwait: "salmiya, block 7" "salmiya block 7" */
            a = w + (w < len && s[w] == ',');
            if (a < len && s[a] == ' ' && (m = list_at(kw_block, N(kw_block), s, len, a + 1)) != 0 &&
                a + 1 + m < len && s[a + 1 + m] == ' ' &&
                (e = house_at(s, len, a + 2 + m, &pair, &letter)) > a + 2 + m && !pair) {
                if (add(d, n, cap, a + 1, e) != 0)
                    return -1;
                i = e - 1;
                continue;
            }
        }
        /* Kuwait: "block 7, salmiya" */
        if ((m = list_at(kw_block, N(kw_block), s, len, i)) != 0 && i + m + 1 < len && s[i + m] == ' ' &&
            (e = house_at(s, len, i + m + 1, &pair, &letter)) > i + m + 1 && !pair) {
            a = e + (e < len && s[e] == ',');
            if (a + 1 < len && s[a] == ' ' && list_at(known, N(known), s, len, a + 1) != 0) {
                if (add(d, n, cap, i, e) != 0)
                    return -1;
                i = e - 1;
                continue;
            }
        }
        /* "building 22", "microdistrict 3", "people's unit 15", "inminban 15", "인민반 15" */
        {
            static const char *const lead[] = { bldg, "microdistrict ", "mikroraion ", unit_en, unit_en2,
                                                "inminban ", "\xec\x9d\xb8\xeb\xaf\xbc\xeb\xb0\x98 " };
            for (size_t k = 0; k < N(lead); k++) {
                size_t ln = strlen(lead[k]);
                if (i + ln >= len || memcmp(s + i, lead[k], ln) != 0)
                    continue;
                if (k + 1 == N(lead))           /* 인민반 7에서: a particle may follow */
                    e = (m = det_digits(s, len, i + ln)) > 0 && m <= 3 ? i + ln + m : i;
                else if ((e = house_at(s, len, i + ln, &pair, &letter)) > i + ln &&
                         (pair || (!letter && (!clause_ends(s, len, e) || (k == 0 && e + 1 < len && s[e] == '.')) &&
                                   (e + 4 > len || memcmp(s + e, " of ", 4) != 0))))
                    e = i;                      /* "building 3 houses": a count */
                if (e > i + ln) {
                    if (add(d, n, cap, i, e) != 0)
                        return -1;
                    i = e - 1;
                    break;
                }
            }
        }
        /* Mongolian: "42 дугаар байр", "3-р хороо" */
        /* байр is also a rank ("2-р байр эзэлсэн": took second place):
         * a building only with its flat's number after it */
        if ((m = list_at(mn_units, N(mn_units), s, len, i)) != 0 && (a = mn_num_before(s, i)) < i &&
            (k_bair(s, len, i) == 0 || flat_after(s, len, i + m))) {
            if (add(d, n, cap, a, i + m) != 0)
                return -1;
            i = i + m - 1;
        }
    }
    return 0;
}

/* 1 if the byte p is inside one of d[0..n). */
static int covered(const struct detection *d, size_t n, size_t p)
{
    for (size_t k = 0; k < n; k++)
        if (d[k].start <= p && p < d[k].end)
            return 1;
    return 0;
}

/* An address told again shorter (brief s52 item 2, report-adv52 L-7):
 * for each address span starting with a house number then a word of
 * three letters or more and more after it ("15 seoul st"), the same
 * number and word elsewhere in the text where they end a clause ("no,
 * 15 seoul.").  Written by us: a text that gave the full form has told
 * what the short one means. */
static int repeat_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len)
{
    for (size_t k = 0; k < *n; k++) {
        size_t a = (*d)[k].start, b = (*d)[k].end, e, w, core, p;
        int pair, letter;

        if ((*d)[k].kind != DETECT_ADDRESS || !det_digit(s[a]) ||
            (e = house_at(s, len, a, &pair, &letter)) == a || e + 1 >= b || s[e] != ' ')
            continue;
        w = e + 1;
        while (w < b && (det_alpha(s[w]) || (unsigned char)s[w] >= 0x80))
            w++;
        if (w - (e + 1) < 3 || w >= b)          /* the full form has more after the word */
            continue;
        core = w - a;
        for (p = 0; p + core <= len; p++) {
            const char *hit = memchr(s + p, s[a], len - p);
            if (hit == NULL)
                break;
            p = (size_t)(hit - s);
            if (p + core > len)
                break;
            if (memcmp(s + p, s + a, core) != 0 || (p > 0 && is_word_byte(s, len, p - 1)) ||
                covered(*d, *n, p) || !clause_ends(s, len, p + core))
                continue;
            if (add(d, n, cap, p, p + core) != 0)
                return -1;
            /* the list grew: find this span again */
            for (k = 0; k < *n && (*d)[k].start != a; k++)
                ;
            if (k == *n)
                return 0;
        }
    }
    return 0;
}

int addr_known_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len)
{
    if (known_spans(d, n, cap, s, len) != 0)
        return -1;
    return repeat_spans(d, n, cap, s, len);
}
