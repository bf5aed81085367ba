/* Addresses written as a run of parts (brief s26 addr26; report-adv25a
 * B-12..B-17, B-19, B-22; report-adv25b C-13, C-17), read after the part
 * walk, the cue reader and the short forms (detect_address*.c), in the
 * norm view (lower case, ASCII digits, one ' ' for a run of white space).
 *
 * The rule (one rule for every language of the tables below): a run of
 * address parts, each next to the one before through a joiner (spaces,
 * ",", ";", ":", " - ", " / ", "|"; and between two numbered parts the
 * prose words "on", "in", "of", "at", "and", "и", "в", "на", "dan",
 * "di"), is one address span when it holds
 *   - two numbered parts of different unit classes ("Block 4 - Street 12
 *     - House 7", "building 33 on street 12 in block 4", "4블록 12번
 *     스트리트 33번 빌딩", "блок 4, корпус 33"), or
 *   - one numbered part (or an address already found) and a second part
 *     of any kind: a floor or a "number" ("Floor 3, Flat 12"), a named
 *     part ("Lot 7, Kampung Pasir Puteh", "Olympic Village block 5 flat
 *     12", "Ahmad Al-Jaber Street, Dar Al-Awadi Tower, Floor 12"), a
 *     postcode ("Lot 123, Kampung Baru, 88000"), a street and its house
 *     before a flat ("Гагарина 15, кв. 8"), or
 *   - a named part and a postcode or a floor ("Taman Sri Inda, 81300",
 *     "Batu 4, Jalan Labuk"); a named part with its number alone
 *     ("Taman Ria 45", "Jln Bunga Raya 4").
 * A part is:
 *   numbered  a unit word of units[] and its value, in either order and
 *             with or without a space ("Block: 4", "Bl. 4", "St 12",
 *             "4블록", "12번 스트리트", "블록4", "Unit 12-3", "Blok
 *             C-3-12", "Blok B"), or a unit's letters glued to the value
 *             ("b4", "h7");
 *   named     a name word of prefixes[] and one to three words
 *             ("Kampung Pasir Puteh", "Kg. Baru", "잘란 마와르 3"), or one
 *             to three words and a word of suffixes[] ("Makka Street",
 *             "Sulaibiya Industrial Area", "Sunrise Residence", "Hunnu
 *             2222 хотхон"); a named part takes a number after it ("Jalan
 *             Mawar 3") and a building-flat pair ("Sunrise Residence
 *             12-304");
 *   postcode  five digits;
 *   found     an address an earlier reader found there.
 * Beside the runs: a PACI number (Kuwait's eight-digit civil address
 * number) after its label (B-19); a postcode after its label ("Poskod:
 * 88000"); a building-flat pair after a home label ("Home - 12-34",
 * "Home addr. 12-34", "우리집: 101-1203") or after a Korean complex's name
 * ("e편한세상 103-1502", "더샵 101-202호"), read in
 * detect_address_label.c; a Russian house and its street ("в доме 12/4
 * на Ленина", "Тверская, дом 5").  An address span never crosses a
 * paragraph break (addr_cut_paragraphs, detect_address_label.c).
 *
 * The word tables are written by hand (they want a native reviewer for
 * Arabic-in-Latin, Malay, Korean and Russian): the Kuwaiti unit words and
 * their short forms are those of PACI's address plates and of the
 * testers' reports (block/qitaa, street/jadda/sikka, avenue, house/manzil,
 * building, plot); the Malay ones those of Malaysian postal addresses
 * (Pos Malaysia's address format: No., Lot, Jalan, Lorong, Taman,
 * Kampung, Blok, Tingkat, Pangsapuri, Wisma, Bangunan, Mukim, Batu); the
 * Korean ones the loanwords and native words a Korean worker writes
 * for them (블록, 스트리트, 빌딩, 구역, 거리, 번가, 집, 건물); the Russian
 * ones the usual words of a Russian address (дом, корпус, квартал,
 * здание, улица, квартира). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/first_index.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Unit classes; C_WEAK (a floor, a room, "number") counts as a second
 * part, never as one of two numbered parts. */
enum { C_WEAK, C_BLOCK, C_STREET, C_HOUSE, C_BUILDING, C_FLAT, C_PLOT };

struct unit {
    const char *w;
    int cls;
    int letter_ok;          /* a single letter may be its value ("Blok B") */
};

/* Unit words written before their value (whole words; "." after them
 * allowed). */
