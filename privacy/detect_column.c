/* Numbers in a table's account column (report-adv16a A-22): in a CSV or
 * TSV text the header cell labels its column as "account:" labels the
 * value after it in prose, so
 *     bank,account,amount
 *     Khan,5012345678,300000
 * holds an account number in its second column and an amount in the
 * third.  The header is a line with no digits and as many cell
 * separators (',', ';', tab or '|', outside double quotes) as the row:
 * the nearest such line within HEADER_BACK lines above the row, or else
 * the first line of the text.  Its cell is an account label when one of
 * its words is (detect_account_label: the list of detect_label.c, so a
 * header "계좌번호", "IBAN no", "card_no" or "данс" counts).  The value
 * is the whole cell: six digits or more, with letters, spaces, '-', '.'
 * or '/' between them, at most VALUE_MAX bytes.  The norm view writes line
 * breaks and tabs as spaces, so the table is read from a copy of it with
 * them put back (detect_text).  Offsets are bytes of the norm view
 * (detect_int.h: lower case). */
#include <sodium.h>
#include <stdlib.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/normalise.h"

#define HEADER_BACK 16
#define LINE_MAX_BYTES 4096
#define VALUE_MAX 40
#define CELL_SEPS ",;\t|"
#define ID_DIGITS 5

/* The number of cell separators sep in s[a..e) outside double quotes. */
static size_t seps_in(const char *s, size_t a, size_t e, char sep)
{
    size_t n = 0;
    int quoted = 0;

    for (; a < e; a++)
        if (s[a] == '"')
            quoted = !quoted;
        else if (s[a] == sep && !quoted)
            n++;
    return n;
}

/* The end of the line starting at a (its '\n' or len). */
static size_t line_end(const char *s, size_t len, size_t a)
{
    const char *nl = memchr(s + a, '\n', len - a);

    return nl != NULL ? (size_t)(nl - s) : len;
}

/* The start of the line before the line starting at a (a > 0). */
static size_t line_before(const char *s, size_t a)
{
    size_t j = a - 1;

    while (j > 0 && s[j - 1] != '\n')
        j--;
    return j;
}

/* 1 if the line s[a..e) may be the header of rows of ncells-1 separators
 * sep: no digit, the same count of separators. */
static int header_line(const char *s, size_t a, size_t e, char sep, size_t nseps)
{
    size_t k;

    if (e - a > LINE_MAX_BYTES || e == a)
        return 0;
    for (k = a; k < e; k++)
        if (det_digit(s[k]))
            return 0;
    return seps_in(s, a, e, sep) == nseps;
}

/* 1 if the line s[a..e) is a Markdown table's rule ("|---|:--:|"): only
 * '-', ':', '|', '+', '=' and spaces, with a '-' or '='. */
static int rule_line(const char *s, size_t a, size_t e)
{
    int dash = 0;

    for (; a < e; a++) {
        if (s[a] == '-' || s[a] == '=')
            dash = 1;
        else if (s[a] != ':' && s[a] != '|' && s[a] != '+' && s[a] != ' ')
            return 0;
    }
    return dash;
}

/* The kind of the column col of the header line s[a..e): DETECT_ACCOUNT,
 * DETECT_PHONE or DETECT_ID when one of its words is such a label (the
 * first word that is one decides), else -1. */
static int column_kind(const char *s, size_t a, size_t e, char sep, size_t col)
{
    size_t i = a, n = 0, w, cl;
    int quoted = 0, cp;

    for (; i < e && n < col; i++)
        if (s[i] == '"')
            quoted = !quoted;
        else if (s[i] == sep && !quoted)
            n++;
    while (i < e && s[i] != sep) {
        cp = det_cp_at(s, e, i, &cl);
        if (cp < 0 || !is_word_cp(cp)) {
            i += cl > 0 ? cl : 1;
            continue;
        }
        for (w = i; i < e && (cp = det_cp_at(s, e, i, &cl)) >= 0 && is_word_cp(cp); i += cl)
            ;
        if (detect_account_label(s, s + w, i - w))
            return DETECT_ACCOUNT;
        if (detect_phone_word(s + w, i - w))
            return DETECT_PHONE;
        if (detect_id_label(s + w, i - w))
            return DETECT_ID;
    }
    return -1;
}

