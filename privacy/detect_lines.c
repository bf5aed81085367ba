/* No detection runs across a line break into a line of words (report-
 * adv27a O-6: "паспорт МК 123 456" / "Then." / "1984 г.р." came out as
 * "паспорт [ID-1] г.р.": the labelled ID ran on through the next lines,
 * since the norm view writes a line break as a space).  A detection whose
 * span, after a line break, holds a word of two letters or more and whose
 * next line starts with a letter ends before that break.  Kept whole: a position (coordinates are written on
 * two lines, "lat ..." / "lon ..."), an address (a block of lines; its
 * paragraphs are detect_address_run.c's), and a span that holds only
 * digits and marks after the break (a number broken across lines stays
 * one number). */
#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/normalise.h"

/* 1 if s[i..e) holds two letters in a row (any script). */
static int has_word(const char *s, size_t i, size_t e)
{
    size_t n;
    int cp, run = 0;

    while (i < e) {
        cp = det_cp_at(s, e, i, &n);
        if (cp < 0)
            return 0;
        run = (cp < 0x80 ? det_alpha((char)cp) : is_word_cp(cp) && !(cp >= 0x660 && cp <= 0x669)) ? run + 1 : 0;
        if (run >= 2)
            return 1;
        i += n;
    }
    return 0;
}

void detect_cut_lines(struct detection *d, size_t n, const struct normtext *t)
{
    const char *s = t->norm;
    size_t len = t->normlen;

    if (t->orig == NULL || memchr(t->orig, '\n', t->inlen) == NULL)
        return;
    for (size_t k = 0; k < n; k++) {
        size_t i, e;
        if (d[k].kind == DETECT_GPS || d[k].kind == DETECT_ADDRESS)
            continue;
        for (i = d[k].start + 1; i < d[k].end; i++) {
            char c;
            if (s[i] != ' ' || t->ostart[i] >= t->inlen)
                continue;
            c = t->orig[t->ostart[i]];
            if (c != '\n' && c != '\r')
                continue;
            /* The next line starts with a word (not a digit, not markup:
             * "9911</td>" / "<td>2233" is one number of a table). */
            if (!has_word(s, i, d[k].end) || !det_letter_at(s, len, i + 1) || det_digit(s[i + 1]))
                break;
            for (e = i; e > d[k].start && strchr(" .,;:-", s[e - 1]) != NULL; e--)
                ;
            if (e > d[k].start)
                d[k].end = e;
            break;
        }
    }
}

/* 1 if a word of the dotted words s[a..e) after the first starts with a
 * capital letter in t's original: sentences typed without spaces
 * ("домой.Сел.Поел"), as what3words writes its words in lower case. */
static int capital_after_dot(const struct normtext *t, size_t a, size_t e)
{
    size_t o;
    int cp;

    for (size_t p = a; p < e; p++)
        if (det_digit(t->norm[p]))
            return 0;                               /* "N 47.9 E 106.9" */
    for (size_t p = a + 1; p < e; p++) {
        if (!det_letter_at(t->norm, t->normlen, p) || det_letter_before(t->norm, p) ||
            (o = t->ostart[p]) >= t->inlen)
            continue;
        if (utf8_next(&cp, t->orig + o, t->inlen - o) > 0 && normalise_is_upper(cp))
            return 1;
    }
    return 0;
}

size_t detect_cut_sentences(struct detection *d, size_t n, const struct normtext *t)
{
    size_t k, m = 0;

    for (k = 0; k < n; k++)
        if (t->orig == NULL || d[k].kind != DETECT_GPS || !det_letter_at(t->norm, t->normlen, d[k].start) ||
            detect_w3w_label_before(t->norm, d[k].start) || !capital_after_dot(t, d[k].start, d[k].end))
            d[m++] = d[k];
    return m;
}
