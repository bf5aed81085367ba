/* Numbers spoken in words (issue 12, names in shapes): "zero one zero,
 * one two three four", "oh-one-oh", "double five", "ес ес нэг нэг",
 * "yes yes neg neg", "공 일 공 일 이 삼 사", "twelve thirty-four".  A run
 * of number words (at least three words and four digits) is read as its
 * digits, and the digits are handed to the other scanners with the text
 * around the run (a phone word before it, a birth word, a label): where
 * they find a phone number, an ID or a date of birth in those digits,
 * the whole run is that detection.  So a run is replaced exactly when its
 * digits would be.
 *
 * The number words, one table (spoken[] below), written from:
 *   English: the cardinal numbers; "oh" for zero and "double"/"triple"
 *     as telephone numbers are read aloud (ITU-T E.123 leaves the reading
 *     to custom; these are the usual British and American ones);
 *   Mongolian Cyrillic: тэг 0, нэг 1, хоёр 2, гурав 3, дөрөв 4, тав 5,
 *     зургаа 6, долоо 7, найм 8, ес 9; tens арав/арван 10 ... ерэн 90
 *     (the Mongolian cardinal numbers, attributive forms in -н);
 *   Mongolian in Latin letters, as the letter table of docs/VARIANTS.md
 *     writes them (MNS 5217 and passport practice: ö, ü as o, u; х kh/h;
 *     е ye/e): teg, neg, khoyor, gurav, dorov, tav, zurgaa, doloo, naim,
 *     yes;
 *   Russian (Mongolian and Korean workers in Russia read numbers so):
 *     ноль, один, два, три, четыре, пять, шесть, семь, восемь, девять;
 *   Korean: the Sino-Korean digit syllables of detect_digits.c, one or
 *     several to a word ("공 일 공", "공일공 일이삼사");
 *   Malay (and Indonesian delapan, nol): kosong/sifar satu dua tiga empat
 *     lima enam tujuh lapan sembilan (brief s26 malay26).
 * Compound numbers beyond tens and units ("one hundred", "мянга") are
 * not read. */
#include <pthread.h>
#include <stdatomic.h>
#include <sodium.h>
#include <stdint.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/detect_spoken.h"

/* Digit words glued into one word (katakana, native Korean numerals,
 * "onetwothree"): detect_spoken_glued.c.  The word types (WDIGIT,
 * POINT, ...) and struct spoken_word:
 * detect_spoken.h.  The tables: detect_spoken_words.c (spoken_words[],
 * the languages listed above) and detect_spoken_east.c (Ukrainian,
 * Belarusian). */
/* A run holding a digit word of the wider net (languages the testimonies
 * are not written in, Latin transliterations, short words that are also
 * ordinary words: "un", "si", "go") is read only when it is this many
 * digits long at least: eleven or seven digits said one by one are a
 * phone number in any language (report-adv12 A-9). */
#define WEAK_RUN 7


#define SPOKEN_DIGITS 20        /* digits of a run, at most */
#define CONTEXT_BEFORE 64       /* bytes of text before the run handed on */
#define CONTEXT_AFTER 32

/* The length of the character at s[at] when it is a Cyrillic letter of
 * U+0400-U+04FF other than U+0482 (two bytes, D0-D3 and a continuation
 * byte) or a Hangul syllable of U+AC00-U+D77F (three bytes: EA B0-BF,
 * EB, EC, ED 80-9D, then two continuation bytes): word characters of
 * is_word_cp whatever utf8_decode would say, as these bytes are valid
 * UTF-8 of those code points; 0 for any other character (decode it). */
static size_t word_char_fast(const char *s, size_t len, size_t at)
{
    const unsigned char *u = (const unsigned char *)s + at;

    if (at + 2 <= len && u[0] >= 0xD0 && u[0] <= 0xD3 && (u[1] & 0xC0) == 0x80 && !(u[0] == 0xD2 && u[1] == 0x82))
        return 2;
    if (at + 3 <= len && u[0] >= 0xEA && u[0] <= 0xED && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 &&
        (u[0] == 0xEB || u[0] == 0xEC || (u[0] == 0xEA && u[1] >= 0xB0) || (u[0] == 0xED && u[1] <= 0x9D)))
        return 3;
    return 0;
}

/* The end of the word at at (letters of any script), or at. */
static size_t word_end(const char *s, size_t len, size_t at)
{
    size_t n, from = at;
    int cp;

    while (at < len && det_alpha(s[at]))
        at++;
    for (;;) {
        /* Cyrillic U+0400-U+04FF but U+0482 and Hangul syllables
         * U+AC00-U+D77F, word characters of is_word_cp, read without
         * decoding: this runs at every word (brief s29 speed29b). */
        if ((n = word_char_fast(s, len, at)) > 0)
            at += n;
        else if (at < len && (unsigned char)s[at] >= 0x80 && (cp = det_cp_at(s, len, at, &n)) >= 0 &&
                 is_word_cp(cp))
            at += n;
        else
            break;
    }
    /* Ukrainian writes an apostrophe inside a word ("п'ять", "дев'ять"):
     * between two Cyrillic letters it joins them. */
    if (at > from && at + 2 < len && s[at] == '\'' && (unsigned char)s[at - 1] >= 0x80 &&
        (unsigned char)s[at + 1] >= 0x80 && (cp = det_cp_at(s, len, at + 1, &n)) >= 0x400 && cp < 0x530)
        return word_end(s, len, at + 1);
    return at;
}