/* The end of the cell value at at: six digits or more with letters,
 * spaces, '-', '.' or '/' between, up to the cell's end (a separator, a
 * closing quote or the line's end); 0 if the cell holds anything else. */
static size_t cell_value(const char *s, size_t len, size_t at, size_t *digits)
{
    size_t i = at, j;

    *digits = 0;
    while (i < len && i - at <= VALUE_MAX && (det_alnum(s[i]) || strchr(" -./", s[i]) != NULL))
        *digits += det_digit(s[i]) != 0, i++;
    j = i;
    while (i > at && s[i - 1] == ' ')
        i--;
    if (*digits < ID_DIGITS || i - at > VALUE_MAX)
        return 0;
    if (j < len && s[j] != '"' && s[j] != '\n' && s[j] != '\r' && (s[j] == '\0' || strchr(CELL_SEPS, s[j]) == NULL))
        return 0;
    return i;
}

/* The start of the cell holding a value at at: before a '"' and the
 * spaces after its separator. */
static size_t cell_open(const char *s, size_t at)
{
    size_t c = at;

    if (c > 0 && s[c - 1] == '"')
        c--;
    while (c > 0 && s[c - 1] == ' ')
        c--;
    return c;
}

/* The value's kind under a column of kind k, or 0 if it is too short
 * for it (an account or a phone number has six digits or more). */
static size_t fits(int k, const char *s, size_t at, size_t digits, size_t end, int *kind)
{
    if (k < 0 || (k != DETECT_ID && (digits < 6 || !det_digit(s[at]))))
        return 0;
    *kind = k;
    return end;
}

size_t detect_scan_column(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t c, a, e, end, nseps, col, h, k, digits, he;
    char sep = 0;

    (void)start;
    if (!det_alnum(s[at]))
        return 0;
    c = cell_open(s, at);
    if (c > 0 && s[c - 1] != '\n' && (s[c - 1] == '\0' || strchr(CELL_SEPS, s[c - 1]) == NULL))
        return 0;
    for (a = c; a > 0 && s[a - 1] != '\n'; a--)
        if (c - a > LINE_MAX_BYTES)
            return 0;
    if (a == 0 || (end = cell_value(s, len, at, &digits)) == 0)
        return 0;                               /* the first line is no row */
    e = line_end(s, len, a);
    if (c > a)
        sep = s[c - 1];
    else
        for (k = a; k < e && sep == 0; k++)
            if (strchr(CELL_SEPS, s[k]) != NULL && s[k] != '\0')
                sep = s[k];
    if (sep == 0)
        return 0;
    nseps = seps_in(s, a, e, sep);
    col = seps_in(s, a, c, sep);
    if (nseps == 0)
        return 0;
    /* The header: the nearest line above with no digit and as many
     * separators, else the text's first line. */
    for (h = a, k = 0; k < HEADER_BACK && h > 0; k++) {
        h = line_before(s, h);
        he = line_end(s, len, h);
        if (rule_line(s, h, he))
            continue;
        if (header_line(s, h, he, sep, nseps))
            return fits(column_kind(s, h, he, sep, col), s, at, digits, end, kind);
    }
    he = line_end(s, len, 0);
    if (h > 0 && header_line(s, 0, he, sep, nseps))
        return fits(column_kind(s, 0, he, sep, col), s, at, digits, end, kind);
    return 0;
}

/* The cell starts of the table view v[0..len) where a column value may
 * begin: after a line break or a cell separator, maybe after a '"'. */
