/* EXIF GPS detection for JPEG and PNG: walk the container to the TIFF
 * block, read IFD0, follow the GPS IFD pointer (tag 0x8825) and look for
 * GPSLatitude (2) or GPSLongitude (4). Every offset is checked against the
 * TIFF block's length before it is read. */
#include "export/exif.h"

#include <stdint.h>
#include <string.h>

#define TAG_GPS_IFD   0x8825U
#define TAG_EXIF_IFD  0x8769U
#define TAG_GPS_LAT   0x0002U
#define TAG_GPS_LON   0x0004U

struct tiff {
    const unsigned char *p;
    size_t len;
    int le;
};

static int rd16(const struct tiff *t, size_t off, unsigned *v)
{
    if (off > t->len || t->len - off < 2)
        return -1;
    *v = t->le ? (unsigned)t->p[off] | (unsigned)t->p[off + 1] << 8
               : (unsigned)t->p[off] << 8 | (unsigned)t->p[off + 1];
    return 0;
}

static int rd32(const struct tiff *t, size_t off, uint32_t *v)
{
    unsigned a, b;

    if (rd16(t, off, &a) != 0 || rd16(t, off + 2, &b) != 0)
        return -1;
    *v = t->le ? (uint32_t)a | (uint32_t)b << 16 : (uint32_t)a << 16 | (uint32_t)b;
    return 0;
}

/* Finds tag in the IFD at off; 1 with its 32-bit value in *val, 0 if absent. */
static int ifd_find(const struct tiff *t, uint32_t off, unsigned tag, uint32_t *val)
{
    unsigned n, got;

    if (rd16(t, off, &n) != 0 || n > EXIF_MAX_ENTRIES)
        return 0;
    for (unsigned i = 0; i < n; i++) {
        size_t ent = (size_t)off + 2 + 12 * (size_t)i;

        if (rd16(t, ent, &got) != 0)
            return 0;
        if (got == tag)
            return rd32(t, ent + 8, val) == 0;
    }
    return 0;
}

static int tiff_has_gps(const unsigned char *p, size_t len)
{
    struct tiff t = { p, len, 0 };
    uint32_t ifd0, gps, v;
    unsigned magic;

    if (len < 8)
        return 0;
    if (p[0] == 'I' && p[1] == 'I')
        t.le = 1;
    else if (!(p[0] == 'M' && p[1] == 'M'))
        return 0;
    if (rd16(&t, 2, &magic) != 0 || magic != 42 || rd32(&t, 4, &ifd0) != 0)
        return 0;
    if (!ifd_find(&t, ifd0, TAG_GPS_IFD, &gps) || gps == ifd0)
        return 0;
    return ifd_find(&t, gps, TAG_GPS_LAT, &v) || ifd_find(&t, gps, TAG_GPS_LON, &v);
}

/* The tags of the IFD at off, to fn; the offset of the next IFD (0: none). */
static uint32_t ifd_each(const struct tiff *t, uint32_t off, enum exif_ifd ifd,
                         void (*fn)(void *, enum exif_ifd, unsigned), void *ctx)
{
    unsigned n, tag;
    uint32_t next = 0;

    if (rd16(t, off, &n) != 0 || n > EXIF_MAX_ENTRIES)
        return 0;
    for (unsigned i = 0; i < n; i++) {
        if (rd16(t, (size_t)off + 2 + 12 * (size_t)i, &tag) != 0)
            return 0;
        fn(ctx, ifd, tag);
    }
    if (rd32(t, (size_t)off + 2 + 12 * (size_t)n, &next) != 0)
        return 0;
    return next;
}

