/* The walk over a text: each position where a detection may start is
 * handed to the scanners in turn (detect_int.h); the first that finds
 * something wins and the walk goes on after it.  E-mail addresses are
 * found at their at sign, since their local part may be in any script
 * ("바다@naver.com"): what the walk found inside the local part gives way
 * to the address.  One pass over the text. */
#include "privacy/detect.h"

#include <stdlib.h>
#include <string.h>

#include "privacy/detect_int.h"

struct found {
    struct detection *d;
    size_t n, cap;
};

struct scanner {
    detect_scanner fn;
    int kind;
};

/* The walk's state: the numbering plans are compiled (ready); nested: a
 * walk over the digits of a spoken number (no spoken numbers in it). */
struct walk {
    int ready, nested;
};

static int walk_text(struct found *f, const char *s, size_t len, struct walk *w);
static long spoken_at(struct found *f, const char *s, size_t len, size_t at, struct walk *w);

/* Read before the digits' groups are read as other numbers: national IDs
 * across their spaces, an IP address with commas. */
static const struct scanner early_scanners[] = { { detect_scan_national_id, DETECT_ID },
                                              { detect_scan_ip_comma, DETECT_IP } };

static const struct scanner scanners[] = {
    { detect_scan_wallet, DETECT_ACCOUNT }, { detect_scan_sim, DETECT_ID },
    { detect_scan_device, DETECT_ID },      { detect_scan_bank, DETECT_ACCOUNT },
    { detect_scan_deeplink, DETECT_HANDLE },
    { detect_scan_url, DETECT_URL },        { detect_scan_keyed_phone, DETECT_PHONE },
    { detect_scan_id, DETECT_ID },          { detect_scan_natid, DETECT_ID },
    { detect_scan_unhcr, DETECT_ID },
    { detect_scan_labelled, DETECT_ID },    { detect_scan_register, DETECT_ID },
    { detect_scan_plate, DETECT_ID },       { detect_scan_acct_window, DETECT_ACCOUNT },
    { detect_scan_ipv4, DETECT_IP },
    { detect_scan_gps, DETECT_GPS },        { detect_scan_grid, DETECT_GPS },
    { detect_scan_plus_code, DETECT_GPS },
    { detect_scan_birth_date, DETECT_DATE }, { detect_scan_phone, DETECT_PHONE },
    { detect_scan_ipv6, DETECT_IP },        { detect_scan_handle, DETECT_HANDLE },
    { detect_scan_w3w, DETECT_GPS },        { detect_scan_w3w_marked, DETECT_GPS },
};

const char *detect_kind_name(int kind)
{
    static const char *const names[DETECT_NKINDS] = {
        "phone", "email", "url", "id", "date", "gps", "ip", "handle", "account", "address",
    };

    return kind >= 0 && kind < DETECT_NKINDS ? names[kind] : "pattern";
}

static int add(struct found *f, size_t start, size_t end, int kind)
{
    struct detection *d;

    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 16;
        if ((d = realloc(f->d, cap * sizeof *d)) == NULL)
            return -1;
        f->d = d, f->cap = cap;
    }
    f->d[f->n].start = start, f->d[f->n].end = end, f->d[f->n].kind = kind;
    f->n++;
    return 0;
}

/* 1 if a detection may start with c (tested on every ASCII byte). */
static int can_start(char c)
{
    return det_alnum(c) || c == '+' || c == '-' || c == '(' || c == ':' || c == '@' || c == '/';
}

/* 1 if c after a run of letters may continue a detection: a URL, an ID,
 * IPv6, a Plus Code, an e-mail address's local part. */
static int continues(char c)
{
    return det_digit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '@' ||
           c == ':';
}

/* 1 if at starts a run of ASCII letters, after a non-word character, that
 * no scanner can take, with *end set to where the run ends.  A run is kept
 * for the scanners when a digit or one of "._%+-@:" follows it (URLs, IDs,
 * IPv6, Plus Codes, the local part of an e-mail address), when dots
 * written out or "u/" follow, when it is a
 * month name (dates), a hemisphere letter before a number ("N 47°"), or a
 * value after a colon or "id" ("telegram: kimjs", "kakao id kimjs").  Skipping the run is exact: no
 * position inside it can start a detection, as each follows a word
 * character. */