/* Most words are no number word: a bit per hash of a word's first four
 * bytes and its length tells at once (set for each entry of spoken[]),
 * before the table is read.  The words that pass it are looked up in an
 * open-addressing table of every entry (spoken_words[], then spoken_east[]; a
 * word in both is spoken[]'s, as the scan of the two tables in that
 * order found it), hashed over all their bytes: the scan of the ~320
 * entries it replaces was 3% of a redaction (brief s29 speed29b). */
#define FILTER_BITS 4096
#define TABLE_SLOTS 1024        /* a power of two, over twice the entries */
static uint64_t filter[FILTER_BITS / 64];
static const struct spoken_word *table[TABLE_SLOTS];
static pthread_once_t filter_once = PTHREAD_ONCE_INIT;

static unsigned word_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;

    for (size_t i = 0; i < n && i < 4; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return (unsigned)((h ^ (uint32_t)n * 2654435761u) % FILTER_BITS);
}

/* The slot where the word w[0..n) is or would go, hashed over all its
 * bytes. */
static unsigned table_slot(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    unsigned k;

    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    for (k = h & (TABLE_SLOTS - 1); table[k] != NULL; k = (k + 1) & (TABLE_SLOTS - 1))
        if (strlen(table[k]->w) == n && memcmp(table[k]->w, w, n) == 0)
            break;
    return k;
}

/* Set once filter is built: an acquire load per look-up instead of a call
 * of pthread_once (normalise_chars.c's wordbit does the same). */
static atomic_int filter_ready;

static void filter_add(const struct spoken_word *e)
{
    size_t n = strlen(e->w);
    unsigned h = word_hash(e->w, n), k = table_slot(e->w, n);

    filter[h / 64] |= (uint64_t)1 << (h % 64);
    if (table[k] == NULL)
        table[k] = e;
}

static void filter_build(void)
{
    for (size_t k = 0; k < spoken_words_n; k++)
        filter_add(&spoken_words[k]);
    for (size_t k = 0; k < spoken_east_n; k++)
        filter_add(&spoken_east[k]);
    atomic_store_explicit(&filter_ready, 1, memory_order_release);
}

/* The table entry for the word s[a, b), or NULL. */
static const struct spoken_word *lookup(const char *s, size_t a, size_t b)
{
    unsigned h = word_hash(s + a, b - a);

    if (!atomic_load_explicit(&filter_ready, memory_order_acquire))
        (void)pthread_once(&filter_once, filter_build);
    if (b - a > 32 || !(filter[h / 64] >> (h % 64) & 1))
        return NULL;
    return table[table_slot(s + a, b - a)];
}

static int ko_units(const char *s, size_t a, size_t b, unsigned *v, size_t *e);

static const char ko_of[] = "\xec\x9d\x98";   /* 의 */


int detect_spoken_word(const char *s, size_t len, size_t at)
{
    size_t b = word_end(s, len, at);

    const struct spoken_word *w;
    size_t e, sino;
    unsigned v;
    int weak;

    if (b == at)
        return 0;
    if ((w = lookup(s, at, b)) != NULL)
        return w->type != DASH && w->type != POINT && w->type != KDIGIT && w->type != HEMI && w->type != LON &&
               w->type != KZHUND && w->type != KZTEN && w->type != MSTEEN && w->type != MSTENS;
    /* The readers below read Hangul (EA-ED) and kana (E3): any other
     * first byte is none of theirs (det_sino_digit, ko_units,
     * glued_digits' entries); only glued English is left. */
    if ((unsigned char)s[at] < 0xE3 || (unsigned char)s[at] > 0xED ||
        ((unsigned char)s[at] > 0xE3 && (unsigned char)s[at] < 0xEA))
        return spoken_glued_english(s, at, b, NULL, 0) > 0;
    sino = det_sino_run(s, b, at);
    return sino * 3 == b - at || (sino >= 3 && b - at - sino * 3 <= 6) || ko_units(s, at, b, &v, &e) ||
           spoken_glued_digits(s, at, b, NULL, 0, &weak, &e) > 0 || spoken_glued_english(s, at, b, NULL, 0) > 0;
}

/* The digits of a run.  Words are read as numbers are said: a number is
 * a run of words whose places fall (thousands, hundreds, tens, units:
 * "есөн мянга есөн зуун арван нэг" 9911, "девяносто девять" 99,
 * "twenty-one" 21); a word whose place is not below the last one starts
 * the next number ("ten forty-eight", "one two three"), and each number
 * is written as its digits. */
struct run {
    char d[SPOKEN_DIGITS];
    size_t n;
    unsigned long num;          /* the number being read */
    int place;                  /* its lowest place said (0 units ... 3 thousands), -1: none */
    int ld, ldplace;            /* its last digit word (or -1) and the place before it */
    size_t weak;                /* words of the wider net read (WEAK_RUN) */
    int komode;                 /* read as Korean in Latin letters: "o" 5, "i" 2 */
    size_t ko;                  /* words of Korean in Latin letters read */
    size_t glued;               /* digit words glued to one before them ("fivezero") */
};

