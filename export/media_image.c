/* Images: JPEG (ITU-T T.81 markers, JFIF 1.02, Adobe APP14), PNG (ISO/IEC
 * 15948 and APNG chunks) and WebP (RIFF container, Google's WebP container
 * specification). What a decoder needs is kept; the rest is dropped whole
 * and named (export/media_int.h). */
#include <string.h>

#include "export/media.h"
#include "export/media_int.h"

/* ---- JPEG ---- */

/* Markers kept: SOF0-15 except DHT (C4), JPG (C8) and DAC (CC) which are
 * listed apart, DHT, DAC, DQT, DNL, DRI, DHP, EXP. */
static int jpeg_kept(unsigned m)
{
    return (m >= 0xC0 && m <= 0xCF && m != 0xC8) || (m >= 0xDB && m <= 0xDF);
}

/* Names an APPn or COM segment about to be dropped. */
static void jpeg_name(struct media_job *j, unsigned m, const unsigned char *s, size_t n)
{
    static const char xmp[] = "http://ns.adobe.com/xap/1.0/";
    static const char xmpx[] = "http://ns.adobe.com/xmp/extension/";

    if (m == 0xFE)
        media_found(j, MEDIA_COMMENT, "JPEG comment", NULL);
    else if (m == 0xE1 && n >= 6 && memcmp(s, "Exif\0\0", 6) == 0)
        media_exif(j, "EXIF", s + 6, n - 6);
    else if (m == 0xE1 && ((n >= sizeof xmp && memcmp(s, xmp, sizeof xmp) == 0) ||
                           (n >= sizeof xmpx && memcmp(s, xmpx, sizeof xmpx) == 0)))
        media_xmp(j, "XMP", s, n);
    else if (m == 0xED && n >= 14 && memcmp(s, "Photoshop 3.0\0", 14) == 0)
        media_found(j, MEDIA_OTHER, "IPTC/Photoshop", NULL);
    else if (m == 0xE2 && n >= 12 && memcmp(s, "ICC_PROFILE\0", 12) == 0)
        media_found(j, MEDIA_DEVICE, "ICC profile", NULL);
    else if (m == 0xE2 && n >= 4 && memcmp(s, "MPF\0", 4) == 0)
        media_found(j, MEDIA_PICTURE, "MPF", "further images");
    else if (m == 0xE0 && n >= 5 && memcmp(s, "JFXX\0", 5) == 0)
        media_found(j, MEDIA_PICTURE, "JFIF", "thumbnail");
    else
        media_found(j, MEDIA_OTHER, m == 0xEC ? "APP12 (Ducky)" : "APPn segment", NULL);
}

/* JFIF APP0 without its thumbnail: 14 bytes of version and density, and
 * a thumbnail of 0 x 0 pixels. */
static int jpeg_jfif(struct media_job *j, const unsigned char *s, size_t n)
{
    unsigned char app0[18] = { 0xFF, 0xE0, 0x00, 0x10 };

    if (n < 14)
        return media_bad(j, "a JFIF segment is too short");
    if (s[12] != 0 || s[13] != 0 || n > 14)
        media_found(j, MEDIA_PICTURE, "JFIF", "thumbnail");
    memcpy(app0 + 4, s, 12);
    media_put(j, app0, sizeof app0);          /* 18 <= the segment's size */
    return 0;
}

/* Entropy-coded data from off: up to the first marker that is not a
 * stuffed zero, a restart marker or a fill byte. Returns its offset, or
 * 0 if the file ends first. */
static size_t jpeg_scan_end(const unsigned char *p, size_t len, size_t off)
{
    while (off + 1 < len) {
        const unsigned char *ff = memchr(p + off, 0xFF, len - off - 1);

        if (ff == NULL)
            return 0;
        off = (size_t)(ff - p);
        if (p[off + 1] == 0x00 || (p[off + 1] >= 0xD0 && p[off + 1] <= 0xD7))
            off += 2;
        else if (p[off + 1] == 0xFF)
            off++;
        else
            return off;
    }
    return 0;
}

