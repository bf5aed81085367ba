/* Naming what a metadata block holds, for the report (export/media_int.h).
 * Naming never decides what is removed: every block named here is dropped
 * whole. Tag numbers are from EXIF 2.32 (CIPA DC-008) and TIFF 6.0, frame
 * ids from ID3v2.3/2.4 (id3.org), field names from the Vorbis comment
 * field recommendations (xiph.org) and those ffmpeg and phones write. */
#include <stdio.h>
#include <string.h>

#include "export/exif.h"
#include "export/media.h"
#include "export/media_int.h"

/* ---- EXIF ---- */

static const struct { unsigned tag; int kind; const char *name; } exif_tags[] = {
    { 0x010E, MEDIA_COMMENT, "ImageDescription" }, { 0x010F, MEDIA_DEVICE, "Make" },
    { 0x0110, MEDIA_DEVICE, "Model" }, { 0x0131, MEDIA_SOFTWARE, "Software" },
    { 0x0132, MEDIA_TIME, "DateTime" }, { 0x013B, MEDIA_AUTHOR, "Artist" },
    { 0x8298, MEDIA_AUTHOR, "Copyright" }, { 0x9003, MEDIA_TIME, "DateTimeOriginal" },
    { 0x9004, MEDIA_TIME, "DateTimeDigitized" }, { 0x9010, MEDIA_TIME, "OffsetTime" },
    { 0x9011, MEDIA_TIME, "OffsetTimeOriginal" }, { 0x9012, MEDIA_TIME, "OffsetTimeDigitized" },
    { 0x927C, MEDIA_DEVICE, "MakerNote" }, { 0x9286, MEDIA_COMMENT, "UserComment" },
    { 0x9C9B, MEDIA_COMMENT, "XPTitle" }, { 0x9C9C, MEDIA_COMMENT, "XPComment" },
    { 0x9C9D, MEDIA_AUTHOR, "XPAuthor" }, { 0x9C9E, MEDIA_COMMENT, "XPKeywords" },
    { 0x9C9F, MEDIA_COMMENT, "XPSubject" }, { 0xA420, MEDIA_SERIAL, "ImageUniqueID" },
    { 0xA430, MEDIA_AUTHOR, "CameraOwnerName" }, { 0xA431, MEDIA_SERIAL, "BodySerialNumber" },
    { 0xA433, MEDIA_DEVICE, "LensMake" }, { 0xA434, MEDIA_DEVICE, "LensModel" },
    { 0xA435, MEDIA_SERIAL, "LensSerialNumber" }, { 0xC62F, MEDIA_SERIAL, "CameraSerialNumber" },
};

struct exif_ctx {
    struct media_job *j;
    const char *prefix;
};

static void exif_tag(void *ctx, enum exif_ifd ifd, unsigned tag)
{
    struct exif_ctx *c = ctx;

    if (ifd == EXIF_IFD_GPS) {
        media_found(c->j, MEDIA_LOCATION, c->prefix, "GPS");
        if (tag == 0x001D || tag == 0x0007)        /* GPSDateStamp, GPSTimeStamp */
            media_found(c->j, MEDIA_TIME, c->prefix, "GPS time");
        return;
    }
    if (ifd == EXIF_IFD1) {
        media_found(c->j, MEDIA_PICTURE, c->prefix, "thumbnail");
        return;
    }
    for (size_t i = 0; i < sizeof exif_tags / sizeof exif_tags[0]; i++)
        if (exif_tags[i].tag == tag) {
            media_found(c->j, exif_tags[i].kind, c->prefix, exif_tags[i].name);
            return;
        }
}

void media_exif(struct media_job *j, const char *prefix, const unsigned char *tiff, size_t n)
{
    struct exif_ctx c = { j, prefix };

    media_found(j, MEDIA_OTHER, prefix, NULL);
    exif_each_tag(tiff, n, exif_tag, &c);
}

/* ---- XMP (RDF/XML: property names are enough to name it) ---- */

