/* Structured text attachments (issue 12 A-23): what a reader of a CSV or
 * JSON file takes together that the redactor, reading it as prose, sees
 * apart. export/mediatext.h, mediatext_audit_text. */
#include "export/mediatext.h"

#include <string.h>
#include <strings.h>

#include "crypto/secmem.h"

/* Output that only counts when out is NULL (the first pass). */
struct sink {
    char *out;
    size_t w;
};

static void put(struct sink *k, const char *s, size_t n)
{
    if (k->out != NULL)
        memcpy(k->out + k->w, s, n);
    k->w += n;
}

/* A cell or a JSON string value, as bytes of the text. */
struct cell {
    const char *s;
    size_t n;
};

#define ROW_MAX 64                        /* cells of a row looked at */
#define WORD_MAX 40                       /* bytes of a cell that is one word */

static int has_letter(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80 || (s[i] >= 'a' && s[i] <= 'z') ||
            (s[i] >= 'A' && s[i] <= 'Z'))
            return 1;
    return 0;
}

/* One word: letters (a name part), no space, not too long. */
static int one_word(const struct cell *c)
{
    return c->n > 0 && c->n <= WORD_MAX && memchr(c->s, ' ', c->n) == NULL &&
           memchr(c->s, '\t', c->n) == NULL && has_letter(c->s, c->n);
}

static int ascii(const struct cell *c)
{
    for (size_t i = 0; i < c->n; i++)
        if ((unsigned char)c->s[i] >= 0x80)
            return 0;
    return 1;
}

/* Runs of 2 and 3 neighbouring one-word cells, each a line: "Kim Young
 * Ho", and glued when a part is not ASCII ("김영호"). */
static void runs(struct sink *k, const struct cell *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t len = 2; len <= 3 && i + len <= n; len++) {
            int all_ascii = 1;
            size_t j;

            for (j = i; j < i + len && one_word(&c[j]); j++)
                all_ascii &= ascii(&c[j]);
            if (j < i + len)
                break;
            for (int glued = 0; glued <= !all_ascii; glued++) {
                for (j = i; j < i + len; j++) {
                    if (j > i && !glued)
                        put(k, " ", 1);
                    put(k, c[j].s, c[j].n);
                }
                put(k, "\n", 1);
            }
        }
}

/* Header cells that label a column of dates of birth, as an inline label
 * would (privacy/detect_date.c's birth words): compared whole, ASCII case
 * ignored, after quotes and spaces are trimmed. */
static int birth_label(const struct cell *c)
{
    static const char *const labels[] = {
        "dob", "d.o.b.", "d.o.b", "birth", "born", "birthday", "birthdate", "birth date",
        "date of birth", "date_of_birth", "birth_date", "date-of-birth",
        "\xec\x83\x9d\xeb\x85\x84\xec\x9b\x94\xec\x9d\xbc",                 /* 생년월일 */
        "\xec\x83\x9d\xec\x9d\xbc",                                         /* 생일 */
        "\xec\xb6\x9c\xec\x83\x9d",                                         /* 출생 */
        "\xec\xb6\x9c\xec\x83\x9d\xec\x9d\xbc",                             /* 출생일 */
        "\xd1\x82\xd3\xa9\xd1\x80\xd1\x81\xd3\xa9\xd0\xbd",                 /* төрсөн */
        "\xd1\x82\xd3\xa9\xd1\x80\xd1\x81\xd3\xa9\xd0\xbd \xd0\xbe\xd0\xb3\xd0\xbd\xd0\xbe\xd0\xbe",
                                                                            /* төрсөн огноо */
        "\xd0\xb4\xd0\xb0\xd1\x82\xd0\xb0 \xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f",
                                                                            /* дата рождения */
        "\xd0\x94\xd0\xb0\xd1\x82\xd0\xb0 \xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f",
                                                                            /* Дата рождения */
        "\xd0\xa2\xd3\xa9\xd1\x80\xd1\x81\xd3\xa9\xd0\xbd",                 /* Төрсөн */
    };

    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strlen(labels[i]) == c->n && strncasecmp(labels[i], c->s, c->n) == 0)
            return 1;
    return 0;
}

/* The cells of the line s[0..n) split at sep, quotes ("a, b", "") and
 * spaces around each trimmed, into c (at most ROW_MAX); their count. */
