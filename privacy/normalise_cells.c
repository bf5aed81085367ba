/* Structural delimiters (brief s16 r16, issue 12): the characters that
 * separate the cells of a table, the strings of a JSON text or the lines
 * of any text.  A separator run that joins the parts of a term in the key
 * view (normalise_key.c, the class gap of report-adv15) never
 * holds one, the joined reading of names (redact_split.c) never reads a
 * table's comma as nothing, and a protected term found across one is
 * replaced cell by cell (redact_cells.c): a row keeps its column count,
 * so a column's header still labels the cells under it. */
#include "privacy/normalise.h"

#include <stddef.h>

#define LINE_LOOK 512           /* bytes read of a line to tell a table row */

/* The number of delimiter bytes d on the line s[a..] (a: its first byte),
 * or -1 if the line is longer than LINE_LOOK; *end: where it ends ('\n'
 * or len). */
static long line_count(const char *s, size_t len, size_t a, char d, size_t *end)
{
    long c = 0;
    size_t j;

    for (j = a; j < len && s[j] != '\n'; j++) {
        if (j - a > LINE_LOOK)
            return -1;
        c += s[j] == d;
    }
    *end = j;
    return c;
}

/* The start of the line holding s[i], or SIZE_MAX beyond LINE_LOOK. */
static size_t line_start(const char *s, size_t i)
{
    size_t j = i;

    while (j > 0 && s[j - 1] != '\n')
        if (i - --j > LINE_LOOK)
            return SIZE_MAX;
    return j;
}

/* normalise_table_delim, with unknown what a line too long to tell gives. */
static int table_delim(const char *s, size_t len, size_t i, int unknown)
{
    size_t a, e, pe, ne;
    long c, pc = -2, nc = -2;
    char d;

    if (i >= len || (s[i] != ',' && s[i] != ';'))
        return 0;
    d = s[i];
    if ((a = line_start(s, i)) == SIZE_MAX || (c = line_count(s, len, a, d, &e)) < 0)
        return unknown;
    if (a > 0) {
        size_t pa = line_start(s, a - 1);
        if (pa == SIZE_MAX || (pc = line_count(s, len, pa, d, &pe)) < 0)
            return unknown;
    }
    if (e < len && (nc = line_count(s, len, e + 1, d, &ne)) == -1)
        return unknown;
    return pc == c || nc == c;
}

int normalise_table_delim(const char *s, size_t len, size_t i)
{
    return table_delim(s, len, i, 1);
}

int normalise_cell_delim(const char *s, size_t len, size_t i)
{
    return i < len && (s[i] == '\t' || table_delim(s, len, i, 0));
}

int normalise_struct_delim(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    switch (s[i]) {
    case '\t': case '\n': case '\r': case '"':
        return 1;
    case ',': case ';':
        return normalise_table_delim(s, len, i);
    default:
        return 0;
    }
}
