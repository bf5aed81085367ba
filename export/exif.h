/* Finds a location (EXIF GPS latitude or longitude) in the first bytes of
 * a JPEG (APP1 "Exif") or PNG (eXIf chunk) file, so that attach can flag
 * photos that would reveal where they were taken. Reads hostile bytes:
 * bounded by len, no allocation, at most EXIF_MAX_ENTRIES IFD entries. */
#ifndef INTAKE_EXIF_H
#define INTAKE_EXIF_H

#include <stddef.h>

#define EXIF_SCAN_BYTES (256u << 10)   /* how much of a file to look at */
#define EXIF_MAX_ENTRIES 1024

/* 1 if buf[0..len) is a JPEG, PNG or WebP whose EXIF holds GPS latitude or
 * longitude, 0 if not (or if the EXIF cannot be read). */
int exif_has_gps(const unsigned char *buf, size_t len);

/* Where a tag of an EXIF block lies. */
enum exif_ifd { EXIF_IFD0, EXIF_IFD_EXIF, EXIF_IFD_GPS, EXIF_IFD1 };

/* Calls fn for each tag of the TIFF block tiff[0..len) (the bytes after
 * "Exif\0\0"): IFD0, the Exif and GPS IFDs it points to, and IFD1 (the
 * thumbnail's). Same bounds as exif_has_gps; a block that does not parse
 * calls fn for what was read before the damage. */
void exif_each_tag(const unsigned char *tiff, size_t len,
                   void (*fn)(void *ctx, enum exif_ifd ifd, unsigned tag), void *ctx);

#endif
