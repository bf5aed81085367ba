/* Places by coordinates:
 *   - pairs of coordinates: degrees, minutes, seconds with °, ′ ″ or
 *     ASCII ' " (the norm view writes ′ as ' and ″ as ''), hemisphere
 *     letters before or after ("N47°55′12″ E106°55′03″",
 *     "47°55'12\"N 106°55'3\"E"); decimal degrees with a hemisphere or
 *     ° on both, or with three decimals or more on both ("47.918,
 *     106.917": three decimals is 100 m), latitude within 90 and
 *     longitude within 180 degrees;
 *   - Open Location Codes (Plus Codes): 8 code characters, '+' and 2-3
 *     more ("8Q9JXV00+" excepted), or the short form with 4 or 6 before
 *     the '+' ("8Q9J+XV"), with at least one letter ("2345+67" is a sum),
 *     with the area before it or spaces round the '+' ("8GXV FGC2+QR",
 *     "FGC2 + QR": detect_scan_plus_code);
 *   - the same written as people type them: minutes and seconds with d m s
 *     ("47d55m12s N"), or deg min sec and a hemisphere word ("42 deg 0
 *     min 44 sec north"), or spaces and a hemisphere ("47 55 12 N"), a decimal
 *     comma ("47,918, 106,917"), longitude first ("106.917, 47.918"),
 *     Korean 도 분 초 and hemisphere words (북위 39도 2분 동경 125도 45분,
 *     북위 39.039 동경 125.762), Mongolian hemisphere words (хойд
 *     өргөргийн 47°55′, зүүн уртрагийн 106°55′; a single coordinate with
 *     minutes and such a word: "47°55′ хойд өргөрөг"); labels of the
 *     axes for hemispheres ("Lat: 39°02′20″ Lon: 125°45′45″", 위도 경도,
 *     өргөрөг уртраг, широта долгота: axis_label; as a link's parameters,
 *     "lat=42.0123&lon=129.7654"); ISO 6709
 *     ("+47.918+106.917/"); Russian and Ukrainian hemispheres in words or
 *     abbreviated (с. ш., в. д., пн. ш., сх. д.) and minutes or seconds
 *     with a decimal comma before their mark ("50°27,006′ пн. ш.":
 *     report-adv29c K-12);
 *   - what3words addresses: "///" and three dotted words of any script
 *     ("///index.home.raft"), or spaced as below ("///filled count
 *     soap"); after the label "w3w" see detect_label.c,
 *     where they may be spaced too ("what3words index home raft",
 *     report-adv27a G-13: detect_three_words_spaced, three words of
 *     three letters or more joined by a space or by " . " alike, none a
 *     word of prose after the label; ". " and " ." too, report-adv29c
 *     K-2: "///filled. count. soap").
 * UTM and MGRS references are detect_grid.c's. */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define DEGREE "\xc2\xb0"

struct coord {
    size_t end;
    char hemi;                  /* 'n', 's', 'e', 'w' or 0 */
    int hemi_word;              /* the hemisphere written as a word */
    int comma;                  /* a decimal comma */
    int minutes;                /* minutes written */
    int degree;                 /* written with ° (or minutes) */
    size_t decimals;            /* of the degrees, when decimal */
    unsigned whole;             /* whole degrees */
    int round;                  /* decimals end in "00" */
};

static int hemi_at(const char *s, size_t len, size_t i)
{
    return i < len && strchr("nsew", s[i]) != NULL && s[i] != '\0' && !(i + 1 < len && det_alpha(s[i + 1]));
}

/* A Russian or Ukrainian hemisphere in words at i: an adjective
 * северн-, южн-, восточн-, западн- (Ukrainian північн-, південн-,
 * східн-, західн-) with its ending, a space and широт-/долгот-/довгот-
 * with theirs ("северной широты", "восточная долгота": report-adv17a
 * D-9; "північної широти", "східної довготи": report-adv29c K-12); its
 * letter with the end in *end, 0 if none. */
static char ru_hemi(const char *s, size_t len, size_t i, size_t *end)
{
    static const struct {
        const char *stem;
        char hemi;
    } adj[] = {
        { "\xd1\x81\xd0\xb5\xd0\xb2\xd0\xb5\xd1\x80\xd0\xbd", 'n' },                 /* северн */
        { "\xd1\x8e\xd0\xb6\xd0\xbd", 's' },                                             /* южн */
        { "\xd0\xb2\xd0\xbe\xd1\x81\xd1\x82\xd0\xbe\xd1\x87\xd0\xbd", 'e' },       /* восточн */
        { "\xd0\xb7\xd0\xb0\xd0\xbf\xd0\xb0\xd0\xb4\xd0\xbd", 'w' },                 /* западн */
        { "\xd0\xbf\xd1\x96\xd0\xb2\xd0\xbd\xd1\x96\xd1\x87\xd0\xbd", 'n' },     /* північн */
        { "\xd0\xbf\xd1\x96\xd0\xb2\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xbd", 's' },     /* південн */
        { "\xd1\x81\xd1\x85\xd1\x96\xd0\xb4\xd0\xbd", 'e' },                         /* східн */
        { "\xd0\xb7\xd0\xb0\xd1\x85\xd1\x96\xd0\xb4\xd0\xbd", 'w' },               /* західн */
    };
    size_t k, n;

    for (k = 0; k < sizeof adj / sizeof adj[0]; k++) {
        if (!det_starts(s, len, i, adj[k].stem))
            continue;
        n = detect_letters(s, len, i + strlen(adj[k].stem));
        if (n >= len || s[n] != ' ')
            return 0;
        n++;
        if (adj[k].hemi == 'n' || adj[k].hemi == 's' ?
                !det_starts(s, len, n, "\xd1\x88\xd0\xb8\xd1\x80\xd0\xbe\xd1\x82") :     /* широт */
                !det_starts(s, len, n, "\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xb3\xd0\xbe\xd1\x82") && /* долгот */
                    !det_starts(s, len, n, "\xd0\xb4\xd0\xbe\xd0\xb2\xd0\xb3\xd0\xbe\xd1\x82")) /* довгот */
            return 0;
        *end = detect_letters(s, len, n);
        return adj[k].hemi;
    }
    return 0;
}

/* A hemisphere written as words at i: 북위 남위 동경 서경, or Mongolian
 * хойд/өмнөд (north/south) and зүүн/баруун (east/west) before a word of
 * latitude or longitude (өргөрөг, уртраг and their endings).  Its
 * letter, with the end of the words in *end; 0 if none. */