static const struct unit units[] = {
    /* Kuwait (English and Arabic in Latin letters) */
    { "block", C_BLOCK, 1 }, { "blk", C_BLOCK, 1 }, { "bl", C_BLOCK, 1 }, { "blok", C_BLOCK, 1 },
    { "qt", C_BLOCK, 0 }, { "qitaa", C_BLOCK, 0 }, { "qitah", C_BLOCK, 0 }, { "sector", C_BLOCK, 0 },
    { "street", C_STREET, 0 }, { "str", C_STREET, 0 }, { "st", C_STREET, 0 }, { "jadda", C_STREET, 0 },
    { "jaddah", C_STREET, 0 }, { "sikka", C_STREET, 0 }, { "avenue", C_STREET, 0 }, { "ave", C_STREET, 0 },
    { "lane", C_STREET, 0 }, { "road", C_STREET, 0 }, { "rd", C_STREET, 0 },
    { "house", C_HOUSE, 0 }, { "h", C_HOUSE, 0 }, { "hse", C_HOUSE, 0 }, { "villa", C_HOUSE, 0 },
    { "manzil", C_HOUSE, 0 },
    { "building", C_BUILDING, 1 }, { "bldg", C_BUILDING, 1 }, { "bld", C_BUILDING, 1 },
    { "bldng", C_BUILDING, 1 }, { "tower", C_BUILDING, 1 },
    { "flat", C_FLAT, 1 }, { "apt", C_FLAT, 1 }, { "apartment", C_FLAT, 1 }, { "unit", C_FLAT, 1 },
    { "suite", C_FLAT, 0 },
    { "plot", C_PLOT, 0 }, { "lot", C_PLOT, 0 }, { "parcel", C_PLOT, 0 },
    { "floor", C_WEAK, 0 }, { "fl", C_WEAK, 0 }, { "level", C_WEAK, 0 }, { "lvl", C_WEAK, 0 },
    { "room", C_WEAK, 0 }, { "rm", C_WEAK, 0 }, { "no", C_WEAK, 0 }, { "number", C_WEAK, 0 },
    /* Malay */
    { "jalan", C_STREET, 0 }, { "jln", C_STREET, 0 }, { "lorong", C_STREET, 0 }, { "lrg", C_STREET, 0 },
    { "rumah", C_HOUSE, 0 }, { "tingkat", C_WEAK, 0 }, { "nombor", C_WEAK, 0 }, { "batu", C_WEAK, 0 },
    { "bilik", C_WEAK, 0 },
    /* Russian */
    /* блок блоке квартал квартале */
    { "\xd0\xb1\xd0\xbb\xd0\xbe\xd0\xba", C_BLOCK, 1 }, { "\xd0\xb1\xd0\xbb\xd0\xbe\xd0\xba\xd0\xb5", C_BLOCK, 1 }, { "\xd0\xba\xd0\xb2\xd0\xb0\xd1\x80\xd1\x82\xd0\xb0\xd0\xbb", C_BLOCK, 0 }, { "\xd0\xba\xd0\xb2\xd0\xb0\xd1\x80\xd1\x82\xd0\xb0\xd0\xbb\xd0\xb5", C_BLOCK, 0 },
    /* улица ул */
    { "\xd1\x83\xd0\xbb\xd0\xb8\xd1\x86\xd0\xb0", C_STREET, 0 }, { "\xd1\x83\xd0\xbb", C_STREET, 0 },
    /* улице улицы улицу; Ukrainian вулиця вулиці вулицю будинок будинку
     * кварталі (brief s27 place27) */
    { "улице", C_STREET, 0 }, { "улицы", C_STREET, 0 }, { "улицу", C_STREET, 0 },
    { "вулиця", C_STREET, 0 }, { "вулиці", C_STREET, 0 }, { "вулицю", C_STREET, 0 },
    { "будинок", C_HOUSE, 0 }, { "будинку", C_HOUSE, 0 }, { "кварталі", C_BLOCK, 0 },
    /* буд, the abbreviation of будинок in a postal address (ru_house
     * already reads it after a street's name) */
    { "буд", C_HOUSE, 0 },
    /* дом доме дома д */
    { "\xd0\xb4\xd0\xbe\xd0\xbc", C_HOUSE, 0 }, { "\xd0\xb4\xd0\xbe\xd0\xbc\xd0\xb5", C_HOUSE, 0 }, { "\xd0\xb4\xd0\xbe\xd0\xbc\xd0\xb0", C_HOUSE, 0 }, { "\xd0\xb4", C_HOUSE, 0 },
    /* корпус корп здание */
    { "\xd0\xba\xd0\xbe\xd1\x80\xd0\xbf\xd1\x83\xd1\x81", C_BUILDING, 1 }, { "\xd0\xba\xd0\xbe\xd1\x80\xd0\xbf", C_BUILDING, 1 }, { "\xd0\xb7\xd0\xb4\xd0\xb0\xd0\xbd\xd0\xb8\xd0\xb5", C_BUILDING, 1 },
    /* строение */
    { "\xd1\x81\xd1\x82\xd1\x80\xd0\xbe\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5", C_BUILDING, 1 },
    /* квартира кв */
    { "\xd0\xba\xd0\xb2\xd0\xb0\xd1\x80\xd1\x82\xd0\xb8\xd1\x80\xd0\xb0", C_FLAT, 0 }, { "\xd0\xba\xd0\xb2", C_FLAT, 0 },
    /* участок этаж комната */
    { "\xd1\x83\xd1\x87\xd0\xb0\xd1\x81\xd1\x82\xd0\xbe\xd0\xba", C_PLOT, 0 }, { "\xd1\x8d\xd1\x82\xd0\xb0\xd0\xb6", C_WEAK, 0 }, { "\xd0\xba\xd0\xbe\xd0\xbc\xd0\xbd\xd0\xb0\xd1\x82\xd0\xb0", C_WEAK, 0 },
    /* Korean, written before the value ("블록 4", "스트리트12") */
    /* 블록 스트리트 하우스 */
    { "\xeb\xb8\x94\xeb\xa1\x9d", C_BLOCK, 0 }, { "\xec\x8a\xa4\xed\x8a\xb8\xeb\xa6\xac\xed\x8a\xb8", C_STREET, 0 }, { "\xed\x95\x98\xec\x9a\xb0\xec\x8a\xa4", C_HOUSE, 0 },
    /* 빌딩 플랫 롯 */
    { "\xeb\xb9\x8c\xeb\x94\xa9", C_BUILDING, 0 }, { "\xed\x94\x8c\xeb\x9e\xab", C_FLAT, 0 }, { "\xeb\xa1\xaf", C_PLOT, 0 },
};

/* Korean unit words written after their value ("4블록", "12번 스트리트",
 * "33번 빌딩에"): a particle may follow; need_beon: only after 번. */
static const struct {
    const char *w;
    int cls, need_beon;
} ko_after[] = {
    /* 블록 구역 스트리트 거리 */
    { "\xeb\xb8\x94\xeb\xa1\x9d", C_BLOCK, 0 }, { "\xea\xb5\xac\xec\x97\xad", C_BLOCK, 0 }, { "\xec\x8a\xa4\xed\x8a\xb8\xeb\xa6\xac\xed\x8a\xb8", C_STREET, 0 }, { "\xea\xb1\xb0\xeb\xa6\xac", C_STREET, 1 },
/* 하우스 집 빌딩 */
{ "\xed\x95\x98\xec\x9a\xb0\xec\x8a\xa4", C_HOUSE, 0 }, { "\xec\xa7\x91", C_HOUSE, 1 }, { "\xeb\xb9\x8c\xeb\x94\xa9", C_BUILDING, 0 },
    /* 건물 플랫 번지 층 */
    { "\xea\xb1\xb4\xeb\xac\xbc", C_BUILDING, 0 }, { "\xed\x94\x8c\xeb\x9e\xab", C_FLAT, 0 }, { "\xeb\xb2\x88\xec\xa7\x80", C_PLOT, 0 }, { "\xec\xb8\xb5", C_WEAK, 0 },
};