void media_xmp(struct media_job *j, const char *prefix, const unsigned char *d, size_t n)
{
    static const struct media_marker m[] = {
        { "GPSLatitude", MEDIA_LOCATION, "GPS" }, { "GPSLongitude", MEDIA_LOCATION, "GPS" },
        { "LocationShown", MEDIA_LOCATION, "location" }, { "City", MEDIA_LOCATION, "City" },
        { "SerialNumber", MEDIA_SERIAL, "SerialNumber" }, { "DocumentID", MEDIA_SERIAL, "DocumentID" },
        { "CreateDate", MEDIA_TIME, "CreateDate" }, { "ModifyDate", MEDIA_TIME, "ModifyDate" },
        { "DateCreated", MEDIA_TIME, "DateCreated" }, { "DateTimeOriginal", MEDIA_TIME, "DateTimeOriginal" },
        { "dc:creator", MEDIA_AUTHOR, "creator" }, { "Artist", MEDIA_AUTHOR, "Artist" },
        { "Author", MEDIA_AUTHOR, "Author" }, { "dc:rights", MEDIA_AUTHOR, "rights" },
        { "dc:description", MEDIA_COMMENT, "description" }, { "dc:title", MEDIA_COMMENT, "title" },
        { "UserComment", MEDIA_COMMENT, "UserComment" }, { "tiff:Make", MEDIA_DEVICE, "Make" },
        { "tiff:Model", MEDIA_DEVICE, "Model" }, { "CreatorTool", MEDIA_SOFTWARE, "CreatorTool" },
        { NULL, 0, NULL },
    };

    media_scan(j, prefix, m, d, n);
}

/* ---- Vorbis comments ---- */

static const struct { const char *field; int kind; } vorbis_fields[] = {
    { "DATE", MEDIA_TIME }, { "YEAR", MEDIA_TIME }, { "CREATION_TIME", MEDIA_TIME },
    { "ARTIST", MEDIA_AUTHOR }, { "PERFORMER", MEDIA_AUTHOR }, { "COMPOSER", MEDIA_AUTHOR },
    { "AUTHOR", MEDIA_AUTHOR }, { "COPYRIGHT", MEDIA_AUTHOR }, { "ALBUMARTIST", MEDIA_AUTHOR },
    { "LYRICIST", MEDIA_AUTHOR }, { "ORGANIZATION", MEDIA_AUTHOR },
    { "LOCATION", MEDIA_LOCATION }, { "COMMENT", MEDIA_COMMENT }, { "DESCRIPTION", MEDIA_COMMENT },
    { "TITLE", MEDIA_COMMENT }, { "ALBUM", MEDIA_COMMENT }, { "ENCODER", MEDIA_SOFTWARE },
    { "ENCODED_BY", MEDIA_SOFTWARE }, { "METADATA_BLOCK_PICTURE", MEDIA_PICTURE },
    { "COVERART", MEDIA_PICTURE },
};

static void vorbis_field(struct media_job *j, const char *prefix, const unsigned char *c,
                         size_t n)
{
    char field[40];
    size_t k = 0;

    while (k < n && k < sizeof field - 1 && c[k] != '=') {
        field[k] = (char)(c[k] >= 'a' && c[k] <= 'z' ? c[k] - 32 : c[k]);
        k++;
    }
    field[k] = '\0';
    for (size_t i = 0; i < sizeof vorbis_fields / sizeof vorbis_fields[0]; i++)
        if (strcmp(field, vorbis_fields[i].field) == 0) {
            media_found(j, vorbis_fields[i].kind, prefix, field);
            return;
        }
    media_found(j, MEDIA_OTHER, prefix, field);
}

void media_vorbis_comment(struct media_job *j, const char *prefix, const unsigned char *d,
                          size_t n)
{
    uint32_t vlen, count, clen;
    size_t off;

    if (n < 8 || (vlen = media_le32(d)) > n - 8) {
        media_found(j, MEDIA_OTHER, prefix, NULL);
        return;
    }
    if (vlen > 0)
        media_found(j, MEDIA_SOFTWARE, prefix, "vendor");
    off = 4 + (size_t)vlen;
    count = media_le32(d + off);
    off += 4;
    for (uint32_t i = 0; i < count && n - off >= 4; i++) {
        clen = media_le32(d + off);
        if (clen > n - off - 4)
            break;
        vorbis_field(j, prefix, d + off + 4, clen);
        off += 4 + (size_t)clen;
    }
}

/* ---- ID3v2 ---- */

