#include "export/mediatype.h"

#include <string.h>

#include "export/mediatext.h"

/* The offset after the ID3v2 tags at b[0..n) (header, size syncsafe,
 * a footer when flagged), or 0 if b does not start with one. */
static size_t after_id3(const unsigned char *b, size_t n)
{
    size_t off = 0;

    while (n - off >= 10 && memcmp(b + off, "ID3", 3) == 0 &&
           ((b[off + 6] | b[off + 7] | b[off + 8] | b[off + 9]) & 0x80) == 0) {
        size_t len = (size_t)b[off + 6] << 21 | (size_t)b[off + 7] << 14 |
                     (size_t)b[off + 8] << 7 | b[off + 9];

        len += (b[off + 5] & 0x10) ? 20u : 10u;
        if (len > n - off)
            break;
        off += len;
    }
    return off;
}

int mediatype_gif(const unsigned char *b, size_t n, int nul_after)
{
    return n >= 4 && memcmp(b, "GIF8", 4) == 0 && (nul_after || memchr(b, 0, n) != NULL);
}

const char *mediatype_guess(const unsigned char *b, size_t n)
{
    size_t id3 = after_id3(b, n);

    /* FLAC behind an ID3 tag (some taggers write one): FLAC, not MP3. */
    if (id3 > 0 && n - id3 >= 4 && memcmp(b + id3, "fLaC", 4) == 0)
        return "audio/flac";
    static const struct { size_t off; const char *magic; size_t len; const char *type; } m[] = {
        { 0, "\xff\xd8\xff", 3, "image/jpeg" }, { 0, "\x89PNG\r\n\x1a\n", 8, "image/png" },
        { 0, "GIF8", 4, "image/gif" }, { 0, "%PDF-", 5, "application/pdf" },
        { 0, "OggS", 4, "audio/ogg" }, { 0, "fLaC", 4, "audio/flac" },
        { 0, "ID3", 3, "audio/mpeg" }, { 8, "WAVE", 4, "audio/wav" },
        { 8, "WEBP", 4, "image/webp" }, { 4, "ftypM4A", 7, "audio/mp4" },
        { 4, "ftypheic", 8, "image/heic" }, { 4, "ftypheix", 8, "image/heic" },
        { 4, "ftypmif1", 8, "image/heif" }, { 4, "ftypavif", 8, "image/avif" },
        { 0, "\xff\xfb", 2, "audio/mpeg" }, { 0, "\xff\xf3", 2, "audio/mpeg" },
        { 0, "\xff\xf2", 2, "audio/mpeg" },
        { 4, "ftyp", 4, "video/mp4" }, { 0, "PK\x03\x04", 4, "application/zip" },
    };

    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (n >= m[i].off + m[i].len && memcmp(b + m[i].off, m[i].magic, m[i].len) == 0 &&
            (strcmp(m[i].type, "image/gif") != 0 || mediatype_gif(b, n, 0)))
            return m[i].type;
    /* Bytes no text holds (mediatext_sniff: random bytes with no NUL) are
     * no text either (issue 17). */
    if (n > 0 && memchr(b, 0, n) == NULL) {
        struct mediatext_sniff t;
        int text;

        memset(&t, 0, sizeof t);
        text = mediatext_sniff_add(&t, b, n);
        memset(&t, 0, sizeof t);
        if (text)
            return "text/plain";
    }
    return "application/octet-stream";
}

const char *mediatype_extension(const char *type)
{
    static const char *const map[][2] = {
        { "image/jpeg", "jpg" }, { "image/png", "png" }, { "image/gif", "gif" },
        { "image/webp", "webp" }, { "application/pdf", "pdf" }, { "audio/ogg", "ogg" },
        { "audio/flac", "flac" }, { "audio/mpeg", "mp3" }, { "audio/wav", "wav" },
        { "audio/mp4", "m4a" }, { "video/mp4", "mp4" }, { "text/plain", "txt" },
        { "image/heic", "heic" }, { "image/heif", "heif" }, { "image/avif", "avif" },
        { "application/zip", "zip" },
    };

    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i][0], type) == 0)
            return map[i][1];
    return "bin";
}
