/* Media types of attachments: guessed from a file's first bytes when it is
 * attached (a file name is not trusted), and the extension a bundle gives
 * each type in the neutral names recipients see (attachment-N.ext). Both
 * tables are here so that every type attach can guess has its extension. */
#ifndef INTAKE_MEDIATYPE_H
#define INTAKE_MEDIATYPE_H

#include <stddef.h>

/* 1 if the file that begins with the n bytes b is a GIF: the magic
 * "GIF8" and a NUL byte among them (or after them: nul_after). Every GIF
 * holds one (the zero-length block that ends its image data and each
 * extension), so "GIF89a" followed by text is text (issue 12 A-17). */
int mediatype_gif(const unsigned char *b, size_t n, int nul_after);

/* The media type of a file that begins with the n bytes b: a known magic
 * number (a GIF only as mediatype_gif says), else "text/plain" if no byte
 * is NUL and they may be text (mediatext_sniff_add: not bytes that are no
 * UTF-8 and hold a control no text holds; issue 17), else
 * "application/octet-stream". A static string. */
const char *mediatype_guess(const unsigned char *b, size_t n);

/* The file extension (without the dot) for a media type; "bin" for a type
 * without one. A static string. */
const char *mediatype_extension(const char *type);

#endif
