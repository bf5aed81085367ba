/* Pattern detectors for identifying data that is in no list: phone numbers,
 * e-mail addresses, URLs, ID numbers, birth dates, GPS coordinates and IP
 * addresses.  Hand-written scanners over the norm view (normalise.h), so
 * full-width digits and every dash form are already plain ASCII. */
#ifndef INTAKE_DETECT_H
#define INTAKE_DETECT_H

#include <stddef.h>

#include "util/err.h"

enum detect_kind {
    DETECT_PHONE, DETECT_EMAIL, DETECT_URL, DETECT_ID, DETECT_DATE, DETECT_GPS, DETECT_IP
};

struct detection {
    size_t start, end;      /* byte span in the norm text */
    int kind;               /* enum detect_kind */
};

/* Finds every detection in norm[0..len) (non-overlapping within a kind, in
 * order of start); *out is malloc'd (free it), *nout its length.
 * Returns 0, or -1 with e filled. */
int detect_all(struct detection **out, size_t *nout, const char *norm, size_t len,
               struct err *e);

#endif
