/* Attachments' metadata (export/media.h): which container a file is, and
 * the helpers every walker shares. */
#include "export/media.h"

#include <stdio.h>
#include <string.h>

#include "export/media_int.h"
#include "export/mediatype.h"

static const char *const kind_names[MEDIA_NKINDS] = {
    "location", "serial number", "time", "author", "comment", "device", "software",
    "picture", "other",
};

void media_kinds_text(char *out, size_t outlen, unsigned kinds)
{
    size_t o = 0;

    if (outlen == 0)
        return;
    out[0] = '\0';
    for (int k = 0; k < MEDIA_NKINDS; k++) {
        int n;

        if (!(kinds & (1u << k)))
            continue;
        n = snprintf(out + o, outlen - o, "%s%s", o ? ", " : "", kind_names[k]);
        if (n < 0 || (size_t)n >= outlen - o)
            return;
        o += (size_t)n;
    }
}

/* ---- Which container ---- */

/* ISO base media files that are HEIF or AVIF images, not MP4 (major brand). */
static int heif_brand(const unsigned char *b, size_t n)
{
    static const char *const brands[] = { "heic", "heix", "hevc", "hevx", "heim", "heis",
                                          "mif1", "msf1", "avif", "avis", "jxl ", NULL };

    for (size_t i = 0; n >= 12 && brands[i] != NULL; i++)
        if (memcmp(b + 8, brands[i], 4) == 0)
            return 1;
    return 0;
}

static const char unknown_type[] = "a file of unknown type";

/* The container of buf, or C_NONE with *name set to what it is instead. */
static int sniff(const unsigned char *b, size_t n, const char **name)
{
    static const struct { size_t off; const char *magic; size_t len; int c; const char *name; } m[] = {
        { 0, "\xff\xd8\xff", 3, C_JPEG, "JPEG" }, { 0, "\x89PNG\r\n\x1a\n", 8, C_PNG, "PNG" },
        { 8, "WEBP", 4, C_WEBP, "WebP" }, { 8, "WAVE", 4, C_WAV, "WAV" },
        { 0, "OggS", 4, C_OGG, "Ogg" }, { 0, "fLaC", 4, C_FLAC, "FLAC" },
        { 0, "ID3", 3, C_MP3, "MP3" }, { 4, "ftyp", 4, C_MP4, "MP4" },
        { 0, "GIF8", 4, C_NONE, "a GIF image" }, { 0, "%PDF-", 5, C_NONE, "a PDF document" },
        { 0, "PK\x03\x04", 4, C_NONE, "a ZIP archive (or an office document)" },
        { 0, "II*\0", 4, C_NONE, "a TIFF image" }, { 0, "MM\0*", 4, C_NONE, "a TIFF image" },
    };

    *name = unknown_type;
    if (n >= 2 && media_mpeg_sync(b)) {
        *name = "MP3";                     /* an MPEG audio frame, no ID3 tag */
        return C_MP3;
    }
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
        if (n < m[i].off + m[i].len || memcmp(b + m[i].off, m[i].magic, m[i].len) != 0)
            continue;
        if ((m[i].c == C_WEBP || m[i].c == C_WAV) && memcmp(b, "RIFF", 4) != 0)
            continue;
        if (m[i].magic[0] == 'G' && !mediatype_gif(b, n, 0))
            continue;                          /* text after "GIF8" (mediatype.h) */
        *name = m[i].name;
        if (m[i].c == C_MP4 && heif_brand(b, n))
            *name = "a HEIF/HEIC or AVIF image";
        else
            return m[i].c;
        return C_NONE;
    }
    if (memchr(b, 0, n) == NULL) {             /* an empty file too */
        *name = "text";
        return C_TEXT;
    }
    return C_NONE;
}

/* What walk() checks before any walker reads: 0, or -1 with j->e. The
 * file is of container c (sniff), size bytes long. */