static char hemi_word(const char *s, size_t len, size_t i, size_t *end)
{
    static const struct {
        const char *w;
        char hemi;
        int mn;                 /* 1 a Mongolian word: needs its noun after; 2 Chinese
                                 * (a letter may come before); 3 a Russian abbreviation */
    } words[] = {
        { "\xeb\xb6\x81\xec\x9c\x84", 'n', 0 }, { "\xeb\x82\xa8\xec\x9c\x84", 's', 0 },
        { "\xeb\x8f\x99\xea\xb2\xbd", 'e', 0 }, { "\xec\x84\x9c\xea\xb2\xbd", 'w', 0 },
        { "\xd1\x85\xd0\xbe\xd0\xb9\xd0\xb4 \xd3\xa9\xd1\x80\xd0\xb3\xd3\xa9\xd1\x80", 'n', 1 },
        { "\xd3\xa9\xd0\xbc\xd0\xbd\xd3\xa9\xd0\xb4 \xd3\xa9\xd1\x80\xd0\xb3\xd3\xa9\xd1\x80", 's', 1 },
        { "\xd0\xb7\xd2\xaf\xd2\xaf\xd0\xbd \xd1\x83\xd1\x80\xd1\x82\xd1\x80\xd0\xb0\xd0\xb3", 'e', 1 },
        { "\xd0\xb1\xd0\xb0\xd1\x80\xd1\x83\xd1\x83\xd0\xbd \xd1\x83\xd1\x80\xd1\x82\xd1\x80\xd0\xb0\xd0\xb3", 'w', 1 },
        /* Chinese and Japanese: 北纬 南纬 东经 西经, traditional 北緯 東經, Japanese 東経 */
        { "\xe5\x8c\x97\xe7\xba\xac", 'n', 2 },
        { "\xe5\x8d\x97\xe7\xba\xac", 's', 2 },
        { "\xe4\xb8\x9c\xe7\xbb\x8f", 'e', 2 },
        { "\xe8\xa5\xbf\xe7\xbb\x8f", 'w', 2 },
        { "\xe5\x8c\x97\xe7\xb7\xaf", 'n', 2 },
        { "\xe5\x8d\x97\xe7\xb7\xaf", 's', 2 },
        { "\xe6\x9d\xb1\xe7\xb6\x93", 'e', 2 },
        { "\xe8\xa5\xbf\xe7\xb6\x93", 'w', 2 },
        { "\xe6\x9d\xb1\xe7\xb5\x8c", 'e', 2 },
        { "\xe8\xa5\xbf\xe7\xb5\x8c", 'w', 2 },
        /* Russian abbreviations: с.ш. ю.ш. в.д. з.д. (the words: ru_hemi) */
        { "\xd1\x81\x2e\xd1\x88\x2e", 'n', 3 },
        { "\xd1\x81\x2e\x20\xd1\x88\x2e", 'n', 3 },
        { "\xd1\x8e\x2e\xd1\x88\x2e", 's', 3 },
        { "\xd1\x8e\x2e\x20\xd1\x88\x2e", 's', 3 },
        { "\xd0\xb2\x2e\xd0\xb4\x2e", 'e', 3 },
        { "\xd0\xb2\x2e\x20\xd0\xb4\x2e", 'e', 3 },
        { "\xd0\xb7\x2e\xd0\xb4\x2e", 'w', 3 },
        { "\xd0\xb7\x2e\x20\xd0\xb4\x2e", 'w', 3 },
        /* Ukrainian: пн. ш., пд. ш., сх. д., зх. д. (report-adv29c K-12) */
        { "\xd0\xbf\xd0\xbd\x2e\x20\xd1\x88\x2e", 'n', 3 },
        { "\xd0\xbf\xd0\xbd\x2e\xd1\x88\x2e", 'n', 3 },
        { "\xd0\xbf\xd0\xb4\x2e\x20\xd1\x88\x2e", 's', 3 },
        { "\xd0\xbf\xd0\xb4\x2e\xd1\x88\x2e", 's', 3 },
        { "\xd1\x81\xd1\x85\x2e\x20\xd0\xb4\x2e", 'e', 3 },
        { "\xd1\x81\xd1\x85\x2e\xd0\xb4\x2e", 'e', 3 },
        { "\xd0\xb7\xd1\x85\x2e\x20\xd0\xb4\x2e", 'w', 3 },
        { "\xd0\xb7\xd1\x85\x2e\xd0\xb4\x2e", 'w', 3 },
    };
    size_t k, n, cl;
    int cp, before;
    char h;

    if (i >= len || (unsigned char)s[i] < 0x80)
        return 0;
    before = det_letter_before(s, i);
    if (!before && (h = ru_hemi(s, len, i, end)) != 0)
        return h;
    for (k = 0; k < sizeof words / sizeof words[0]; k++) {
        /* Chinese writes no space before them ("他在北纬47度"). */
        if ((before && words[k].mn != 2) || !det_starts(s, len, i, words[k].w))
            continue;
        n = i + strlen(words[k].w);
        if (words[k].mn)                    /* өргөр(өг, гийн), уртраг(ийн) */
            while ((cp = det_cp_at(s, len, n, &cl)) >= 0 && is_word_cp(cp) && !(cp >= '0' && cp <= '9'))
                n += cl;
        else if (det_letter_at(s, len, n) && !det_digit(s[n]))
            continue;                       /* 북위39.039 is glued */
        *end = n;
        return words[k].hemi;
    }
    return 0;
}

/* A label of latitude or longitude at i, with no hemisphere in it: "lat",
 * "latitude", "lon", "lng", "long", "longitude", 위도, 경도, широта,
 * долгота, Mongolian өргөрөг and уртраг (with their endings), then an
 * optional ':' or '=' and a space (report-adv12c H69: "Lat: 39°02′20″
 * Lon: 125°45′45″").  'n' for latitude and 'e' for longitude (the sign
 * stays unknown: only the axis is used), with its end in *end; 0 if none. */
static char axis_label(const char *s, size_t len, size_t i, size_t *end)
{
    static const struct {
        const char *w;
        char axis;
        int stem;               /* endings may follow (Mongolian, Russian) */
    } words[] = {
        { "latitude", 'n', 0 }, { "lat", 'n', 0 }, { "longitude", 'e', 0 }, { "long", 'e', 0 },
        { "lon", 'e', 0 }, { "lng", 'e', 0 },
        { "\xec\x9c\x84\xeb\x8f\x84", 'n', 0 }, { "\xea\xb2\xbd\xeb\x8f\x84", 'e', 0 }, /* 위도 경도 */
        { "\xd1\x88\xd0\xb8\xd1\x80\xd0\xbe\xd1\x82", 'n', 1 },                            /* широт */
        { "\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xb3\xd0\xbe\xd1\x82", 'e', 1 },                    /* долгот */
        { "\xd3\xa9\xd1\x80\xd0\xb3\xd3\xa9\xd1\x80", 'n', 1 },                            /* өргөр */
        { "\xd1\x83\xd1\x80\xd1\x82\xd1\x80\xd0\xb0\xd0\xb3", 'e', 1 },                    /* уртраг */
    };
    size_t k, n, cl;
    int cp;
    unsigned char b;

    if (i >= len)
        return 0;
    /* The first bytes of the words (l, 위 경, ш у, д, ө): most places of
     * a text start none, and the scan asks up to 24 places before each
     * number (axis_label_before). */
    b = (unsigned char)s[i];
    if ((b != 'l' && b != 0xEC && b != 0xEA && b != 0xD1 && b != 0xD0 && b != 0xD3) ||
        det_letter_before(s, i))
        return 0;
    for (k = 0; k < sizeof words / sizeof words[0]; k++) {
        if (!det_starts(s, len, i, words[k].w))
            continue;
        n = i + strlen(words[k].w);
        if (words[k].stem)
            while ((cp = det_cp_at(s, len, n, &cl)) >= 0 && is_word_cp(cp) && !(cp >= '0' && cp <= '9'))
                n += cl;
        else if (det_letter_at(s, len, n) && !det_digit(s[n]))
            continue;
        if (n < len && (s[n] == ':' || s[n] == '=' || s[n] == '.'))
            n++;
        if (n < len && s[n] == ' ')
            n++;
        *end = n;
        return words[k].axis;
    }
    return 0;
}

