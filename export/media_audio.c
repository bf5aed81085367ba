/* Audio in simple containers: MP3 (ID3v2 at the start, ID3v1, APEv2,
 * Lyrics3v2 and an appended ID3v2 at the end), FLAC (format spec,
 * xiph.org: metadata blocks before the frames) and WAV (RIFF chunks). What
 * a decoder needs is kept; the rest is dropped whole and named. */
#include <string.h>

#include "export/media.h"
#include "export/media_int.h"

/* An ID3v2 size: four bytes of seven bits ("syncsafe"); -1 if a high bit is set. */
static long syncsafe(const unsigned char *b)
{
    if ((b[0] | b[1] | b[2] | b[3]) & 0x80)
        return -1;
    return (long)b[0] << 21 | (long)b[1] << 14 | (long)b[2] << 7 | (long)b[3];
}

/* The length of the ID3v2 tag at d[0..n) (header, frames, footer), 0 if
 * there is none, or -1 if it runs past n. */
static long id3v2_len(const unsigned char *d, size_t n)
{
    long size;

    if (n < 10 || memcmp(d, "ID3", 3) != 0 || d[3] == 0xFF || d[4] == 0xFF)
        return 0;
    if ((size = syncsafe(d + 6)) < 0)
        return -1;
    size += 10 + ((d[5] & 0x10) ? 10 : 0);
    return (size_t)size > n ? -1 : size;
}

size_t media_tail_tags(struct media_job *j, size_t start, size_t end)
{
    const unsigned char *p = j->p;

    for (;;) {
        size_t n = end - start;

        if (n >= 128 && memcmp(p + end - 128, "TAG", 3) == 0) {
            media_found(j, MEDIA_OTHER, "ID3v1", NULL);
            end -= 128;
            if (end - start >= 227 && memcmp(p + end - 227, "TAG+", 4) == 0)
                end -= 227;
        } else if (n >= 32 && memcmp(p + end - 32, "APETAGEX", 8) == 0) {
            size_t size = media_le32(p + end - 20);
            size_t whole = size + ((media_le32(p + end - 12) & 0x80000000u) ? 32 : 0);

            if (size < 32 || whole > n) {
                media_bad(j, "an APE tag runs past the start of the file");
                return (size_t)-1;
            }
            media_found(j, MEDIA_OTHER, "APEv2 tag", NULL);
            end -= whole;
        } else if (n >= 15 && memcmp(p + end - 9, "LYRICS200", 9) == 0) {
            size_t size = 0;

            for (size_t i = 0; i < 6; i++) {
                unsigned char c = p[end - 15 + i];
                if (c < '0' || c > '9') {
                    media_bad(j, "a Lyrics3 tag has a bad size");
                    return (size_t)-1;
                }
                size = size * 10 + (size_t)(c - '0');
            }
            if (size < 11 || size + 15 > n ||
                memcmp(p + end - 15 - size, "LYRICSBEGIN", 11) != 0) {
                media_bad(j, "a Lyrics3 tag runs past the start of the file");
                return (size_t)-1;
            }
            media_found(j, MEDIA_COMMENT, "Lyrics3", NULL);
            end -= size + 15;
        } else if (n >= 10 && memcmp(p + end - 10, "3DI", 3) == 0) {
            long size = syncsafe(p + end - 4);

            if (size < 0 || (size_t)size + 20 > n) {
                media_bad(j, "an appended ID3v2 tag runs past the start of the file");
                return (size_t)-1;
            }
            media_id3v2(j, p + end - 20 - size, (size_t)size + 20);
            end -= (size_t)size + 20;
        } else {
            return end;
        }
    }
}

/* ---- MP3 ---- */

int media_mp3(struct media_job *j)
{
    const unsigned char *p = j->p;
    size_t off = 0, end;
    long tag;

    while ((tag = id3v2_len(p + off, j->len - off)) != 0) {
        if (tag < 0)
            return media_bad(j, "an ID3v2 tag runs past the end of the file");
        media_id3v2(j, p + off, (size_t)tag);
        off += (size_t)tag;
    }
    if (j->len - off >= 4 && memcmp(p + off, "fLaC", 4) == 0) {
        j->format = "FLAC";
        j->container = C_FLAC;
        if (j->rep != NULL)
            j->rep->format = "FLAC";
        return media_flac(j, off);
    }
    if ((end = media_tail_tags(j, off, j->len)) == (size_t)-1)
        return -1;
    if (end - off < 4 || !media_mpeg_sync(p + off))
        return media_bad(j, "no MPEG audio frame after the tags");
    media_keep(j, off, end - off);
    return 0;
}

/* ---- FLAC ---- */

