/* Text written in an encoding of the web (issue 12, brief i12-forms item 1):
 * HTML character references (&#44608;, &#xAE40;, &nbsp;, &amp;),
 * percent-encoding (%EA%B9%80, %20) and the escapes of escapes.h are read as the characters they stand
 * for before normalisation, so a name written so is matched, and each
 * decoded character maps back to the whole encoded span of the original
 * (the span is replaced whole). */
#ifndef INTAKE_ENTITIES_H
#define INTAKE_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

/* Decodes in[0..inlen).  When nothing in it is encoded, returns 0 with
 * *out NULL (the common case, one memchr-like pass).  Otherwise *out is a
 * NUL-terminated wipe-on-free string (crypto/secmem.h; free with
 * secmem_wipe_free) of *outlen bytes, and *map (malloc, free with free) has
 * *outlen + 1 entries: the original byte offset each decoded byte came
 * from (every byte of one decoded character maps to the start of its
 * reference), and map[*outlen] == inlen.  Up to three rounds are decoded
 * (&amp;#44608; and %2526 are written twice over).  What is read:
 *   - &#DDD; and &#xHHH; (the ';' may be left out, as HTML parsers allow)
 *     for any code point but NUL, surrogates and past U+10FFFF;
 *   - &NAME; for the WHATWG list's 2,125 names (htmlnames.h: HTML5's,
 *     &hyphen; &commat; &period; as well as HTML 4's), ';' required;
 *   - %XX triplets that together make valid UTF-8: a non-ASCII character
 *     always, an ASCII one only if it is a letter, a digit, a space, '-',
 *     '\'', '.', '_', '+' or '@', or a '%' (%25) before two hex digits
 *     ("100%" and "%2F" in a URL stay as written);
 *   - the escapes of escapes.h (\uAE40, %uAE40, \x{AE40}, \xea\xb9\x80,
 *     MIME encoded-words and quoted-printable).
 * No decoded form is longer than what it stands for.
 * Input is bytes (validated later by normalise).  Errors: -1 when out of
 * memory or the text is 4 GiB or more. */
int entities_decode(char **out, size_t *outlen, uint32_t **map, const char *in, size_t inlen);

#endif