static int put(struct run *r, int v)
{
    if (r->n == SPOKEN_DIGITS)
        return -1;
    r->d[r->n++] = (char)('0' + v);
    return 0;
}

/* Writes a mark ('.', ',') into the digits. */
static int put_mark(struct run *r, char c)
{
    if (r->n == SPOKEN_DIGITS)
        return -1;
    r->d[r->n++] = c;
    return 0;
}

/* Writes the number being read as its digits. */
static int flush(struct run *r)
{
    char buf[24];
    int k = 0, rc = 0;
    unsigned long v = r->num;

    if (r->place < 0)
        return 0;
    do
        buf[k++] = (char)('0' + (int)(v % 10)), v /= 10;
    while (v > 0 && k < (int)sizeof buf);
    while (k > 0 && rc == 0)
        rc = put(r, buf[--k] - '0');
    r->place = -1, r->num = 0, r->ld = -1;
    return rc;
}

/* Adds v at place (its lowest place, 0-3) to the number being read, or
 * starts the next number with it. */
static int add_place(struct run *r, unsigned long v, int place, int digit)
{
    int rc = 0;

    if (r->place >= 0 && r->place <= place)
        rc = flush(r);
    r->ld = digit ? (int)v : -1, r->ldplace = r->place < 0 ? 9 : r->place;
    r->num += v, r->place = place;
    return rc;
}

/* A hundred or a thousand: multiplies the digit said before it ("nine
 * hundred", "есөн зуун") or, a thousand, all said so far below a thousand
 * ("сорок тысяч"); Russian сто ... девятьсот add their hundreds. */
static int add_scale(struct run *r, int type, unsigned v)
{
    if (type == HUND && v > 0)
        return add_place(r, 100UL * v, 2, 0);
    if (type == HUND) {
        if (r->ld >= 0 && r->ldplace > 2 && r->place == 0) {
            r->num += (unsigned long)r->ld * 99, r->place = 2, r->ld = -1;
            return 0;
        }
        return add_place(r, 100, 2, 0);
    }
    if (r->place >= 0 && r->place < 3 && r->num < 1000) {
        r->num *= 1000, r->place = 3, r->ld = -1;
        return 0;
    }
    return add_place(r, 1000, 3, 0);
}

/* 1 if the word s[a, b) is a Korean number with units ("사천팔백이십일",
 * "칠천삼백구십오": det_numeral), maybe with a particle of one or two
 * syllables after it ("칠천삼백구십오로"); its value in *v, where the
 * number ends in *e. */
static int ko_units(const char *s, size_t a, size_t b, unsigned *v, size_t *e)
{
    size_t nd, sino = det_sino_run(s, b, a);

    if (sino > 1 || (unsigned char)s[a] < 0xEA || (unsigned char)s[a] > 0xED)
        return 0;
    *v = det_numeral(s, b, a, e, &nd);
    return nd > 0 && *e > a + 3 * sino && *e > a + 3 && b - *e <= 6;
}

/* Adds the word s[a, b) to r; 0, or -1 if it is no number word (or
 * overflows). *mult: a "double" waiting for its digit; *stop set when the
 * word ends the run where *b says (a particle after it). */
