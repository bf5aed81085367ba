/* Safety numbers: what two people compare, aloud or by QR code, to know
 * that each holds the other's real keys.  Both sides compute the same
 * 60 digits from their two cards (in either order); see docs/FORMAT.md
 * ("Safety number"). */
#ifndef INTAKE_SAFETY_H
#define INTAKE_SAFETY_H

#include <stddef.h>

#include "crypto/card.h"
#include "util/err.h"

#define SAFETY_GROUPS 12
#define SAFETY_DIGITS (SAFETY_GROUPS * 5)
/* "12345 67890 ... 12345": 12 groups of five digits, single spaces, NUL. */
#define SAFETY_NUMBER_SIZE (SAFETY_DIGITS + SAFETY_GROUPS)
#define SAFETY_QR_PREFIX "INTAKE-SN1:"
/* SAFETY_QR_PREFIX, the 60 digits without spaces, NUL. */
#define SAFETY_QR_SIZE (sizeof SAFETY_QR_PREFIX - 1 + SAFETY_DIGITS + 1)

/* Writes the safety number of cards a and b (order does not matter) in
 * groups of five digits; refuses two cards with the same keys. */
int safety_number(char *out, size_t outlen, const struct card *a,
                  const struct card *b, struct err *e);

/* Writes the QR code text of a safety number made by safety_number. */
int safety_qr_payload(char *out, size_t outlen, const char *number,
                      struct err *e);

/* Parses scanned QR code text (len bytes, ASCII space, tab, CR, LF trimmed
 * at both ends) into the grouped form safety_number writes; EXIT_INPUT if
 * it is not a safety number this version reads. */
int safety_qr_parse(char *out, size_t outlen, const char *payload, size_t len,
                    struct err *e);

/* Compares scanned QR code text with the expected safety number (as
 * safety_number writes it): 0 if they match, -1 with EXIT_AUTH if they
 * differ, -1 with EXIT_INPUT if the text is not a safety number. */
int safety_qr_compare(const char *payload, size_t len, const char *expected,
                      struct err *e);

#endif
