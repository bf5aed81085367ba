/* Escapes of programming languages and of e-mail (issue 12, brief i12-enc):
 * a name, phone or e-mail written as JSON/JavaScript escapes (\uAE40,
 * \uD83D\uDE00, \u{AE40}), legacy JavaScript escape() (%uAE40), Perl/PCRE
 * \x{AE40}, UTF-8 byte escapes (\xea\xb9\x80), MIME encoded-words
 * (=?UTF-8?B?6rmA7JiB7Zi4?=, =?UTF-8?Q?=EA=B9=80?=) or quoted-printable
 * (=EA=B9=80, soft line breaks "=\n") is read as the characters it stands
 * for.  Called by entities.c's decoding rounds, beside HTML references and
 * %XX: one reading layer for the redactor, export's checks and the audit. */
#ifndef INTAKE_ESCAPES_H
#define INTAKE_ESCAPES_H

#include <stddef.h>

/* Most bytes one escape decodes to (an encoded-word of ESCAPE_MAX_WORD
 * bytes of ISO-8859-1 text, each character two bytes of UTF-8). */
#define ESCAPE_MAX_WORD 256
#define ESCAPE_MAX_OUT (2 * ESCAPE_MAX_WORD)

/* An escape at s[0..len) (s[0] is '\\', '%' or '='), prev the byte before
 * s (or 0 at the start of the text).  Returns the length of the escape in
 * bytes, with the UTF-8 it decodes to in o[0..*n) (o has ESCAPE_MAX_OUT
 * bytes; *n may be 0 for a quoted-printable soft line break), or 0 if
 * there is none.  Bounded forms only (docs/VARIANTS.md): code point
 * escapes decode any code point but NUL, lone surrogates and past
 * U+10FFFF; byte escapes and quoted-printable must make valid UTF-8, and
 * decode an ASCII character only where percent-encoding would (entities.h;
 * quoted-printable: a separator only, never a letter or digit);
 * encoded-words in UTF-8, US-ASCII, ISO-8859-1 or a charset glibc's
 * iconv reads (EUC-KR, ks_c_5601-1987, windows-1251...: codepage.h), of at most
 * ESCAPE_MAX_WORD bytes, whose text is valid and has no control
 * character.  Base64 outside an encoded-word is not read.  No memory is
 * allocated; no error other than 0. */
size_t escape_ref(char *o, size_t *n, const char *s, size_t len, unsigned char prev);

/* escape_ref, and the escapes of other syntaxes (report adv12 A-1):
 * Python's \UHHHHHHHH (8 hex digits); RTF's \uN (decimal, negative for
 * units over 32767, then the replacement a reader skips: '?' or \'hh;
 * taken as RTF when a replacement follows, N is negative or has five
 * digits, else as JSON's \uHHHH) and \'hh bytes (Windows-1251 when
 * codepage is 1251, the document's \ansicpg1251; else only bytes that
 * make one UTF-8 character; any other \ansicpgN through iconv:
 * codepage.h); octal bytes \NNN that make one UTF-8
 * character of 2-4 bytes; CSS \H..H (1-6 hex digits, one white space
 * after it taken) and SQL's U&'\HHHH' and \+HHHHHH, for a code point of
 * U+00C0 or above (not a combining mark), ending with white space, the
 * text's end, another such escape, or a character other than a letter,
 * digit or backslash ("C:\bada\docs" is a path).  codepage: 0 (none
 * named) or the document's \ansicpgN. */
size_t escape_ref_cp(char *o, size_t *n, const char *s, size_t len, unsigned char prev,
                     int codepage);

/* 1 if s[0..len) (s[0] is '\\', '%' or '=') may start an escape: the
 * quick test before decoding. */
int escape_maybe(const char *s, size_t len);

/* Shared with entities.c: the value of a hex digit or -1; UTF-8 of cp in
 * o (1..4 bytes, the count returned); 1 if s[0..n) (n from its lead
 * byte) is one valid UTF-8 character; 1 if an ASCII byte decoded from a
 * byte escape is read (a letter, digit, space or - ' . _ + @). */
int escape_hexval(unsigned char c);
size_t escape_put_utf8(char *o, unsigned cp);
int escape_valid_utf8(const unsigned char *s, size_t n);
int escape_name_ascii(unsigned char c);

/* The net under the decoders (report adv12 A-1): a run of at least
 * ESCAPE_RUN_MIN escape-looking tokens that the decoders left undecoded,
 * wholly or in part (\'b1\'e8 of a code page intake does not read,
 * \xb1\xe8 and %B1%E8 of EUC-KR, invalid UTF-8 bytes...) is opaque to
 * every detector, so it is a review flag in redact and a WARN in the
 * audit's second opinion (kind "escape-run"; redact_int.h's
 * redact_escape_runs tells undecoded runs apart).  A token is a
 * backslash, an optional u, x or ', an optional '-', 2-8 hex digits and
 * an optional '?', not followed by a letter or digit; or '%' and a byte
 * of 0x80 or more.  Tokens follow
 * one another directly or across one space.  Returns the bytes of the
 * run starting at s[0] (its last token's end), or 0; *ntok (may be NULL)
 * the tokens read.  No allocation, no error. */
#define ESCAPE_RUN_MIN 2
size_t escape_run(const char *s, size_t len, size_t *ntok);

/* The length of a MIME encoded-word's shape at s[0..len)
 * ("=?charset?B|Q?text?=", a charset label of 1-40 letters, digits and
 * - _ . : *, a text of printable ASCII without white space, of base64's
 * alphabet for B), or 0.  The
 * net flags one the decoders left undecoded (a charset iconv lacks:
 * report adv16a A-8), never keeping it silently.  No allocation. */
size_t escape_word_shape(const char *s, size_t len);

#endif