static int add_word(struct run *r, int *mult, const char *s, size_t a, size_t *b, int *stop)
{
    const struct spoken_word *w = lookup(s, a, *b);
    size_t k, sino, e, n;
    unsigned v;
    int rc = 0, weak;
    char d[SPOKEN_DIGITS];

    *stop = 0;
    if (w == NULL) {
        if (*mult)
            return -1;
        if ((n = spoken_glued_english(s, a, *b, d, sizeof d)) > 0) {
            r->glued += n - 1;
            for (k = 0; k < n && rc == 0; k++)
                rc = flush(r) | put(r, d[k] - '0');
            sodium_memzero(d, sizeof d);
            return rc;
        }
        if (ko_units(s, a, *b, &v, &e)) {
            rc = flush(r) | add_place(r, v, 0, 0) | flush(r);
            /* 의 joins the groups: the run goes on after it. */
            if (!(*b - e == 3 && memcmp(s + e, ko_of, 3) == 0))
                *stop = e < *b, *b = e;
            return rc;
        }
        sino = det_sino_run(s, *b, a);
        if (sino * 3 != *b - a && (n = spoken_glued_digits(s, a, *b, d, sizeof d, &weak, &e)) > 0) {
            r->weak += (size_t)weak;
            *stop = e < *b, *b = e;
            for (k = 0; k < n && rc == 0; k++)
                rc = flush(r) | put(r, d[k] - '0');
            sodium_memzero(d, sizeof d);
            return rc;
        }
        e = a + sino * 3;
        if (sino * 3 != *b - a) {
            /* Digit syllables and a particle ("칠삼구오로"); at the end of
             * a run of three digits or more, one or two syllables and the
             * copula or a particle ("... 점 일입니다", "... 점 일이다": the
             * 이 before 다 is the copula; report-adv19b B-20), right after
             * a point or a dash said. */
            if (sino >= 1 && sino < 3 && r->n >= 3 && (r->d[r->n - 1] == '.' || r->d[r->n - 1] == '-') &&
                *b - e <= 9) {
                if (sino == 2 && det_starts(s, *b, e - 3, "\xec\x9d\xb4\xeb\x8b\xa4"))   /* 이다 */
                    e -= 3;
                *stop = 1, *b = e;
            } else if (sino < 3 || *b - a - sino * 3 > 6)
                return -1;
            if (!(*b - e == 3 && memcmp(s + e, ko_of, 3) == 0))
                *stop = 1, *b = e;
        }
        for (k = a; k < e && rc == 0; k += 3)
            rc = flush(r) | put(r, det_sino_digit(s, e, k));
        return rc;
    }
    if (*mult && w->type != DIGIT)
        return -1;
    r->ko += w->type == KWORD || w->type == KDIGIT;
    if (w->type == KDIGIT && !r->komode)
        return -1;
    switch (w->type) {
    case WDIGIT: case KWORD: case KDIGIT:
        r->weak++;
        if (r->komode && w->w[0] == 'o' && w->w[1] == '\0') {
            rc = add_place(r, 5, 0, 1);
            break;
        }
        /* fall through */
    case DIGIT:
        if (*mult) {
            rc = flush(r);
            for (k = 0; k < (size_t)*mult && rc == 0; k++)
                rc = put(r, w->v);
            *mult = 0;
            break;
        }
        rc = add_place(r, w->v, 0, 1);
        break;
    case TEEN:
        rc = add_place(r, w->v, 0, 0);
        break;
    case TENS:
        rc = add_place(r, 10UL * w->v, 1, 0);
        break;
    case HUND: case THOUS:
        rc = add_scale(r, w->type, w->v);
        break;
    case KZHUND:                /* after a digit said: "жеті жүз" */
        if (r->place != 0 || r->ld < 0)
            return -1;
        rc = add_scale(r, HUND, 0);
        break;
    case MSTEEN: case MSTENS:   /* after a digit said: "empat belas" 14, "dua puluh" 20 */
        if (r->place != 0 || r->ld < 0)
            return -1;
        r->num += w->type == MSTEEN ? 10UL : (unsigned long)r->ld * 9;
        r->place = w->type == MSTEEN ? 0 : 1, r->ld = -1;
        break;
    case KZTEN:                 /* after a hundred: "жүз он бес" */
        if (r->place != 2)
            return -1;
        rc = add_place(r, 10, 1, 0);
        break;
    case POINT:
        rc = flush(r);
        if (rc == 0 && (r->n == 0 || !det_digit(r->d[r->n - 1])))
            return -1;
        if (rc == 0)
            rc = put_mark(r, '.');
        break;
    case HEMI:
        /* Only after a decimal number: "47.918" + 'n'. */
        rc = flush(r);
        if (rc == 0 && (r->n == 0 || !det_digit(r->d[r->n - 1]) || memchr(r->d, '.', r->n) == NULL))
            return -1;
        if (rc == 0)
            rc = put_mark(r, (char)w->v);
        break;
    case LON:
        rc = flush(r);
        if (rc == 0 && (r->n == 0 || memchr(r->d, '.', r->n) == NULL || r->d[r->n - 1] == '.' ||
                        r->d[r->n - 1] == '-'))
            return -1;
        if (rc == 0 && r->d[r->n - 1] != ',')
            rc = put_mark(r, ',');
        break;
    case DASH:
        rc = flush(r);
        if (rc == 0 && (r->n == 0 || r->d[r->n - 1] == '-'))
            return -1;
        if (rc == 0 && r->n < SPOKEN_DIGITS)
            r->d[r->n++] = '-';
        break;
    default:
        rc = flush(r);
        *mult = w->v;
        break;
    }
    return rc;
}

/* The end of the separators between two number words (spaces, commas,
 * hyphens, at most 4 bytes; or one ideographic comma 、, fullwidth comma
 * or katakana middle dot ・ with spaces around it: ゼロイチゼロ、イチニサンヨン),
 * or at if there are none. */
static size_t separators(const char *s, size_t len, size_t at)
{
    static const char *const wide[] = { "\xe3\x80\x81", "\xef\xbc\x8c", "\xe3\x83\xbb" };
    size_t i = at;

    while (i < len && s[i] == ' ')
        i++;
    for (size_t k = 0; k < sizeof wide / sizeof wide[0]; k++)
        if (i + 3 <= len && memcmp(s + i, wide[k], 3) == 0) {
            for (i += 3; i < len && i - at < 8 && s[i] == ' '; i++)
                ;
            return i;
        }
    i = at;
    /* An apostrophe closing a word in Latin letters (the soft sign:
     * "sem' pyat' nol'"). */
    if (i < len && s[i] == '\'' && i > 0 && det_alpha(s[i - 1]))
        i++, at++;
    while (i < len && i - at < 4 && (s[i] == ' ' || s[i] == ',' || s[i] == '-'))
        i++;
    if (i - at == 4)
        return at;
    /* A pause said or written ("... ", ", uh, ", " (pause) ": detect_pause.c). */
    return det_pause(s, len, i) > i ? det_pause(s, len, i) : i;
}

/* 1 if c of a run's digits is a mark that waits for a number after it
 * (a point, a comma, a dash), not a digit or a hemisphere's letter. */
static int mark(char c)
{
    return c == '.' || c == ',' || c == '-';
}