int media_flac(struct media_job *j, size_t start)
{
    const unsigned char *p = j->p;
    size_t off = start + 4, last = 0, end;
    int more = 1, first = 1;

    media_keep(j, start, 4);
    while (more) {
        unsigned type;
        size_t blen;

        if (j->len - off < 4 || (blen = media_be24(p + off + 1)) > j->len - off - 4)
            return media_bad(j, "a metadata block runs past the end of the file");
        more = !(p[off] & 0x80);
        type = p[off] & 0x7F;
        if (first != (type == 0))
            return media_bad(j, "STREAMINFO is not the first metadata block");
        first = 0;
        if (type == 0 || type == 3) {          /* STREAMINFO, SEEKTABLE */
            last = j->w;
            media_keep(j, off, 4 + blen);
            if (j->out != NULL)
                j->out[last] &= 0x7F;
        } else if (type == 4) {
            media_vorbis_comment(j, "Vorbis comment", p + off + 4, blen);
        } else if (type == 6) {
            media_found(j, MEDIA_PICTURE, "FLAC picture", NULL);
        } else if (type == 127) {
            return media_bad(j, "an invalid metadata block");
        } else if (type != 1) {                 /* padding holds nothing */
            media_found(j, MEDIA_OTHER, type == 2 ? "FLAC application block"
                        : type == 5 ? "FLAC cue sheet" : "FLAC metadata block", NULL);
        }
        off += 4 + blen;
    }
    if (j->out != NULL)
        j->out[last] |= 0x80;
    if ((end = media_tail_tags(j, off, j->len)) == (size_t)-1)
        return -1;
    if (end - off < 2 || p[off] != 0xFF || (p[off + 1] & 0xFE) != 0xF8)
        return media_bad(j, "no audio frame after the metadata");
    media_keep(j, off, end - off);
    return 0;
}

/* ---- WAV ---- */

static void wav_info(struct media_job *j, const unsigned char *d, size_t n)
{
    static const struct { const char *id; int kind; } ids[] = {
        { "IART", MEDIA_AUTHOR }, { "ICOP", MEDIA_AUTHOR }, { "IENG", MEDIA_AUTHOR },
        { "ICRD", MEDIA_TIME }, { "ICMT", MEDIA_COMMENT }, { "INAM", MEDIA_COMMENT },
        { "ISBJ", MEDIA_COMMENT }, { "IKEY", MEDIA_COMMENT }, { "ISFT", MEDIA_SOFTWARE },
        { "ISRC", MEDIA_OTHER },
    };
    size_t off = 4;

    media_found(j, MEDIA_OTHER, "RIFF LIST", NULL);
    if (n < 4 || memcmp(d, "INFO", 4) != 0)
        return;
    while (n - off >= 8) {
        size_t len = media_le32(d + off + 4);
        char id[5] = { (char)d[off], (char)d[off + 1], (char)d[off + 2], (char)d[off + 3], 0 };
        int kind = MEDIA_OTHER;

        for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
            if (strcmp(id, ids[i].id) == 0)
                kind = ids[i].kind;
        media_found(j, kind, "RIFF INFO", id);
        if (len > n - off - 8)
            return;
        off += 8 + len + (len & 1);
        if (off > n)
            return;
    }
}

int media_wav(struct media_job *j)
{
    const unsigned char *p = j->p;
    size_t off = 12, end;
    int fmt = 0, data = 0;

    if (j->len < 12 || (end = 8 + (size_t)media_le32(p + 4)) > j->len || end < 12)
        return media_bad(j, "the RIFF size does not match the file");
    media_keep(j, 0, 12);
    while (end - off >= 8) {
        const unsigned char *id = p + off;
        size_t clen = media_le32(p + off + 4), whole;

        if (clen > end - off - 8)
            return media_bad(j, "a chunk runs past the end of the file");
        whole = 8 + clen + (clen & 1);
        if (whole > end - off)
            whole = end - off;
        if (!memcmp(id, "fmt ", 4) || !memcmp(id, "data", 4) || !memcmp(id, "fact", 4)) {
            fmt |= !memcmp(id, "fmt ", 4);
            data |= !memcmp(id, "data", 4);
            media_keep(j, off, whole);
        } else if (!memcmp(id, "LIST", 4)) {
            wav_info(j, id + 8, clen);
        } else if (!memcmp(id, "bext", 4)) {
            media_found(j, MEDIA_AUTHOR, "Broadcast WAV", "originator");
            media_found(j, MEDIA_TIME, "Broadcast WAV", "date");
        } else if (!memcmp(id, "id3 ", 4) || !memcmp(id, "ID3 ", 4)) {
            long tag = id3v2_len(id + 8, clen);
            if (tag > 0)
                media_id3v2(j, id + 8, (size_t)tag);
            else
                media_found(j, MEDIA_OTHER, "ID3v2", NULL);
        } else if (!memcmp(id, "_PMX", 4)) {
            media_xmp(j, "XMP", id + 8, clen);
        } else if (memcmp(id, "JUNK", 4) && memcmp(id, "junk", 4) && memcmp(id, "PAD ", 4)) {
            char name[5] = { (char)id[0], (char)id[1], (char)id[2], (char)id[3], 0 };
            media_found(j, MEDIA_OTHER, "RIFF chunk", name);
        }
        off += whole;
    }
    if (!fmt || !data)
        return media_bad(j, "no 'fmt ' or no 'data' chunk");
    if (end < j->len)
        media_found(j, MEDIA_OTHER, "data after the end of the sound", NULL);
    if (j->out != NULL)
        media_put_le32(j->out + 4, (uint32_t)(j->w - 8));
    return 0;
}