static int plain_word(const char *s, size_t len, size_t at, size_t *end)
{
    size_t j = at, n;

    if (!det_alpha(s[at]))
        return 0;
    while (j < len && det_alpha(s[j]))
        j++;
    if (j < len && continues(s[j]))
        return 0;
    if (j - at == 5 && detect_nmea_name(s, len, at))       /* $GPGGA,...: detect_nmea.c */
        return 0;
    /* A code's letters before Sino-Korean digits ("M일이삼사오육칠팔"); a
     * Roman month before Mongolian сар ("III сарын 14"). */
    if (j - at <= 2 && det_sino_digit(s, len, j) >= 0)
        return 0;
    /* A code's letter spaced before spaced digits or look-alikes ("M I O 3
     * 4 5 8 2": detect_alt.c). */
    if (j - at == 1 && j + 2 < len && s[j] == ' ' && (det_digit(s[j + 1]) || det_lookalike_digit(s[j + 1]) >= 0) &&
        s[j + 2] == ' ')
        return 0;
    /* A code's letters before a mark typed for 1 ("M!034582", "M|234567",
     * "Mı034582": detect_code.c). */
    if (j - at <= 2 && j + 1 < len && (s[j] == '!' || s[j] == '|' || (unsigned char)s[j] == 0xc7 ||
                                       (unsigned char)s[j] == 0xc4) && det_digit(s[j + ((unsigned char)s[j] >= 0x80 ? 2 : 1)]))
        return 0;
    /* A Chinese plate's letter before a middle dot ("蒙A·12345":
     * detect_plate2.c). */
    if (j - at == 1 && det_starts(s, len, j, "\xc2\xb7"))
        return 0;
    if (j - at <= 4 && strspn(s + at, "ivx") >= j - at && det_starts(s, len, j, " \xd1\x81\xd0\xb0\xd1\x80"))
        return 0;
    /* A year said after "born in" ("born in eighty-seven": detect_birth.c). */
    if (at >= 8 && s[at - 1] == ' ' && detect_said_birth_year_start(s, len, at))
        return 0;
    /* A Japanese era's year in Latin letters ("born in Reiwa 2":
     * detect_birth.c, era_latin; report-adv45 L-35). */
    if (j - at >= 5 && j - at <= 6 && j + 1 < len && s[j] == ' ' && det_digit(s[j + 1]) &&
        detect_era_year_start(s, len, at))
        return 0;
    /* A Roman month before its year ("viii/1992": detect_date.c). */
    if (j - at <= 4 && j + 1 < len && (s[j] == '/' || s[j] == '-' || s[j] == '.') && det_digit(s[j + 1]) &&
        detect_roman_month_start(s, len, at))
        return 0;
    /* Dots written out ("facebook[.]com", "facebook . com", "kim dot mn"),
     * u/name. */
    if (j + 2 < len && (((s[j] == '[' || s[j] == '(') && s[j + 1] == '.') ||
                        (s[j] == ' ' && s[j + 1] == '.') ||
                        (s[j] == ' ' && det_starts(s, len, j + 1, "dot ")) ||
                        (j == at + 1 && s[at] == 'u' && s[j] == '/')))
        return 0;
    if (detect_month_word(s, len, at, &n) || detect_other_month_word(s, len, at, &n) || detect_day_word(s, len, at) ||
        detect_number_words_start(s, len, at))
        return 0;
    if (j - at == 1 && strchr("nsew", s[at]) != NULL && j + 1 < len && s[j] == ' ' &&
        det_digit(s[j + 1]))
        return 0;
    /* A Mongolian register number in Latin letters ("UB 8503 1512",
     * "ub/75031412"). */
    if (j - at >= 2 && j - at <= 4 && detect_register_latin(s, len, at) == j && j + 1 < len &&
        s[j] == '/' && det_digit(s[j + 1]))
        return 0;
    if (j - at >= 2 && j - at <= 4 && detect_register_latin(s, len, at) == j && j + 1 < len && s[j] == ' ' &&
        ((n = det_digits(s, len, j + 1)) == 8 ||
         (n == 4 && j + 6 < len && s[j + 5] == ' ' && det_digits(s, len, j + 6) == 4) ||
         (n == 2 && j + 4 < len && strchr(" -.", s[j + 3]) != NULL && s[j + 3] != '\0' &&
          det_digits(s, len, j + 4) == 2)))     /* "ub 75 03 14 12" (report-adv15 R-13) */
        return 0;
    if (at > 0 && (s[at - 1] == ':' || (at > 1 && s[at - 1] == ' ' && s[at - 2] == ':')))
        return 0;
    if (at >= 3 && s[at - 1] == ' ' && s[at - 2] == 'd' && s[at - 3] == 'i' &&
        (at == 3 || !det_wordc(s[at - 4])))
        return 0;                                          /* "kakao id kimjs" */
    if (detect_w3w_label_before(s, at))
        return 0;                                          /* "what3words index home raft" */
    *end = j;
    return 1;
}