/* An axis label (above) ending right at at. */
static char axis_label_before(const char *s, size_t len, size_t at)
{
    size_t i = at > 24 ? at - 24 : 0, e;
    char h;

    for (; i < at; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && (h = axis_label(s, len, i, &e)) != 0 && e == at)
            return h;
    return 0;
}

/* A hemisphere word ending right before at (a space between allowed). */
static char hemi_word_before(const char *s, size_t len, size_t at)
{
    size_t i = at > 40 ? at - 40 : 0, e;
    char h;

    for (; i < at; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && (h = hemi_word(s, len, i, &e)) != 0 &&
            (e == at || (e + 1 == at && s[e] == ' ')))
            return h;
    return 0;
}

/* 1 if a hemisphere letter stands at i, or after a space there. */
static int hemi_after(const char *s, size_t len, size_t i)
{
    i += i < len && s[i] == ' ';
    return hemi_at(s, len, i) && det_ends_word(s, len, i + 1);
}

/* 1 if a degree sign and a hemisphere, a letter or words, stand at i
 * ("° N", "° пн. ш.": "20,5°, 21,3°" may be temperatures). */
static int degree_hemi_after(const char *s, size_t len, size_t i)
{
    size_t e;

    if (!det_starts(s, len, i, DEGREE))
        return 0;
    i += 2;
    return hemi_after(s, len, i) || hemi_word(s, len, i < len && s[i] == ' ' ? i + 1 : i, &e) != 0;
}

/* A number with optional decimals at i (a decimal comma when comma is
 * not NULL and three decimals or more follow it); its end, or 0. */
static size_t number(const char *s, size_t len, size_t i, size_t maxdig, size_t *decimals, int *comma)
{
    size_t n = det_digits(s, len, i), c;

    *decimals = 0;
    if (n == 0 || n > maxdig)
        return 0;
    i += n;
    if (i + 1 < len && s[i] == '.' && det_digit(s[i + 1])) {
        *decimals = det_digits(s, len, i + 1);
        i += 1 + *decimals;
    } else if (det_starts(s, len, i, " point ") && i + 7 < len && det_digit(s[i + 7])) {
        /* "47 point 918": the point said between digits (report-adv19b
         * B-24; brief s21 addr21). */
        *decimals = det_digits(s, len, i + 7);
        i += 7 + *decimals;
    } else if (comma != NULL && i + 1 < len && s[i] == ',' && (c = det_digits(s, len, i + 1)) >= 1 &&
               (c >= 3 || hemi_after(s, len, i + 1 + c) || degree_hemi_after(s, len, i + 1 + c))) {
        /* "47,918", or "47,92 N" (a hemisphere says it is no list:
         * report-adv17a D-35), or "50,45° пн. ш." (report-adv29c K-12). */
        *decimals = c, *comma = 1;
        i += 1 + c;
    }
    return i;
}

/* A mark of degrees, minutes or seconds at i: one of the strings of
 * marks[] (a letter, d m s, not before another letter); its length or 0. */
static size_t mark_at(const char *s, size_t len, size_t i, const char *const *marks, size_t n)
{
    size_t k, m;

    for (k = 0; k < n; k++) {
        m = strlen(marks[k]);
        if (det_starts(s, len, i, marks[k]) &&
            (!det_alpha(marks[k][m - 1]) || !(i + m < len && det_alpha(s[i + m]))))
            return m;
    }
    return 0;
}

/* Minutes or seconds at i: up to two digits with optional decimals, a
 * decimal point or a decimal comma ("27,006′", "4,4″": the mark after
 * says it is no list, report-adv29c K-12), then a mark of marks[]; the
 * end of the number with the mark's length in *m, or 0. */
static size_t unit_number(const char *s, size_t len, size_t i, const char *const *marks, size_t n, size_t *m)
{
    size_t d, c, e = number(s, len, i, 2, &d, NULL);

    if (e == 0)
        return 0;
    if ((*m = mark_at(s, len, e, marks, n)) != 0)
        return e;
    if (d == 0 && e + 1 < len && s[e] == ',' && (c = det_digits(s, len, e + 1)) >= 1 &&
        (*m = mark_at(s, len, e + 1 + c, marks, n)) != 0)
        return e + 1 + c;
    return 0;
}

/* One coordinate at i: [H] [-]D[.d][° 도 d] [M[.m](' 분 m) [S[.s]('' " 초 s)]]
 * [H], or D M [S] H with spaces; H a letter or a hemisphere word. */
static struct coord coordinate(const char *s, size_t len, size_t i, char preset)
{
    /* The words after a space (report-adv12 A-24: "42 deg 0 min 44 sec
     * north"), longest first. */
    /* Chinese 度 分 秒 and Russian градус(ов) минут(ы) секунд(ы) (report-adv17a D-9). */
    static const char *const deg[] = { DEGREE, "\xeb\x8f\x84", "\xe5\xba\xa6", "\x20\xd0\xb3\xd1\x80\xd0\xb0\xd0\xb4\xd1\x83\xd1\x81\xd0\xbe\xd0\xb2", "\x20\xd0\xb3\xd1\x80\xd0\xb0\xd0\xb4\xd1\x83\xd1\x81\xd0\xb0", "\x20\xd0\xb3\xd1\x80\xd0\xb0\xd0\xb4\xd1\x83\xd1\x81", " degrees", " degree", " deg", "d" };
    static const char *const min[] = { "'", "\xeb\xb6\x84", "\xe5\x88\x86", "\x20\xd0\xbc\xd0\xb8\xd0\xbd\xd1\x83\xd1\x82\xd1\x8b", "\x20\xd0\xbc\xd0\xb8\xd0\xbd\xd1\x83\xd1\x82\xd0\xb0", "\x20\xd0\xbc\xd0\xb8\xd0\xbd\xd1\x83\xd1\x82", " minutes", " minute", " min", "m" };
    static const char *const sec[] = { "''", "\"", "\xec\xb4\x88", "\xe7\xa7\x92", "\x20\xd1\x81\xd0\xb5\xd0\xba\xd1\x83\xd0\xbd\xd0\xb4\xd1\x8b", "\x20\xd1\x81\xd0\xb5\xd0\xba\xd1\x83\xd0\xbd\xd0\xb4\xd0\xb0", "\x20\xd1\x81\xd0\xb5\xd0\xba\xd1\x83\xd0\xbd\xd0\xb4", " seconds", " second", " sec", "s" };
    static const char *const hemis[] = { "north", "south", "east", "west" };
    struct coord c = { 0, 0, 0, 0, 0, 0, 0, 0, 0 };
    size_t e, d, m, j;
    char h;

