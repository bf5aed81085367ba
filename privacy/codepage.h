/* Legacy code pages read through glibc's iconv (brief s15 f12b, item 4):
 * Korean Word documents write RTF's \'hh bytes in code page 949
 * (\ansicpg949), Korean mail and web forms percent- or byte-escape
 * EUC-KR/CP949 (%B1%E8%BF%B5%C8%A3 is 김영호) and label encoded-words
 * EUC-KR or ks_c_5601-1987.  Part of the one reading layer (entities.c,
 * escapes.c): the redactor, export's checks and the audit read the same.
 * glibc loads its converters (gconv modules, Debian's libc6) from disk on
 * first use; when one is missing the bytes stay undecoded and the
 * escape-run net (escapes.h) flags them, as before. */
#ifndef INTAKE_CODEPAGE_H
#define INTAKE_CODEPAGE_H

#include <stddef.h>

/* Most bytes of one character in any code page read here. */
#define CODEPAGE_MAX_CHAR 4

/* The iconv name of a MIME charset label c[0..clen) that is neither UTF-8,
 * US-ASCII nor ISO-8859-1 ("EUC-KR", "ks_c_5601-1987" → "CP949",
 * "windows-1251", "KOI8-R", "Shift_JIS", "GB2312", "Big5"...), written
 * into name (nmax bytes), or NULL when the label is not a plain charset
 * name or iconv cannot read it.  No allocation kept. */
const char *codepage_mime_name(char *name, size_t nmax, const char *c, size_t clen);

/* Converts b[0..bn) in charset from (an iconv name) to UTF-8 in o (omax
 * bytes): the count written, or 0 when the bytes are not whole valid text
 * of that charset, hold a control character, or do not fit. */
size_t codepage_to_utf8(char *o, size_t omax, const char *from, const unsigned char *b, size_t bn);

/* The length of the first character of b[0..bn) in Windows code page cp
 * (RTF's \ansicpgN: 949, 936, 950, 932, 1250-1258...) with its UTF-8 in
 * o[0..*n) (o has at least 8 bytes); 0 if the bytes start no character
 * of cp (or iconv lacks it).  Reads 1 to CODEPAGE_MAX_CHAR bytes. */
size_t codepage_char(char *o, size_t *n, int cp, const unsigned char *b, size_t bn);

/* A byte escape run in EUC-KR/CP949 (brief s15 f12b, item 4): the token
 * at text[at] is pre ("%", "\\x", "=" or "\\'") and two hex digits, in a
 * run of such tokens (text[0..len)) that is neither valid UTF-8 nor
 * UTF-8 cut inside its last character, but is CP949 from its first token
 * on, with two two-byte characters or more; and text[at] starts a
 * two-byte character there.  Returns the bytes of
 * its two tokens with the character's UTF-8 in o[0..*n) (o has at least
 * 8 bytes), or 0 (an ASCII byte of the run is left to the usual
 * decoders).  Runs over 256 tokens are not read. */
size_t codepage_cp949_run(char *o, size_t *n, const char *text, size_t len, size_t at,
                          const char *pre);

/* 1 if text[at] is a quoted-printable byte =hh in a run of them that a
 * soft line break ("=\n", "=\r\n") joins to the next line's: the run is
 * left to the decoding round after the break is read, which sees it
 * whole (=EA=B9=80=EC=98=<break>=81=ED=98=B8 is 김영호 in UTF-8; read in
 * halves, =81=ED=98=B8 alone would pass for CP949). */
int codepage_qp_held(const char *text, size_t len, size_t at);

/* 1 if the run of byte escapes s[0..len) (escape_run's: "%hh" or "\\xhh"
 * tokens, a single space between two allowed) holds two bytes of 0x80 or
 * more and is not UTF-8 (nor UTF-8 cut in its last character): its bytes
 * then read differently in the candidate code pages (%C1%EE%EB%E4 is Болд
 * in Windows-1251 and two Hangul syllables in CP949: report adv16a A-8),
 * so whatever reading the decoders took is no certain one.  Runs of RTF's
 * \'hh are never ambiguous here (the document names its code page). */
int codepage_run_ambiguous(const char *s, size_t len);

#endif
