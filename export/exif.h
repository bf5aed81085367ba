/* Finds a location (EXIF GPS latitude or longitude) in the first bytes of
 * a JPEG (APP1 "Exif") or PNG (eXIf chunk) file, so that attach can flag
 * photos that would reveal where they were taken. Reads hostile bytes:
 * bounded by len, no allocation, at most EXIF_MAX_ENTRIES IFD entries. */
#ifndef INTAKE_EXIF_H
#define INTAKE_EXIF_H

#include <stddef.h>

#define EXIF_SCAN_BYTES (256u << 10)   /* how much of a file to look at */
#define EXIF_MAX_ENTRIES 1024

/* 1 if buf[0..len) is a JPEG or PNG whose EXIF holds GPS latitude or
 * longitude, 0 if not (or if the EXIF cannot be read). */
int exif_has_gps(const unsigned char *buf, size_t len);

#endif
