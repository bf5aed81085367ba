/* Passphrase strength, as estimated by zxcvbn (Debian libzxcvbn-dev). */
#ifndef INTAKE_STRENGTH_H
#define INTAKE_STRENGTH_H

#include "util/err.h"

/* The least estimated entropy, in bits, that a store passphrase may have.
 * zxcvbn-c returns bits (not the 0-4 score): "password1" is ~3 bits,
 * "correct horse" ~28, four random common words ~65-72, a name and a year ~46. */
#define PASSPHRASE_MIN_BITS 60.0

/* Estimated entropy of pw in bits. */
double passphrase_bits(const char *pw);

/* 0 if pw is strong enough; otherwise EXIT_INPUT with why and what to do. */
int passphrase_check(const char *pw, struct err *e);

#endif
