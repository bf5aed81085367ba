/* The insides of export/media*.c, shared by those files and nothing else:
 * one walk over a file's container, which either strips (writes what it
 * keeps to out, over the input) or only finds (out is NULL). */
#ifndef INTAKE_MEDIA_INT_H
#define INTAKE_MEDIA_INT_H

#include <stddef.h>
#include <stdint.h>

struct err;
struct media_report;

/* The containers media.c tells apart by their first bytes. */
enum media_container { C_NONE, C_JPEG, C_PNG, C_WEBP, C_WAV, C_OGG, C_FLAC, C_MP3, C_MP4, C_TEXT };

struct media_job {
    const unsigned char *p;       /* the file */
    size_t len;                   /* its length in bytes */
    unsigned char *out;           /* p itself when stripping; NULL when finding */
    size_t w;                     /* bytes kept so far (the output's length) */
    const char *format;           /* "JPEG", ... for messages */
    int container;                /* enum media_container, as the walker ends */
    struct media_report *rep;
    struct err *e;
};

/* A byte string that names metadata where it occurs (media_scan). */
struct media_marker {
    const char *needle;
    int kind;                     /* enum media_kind */
    const char *name;             /* as reported */
};

/* media_walk.c: appends p[off..off+n) to the output. Stripping, the output never
 * runs ahead of the input (w <= off), so this is a memmove. */
void media_keep(struct media_job *j, size_t off, size_t n);

/* media_walk.c: appends b[0..n) to the output; the caller has checked that the
 * bytes overwritten are read already. */
void media_put(struct media_job *j, const unsigned char *b, size_t n);

/* media_walk.c: notes a piece of metadata of a kind, named "prefix name" (name
 * may be NULL; non-printable bytes are shown as '?'). */
void media_found(struct media_job *j, int kind, const char *prefix, const char *name);

/* media_walk.c: fails the walk: "FORMAT: why" in j->e; returns -1. */
int media_bad(struct media_job *j, const char *why);

/* media_walk.c: notes each marker of the NULL-ended table m found in d[0..n),
 * as "prefix name"; notes "prefix" as MEDIA_OTHER if none is. */
void media_scan(struct media_job *j, const char *prefix, const struct media_marker *m,
                const unsigned char *d, size_t n);

/* media_names.c: notes the tags of an EXIF (TIFF) block. */
void media_exif(struct media_job *j, const char *prefix, const unsigned char *tiff, size_t n);

/* media_names.c: notes what an XMP packet holds. */
void media_xmp(struct media_job *j, const char *prefix, const unsigned char *d, size_t n);

/* media_names.c: notes the fields of a Vorbis comment block (vendor string,
 * then FIELD=value comments, lengths little-endian; FLAC, Ogg, Opus). */
void media_vorbis_comment(struct media_job *j, const char *prefix, const unsigned char *d,
                          size_t n);

/* media_names.c: notes the frames of an ID3v2 tag d[0..n) (its header included). */
void media_id3v2(struct media_job *j, const unsigned char *d, size_t n);

/* media_names.c: the table of markers for QuickTime/MP4 metadata boxes. */
extern const struct media_marker media_mp4_markers[];

/* media_audio.c: drops the tags at the end of an MP3 or FLAC file that
 * ends at end (ID3v1, APEv2, Lyrics3, an appended ID3v2), noting them;
 * returns the end of what remains, or (size_t)-1 after media_bad. */
size_t media_tail_tags(struct media_job *j, size_t start, size_t end);

/* One walker per container; each returns 0 or -1 (media_bad). */
int media_jpeg(struct media_job *j);
int media_png(struct media_job *j);
int media_webp(struct media_job *j);
int media_mp3(struct media_job *j);
int media_flac(struct media_job *j, size_t start);
int media_wav(struct media_job *j);
int media_ogg(struct media_job *j);
int media_mp4(struct media_job *j);

/* An MPEG audio frame header begins at b (11 sync bits, a layer that is
 * not "reserved"); b holds at least 2 bytes. */
static inline int media_mpeg_sync(const unsigned char *b)
{
    return b[0] == 0xFF && (b[1] & 0xE0) == 0xE0 && (b[1] & 0x06) != 0;
}

static inline uint32_t media_be16(const unsigned char *b)
{
    return (uint32_t)b[0] << 8 | b[1];
}

static inline uint32_t media_be24(const unsigned char *b)
{
    return (uint32_t)b[0] << 16 | (uint32_t)b[1] << 8 | b[2];
}

static inline uint32_t media_be32(const unsigned char *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static inline uint32_t media_le32(const unsigned char *b)
{
    return (uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 | (uint32_t)b[1] << 8 | b[0];
}

static inline void media_put_le32(unsigned char *b, uint32_t v)
{
    b[0] = (unsigned char)v, b[1] = (unsigned char)(v >> 8);
    b[2] = (unsigned char)(v >> 16), b[3] = (unsigned char)(v >> 24);
}

#endif