void exif_each_tag(const unsigned char *p, size_t len,
                   void (*fn)(void *ctx, enum exif_ifd ifd, unsigned tag), void *ctx)
{
    struct tiff t = { p, len, 0 };
    uint32_t ifd0, sub, ifd1;
    unsigned magic;

    if (len < 8 || !((p[0] == 'I' && p[1] == 'I') || (p[0] == 'M' && p[1] == 'M')))
        return;
    t.le = p[0] == 'I';
    if (rd16(&t, 2, &magic) != 0 || magic != 42 || rd32(&t, 4, &ifd0) != 0)
        return;
    ifd1 = ifd_each(&t, ifd0, EXIF_IFD0, fn, ctx);
    if (ifd_find(&t, ifd0, TAG_EXIF_IFD, &sub) && sub != ifd0)
        (void)ifd_each(&t, sub, EXIF_IFD_EXIF, fn, ctx);
    if (ifd_find(&t, ifd0, TAG_GPS_IFD, &sub) && sub != ifd0)
        (void)ifd_each(&t, sub, EXIF_IFD_GPS, fn, ctx);
    if (ifd1 != 0 && ifd1 != ifd0)
        (void)ifd_each(&t, ifd1, EXIF_IFD1, fn, ctx);
}

static int jpeg_has_gps(const unsigned char *p, size_t len)
{
    size_t off = 2;

    while (off + 4 <= len) {
        unsigned marker, seglen;

        if (p[off] != 0xFF)
            return 0;
        marker = p[off + 1];
        if (marker == 0xFF) {          /* fill byte */
            off++;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA)   /* end of image, start of scan */
            return 0;
        seglen = (unsigned)p[off + 2] << 8 | p[off + 3];
        if (seglen < 2 || seglen > len - off - 2)
            return 0;
        if (marker == 0xE1 && seglen >= 8 && memcmp(p + off + 4, "Exif\0\0", 6) == 0 &&
            tiff_has_gps(p + off + 10, seglen - 8))
            return 1;
        off += 2 + seglen;
    }
    return 0;
}

static int png_has_gps(const unsigned char *p, size_t len)
{
    size_t off = 8;

    while (off + 12 <= len) {
        uint32_t clen = (uint32_t)p[off] << 24 | (uint32_t)p[off + 1] << 16 |
                        (uint32_t)p[off + 2] << 8 | p[off + 3];

        if (clen > len - off - 12)
            return 0;
        if (memcmp(p + off + 4, "eXIf", 4) == 0)
            return tiff_has_gps(p + off + 8, clen);
        if (memcmp(p + off + 4, "IDAT", 4) == 0 || memcmp(p + off + 4, "IEND", 4) == 0)
            return 0;
        off += 12 + (size_t)clen;
    }
    return 0;
}

/* WebP (RIFF): the EXIF chunk, its TIFF after an optional "Exif\0\0"
 * (some writers keep the JPEG prefix). Chunks as docs/FORMAT.md's WebP
 * row: a little-endian size, padded to even. */
static int webp_has_gps(const unsigned char *p, size_t len)
{
    size_t off = 12;

    while (off + 8 <= len) {
        uint32_t clen = (uint32_t)p[off + 4] | (uint32_t)p[off + 5] << 8 |
                        (uint32_t)p[off + 6] << 16 | (uint32_t)p[off + 7] << 24;

        if (clen > len - off - 8)
            return 0;
        if (memcmp(p + off, "EXIF", 4) == 0) {
            const unsigned char *t = p + off + 8;
            size_t n = clen;

            if (n >= 6 && memcmp(t, "Exif\0\0", 6) == 0)
                t += 6, n -= 6;
            return tiff_has_gps(t, n);
        }
        off += 8 + (size_t)clen + (clen & 1u);
    }
    return 0;
}

int exif_has_gps(const unsigned char *buf, size_t len)
{
    static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    if (len >= 4 && buf[0] == 0xFF && buf[1] == 0xD8 && buf[2] == 0xFF)
        return jpeg_has_gps(buf, len);
    if (len >= sizeof png && memcmp(buf, png, sizeof png) == 0)
        return png_has_gps(buf, len);
    if (len >= 12 && memcmp(buf, "RIFF", 4) == 0 && memcmp(buf + 8, "WEBP", 4) == 0)
        return webp_has_gps(buf, len);
    return 0;
}
