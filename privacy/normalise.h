/* Text normalisation for matching protected terms.
 *
 * Two views of a text are built, each with a map back to byte offsets in
 * the original, so a span found in a view can be replaced in the original:
 *
 *   norm  NFKC + case fold + default-ignorables removed; every dash form
 *         becomes '-', every apostrophe form '\'', any run of white space
 *         (line breaks included) one ' '; combining marks are stripped from
 *         Latin letters only (Cyrillic й and Hangul are left whole).
 *   key   norm with the separators ' ', '-' and '\'' removed, so
 *         "Bat-erdene", "Bat Erdene", "Baterdene", "BAT ERDENE" and
 *         "ch'oe"/"choe" all give one key; a Han character is keyed by its
 *         first Hangul reading (hanja.h: 金鍾洙 → 금종수).  Terms are
 *         matched in this view; word boundaries are then checked in the
 *         norm view.
 *
 * In both views a word that mixes Latin, Cyrillic and Greek letters is
 * written in the one script whose look-alikes cover it (confusable.h:
 * "Aлтангэрэл" with a Latin A becomes алтангэрэл); each such word is
 * listed in mixed[] for a review flag (docs/VARIANTS.md).
 *
 * Text is handled one combining sequence at a time (a starter and the marks
 * or Hangul vowel/final jamo after it), so every normalised byte comes from
 * one whole original character sequence.  Invalid UTF-8 and NUL bytes are
 * refused (EXIT_INPUT).  The norm and key buffers are wipe-on-free memory
 * (secmem_wipe_malloc): one allocation per text, wiped when freed.
 *
 * Speed: a code point of the BMP that stands alone in its sequence (the
 * usual case) is mapped through a table computed once with the same
 * utf8proc calls; only sequences with marks, jamo or unusual characters go
 * through utf8proc per sequence. */
#ifndef INTAKE_NORMALISE_H
#define INTAKE_NORMALISE_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

struct normtext {
    char *norm;          /* wipe-on-free, NUL-terminated */
    size_t normlen;
    uint32_t *ostart;    /* [normlen]: original start of the source sequence */
    char *key;           /* wipe-on-free, NUL-terminated */
    size_t keylen;
    uint32_t *kpos;      /* [keylen]: offset of each key byte in norm */
    size_t inlen;        /* length of the original */
    const char *orig;    /* the input (not copied: valid while the caller's is) */
    uint32_t *mixed;     /* [2 * nmixed]: original start and end of each word */
    size_t nmixed;       /* that mixed Latin, Cyrillic or Greek letters */
};

/* Builds both views of in[0..inlen) (under 4 GiB: offsets are 32-bit, 8
 * bytes of map per byte of text); returns 0, or -1 with e filled. */
int normalise(struct normtext *out, const char *in, size_t inlen, struct err *e);

/* 1 if every space in norm[a..b) (norm view of len bytes) stands between
 * two letters of one script that each stand alone ("B o l d"): a name
 * spelled out letter by letter, not a chance run across words ("OR A").
 * Other punctuation between letters of a spelled-out name ("B.o.l.d",
 * "김.종.수", "종_수") is left out of the key view. */
int normalise_spelled(const char *norm, size_t len, size_t a, size_t b);

/* 1 if a spelled-out gap (left out of the key view) ends at norm byte p
 * (before set) or starts there, and the letter on p's side stands alone:
 * a name spelled out letter by letter is one word, so a hit inside one
 * ("i.l" of "m.h.i.l", "종.수" of "김.종.수") is no hit, while an initial
 * before a name is ("Б.Алтангэрэл"). */
int normalise_gap_at(const struct normtext *t, size_t p, int before);

/* The length in bytes of the gap of a spelled-out name (left out of the
 * key view) at norm byte p, or 0 if there is none. */
size_t normalise_gap(const struct normtext *t, size_t p);

/* 1 if cp is punctuation or a symbol (Unicode P* or S*, utf8proc): a run
 * of up to three of them between the parts of a number or an ID, or
 * between two Hangul syllables one of which stands alone, is left out of
 * the key view (report-adv15; normalise_gap gives its length). */
int normalise_sep_class(int cp);

/* normalise_cells.c: 1 if the byte s[i] (bytes of a text, whole lines
 * around it) is a ',' or ';' that separates a table's cells: its line has
 * as many of that byte as the line before or after it, or a line is too
 * long (over 512 bytes) to tell. */
int normalise_table_delim(const char *s, size_t len, size_t i);

/* normalise_cells.c: 1 if s[i] is a structural delimiter: a tab, a line
 * break, a '"' (a JSON string's or CSV cell's boundary) or a table's
 * cell separator (normalise_table_delim).  A separator run that joins a
 * term's parts never holds one, and a term found across one is replaced
 * cell by cell (brief s16 r16). */
int normalise_struct_delim(const char *s, size_t len, size_t i);

/* normalise_cells.c: 1 if s[i] is known to separate a table's cells: a
 * tab, or a ',' or ';' on a line with as many as the line before or after
 * it (never a guess: a term found across one is replaced cell by cell,
 * redact_cells.c). */
int normalise_cell_delim(const char *s, size_t len, size_t i);