    if (preset)
        c.hemi = preset, c.hemi_word = 1;
    else if (hemi_at(s, len, i) && i + 1 < len && (det_digit(s[i + 1]) || s[i + 1] == ' ')) {
        c.hemi = s[i];
        i += 1 + (size_t)(s[i + 1] == ' ');
    }
    if (i < len && s[i] == '-' && !c.hemi)
        i++;
    if ((e = number(s, len, i, 3, &c.decimals, &c.comma)) == 0)
        return c;
    c.whole = det_value(s + i, det_digits(s, len, i));
    c.round = c.decimals == 3 && s[e - 1] == '0' && s[e - 2] == '0';
    i = e;
    if ((m = mark_at(s, len, i, deg, sizeof deg / sizeof deg[0])) != 0 && (m != 1 || s[i] != 'd' || (i + 1 < len && det_digit(s[i + 1])))) {
        c.degree = 1;
        i += m;
        if ((e = unit_number(s, len, i == len || s[i] != ' ' ? i : i + 1, min, sizeof min / sizeof min[0], &m)) != 0) {
            i = e + m, c.minutes = 1;
            if ((e = unit_number(s, len, i == len || s[i] != ' ' ? i : i + 1, sec, sizeof sec / sizeof sec[0], &m)) != 0)
                i = e + m;
        }
    } else if (c.decimals == 0 && i + 3 < len && (s[i] == ' ' || s[i] == '-') &&
               det_digits(s, len, i + 1) == 2 && (j = number(s, len, i + 1, 2, &d, NULL)) != 0) {
        /* 47 55 12 N, 47 55.2 N, 47 55.2N, 47-55.2N: minutes (decimal
         * minutes, or minutes and seconds) by spaces or a dash, a
         * hemisphere after, with a space or none (report-adv15 R-6,
         * report-adv17a D-9). */
        if (d == 0 && j + 3 < len && s[j] == s[i] && det_digits(s, len, j + 1) == 2 &&
            (e = number(s, len, j + 1, 2, &d, NULL)) != 0)
            j = e;
        if (c.hemi) {
            /* N47 55.148 E106 55.052: a GPS unit's degrees and decimal
             * minutes (or minutes and seconds) after the hemisphere's
             * letter (report-adv53 L-17); the pair still needs both
             * letters, one of each axis. */
            if (c.hemi_word == 0 && det_ends_number(s, len, j))
                c.degree = 1, c.minutes = 1, i = j;
        } else if (j + 1 < len && s[j] == ' ' && hemi_at(s, len, j + 1) && det_ends_word(s, len, j + 2))
            c.degree = 1, i = j;
        else if (j < len && hemi_at(s, len, j) && det_ends_word(s, len, j + 1))
            c.degree = 1, c.minutes = 1, i = j;
    }
    c.end = i;
    e = i < len && s[i] == ' ' ? i + 1 : i;
    if (!c.hemi && hemi_at(s, len, e) && det_ends_word(s, len, e + 1))
        c.hemi = s[e], c.end = e + 1;
    else if (!c.hemi && (h = hemi_word(s, len, e, &j)) != 0)
        c.hemi = h, c.hemi_word = 1, c.end = j;                    /* 47°55′ хойд өргөрөг */
    else if (!c.hemi && c.degree)
        for (j = 0; j < sizeof hemis / sizeof hemis[0]; j++)
            if (det_word_at(s, len, e, hemis[j], FIT_WORD)) {
                c.hemi = hemis[j][0], c.hemi_word = 1, c.end = e + strlen(hemis[j]);
                break;
            }
    return c;
}

static int latitude(char h) { return h == 'n' || h == 's'; }

/* Words that say a place follows: a pair with decimal commas ("47,918,
 * 106,917") is also a list of amounts with thousands separators, so it
 * needs one within 32 bytes before it, unless both have four decimals or
 * more: thousands come in groups of three, so "48,4647 35,0462" is no
 * list of amounts, and a pair of such numbers within latitude's and
 * longitude's ranges is read as a position after any word (report-adv30
 * L-13: "Нас держали тут: 48,4647 35,0462"; prices and measures "3,50
 * 2,75" have one or two decimals and stay). */
static const struct det_word place_words[] = {
    DW("at", FIT_WORD), DW("in", FIT_WORD), DW("near", FIT_WORD), DW("location", FIT_PREFIX),
    DW("coordinates", FIT_WORD), DW("gps", FIT_WORD), DW("position", FIT_WORD),
    /* short forms (report-adv28a I-7: "loc 47,918; 106,917") */
    DW("loc", FIT_WORD), DW("coords", FIT_WORD), DW("coord", FIT_WORD), DW("geo", FIT_WORD),
    DW("pos", FIT_WORD), DW("latlng", FIT_WORD), DW("latlon", FIT_WORD),
    DW("\xd0\xbc\xd1\x96\xd1\x81\xd1\x86\xd0\xb5\xd0\xb7\xd0\xbd\xd0\xb0\xd1\x85\xd0\xbe\xd0\xb4\xd0\xb6", FIT_PREFIX), /* місцезнаходж(ення) */
    DW("\xd0\xbc\xd0\xb5\xd1\x81\xd1\x82\xd0\xbe\xd0\xbd\xd0\xb0\xd1\x85\xd0\xbe\xd0\xb6\xd0\xb4", FIT_PREFIX), /* местонахожд(ение) */
    DW("\xd0\xbc\xd0\xb5\xd1\x81\xd1\x82\xd0\xbe\xd0\xbf\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xb6\xd0\xb5\xd0\xbd", FIT_PREFIX), /* местоположен(ие) */
    DW("\xec\x9c\x84\xec\xb9\x98", FIT_PREFIX),                            /* 위치 */
    DW("\xec\xa2\x8c\xed\x91\x9c", FIT_PREFIX),                            /* 좌표 */
    DW("\xd0\xb1\xd0\xb0\xd0\xb9\xd1\x80\xd1\x88\xd0\xb8\xd0\xbb", FIT_PREFIX),  /* байршил */
    DW("\xd0\xba\xd0\xbe\xd0\xbe\xd1\x80\xd0\xb4\xd0\xb8\xd0\xbd\xd0\xb0\xd1\x82", FIT_PREFIX), /* координат */
};

/* The start of the window of back bytes before at, not before the
 * sentence of at ("loc 47,918; 106,917. Sold 12,500; 30,250 units": the
 * second pair has no place word). */
static size_t sentence_from(const char *s, size_t at, size_t back)
{
    size_t from = at > back ? at - back : 0, i;

    for (i = at; i > from + 1; i--)
        if (s[i - 1] == ' ' && (s[i - 2] == '.' || s[i - 2] == '!' || s[i - 2] == '?'))
            return i;
    return from;
}

/* ISO 6709 in decimal degrees: ±DD.d±DDD.d[±alt][/] ("+47.918+106.917/"),
 * with the solidus or two decimals or more on both. */
static size_t iso6709(const char *s, size_t len, size_t at)
{
    size_t i = at, e, d1, d2, a, b;

    if (s[i] != '+' && s[i] != '-')
        return 0;
    if ((e = number(s, len, i + 1, 2, &d1, NULL)) == 0 || (a = det_digits(s, len, i + 1)) != 2 ||
        e >= len || (s[e] != '+' && s[e] != '-'))
        return 0;
    i = e;
    if ((e = number(s, len, i + 1, 3, &d2, NULL)) == 0 || (b = det_digits(s, len, i + 1)) != 3)
        return 0;
    if (e < len && (s[e] == '+' || s[e] == '-') && det_digits(s, len, e + 1) > 0)
        e = number(s, len, e + 1, 5, &a, NULL);
    if (e < len && s[e] == '/')
        return e + 1;
    return d1 >= 2 && d2 >= 2 && det_ends_word(s, len, e) ? e : 0;
}

