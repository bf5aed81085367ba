/* Attachments' metadata (issue 13): what a photo or a recording says about
 * where, when, with what and by whom it was made. export removes it before
 * an attachment leaves the device (media_strip); the audit looks for it in
 * every attachment a bundle carries (media_find). Both walk the file's
 * container with the same code and the same rule: keep what a decoder needs
 * to show the picture or play the sound, drop everything else (an allowlist,
 * docs/FORMAT.md "Attachments' metadata"), so what media_find reports is
 * exactly what media_strip would remove.
 *
 * Types: JPEG, PNG, WebP; MP3 (ID3v1/v2, APEv2, Lyrics3), FLAC, Ogg Vorbis
 * and Opus, MP4/M4A with audio tracks only, WAV; plain text has no
 * container and passes unchanged. Anything else (HEIC, GIF, PDF, ZIP,
 * video, a file that does not parse) is refused.
 *
 * The file is in memory (the caller's, sodium_malloc) and is changed in
 * place: nothing is copied to a file or to memory that is not wiped. These
 * functions read hostile bytes: every offset is checked against len, and
 * they allocate only to rebuild Ogg headers (sodium_malloc, wiped). */
#ifndef INTAKE_MEDIA_H
#define INTAKE_MEDIA_H

#include <stddef.h>

#include "export/mediatext.h"
#include "util/err.h"

/* The largest attachment stripped or examined, in bytes: it is held in
 * memory whole. Larger attachments are refused by export (without
 * --keep-metadata) and reported as not examined by the audit. */
#define MEDIA_MAX_BYTES ((size_t)256 << 20)

/* What a piece of metadata tells (a bit each in media_report.kinds). */
enum media_kind {
    MEDIA_LOCATION,     /* GPS, place names */
    MEDIA_SERIAL,       /* camera, lens or body serial number, unique ids */
    MEDIA_TIME,         /* when it was taken, recorded, changed */
    MEDIA_AUTHOR,       /* artist, author, owner, copyright */
    MEDIA_COMMENT,      /* descriptions, titles, comments, keywords */
    MEDIA_DEVICE,       /* make, model, maker notes, ICC profiles */
    MEDIA_SOFTWARE,     /* the program or encoder that wrote it */
    MEDIA_PICTURE,      /* thumbnails, cover art, further images */
    MEDIA_OTHER,        /* any other structure a decoder does not need */
    MEDIA_NKINDS
};

/* What was found (media_find) or removed (media_strip). */
struct media_report {
    const char *format;           /* "JPEG", "PNG", ... (static), or NULL */
    unsigned kinds;               /* 1u << enum media_kind, for each kind found */
    char what[400];               /* the structures, ", " separated, each once,
                                   * e.g. "EXIF GPS, EXIF DateTimeOriginal";
                                   * cut with "..." when long */
};

/* Removes the metadata of the file buf[0..*len) in place; *len receives
 * the new length (never larger). rep (may be NULL) is cleared, then
 * receives the format and what was removed. Returns 0, or -1 with e
 * (EXIT_INPUT) when the file is of no type above, does not parse, or
 * is larger than MEDIA_MAX_BYTES; buf is then left in an unspecified
 * state. The result is a function of the input alone (export strips twice
 * and compares). */
int media_strip(unsigned char *buf, size_t *len, struct media_report *rep,
                struct err *e);

/* Fills rep (cleared first) with the metadata buf[0..len) holds, without
 * changing it: rep->kinds is 0 when there is none. Returns 0, or -1 with
 * e (EXIT_INPUT) when the file cannot be examined (as media_strip). */
int media_find(struct media_report *rep, const unsigned char *buf, size_t len,
               struct err *e);

/* What the first bytes of a file tell about it, gathered piece by piece
 * as the file is read (media_peek_add), so that export reads a whole file
 * into memory only when it is of a type whose walk needs every byte: a
 * file of a type intake refuses is known from its first bytes and a NUL
 * byte, plain text (nothing to strip) from a NUL-free pass. */
#define MEDIA_PEEK_BYTES 16       /* the first bytes that tell the type (>= 12) */
struct media_peek {
    unsigned char head[MEDIA_PEEK_BYTES];   /* the file's first nhead bytes */
    size_t nhead;
    unsigned long long len;                 /* the bytes seen, in all */
    int nul;                                /* a NUL byte among them */
    struct mediatext_sniff text;            /* whether they may be text (issue 17) */
};

/* Adds the next len bytes of the file to pk (cleared by the caller
 * before the first call); returns 1 while more bytes could change what
 * media_peek_find says, 0 once they cannot. */
int media_peek_add(struct media_peek *pk, const unsigned char *buf, size_t len);

/* What media_find would say of the file of size bytes whose beginning pk
 * has seen (all of it unless media_peek_add returned 0): 1 when the file
 * is of a type whose metadata only media_find on the whole file can tell
 * (rep->format set); 0 for plain text, which holds none (rep as
 * media_find fills it); -1 with e, the same error media_find gives, for
 * a file intake cannot examine or strip. rep is cleared first. */
int media_peek_find(struct media_report *rep, const struct media_peek *pk,
                    unsigned long long size, struct err *e);

/* The kinds in rep in words, ", " separated, in enum order ("location,
 * serial number, time"), into out (cut to outlen - 1 bytes). */
void media_kinds_text(char *out, size_t outlen, unsigned kinds);

#endif
