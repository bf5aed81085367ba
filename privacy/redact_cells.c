/* A protected term found across a table's cell delimiter (a tab, a
 * table's comma or semicolon: normalise_cell_delim) is replaced cell by
 * cell, the delimiters kept: "Kim<TAB>Young-ho" in a TSV
 * row leaves as "Won-sim<TAB>Won-sim", so every row keeps its column count
 * and a column's header still labels the cells under it (brief s16 r16:
 * a row that lost a cell moved a date of birth from under its "dob"
 * header, and the date then left). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact_int.h"

static int word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
}

/* Appends to out the pieces of s between the structural delimiters of
 * in[s->start..s->end), each trimmed of spaces, those with a word byte. */
static int add_pieces(struct spans *out, const struct span *s, const char *in, size_t inlen)
{
    size_t i = s->start, a, b;

    while (i < s->end) {
        for (a = i; i < s->end && !normalise_cell_delim(in, inlen, i); i++)
            ;
        b = i++;
        while (a < b && in[a] == ' ')
            a++;
        while (b > a && in[b - 1] == ' ')
            b--;
        for (size_t j = a; j < b; j++)
            if (word_byte((unsigned char)in[j])) {
                struct span piece = *s;
                piece.start = a, piece.end = b;
                if (redact_span_add(out, &piece) != 0)
                    return -1;
                break;
            }
    }
    return 0;
}

/* 1 if span s is a protected term's or a name's that holds a cell
 * delimiter.  Not a line break nor a quote: a name broken at a line's end
 * ("Young-\nho") or quoted in prose (Kim "Young" Ho) is one name, replaced
 * once. */
static int crosses(const struct span *s, const char *in, size_t inlen)
{
    if (s->term == SIZE_MAX && s->cat != CAT_PSEUDONYM)
        return 0;
    for (size_t i = s->start; i < s->end; i++)
        if (normalise_cell_delim(in, inlen, i))
            return 1;
    return 0;
}

int redact_split_cells(struct spans *sp, const char *in, size_t inlen)
{
    struct spans out = { 0 };
    size_t i;

    for (i = 0; i < sp->n && !crosses(&sp->s[i], in, inlen); i++)
        ;
    if (i == sp->n)
        return 0;
    for (i = 0; i < sp->n; i++) {
        const struct span *s = &sp->s[i];
        if (crosses(s, in, inlen) ? add_pieces(&out, s, in, inlen) != 0
                                  : redact_span_add(&out, s) != 0) {
            free(out.s);
            return -1;
        }
    }
    free(sp->s);
    *sp = out;
    return 0;
}
