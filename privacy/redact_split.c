/* Names split by marks, stops or line breaks (brief i12-names, report-adv12g
 * the words of a registered name written with quotes,
 * brackets or emphasis marks between or around them (Kim "Young" Ho,
 * Kim «Young-ho», **Kim** Young-ho, Kim _Young_ Ho, Kim, Young (Ho)),
 * separated by sentence stops (Young. Ho. Kim.), or broken at a line's
 * end (Young-\nho, Altan-\ngerel, 김영\n호).
 *
 * The text is read a second time in a *joined reading*: such a mark reads
 * as nothing, a full stop between two words as the space after it, the
 * white space after a hyphen as nothing, a line break between two Hangul
 * syllables as nothing.  Only windows around the places where the reading
 * differs from the text are read, and only where a word beside that place
 * may be a part of a protected name (a prefix of a name piece, or Hangul
 * syllables of protected names): most full stops and quotes of a text are
 * no such place, and the reading costs nothing there.  A name the reading
 * finds across such a place, by the same rules as the text (matcher, hit
 * rules, names beside names), is replaced in the text, with the marks at
 * its edges; what the reading finds elsewhere the text's own scan decided. */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/romanise.h"

#define HANGUL_FIRST 0xAC00
#define HANGUL_LAST 0xD7A3
#define WIDEN_MAX 256           /* bytes a window is widened to white space */
#define LOOK_MAX 12             /* bytes skipped to the word beside a place */
#define TAG_MAX 64              /* bytes of an inline tag read as nothing */
#define COMMENT_MAX 256         /* bytes of an HTML comment read as nothing */

static int is_syllable(int cp)
{
    return cp >= HANGUL_FIRST && cp <= HANGUL_LAST;
}

/* Quotes and brackets of any script: read as nothing ("김[영]호",
 * "Kim {Young}-ho", "김<영>호", "김【영】호"; report adv12 A-15). */
static int quote_cp(int cp)
{
    switch (cp) {
    case '[': case ']': case '{': case '}': case '<': case '>': case 0x3010: case 0x3011:
    case 0x3014: case 0x3015: case 0xFF1C: case 0xFF1E: case 0xFF3B: case 0xFF3D:
    case 0xFF5B: case 0xFF5D:
    case '"': case '(': case ')': case 0xAB: case 0xBB: case 0x201C: case 0x201D:
    case 0x201E: case 0x201F: case 0x2039: case 0x203A: case 0x3008: case 0x3009:
    case 0x300A: case 0x300B: case 0x300C: case 0x300D: case 0x300E: case 0x300F:
    case 0x301D: case 0x301E: case 0x301F: case 0xFF02: case 0xFF08: case 0xFF09:
        return 1;
    default:
        return 0;
    }
}

/* Emphasis marks and single quotes: read as nothing at a word's edge
 * (a word character on one side only: "Kim's", "kim_js" keep theirs). */
static int edge_cp(int cp)
{
    return cp == '*' || cp == '_' || cp == '~' || cp == '\'' || cp == 0x2018 || cp == 0x2019;
}

