/* Contact cards: a store's label and public keys as one line of text.
 *
 * "INTAKE1" + Bech32-alphabet data + a 6-character Bech32m checksum, all
 * upper-case so a QR code holds it in alphanumeric mode.  The layout,
 * parsing rules and test vectors are in docs/FORMAT.md ("Contact card"). */
#ifndef INTAKE_CARD_H
#define INTAKE_CARD_H

#include <stddef.h>
#include <stdint.h>

#include <sodium.h>

#include "util/err.h"

#define CARD_VERSION 1
#define CARD_LABEL_MAX 64                 /* bytes of UTF-8, no NUL */
#define CARD_PREFIX "INTAKE1"
/* A card with a 64-byte label is 221 characters; this holds any card. */
#define CARD_TEXT_SIZE 256
/* "XXXX-XXXX-XXXX-XXXX-XXXX" and a NUL. */
#define CARD_FINGERPRINT_SIZE 25

struct card {
    uint8_t version;
    char label[CARD_LABEL_MAX + 1];      /* NUL-terminated UTF-8 */
    unsigned char sign_pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char box_pk[crypto_box_PUBLICKEYBYTES];
};

/* Writes the card's one-line text (NUL-terminated, no newline) to out;
 * refuses a card that card_decode would refuse. */
int card_encode(char *out, size_t outlen, const struct card *c, struct err *e);

/* Parses len bytes of card text into c: ASCII space, tab, CR and LF are
 * trimmed at both ends; all upper-case or all lower-case is accepted;
 * every other departure from the format is refused with EXIT_INPUT. */
int card_decode(struct card *c, const char *text, size_t len, struct err *e);

/* Checks a label this store gives itself (init, label) as a card carries
 * it: 1..CARD_LABEL_MAX bytes of valid UTF-8 with no control or
 * text-direction characters, not only spaces; a longer one is told by its
 * whole length in bytes. */
int card_label_check(const char *label, struct err *e);

/* Writes a short fingerprint of the card's two keys, 20 characters in
 * groups of four ("QPZR-Y9X8-..."), for "key changed" messages; out needs
 * CARD_FINGERPRINT_SIZE bytes (a smaller out receives an empty string). */
void card_fingerprint(char *out, size_t outlen, const struct card *c);

/* 1 if the two cards carry the same signing or the same encryption key. */
int card_keys_overlap(const struct card *a, const struct card *b);

#endif