/* Reads the run of number words from at into r (as Korean in Latin
 * letters when komode); its end, or at. */
static size_t read_mode(struct run *r, const char *s, size_t len, size_t at, size_t *words, int komode)
{
    size_t p = at, b, end = at;
    int mult = 0, stop = 0;

    memset(r, 0, sizeof *r);
    r->place = r->ld = -1, r->komode = komode;
    *words = 0;
    for (;;) {
        b = word_end(s, len, p);
        /* A group of digits among the words ("010 one two three four
         * 5678"). */
        if (b == p && !mult && (b = p + det_digits(s, len, p)) > p && det_ends_word(s, len, b)) {
            for (size_t k = p; k < b; k++)
                if (flush(r) != 0 || put(r, s[k] - '0') != 0)
                    return at;
        } else if (b == p || add_word(r, &mult, s, p, &b, &stop) != 0)
            break;
        (*words)++;
        /* A "double" or a dash said waits for what follows it. */
        if (!mult && !(r->n > 0 && mark(r->d[r->n - 1]) && r->place < 0))
            end = b;
        if (stop || (p = separators(s, len, b)) == b)
            break;
        /* "forty-two point zero one two, one twenty-nine point …": the
         * comma parts two decimal numbers. */
        if (memchr(s + b, ',', p - b) != NULL && r->n > 0 && memchr(r->d, '.', r->n) != NULL &&
            (flush(r) != 0 || put_mark(r, ',') != 0))
            return at;
    }
    if (flush(r) != 0)
        return at;
    while (r->n > 0 && mark(r->d[r->n - 1]))
        r->n--;
    return end;
}

/* Reads the run of number words from at into r; its end, or at.  A run
 * with a word of Korean in Latin letters is read again as one ("chil o
 * gong sam il sa il i": o 5, i 2), and that reading kept when it reads
 * as far. */
static size_t read_run(struct run *r, const char *s, size_t len, size_t at, size_t *words)
{
    struct run k;
    size_t end = read_mode(r, s, len, at, words, 0), kend, kwords;

    if (r->ko == 0)
        return end;
    kend = read_mode(&k, s, len, at, &kwords, 1);
    if (kend >= end && k.ko * 2 >= kwords)
        *r = k, end = kend, *words = kwords;
    sodium_memzero(&k, sizeof k);
    return end;
}

/* Where a character starts at or after i (bytes of valid UTF-8). */
static size_t char_start(const char *s, size_t len, size_t i)
{
    while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return i;
}

size_t detect_spoken_digits(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n)
{
    struct run r;
    size_t end, words;

    if (!detect_spoken_word(s, len, at) || (end = read_run(&r, s, len, at, &words)) == at ||
        words < 2 || r.n > cap || memchr(r.d, '-', r.n) != NULL || memchr(r.d, '.', r.n) != NULL ||
        memchr(r.d, ',', r.n) != NULL || r.weak > 0)
        end = 0;
    else
        memcpy(d, r.d, r.n), *n = r.n;
    sodium_memzero(&r, sizeof r);
    return end;
}

/* ---- numbers written in parts ----
 * A number whose characters or groups are joined by separators the
 * scanners do not read ("M·1234567", "M.1.2.3.4.5.6.7", "M/1/2/3",
 * "M_1_2_3", "9911.2345", "010, then 1234, then 5678"), or spelt with a
 * Korean letter name before Sino-Korean digits ("엠일이삼사오육칠", "엠 일이삼사
 * 오육칠"): read compact ("m1234567", "99112345") and handed to the
 * scanners as a spoken run is (report-adv12e F10, F21, F35). */

/* The Korean names of the Latin letters (KS X 1026-style readings as
 * Koreans spell out a code; 이 E and 오 O are digits and left out). */
static const struct {
    const char *name;
    char letter;
} ko_letters[] = {
    { "\xec\x97\x90\xec\x9d\xb4\xec\xb9\x98", 'h' }, { "\xeb\x8d\x94\xeb\xb8\x94\xec\x9c\xa0", 'w' },
    { "\xec\x97\x90\xec\x9d\xb4", 'a' }, { "\xec\x97\x90\xed\x94\x84", 'f' },
    { "\xec\x97\x90\xec\x8a\xa4", 's' }, { "\xec\xa0\x9c\xec\x9d\xb4", 'j' },
    { "\xec\xbc\x80\xec\x9d\xb4", 'k' }, { "\xeb\xb8\x8c\xec\x9d\xb4", 'v' },
    { "\xec\x97\x91\xec\x8a\xa4", 'x' }, { "\xec\x99\x80\xec\x9d\xb4", 'y' },
    { "\xec\xa0\x9c\xed\x8a\xb8", 'z' }, { "\xec\x97\xa0", 'm' }, { "\xec\x97\x94", 'n' },
    { "\xec\x97\x98", 'l' }, { "\xeb\xb9\x84", 'b' }, { "\xec\x94\xa8", 'c' },
    { "\xeb\x94\x94", 'd' }, { "\xec\xa7\x80", 'g' }, { "\xed\x94\xbc", 'p' },
    { "\xed\x81\x90", 'q' }, { "\xec\x95\x8c", 'r' }, { "\xed\x8b\xb0", 't' },
};