/* The Latin spellings of the Mongolian units after their value. */
static const struct unit mn_latin[] = {
    { "khoroolol", C_BLOCK, 0 }, { "khoroo", C_BLOCK, 0 }, { "horoo", C_BLOCK, 0 },
    { "bair", C_BUILDING, 0 }, { "bayr", C_BUILDING, 0 }, { "toot", C_FLAT, 0 }, { "tood", C_FLAT, 0 },
};

/* A unit's letters glued to its value ("b4", "st12", "h7"). */
static const struct unit glued_units[] = {
    { "b", C_BLOCK, 0 }, { "bl", C_BLOCK, 0 }, { "blk", C_BLOCK, 0 }, { "st", C_STREET, 0 },
    { "str", C_STREET, 0 }, { "h", C_HOUSE, 0 }, { "bldg", C_BUILDING, 0 }, { "apt", C_FLAT, 0 },
};

/* Words that name a place to live before its name ("Kampung Pasir
 * Puteh", "Taman Ria 45"); street: 1 if the name and a number after it
 * are an address by themselves ("Jalan Mawar 3", "Taman Ria 45"). */
static const struct {
    const char *w;
    int street;
} prefixes[] = {
    { "kampung", 1 }, { "kg", 1 }, { "taman", 1 }, { "tmn", 1 }, { "jalan", 1 }, { "jln", 1 },
    { "lorong", 1 }, { "lrg", 1 }, { "persiaran", 1 }, { "pangsapuri", 0 }, { "apartment", 0 },
    { "apartmen", 0 }, { "bangunan", 0 }, { "wisma", 0 }, { "menara", 0 }, { "mukim", 0 },
    { "kawasan", 0 }, { "desa", 0 }, { "bandar", 0 }, { "flat", 0 }, { "kondominium", 0 },
    { "residensi", 0 },
    /* 잘란 타만 캄풍 로롱 */
    { "\xec\x9e\x98\xeb\x9e\x80", 1 }, { "\xed\x83\x80\xeb\xa7\x8c", 1 }, { "\xec\xba\x84\xed\x92\x8d", 1 }, { "\xeb\xa1\x9c\xeb\xa1\xb1", 1 },
};

/* Words that end a named part ("Makka Street", "Al-Dhubaiyan Complex",
 * "Ленина улица", "Hunnu 2222 хотхон"). */
static const char *const suffixes[] = {
    "street", "st", "road", "rd", "avenue", "ave", "lane", "complex", "tower", "towers", "area",
    "village", "residence", "residences", "apartments", "court", "heights", "plaza", "mansion",
    "mansions", "condominium", "condo",
    /* улица ул проспект переулок хотхон гудамж */
    "\xd1\x83\xd0\xbb\xd0\xb8\xd1\x86\xd0\xb0", "\xd1\x83\xd0\xbb", "\xd0\xbf\xd1\x80\xd0\xbe\xd1\x81\xd0\xbf\xd0\xb5\xd0\xba\xd1\x82", "\xd0\xbf\xd0\xb5\xd1\x80\xd0\xb5\xd1\x83\xd0\xbb\xd0\xbe\xd0\xba", "\xd1\x85\xd0\xbe\xd1\x82\xd1\x85\xd0\xbe\xd0\xbd", "\xd0\xb3\xd1\x83\xd0\xb4\xd0\xb0\xd0\xbc\xd0\xb6",
};

/* Words a name is never made of (English, Malay, Russian function words
 * and the verbs of living). */
static const char *const stops[] = {
    "the", "a", "an", "in", "of", "on", "at", "to", "and", "or", "for", "with", "by", "from", "near",
    "is", "was", "were", "are", "be", "been", "this", "that", "these", "those", "there", "here", "it",
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "its",
    "lived", "lives", "live", "living", "stayed", "stay", "stays", "moved", "said", "says", "had",
    "has", "have", "not", "but", "so", "as", "then", "when", "where", "which", "who", "what", "all",
    "life", "means", "word", "every", "each", "some", "many", "old", "new", "same", "other",
    "di", "ke", "dan", "yang", "ini", "itu", "dia", "saya", "kami", "mereka", "tinggal", "adalah",
    /* в на и с у по за он она они мы жил жила жили был */
    "\xd0\xb2", "\xd0\xbd\xd0\xb0", "\xd0\xb8", "\xd1\x81", "\xd1\x83", "\xd0\xbf\xd0\xbe", "\xd0\xb7\xd0\xb0", "\xd0\xbe\xd0\xbd", "\xd0\xbe\xd0\xbd\xd0\xb0", "\xd0\xbe\xd0\xbd\xd0\xb8", "\xd0\xbc\xd1\x8b", "\xd0\xb6\xd0\xb8\xd0\xbb", "\xd0\xb6\xd0\xb8\xd0\xbb\xd0\xb0", "\xd0\xb6\xd0\xb8\xd0\xbb\xd0\xb8", "\xd0\xb1\xd1\x8b\xd0\xbb",
    /* была было были */
    "\xd0\xb1\xd1\x8b\xd0\xbb\xd0\xb0", "\xd0\xb1\xd1\x8b\xd0\xbb\xd0\xbe", "\xd0\xb1\xd1\x8b\xd0\xbb\xd0\xb8",
};

/* Prose words that join two numbered parts ("building 33 on street 12"). */
/* и в на */
static const char *const prose[] = { "on", "in", "of", "at", "and", "\xd0\xb8", "\xd0\xb2", "\xd0\xbd\xd0\xb0", "dan", "di" };

/* The end of a name word at i: letters, with '-' or '\'' between them
 * ("al-jaber"); i if none. */
static size_t word_end(const char *s, size_t len, size_t i)
{
    size_t e = det_letters_end(s, len, i), n;

    while (e > i && e + 1 < len && (s[e] == '-' || s[e] == '\'') && det_letter(s, len, e + 1, &n))
        e = det_letters_end(s, len, e + 1);
    return e;
}

/* 1 if the word w is s[a, b).  The first bytes are compared before the
 * length: name_word asks the lists at every word start of every part
 * (brief s27 audit27: strlen was a fifth of the audit). */