/* A map link's centre written without its link: "@47.92,106.91,15z"
 * (the part of a map URL after '@': latitude, longitude and a zoom 15z,
 * an altitude 500m or an area 3a) or a geo URI "geo:47.92,106.91"
 * (RFC 5870), with a decimal or more on both; its end, or 0 (report-adv15
 * "@47.92" was read as a handle and the longitude kept). */
static size_t map_centre(const char *s, size_t len, size_t at)
{
    size_t i, e, d1, d2, k;
    unsigned lat, lon;

    if (s[at] == '@')
        i = at + 1;
    else if (det_starts(s, len, at, "geo:") && !det_letter_before(s, at))
        i = at + 4;
    else
        return 0;
    i += i < len && s[i] == '-';
    if ((e = number(s, len, i, 2, &d1, NULL)) == 0 || d1 == 0 || e + 1 >= len || s[e] != ',')
        return 0;
    lat = det_value(s + i, det_digits(s, len, i));
    i = e + 1;
    i += i < len && s[i] == '-';
    if ((e = number(s, len, i, 3, &d2, NULL)) == 0 || d2 == 0)
        return 0;
    lon = det_value(s + i, det_digits(s, len, i));
    if (lat > 90 || lon > 180)
        return 0;
    /* ",15z", ",15.5z", ",500m", ",3a": the view, part of the link. */
    if (e + 1 < len && s[e] == ',' && (i = number(s, len, e + 1, 6, &k, NULL)) != 0 && i < len &&
        strchr("zma", s[i]) != NULL && s[i] != '\0' && det_ends_word(s, len, i + 1))
        return i + 1;
    /* Alone it needs two decimals on both ("@1.5,2.5" is a price). */
    return det_ends_word(s, len, e) && (s[at] != '@' || (d1 >= 2 && d2 >= 2)) ? e : 0;
}

size_t detect_scan_gps(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    struct coord a, b;
    size_t i, e;
    int ok, axes = 0;           /* bit 1, 2: a's, b's hemisphere came from a label of its axis */
    int times = 0;              /* "lat x lon" */
    char h = 0;

    (void)kind;
    if ((e = iso6709(s, len, at)) != 0 || (e = map_centre(s, len, at)) != 0 ||
        (e = detect_nmea(s, len, at, start)) != 0)
        return e;
    /* 북위 39도: a hemisphere word before (only non-ASCII text is looked at). */
    if (at > 1 && ((unsigned char)s[at - 1] >= 0x80 || (s[at - 1] == ' ' && (unsigned char)s[at - 2] >= 0x80)))
        h = hemi_word_before(s, len, at);
    /* Lat: 39°02′20″ Lon: 125°45′45″: the labels stand for hemispheres. */
    if (h == 0 && at > 2 && (s[at - 1] == ' ' || s[at - 1] == ':' || s[at - 1] == '=' ||
                             (unsigned char)s[at - 1] >= 0x80 || det_alpha(s[at - 1])))
        axes = (h = axis_label_before(s, len, at)) != 0;
    a = coordinate(s, len, at, h);
    if ((i = a.end) == 0)
        return 0;
    h = 0;
    /* '&' between the parameters of a link ("lat=42.0123&lon=129.7654":
     * report-adv12 A-24). */
    /* " / " and " x " between them too ("47,92 N / 106,92 E", "47.9200 x
     * 106.9175", "47.92x106.92", 47.92×106.92: report-adv17a D-35). */
    if (i + 1 < len && s[i] == ' ' && (s[i + 1] == '/' || s[i + 1] == ';' || s[i + 1] == 'x') &&
        (i + 2 >= len || s[i + 2] == ' '))
        i++;
    if (i < len && (s[i] == ',' || s[i] == ';' || s[i] == '/' || s[i] == '&'))
        i++;
    else if (det_starts(s, len, i, " and ") && memmem(s + at, a.end - at, " point ", 7) != NULL)
        i += 4;                 /* 47 point 918 and 106 point 917 */
    else if (i < len && s[i] == 'x' && i + 1 < len && (s[i + 1] == ' ' || det_digit(s[i + 1])))
        i++, times = 1;
    else if (det_starts(s, len, i, "\xc3\x97"))                   /* × */
        i += 2, times = 1;
    else if ((e = detect_geo_join(s, len, i)) != 0)               /* 47.918 and 106.917 */
        i = e - (s[e - 1] == ' ' ? 1 : 0);
    if (i < len && s[i] == ' ')
        i++;
    if ((h = hemi_word(s, len, i, &e)) != 0)                       /* 동경 125도 */
        i = e < len && s[e] == ' ' ? e + 1 : e;
    else if ((h = axis_label(s, len, i, &e)) != 0)                 /* Lon: 125°45′ */
        i = e, axes |= 2;
    if (i == a.end && !(a.hemi && i < len && hemi_at(s, len, i)))
        return a.hemi_word && a.minutes ? a.end : 0;
    b = coordinate(s, len, i, h);
    if (b.end == 0 || !det_ends_word(s, len, b.end))    /* one, with minutes and a hemisphere word */
        return a.hemi_word && a.minutes ? a.end : 0;
    if (a.hemi && b.hemi)
        ok = latitude(a.hemi) != latitude(b.hemi) &&
             (!axes || ((a.minutes || a.decimals >= 2) && (b.minutes || b.decimals >= 2)));
    else if ((a.hemi && a.hemi_word) || (b.hemi && b.hemi_word))
        /* 북위 47.918, 106.917: one axis said, the other after it (the
         * spoken "북위 사칠 점 구일팔, 동경 ..." reads so: brief s21
         * addr21). */
        ok = (a.minutes || a.decimals >= 2) && (b.minutes || b.decimals >= 2);
    else if (a.hemi || b.hemi)
        ok = 0;
    else if (a.degree && b.degree)
        ok = a.end - at > 4 && (a.decimals > 0 || s[a.end - 1] == '\'' || s[a.end - 1] == '"');
    else if (times)             /* not a size: four figures on both ("2.50 x 1.20") */
        ok = a.decimals >= 2 && b.decimals >= 2 && a.end - at >= 5 && b.end - i >= 5 &&
             !(s[a.end - 1] == '0' && s[b.end - 1] == '0');
    else
        ok = a.decimals >= 3 && b.decimals >= 3 && !(a.round && b.round) && a.comma == b.comma &&
             (!a.comma || ((s[a.end] == ',' || s[a.end] == ';' || s[a.end] == ' ') &&
                           ((a.decimals >= 4 && b.decimals >= 4) ||
                            det_word_near(s, len, sentence_from(s, at, 32), at, place_words,
                                          sizeof place_words / sizeof place_words[0]))));
    if ((a.hemi && b.hemi && latitude(b.hemi)) || (a.hemi && !b.hemi && !latitude(a.hemi)) ||
        (!a.hemi && b.hemi && latitude(b.hemi)))
        ok = ok && b.whole <= 90 && a.whole <= 180;
    else if (!a.hemi && !b.hemi && a.whole > 90)
        ok = ok && b.whole <= 90 && a.whole <= 180;                 /* longitude first */
    else
        ok = ok && a.whole <= 90 && b.whole <= 180;
    return ok ? b.end : 0;
}

