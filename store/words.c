/* Search as a person types it (store/words.h). */
#include "store/words.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/phone_plans.h"

/* A growing string in memory that is wiped when freed. */
struct sbuf {
    char *p;
    size_t len, cap;
    int failed;
};

static void sb_add(struct sbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        char *q;

        while (cap < b->len + n + 1)
            cap *= 2;
        q = secmem_wipe_malloc(cap);
        if (q == NULL) {
            b->failed = 1;
            return;
        }
        if (b->len > 0)
            memcpy(q, b->p, b->len);
        secmem_wipe_free(b->p);
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void sb_str(struct sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

/* Hands the string over (an empty one when nothing was added): 0, or -1
 * when memory ran out (then nothing is handed over). */
static int sb_take(char **out, size_t *outlen, struct sbuf *b)
{
    sb_add(b, "", 0);
    if (b->failed) {
        secmem_wipe_free(b->p);
        return -1;
    }
    *out = b->p;
    if (outlen != NULL)
        *outlen = b->len;
    return 0;
}

/* ---- characters ---- */

/* The code point at s[0..len) into *cp: its length in bytes, at least 1
 * (a byte that is not UTF-8 is read as U+FFFD and never as a letter). */
static size_t next_cp(const char *s, size_t len, int32_t *cp)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          len > 4 ? 4 : (utf8proc_ssize_t)len, &c);

    if (n <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return (size_t)n;
}

/* What the unicode61 tokenizer takes into a word: letters, marks, numbers. */
static int word_cp(int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

static int letter_cp(int32_t cp)
{
    return word_cp(cp) && !(cp >= '0' && cp <= '9');
}

/* Scripts written without spaces between words, or with particles glued
 * to them: Hangul (syllables and jamo), Han, Hiragana and Katakana. */
static int glued_cp(int32_t cp)
{
    return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
           (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xA960 && cp <= 0xA97F) ||
           (cp >= 0xD7B0 && cp <= 0xD7FF) || (cp >= 0x3040 && cp <= 0x30FF) ||
           (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x3134F);
}

/* Hyphens and apostrophes inside a word (Jong-su, O'Brien). */
static int joiner_cp(int32_t cp)
{
    return cp == '-' || cp == '\'' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2019;
}

static int space_cp(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* ---- numbers ---- */

static int digit(char c)
{
    return c >= '0' && c <= '9';
}

static int number_sep(char c)
{
    return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
}

/* A number at s[i..len): an optional '+' or '(' then groups of digits,
 * separated by one or two of " -./()".  *end is the byte after its last
 * digit; its digits go to d (WORDS_NUMBER_MAX + 1 bytes), NUL-ended, and
 * *intl is 1 when it is written with '+' or "00" (a calling code follows).
 * 1 when it has WORDS_NUMBER_MIN..WORDS_NUMBER_MAX digits; 0 otherwise,
 * with *end past every digit group seen (0: no number starts at i). */
static int number_at(const char *s, size_t len, size_t i, size_t *end, char *d, int *intl)
{
    size_t j = i, nd = 0, last = i;
    int plus = 0, over = 0;

    *end = i;
    if (j < len && (s[j] == '+' || s[j] == '(')) {
        plus = s[j] == '+';
        j++;
    }
    if (j >= len || !digit(s[j]))
        return 0;
    for (;;) {
        while (j < len && digit(s[j])) {
            if (nd < WORDS_NUMBER_MAX)
                d[nd] = s[j];
            else
                over = 1;
            nd++;
            j++;
        }
        last = j;
        if (j < len && number_sep(s[j]) && j + 1 < len && digit(s[j + 1]))
            j += 1;
        else if (j + 1 < len && number_sep(s[j]) && number_sep(s[j + 1]) &&
                 j + 2 < len && digit(s[j + 2]))
            j += 2;
        else
            break;
    }
    *end = last;
    if (over || nd < WORDS_NUMBER_MIN)
        return 0;
    d[nd] = '\0';
    *intl = plus || (d[0] == '0' && d[1] == '0');
    return 1;
}

static const char *strip_zeros(const char *d)
{
    while (*d == '0')
        d++;
    return d;
}

/* The national number after the calling code that begins digits d (leading
 * zeros stripped), or NULL when no known code (privacy/phone_plans.h) leaves
 * at least WORDS_NUMBER_MIN - 2 digits. */
static const char *national(const char *d)
{
    size_t n = strlen(d);

    for (size_t k = 1; k <= 3 && k < n; k++) {
        int cc = 0;
        for (size_t i = 0; i < k; i++)
            cc = cc * 10 + (d[i] - '0');
        for (size_t c = 0; c < phone_ncodes; c++)
            if (phone_codes[c].cc == cc && n - k >= WORDS_NUMBER_MIN - 2)
                return strip_zeros(d + k);
    }
    return NULL;
}

/* ---- NFC ---- */

int words_nfc(char **out, size_t *outlen, const char *text, size_t len)
{
    const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)text;
    utf8proc_ssize_t n = -1, got = -1;
    utf8proc_int32_t *cps = NULL;
    size_t ascii = 0;

    while (ascii < len && (unsigned char)text[ascii] < 0x80)
        ascii++;
    if (ascii < len && len <= SIZE_MAX / 16)
        n = utf8proc_decompose(u, (utf8proc_ssize_t)len, NULL, 0, opts);
    if (n >= 0) {
        /* Code points, then their UTF-8 (at most 4 bytes each) in place. */
        cps = secmem_wipe_malloc((size_t)n * sizeof *cps + 1);
        if (cps == NULL)
            return -1;
        got = utf8proc_decompose(u, (utf8proc_ssize_t)len, cps, n, opts);
        if (got == n)
            got = utf8proc_reencode(cps, n, opts);
    }
    if (got >= 0 && got <= n * (utf8proc_ssize_t)sizeof *cps) {
        *out = (char *)cps;
        *outlen = (size_t)got;
        return 0;
    }
    secmem_wipe_free(cps);
    /* ASCII, or not UTF-8: as it is. */
    *out = secmem_wipe_malloc(len + 1);
    if (*out == NULL)
        return -1;
    memcpy(*out, text, len);
    (*out)[len] = '\0';
    *outlen = len;
    return 0;
}

/* ---- the index ---- */

/* Every piece of the glued run s[0..len) that starts after its first
 * letter (from its first when the run is glued to a word before it), of
 * at most WORDS_PIECE_MAX letters. */
static void add_pieces(struct sbuf *b, const char *s, size_t len, int from_first)
{
    int32_t cp;
    size_t at = 0;

    if (!from_first)
        at = next_cp(s, len, &cp);
    while (at < len) {
        size_t end = at;
        for (int k = 0; k < WORDS_PIECE_MAX && end < len; k++)
            end += next_cp(s + end, len - end, &cp);
        sb_str(b, " ");
        sb_add(b, s + at, end - at);
        at += next_cp(s + at, len - at, &cp);
    }
}

/* The word s[0..len) (letters and joiners) without its joiners, if it has
 * any between letters. */
static void add_joined(struct sbuf *b, const char *s, size_t len)
{
    int32_t cp;
    int joined = 0, letters = 0;

    for (size_t at = 0; at < len;) {
        size_t n = next_cp(s + at, len - at, &cp);
        joined |= joiner_cp(cp);
        letters |= letter_cp(cp);
        at += n;
    }
    if (!joined || !letters)
        return;
    sb_str(b, " ");
    for (size_t at = 0; at < len;) {
        size_t n = next_cp(s + at, len - at, &cp);
        if (!joiner_cp(cp))
            sb_add(b, s + at, n);
        at += n;
    }
}

static void add_number(struct sbuf *b, const char *digits)
{
    const char *d = strip_zeros(digits);
    size_t n = strlen(d);

    for (size_t k = 0; k + WORDS_NUMBER_MIN <= n; k++) {
        if (d[k] == '0')
            continue;
        sb_str(b, " ");
        sb_add(b, d + k, n - k);
    }
}

/* The end of the word that starts at s[i] (word letters and the joiners
 * between them). */
static size_t word_end(const char *s, size_t len, size_t i)
{
    size_t at = i, last = i;
    int32_t cp;

    while (at < len) {
        size_t n = next_cp(s + at, len - at, &cp);
        if (word_cp(cp)) {
            last = at + n;
        } else if (!joiner_cp(cp) || last != at) {
            break;
        }
        at += n;
    }
    return last;
}

int words_index(char **out, size_t *outlen, const char *text, size_t len)
{
    struct sbuf b = { 0 };
    char d[WORDS_NUMBER_MAX + 1];
    size_t at = 0, num_end = 0;
    int32_t cp, prev = ' ';

    while (at < len && !b.failed) {
        size_t n = next_cp(text + at, len - at, &cp), end;
        int intl;

        if (at >= num_end && (digit(text[at]) || text[at] == '+' || text[at] == '(') &&
            !(prev >= '0' && prev <= '9')) {
            if (number_at(text, len, at, &end, d, &intl))
                add_number(&b, d);
            num_end = end;
        }
        if (word_cp(cp) && !word_cp(prev)) {
            end = word_end(text, len, at);
            add_joined(&b, text + at, end - at);
        }
        if (glued_cp(cp) && !glued_cp(prev)) {
            end = at;
            while (end < len) {
                int32_t c;
                size_t m = next_cp(text + end, len - end, &c);
                if (!glued_cp(c))
                    break;
                end += m;
            }
            add_pieces(&b, text + at, end - at, word_cp(prev));
        }
        prev = cp;
        at += n;
    }
    if (sb_take(out, outlen, &b) != 0)
        return -1;
    /* No leading space: the words as the index keeps them. */
    if ((*out)[0] == ' ') {
        memmove(*out, *out + 1, *outlen);
        (*outlen)--;
    }
    return 0;
}

/* ---- the query ---- */

/* Appends s[0..len) as one FTS4 phrase, its double quotes and stars
 * dropped, with a star (a word's beginning) when prefix and it ends in a
 * letter or digit. 0 when it holds no word at all (nothing appended). */
static int add_phrase(struct sbuf *b, const char *s, size_t len, int prefix)
{
    int32_t cp = 0, last = 0;
    int words = 0;

    for (size_t at = 0; at < len;) {
        at += next_cp(s + at, len - at, &cp);
        words |= word_cp(cp);
    }
    if (!words)
        return 0;
    sb_str(b, "\"");
    for (size_t at = 0; at < len;) {
        size_t n = next_cp(s + at, len - at, &cp);
        if (cp != '"' && cp != '*') {
            sb_add(b, s + at, n);
            last = cp;
        }
        at += n;
    }
    sb_str(b, prefix && word_cp(last) ? "*\"" : "\"");
    return 1;
}

/* A word made only of glued letters (Hangul, Han...) is searched by its
 * first WORDS_PIECE_MAX letters: the index holds pieces no longer. */
static size_t piece_len(const char *s, size_t len)
{
    size_t at = 0;
    int32_t cp;
    int k = 0;

    while (at < len) {
        size_t n = next_cp(s + at, len - at, &cp);
        if (!glued_cp(cp))
            return len;
        if (++k > WORDS_PIECE_MAX)
            return at;
        at += n;
    }
    return len;
}

/* A word without what is not part of a word at either end ("Kim.",
 * '종수*', -Jong), and the word without its hyphens when it has some. */
static int add_word(struct sbuf *b, const char *s, size_t len)
{
    struct sbuf joined = { 0 };
    size_t at = 0, end = 0;
    int32_t cp;

    while (len > 0) {
        size_t n = next_cp(s, len, &cp);
        if (word_cp(cp))
            break;
        s += n;
        len -= n;
    }
    while (at < len) {
        at += next_cp(s + at, len - at, &cp);
        if (word_cp(cp))
            end = at;
    }
    len = piece_len(s, end);
    if (!add_phrase(b, s, len, 1))
        return 0;
    add_joined(&joined, s, len);
    if (joined.len > 0) {
        sb_str(b, " OR ");
        (void)add_phrase(b, joined.p + 1, joined.len - 1, 1);
    }
    secmem_wipe_free(joined.p);
    b->failed |= joined.failed;
    return 1;
}

static void add_number_query(struct sbuf *b, const char *s, size_t len, const char *digits,
                             int intl)
{
    const char *d = strip_zeros(digits), *nat = intl ? national(d) : NULL;

    add_phrase(b, s, len, 1);
    if (*d != '\0') {
        sb_str(b, " OR ");
        sb_str(b, d);
        sb_str(b, "*");
    }
    if (nat != NULL && *nat != '\0') {
        sb_str(b, " OR ");
        sb_str(b, nat);
        sb_str(b, "*");
    }
}

/* The next item typed at s[*at..len): a "phrase", a number, OR or a word;
 * adds it to b and returns 1 if it searches for something, 2 for OR, 0
 * otherwise.  *at moves past it. */
static int next_item(struct sbuf *b, const char *s, size_t len, size_t *at)
{
    char d[WORDS_NUMBER_MAX + 1];
    size_t i = *at, end;
    int32_t cp;
    int intl;

    if (s[i] == '"') {
        const char *close = memchr(s + i + 1, '"', len - i - 1);
        end = close != NULL ? (size_t)(close - s) : len;
        *at = close != NULL ? end + 1 : len;
        return add_phrase(b, s + i + 1, end - i - 1, 0);
    }
    if (number_at(s, len, i, &end, d, &intl) &&
        (end == len || s[end] == '"' || (next_cp(s + end, len - end, &cp), space_cp(cp)))) {
        add_number_query(b, s + i, end - i, d, intl);
        *at = end;
        return 1;
    }
    end = i;
    while (end < len && s[end] != '"') {
        size_t n = next_cp(s + end, len - end, &cp);
        if (space_cp(cp))
            break;
        end += n;
    }
    *at = end;
    if (end - i == 2 && memcmp(s + i, "OR", 2) == 0)
        return 2;
    return add_word(b, s + i, end - i);
}

int words_query(char **out, const char *typed, struct err *e)
{
    struct sbuf b = { 0 };
    char *s;
    size_t len, at = 0;
    int items = 0, or_pending = 0;

    if (words_nfc(&s, &len, typed, strlen(typed)) != 0)
        return err_set(e, EXIT_INPUT, "out of memory");
    while (at < len && !b.failed) {
        struct sbuf item = { 0 };
        int32_t cp;
        size_t n = next_cp(s + at, len - at, &cp);
        int kind;

        if (space_cp(cp)) {
            at += n;
            continue;
        }
        kind = next_item(&item, s, len, &at);
        if (kind == 2) {
            or_pending = items > 0;
        } else if (kind == 1) {
            sb_str(&b, items == 0 ? "" : or_pending ? " OR " : " ");
            sb_add(&b, item.p, item.len);
            items++;
            or_pending = 0;
        }
        b.failed |= item.failed;
        secmem_wipe_free(item.p);
    }
    secmem_wipe_free(s);
    if (sb_take(out, NULL, &b) != 0)
        return err_set(e, EXIT_INPUT, "out of memory");
    if (items == 0) {
        secmem_wipe_free(*out);
        *out = NULL;
        return err_set(e, EXIT_INPUT, "there is no word to search for (letters or digits)");
    }
    return 0;
}