static size_t split(struct cell *c, const char *s, size_t n, char sep)
{
    size_t nc = 0, i = 0;

    while (i <= n && nc < ROW_MAX) {
        size_t start = i, end;

        if (i < n && s[i] == '"') {
            for (i++; i < n && !(s[i] == '"' && (i + 1 >= n || s[i + 1] != '"')); i++)
                if (s[i] == '"')
                    i++;                  /* a doubled quote */
            end = i;
            start++;
            while (i < n && s[i] != sep)
                i++;
        } else {
            while (i < n && s[i] != sep)
                i++;
            end = i;
        }
        while (start < end && (s[start] == ' ' || s[start] == '\t'))
            start++;
        while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r'))
            end--;
        c[nc].s = s + start;
        c[nc++].n = end - start;
        i++;
    }
    return nc;
}

/* The separator of a CSV whose first line is s[0..n): the commonest of
 * ',', TAB and ';', or 0 if none is there. */
static char separator(const char *s, size_t n)
{
    static const char seps[] = { ',', '\t', ';' };
    size_t best = 0;
    char sep = 0;

    for (size_t k = 0; k < sizeof seps; k++) {
        size_t count = 0;

        for (size_t i = 0; i < n; i++)
            count += s[i] == seps[k];
        if (count > best)
            best = count, sep = seps[k];
    }
    return sep;
}

/* CSV (or TSV): each line's cells taken as runs; a header cell that is a
 * birth label makes each cell under it a line "born CELL". */
static void csv(struct sink *k, const char *t, size_t len)
{
    struct cell c[ROW_MAX];
    unsigned char births[ROW_MAX];
    size_t line = 0, nc, hdr;
    const char *nl = memchr(t, '\n', len);
    char sep = separator(t, nl != NULL ? (size_t)(nl - t) : len);

    if (sep == 0)
        return;
    memset(births, 0, sizeof births);
    for (size_t at = 0; at < len; line++) {
        const char *end = memchr(t + at, '\n', len - at);
        size_t n = end != NULL ? (size_t)(end - (t + at)) : len - at;

        nc = split(c, t + at, n, sep);
        if (line == 0)
            for (hdr = 0; hdr < nc; hdr++)
                births[hdr] = (unsigned char)birth_label(&c[hdr]);
        else
            for (size_t i = 0; i < nc; i++)
                if (births[i] && c[i].n > 0) {
                    put(k, "born ", 5);
                    put(k, c[i].s, c[i].n);
                    put(k, "\n", 1);
                }
        runs(k, c, nc);
        at += n + 1;
    }
}

/* JSON: the string values of each object, in order, taken as runs
 * (escapes are read as written). */
static void json(struct sink *k, const char *t, size_t len)
{
    struct cell c[ROW_MAX];
    size_t nc = 0;
    int after_colon = 0;

    for (size_t i = 0; i < len; i++) {
        if (t[i] == '{' || t[i] == '}' || t[i] == '[' || t[i] == ']') {
            runs(k, c, nc);
            nc = 0;
            after_colon = 0;
        } else if (t[i] == ':') {
            after_colon = 1;
        } else if (t[i] == ',') {
            after_colon = 0;
        } else if (t[i] == '"') {
            size_t start = ++i;

            while (i < len && t[i] != '"')
                i += t[i] == '\\' ? 2 : 1;
            if (i > len)
                i = len;
            if (after_colon && nc < ROW_MAX) {
                c[nc].s = t + start;
                c[nc++].n = i - start;
            }
            after_colon = 0;
        }
    }
    runs(k, c, nc);
}

static void view(struct sink *k, const char *t, size_t len)
{
    size_t at = 0;

    put(k, t, len);
    put(k, "\n", 1);
    while (at < len && (t[at] == ' ' || t[at] == '\t' || t[at] == '\r' || t[at] == '\n'))
        at++;
    if (at < len && (t[at] == '{' || t[at] == '['))
        json(k, t, len);
    else
        csv(k, t, len);
}

char *mediatext_audit_text(const char *text, size_t len, size_t *outlen)
{
    struct sink k = { NULL, 0 };
    char *out;

    view(&k, text, len);
    if ((out = secmem_alloc(k.w + 1)) == NULL)
        return NULL;
    k.out = out;
    k.w = 0;
    view(&k, text, len);
    out[k.w] = '\0';
    if (outlen != NULL)
        *outlen = k.w;
    return out;
}