static int is_word(const char *s, size_t a, size_t b, const char *w)
{
    return b > a && w[0] == s[a] && strlen(w) == b - a && memcmp(s + a, w, b - a) == 0;
}

/* 1 if s[a, b) is one of list[]. */
static int in_list(const char *s, size_t a, size_t b, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (is_word(s, a, b, list[k]))
            return 1;
    return 0;
}

/* stops[], units[] and suffixes[] by their first byte (privacy/first_index.h):
 * a scan of some 230 entries at each word start was a sixth of the audit
 * (brief s28 audit28). */
static struct first_index stops_ix, units_ix, suffixes_ix;
static pthread_once_t first_once = PTHREAD_ONCE_INIT;

static void first_build(void)
{
    _Static_assert(N(stops) <= FIRST_INDEX_MAX && N(units) <= FIRST_INDEX_MAX &&
                   N(suffixes) <= FIRST_INDEX_MAX, "FIRST_INDEX_MAX holds every list");
    first_index_build(&stops_ix, stops, N(stops), sizeof stops[0]);
    first_index_build(&units_ix, units, N(units), sizeof units[0]);
    first_index_build(&suffixes_ix, suffixes, N(suffixes), sizeof suffixes[0]);
}

static int first_find(const struct first_index *ix, const char *s, size_t a, size_t b)
{
    (void)pthread_once(&first_once, first_build);
    return first_index_find(ix, s, a, b);
}

/* The unit of units[] whose word is s[a, b), or -1. */
static int unit_of(const char *s, size_t a, size_t b)
{
    return first_find(&units_ix, s, a, b);
}

int addr_run_unit_word(const char *s, size_t a, size_t b)
{
    return unit_of(s, a, b) >= 0;
}

static int prefix_of(const char *s, size_t a, size_t b)
{
    for (size_t k = 0; k < N(prefixes); k++)
        if (is_word(s, a, b, prefixes[k].w))
            return (int)k;
    return -1;
}

/* 1 if the word s[a, b) may be part of a name. */
static int name_word(const char *s, size_t a, size_t b)
{
    return b > a && first_find(&stops_ix, s, a, b) < 0 && unit_of(s, a, b) < 0 &&
           first_find(&suffixes_ix, s, a, b) < 0;
}

int addr_starts_clear(const char *s, size_t i)
{
    return !det_letter_before(s, i) && !(i > 0 && (s[i - 1] == '-' || s[i - 1] == '/' || s[i - 1] == '.'));
}

/* A value at i: digits (one to five) with groups after '-' or '/' and a
 * letter ("12-3", "12/4", "3a"), or a letter and groups ("c-3-12"), or
 * with letter_ok a single letter ("b"); no ASCII letter or digit after
 * it.  Its end, or 0. */
static size_t value_at(const char *s, size_t len, size_t i, int letter_ok)
{
    size_t j = i, nd;

    if (j < len && det_alpha(s[j]) && j + 2 < len && s[j + 1] == '-' && det_digit(s[j + 2]))
        j += 2;
    else if (letter_ok && j < len && det_alpha(s[j]) && (j + 1 >= len || !det_alnum(s[j + 1])) &&
             !(j + 1 < len && (s[j + 1] == '-' || s[j + 1] == '\'')))
        return j + 1;
    if ((nd = det_digits(s, len, j)) == 0 || nd > 5)
        return 0;
    j += nd;
    while (j + 1 < len && (s[j] == '-' || s[j] == '/') && det_digit(s[j + 1])) {
        if ((nd = det_digits(s, len, j + 1)) > 5)
            return 0;
        j += 1 + nd;
    }
    if (j < len && det_alpha(s[j]) && (j + 1 >= len || !det_alnum(s[j + 1])))
        j++;
    if (j < len && (det_alnum(s[j]) || (s[j] == '.' && j + 1 < len && det_digit(s[j + 1]))))
        return 0;
    return j;
}

enum ptype { P_NUM, P_NAME, P_NAMENUM, P_POST, P_WORDNUM, P_FOUND };

struct part {
    size_t a, b;
    int type, cls;
    int street;             /* a Cyrillic street's name: STREET_* */
};

/* A named part that is a Russian or Ukrainian street's name, after which
 * a bare house number counts (detect_address_street.c): with its street
 * word after it ("Сумська вулиця, 23"), or without one, where a unit
 * follows the number ("на Сумской, двенадцать, квартира пять"). */
enum { STREET_NONE, STREET_WORD, STREET_BARE };

/* A house's number said in words after its unit at j ("house
 * twenty-three", "в доме двадцать три": brief s27 place27); its end, or
 * 0. */
static size_t said_value(const char *s, size_t len, size_t j)
{
    char d[16];
    size_t e, nd;
    int ord;

    if (j >= len || !(det_alpha(s[j]) || (unsigned char)s[j] == 0xD0 || (unsigned char)s[j] == 0xD1) ||
        (e = detect_spoken_number(s, len, j, d, sizeof d, &nd, &ord)) == 0 || nd == 0)
        return 0;
    return e;
}

/* A numbered part with its unit first at i; its end, or 0. */
static size_t unit_first(const char *s, size_t len, size_t i, int *cls)
{
    size_t e = det_letters_end(s, len, i), j, v, we;
    int u;

    if (e == i || (u = unit_of(s, i, e)) < 0)
        return 0;
    j = e;
    j += j < len && s[j] == '.';
    j += j < len && (s[j] == ':' || s[j] == '#');
    j += j < len && s[j] == ' ';
    /* "rumah nombor 12", "house no. 7", "plot no 45", "block #4" */
    we = det_letters_end(s, len, j);
    if (we > j && (in_list(s, j, we, (const char *const[]){ "no", "nombor", "number", "nr", "номер" }, 5))) {
        j = we;
        j += j < len && s[j] == '.';
        j += j < len && s[j] == ' ';
    }
    j += j < len && s[j] == '#';
    if ((v = value_at(s, len, j, units[u].letter_ok)) == 0 && (v = said_value(s, len, j)) == 0) {
        /* Korean units glued to a value with Hangul after it ("블록4에") */
        return 0;
    }
    /* a value of years or hours is no address ("дом 5 лет") */
    *cls = units[u].cls;
    return v;
}

/* A unit word of units[] (no floor nor room, three letters or more) at
 * j, whole: its end and its class in *cls, or 0. */
