/* The limits and the validity rule for text that people type or that a
 * bundle carries: record ids, names, titles, bodies. One rule, shared by
 * the store (what it accepts) and the bundle reader (what it takes in). */
#ifndef INTAKE_TEXT_H
#define INTAKE_TEXT_H

#include <stddef.h>

#include "util/err.h"

#define RECORD_ID_CHARS 16               /* characters of a record id */
#define TEXT_FIELD_MAX 4096              /* bytes: names, titles, places, tags */
#define BODY_MAX (64u << 20)             /* bytes of one body or note */

/* 0 if s[0..len) (bytes) is valid UTF-8 without NUL or control characters
 * (line breaks and tabs allowed when multiline); else EXIT_INPUT with a
 * message naming what and the byte offset of the fault. */
int text_check(const char *s, size_t len, int multiline, const char *what,
               struct err *e);

/* 1 if the code point c, written between code points prev and next (0
 * at either end of the text), reorders or hides text there without
 * showing: the bidi controls (U+061C, U+200E, U+200F, U+202A to U+202E,
 * U+2066 to U+2069), U+200B, U+FEFF, the Braille blank U+2800, every
 * other Default_Ignorable_Code_Point of Unicode (utf8proc's table:
 * U+00AD, U+2060, the Hangul fillers...), and every code point a
 * terminal line shows escaped (text_escape): format characters (Cf:
 * U+FFF9 to U+FFFB, U+13430...), line and paragraph separators, private
 * use, surrogates, unassigned code points (report-adv36 I-1, I-2).  The
 * marks that shape the character before them count only where they shape
 * one (report-adv36b F-1..F-4, W-5, W-6; docs/PSEUDONYMS.md, "Session
 * 37"): ZWNJ and ZWJ between two letters or marks of a joining or Brahmic
 * script (Arabic and Persian, Syriac, N'Ko, Mongolian, Devanagari to
 * Sinhala, Myanmar, Khmer: نیک‌نام), and ZWJ between emoji (👨‍👩‍👧); the
 * Mongolian free variation selectors U+180B..U+180D, U+180F after a
 * Mongolian letter and the vowel separator U+180E between two; VS15 and
 * VS16 (U+FE0E, U+FE0F) after an emoji or a keycap's # * 0-9 (every base
 * of emoji-variation-sequences.txt); VS1..VS3 after a character of the
 * blocks StandardizedVariants.txt gives variants to (CJK, Myanmar,
 * Phags-pa, Egyptian, math symbols...), VS4..VS14 nowhere; the
 * ideographic variation selectors after a Han character; tag characters
 * only in an emoji tag sequence (U+1F3F4, tag digits or small tag
 * letters, CANCEL TAG: the Welsh flag; report-adv37 W-1).  The one rule
 * for fields people read as one line (card labels, pseudonyms, names,
 * terms, titles, tags, contact names): a name must read the same on
 * every screen (adv14 F14).  No memory, no errors. */
int text_hidden_at(unsigned long prev, unsigned long c, unsigned long next);

/* text_hidden_at(0, c, 0): c hidden where it stands alone (a shaping mark
 * shapes nothing there). */
int text_hidden_mark(unsigned long c);

/* 1 if s[0..len) (UTF-8; 0 for invalid UTF-8) is nothing but spaces of any
 * width (Unicode category Zs), tabs, the Braille blank U+2800 and default
 * ignorable code points (utf8proc's Default_Ignorable_Code_Point: the
 * Hangul fillers U+3164, U+FFA0, U+115F, U+1160 among them): a one-line
 * field or card label that shows nothing (report-adv35f I-1).  1 for len 0. */
int text_shows_nothing(const char *s, size_t len);

/* 1 if s (NUL-ended) holds nothing but spaces, tabs, CR and LF (or
 * nothing): a testimony of white space only is an empty one. */
int text_blank(const char *s);

/* text_check(s, len, 0, what, e), then also refuses a hidden mark
 * (text_hidden_mark) with EXIT_INPUT naming it as U+NNNN: for what people
 * type into a one-line field of the store.  Bundles are read with
 * text_check alone, so an older store's bundle still opens. */
int text_check_field(const char *s, size_t len, const char *what, struct err *e);

/* Writes s[0..len) (bytes of any content: arguments, paths, names from
 * outside) into out (outlen bytes, NUL-terminated) as text safe for one
 * terminal line: printable UTF-8 is kept, and everything a terminal would
 * obey or that hides or reorders text is shown escaped instead: \n, \r,
 * \t, other C0 controls, DEL and bytes that are not UTF-8 as \xNN, and
 * code points of the Unicode categories Cc, Cf, Zl, Zp, Co, Cs and Cn (C1
 * controls, bidi controls such as U+202E, zero-width marks, line
 * separators; utf8proc's tables) as \u{NNNN}.  What does not fit is cut
 * at a character and ends in "...".  Returns the bytes written. */
size_t text_terminal_safe(char *out, size_t outlen, const char *s, size_t len);

/* The columns a terminal gives the UTF-8 text s (NUL-terminated): each
 * character's width by utf8proc's tables (2 for Hangul and other wide
 * characters, 0 for combining marks), a byte that is not UTF-8 counted as
 * 1.  For padding what people read (a listing's header); not a check. */
size_t text_columns(const char *s);

/* The Unicode normal forms a passphrase is tried in. */
enum text_form { TEXT_NFC, TEXT_NFD };

/* The normal form (utf8proc, Unicode's canonical composition or
 * decomposition) of in[0..len) in a new sodium_malloc buffer *out,
 * NUL-terminated, of *outlen bytes, for the caller to free with
 * sodium_free: secrets pass through here, so no copy is left in ordinary
 * memory.  Returns 0; 1 when in is not valid UTF-8 (it has no normal form;
 * *out is NULL); -1 with e filled (EXIT_INPUT) when out of memory. */
int text_normal_form(char **out, size_t *outlen, const char *in, size_t len,
                     enum text_form form, struct err *e);

/* The index in sorted[0..n) (NUL-ended strings in strcmp order) of the
 * string equal to s[0..len) (bytes, not NUL-ended), or -1: a binary
 * search, O(log n).  The tables of syllables and common words use it. */
/* The characters of s[0..len) (bytes of UTF-8, not checked): the count of
 * its lead bytes.  One place for what three files counted each their own
 * way (session 28's duplicates). */
size_t text_chars(const char *s, size_t len);

long text_sorted_find(const char *const *sorted, size_t n, const char *s, size_t len);

#endif
