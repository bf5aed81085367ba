/* Constants and helpers shared by the bundle writer (bundle_write.c) and
 * reader (bundle_read.c, bundle_v2.c), defined in bundle_int.c; not an
 * interface for other modules.  The layout is in docs/FORMAT.md. */
#ifndef INTAKE_BUNDLE_INT_H
#define INTAKE_BUNDLE_INT_H

#include <stddef.h>
#include <stdint.h>
#include <sodium.h>

#include "crypto/bulk.h"
#include "export/bundle.h"

#define FILE_KEYBYTES 32U
#define STANZA_LEN    (crypto_box_SEALBYTES + FILE_KEYBYTES)            /* 80 */
#define COMMIT_LEN    32U
#define CHUNK_LEN     65536U
#define SEGMENT_MAX   65536U
#define SIG_LEN       crypto_sign_BYTES

/* Version 3: ChaCha20-Poly1305 chunks (crypto/bulk.h), no stream header. */
#define CHUNK_ABYTES  BULK_TAGBYTES                                     /* 16 */
#define CHUNK_CTLEN   (CHUNK_LEN + CHUNK_ABYTES)                        /* 65552 */
/* Version 2: secretstream chunks after a 24-byte stream header. */
#define V2_ABYTES     crypto_secretstream_xchacha20poly1305_ABYTES      /* 17 */
#define V2_SSHEADER   crypto_secretstream_xchacha20poly1305_HEADERBYTES /* 24 */
#define CT_MAX        (CHUNK_LEN + V2_ABYTES)
#define HEADER_MAX    (BUNDLE_MAX_RECIPIENTS * STANZA_LEN + COMMIT_LEN + V2_SSHEADER)

#define SIGN_DOMAIN     "intake-bundle-v3 signature"
#define CHUNKS_LABEL    "intake-bundle-v3 chunks"
#define COMMIT_LABEL    "intake-bundle-v3 commitment"
#define PAYLOAD_LABEL   "intake-bundle-v3 payload"
#define V2_SIGN_DOMAIN  "intake-bundle-v2 signature"
#define V2_COMMIT_LABEL "intake-bundle-v1 commitment"
#define V2_PAYLOAD_LABEL "intake-bundle-v1 payload"
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

/* Derives the commitment and payload keys of version (2 or 3) from
 * keys->file (all in the caller's secure buffer): 0, or -1 if BLAKE2b
 * fails. */
int bundle_derive(struct bundle_keys *keys, unsigned version);

/* The bytes after the stanzas and before the first chunk: the commitment,
 * and in version 2 the stream header. */
size_t bundle_header_tail(unsigned version);

/* The tag bytes each chunk of version adds. */
size_t bundle_abytes(unsigned version);

/* The binary length of a bundle of version with an hlen-byte header and
 * plen bytes of payload plaintext (plen >= 1). */
uint64_t bundle_file_len(unsigned version, uint64_t hlen, uint64_t plen);

/* Finds plen with bundle_file_len(version, hlen, plen) == flen; 0 if
 * there is one, -1 if flen falls where no bundle can end. */
int bundle_plen_for(uint64_t *plen, unsigned version, uint64_t hlen,
                    uint64_t flen);

/* The padded plaintext length for an unpadded plaintext of p0 bytes: the
 * smallest plen >= p0 whose bundle_file_len() is a PADME length. */
uint64_t bundle_padded_plen(unsigned version, uint64_t hlen, uint64_t p0);

/* The version 3 nonce of chunk index: the index as 11 big-endian bytes,
 * then 1 for the final chunk, else 0 (the STREAM construction). */
void bundle_nonce(unsigned char nonce[BULK_NONCEBYTES], uint64_t index,
                  int final);

/* The version 3 signed message (docs/FORMAT.md): SIGN_DOMAIN || u32 hlen
 * || header || root, into msg (at least sizeof SIGN_DOMAIN + 3 + hlen +
 * 32 bytes); returns its length. */
size_t bundle_signed_message(unsigned char *msg, const unsigned char *hdr,
                             size_t hlen, const unsigned char *root);

/* Starts the bundle hash: BLAKE2b-256 of ID_LABEL || u32 hlen || header,
 * to which the signature is added (docs/FORMAT.md, "Bundle hash"). */
void bundle_id_start(crypto_generichash_state *st, const unsigned char *hdr,
                     size_t hlen);

/* Stores v as 4 little-endian bytes. */
void bundle_le32(unsigned char out[4], uint32_t v);

/* Sorts n 32-byte keys ascending; returns -1 if two are equal. */
int bundle_sort_keys(unsigned char (*keys)[crypto_box_PUBLICKEYBYTES], size_t n);

/* --- version 2, read only (bundle_v2.c) ---
 * Its Ed25519ph signature covers every payload byte but the data of blob
 * items, which are bound instead by the BLAKE2b-256 in the signed
 * attachment item before each (docs/FORMAT.md, "Version 2"): the reader
 * follows the item headers (type u8, length u64), leaves blob data out of
 * the signature and checks each blob against that hash itself. */
struct bundle_v2 {
    crypto_sign_state sig;
    unsigned char hdr[9];        /* the item header being read */
    size_t hhave;
    unsigned type;               /* the current item's type */
    uint64_t left;               /* data bytes of the current item still to come */
    size_t attlen;               /* bytes of the attachment item in att */
    int want_set;                /* want holds the next blob's hash */
    unsigned char want[32];
    crypto_generichash_state blob;
    unsigned char att[64 * 1024];
};

/* Starts the signature over the v2 domain, u32 hlen and the header. */
void bundle_v2_start(struct bundle_v2 *v, const unsigned char *hdr, size_t hlen);

/* Adds signed bytes outside the content (the prefix, segment lengths). */
void bundle_v2_signed(struct bundle_v2 *v, const unsigned char *buf, size_t len);

/* Adds len content bytes: signed but for blob data, which is hashed and
 * compared at each blob's end.  0, or -1 with EXIT_AUTH ("an attachment
 * in the bundle was altered") or EXIT_INPUT (an attachment item without a
 * readable hash). */
int bundle_v2_content(struct bundle_v2 *v, const unsigned char *buf,
                      size_t len, struct err *e);

/* 0 if sig is the sender's signature over everything added. */
int bundle_v2_verify(struct bundle_v2 *v, const unsigned char *sig,
                     const unsigned char *sender_pk);

#endif