/* Tries each scanner of list[0..n) at at; the end of the first detection
 * (added to f), or 0; -1 when out of memory. */
static long scan_at(struct found *f, const struct scanner *list, size_t n, const char *s,
                    size_t len, size_t at)
{
    size_t k, end, start;
    int kind;

    for (k = 0; k < n; k++) {
        start = at, kind = list[k].kind;
        if ((end = list[k].fn(s, len, at, &start, &kind)) > at)
            return add(f, start, end, kind) != 0 ? -1 : (long)end;
    }
    return 0;
}

/* other_digits without its test of the character before i (below). */
static long digits_glued(struct found *f, const char *s, size_t len, size_t i, struct walk *w)
{
    static const struct scanner spelt[] = {
        { detect_scan_labelled, DETECT_ID }, { detect_scan_rrn_spelt, DETECT_ID },
        { detect_scan_birth_date, DETECT_DATE }, { detect_scan_phone, DETECT_PHONE },
    };
    int v;
    struct err e;

    if ((det_digit_at(s, len, i, &v, 1) == 0 && !det_numeral_start(s, len, i) &&
         !detect_number_words_start(s, len, i) && !detect_series_jamo(s, len, i)))
        return 0;
    if (!w->ready) {
        if (detect_phone_ready(&e) != 0)
            return -1;
        w->ready = 1;
    }
    return scan_at(f, spelt, sizeof spelt / sizeof spelt[0], s, len, i);
}

/* Tries the scanners that may start at a digit of another script or a
 * Sino-Korean digit syllable at i (a word start): labelled IDs ("주민번호
 * 칠오공삼일사"), years of birth ("칠십오년생") and phone numbers.  The
 * end of the detection, 0, or -1 when out of memory. */
static long other_digits(struct found *f, const char *s, size_t len, size_t i, struct walk *w)
{
    return det_letter_before(s, i) ? 0 : digits_glued(f, s, len, i, w);
}