static int admit(struct media_job *j, int c, const char *name, unsigned long long size)
{
    j->format = name;
    j->container = c;
    if (j->rep != NULL)
        j->rep->format = name;
    if (size > MEDIA_MAX_BYTES)
        return err_set(j->e, EXIT_INPUT, "%s of more than %zu MiB: too large to strip "
                       "in memory", name, MEDIA_MAX_BYTES >> 20);
    if (c == C_NONE)
        return err_set(j->e, EXIT_INPUT, "%s: intake cannot remove its metadata", name);
    return 0;
}

static int walk(struct media_job *j)
{
    const char *name;
    int c = sniff(j->p, j->len, &name);

    if (c == C_TEXT && mediatext_binary(j->p, j->len)) {    /* no text (issue 17) */
        c = C_NONE;
        name = mediatype_gif(j->p, j->len, 1) ? "a GIF image" : unknown_type;
    }

    if (admit(j, c, name, j->len) != 0)
        return -1;
    switch (c) {
    case C_JPEG: return media_jpeg(j);
    case C_PNG: return media_png(j);
    case C_WEBP: return media_webp(j);
    case C_WAV: return media_wav(j);
    case C_OGG: return media_ogg(j);
    case C_FLAC: return media_flac(j, 0);
    case C_MP3: return media_mp3(j);
    case C_MP4: return media_mp4(j);
    default:                             /* C_TEXT: plain text has no container */
        media_keep(j, 0, j->len);
        return 0;
    }
}

int media_strip(unsigned char *buf, size_t *len, struct media_report *rep, struct err *e)
{
    struct media_job j = { buf, *len, buf, 0, NULL, C_NONE, rep, e };

    if (rep != NULL)
        memset(rep, 0, sizeof *rep);
    const char *now;

    if (walk(&j) != 0)
        return -1;
    /* What leaves must be read as what it was (and strip to itself). */
    if (sniff(buf, j.w, &now) != j.container)
        return err_set(e, EXIT_INPUT, "%s: what is left would not be read as %s", j.format,
                       j.format);
    *len = j.w;
    return 0;
}

int media_find(struct media_report *rep, const unsigned char *buf, size_t len, struct err *e)
{
    struct media_job j = { buf, len, NULL, 0, NULL, C_NONE, rep, e };

    memset(rep, 0, sizeof *rep);
    return walk(&j);
}

/* ---- Peeking (media.h): sniff() reads no further than 12 bytes, except
 * for text, which is text only if no byte of it is NUL. ---- */

int media_peek_add(struct media_peek *pk, const unsigned char *buf, size_t len)
{
    const char *name;
    size_t n = MEDIA_PEEK_BYTES - pk->nhead;

    if (n > len)
        n = len;
    memcpy(pk->head + pk->nhead, buf, n);
    pk->nhead += n;
    pk->len += len;
    if (!pk->nul && memchr(buf, 0, len) != NULL)
        pk->nul = 1;
    if (!pk->nul && !mediatext_sniff_add(&pk->text, buf, len))
        pk->nul = 1;                    /* bytes no text holds: as final as a NUL */
    return pk->nhead < MEDIA_PEEK_BYTES ||
           (!pk->nul && sniff(pk->head, pk->nhead, &name) == C_TEXT);
}

int media_peek_find(struct media_report *rep, const struct media_peek *pk,
                    unsigned long long size, struct err *e)
{
    struct media_job j = { NULL, 0, NULL, 0, NULL, C_NONE, rep, e };
    struct mediatext_sniff text = pk->text;
    const char *name;
    int c = sniff(pk->head, pk->nhead, &name), binary = mediatext_sniff_end(&text);

    memset(rep, 0, sizeof *rep);
    /* A NUL after the first bytes, or bytes that are no text (a file that
     * ends inside a UTF-8 character too: mediatext_sniff_end). */
    if (c == C_TEXT && (pk->nul || binary)) {
        c = C_NONE;
        name = mediatype_gif(pk->head, pk->nhead, 1) ? "a GIF image" : unknown_type;
    }
    if (admit(&j, c, name, size) != 0)
        return -1;
    return c != C_TEXT;
}