static int cell_start(const char *v, size_t at)
{
    size_t c = cell_open(v, at);

    return c > 0 && (v[c - 1] == '\n' || (v[c - 1] != '\0' && strchr(CELL_SEPS, v[c - 1]) != NULL));
}

static int by_start(const void *a, const void *b)
{
    const struct detection *x = a, *y = b;

    return x->start < y->start ? -1 : x->start > y->start;
}

int detect_text(struct detection **out, size_t *nout, const struct normtext *t, struct err *e)
{
    return detect_text_unsure(out, nout, t, NULL, NULL, e);
}

int detect_text_unsure(struct detection **out, size_t *nout, const struct normtext *t,
                       int (*fn)(void *ctx, size_t start, size_t end), void *ctx, struct err *e)
{
    struct detection *d, *col = NULL, *grown;
    size_t nd, ncol = 0, cap = 0, i, k, n, end, st;
    char *v;
    int kind, oom = 0;

    if (detect_all_unsure(&d, &nd, t->norm, t->normlen, fn, ctx, e) != 0)
        return -1;
    cap = nd;
    if (addr_cut_paragraphs(&d, &nd, &cap, t) != 0) /* brief s26 addr26 */
        return free(d), err_set(e, EXIT_INPUT, "out of memory while scanning text");
    detect_cut_lines(d, nd, t);                      /* report-adv27a O-6 */
    nd = detect_cut_sentences(d, nd, t);             /* brief s34 num34 */
    cap = 0;
    *out = d, *nout = nd;
    if (t->orig == NULL || memchr(t->orig, '\n', t->inlen) == NULL)
        return 0;
    if ((v = malloc(t->normlen + 1)) == NULL)
        return free(d), err_set(e, EXIT_INPUT, "out of memory while scanning text");
    memcpy(v, t->norm, t->normlen + 1);
    for (i = 0; i < t->normlen; i++)
        if (v[i] == ' ' && t->ostart[i] < t->inlen &&
            (t->orig[t->ostart[i]] == '\n' || t->orig[t->ostart[i]] == '\r' || t->orig[t->ostart[i]] == '\t'))
            v[i] = t->orig[t->ostart[i]] == '\t' ? '\t' : '\n';
    for (i = 1; i < t->normlen; i++) {
        if (!cell_start(v, i) || !det_alnum(v[i]) || (i > 0 && det_alnum(v[i - 1])))
            continue;
        st = i, kind = DETECT_ACCOUNT;
        if ((end = detect_scan_column(v, t->normlen, i, &st, &kind)) == 0)
            continue;
        if (ncol == cap) {
            cap = cap ? cap * 2 : 8;
            if ((grown = realloc(col, cap * sizeof *col)) == NULL) {
                oom = 1;
                break;
            }
            col = grown;
        }
        col[ncol].start = st, col[ncol].end = end, col[ncol++].kind = kind;
        i = end;
    }
    sodium_memzero(v, t->normlen + 1);
    free(v);
    if (oom || ncol == 0) {
        free(col);
        if (!oom)
            return 0;
        free(d), *out = NULL, *nout = 0;
        return err_set(e, EXIT_INPUT, "out of memory while scanning text");
    }
    /* A column's value replaces what the walk found inside it ("국민,
     * 123456-01-123456" read as two phone numbers). */
    if ((grown = realloc(d, (nd + ncol) * sizeof *d)) == NULL) {
        free(col), free(d), *out = NULL, *nout = 0;
        return err_set(e, EXIT_INPUT, "out of memory while scanning text");
    }
    d = grown;
    for (i = 0, n = 0; i < nd; i++) {
        for (k = 0; k < ncol && !(d[i].start < col[k].end && col[k].start < d[i].end); k++)
            ;
        if (k == ncol)
            d[n++] = d[i];
    }
    memcpy(d + n, col, ncol * sizeof *col);
    n += ncol;
    qsort(d, n, sizeof *d, by_start);
    free(col);
    *out = d, *nout = n;
    return 0;
}