/* 1 if cp is a CJK unified ideograph (the basic block or extension A). */
static int han(int cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

/* 1 if a Han digit at s[i] follows a Han character that is no numeral:
 * Chinese has no spaces, so a number's start is the change from words to
 * numerals ("电话是零一零一二三四五六七八": report-adv16a A-7). */
static int han_number_start(const char *s, size_t len, size_t i)
{
    size_t n;
    int cp = det_cp_at(s, len, i, &n), before;

    if (cp < 0 || det_han_digit(cp) < 0)
        return 0;
    before = det_cp_before(s, i, &n);
    return han(before) && det_han_digit(before) < 0 && !det_numeral_start(s, len, i - n);
}

/* A run of non-ASCII text from at: a Mongolian register number (two
 * Cyrillic letters, then digits) or a number spelt in another script's
 * digits may start in one.  Returns the end of the detection or of the
 * run, or -1 when out of memory. */
static long non_ascii(struct found *f, const char *s, size_t len, size_t at, struct walk *w)
{
    static const struct scanner birth[] = { { detect_scan_birth_date, DETECT_DATE } };
    size_t i, start, end;
    long r;
    int kind;

    for (i = at; i < len && (unsigned char)s[i] >= 0x80;) {
        unsigned char c = (unsigned char)s[i];
        /* A character at a time (the norm view is valid UTF-8). */
        size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        /* A number spelt in other digits starts a run (after a space or
         * punctuation): looking inside words too cost 20% of the speed. */
        /* A Korean plate said in numerals ("십이가 삼사오육"): before
         * the digits' scanners, which read 가 as a particle. */
        if (i == at && c >= 0xEA && c <= 0xED && (end = detect_kr_spoken_plate(s, len, i)) != 0)
            return add(f, i, end, DETECT_ID) != 0 ? -1 : (long)end;
        if (i == at && (r = other_digits(f, s, len, i, w)) != 0)
            return r;
        if (i > at && c >= 0xE3 && c <= 0xE9 && han_number_start(s, len, i) &&
            (r = digits_glued(f, s, len, i, w)) != 0)
            return r;
        if (i == at && !det_letter_before(s, i) && (r = spoken_at(f, s, len, i, w)) != 0)
            return r;
        /* A year of a Japanese era ("昭和元年生まれ", "祖父は平成3年生まれ"):
         * Japanese has no spaces, so inside a run too (detect_birth.c). */
        if (c >= 0xE4 && c <= 0xE6 && detect_era_year_start(s, len, i) &&
            (r = scan_at(f, birth, 1, s, len, i)) != 0)
            return r;
        /* Three dotted words, maybe in quotes or brackets ("«крыша.ложка.нота»").
         * An opening mark has DET_OPEN_MARK_MAX bytes at most: past them
         * no mark can start the run (asked at every character; session 39). */
        if ((i == at || (i - at <= DET_OPEN_MARK_MAX && i - at == det_open_mark_before(s, i))) &&
            ((end = detect_w3w_labelled(s, len, i, &start)) != 0 ||
             (c >= 0xD0 && c <= 0xD4 && (start = i, end = detect_three_words_bare(s, len, i)) != 0)))
            return add(f, start, end, DETECT_GPS) != 0 ? -1 : (long)end;
        /* A Mongolian month in words ("гуравдугаар сарын арван дөрөвний",
         * "цагаан сарын шинийн нэгэнд"): detect_dob.c. */
        /* A year said in Mongolian before онд or with -д, a birth word
         * in its sentence ("наян долоон онд төрсөн": detect_birth.c). */
        if (i == at && c >= 0xD0 && c <= 0xD3 && detect_said_birth_year_start(s, len, i) &&
            (r = scan_at(f, birth, 1, s, len, i)) != 0)
            return r;
        /* A Roman month typed in Cyrillic Х and І ("ХІІ.1990": brief
         * s41 num41): detect_date.c. */
        if (i == at && c == 0xD1 && i + 1 < len && ((unsigned char)s[i + 1] == 0x85 || (unsigned char)s[i + 1] == 0x96) &&
            detect_roman_month_start(s, len, i) && (r = scan_at(f, birth, 1, s, len, i)) != 0)
            return r;
        if (i == at && c >= 0xD0 && c <= 0xD3 && detect_mn_month_start(s, len, i) &&
            (r = scan_at(f, birth, 1, s, len, i)) != 0)
            return r;
        /* A plate's letters glued to its digits after a label ("номер
         * машины А123ВС 77": detect_plate.c). */
        if (i == at && i + 4 < len && (det_digit(s[i + 2]) || det_digit(s[i + 4])) &&
            (end = detect_scan_plate(s, len, i, &start, &kind)) != 0)
            return add(f, i, end, DETECT_ID) != 0 ? -1 : (long)end;
        if (c < 0xD0 || c > 0xD4 || i + 5 >= len ||
            !(det_digit(s[i + 4]) || s[i + 2] == '.' ||
              (s[i + 2] == ' ' && i + 6 < len && s[i + 5] == ' ' && det_digit(s[i + 6])) ||
              ((s[i + 4] == ' ' || s[i + 4] == '-' || s[i + 4] == '/' || s[i + 4] == '_') &&
               (det_digit(s[i + 5]) || detect_spoken_word(s, len, i + 5))))) {
            i += n;
            continue;
        }
        start = i, kind = DETECT_ID;
        if ((end = detect_scan_register(s, len, i, &start, &kind)) != 0)
            return add(f, start, end, kind) != 0 ? -1 : (long)end;
        i += n;
    }
    return (long)(i < len ? i : len);
}

/* A number glued to the letters before it ("a10.0.0.1", "IP10.0.0.1",
 * "tel010-1234-5678", "Jong-su1975-03-14", "passport745123456"): letters
 * do not make an IP address, a phone number, a full date or a value
 * after an ID label part of a word, so those scanners still try it; the
 * others (IDs, codes, handles) would take a word's digits ("MP3",
 * "COVID19").  Where the walk goes on, or -1 when
 * out of memory. */
static long glued(struct found *f, const char *s, size_t len, size_t at, struct walk *w)
{
    static const struct scanner shapes[] = {
        { detect_scan_glued_id, DETECT_ID }, { detect_scan_ipv4, DETECT_IP }, { detect_scan_birth_date, DETECT_DATE },
        { detect_scan_phone, DETECT_PHONE },
    };
    struct err e;
    long r;

    if (!w->ready) {
        if (detect_phone_ready(&e) != 0)
            return -1;
        w->ready = 1;
    }
    r = scan_at(f, shapes, sizeof shapes / sizeof shapes[0], s, len, at);
    return r != 0 ? r : (long)at + 1;
}

/* detect_spoken's scan: 1 if a detection of the text buf[0..n) covers
 * the digits [a, b) that stand for the spoken words, with its kind. */
static int spoken_digits(void *ctx, const char *buf, size_t n, size_t a, size_t b, int *kind)
{
    struct found f = { 0 };
    struct walk nested = { ((struct walk *)ctx)->ready, 1 };
    int hit = 0;

    if (walk_text(&f, buf, n, &nested) == 0)
        for (size_t i = 0; i < f.n && !hit; i++)
            if (f.d[i].start <= a && f.d[i].end >= b)
                hit = 1, *kind = f.d[i].kind;
    free(f.d);
    return hit;
}

/* A number spoken in words from at (a word start): the end of its
 * detection (added to f), 0, or -1 when out of memory. */
static long spoken_at(struct found *f, const char *s, size_t len, size_t at, struct walk *w)
{
    size_t end;
    int kind = DETECT_PHONE;
    struct err e;

    if (w->nested || !(detect_spoken_word(s, len, at) || detect_parts_start(s, len, at)))
        return 0;
    if (!w->ready) {
        if (detect_phone_ready(&e) != 0)
            return -1;
        w->ready = 1;
    }
    if ((end = detect_spoken(s, len, at, &kind, spoken_digits, w)) == 0)
        return 0;
    return add(f, at, end, kind) != 0 ? -1 : (long)end;
}

/* detect_alt's scan: as spoken_digits, and how far the detection
 * reaches before and after the reading (the text there is the text's
 * own: "УБ" of "УБ75O3l4l2" goes with the number). */
struct alt_scan {
    struct walk *w;
    size_t before, after;
};

static int alt_digits(void *ctx, const char *buf, size_t n, size_t a, size_t b, int *kind)
{
    struct alt_scan *c = ctx;
    struct found f = { 0 };
    struct walk nested = { c->w->ready, 1 };
    int hit = 0;

    if (walk_text(&f, buf, n, &nested) == 0)
        for (size_t i = 0; i < f.n && !hit; i++)
            if (f.d[i].start <= a && f.d[i].end >= b) {
                hit = 1, *kind = f.d[i].kind;
                c->before = a - f.d[i].start, c->after = f.d[i].end - b;
            }
    free(f.d);
    return hit;
}

/* A number written another way from at (detect_alt.c: letters for
 * digits, digits spaced one by one): the end of its detection (added to
 * f), 0, or -1 when out of memory. */
static long alt_at(struct found *f, const char *s, size_t len, size_t at, struct walk *w)
{
    struct alt_scan c = { w, 0, 0 };
    size_t end, start, last = f->n > 0 ? f->d[f->n - 1].end : 0;
    int kind = DETECT_PHONE;
    struct err e;

    if (w->nested || !detect_alt_start(s, len, at))
        return 0;
    if (!w->ready) {
        if (detect_phone_ready(&e) != 0)
            return -1;
        w->ready = 1;
    }
    if ((end = detect_alt(s, len, at, &kind, alt_digits, &c)) == 0)
        return 0;
    start = at - c.before < last ? (last < at ? last : at) : at - c.before;
    end += c.after;
    return add(f, start, end, kind) != 0 ? -1 : (long)end;
}

/* A number split into groups by ", ", ";", quotes or a word from at
 * (detect_split.c): the end of its detection (added to f), 0, or -1 when
 * out of memory. */
static long split_at(struct found *f, const char *s, size_t len, size_t at, struct walk *w)
{
    struct alt_scan c = { w, 0, 0 };
    size_t end, start = at, last = f->n > 0 ? f->d[f->n - 1].end : 0;
    int kind = DETECT_PHONE;

    if (w->nested || !w->ready || !detect_split_start(s, len, at))
        return 0;
    if ((end = detect_split(s, len, at, &start, &kind, alt_digits, &c)) == 0)
        return 0;
    start = start - c.before < last ? (last < start ? last : start) : start - c.before;
    end += c.after;
    return add(f, start, end, kind) != 0 ? -1 : (long)end;
}

/* One step of the walk from at: where the walk goes on, or -1 when out of
 * memory.  The numbering plans are compiled when the first number could
 * start (*ready), not for texts without one: compiling them churns the
 * heap, which cost the following normalisations of a long text page
 * faults (measured: 32,400 -> 71,400 over 32 MB). */
static long step(struct found *f, const char *s, size_t len, size_t at, struct walk *w)
{
    size_t end;
    long r;
    int v;
    struct err e;

    if ((unsigned char)s[at] >= 0x80)
        return non_ascii(f, s, len, at, w);
    if (det_digit(s[at]) && at > 0 && det_alpha(s[at - 1]))
        return glued(f, s, len, at, w);
    if (!can_start(s[at]) || (at > 0 && det_wordc(s[at - 1])))
        return (long)at + 1;
    /* Not from the middle of a number ("1.2.3.4.5", "978-3-16-148410-0",
     * "15,000", "10:30"). */
    if (det_digit(s[at]) && at >= 2 && strchr(".-/,:=|", s[at - 1]) != NULL && det_digit(s[at - 2]))
        return (long)at + 1;
    if (det_alpha(s[at]) && (r = spoken_at(f, s, len, at, w)) != 0)
        return r;
    if (plain_word(s, len, at, &end))
        return (long)end;
    if (!w->ready && (det_digit(s[at]) || s[at] == '+' || s[at] == '(' ||
                      det_digit_at(s, len, at, &v, 0) > 0)) {     /* O1O-l234 */
        if (detect_phone_ready(&e) != 0)
            return -1;
        w->ready = 1;
    }
    if ((r = scan_at(f, early_scanners, 2, s, len, at)) != 0)
        return r;
    if ((r = alt_at(f, s, len, at, w)) != 0)
        return r;
    if ((r = split_at(f, s, len, at, w)) != 0)
        return r;
    /* Digits among number words ("010 1234 five six seven eight"). */
    if (det_digit(s[at]) && detect_mixed_start(s, len, at) && (r = spoken_at(f, s, len, at, w)) != 0)
        return r;
    r = scan_at(f, scanners, sizeof scanners / sizeof scanners[0], s, len, at);
    /* A number written in parts ("9911.2345", "010, then 1234"). */
    if (r == 0 && det_digit(s[at]))
        r = spoken_at(f, s, len, at, w);
    /* Its groups joined by any words in a sentence ("010, 1234, 5678",
     * "010 (dash) 1234"): detect_loose.c. */
    if (r == 0 && det_digit(s[at]) && !w->nested) {
        size_t start = at, stop;
        int kind = DETECT_PHONE;
        if ((stop = detect_scan_phone_loose(s, len, at, &start, &kind)) > at)
            r = add(f, at, stop, DETECT_PHONE) != 0 ? -1 : (long)stop;
    }
    return r != 0 ? r : (long)at + 1;
}

/* An e-mail address whose at sign is at at: replaces the detections
 * that start inside its local part; the end of the address, 0, or -1
 * when out of memory. */
static long email(struct found *f, const char *s, size_t len, size_t at)
{
    size_t start, end = detect_email(s, len, at, &start);

    if (end == 0)
        return 0;
    while (f->n > 0 && f->d[f->n - 1].start >= start)
        f->n--;
    return add(f, start, end, DETECT_EMAIL) != 0 ? -1 : (long)end;
}

static int walk_text(struct found *f, const char *s, size_t len, struct walk *w)
{
    size_t at = 0;
    long next;

    while (at < len) {
        char c = s[at];
        /* The usual byte (white space, punctuation) starts nothing, but
         * '@' or "at" written out may be the middle of an e-mail address. */
        if (c == '@' || detect_at_written(s, len, at)) {
            if ((next = email(f, s, len, at)) < 0)
                return -1;
            if (next > 0) {
                at = (size_t)next;
                continue;
            }
        }
        if ((unsigned char)c < 0x80 && !can_start(c)) {
            at++;
            continue;
        }
        if ((next = step(f, s, len, at, w)) < 0)
            return -1;
        at = (size_t)next;
    }
    return 0;
}

/* A character of a group standing before a phone number at s[i - 1]:
 * an ASCII digit (1), a letter typed for a digit, o l i or the jamo ㅇ
 * read as zero (2); its length back in *n, or 0. */
static int group_char_before(const char *s, size_t i, size_t *n)
{
    if (i >= 1 && det_digit(s[i - 1]))
        return *n = 1, 1;
    if (i >= 1 && (s[i - 1] == 'o' || s[i - 1] == 'l' || s[i - 1] == 'i'))
        return *n = 1, 2;
    /* ㅇ, in the norm view the choseong ᄋ (U+110B) NFKC makes of it */
    if (i >= 3 && (memcmp(s + i - 3, "\xe3\x85\x87", 3) == 0 || memcmp(s + i - 3, "\xe1\x84\x8b", 3) == 0))
        return *n = 3, 2;
    return 0;
}

/* Where a phone number found at start begins with the group before it
 * that belongs to it (brief s22 num22, report-adv21 A-2): an area code
 * in parentheses ("(415) 555 zero one three four") or a group with a
 * letter typed for a digit ("ㅇ1ㅇ-1234-5678"), two to four characters
 * and one ASCII digit at least, joined by ' ', '-', '.' or nothing after
 * ')', not glued to a word; start if there is none. */
static size_t phone_group_before(const char *s, size_t start)
{
    size_t i = start, n, chars = 0, digits = 0, odd = 0;
    int paren = 0, c;

    if (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '-' || s[i - 1] == '.'))
        i--;
    if (i > 0 && s[i - 1] == ')')
        paren = 1, i--;
    while (chars < 5 && (c = group_char_before(s, i, &n)) != 0)
        digits += c == 1, odd += c == 2, chars++, i -= n;
    if (chars < 2 || chars > 4 || digits == 0 || (!paren && odd == 0))
        return start;
    if (paren && (i == 0 || s[--i] != '('))
        return start;
    if (i > 0 && (det_wordc(s[i - 1]) || (unsigned char)s[i - 1] >= 0x80) && !paren)
        return start;
    return i;
}