/* Open Location Code's alphabet, 20 characters, lower case as in the
 * norm view (the specification: github.com/google/open-location-code,
 * docs/specification.md, "Encoding"). */
static const char olc_alphabet[] = "23456789cfghjmpqrvwx";

/* The length of a run of Open Location Code characters at i; in
 * *letters and *digits how many are letters and digits. */
static size_t olc_run(const char *s, size_t len, size_t i, size_t *letters, size_t *digits)
{
    size_t j = i;

    *letters = *digits = 0;
    while (j < len && s[j] != '\0' && strchr(olc_alphabet, s[j]) != NULL)
        *letters += (size_t)det_alpha(s[j]), *digits += (size_t)det_digit(s[j]), j++;
    return j - i;
}

/* A Plus Code at at (the specification above): 8 code characters, '+'
 * and 2-3 more, or a short code of 4 or 6 before the '+', with a letter
 * somewhere ("2345+67" is a sum).  People write them too (report-adv30
 * L-16):
 *   - with the area before a short code, as Google Maps shows a full
 *     code split: "8GXV FGC2+QR" (4 characters, the first two within the
 *     code's first pair: latitude 2-9 or C, longitude any of the first 18);
 *   - with spaces round the '+': "FGC2 + QR", when the part before it
 *     has both a letter and a digit ("CF22 + 33" too, "ab + cd" not:
 *     neither is in the alphabet; "2024 + VW" not: no letter before). */
size_t detect_scan_plus_code(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t i, n, m, l1, d1, l2, d2, p;
    int spaced = 0;

    (void)start, (void)kind;
    if (det_letter_before(s, at) || (at > 0 && det_digit(s[at - 1])))
        return 0;
    n = olc_run(s, len, at, &l1, &d1);
    i = at + n;
    /* "8gxv fgc2+qr": the area prefix, then the short code. */
    if (n == 4 && i + 1 < len && s[i] == ' ' && strchr("23456789c", s[at]) != NULL &&
        strchr("23456789cfghjmpqrv", s[at + 1]) != NULL && olc_run(s, len, i + 1, &l2, &d2) == 4 &&
        (p = detect_scan_plus_code(s, len, i + 1, start, kind)) != 0)
        return p;
    if (n != 4 && n != 6 && n != 8)
        return 0;
    if (det_starts(s, len, i, " + "))
        i += 3, spaced = 1;
    else if (det_starts(s, len, i, "+ ") || det_starts(s, len, i, " +"))
        i += 2, spaced = 1;        /* "8Q7X+ FQ" (report-adv32 L-16) */
    else if (i < len && s[i] == '+')
        i++;
    else
        return 0;
    m = olc_run(s, len, i, &l2, &d2);
    if (spaced && (l1 == 0 || d1 == 0))
        return 0;
    i += m;
    return m >= 2 && m <= 3 && l1 + l2 > 0 && det_ends_word(s, len, i) ? i : 0;
}

size_t detect_plus_code_spaced(const char *s, size_t len, size_t at)
{
    size_t n, m, l1, d1, l2, d2, i;

    n = olc_run(s, len, at, &l1, &d1);
    i = at + n;
    /* a space, or a hyphen or dot in its place after the label
     * ("Плюс-код: 8Q7X‑FQ", "plus code: 8Q7X.FQ": report-adv32 L-16) */
    if ((n != 4 && n != 6 && n != 8) || d1 == 0 || i + 1 >= len || (s[i] != ' ' && s[i] != '-' && s[i] != '.'))
        return 0;
    m = olc_run(s, len, i + 1, &l2, &d2);
    i += 1 + m;
    return m >= 2 && m <= 3 && l1 + l2 > 0 && det_ends_word(s, len, i) ? i : 0;
}

/* Words that follow "what3words" in prose, not an address ("what3words
 * is an app", "w3w for the gate").  "app" is a word, not a prefix: as a
 * prefix it took what3words' own words ("what3words: apple · river ·
 * stone", report-adv33 L-20). */
static const struct det_word w3w_prose[] = {
    DW("is", FIT_WORD), DW("was", FIT_WORD), DW("the", FIT_WORD), DW("and", FIT_WORD),
    DW("app", FIT_WORD), DW("apps", FIT_WORD), DW("application", FIT_PREFIX),
    DW("code", FIT_PREFIX), DW("address", FIT_PREFIX), DW("location", FIT_PREFIX),
    DW("link", FIT_PREFIX), DW("says", FIT_WORD), DW("said", FIT_WORD), DW("shows", FIT_WORD),
    DW("gives", FIT_WORD), DW("for", FIT_WORD), DW("of", FIT_WORD), DW("to", FIT_WORD),
    DW("in", FIT_WORD), DW("at", FIT_WORD), DW("on", FIT_WORD), DW("with", FIT_WORD),
    DW("from", FIT_WORD), DW("uses", FIT_WORD), DW("use", FIT_WORD), DW("has", FIT_WORD),
    DW("can", FIT_WORD), DW("will", FIT_WORD), DW("words", FIT_WORD), DW("it", FIT_WORD),
};

/* What may join the words besides the dots: a hyphen (after a label or
 * "///"), '/' and '_' (after "///" only: "///filled/count/soap",
 * "///стол_окно_книга", report-adv32 L-15: the slashes say what follows). */
enum { W3W_HYPHEN = 1, W3W_SLASH = 2 };

/* The bytes of a what3words joiner at i: '.', and the dots people and
 * keyboards put in its place (report-adv30 L-14, report-adv31 L-12): the
 * dot-like punctuation the norm view keeps as it is, the middle dots
 * U+00B7 (Greek U+0387 becomes it), U+2027, U+2E31 and runic U+16EB, the
 * operators U+2219 and U+22C5, the bullet U+2022 and the ideographic full
 * stop U+3002 (U+FF61 becomes it); the norm view writes the others as '.'
 * (U+2024 one dot leader, U+FF0E) or '-' (every dash of Unicode's Pd,
 * the minus, the katakana middle dots U+30FB and U+FF65).  '-' counts when
 * hyphen has W3W_HYPHEN (after a what3words label or "///" only: "w3w
 * filled-count-soap"), '/' and '_' when it has W3W_SLASH; 0 if none. */
static size_t w3w_dot(const char *s, size_t len, size_t i, int hyphen)
{
    static const char *const dots[] = {
        "\xc2\xb7", "\xe2\x80\xa7", "\xe2\xb8\xb1", "\xe1\x9b\xab", "\xe2\x88\x99",
        "\xe2\x8b\x85", "\xe2\x80\xa2", "\xe3\x80\x82", "\xef\xbc\x8e", "\xef\xbd\xa1", "\xe3\x83\xbb",
    };

    if (i < len && (s[i] == '.' || ((hyphen & W3W_HYPHEN) && s[i] == '-') ||
                    ((hyphen & W3W_SLASH) && (s[i] == '/' || s[i] == '_'))))
        return 1;
    for (size_t k = 0; k < sizeof dots / sizeof dots[0]; k++)
        if (det_starts(s, len, i, dots[k]))
            return strlen(dots[k]);
    return 0;
}

