/* Gates of the detectors (brief s28 speed28, issue 12: redaction back to
 * 50 MB/s with 10,000 terms).  Sessions 21-27 added readers that look at
 * every position of every text; most of them can only match near a mark
 * that is rare in prose (a digit, a unit word).  A gate is computed once
 * per text by a cheap pass, and the reader starts only where the gate
 * holds.  A gate must be exact: the reader's answers are the same with
 * and without it (bench/redact_diff.sh checks it over every text of
 * tests/data).  Its rule, written from the reader's rule, is below and
 * beside the reader; a reader that learns a new form checks its gate.
 *
 * addr_run_spans (detect_address_run.c).  An accepted run holds a
 * numbered part, a postcode, a name with its number or an address found
 * (its accept()): each holds an ASCII digit, a word of units[] (a unit
 * word first, or after a spoken ordinal), or starts at an address found
 * before.  Those are the marks.  Before its first mark a run holds only
 * named parts (a prefix and three words, or three words and a suffix:
 * three spaces), a Russian street (no space) and joiners (three spaces
 * at most: ", on the "), at most fifteen of them (its 16 parts), and the
 * mark's own part may start with a spoken ordinal (its digits' buffer
 * holds 15: fewer than 32 words); so a run's first mark follows its
 * start within 15 * 6 + 33 = 123 spaces: GATE_RUN_SPACES (256) leaves a
 * margin.  No run holds, before its mark, an ASCII byte other than a
 * letter, a digit, ' ', and "-'.:#,;/|_": any other byte (a line break,
 * '!', '?', '(', '"') ends the window.
 *
 * The short shapes of detect_address_cue.c (shapes(); brief s29
 * speed29a).  Each shape but one holds an ASCII digit a few bytes after
 * the byte it is asked at (its reader's first tests): addr_dong_ho_spaced,
 * addr_mn_genitive, kw_postcode, said_shape (in the view: a number said
 * is digits there) and addr_mn_letters after its number ("3х", "3kh") at
 * that byte; addr_named_complex at it or after a letter and '-' (2
 * bytes: "b-12-3"); addr_mn_letters with its unit first after the unit
 * (хороо, 10 bytes) and ": " (12 bytes: "хороо: 3"); addr_zip_said after
 * its label ("postal code is ", 15 bytes).  So a byte with no ASCII digit
 * in the GATE_SHAPE_DIGIT (24) bytes from it starts none of them:
 * shapes() asks only addr_ko_complex there, whose brand word before the
 * number ("반포래미안 101동") is a Hangul run of any length.
 *
 * detect_plate_country (detect_plate3.c, detect_plate_ru.c): each plate
 * holds an ASCII digit at most 10 bytes from its start: Russia's letter
 * and separator (3 bytes) or two letters and one (5), Malaysia's series
 * and separator (4) or special word and space ("putrajaya ", 10),
 * Kuwait's code at once.  It returns 0 at once where no digit is within
 * its reach (gate_digit_within with digit_reach(): detect_gate_num.c,
 * brief s29 speed29b; one gate of that reader, not two).
 *
 * The parts of detect_address.c's scan (part_at; brief s29 speed29a).
 * A part starts at a digit (number_part) or at a word (word_part).  The
 * word's parts that hold a number reach their first digit through at
 * most four spaces ("post office box: no 12", "ул. ленина, no. 5",
 * "lane 3", "baker street 12", "테헤란로 123", "역삼동 산 12", "yeoksam-dong
 * 737") and only letters (any script), ' ', '.', '-', ',', ':', '#' and
 * '/' before it; PART_SPACES (8) leaves a margin.  A digit is the mark
 * (in a view, a number said is digits).  The word's parts without a
 * digit are asked apart, at each word start the gate leaves out
 * (part_wordy): a street's label and its name ("ул. тверская"), a
 * district's abbreviation ("bzd"), a word before a Mongolian street's
 * ("энхтайваны өргөн чөлөө") and a building's letter ("block b,").
 * gate_addr_part stands in detect_address.c, beside its tables: the
 * address readers call this file (detect_address_run.c's unit words),
 * so a call from detect_address.c here would make a cycle of modules
 * (scripts/layers.sh). */

#include <stdlib.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

/* Spaces between a run's start and its first mark, at most (above). */
#define GATE_RUN_SPACES 256

void gate_free(struct gate_map *m)
{
    free(m->bits);
    m->bits = NULL, m->len = 0;
}

static void set_bit(unsigned char *bits, size_t i)
{
    bits[i >> 3] = (unsigned char)(bits[i >> 3] | (1u << (i & 7)));
}

static int has_bit(const unsigned char *bits, size_t i)
{
    return (bits[i >> 3] >> (i & 7)) & 1;
}

/* 1 if the ASCII byte c may stand in a run before its mark (above). */
static int run_byte(unsigned char c)
{
    return c >= 0x80 || det_alnum((char)c) || (c >= 'A' && c <= 'Z') || c == ' ' || c == '-' || c == '\'' || c == '.' || c == ':' ||
           c == '#' || c == ',' || c == ';' || c == '/' || c == '|' || c == '_';
}

/* Marks the run's marks of s[0..len) in bits: ASCII digits, the first
 * byte of each word of units[], the start of each address of d[0..n). */
static void run_marks(unsigned char *bits, const char *s, size_t len, const struct detection *d, size_t n)
{
    size_t i = 0, e, cn;
    int prev_letter = 0;

    for (size_t k = 0; k < n; k++)
        if (d[k].kind == DETECT_ADDRESS && d[k].start < len)
            set_bit(bits, d[k].start);
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && !det_alpha((char)c)) {
            if (det_digit((char)c))
                set_bit(bits, i);
            prev_letter = 0, i++;
            continue;
        }
        cn = 0;
        if (!det_letter(s, len, i, &cn)) {
            prev_letter = 0, i += cn > 0 ? cn : 1;
            continue;
        }
        e = det_letters_end(s, len, i);
        /* a word starts after no letter: the reader's unit words do */
        if (!prev_letter && addr_run_unit_word(s, i, e))
            set_bit(bits, i);
        prev_letter = 1, i = e;
    }
}

int gate_addr_run(struct gate_map *m, const char *s, size_t len, const struct detection *d, size_t n)
{
    unsigned char *marks;
    size_t nb = len / 8 + 1, spaces = GATE_RUN_SPACES + 1;

    m->bits = NULL, m->len = 0;
    if ((marks = calloc(nb, 1)) == NULL || (m->bits = calloc(nb, 1)) == NULL) {
        free(marks);
        return -1;
    }
    m->len = len;
    run_marks(marks, s, len, d, n);
    for (size_t i = len; i-- > 0;) {
        if (has_bit(marks, i))
            spaces = 0;
        else if (!run_byte((unsigned char)s[i]))
            spaces = GATE_RUN_SPACES + 1;
        else if (s[i] == ' ' && spaces <= GATE_RUN_SPACES)
            spaces++;
        if (spaces <= GATE_RUN_SPACES)
            set_bit(m->bits, i);
    }
    free(marks);
    return 0;
}

size_t gate_next_digit(const char *s, size_t len, size_t i)
{
    while (i < len && (unsigned char)(s[i] - '0') > 9)
        i++;
    return i;
}