int media_jpeg(struct media_job *j)
{
    const unsigned char *p = j->p;
    size_t off = 2;

    media_keep(j, 0, 2);
    for (;;) {
        unsigned m;
        size_t seglen;

        if (off + 2 > j->len || p[off] != 0xFF)
            return media_bad(j, off + 2 > j->len ? "the image ends before its end marker"
                                                 : "a segment does not begin with a marker");
        m = p[off + 1];
        if (m == 0xFF) {                        /* fill byte */
            off++;
            continue;
        }
        if (m == 0xD9) {
            media_keep(j, off, 2);
            off += 2;
            break;
        }
        if (off + 4 > j->len)
            return media_bad(j, "a segment is cut short");
        seglen = media_be16(p + off + 2);
        if (seglen < 2 || seglen > j->len - off - 2)
            return media_bad(j, "a segment runs past the end of the file");
        if (m == 0xDA) {                        /* start of scan, then its data */
            size_t end = jpeg_scan_end(p, j->len, off + 2 + seglen);

            if (end == 0)
                return media_bad(j, "the image data has no end marker");
            media_keep(j, off, end - off);
            off = end;
            continue;
        }
        if (m == 0xE0 && seglen >= 7 && memcmp(p + off + 4, "JFIF\0", 5) == 0) {
            if (jpeg_jfif(j, p + off + 4, seglen - 2) != 0)
                return -1;
        } else if (m == 0xEE && seglen == 14 && memcmp(p + off + 4, "Adobe", 5) == 0) {
            media_keep(j, off, 2 + seglen);     /* colour transform: no text */
        } else if (jpeg_kept(m)) {
            media_keep(j, off, 2 + seglen);
        } else if ((m >= 0xE0 && m <= 0xEF) || m == 0xFE) {
            jpeg_name(j, m, p + off + 4, seglen - 2);
        } else {
            return media_bad(j, "an unknown marker");
        }
        off += 2 + seglen;
    }
    if (off < j->len)
        media_found(j, MEDIA_OTHER, "data after the end of the image", NULL);
    return 0;
}

/* ---- PNG ---- */

static void png_text_name(struct media_job *j, const char *type, const unsigned char *d,
                          size_t n)
{
    static const struct { const char *key; int kind; } keys[] = {
        { "Author", MEDIA_AUTHOR }, { "Artist", MEDIA_AUTHOR }, { "Copyright", MEDIA_AUTHOR },
        { "Disclaimer", MEDIA_AUTHOR }, { "Creation Time", MEDIA_TIME },
        { "date:create", MEDIA_TIME }, { "date:modify", MEDIA_TIME },
        { "date:timestamp", MEDIA_TIME }, { "create-date", MEDIA_TIME }, { "modify-date", MEDIA_TIME }, { "CreateDate", MEDIA_TIME }, { "ModifyDate", MEDIA_TIME },
        { "Comment", MEDIA_COMMENT }, { "Description", MEDIA_COMMENT }, { "Title", MEDIA_COMMENT },
        { "Software", MEDIA_SOFTWARE }, { "Source", MEDIA_DEVICE }, { "Make", MEDIA_DEVICE },
        { "Model", MEDIA_DEVICE }, { "Warning", MEDIA_COMMENT },
    };
    char key[80];
    size_t k = 0;

    while (k < n && k < sizeof key - 1 && d[k] != 0) {
        key[k] = (char)d[k];
        k++;
    }
    key[k] = '\0';
    if (strcmp(key, "XML:com.adobe.xmp") == 0) {
        media_xmp(j, "XMP", d, n);
        return;
    }
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(key, keys[i].key) == 0) {
            media_found(j, keys[i].kind, type, key);
            return;
        }
    media_found(j, strstr(key, "exif") != NULL ? MEDIA_DEVICE : MEDIA_OTHER, type, key);
}