/* The letter a code starts with at s[at]: one ASCII letter alone, or a
 * Korean letter name; its length, the letter in *c, or 0. */
static size_t code_letter(const char *s, size_t len, size_t at, char *c)
{
    size_t k, n;

    if (det_alpha(s[at]))
        return at + 1 < len && !det_letter_at(s, len, at + 1) ? (*c = s[at], (size_t)1) : 0;
    /* Most Hangul words are no letter name: a Sino-Korean digit must
     * follow one within three syllables (and a space) first. */
    for (k = 3; k <= 9; k += 3)
        if (det_sino_digit(s, len, at + k) >= 0 ||
            (at + k < len && s[at + k] == ' ' && det_sino_digit(s, len, at + k + 1) >= 0))
            break;
    if (k > 9)
        return 0;
    for (k = 0; k < sizeof ko_letters / sizeof ko_letters[0]; k++)
        if (det_starts(s, len, at, ko_letters[k].name)) {
            n = strlen(ko_letters[k].name);
            *c = ko_letters[k].letter;
            return n;
        }
    return 0;
}

size_t detect_ko_letter(const char *s, size_t len, size_t at, char *c)
{
    return det_alpha(s[at]) ? 0 : code_letter(s, len, at, c);
}

/* The separator class of numbers written in parts at s[at]: one of
 * ". / _" or a middle dot (· ‧ ∙ ⋅ • ᆞ), a space, or a word joining
 * groups (", then ", " then ", ", and ", " and ", ", 그리고 "); its end, or at.
 * *odd: 1 if it is one the phone scanner does not read (all but a
 * space). */
static size_t part_separator(const char *s, size_t len, size_t at, int *odd)
{
    static const char *const words[] = {
        ", and then ", " and then ", ", then ", " then ", ", and ", " and ",
        ", \xea\xb7\xb8\xeb\xa6\xac\xea\xb3\xa0 ", " \xea\xb7\xb8\xeb\xa6\xac\xea\xb3\xa0 ",
        /* Mongolian ба, болон; Russian и; Korean 및 (and) */
        ", \xd0\xb1\xd0\xb0 ", " \xd0\xb1\xd0\xb0 ",
        ", \xd0\xb1\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xbd ", " \xd0\xb1\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xbd ",
        ", \xd0\xb8 ", " \xd0\xb8 ", ", \xeb\xb0\x8f ", " \xeb\xb0\x8f ",
    };
    static const char *const dots[] = {
        "\xc2\xb7", "\xe2\x80\xa7", "\xe2\x88\x99", "\xe2\x8b\x85", "\xe2\x80\xa2", "\xe1\x86\x9e",
    };
    size_t k;

    *odd = 1;
    if (at >= len)
        return at;
    if (s[at] == '.' || s[at] == '/' || s[at] == '_')
        return at + 1;
    for (k = 0; k < sizeof dots / sizeof dots[0]; k++)
        if (det_starts(s, len, at, dots[k]))
            return at + strlen(dots[k]);
    for (k = 0; k < sizeof words / sizeof words[0]; k++)
        if (det_starts(s, len, at, words[k]))
            return at + strlen(words[k]);
    *odd = 0;
    return s[at] == ' ' ? at + 1 : at;
}

/* The value of the four digits at d. */
static int atoi_4(const char *d)
{
    return ((d[0] - '0') * 10 + d[1] - '0') * 100 + (d[2] - '0') * 10 + d[3] - '0';
}

/* Reads a number written in parts from at into r: a code letter maybe,
 * then groups of digits of any script (det_digit_at) joined by one kind
 * of separator.  Its end, or at when it is none: two groups at least,
 * seven characters at least, an odd separator or a spelt letter, and
 * after a first digit every group three digits or more ("9911.2345",
 * not "3.14" or "1.250.000") and no two years ("2010, then 2015"). */
static size_t read_parts(struct run *r, const char *s, size_t len, size_t at)
{
    size_t p = at, q, e, end = at, groups = 0, shortest = 99, k, spelt = 0, years = 0;
    char c, sep = 0;
    int v, odd = 0, o;

    memset(r, 0, sizeof *r);
    if ((k = code_letter(s, len, at, &c)) > 0) {
        r->d[r->n++] = c, spelt = !det_alpha(c) || (unsigned char)s[at] >= 0x80;
        p = at + k;
        if ((q = part_separator(s, len, p, &o)) > p && det_digit_at(s, len, q, &v, 1) > 0)
            odd |= o, p = q;
    }
    for (;;) {
        size_t before = r->n;
        for (e = p; (k = det_digit_at(s, len, e, &v, 1)) > 0; e += k)
            if (put(r, v) != 0)
                return at;
        if (e == p)
            break;
        groups++, end = e;
        years += r->n - before == 4 && r->d[before] <= '2' &&
                 (unsigned)atoi_4(r->d + before) >= 1900 && (unsigned)atoi_4(r->d + before) <= 2099;
        if (r->n - before < shortest)
            shortest = r->n - before;
        q = part_separator(s, len, e, &o);
        if (q == e || det_digit_at(s, len, q, &v, 1) == 0)
            break;
        if (sep != 0 && s[e] != sep)
            break;
        sep = s[e], odd |= o, p = q;
    }
    if (r->n < 7 || (!odd && !spelt) || years >= 2 || (groups < 2 && !(r->d[0] >= 'a' && (odd || spelt))) ||
        (r->d[0] <= '9' && shortest < 3))
        return at;
    return end;
}