static const struct { const char *id; int kind; } id3_frames[] = {
    { "TDRC", MEDIA_TIME }, { "TYER", MEDIA_TIME }, { "TDAT", MEDIA_TIME }, { "TIME", MEDIA_TIME },
    { "TDEN", MEDIA_TIME }, { "TDOR", MEDIA_TIME }, { "TDRL", MEDIA_TIME }, { "TDTG", MEDIA_TIME },
    { "TORY", MEDIA_TIME }, { "TYE", MEDIA_TIME }, { "TDA", MEDIA_TIME }, { "TIM", MEDIA_TIME },
    { "TPE1", MEDIA_AUTHOR }, { "TPE2", MEDIA_AUTHOR }, { "TPE3", MEDIA_AUTHOR },
    { "TCOM", MEDIA_AUTHOR }, { "TEXT", MEDIA_AUTHOR }, { "TOLA", MEDIA_AUTHOR },
    { "TOPE", MEDIA_AUTHOR }, { "TCOP", MEDIA_AUTHOR }, { "TOWN", MEDIA_AUTHOR },
    { "TP1", MEDIA_AUTHOR }, { "TP2", MEDIA_AUTHOR }, { "TCM", MEDIA_AUTHOR }, { "TCR", MEDIA_AUTHOR },
    { "COMM", MEDIA_COMMENT }, { "USLT", MEDIA_COMMENT }, { "TIT1", MEDIA_COMMENT },
    { "TIT2", MEDIA_COMMENT }, { "TIT3", MEDIA_COMMENT }, { "TALB", MEDIA_COMMENT },
    { "COM", MEDIA_COMMENT }, { "TT2", MEDIA_COMMENT }, { "APIC", MEDIA_PICTURE },
    { "PIC", MEDIA_PICTURE }, { "TENC", MEDIA_SOFTWARE }, { "TSSE", MEDIA_SOFTWARE },
    { "TEN", MEDIA_SOFTWARE }, { "TSS", MEDIA_SOFTWARE },
};

static void id3_frame(struct media_job *j, const unsigned char *id, size_t idlen)
{
    char name[5];

    memcpy(name, id, idlen);
    name[idlen] = '\0';
    for (size_t i = 0; i < sizeof id3_frames / sizeof id3_frames[0]; i++)
        if (strcmp(name, id3_frames[i].id) == 0) {
            media_found(j, id3_frames[i].kind, "ID3v2", name);
            return;
        }
    media_found(j, MEDIA_OTHER, "ID3v2", name);
}

void media_id3v2(struct media_job *j, const unsigned char *d, size_t n)
{
    unsigned ver = d[3];
    size_t idlen = ver == 2 ? 3 : 4, hlen = ver == 2 ? 6 : 10, off = 10;

    media_found(j, MEDIA_OTHER, "ID3v2", NULL);
    if (ver < 2 || ver > 4 || (d[5] & 0x80))    /* unsynchronised: not read */
        return;
    if ((d[5] & 0x40) && ver >= 3 && n >= 14) /* an extended header */
        off += ver == 4 ? (size_t)(d[10] & 0x7F) << 21 | (size_t)(d[11] & 0x7F) << 14 |
                          (size_t)(d[12] & 0x7F) << 7 | (d[13] & 0x7F)
                        : 4 + (size_t)media_be32(d + 10);
    while (off < n && n - off >= hlen && d[off] != 0) {
        size_t fl = ver == 2 ? media_be24(d + off + 3)
                  : ver == 4 ? (size_t)(d[off + 4] & 0x7F) << 21 | (size_t)(d[off + 5] & 0x7F) << 14 |
                               (size_t)(d[off + 6] & 0x7F) << 7 | (d[off + 7] & 0x7F)
                             : media_be32(d + off + 4);

        for (size_t i = 0; i < idlen; i++)
            if (!((d[off + i] >= 'A' && d[off + i] <= 'Z') || (d[off + i] >= '0' && d[off + i] <= '9')))
                return;
        id3_frame(j, d + off, idlen);
        if (fl > n - off - hlen)
            return;
        off += hlen + fl;
    }
}

/* ---- QuickTime / MP4 metadata boxes ---- */

const struct media_marker media_mp4_markers[] = {
    { "\xa9xyz", MEDIA_LOCATION, "location" }, { "location", MEDIA_LOCATION, "location" },
    { "\xa9" "day", MEDIA_TIME, "date" }, { "creationdate", MEDIA_TIME, "date" },
    { "\xa9" "ART", MEDIA_AUTHOR, "artist" }, { "aART", MEDIA_AUTHOR, "artist" },
    { "\xa9" "aut", MEDIA_AUTHOR, "author" }, { "\xa9wrt", MEDIA_AUTHOR, "composer" },
    { "cprt", MEDIA_AUTHOR, "copyright" }, { "author", MEDIA_AUTHOR, "author" },
    { "artist", MEDIA_AUTHOR, "artist" }, { "\xa9" "cmt", MEDIA_COMMENT, "comment" },
    { "\xa9nam", MEDIA_COMMENT, "title" }, { "desc", MEDIA_COMMENT, "description" },
    { "\xa9" "des", MEDIA_COMMENT, "description" }, { "\xa9too", MEDIA_SOFTWARE, "encoder" },
    { "\xa9swr", MEDIA_SOFTWARE, "software" }, { "software", MEDIA_SOFTWARE, "software" },
    { "\xa9mak", MEDIA_DEVICE, "make" }, { "\xa9mod", MEDIA_DEVICE, "model" },
    { "model", MEDIA_DEVICE, "model" }, { "covr", MEDIA_PICTURE, "cover" },
    { NULL, 0, NULL },
};