/* The weight of a letter cp in a word's length: 2 for a Hangul syllable,
 * a kana or a Han character (what3words' Korean, Chinese and Japanese
 * words are two syllables or characters: "///사과.나무.하늘",
 * "///ひかり・さくら・うみ", report-adv33 L-20b), else 1. */
static size_t letter_weight(int cp)
{
    return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3041 && cp <= 0x30FA) ? 2 : 1;
}

/* Three words joined by one kind of joiner (w3w_dot); the end, or 0.
 * Joined by a hyphen each word has three letters or more and none is a
 * word of prose (below), as for spaced words: "w3w well-known fact"
 * stays prose. */
static size_t three_words(const char *s, size_t len, size_t at, int hyphen)
{
    size_t i = at, n, j = 0, first = 0, w, chars;
    int k, cp;

    for (k = 0; k < 3; k++) {
        for (w = i, chars = 0; (cp = det_cp_at(s, len, i, &n)) >= 0 && is_word_cp(cp) && !(cp >= '0' && cp <= '9');
             chars += letter_weight(cp))
            i += n;
        if (i == w || (k < 2 && ((j = w3w_dot(s, len, i, hyphen)) == 0 || (first != 0 && j != first))))
            return 0;
        if (hyphen && (chars < 3 || det_in_list(w3w_prose, sizeof w3w_prose / sizeof w3w_prose[0], s + w, i - w)))
            return 0;
        if (k < 2)
            i += j, first = j;
    }
    if (det_letter_at(s, len, i) || (hyphen && i < len && det_digit(s[i])) ||
        ((j = w3w_dot(s, len, i, hyphen)) != 0 && det_letter_at(s, len, i + j)))
        return 0;
    return i;
}

size_t detect_three_words(const char *s, size_t len, size_t at)
{
    return three_words(s, len, at, 0);
}

size_t detect_three_words_hyphen(const char *s, size_t len, size_t at)
{
    return three_words(s, len, at, W3W_HYPHEN);
}

/* The joiner of spaced words at i: " . " (3, report-adv28c J-10 "filled
 * . count . soap"), ". " or " ." (2, report-adv29c K-2 "filled. count.
 * soap", "filled .count .soap") or ' ' (1); 0 if none.  A dot is a
 * sentence's end too: the caller asks for the same joiner twice and
 * three words of three letters or more, none a word of prose. */
static size_t spaced_joiner(const char *s, size_t len, size_t i)
{
    size_t m;

    /* " . ", and any other dot of w3w_dot spaced so ("filled · count ·
     * soap", "стол • окно • книга": report-adv32 L-15) */
    if (i + 1 < len && s[i] == ' ' && (m = w3w_dot(s, len, i + 1, 0)) != 0 && i + 1 + m < len && s[i + 1 + m] == ' ')
        return 2 + m;
    if (det_starts(s, len, i, ". ") || det_starts(s, len, i, " ."))
        return i + 2 < len && s[i + 2] != ' ' ? 2 : 0;
    return i + 1 < len && s[i] == ' ' ? 1 : 0;
}

size_t detect_three_words_spaced(const char *s, size_t len, size_t at)
{
    size_t i = at, n, w, chars, j = 0, first = 0;
    int k, cp;

    for (k = 0; k < 3; k++) {
        for (w = i, chars = 0; (cp = det_cp_at(s, len, i, &n)) >= 0 && is_word_cp(cp) && !(cp >= '0' && cp <= '9');
             chars += letter_weight(cp))
            i += n;
        if (chars < 3 || det_in_list(w3w_prose, sizeof w3w_prose / sizeof w3w_prose[0], s + w, i - w) ||
            (k < 2 && ((j = spaced_joiner(s, len, i)) == 0 || (first != 0 && j != first))))
            return 0;
        if (k < 2)
            i += j, first = j;
    }
    return det_letter_at(s, len, i) || (i < len && det_digit(s[i])) ? 0 : i;
}

size_t detect_scan_w3w(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t e, i = at + 3;

    (void)start, (void)kind;
    if (!det_starts(s, len, at, "///")) {
        if (!det_alpha(s[at]))
            return 0;
        if ((e = detect_three_words_bare(s, len, at)) != 0)
            return e;
        /* Full stops spaced on both sides, twice ("Code: table . chair .
         * lamp", report-adv33 L-20): a sentence's full stop has no space
         * before it. */
        e = detect_letters(s, len, at);
        return det_starts(s, len, e, " . ") ? detect_three_words_spaced(s, len, at) : 0;
    }
    /* "///index.home.raft"; spaced, "///filled count soap", "/// filled .
     * count . soap" (report-adv28c J-10): the slashes are the label, so
     * dashes join too, as after the label ("///index・home・raft", whose
     * katakana dots the norm view writes '-': report-adv31 L-12). */
    i += i < len && s[i] == ' ';
    if ((e = detect_three_words(s, len, i)) != 0 || (e = three_words(s, len, i, W3W_HYPHEN | W3W_SLASH)) != 0)
        return e;
    return detect_three_words_spaced(s, len, i);
}

/* Cyrillic top-level domains and the words used as one (IANA's root zone
 * list, the Cyrillic IDN ones: .рф .рус .укр .бел .срб .мкд .мон .қаз,
 * and the generic .москва .дети .онлайн .сайт .орг .ком): a dotted
 * triple ending in one is a host name, not an address. */
static const struct det_word cyr_tlds[] = {
    DW("\xd1\x80\xd1\x84", FIT_WORD), DW("\xd1\x80\xd1\x83\xd1\x81", FIT_WORD),
    DW("\xd1\x83\xd0\xba\xd1\x80", FIT_WORD), DW("\xd0\xb1\xd0\xb5\xd0\xbb", FIT_WORD),
    DW("\xd1\x81\xd1\x80\xd0\xb1", FIT_WORD), DW("\xd0\xbc\xd0\xba\xd0\xb4", FIT_WORD),
    DW("\xd0\xbc\xd0\xbe\xd0\xbd", FIT_WORD), DW("\xd2\x9b\xd0\xb0\xd0\xb7", FIT_WORD),
    DW("\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0", FIT_WORD), DW("\xd0\xb4\xd0\xb5\xd1\x82\xd0\xb8", FIT_WORD),
    DW("\xd0\xbe\xd0\xbd\xd0\xbb\xd0\xb0\xd0\xb9\xd0\xbd", FIT_WORD), DW("\xd1\x81\xd0\xb0\xd0\xb9\xd1\x82", FIT_WORD),
    DW("\xd0\xbe\xd1\x80\xd0\xb3", FIT_WORD), DW("\xd0\xba\xd0\xbe\xd0\xbc", FIT_WORD),
};

/* File types a dotted name ends in ("notes.final.docx"), not a word of
 * what3words' lists: the common document, picture, sound, video and
 * archive types (HAND-WRITTEN). */