/* Where a number found ending at end (a phone, an id, an address) ends
 * with the digit group glued after it by a dash: "Room (12)
 * 010-1234-5678" was "Room [PHONE-1]-5678" (the phone scanner reads
 * "(12) 010-1234" as a number) and "Room 12 010-1234-5678"
 * "[ADDRESS-1]-5678" (num22's report): a group of 1-6 ASCII digits after
 * a '-' right after the found number's last digit, not followed by an
 * ASCII letter, belongs to it; end if there is none. */
static size_t group_after(const char *s, size_t len, size_t end)
{
    size_t n;

    if (end == 0 || end + 1 >= len || s[end] != '-' || !det_digit(s[end - 1]))
        return end;
    n = det_digits(s, len, end + 1);
    if (n < 1 || n > 6 || (end + 1 + n < len && det_alpha(s[end + 1 + n])))
        return end;
    return end + 1 + n;
}

/* Where a date of birth ending at end ends with the day said after it
 * ("born in March 1985, on the 15th.": brief s22 num22, report-adv21
 * a comma maybe, "on" and "the" maybe, a day of the month as an
 * ordinal in digits or words ("15th", "fifteenth"), then a punctuation
 * mark or the end ("on the 2nd floor" stays); end if there is none. */
static size_t date_day_after(const char *s, size_t len, size_t end)
{
    size_t j = end, n, e;
    unsigned v = 0;

    if (j < len && s[j] == ',')
        j++;
    if (j >= len || s[j] != ' ')
        return end;
    j++;
    if (det_starts(s, len, j, "on "))
        j += 3;
    if (det_starts(s, len, j, "the "))
        j += 4;
    n = det_digits(s, len, j);
    if (n >= 1 && n <= 2 && j + n + 2 <= len &&
        (det_starts(s, len, j + n, "st") || det_starts(s, len, j + n, "nd") ||
         det_starts(s, len, j + n, "rd") || det_starts(s, len, j + n, "th")))
        v = det_value(s + j, n), e = j + n + 2;
    else if ((e = detect_day_word_end(s, len, j, &v)) == 0)
        return end;
    if (v < 1 || v > 31 || (e < len && (s[e] == '\0' || strchr(".,;!?)", s[e]) == NULL)))
        return end;
    return e;
}

