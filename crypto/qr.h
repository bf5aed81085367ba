/* QR codes: drawing text for a phone camera (terminal, PNG, SVG) and
 * reading text back from a photo or a screenshot (PNG or JPEG).
 *
 * The only module that includes <qrencode.h>, <zbar.h>, <png.h> and
 * <jpeglib.h> (libzbar is loaded at the first read: qr_zbar.h).  Codes use error correction level M; upper-case text such
 * as a card or a safety number is held in alphanumeric mode. */
#ifndef INTAKE_QR_H
#define INTAKE_QR_H

#include <stddef.h>
#include <stdio.h>

#include "util/err.h"

#define QR_TEXT_MAX 1024                  /* longest text drawn or read */
#define QR_QUIET 4                        /* quiet zone, in modules */
#define QR_PNG_SCALE 8                    /* PNG pixels per module */
#define QR_IMAGE_MAX_BYTES (64u << 20)    /* largest image file read */
#define QR_IMAGE_MAX_PIXELS 40000000u     /* largest width * height read */

enum qr_term_style {
    QR_TERM_COLOUR,     /* black on white ANSI colours: any terminal theme */
    QR_TERM_DARK_INK,   /* no escapes; glyphs are dark modules (light theme) */
    QR_TERM_LIGHT_INK   /* no escapes; glyphs are light modules (dark theme) */
};

/* The size of text's QR code as qr_write_term draws it: *columns
 * characters wide and *lines lines high, quiet zone included. */
int qr_term_size(int *columns, int *lines, const char *text, struct err *e);

/* Draws text's QR code to f with UTF-8 half blocks, two module rows per
 * line, inside the quiet zone; each line ends in "\n". */
int qr_write_term(FILE *f, const char *text, enum qr_term_style style,
                  struct err *e);

/* Text's QR code as an 8-bit grey PNG (qr_png) or an SVG (qr_svg), as
 * qr_write_png and qr_write_svg write them, in a new buffer *out of *len
 * bytes (free with free). */
int qr_png(unsigned char **out, size_t *len, const char *text, struct err *e);
int qr_svg(char **out, size_t *len, const char *text, struct err *e);

/* Writes text's QR code as an 8-bit grey PNG (QR_PNG_SCALE pixels per
 * module, quiet zone included), atomically and 0600; an existing path is
 * refused unless overwrite is 1. */
int qr_write_png(const char *path, int overwrite, const char *text,
                 struct err *e);

/* Writes text's QR code as an SVG (a white square and one black path),
 * atomically and 0600; an existing path is refused unless overwrite is 1. */
int qr_write_svg(const char *path, int overwrite, const char *text,
                 struct err *e);

/* Reads the one QR code in a PNG or JPEG file and writes its text,
 * NUL-terminated, to out; refuses an image that is not PNG or JPEG, too
 * large, holds no QR code or several, or whose text has a NUL or does not
 * fit in outlen. */
int qr_scan_file(char *out, size_t outlen, const char *path, struct err *e);

/* As qr_scan_file, on an image of len bytes in memory; what names it in
 * messages. */
int qr_scan_image(char *out, size_t outlen, const unsigned char *img,
                  size_t len, const char *what, struct err *e);

#endif