/* The end of a dash said ("dash", "тире", "다시": spoken_words[]) at at, or at. */
static size_t dash_word(const char *s, size_t len, size_t at)
{
    size_t b = word_end(s, len, at);
    const struct spoken_word *w = b > at ? lookup(s, at, b) : NULL;

    return w != NULL && w->type == DASH ? b : at;
}

int detect_dash_word(const char *s, size_t len, size_t at)
{
    return dash_word(s, len, at) > at;
}

/* 1 if one to three groups of digits at at are followed by a number word
 * ("010 one two three four 5678", "010 1234 five six seven eight"): a run
 * of words may start there. */
static int mixed_start(const char *s, size_t len, size_t at)
{
    size_t e, q = at, k;

    for (k = 0; k < 3; k++) {
        e = q + det_digits(s, len, q);
        if (e == q || !det_ends_word(s, len, e) || (q = separators(s, len, e)) == e)
            return 0;
        if (detect_spoken_word(s, len, q))
            return 1;
        /* "750314 dash one two three ...": a dash said, then words. */
        if ((e = dash_word(s, len, q)) > q && (e = separators(s, len, e)) > q &&
            (detect_spoken_word(s, len, e) || (e < len && det_digit(s[e]))))
            return 1;
    }
    return 0;
}

int detect_mixed_start(const char *s, size_t len, size_t at)
{
    return mixed_start(s, len, at);
}

int detect_parts_start(const char *s, size_t len, size_t at)
{
    size_t k, q, e, n = 0;
    char c;
    int v, o;

    if (mixed_start(s, len, at))
        return 1;
    for (e = at; n < 4 && (k = det_digit_at(s, len, e, &v, 1)) > 0; e += k)
        n++;
    if (n > 0) {
        while ((k = det_digit_at(s, len, e, &v, 1)) > 0)
            e += k;
        q = part_separator(s, len, e, &o);
        return n >= 3 && o && q > e && det_digit_at(s, len, q, &v, 1) > 0;
    }
    if ((k = code_letter(s, len, at, &c)) == 0)
        return 0;
    q = part_separator(s, len, at + k, &o);
    return det_digit_at(s, len, q, &v, 1) > 0 && (o || (unsigned char)s[at] >= 0x80 ||
                                                 (unsigned char)s[q] >= 0x80);
}

/* 1 if the word before at is a Mongolian noun of a number in Latin
 * letters (utas "phone", dugaar "number", with their endings), which
 * the particle ni follows. */
static int latin_mn_noun(const char *s, size_t at)
{
    size_t a = at, n;

    if (at < 2 || s[at - 1] != ' ')
        return 0;
    for (a = at - 1; a > 0 && det_alpha(s[a - 1]); a--)
        ;
    n = at - 1 - a;
    return (n >= 4 && memcmp(s + a, "utas", 4) == 0) || (n >= 6 && memcmp(s + a, "dugaar", 6) == 0);
}

size_t detect_spoken(const char *s, size_t len, size_t at, int *kind,
                     detect_digits_fn scan, void *ctx)
{
    char buf[CONTEXT_BEFORE + SPOKEN_DIGITS + CONTEXT_AFTER + 2];
    struct run r;
    size_t end, words, a, b, n;
    unsigned v;
    int found;

    /* A year or a day said in words is the date scanner's
     * ("тысяча девятьсот семьдесят пятого": detect_years.c). */
    if (det_year_words(s, len, at, &v) != 0 || det_day_words(s, len, at, &v) != 0)
        return 0;
    /* "ni" (Japanese 2, of the wider net) is the Mongolian particle нь
     * in Latin letters before a number that reads without it ("Utas ni
     * yes yes neg neg ...": report-adv19b B-2); the walk reads that next. */
    if (det_word_at(s, len, at, "ni", FIT_WORD) && at + 3 < len && s[at + 2] == ' ' && latin_mn_noun(s, at) &&
        detect_spoken(s, len, at + 3, kind, scan, ctx) != 0)
        return 0;
    if (!(detect_spoken_word(s, len, at) || mixed_start(s, len, at)) ||
        (end = read_run(&r, s, len, at, &words)) == at || words + r.glued < 3 || r.n < 4 ||
        (r.weak > 0 && r.n < WEAK_RUN))
        end = detect_parts_start(s, len, at) ? read_parts(&r, s, len, at) : at;
    if (end == at) {
        sodium_memzero(&r, sizeof r);
        return 0;
    }
    /* The text around the run with the digits for the words ("call " +
     * "01012345678" + ". "), cut at whole characters. */
    a = at > CONTEXT_BEFORE ? char_start(s, at, at - CONTEXT_BEFORE) : 0;
    b = end + CONTEXT_AFTER < len ? end + CONTEXT_AFTER : len;
    while (b > end && b < len && ((unsigned char)s[b] & 0xC0) == 0x80)
        b--;
    memcpy(buf, s + a, at - a), n = at - a;
    memcpy(buf + n, r.d, r.n), n += r.n;
    memcpy(buf + n, s + end, b - end), n += b - end;
    buf[n] = '\0';
    found = scan(ctx, buf, n, at - a, at - a + r.n, kind);
    sodium_memzero(buf, sizeof buf);
    sodium_memzero(&r, sizeof r);
    return found ? end : 0;
}