/* The address runs, started only where one can be (detect_gate.c: a
 * run's mark, a digit, a unit word or an address found, follows its start
 * in the same clause; brief s28 speed28).  0, or -1 out of memory. */
static int run_gated(struct found *f, const char *s, size_t len)
{
    struct gate_map may;
    int rc;

    if (gate_addr_run(&may, s, len, f->d, f->n) != 0)
        return -1;
    rc = addr_run_spans_gated(&f->d, &f->n, &f->cap, s, len, &may);
    gate_free(&may);
    return rc;
}

size_t detect_text_end(const char *norm, size_t len)
{
    while (len > 0 && (norm[len - 1] == ' ' || norm[len - 1] == '\n' || norm[len - 1] == '\r' ||
                       norm[len - 1] == '\t'))
        len--;
    return len;
}

int detect_all(struct detection **out, size_t *nout, const char *s, size_t len,
               struct err *e)
{
    return detect_all_unsure(out, nout, s, len, NULL, NULL, e);
}

int detect_all_unsure(struct detection **out, size_t *nout, const char *s, size_t len,
                      int (*fn)(void *ctx, size_t start, size_t end), void *ctx, struct err *e)
{
    struct found f = { 0 };
    struct walk w = { 0, 0 };
    struct addr_view v;
    int view, rc;

    /* White space at the text's end (a record's last line break, one ' '
     * in the norm view) is the end: no detector may read it as a space
     * before more text ("Сумська вулиця, 23\n" was no address while
     * "Сумська вулиця, 23" was: report-adv32 L-20). */
    len = detect_text_end(s, len);
    view = addr_view_make(&v, s, len);

    /* Home addresses span what the walk found in them (detect_address.c);
     * one view of the text serves both address readers (the view is
     * 18 bytes a byte of text: making it twice doubled a redact's time,
     * docs/SPEED.md "Session 24"). */
    rc = view < 0 || walk_text(&f, s, len, &w) != 0 ||
         detect_addresses_in(&f.d, &f.n, &f.cap, s, len, view > 0 ? &v : NULL, fn, ctx) != 0 ||
         addr_cue_spans(&f.d, &f.n, &f.cap, s, len, view > 0 ? &v : NULL) != 0 ||
         addr_form_spans(&f.d, &f.n, &f.cap, s, len) != 0 || run_gated(&f, s, len) != 0 ||
         addr_bare_street_spans(&f.d, &f.n, &f.cap, s, len) != 0 ||
         addr_fr_street_spans(&f.d, &f.n, &f.cap, s, len) != 0 ||
         addr_label_spans(&f.d, &f.n, &f.cap, s, len) != 0 ||
         addr_beside_spans(&f.d, &f.n, &f.cap, s, len) != 0 ||
         addr_known_spans(&f.d, &f.n, &f.cap, s, len) != 0 ||
         detect_shape_spans(&f.d, &f.n, &f.cap, s, len) != 0;
    addr_view_free(&v);
    if (rc) {
        free(f.d);
        return err_set(e, EXIT_INPUT, "out of memory while scanning text");
    }
    for (size_t i = 0; i < f.n; i++) {
        if (f.d[i].kind == DETECT_PHONE && (i == 0 || f.d[i - 1].end <= f.d[i].start))
            f.d[i].start = phone_group_before(s, f.d[i].start);
        else if (f.d[i].kind == DETECT_DATE) {
            size_t day_end = date_day_after(s, len, f.d[i].end);
            if (i + 1 == f.n || f.d[i + 1].start >= day_end)
                f.d[i].end = day_end;
        }
        if ((f.d[i].kind == DETECT_PHONE || f.d[i].kind == DETECT_ID || f.d[i].kind == DETECT_ADDRESS) &&
            (i + 1 == f.n || f.d[i + 1].start >= group_after(s, len, f.d[i].end)))
            f.d[i].end = group_after(s, len, f.d[i].end);
    }
    *out = f.d, *nout = f.n;
    return 0;
}