static size_t unit_after(const char *s, size_t len, size_t j, int *cls)
{
    size_t we = det_letters_end(s, len, j);
    int u = we > j ? unit_of(s, j, we) : -1;

    if (u < 0 || units[u].cls == C_WEAK || strlen(units[u].w) < 3)
        return 0;
    return *cls = units[u].cls, we;
}

/* An ordinal said in words before its unit at i ("fourth block",
 * "четвёртом квартале", "дванадцятій вулиці": the spoken-number table's
 * ordinals, detect_spoken_number; brief s27 place27, report-adv26a D-6):
 * its end and class, or 0.  A cardinal before a unit is a count ("five
 * houses"). */
static size_t said_ordinal(const char *s, size_t len, size_t i, int *cls)
{
    char d[16];
    size_t e, nd;
    int ord;

    if (!(det_alpha(s[i]) || (unsigned char)s[i] == 0xD0 || (unsigned char)s[i] == 0xD1) ||
        (e = detect_spoken_number(s, len, i, d, sizeof d, &nd, &ord)) == 0 || ord != 1 ||
        e + 1 >= len || s[e] != ' ')
        return 0;
    return unit_after(s, len, e + 1, cls);
}

/* A numbered part with its value first at i ("4블록", "12번 스트리트",
 * "33번 빌딩에", "44번지"); its end (before a particle), or 0. */
static size_t value_first(const char *s, size_t len, size_t i, int *cls)
{
    size_t nd = det_digits(s, len, i), j, l;
    int beon = 0;

    if (nd == 0)
        return said_ordinal(s, len, i, cls);
    if (nd > 5)
        return 0;
    j = i + nd;
    /* 번 번지 번가 */
    if (det_starts(s, len, j, "\xeb\xb2\x88") && !det_starts(s, len, j, "\xeb\xb2\x88\xec\xa7\x80") && !det_starts(s, len, j, "\xeb\xb2\x88\xea\xb0\x80"))
        /* 번 */
        j += strlen("\xeb\xb2\x88"), beon = 1;
    j += j < len && s[j] == ' ';
    for (size_t k = 0; k < N(ko_after); k++) {
        l = strlen(ko_after[k].w);
        if ((ko_after[k].need_beon && !beon) || !det_starts(s, len, j, ko_after[k].w))
            continue;
        *cls = ko_after[k].cls;
        return j + l;
    }
    if (det_starts(s, len, i + nd, "\xeb\xb2\x88\xea\xb0\x80")) /* "12번가" */
        /* 번가 */
        return *cls = C_STREET, i + nd + strlen("\xeb\xb2\x88\xea\xb0\x80");
    /* an ordinal before a unit word ("4th block", "12th street"; said
     * "the fourth block", "на двенадцатой улице", the view writes "4th":
     * brief s27 place27, report-adv26a D-6) */
    j = i + nd;
    if (j + 3 < len && (det_starts(s, len, j, "th ") || det_starts(s, len, j, "st ") ||
                        det_starts(s, len, j, "nd ") || det_starts(s, len, j, "rd ")) &&
        (l = unit_after(s, len, j + 3, cls)) != 0)
        return l;
    /* the Latin spellings of the Mongolian units ("4khoroo", "12 bair") */
    j += j < len && s[j] == ' ';
    for (size_t k = 0; k < N(mn_latin); k++)
        if (det_starts(s, len, j, mn_latin[k].w) && (l = j + strlen(mn_latin[k].w)) &&
            (l >= len || !det_alnum(s[l])))
            return *cls = mn_latin[k].cls, l;
    return 0;
}

/* A unit's letters glued to the value at i ("b4", "h7"); its end or 0. */
static size_t glued_part(const char *s, size_t len, size_t i, int *cls)
{
    size_t e = det_letters_end(s, len, i), nd;

    for (size_t k = 0; k < N(glued_units); k++)
        if (strlen(glued_units[k].w) == e - i && memcmp(s + i, glued_units[k].w, e - i) == 0) {
            nd = det_digits(s, len, e);
            if (nd == 0 || nd > 4 || (e + nd < len && (det_alnum(s[e + nd]) || s[e + nd] == '-')))
                return 0;
            *cls = glued_units[k].cls;
            return e + nd;
        }
    return 0;
}

/* Words of a name from j: one to max words joined by one space; returns
 * the end of the last, the count in *nw; stops before a word that is no
 * name word. */
static size_t name_words(const char *s, size_t len, size_t j, int max, int *nw)
{
    size_t e, end = j;

    *nw = 0;
    while (*nw < max && (e = word_end(s, len, j)) > j && name_word(s, j, e)) {
        end = e, (*nw)++;
        if (e + 1 >= len || s[e] != ' ')
            break;
        j = e + 1;
    }
    return end;
}

/* A number after a name ("Jalan Mawar 3", "타만 리아 45번"): one to three
 * digits, a letter maybe, then no digit, '-' or '/'; its end, or e. */
static size_t name_number(const char *s, size_t len, size_t e)
{
    size_t nd;

    if (e + 1 >= len || s[e] != ' ')
        return e;
    nd = det_digits(s, len, e + 1);
    if (nd == 0 || nd > 3)
        return e;
    e += 1 + nd;
    if (e < len && (det_digit(s[e]) || s[e] == '-' || s[e] == '/' || det_alpha(s[e])))
        return e - 1 - nd;
    return e;
}

/* A dong-ho or block-flat pair after a name ("12-304", "103-1502"): a
 * building of one to three digits (no leading 0), a flat of three or four
 * digits whose last two are 01-30; its end, or 0. */
static size_t flat_pair(const char *s, size_t len, size_t i)
{
    size_t n1 = det_digits(s, len, i), n2, e;
    unsigned f;

    if (n1 == 0 || n1 > 3 || s[i] == '0' || i + n1 >= len || s[i + n1] != '-')
        return 0;
    n2 = det_digits(s, len, i + n1 + 1);
    if (n2 < 3 || n2 > 4)
        return 0;
    f = det_value(s + i + n1 + 1, n2);
    if (f % 100 == 0 || f % 100 > 30 || f / 100 == 0)
        return 0;
    e = i + n1 + 1 + n2;
    if (e < len && (det_alnum(s[e]) || s[e] == '-' || s[e] == '/'))
        return 0;
    /* 호 */
    if (det_starts(s, len, e, "\xed\x98\xb8"))
        /* 호 */
        e += strlen("\xed\x98\xb8");
    return e;
}