int media_png(struct media_job *j)
{
    static const char *const kept[] = {
        "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "bKGD",
        "pHYs", "hIST", "acTL", "fcTL", "fdAT", NULL,
    };
    const unsigned char *p = j->p;
    size_t off = 8;
    int end = 0;

    media_keep(j, 0, 8);
    while (!end) {
        const unsigned char *type = p + off + 4;
        uint32_t clen;
        char name[5];
        size_t i;

        if (j->len - off < 12 || (clen = media_be32(p + off)) > j->len - off - 12)
            return media_bad(j, "a chunk runs past the end of the file");
        memcpy(name, type, 4);
        name[4] = '\0';
        for (i = 0; kept[i] != NULL && memcmp(type, kept[i], 4) != 0; i++)
            ;
        end = memcmp(type, "IEND", 4) == 0;
        if (kept[i] != NULL)
            media_keep(j, off, 12 + (size_t)clen);
        else if (!(type[0] & 0x20))
            return media_bad(j, "an unknown critical chunk");
        else if (!strcmp(name, "tEXt") || !strcmp(name, "zTXt") || !strcmp(name, "iTXt"))
            png_text_name(j, name, type + 4, clen);
        else if (!strcmp(name, "tIME"))
            media_found(j, MEDIA_TIME, "PNG tIME", NULL);
        else if (!strcmp(name, "eXIf"))
            media_exif(j, "EXIF", type + 4, clen);
        else if (!strcmp(name, "iCCP"))
            media_found(j, MEDIA_DEVICE, "ICC profile", NULL);
        else
            media_found(j, MEDIA_OTHER, "PNG chunk", name);
        off += 12 + (size_t)clen;
    }
    if (off < j->len)
        media_found(j, MEDIA_OTHER, "data after the end of the image", NULL);
    return 0;
}

/* ---- WebP ---- */

int media_webp(struct media_job *j)
{
    const unsigned char *p = j->p;
    size_t off = 12, end;

    if (j->len < 12 || (end = 8 + (size_t)media_le32(p + 4)) > j->len || end < 12)
        return media_bad(j, "the RIFF size does not match the file");
    media_keep(j, 0, 12);
    while (off < end) {
        size_t clen, whole, w = j->w;
        const unsigned char *id = p + off;

        if (end - off < 8 || (clen = media_le32(p + off + 4)) > end - off - 8)
            return media_bad(j, "a chunk runs past the end of the file");
        whole = 8 + clen + (clen & 1);
        if (whole > end - off)
            whole = end - off;                  /* a last odd chunk without its pad byte */
        if (!memcmp(id, "VP8X", 4)) {
            if (clen < 10)
                return media_bad(j, "a VP8X chunk is too short");
            media_keep(j, off, whole);
            if (j->out != NULL)               /* no ICC profile, EXIF or XMP any more */
                j->out[w + 8] &= (unsigned char)~0x2C;
        } else if (!memcmp(id, "VP8 ", 4) || !memcmp(id, "VP8L", 4) || !memcmp(id, "ALPH", 4) ||
                   !memcmp(id, "ANIM", 4) || !memcmp(id, "ANMF", 4)) {
            media_keep(j, off, whole);
        } else if (!memcmp(id, "EXIF", 4)) {
            size_t skip = clen >= 6 && memcmp(id + 8, "Exif\0\0", 6) == 0 ? 6 : 0;
            media_exif(j, "EXIF", id + 8 + skip, clen - skip);
        } else if (!memcmp(id, "XMP ", 4)) {
            media_xmp(j, "XMP", id + 8, clen);
        } else if (!memcmp(id, "ICCP", 4)) {
            media_found(j, MEDIA_DEVICE, "ICC profile", NULL);
        } else {
            char name[5] = { (char)id[0], (char)id[1], (char)id[2], (char)id[3], 0 };
            media_found(j, MEDIA_OTHER, "RIFF chunk", name);
        }
        off += whole;
    }
    if (end < j->len)
        media_found(j, MEDIA_OTHER, "data after the end of the image", NULL);
    if (j->out != NULL)
        media_put_le32(j->out + 4, (uint32_t)(j->w - 8));
    return 0;
}