static const struct det_word file_types[] = {
    DW("txt", FIT_WORD), DW("pdf", FIT_WORD), DW("doc", FIT_WORD), DW("docx", FIT_WORD),
    DW("odt", FIT_WORD), DW("rtf", FIT_WORD), DW("xls", FIT_WORD), DW("xlsx", FIT_WORD),
    DW("csv", FIT_WORD), DW("ppt", FIT_WORD), DW("pptx", FIT_WORD), DW("jpg", FIT_WORD),
    DW("jpeg", FIT_WORD), DW("png", FIT_WORD), DW("gif", FIT_WORD), DW("heic", FIT_WORD),
    DW("webp", FIT_WORD), DW("mov", FIT_WORD), DW("avi", FIT_WORD), DW("mkv", FIT_WORD),
    DW("wav", FIT_WORD), DW("ogg", FIT_WORD), DW("opus", FIT_WORD), DW("zip", FIT_WORD),
    DW("rar", FIT_WORD), DW("tar", FIT_WORD), DW("apk", FIT_WORD), DW("exe", FIT_WORD),
    DW("html", FIT_WORD), DW("htm", FIT_WORD), DW("json", FIT_WORD), DW("xml", FIT_WORD),
    DW("log", FIT_WORD), DW("bak", FIT_WORD), DW("tmp", FIT_WORD), DW("local", FIT_WORD),
    DW("lan", FIT_WORD), DW("internal", FIT_WORD), DW("localdomain", FIT_WORD),
    /* settings, code, data and backup files (report-adv34 O-7) */
    DW("cfg", FIT_WORD), DW("conf", FIT_WORD), DW("ini", FIT_WORD), DW("yml", FIT_WORD),
    DW("yaml", FIT_WORD), DW("toml", FIT_WORD), DW("md", FIT_WORD), DW("db", FIT_WORD),
    DW("sql", FIT_WORD), DW("sqlite", FIT_WORD), DW("swp", FIT_WORD), DW("orig", FIT_WORD),
    DW("py", FIT_WORD), DW("sh", FIT_WORD), DW("js", FIT_WORD), DW("css", FIT_WORD),
    DW("mp3", FIT_WORD), DW("mp4", FIT_WORD), DW("m4a", FIT_WORD), DW("iso", FIT_WORD),
    DW("gz", FIT_WORD), DW("bz2", FIT_WORD), DW("xz", FIT_WORD),
};

/* Words that name a file right before a dotted name (a verb of what is
 * done to files, or the noun: "Open config.backup.old", "rename it to
 * notes.final.old", "файл config.backup.old"; report-adv34 O-7;
 * HAND-WRITTEN, English and Russian) or right after it ("config.backup.old
 * file"): the name is a file's, not an address, whatever its last part
 * (what3words' words include old, new, copy).  Not when what3words or
 * w3w is said near (w3w_said). */
static const struct det_word file_cues[] = {
    DW("open", FIT_WORD), DW("opened", FIT_WORD), DW("edit", FIT_WORD), DW("edited", FIT_WORD),
    DW("save", FIT_WORD), DW("saved", FIT_WORD), DW("delete", FIT_WORD), DW("deleted", FIT_WORD),
    DW("rename", FIT_WORD), DW("renamed", FIT_WORD), DW("copy", FIT_WORD), DW("copied", FIT_WORD),
    DW("restore", FIT_WORD), DW("restored", FIT_WORD), DW("attach", FIT_WORD), DW("attached", FIT_WORD),
    DW("download", FIT_WORD), DW("downloaded", FIT_WORD), DW("upload", FIT_WORD), DW("uploaded", FIT_WORD),
    DW("file", FIT_WORD), DW("files", FIT_WORD), DW("folder", FIT_WORD), DW("run", FIT_WORD),
    DW("\xd1\x84\xd0\xb0\xd0\xb9\xd0\xbb", FIT_PREFIX),                       /* файл(а, е, ы) */
    DW("\xd0\xbe\xd1\x82\xd0\xba\xd1\x80\xd0\xbe\xd0\xb9", FIT_WORD),     /* открой */
    DW("\xd0\xbe\xd1\x82\xd0\xba\xd1\x80\xd1\x8b\xd1\x82\xd1\x8c", FIT_WORD), /* открыть */
    DW("\xd1\x81\xd0\xbe\xd1\x85\xd1\x80\xd0\xb0\xd0\xbd\xd0\xb8", FIT_WORD), /* сохрани */
    DW("\xd1\x83\xd0\xb4\xd0\xb0\xd0\xbb\xd0\xb8", FIT_WORD),               /* удали */
};
static const struct det_word w3w_said[] = {
    DW("what3words", FIT_WORD), DW("w3w", FIT_WORD),
};

/* 1 if the dotted name s[at..e) is a file's by the words around it
 * (file_cues; bytes of the norm view). */
static int file_named(const char *s, size_t len, size_t at, size_t e)
{
    size_t a, we, from = at > 64 ? at - 64 : 0, to = e + 64 < len ? e + 64 : len;
    int cue;

    cue = (we = det_word_ending(s, at, " ", &a)) != 0 && we + 1 == at &&
          det_in_list(file_cues, sizeof file_cues / sizeof file_cues[0], s + a, we - a);
    if (!cue && e + 1 < len && s[e] == ' ' && det_letter_at(s, len, e + 1)) {
        we = detect_letters(s, len, e + 1);
        cue = det_in_list(file_cues, sizeof file_cues / sizeof file_cues[0], s + e + 1, we - e - 1);
    }
    return cue && !det_word_near(s, len, from, to, w3w_said, sizeof w3w_said / sizeof w3w_said[0]);
}

/* The script of the letter cp for detect_three_words_bare: 1 a Latin
 * lower-case letter, 2 a Cyrillic one, else 0. */
static int bare_script(int cp)
{
    return cp >= 'a' && cp <= 'z' ? 1 : cp >= 0x0400 && cp <= 0x052F ? 2 : 0;
}

size_t detect_three_words_bare(const char *s, size_t len, size_t at)
{
    size_t i = at, n, e, w = at, k, chars;
    int cp, script = 0;

    if (at > 0 && (det_letter_before(s, at) || strchr("./@-_", s[at - 1]) != NULL))
        return 0;
    if ((e = three_words(s, len, at, 0)) == 0 || (e < len && strchr("/@_", s[e]) != NULL && s[e] != '\0'))
        return 0;
    for (k = 0; k < 3; k++) {
        for (w = i, chars = 0; i < e && (cp = det_cp_at(s, len, i, &n)) >= 0 && bare_script(cp) != 0 &&
                               (script == 0 || bare_script(cp) == script); i += n, chars++)
            script = bare_script(cp);
        if (detect_letters(s, len, w) != i || chars < 3)
            return 0;
        i += w3w_dot(s, len, i, 0);
    }
    if (det_in_list(file_types, sizeof file_types / sizeof file_types[0], s + w, e - w) || file_named(s, len, at, e))
        return 0;
    if (script == 2)
        return det_in_list(cyr_tlds, sizeof cyr_tlds / sizeof cyr_tlds[0], s + w, e - w) ? 0 : e;
    return detect_public_tld(s, w, e) ? 0 : e;
}
