/* Constants and helpers shared by the bundle writer (bundle_write.c) and
 * reader (bundle_read.c), defined in bundle_int.c; not an interface for
 * other modules.  The layout is in docs/FORMAT.md. */
#ifndef INTAKE_BUNDLE_INT_H
#define INTAKE_BUNDLE_INT_H

#include <stddef.h>
#include <stdint.h>
#include <sodium.h>

#include "export/bundle.h"

#define FILE_KEYBYTES crypto_secretstream_xchacha20poly1305_KEYBYTES
#define STANZA_LEN    (crypto_box_SEALBYTES + FILE_KEYBYTES)            /* 80 */
#define COMMIT_LEN    32U
#define SS_HEADERLEN  crypto_secretstream_xchacha20poly1305_HEADERBYTES /* 24 */
#define CHUNK_LEN     65536U
#define CHUNK_ABYTES  crypto_secretstream_xchacha20poly1305_ABYTES      /* 17 */
#define SEGMENT_MAX   65536U
#define HEADER_MAX    (BUNDLE_MAX_RECIPIENTS * STANZA_LEN + COMMIT_LEN + SS_HEADERLEN)
#define SIG_LEN       crypto_sign_BYTES

#define SIGN_DOMAIN     "intake-bundle-v2 signature"
#define COMMIT_LABEL    "intake-bundle-v1 commitment"
#define PAYLOAD_LABEL   "intake-bundle-v1 payload"
#define ID_LABEL        "intake-bundle-v1 id"

#define ARMOR_BEGIN   "-----BEGIN INTAKE BUNDLE-----"
#define ARMOR_END     "-----END INTAKE BUNDLE-----"
#define ARMOR_COLS    64U
#define ARMOR_LINE_BYTES 48U   /* 48 bytes make 64 base64 characters */

/* The file key and the two keys derived from it, in one secure buffer. */
struct bundle_keys {
    unsigned char file[FILE_KEYBYTES];
    unsigned char commit[COMMIT_LEN];
    unsigned char payload[FILE_KEYBYTES];
};

/* Derives the commitment and payload keys from keys->file (all in the
 * caller's secure buffer): 0, or -1 if BLAKE2b fails. */
int bundle_derive(struct bundle_keys *keys);

/* The binary length of a bundle with an hlen-byte header and plen bytes
 * of payload plaintext (plen >= 1). */
uint64_t bundle_file_len(uint64_t hlen, uint64_t plen);

/* Finds plen with bundle_file_len(hlen, plen) == flen; 0 if there is
 * one, -1 if flen falls where no bundle can end. */
int bundle_plen_for(uint64_t *plen, uint64_t hlen, uint64_t flen);

/* The padded plaintext length for an unpadded plaintext of p0 bytes: the
 * smallest plen >= p0 whose bundle_file_len() is a PADME length. */
uint64_t bundle_padded_plen(uint64_t hlen, uint64_t p0);

/* Starts the bundle hash: BLAKE2b-256 of ID_LABEL || u32 hlen || header,
 * to which the signature is added (docs/FORMAT.md, "Bundle hash"). */
void bundle_id_start(crypto_generichash_state *st, const unsigned char *hdr,
                     size_t hlen);

/* What of the content the signature covers (docs/FORMAT.md, "Bundle"):
 * every byte except the data of blob items.  The content is a payload
 * (export/payload.h); the filter follows its item headers (type u8, length
 * u64) and leaves out the data of each PAYLOAD_BLOB item, which is bound
 * instead by the BLAKE2b-256 in the signed attachment item before it
 * (checked by export/content.c).  Writer and reader run the same filter
 * on the same bytes, so they agree on what was signed. */
struct sign_filter {
    unsigned char hdr[9];
    size_t hhave;
    uint64_t left;            /* data bytes of the current item still to come */
    int blob;                 /* the current item is a blob */
};

/* Adds to sig the part of len content bytes that the signature covers. */
void bundle_sign_content(crypto_sign_state *sig, struct sign_filter *f,
                         const unsigned char *buf, size_t len);

/* Stores v as 4 little-endian bytes. */
void bundle_le32(unsigned char out[4], uint32_t v);

/* Sorts n 32-byte keys ascending; returns -1 if two are equal. */
int bundle_sort_keys(unsigned char (*keys)[crypto_box_PUBLICKEYBYTES], size_t n);

#endif