/* A run of Han digits ("五五一二", "五五 一二"): its end, its digits in
 * d[0..*n) (at most cap); at if fewer than two. */
static size_t han_run(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n)
{
    size_t i = at, end = at, k, m;
    int v;

    int cp, tens = 0, next;

    *n = 0;
    while (i < len) {
        cp = det_cp_at(s, len, i, &k);
        /* 十 (拾) read by place as the other languages' pairs are: 七十五
         * 75, 十二 12, 七十 70 (report-adv17a D-2). */
        if (cp == 0x5341 || cp == 0x62FE) {
            next = i + k < len ? det_han_digit(det_cp_at(s, len, i + k, &m)) : -1;
            if (*n + 2 > cap)
                return at;
            if (!tens)
                d[(*n)++] = '1';
            if (next <= 0)
                d[(*n)++] = '0';
            tens = 0, end = i += k;
            continue;
        }
        if ((v = det_han_digit(cp)) < 0)
            break;
        if (*n == cap)
            return at;
        d[(*n)++] = (char)('0' + v);
        tens = i == at || !(det_cp_before(s, i, &m) == 0x5341 || det_cp_before(s, i, &m) == 0x62FE);
        end = i += k;
        if (i + 1 < len && s[i] == ' ' && det_han_digit(det_cp_at(s, len, i + 1, &k)) >= 0)
            i++;
    }
    return *n >= 2 ? end : at;
}

/* detect_spoken_reading_min(weak_min) and, where it gives 0,
 * detect_spoken_reading_min(weak_min2), in one reading of the words
 * (*second 1 when the end is the second's): detect_int.h. */
static size_t reading_two(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n,
                          size_t weak_min, size_t weak_min2, int *second)
{
    struct run r;
    size_t end, words, k, m = 0;
    int ran, base, first_ok, second_ok;

    *second = 0;
    if ((end = han_run(s, len, at, d, cap, n)) != at)
        return end;
    /* Words of the wider net are read in a run of WEAK_RUN digits or
     * more (report-adv17a D-3, D-38: "sieben fünf null drei ...", "qi wu
     * ling san ...", "chil o gong sam ..."); a run may start with digits
     * ("7 пять 0 три 1 четыре 1 два"). */
    ran = detect_spoken_word(s, len, at) || mixed_start(s, len, at);
    base = ran && (end = read_run(&r, s, len, at, &words)) != at &&
           memchr(r.d, '.', r.n) == NULL && memchr(r.d, ',', r.n) == NULL;
    first_ok = base && !(r.weak > 0 && r.n < weak_min);
    second_ok = base && !(r.weak > 0 && r.n < weak_min2);
    /* The digits are the same for both minimums: written once, where
     * either reading stands (as the two calls wrote them). */
    if (first_ok || second_ok) {
        for (k = 0; k < r.n; k++)
            if (det_digit(r.d[k]) && m < cap)
                d[m++] = r.d[k];
        /* The second call set *n to 0 (han_run) before its reading. */
        *n = (first_ok && m >= 2) || second_ok ? m : 0;
    }
    if (ran)
        sodium_memzero(&r, sizeof r);
    if (m < 2 || !(first_ok || second_ok))
        return 0;
    *second = !first_ok;
    return end;
}

size_t detect_spoken_reading(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n)
{
    return detect_spoken_reading_min(s, len, at, d, cap, n, WEAK_RUN);
}

size_t detect_spoken_reading_min(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n,
                                 size_t weak_min)
{
    int second;

    return reading_two(s, len, at, d, cap, n, weak_min, weak_min, &second);
}

size_t detect_spoken_reading_two(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n,
                                 size_t weak_min2, int *second)
{
    return reading_two(s, len, at, d, cap, n, WEAK_RUN, weak_min2, second);
}

/* ---- what the address reader (detect_spoken_addr.c) asks of the table ---- */

size_t detect_spoken_word_end(const char *s, size_t len, size_t at)
{
    return word_end(s, len, at);
}

size_t detect_spoken_separators(const char *s, size_t len, size_t at)
{
    return separators(s, len, at);
}

int detect_spoken_value(const char *s, size_t a, size_t b, unsigned *v)
{
    const struct spoken_word *w = lookup(s, a, b);

    if (w == NULL || (w->type != DIGIT && w->type != TEEN && w->type != TENS))
        return 0;
    *v = w->type == TENS ? 10u * w->v : w->v;
    return 1;
}

size_t detect_spoken_plain(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n)
{
    struct run r;
    size_t end = at, words = 0;

    if (detect_spoken_word(s, len, at) && (end = read_run(&r, s, len, at, &words)) > at) {
        if (r.weak > 0 || r.n == 0 || r.n > cap || memchr(r.d, '-', r.n) != NULL ||
            memchr(r.d, '.', r.n) != NULL || memchr(r.d, ',', r.n) != NULL)
            end = at;
        else
            memcpy(d, r.d, r.n), *n = r.n;
        sodium_memzero(&r, sizeof r);
    }
    return end;
}
