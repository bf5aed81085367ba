/* RTF read through inside a word (brief s17 esc17, report adv16a ):
 * part of the one reading layer (entities.c, escapes.c, codepage.c), so the
 * redactor, export's checks and the audit read the same.
 *   - the code page of RTF's \'hh bytes is the current font's (\fN, whose
 *     \fcharsetN or \cpgN the font table names), over the document's
 *     \ansicpgN: Word on a Western Windows writes Korean as \ansicpg1252
 *     with {\f1\fcharset129 Gulim;} and \f1 \'b1\'e8...;
 *   - \- (RTF's and TeX's optional hyphen) reads as U+00AD, which the
 *     normaliser reads as nothing;
 *   - a group of control words only ({\i}, {\b0}, {\i0 }, {\*\bkmkend x}
 *     is not one) reads as nothing, and so does {} between two word
 *     characters: neither shows anything where it stands.
 * Where a table comes from: the \fcharset numbers are the RTF 1.9.1
 * specification's (Microsoft, "\fcharsetN"), mapped to the Windows code
 * page each names; the bytes themselves are read by glibc's iconv. */
#ifndef INTAKE_RTF_READ_H
#define INTAKE_RTF_READ_H

#include <stddef.h>
#include <stdint.h>

/* The code pages of a text's RTF fonts: from offset at[i] (bytes of the
 * original text) on, RTF bytes are in code page cp[i] (0: none named). */
struct rtf_pages {
    size_t n, cap;
    uint32_t *at;
    int *cp;
};

/* Fills pg (zeroed first) for s[0..len) whose document code page is
 * ansicpg (\ansicpgN or 0): empty when the text has no \fcharsetN nor
 * \cpgN.  Groups ({ }) scope the current font as RTF does; at most 64
 * levels are tracked and 256 fonts.  pg's arrays are malloc'd: free with
 * rtf_pages_free.  Returns 0, or -1 when out of memory (pg freed). */
int rtf_pages_read(struct rtf_pages *pg, const char *s, size_t len, int ansicpg);

/* The code page at original offset off: the last change at or before
 * it, else ansicpg. */
int rtf_pages_at(const struct rtf_pages *pg, size_t off, int ansicpg);

void rtf_pages_free(struct rtf_pages *pg);

/* The Windows code page of RTF's \fcharsetN (128 → 932, 129 → 949,
 * 134 → 936, 136 → 950, 204 → 1251 ...), or 0 for ANSI, default, symbol
 * and a number the specification does not name. */
int rtf_charset_codepage(long charset);

/* RTF markup at s[0..len) (s[0] is '\\' or '{'), prev the byte before s
 * (0 at the start): \- as U+00AD in o[0..*n) (2 bytes), a group of control
 * words only, or {} after a word character and before one, as nothing
 * (*n = 0).  Returns the bytes read, or 0.  o has at least 2 bytes.  No
 * allocation, no error. */
size_t rtf_markup(char *o, size_t *n, const char *s, size_t len, unsigned char prev);

/* In an RTF document, the length of the control word at s[0..len)
 * ("\\f2 ", "\\fcharset204", "\\ansicpg1252"; its delimiting space
 * included), which the reading keeps as written: "\\f2 " is no CSS escape
 * of U+00F2.  0 when s holds none, and for \\uN (a character). */
size_t rtf_control_len(const char *s, size_t len);

/* 1 if s[0..len) holds "{\\rtf": an RTF document. */
int rtf_document(const char *s, size_t len);

#endif
