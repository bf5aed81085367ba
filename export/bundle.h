/* The export bundle: content sealed to 1..BUNDLE_MAX_RECIPIENTS X25519
 * keys, signed with the device's Ed25519 key inside the encryption,
 * streamed in 64 KiB ChaCha20-Poly1305 chunks (version 3; the reader also
 * takes version 2's secretstream chunks) and padded to a PADME length.
 * The byte layout is in docs/FORMAT.md ("Bundle").
 *
 * Memory stays constant whatever the size of the content: the writer and
 * the reader hold a few 64 KiB buffers.  The file key and the stream
 * states live in sodium_malloc memory and are wiped on every path.
 *
 * READER CONTRACT -- read this before calling bundle_read():
 * the sink receives content bytes as they are decrypted, BEFORE the
 * signature at the end of the bundle has been checked.  Everything the
 * sink gets is authenticated by the file key (so it comes from someone
 * who could seal to this store) but NOT yet proven to come from the sender
 * named inside.  A caller must therefore either
 *   - write into something it can undo (a store transaction rolled back
 *     when bundle_read() fails), or
 *   - call bundle_read() twice: first with a NULL sink to verify, then
 *     again to release the content (the file must not change in between:
 *     compare info.hash of the two runs).
 * A sink must never print, write a file or otherwise release what it gets
 * before bundle_read() has returned 0.
 *
 * bundle_read() returning 0 means every content byte was authenticated:
 * in version 3 the signature covers every byte (through SHA-256 digests
 * of the chunks); in version 2, which left blob data out of the
 * signature, the reader checks each blob against the BLAKE2b-256 of the
 * signed attachment item before it (docs/FORMAT.md). */
#ifndef INTAKE_BUNDLE_H
#define INTAKE_BUNDLE_H

#include <stddef.h>
#include <stdint.h>
#include <sodium.h>

#include "util/err.h"

#define BUNDLE_VERSION 3    /* written; version 2 is read too */
#define BUNDLE_MAX_RECIPIENTS 64
#define BUNDLE_HASHBYTES 32   /* the bundle hash: docs/FORMAT.md */

/* Receives bytes: content for the reader, output for payload writers.
 * Returns 0, or -1 after filling e. */
typedef int (*bundle_sink_fn)(void *ctx, const unsigned char *buf,
                              size_t len, struct err *e);

struct bundle_writer;

/* What a reader learns from a bundle it could open and verify. */
struct bundle_info {
    unsigned version;                      /* 3, or 2 */
    unsigned char sender_pk[crypto_sign_PUBLICKEYBYTES];
    size_t nrecipients;
    unsigned char recipients[BUNDLE_MAX_RECIPIENTS][crypto_box_PUBLICKEYBYTES];
    unsigned char hash[BUNDLE_HASHBYTES];  /* BLAKE2b of label, header, signature */
    uint64_t content_len;
    size_t bundle_len;                     /* binary length, armor decoded */
    int armored;
};

/* Starts a bundle on fd, sealed to nrecipients distinct X25519 keys and
 * signed with sign_sk (crypto_sign_SECRETKEYBYTES); armor 1 writes base64
 * text between BEGIN/END lines.  Writes the header to fd at once. */
int bundle_writer_open(struct bundle_writer **w, int fd, int armor,
                       const unsigned char *sign_sk,
                       const unsigned char (*recipients)[crypto_box_PUBLICKEYBYTES],
                       size_t nrecipients, struct err *e);

/* Adds len bytes of content (any size, in as many calls as needed). */
int bundle_writer_write(struct bundle_writer *w, const unsigned char *buf,
                        size_t len, struct err *e);

/* bundle_writer_write() with a void pointer, to use as a bundle_sink_fn. */
int bundle_writer_sink(void *w, const unsigned char *buf, size_t len,
                       struct err *e);

/* Signs, pads and writes the end of the bundle (waiting for the worker
 * thread to hash what it was given); hash_out (may be NULL)
 * receives the bundle hash (BLAKE2b-256 of a label, the header and the
 * signature: one per bundle, armored or not), for the export log.  The
 * caller still owns fd (fsync and commit it) and must free w. */
int bundle_writer_close(struct bundle_writer *w,
                        unsigned char hash_out[BUNDLE_HASHBYTES],
                        struct err *e);

/* Wipes and frees a writer, closed or not; NULL is allowed. */
void bundle_writer_free(struct bundle_writer *w);

/* Reads, decrypts and verifies the bundle on fd (binary or armored) with
 * this store's X25519 key pair, passing the content to sink (may be NULL)
 * as it is decrypted -- see the READER CONTRACT above.  Returns 0 only if
 * everything verified; info (may be NULL) is filled on success.  Fails
 * with EXIT_AUTH when authentication fails, EXIT_INPUT when the file is
 * malformed or unreadable, or with the sink's error. */
int bundle_read(int fd, const unsigned char *box_pk,
                const unsigned char *box_sk, bundle_sink_fn sink, void *ctx,
                struct bundle_info *info, struct err *e);

/* The PADME length for len (Nikitin et al. 2019): len rounded up so that
 * its low E-S bits are zero, E = floor(log2 len), S = floor(log2 E) + 1. */
uint64_t bundle_padme(uint64_t len);

#endif