/* A named part at i: a prefix word and its name, or a name and a suffix
 * word; its end, *type P_NAME or P_NAMENUM (with a number that makes it
 * an address alone), or 0. */
static size_t named_part(const char *s, size_t len, size_t i, int *type)
{
    size_t e = det_letters_end(s, len, i), j, ne, k;
    int p, nw, nums = 0;

    if (e == i)
        return 0;
    if ((p = prefix_of(s, i, e)) >= 0) {
        j = e;
        j += j < len && s[j] == '.';
        if (j >= len || s[j] != ' ')
            return 0;
        ne = name_words(s, len, j + 1, 3, &nw);
        /* "Flat PPR Kerinchi": a short word in capitals is a name too */
        if (nw == 0)
            return 0;
        k = name_number(s, len, ne);
        *type = k > ne && prefixes[p].street ? P_NAMENUM : P_NAME;
        return k;
    }
    /* a name and its suffix: up to three words (a number among them:
     * "hunnu 2222 хотхон") before a word of suffixes[] */
    j = i;
    for (nw = 0; nw < 4; nw++) {
        if (det_digit(s[j]) && nw > 0 && nums == 0) {
            size_t nd = det_digits(s, len, j);
            if (nd > 5 || j + nd >= len || s[j + nd] != ' ')
                return 0;
            j += nd + 1, nums++;
            continue;
        }
        e = word_end(s, len, j);
        if (e == j)
            return 0;
        /* "сумська вул., 23": a street word's abbreviation with its stop */
        if (nw > 0 && e < len && s[e] == '.' && addr_street_after_word(s, j, e + 1)) {
            *type = P_NAME;
            return e + 1;
        }
        if (nw > 0 && (in_list(s, j, e, suffixes, N(suffixes)) || addr_street_after_word(s, j, e))) {
            /* "industrial area" */
            *type = P_NAME;
            return e;
        }
        if (!name_word(s, j, e) || e + 1 >= len || s[e] != ' ')
            return 0;
        j = e + 1;
    }
    return 0;
}

/* A postcode at i: five digits, no digit, '-', '/' or letter after them. */
static size_t postcode(const char *s, size_t len, size_t i)
{
    size_t nd = det_digits(s, len, i), e = i + nd;

    if (nd != 5 || s[i] == '0')
        return 0;
    if (e < len && (det_alnum(s[e]) || s[e] == '-' || s[e] == '/' || (s[e] == '.' && e + 1 < len && det_digit(s[e + 1]))))
        return 0;
    return e;
}

/* A street's name and its house at i ("гагарина 15"): a word of three
 * letters or more, a space, one to three digits (a letter or "/digits"
 * maybe); its end, or 0. */
static size_t word_number(const char *s, size_t len, size_t i)
{
    size_t e = word_end(s, len, i), nd, j;

    if (e < i + 3 || !name_word(s, i, e) || e + 1 >= len || s[e] != ' ')
        return 0;
    j = e + 1;
    if ((nd = det_digits(s, len, j)) == 0 || nd > 3)
        return 0;
    j += nd;
    if (j + 1 < len && s[j] == '/' && det_digit(s[j + 1]))
        j += 1 + det_digits(s, len, j + 1);
    if (j < len && det_alpha(s[j]) && (j + 1 >= len || !det_alnum(s[j + 1])))
        j++;
    if (j < len && (det_alnum(s[j]) || s[j] == '-' || s[j] == '/'))
        return 0;
    return j;
}

/* The detection of kind address starting at i in d[0..n) (sorted by
 * start), or -1. */
static long found_at(const struct detection *d, size_t n, size_t i)
{
    size_t lo = 0, hi = n, mid;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        if (d[mid].start < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && d[lo].start == i; lo++)
        if (d[lo].kind == DETECT_ADDRESS)
            return (long)lo;
    return -1;
}

/* Korean particles and endings a word before an address does not end
 * with when it is a complex's name ("래미안퍼스티지", "더샵"; "집은" is no
 * name). */
/* 은 는 이 가 을 를 에 의 도 로 */
static const char *const ko_endings[] = { "\xec\x9d\x80", "\xeb\x8a\x94", "\xec\x9d\xb4", "\xea\xb0\x80", "\xec\x9d\x84", "\xeb\xa5\xbc", "\xec\x97\x90", "\xec\x9d\x98", "\xeb\x8f\x84", "\xeb\xa1\x9c",
                                          /* 와 과 서 다 고 면 께 만 요 */
                                          "\xec\x99\x80", "\xea\xb3\xbc", "\xec\x84\x9c", "\xeb\x8b\xa4", "\xea\xb3\xa0", "\xeb\xa9\xb4", "\xea\xbb\x98", "\xeb\xa7\x8c", "\xec\x9a\x94" };

/* Common nouns for a home (아파트 빌라 맨션 우리집 주택). */
static const char *const ko_common[] = { "\xec\x95\x84\xed\x8c\x8c\xed\x8a\xb8", "\xeb\xb9\x8c\xeb\x9d\xbc", "\xeb\xa7\xa8\xec\x85\x98", "\xec\x9a\xb0\xeb\xa6\xac\xec\xa7\x91", "\xec\xa3\xbc\xed\x83\x9d" };

/* A Korean complex's name at i before a building-flat pair or an address
 * found ("e편한세상 103-1502", "래미안퍼스티지 105동 1203호"): a word with
 * Hangul of two syllables or more, no particle at its end; its end (the
 * pair's end when a pair follows), or 0. */