/* 1 if cp separates the letters of a name spelled out letter by letter
 * (. _ * / | + ~ and middle dots: "B.o.l.d", "종_수", "김·종·수"). */
int normalise_spell_sep(int cp);

/* The original end of the sequence norm byte i came from: where the next
 * sequence starts (a run of white space ends there too), or the input's end. */
size_t normtext_oend(const struct normtext *t, size_t i);

/* 1 if norm byte p of t is the '-' the norm view writes for the katakana
 * long mark ー (U+30FC, or its half-width U+FF70): the original text says
 * which of the dashes it was.  Else 0. */
int normtext_long_mark(const struct normtext *t, size_t p);

/* Frees and wipes the views; t may be zeroed or already freed. */
void normtext_free(struct normtext *t);

/* Writes the key of in (norm view without separators) as a new secmem
 * string into *out with its length; returns 0, or -1 with e filled. */
int normalise_key(char **out, size_t *outlen, const char *in, size_t inlen,
                  struct err *e);

/* Writes the norm view of in as a new secmem string; returns 0 or -1. */
int normalise_norm(char **out, size_t *outlen, const char *in, size_t inlen,
                   struct err *e);

/* Appends p[0..n) and a NUL to the wipe-on-free buffer *buf (used/size
 * bytes; crypto/secmem.h secmem_wipe_malloc, free it with
 * secmem_wipe_free), growing it by doubling; writes the offset of the copy
 * to *off.  Not sodium_malloc: each of those costs mappings and mprotect
 * calls, which dominated compiling many terms.  Returns 0, or -1 if out of
 * memory. */
int secbuf_append(char **buf, size_t *used, size_t *size, const char *p, size_t n,
                  size_t *off);

/* Decodes one code point at s[0..len); returns its length in bytes, or -1
 * (no overlongs, surrogates or code points past U+10FFFF: what
 * utf8proc_iterate accepts), *cp untouched then.  Inline for the loops
 * that decode every character of a text, several times (detect_int.h's
 * det_cp_at: the call alone was 8% of bench/redact.sh's run); utf8_next
 * below is the same as a function. */
static inline int utf8_decode(int *cp, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    int c;

    if (len == 0)
        return -1;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (u[0] < 0xC2 || u[0] > 0xF4)
        return -1;
    if (u[0] < 0xE0) {
        if (len < 2 || (u[1] & 0xC0) != 0x80)
            return -1;
        *cp = ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
        return 2;
    }
    if (u[0] < 0xF0) {
        if (len < 3 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
            return -1;
        c = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
            return -1;
        *cp = c;
        return 3;
    }
    if (len < 4 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80 || (u[3] & 0xC0) != 0x80)
        return -1;
    c = ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) | ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    if (c < 0x10000 || c > 0x10FFFF)
        return -1;
    *cp = c;
    return 4;
}

/* utf8_decode as a function: returns the length or -1. */
int utf8_next(int *cp, const char *s, size_t len);

/* normalise_chars.c: is_word_cp for the code points its inline part does
 * not answer (Unicode categories L, M and N, from utf8proc's tables). */
int is_word_cp_table(int cp);

/* 1 if the code point is a letter or a digit (a word character): ASCII,
 * Hangul syllables and the Cyrillic blocks U+0400-U+052F here (all in
 * categories L and M but U+0482 CYRILLIC THOUSANDS SIGN, So; Mongolian's
 * ө and ү are in them), the rest from the table.  Inline for the same
 * reason as utf8_decode; test_normalise holds it to utf8proc's categories. */
static inline int is_word_cp(int cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x0400 && cp <= 0x052F && cp != 0x0482))
        return 1;
    return is_word_cp_table(cp);
}

/* 1 if cp starts a new combining sequence whatever precedes it (no mark,
 * no Hangul vowel or final jamo): apart from a run of white space, the
 * normalisation of a text from such a code point on does not depend on
 * what came before it. */
int normalise_starts_sequence(int cp);
/* 1 if cp is white space (a run of it is one ' ' in the norm view). */
int normalise_is_space(int cp);
/* The value 0-9 of a decimal digit cp of any script (Unicode general
 * category Nd, utf8proc), or -1: Unicode encodes each script's digits 0-9
 * in one ascending run (its stability policy for Numeric_Type=Decimal),
 * so the value is the count of Nd code points before cp in its run,
 * modulo 10 (some runs hold several sets). */
int normalise_digit_value(int cp);

/* The script of a word character, for word boundaries: 1 Latin letters
 * and digits, 2 Hangul, 3 Cyrillic, 4 Han, 5 katakana, 6 hiragana, 0
 * anything else. */
int normalise_script(int cp);

/* 1 if code point cp is an upper-case letter, or its NFKC form is one
 * (the capital that marks a name: Ｄ, 𝐃 and the modifier letter ᴰ count
 * like D). */
int normalise_is_upper(int cp);

/* 1 if a and b are of two different known scripts: a word boundary, as
 * Korean attaches particles to any word ("Raseon이다"). */
int normalise_script_change(int a, int b);

/* 1 if cp is Hangul (syllables or jamo), Cyrillic or Han respectively. */
int is_hangul_cp(int cp);
int is_cyrillic_cp(int cp);
int is_han_cp(int cp);

#endif