static int dash_cp(int cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

/* The code point at in[i] (len: the text's length), -1 at the end. */
static int cp_at(const char *in, size_t len, size_t i, size_t *n)
{
    int cp = -1, k = i < len ? utf8_next(&cp, in + i, len - i) : -1;

    *n = k > 0 ? (size_t)k : 1;
    return k > 0 ? cp : -1;
}

/* The code point ending at in[i], -1 at the start; *n its length. */
static int cp_before(const char *in, size_t len, size_t i, size_t *n)
{
    size_t j = i;

    if (i == 0)
        return *n = 0, -1;
    do
        j--;
    while (j > 0 && ((unsigned char)in[j] & 0xC0) == 0x80);
    *n = i - j;
    return cp_at(in, len, j, &(size_t){ 0 });
}

static int mark_cp(int cp)
{
    return quote_cp(cp) || edge_cp(cp);
}

/* Commas of any script: read as nothing between two letters ("김,영,호",
 * "김、영、호"), never between digits ("1,000") nor between a table's
 * cells (table_comma). */
static int comma_cp(int cp)
{
    return cp == ',' || cp == 0x3001 || cp == 0xFF0C || cp == 0xFF64;
}

static int letter_cp(int cp)
{
    return is_word_cp(cp) && !(cp >= '0' && cp <= '9');
}

/* 1 if the comma at in[i] is a table's cell separator
 * (normalise_table_delim: its line has as many commas as the line before
 * or after it: a CSV row "Kim,Young,Ho" under "a,b,c" is three cells,
 * which the audit reads as a table; joining them would shift the columns
 * under their header), or a line is too long to tell. */
static int table_comma(const char *in, size_t len, size_t i)
{
    return in[i] == ',' && normalise_table_delim(in, len, i);
}

/* The bytes of an inline tag ("<b>", "</i>", "<span class=x>": '<', an
 * optional '/', a letter, then no '<' nor line break up to '>', at most
 * TAG_MAX bytes) or an HTML comment ("<!-- x -->", at most COMMENT_MAX
 * bytes) at in[i], or 0: text pasted from a web page keeps its tags, and a
 * tag inside a name splits it ("김<b>영</b>호", "Kim Yo<i>ung</i>-ho"). */
static size_t tag_at(const char *in, size_t len, size_t i)
{
    size_t j, lim;
    unsigned char c;

    if (i + 2 >= len || in[i] != '<')
        return 0;
    if (len - i >= 7 && memcmp(in + i, "<!--", 4) == 0) {
        lim = len - i > COMMENT_MAX ? i + COMMENT_MAX : len;
        for (j = i + 4; j + 3 <= lim; j++)
            if (memcmp(in + j, "-->", 3) == 0)
                return j + 3 - i;
        return 0;
    }
    c = (unsigned char)(in[i + 1] == '/' ? in[i + 2] : in[i + 1]);
    if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
        return 0;
    lim = len - i > TAG_MAX ? i + TAG_MAX : len;
    for (j = i + 1; j < lim; j++) {
        if (in[j] == '>')
            return j + 1 - i;
        if (in[j] == '<' || in[j] == '\n')
            return 0;
    }
    return 0;
}

/* Markdown and escapes that split a word (report adv16a A-4): a link's
 * target "](url)" after its text ("[Tset](x)seg" shows "Tsetseg"), a
 * footnote mark "[^1]", and between two word characters a doubled
 * backslash ("Tset\\\\seg") or a backslash before a line break (a line
 * continued: "Tset\\<newline>seg").  Their bytes at in[i], or 0. */
static size_t markdown_at(const char *in, size_t len, size_t i)
{
    size_t j, lim = len - i > TAG_MAX ? i + TAG_MAX : len, n;

    if (in[i] == ']' && i + 2 < len && in[i + 1] == '(') {
        for (j = i + 2; j < lim && in[j] != ')'; j++)
            if (in[j] == ' ' || in[j] == '\n' || in[j] == '\t' || in[j] == '(' || in[j] == '[')
                return 0;
        return j < lim ? j + 1 - i : 0;
    }
    if (in[i] == '[' && i + 3 < len && in[i + 1] == '^') {
        for (j = i + 2; j < lim && j - i < 18 && is_word_cp((unsigned char)in[j]) &&
                        (unsigned char)in[j] < 0x80; j++)
            ;
        return j > i + 2 && j < lim && in[j] == ']' ? j + 1 - i : 0;
    }
    if (in[i] != '\\' || i + 1 >= len || !is_word_cp(cp_before(in, len, i, &n)))
        return 0;
    j = in[i + 1] == '\\' || in[i + 1] == '\n' ? i + 2
      : in[i + 1] == '\r' && i + 2 < len && in[i + 2] == '\n' ? i + 3 : 0;
    return j > 0 && is_word_cp(cp_at(in, len, j, &n)) ? j - i : 0;
}

/* The bytes of a tag or comment ending at in[p] (tag_at), or 0. */
static size_t tag_before(const char *in, size_t len, size_t p)
{
    if (p == 0 || in[p - 1] != '>')
        return 0;
    for (size_t q = p - 1, k = 0; q > 0 && k < COMMENT_MAX; k++) {
        q--;
        if (in[q] == '<' && tag_at(in, len, q) == p - q)
            return p - q;
    }
    return 0;
}

/* The bytes at in[i] the joined reading leaves out (0: none). */
static size_t left_out(const char *in, size_t len, size_t i)
{
    size_t n, m, pm, j;
    int cp = cp_at(in, len, i, &n), prev = cp_before(in, len, i, &pm), next, nl = 0;

    if (cp == '<' && (j = tag_at(in, len, i)) > 0)
        return j;
    if ((cp == '[' || cp == ']' || cp == '\\') && (j = markdown_at(in, len, i)) > 0)
        return j;
    if (quote_cp(cp))
        return n;
    if (comma_cp(cp))
        return letter_cp(prev) && letter_cp(cp_at(in, len, i + n, &m)) ? n : 0;
    if (edge_cp(cp)) {
        next = cp_at(in, len, i + n, &m);
        return is_word_cp(prev) && is_word_cp(next) ? 0 : n;
    }
    if (cp == '.' && is_word_cp(prev)) {
        /* A stop between two words of a name: "Young. Ho. Kim." */
        for (j = i + 1; (next = cp_at(in, len, j, &m)) >= 0 && normalise_is_space(next); j += m)
            nl += next == '\n';
        if (j == i + 1 || nl > 1)
            return 0;
        while ((next = cp_at(in, len, j, &m)) >= 0 && mark_cp(next))
            j += m;
        if (next < 0 || !(normalise_is_upper(next) || is_syllable(next)))
            return 0;
        /* ... that is itself one word and a stop ("Ho." of "Young. Ho.
         * Kim."), not a sentence ("Kim. Jong-su left." keeps its stop). */
        size_t w0 = j, nw = 0;
        while ((next = cp_at(in, len, j, &m)) >= 0 && (is_word_cp(next) || dash_cp(next)))
            j += m, nw++;
        /* A line's end, then one letter and a stop: the next item of a
         * list ("Kim.⏎C. 김", report-adv17a D-7), not a name's word. */
        if (nl > 0 && nw == 1 && j > w0)
            return 0;
        return next == '.' ? 1 : 0;
    }
    if (!normalise_is_space(cp) || prev < 0 || normalise_is_space(prev))
        return 0;
    for (j = i; (next = cp_at(in, len, j, &m)) >= 0 && normalise_is_space(next); j += m)
        nl += next == '\n';
    if (next < 0 || nl > 1 || !is_word_cp(next))
        return 0;
    /* White space after a hyphen that follows a letter: "Young-\nho". */
    if (dash_cp(prev)) {
        size_t k;
        return is_word_cp(cp_before(in, len, i - pm, &k)) ? j - i : 0;
    }
    /* A line break inside a Hangul word: "김영\n호". */
    return nl == 1 && is_syllable(prev) && is_syllable(next) ? j - i : 0;
}

/* 1 if the reading puts a space before in[i]: initials glued after a
 * Hangul surname ("김YH", "김Y.H.": read as "김 YH", the reverse of "JS 김"
 * that the variant rules hold). */
static int space_before(const char *in, size_t len, size_t i)
{
    size_t n;
    int cp = cp_at(in, len, i, &n);

    return cp >= 'A' && cp <= 'Z' && is_syllable(cp_before(in, len, i, &n));
}

/* ---- Which places are read (the gate) ---- */

static int piece_has(const struct redactor *r, const char *key, size_t k, int prefix)
{
    size_t lo = 0, hi = r->npieces, mid;

    while (lo < hi) {
        mid = (lo + hi) / 2;
        if (memcmp(r->pieces[mid].s, key, k) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < r->npieces && memcmp(r->pieces[lo].s, key, k) == 0; lo++)
        if (prefix || r->pieces[lo].len == k)
            return 1;
    return 0;
}

static int syllable_known(const struct redactor *r, int cp)
{
    unsigned s = (unsigned)(cp - HANGUL_FIRST);

    return is_syllable(cp) && (r->split_syl[s / 8] >> (s % 8) & 1);
}

static int lower_cyrillic(int cp)
{
    if (cp >= 0x410 && cp <= 0x42F)
        return cp + 0x20;
    if (cp == 0x401)
        return 0x451;
    if (cp == 0x4E8 || cp == 0x4AE)
        return cp + 1;
    return cp;
}

/* 1 if the word in[a..b) may be a part of a protected name: Latin or
 * Cyrillic letters spelling a name piece (redact_handles.c) or the start
 * of one (three letters or more), or Hangul syllables each of some
 * protected literal. */
static int name_word(const struct redactor *r, const char *in, size_t a, size_t b)
{
    char key[HANDLE_PIECE_MAX];
    size_t k = 0, n;
    int cp, l, hangul = 0;

    for (size_t i = a; i < b; i += n) {
        if ((cp = cp_at(in, b, i, &n)) < 0)
            return 0;
        if (is_syllable(cp)) {
            if (!syllable_known(r, cp))
                return 0;
            hangul = 1;
            continue;
        }
        if (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) {
            if (k + 1 >= sizeof key)
                return 0;
            key[k++] = (char)(cp | 0x20);
            continue;
        }
        if (!is_cyrillic_cp(cp) ||
            (l = romanise_reading(key + k, sizeof key - 1 - k, lower_cyrillic(cp), 1)) < 0)
            return 0;
        k += (size_t)l;
    }
    if (hangul)
        return k == 0;
    return k > 0 && piece_has(r, key, k, k >= 3);
}

/* The word before in[p] (over white space and marks) in *a..*b. */
static void word_before(size_t *a, size_t *b, const char *in, size_t len, size_t p)
{
    size_t n, q = p;
    int cp;

    for (;;) {
        if ((n = tag_before(in, len, q)) > 0) {
            q -= n;
            continue;
        }
        if (q > 0 && p - q < LOOK_MAX && (cp = cp_before(in, len, q, &n)) >= 0 &&
            !is_word_cp(cp) &&
            (normalise_is_space(cp) || mark_cp(cp) || dash_cp(cp) || cp == '.' || comma_cp(cp))) {
            q -= n;
            continue;
        }
        break;
    }
    *b = q;
    while (q > 0 && is_word_cp(cp_before(in, len, q, &n)))
        q -= n;
    *a = q;
}

static void word_after(size_t *a, size_t *b, const char *in, size_t len, size_t p)
{
    size_t n, q = p;
    int cp;

    for (;;) {
        if ((n = tag_at(in, len, q)) > 0) {
            q += n;
            continue;
        }
        if (q < len && q - p < LOOK_MAX && (cp = cp_at(in, len, q, &n)) >= 0 &&
            (normalise_is_space(cp) || mark_cp(cp) || dash_cp(cp) || comma_cp(cp))) {
            q += n;
            continue;
        }
        break;
    }
    *a = q;
    while (q < len && is_word_cp(cp_at(in, len, q, &n)))
        q += n;
    *b = q;
}

/* 1 if the places left out from in[p] on are markup inside one word:
 * a word character before p and after them, and a mark, a bracket, a
 * tag or an escape among them (not only commas or white space):
 * "**mar**ket", "[mar](x)ket", "mar~~k~~et", "Tset\\\\seg".  Such a word
 * is read joined whatever it may be (a term of any category, not only
 * a name piece): markup inside a word is rare in prose, so the reading
 * costs little (report adv16a A-4). */
static int inside_word(const char *in, size_t len, size_t p)
{
    size_t q = p, k, m, steps = 0;
    int markup = 0, cp;

    if (!is_word_cp(cp_before(in, len, p, &m)))
        return 0;
    while (q < len && steps++ < 16 && (k = left_out(in, len, q)) > 0) {
        cp = cp_at(in, len, q, &m);
        markup |= !(comma_cp(cp) || normalise_is_space(cp) || cp == '.');
        q += k;
    }
    return markup && q > p && is_word_cp(cp_at(in, len, q, &m));
}

/* 1 if the place in[p..p+n) the reading leaves out may join a name. */
static int gate(const struct redactor *r, const char *in, size_t len, size_t p, size_t n)
{
    size_t a, b, m;
    int before = cp_before(in, len, p, &m), after = cp_at(in, len, p + n, &m);

    size_t a2, b2;
    char joined[2 * HANDLE_PIECE_MAX];

    if (n > 0 && inside_word(in, len, p))
        return 1;

    if (is_syllable(before) && is_syllable(after))
        return syllable_known(r, before) && syllable_known(r, after);
    word_before(&a, &b, in, len, p);
    if (a < b && name_word(r, in, a, b))
        return 1;
    word_after(&a2, &b2, in, len, p + n);
    if (a2 < b2 && name_word(r, in, a2, b2))
        return 1;
    /* A word cut in two by a tag ("Yo<i>ung"): the two halves together. */
    if (a < b && a2 < b2 && is_word_cp(before) && is_word_cp(after) &&
        b - a + b2 - a2 < sizeof joined) {
        memcpy(joined, in + a, b - a);
        memcpy(joined + (b - a), in + a2, b2 - a2);
        return name_word(r, joined, 0, b - a + b2 - a2);
    }
    return 0;
}

/* ---- One window in the joined reading ---- */

struct reading {
    char *d;                    /* the joined reading of in[a..b) */
    size_t dlen;
    size_t *map;                /* [dlen]: each byte's offset in in */
    size_t *cut;                /* reading offsets where something was left out */
    size_t ncut;
};

static void reading_free(struct reading *rd)
{
    if (rd->d != NULL)
        sodium_memzero(rd->d, rd->dlen + 1);
    free(rd->d), free(rd->map), free(rd->cut);
    memset(rd, 0, sizeof *rd);
}

static int reading_make(struct reading *rd, const char *in, size_t len, size_t a, size_t b)
{
    size_t i = a, n;

    memset(rd, 0, sizeof *rd);
    rd->d = malloc(2 * (b - a) + 1);       /* a space may come before each byte */
    rd->map = malloc((2 * (b - a) + 1) * sizeof *rd->map);
    rd->cut = malloc((2 * (b - a) + 1) * sizeof *rd->cut);
    if (rd->d == NULL || rd->map == NULL || rd->cut == NULL)
        return -1;
    while (i < b) {
        if (i > a && space_before(in, len, i)) {
            rd->cut[rd->ncut++] = rd->dlen;
            rd->map[rd->dlen] = i, rd->d[rd->dlen++] = ' ';
        }
        if ((n = left_out(in, len, i)) > 0 && i + n <= b && !table_comma(in, len, i)) {
            if (rd->ncut == 0 || rd->cut[rd->ncut - 1] != rd->dlen)
                rd->cut[rd->ncut++] = rd->dlen;
            i += n;
            continue;
        }
        cp_at(in, len, i, &n);
        for (size_t k = 0; k < n && i < b; k++, i++)
            rd->map[rd->dlen] = i, rd->d[rd->dlen++] = in[i];
    }
    rd->d[rd->dlen] = '\0';
    return 0;
}

/* 1 if a cut (sorted) lies strictly inside [s, e). */
static int crosses_cut(const struct reading *rd, size_t s, size_t e)
{
    size_t lo = 0, hi = rd->ncut, mid;

    while (lo < hi) {               /* the first cut after s */
        mid = (lo + hi) / 2;
        if (rd->cut[mid] <= s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < rd->ncut && rd->cut[lo] < e;
}

/* Finds the names of in[a..b) in the joined reading; adds those across a
 * place left out to sp (input offsets). */
static int read_window(struct spans *sp, const struct redactor *r, const char *in, size_t len,
                       size_t a, size_t b, struct redact_ctx *ctx, struct err *e)
{
    struct reading rd;
    struct normtext td;
    struct spans found = { 0 }, flags = { 0 };
    size_t i, s, x, n;
    int rc = -1;

    if (reading_make(&rd, in, len, a, b) != 0) {
        reading_free(&rd);
        return err_set(e, EXIT_INPUT, "out of memory while scanning text");
    }
    if (rd.ncut == 0 || normalise(&td, rd.d, rd.dlen, e) != 0) {
        rc = rd.ncut == 0 ? 0 : -1;
        reading_free(&rd);
        return rc;
    }
    if (redact_match_apart(&found, &flags, r, &td, ctx, 1, e) != 0)
        goto done;
    for (i = 0; i < found.n; i++) {
        struct span sn = found.s[i];
        if (sn.end <= sn.start || !crosses_cut(&rd, sn.start, sn.end))
            continue;
        s = rd.map[sn.start], x = rd.map[sn.end - 1] + 1;
        while (s > a && mark_cp(cp_before(in, len, s, &n)))
            s -= n;
        while (x < b && mark_cp(cp_at(in, len, x, &n)))
            x += n;
        sn.start = s, sn.end = x;
        if (redact_span_add(sp, &sn) != 0)
            goto done;
    }
    rc = 0;
done:
    if (rc != 0 && e->code == 0)
        err_set(e, EXIT_INPUT, "out of memory while scanning text");
    normtext_free(&td);
    free(found.s), free(flags.s);
    reading_free(&rd);
    return rc;
}

int redact_split_names(struct spans *sp, const struct redactor *r, const struct normtext *t,
                       struct redact_ctx *ctx, struct err *e)
{
    const char *in = t->orig;
    size_t len = t->inlen, i = 0, n, m, wa = 0, wb = 0, a, b;
    size_t reach = 2 * r->maxkey + 48;
    int open = 0;

    if (r->nlits == 0 || r->npieces == 0)
        return 0;
    while (i < len) {
        n = left_out(in, len, i);
        if ((n == 0 && !space_before(in, len, i)) || !gate(r, in, len, i, n) ||
            (n > 0 && table_comma(in, len, i))) {
            cp_at(in, len, i, &m);
            i += n > 0 ? n : m;
            continue;
        }
        /* A window around the place, widened to white space. */
        a = i > reach ? i - reach : 0;
        b = i + n + reach < len ? i + n + reach : len;
        for (size_t k = 0; a > 0 && k < WIDEN_MAX &&
             !normalise_is_space(cp_before(in, len, a, &m)); k += m)
            a -= m;
        while (a > 0 && ((unsigned char)in[a] & 0xC0) == 0x80)
            a--;
        for (size_t k = 0; b < len && k < WIDEN_MAX &&
             !normalise_is_space(cp_at(in, len, b, &m)); k += m)
            b += m;
        while (b < len && ((unsigned char)in[b] & 0xC0) == 0x80)
            b++;
        if (open && a <= wb) {
            wb = b > wb ? b : wb;
        } else {
            if (open && read_window(sp, r, in, len, wa, wb, ctx, e) != 0)
                return -1;
            wa = a, wb = b, open = 1;
        }
        cp_at(in, len, i, &m);
        i += n > 0 ? n : m;
    }
    if (open && read_window(sp, r, in, len, wa, wb, ctx, e) != 0)
        return -1;
    redact_merge(sp, NULL);
    return 0;
}