static size_t ko_complex(const char *s, size_t len, size_t i, const struct detection *d, size_t n)
{
    size_t e = det_letters_end(s, len, i), k, hangul = 0, m, fp;
    int cp;

    for (k = i; k < e; k += m)
        if ((cp = det_cp_at(s, len, k, &m)) >= 0xAC00 && cp <= 0xD7A3)
            hangul++;
    if (hangul < 2 || e + 1 >= len || s[e] != ' ' || !det_digit(s[e + 1]))
        return 0;
    /* a common noun alone is no complex's name ("우리 아파트 101동") */
    if (in_list(s, i, e, ko_common, N(ko_common)))
        return 0;
    for (k = 0; k < N(ko_endings); k++) {
        m = strlen(ko_endings[k]);
        if (e - i > m && memcmp(s + e - m, ko_endings[k], m) == 0)
            return 0;
    }
    if ((fp = flat_pair(s, len, e + 1)) != 0)
        return fp;
    /* an address found that starts with a building ("105동 1203호"), not
     * a district's lot ("역삼동 737") or a postcode ("우편번호 06236") */
    fp = e + 1 + det_digits(s, len, e + 1);
    return found_at(d, n, e + 1) >= 0 && det_starts(s, len, fp, "\xeb\x8f\x99") ? e : 0; /* 동 */
}

/* A Russian or Ukrainian street's adjective or genitive before its house
 * ("тверская, дом 5", "ленина, д. 5", "сумська, будинок 5"): a Cyrillic
 * word shaped as a street's name (addr_street_name), then ", " and a
 * house's unit word, or a bare house number, ", " and a unit ("сумской,
 * двенадцать, квартира пять": brief s32 place32); its end, or 0. */
/* дом д будинок буд */
static const char *const ru_house[] = { "\xd0\xb4\xd0\xbe\xd0\xbc", "\xd0\xb4", "будинок", "буд" };

static size_t ru_street(const char *s, size_t len, size_t i)
{
    size_t e = det_letters_end(s, len, i), j, we, h;
    int cls;

    if (!addr_street_name(s, len, i, e, 0) || !name_word(s, i, e) || e + 2 >= len || s[e] != ',' ||
        s[e + 1] != ' ')
        return 0;
    j = e + 2, we = det_letters_end(s, len, j);
    if (in_list(s, j, we, ru_house, N(ru_house)))
        return e;
    if ((h = addr_bare_house(s, len, j)) == 0)
        return 0;
    /* "на сумській, 23": after "на" (the locative of where one lives) a
     * house number that ends the clause is the street's */
    if ((h >= len || s[h] != ',') && i >= 5 && s[i - 1] == ' ' && memcmp(s + i - 5, "на", 4) == 0 &&
        (i == 5 || s[i - 6] == ' ' || s[i - 6] == ','))
        return e;
    if (h + 2 >= len || s[h] != ',' || s[h + 1] != ' ')
        return 0;
    return unit_first(s, len, h + 2, &cls) != 0 ? e : 0;
}

/* After a Russian or Ukrainian house ("в доме 12/4", "у будинку номер
 * дванадцять") its street: " на " and a word shaped as a street's name
 * ("на ленина", "на тверской", "на садовій"); its end, or e. */
static size_t ru_on_street(const char *s, size_t len, size_t e)
{
    size_t j, we;

    /*  на  */
    if (!det_starts(s, len, e, " \xd0\xbd\xd0\xb0 "))
        return e;
    /*  на  */
    j = e + strlen(" \xd0\xbd\xd0\xb0 ");
    we = det_letters_end(s, len, j);
    return addr_street_name(s, len, j, we, 0) ? we : e;
}

/* STREET_WORD if the named part s[a, b) is a street's name and its
 * street word after it ("сумська вулиця", "на сумській вулиці"), else
 * STREET_NONE. */
static int street_with_word(const char *s, size_t len, size_t a, size_t b)
{
    size_t w = b, n;

    while (w > a && s[w - 1] != ' ')
        w--;
    if (w <= a + 1 || !addr_street_after_word(s, w, b))
        return STREET_NONE;
    for (n = w - 1; n > a && s[n - 1] != ' '; n--)
        ;
    return addr_street_name(s, len, n, w - 1, 1) ? STREET_WORD : STREET_NONE;
}

/* The part at i; 0 if none. */
static int part_at(const char *s, size_t len, size_t i, const struct detection *d, size_t n, struct part *p)
{
    long f;
    size_t e;
    int cls = 0, type = 0;

    p->a = i, p->street = STREET_NONE;
    if ((f = found_at(d, n, i)) >= 0) {
        p->b = d[f].end, p->type = P_FOUND, p->cls = -1;
        return 1;
    }
    if ((e = unit_first(s, len, i, &cls)) != 0 || (e = value_first(s, len, i, &cls)) != 0 ||
        (e = glued_part(s, len, i, &cls)) != 0) {
        p->b = e, p->type = P_NUM, p->cls = cls;
        return 1;
    }
    if ((e = postcode(s, len, i)) != 0) {
        p->b = e, p->type = P_POST, p->cls = -1;
        return 1;
    }
    if ((e = ko_complex(s, len, i, d, n)) != 0) {
        p->b = e, p->type = det_digit(s[e - 1]) || !det_alnum(s[e - 1]) ? P_NAMENUM : P_NAME, p->cls = -1;
        if (e + 1 < len && s[e] == ' ' && found_at(d, n, e + 1) >= 0)
            p->type = P_NAME;
        return 1;
    }
    if ((e = ru_street(s, len, i)) != 0) {
        p->b = e, p->type = P_NAME, p->cls = -1, p->street = STREET_BARE;
        return 1;
    }
    if ((e = named_part(s, len, i, &type)) != 0) {
        size_t fp;
        p->b = e, p->type = type, p->cls = -1, p->street = street_with_word(s, len, i, e);
        /* "Sunrise Residence 12-304", "e편한세상 103-1502" */
        if (e + 1 < len && s[e] == ' ' && (fp = flat_pair(s, len, e + 1)) != 0)
            p->b = fp, p->type = P_NAMENUM;
        return 1;
    }
    if ((e = word_number(s, len, i)) != 0) {
        /* the street's name stays, its house goes ("Мира [7/2, кв. 5]":
         * brief s24 addr24) */
        p->a = word_end(s, len, i) + 1;
        p->b = e, p->type = P_WORDNUM, p->cls = -1;
        return 1;
    }
    return 0;
}

/* j past an English article "the " at j ("on the twelfth street"). */
static size_t the_after(const char *s, size_t len, size_t j)
{
    return det_starts(s, len, j, "the ") && j + 4 < len ? j + 4 : j;
}

/* The start of the next part after a part ending at e: through a joiner;
 * *prose set when the joiner is a prose word; 0 if none. */
static size_t joiner(const char *s, size_t len, size_t e, int *prose_word)
{
    size_t j = e, we;

    *prose_word = 0;
    if (j < len && s[j] == '.' && j + 1 < len && s[j + 1] != ' ')
        return 0;
    if (j < len && strchr(",;:-/|", s[j]) != NULL && s[j] != '\0') {
        j++;
        j += j < len && s[j] == ' ';
        /* ", on the twelfth street", ", на двенадцатой улице" */
        we = det_letters_end(s, len, j);
        if (s[j - 1] == ' ' && we > j && in_list(s, j, we, prose, N(prose)) && we + 1 < len && s[we] == ' ') {
            *prose_word = 1;
            return the_after(s, len, we + 1);
        }
        return j < len ? j : 0;
    }
    if (j >= len || s[j] != ' ')
        return 0;
    j++;
    if (j < len && strchr(",;:-/|", s[j]) != NULL && s[j] != '\0' && j + 1 < len && s[j + 1] == ' ')
        return j + 2 < len ? j + 2 : 0;
    we = det_letters_end(s, len, j);
    if (we > j && in_list(s, j, we, prose, N(prose)) && we + 1 < len && s[we] == ' ') {
        *prose_word = 1;
        return the_after(s, len, we + 1);
    }
    return j < len ? j : 0;
}

/* A house number alone at j after a street's name prev ("Сумська
 * вулиця, 23", "на Сумской, двенадцать, квартира пять"): 1 with it in
 * *p, a numbered house, else 0. */
static int bare_house(const char *s, size_t len, size_t j, const struct part *prev, struct part *p)
{
    size_t e;

    if (prev->type != P_NAME || prev->street == STREET_NONE || (e = addr_bare_house(s, len, j)) == 0)
        return 0;
    *p = (struct part){ j, e, P_NUM, C_HOUSE, STREET_NONE };
    return 1;
}

/* 1 if the parts p[0..np) make an address (the rule above). */
static int accept(const struct part *p, size_t np)
{
    unsigned classes = 0, strong = 0, others = 0, names = 0, posts = 0, weak = 0, found = 0;

    for (size_t k = 0; k < np; k++)
        switch (p[k].type) {
        case P_NUM:
            if (p[k].cls == C_WEAK)
                weak++;
            else
                strong++, classes |= 1u << p[k].cls;
            break;
        case P_NAMENUM: strong++, names++; break;
        case P_NAME: names++; break;
        case P_POST: posts++; break;
        case P_FOUND: found++; break;
        default: others++; break;
        }
    if (__builtin_popcount(classes) >= 2)
        return 1;
    /* one numbered part (or one found) and a part of another kind; two of
     * one class are no address ("unit 3 and unit 4", "B5 B12") */
    if (strong + found >= 1 && (weak + names + posts + others >= 1 || (found >= 1 && strong >= 1)))
        return 1;
    if (names >= 1 && (posts >= 1 || weak >= 1))
        return 1;
    return np == 1 && p[0].type == P_NAMENUM;
}

int addr_run_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len)
{
    return addr_run_spans_gated(d, n, cap, s, len, NULL);
}

/* A run starts only where may holds: a run's mark (a digit, a unit word,
 * an address found) follows its start in the same clause (detect_gate.c,
 * from accept() and the parts above: a new part with no mark changes the
 * gate). */
int addr_run_spans_gated(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len,
                         const struct gate_map *may)
{
    struct part p[16];
    size_t i, np, j, last;
    int pw;

    for (i = 0; i < len; i++) {
        /* No part starts inside a character: its continuation bytes (a
         * character cut there is no letter, so starts_clear passed them
         * and each cost a part_at: brief s27 audit27). */
        if (!gate_has(may, i) || ((unsigned char)s[i] & 0xC0) == 0x80 || !addr_starts_clear(s, i) ||
            !(det_alnum(s[i]) || (unsigned char)s[i] >= 0x80))
            continue;
        if (!part_at(s, len, i, *d, *n, &p[0]))
            continue;
        np = 1;
        while (np < N(p) && (j = joiner(s, len, p[np - 1].b, &pw)) != 0 &&
               (part_at(s, len, j, *d, *n, &p[np]) || bare_house(s, len, j, &p[np - 1], &p[np]))) {
            if (pw && !(p[np - 1].type == P_NUM && p[np].type == P_NUM && p[np].cls != C_WEAK &&
                        p[np - 1].cls != C_WEAK))
                break;
            /* a postcode joins a run with a name in it or two parts
             * before it ("Lot 123, Kampung Baru, 88000"), not "House 7,
             * 10000 workers" */
            if (p[np].type == P_POST && np < 2 && p[0].type != P_NAME && p[0].type != P_NAMENUM)
                break;
            np++;
        }
        /* a run's trailing weak words alone stay out ("block 4 for 12
         * hours": no part) */
        last = p[np - 1].b;
        if (np < N(p) && p[np - 1].type == P_NUM && p[np - 1].cls == C_HOUSE && (j = ru_on_street(s, len, last)) > last)
            p[np].a = last, p[np].b = j, p[np].type = P_NAME, p[np].cls = -1, p[np].street = STREET_NONE, last = j, np++;
        if (!accept(p, np))
            continue;
        if (addr_merge(d, n, cap, p[0].a, last) != 0)
            return -1;
        i = last - 1;
    }
    /* a khoroo glued before a building-flat found ("3-[15-42-р тоот]",
     * "3/[15/42 тоот]", "더샵 101-[202호]"): one to four digits and a '-'
     * or '/' right before an address that starts with a digit */
    for (size_t k = 0; k < *n; k++) {
        size_t a = (*d)[k].start, b;
        if ((*d)[k].kind != DETECT_ADDRESS || a < 2 || !det_digit(s[a]) || (s[a - 1] != '-' && s[a - 1] != '/'))
            continue;
        for (b = a - 1; b > 0 && det_digit(s[b - 1]) && a - b <= 5; b--)
            ;
        if (b == a - 1 || a - b > 5 || !addr_starts_clear(s, b) || (k > 0 && (*d)[k - 1].end > b))
            continue;
        (*d)[k].start = b;
    }
    return 0;
}
