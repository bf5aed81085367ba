/* The bundle writer: seals, signs, pads and writes (export/bundle.h). */
#include "export/bundle.h"
#include "export/bundle_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

#include "crypto/secmem.h"
#include "export/flush.h"
#include "export/slots.h"
#include "util/fileio.h"

struct bundle_writer {
    int fd;
    uint64_t written;              /* bytes written to fd */
    uint64_t synced;               /* bytes handed to the flusher so far */
    struct flush flush;            /* starts the write-back of fd behind us */
    int armor;
    int failed;
    int closed;
    int signed_done;               /* the signed part has ended (M, FORMAT.md) */
    size_t hlen;
    uint64_t plen;                 /* payload plaintext bytes so far */
    uint64_t nchunks;              /* chunks encrypted (the worker's) */
    struct bundle_keys keys;
    unsigned char sign_sk[crypto_sign_SECRETKEYBYTES];
    struct bulk_aead *aead;        /* the worker's */
    crypto_hash_sha256_state root; /* the chunk digests: the worker's until drained */
    crypto_generichash_state hash;
    size_t ptlen;                  /* bytes waiting in slot[cur] */
    size_t seglen;                 /* bytes waiting in seg */
    size_t npend;                  /* bytes waiting in pend (armor) */
    size_t tlen;                   /* characters waiting in text (armor) */
    /* The caller's thread fills chunk slots; one worker thread hashes,
     * encrypts and writes them in order (see "the worker" below). */
    struct slots q;
    size_t cur;                    /* the slot the caller fills */
    struct slot {
        size_t len;
        int final;
        int in_signed;             /* its digest goes into the root */
        int hashed;                /* digest holds pt's SHA-256 (the caller's) */
        unsigned char digest[BULK_HASHBYTES];
        unsigned char pt[CHUNK_LEN];
        unsigned char ct[CHUNK_CTLEN];
    } slot[SLOTS_N];
    unsigned char hdr[HEADER_MAX];
    unsigned char seg[SEGMENT_MAX];
    unsigned char pend[ARMOR_LINE_BYTES];
    char text[1024 * (ARMOR_COLS + 1)];
};

/* --- output: hash the binary bytes, then write them or their armor --- */

/* Writes to fd.  Every SYNC_STEP bytes the disk is asked to start writing
 * what came before, so the caller's final fsync finds little left to do:
 * a 1 GiB bundle otherwise spent about a second in it after all the work
 * was done.  The flusher thread asks (export/flush.h): the request blocks
 * while the disk's queue is full, which held up the worker. */
#define SYNC_STEP (UINT64_C(8) << 20)
static int fd_out(struct bundle_writer *w, const void *buf, size_t len,
                  struct err *e)
{
    if (fd_write_all(w->fd, buf, len) != 0)
        return err_set(e, EXIT_INPUT, "cannot write the bundle: %s",
                       strerror(errno));
    w->written += len;
    if (w->written - w->synced >= SYNC_STEP) {
        flush_ask(&w->flush, w->written);
        w->synced = w->written;
    }
    return 0;
}

static int text_flush(struct bundle_writer *w, struct err *e)
{
    if (w->tlen > 0 && fd_out(w, w->text, w->tlen, e) != 0)
        return -1;
    w->tlen = 0;
    return 0;
}

/* Appends one armor line made of len (<= 48) bytes. */
static int armor_line(struct bundle_writer *w, const unsigned char *buf,
                      size_t len, struct err *e)
{
    char line[ARMOR_COLS + 1];
    size_t n;

    /* Room for the line's characters and its newline (sizeof line): no
     * terminating NUL goes into text (snprintf's took the newline's place
     * when the line just fitted, every 1023 lines). */
    if (w->tlen + sizeof line > sizeof w->text && text_flush(w, e) != 0)
        return -1;
    sodium_bin2base64(line, sizeof line, buf, len,
                      sodium_base64_VARIANT_ORIGINAL);
    n = strlen(line);
    memcpy(w->text + w->tlen, line, n);
    w->text[w->tlen + n] = '\n';
    w->tlen += n + 1;
    return 0;
}

static int armor_put(struct bundle_writer *w, const unsigned char *buf,
                     size_t len, struct err *e)
{
    while (len > 0) {
        size_t n = sizeof w->pend - w->npend;

        if (n > len)
            n = len;
        memcpy(w->pend + w->npend, buf, n);
        w->npend += n;
        buf += n;
        len -= n;
        if (w->npend == sizeof w->pend) {
            if (armor_line(w, w->pend, w->npend, e) != 0)
                return -1;
            w->npend = 0;
        }
    }
    return 0;
}

static int out_write(struct bundle_writer *w, const unsigned char *buf,
                     size_t len, struct err *e)
{
    if (w->armor)
        return armor_put(w, buf, len, e);
    return fd_out(w, buf, len, e);
}

static int armor_finish(struct bundle_writer *w, struct err *e)
{
    int n;

    if (w->npend > 0 && armor_line(w, w->pend, w->npend, e) != 0)
        return -1;
    w->npend = 0;
    if (text_flush(w, e) != 0)
        return -1;
    n = snprintf(w->text, sizeof w->text, "%s\n", ARMOR_END);
    if (n < 0 || (size_t)n >= sizeof w->text)
        return err_set(e, EXIT_INPUT, "cannot format the armor end line");
    w->tlen = (size_t)n;
    return text_flush(w, e);
}

/* --- the payload plaintext, cut into 64 KiB chunks --- */

/* --- the worker: adds the digests, encrypts and writes the filled slots, in order ---
 *
 * Reading the content (an attachment file's chunks opened) and hashing,
 * encrypting and writing it for the bundle took turns on one core; with
 * the worker they overlap (the caller hashes: push_chunk).  The AEAD context, the root digest state, the
 * armor buffers and the file offset belong to the worker from the first
 * slot until it is drained or joined; the caller's thread keeps the
 * plaintext.  A slot is the caller's until it is queued and the worker's
 * until it is taken off. */

static int encrypt_slot(struct bundle_writer *w, struct slot *sl, struct err *e)
{
    unsigned char nonce[BULK_NONCEBYTES];

    if (sl->in_signed) {
        if (!sl->hashed)
            bulk_sha256(sl->digest, sl->pt, sl->len);
        crypto_hash_sha256_update(&w->root, sl->digest, sizeof sl->digest);
    }
    bundle_nonce(nonce, w->nchunks++, sl->final);
    if (bulk_aead_seal(w->aead, sl->ct, sl->pt, sl->len, nonce) != 0)
        return err_set(e, EXIT_INPUT, "cannot encrypt a bundle chunk");
    return out_write(w, sl->ct, sl->len + CHUNK_ABYTES, e);
}

static void *worker_main(void *arg)
{
    struct bundle_writer *w = arg;
    struct err e = { 0, "" };
    size_t i;

    while (slots_take(&w->q, &i, NULL) > 0) {
        if (encrypt_slot(w, &w->slot[i], &e) != 0) {
            slots_fail(&w->q, &e);
            break;
        }
        slots_release(&w->q);
    }
    return NULL;
}

/* Hands the slot being filled to the worker and, unless it was the
 * final chunk, waits until the next one is free.  The caller's thread
 * hashes a signed chunk itself when the worker is behind (CALLER_SHARE
 * slots wait for it), and the worker the rest; the worker adds every
 * digest to the root, in order.  Sealing and writing (the kernel's
 * share) kept the worker busier than reading the attachment keeps the
 * caller (issue 17; docs/SPEED.md, "Export's two threads"). */
#define CALLER_SHARE (SLOTS_N / 2)

static int push_chunk(struct bundle_writer *w, int final, struct err *e)
{
    struct slot *sl = &w->slot[w->cur];

    sl->len = w->ptlen;
    sl->final = final;
    sl->in_signed = !w->signed_done;
    sl->hashed = sl->in_signed && slots_queued(&w->q) >= CALLER_SHARE;
    if (sl->hashed)
        bulk_sha256(sl->digest, sl->pt, sl->len);
    w->ptlen = 0;
    slots_put(&w->q, final);
    return final ? 0 : slots_claim(&w->q, &w->cur, e);
}

/* Adds plaintext; a full chunk leaves only when more follows, so the last
 * chunk, final at close, is never empty. */
static int pt_put(struct bundle_writer *w, const unsigned char *buf,
                  size_t len, struct err *e)
{
    w->plen += len;
    while (len > 0) {
        size_t n = CHUNK_LEN - w->ptlen;

        if (n == 0) {
            if (push_chunk(w, 0, e) != 0)
                return -1;
            continue;
        }
        if (n > len)
            n = len;
        memcpy(w->slot[w->cur].pt + w->ptlen, buf, n);
        w->ptlen += n;
        buf += n;
        len -= n;
    }
    return 0;
}

/* One segment: its length (0 ends the content), then its bytes. */
static int segment_put(struct bundle_writer *w, const unsigned char *buf,
                       size_t n, struct err *e)
{
    unsigned char len[4];

    bundle_le32(len, (uint32_t)n);
    return pt_put(w, len, sizeof len, e) != 0 || pt_put(w, buf, n, e) != 0 ? -1 : 0;
}

static int segment_flush(struct bundle_writer *w, struct err *e)
{
    if (segment_put(w, w->seg, w->seglen, e) != 0)
        return -1;
    w->seglen = 0;
    return 0;
}

/* The signed part ends in the slot being filled (never empty here): once
 * the worker has hashed every chunk before it, its piece completes the
 * root, and the signature covers domain, header and root. */
static int sign(struct bundle_writer *w, unsigned char sig[SIG_LEN],
                struct err *e)
{
    unsigned char d[BULK_HASHBYTES], root[BULK_HASHBYTES];
    unsigned char msg[sizeof SIGN_DOMAIN + 3 + HEADER_MAX + BULK_HASHBYTES];
    size_t mlen;

    if (slots_drain(&w->q, e) != 0)
        return -1;
    w->signed_done = 1;
    bulk_sha256(d, w->slot[w->cur].pt, w->ptlen);
    crypto_hash_sha256_update(&w->root, d, sizeof d);
    crypto_hash_sha256_final(&w->root, root);
    mlen = bundle_signed_message(msg, w->hdr, w->hlen, root);
    crypto_sign_detached(sig, NULL, msg, mlen, w->sign_sk);
    return 0;
}

/* --- opening: stanzas, commitment, stream header, signed prefix --- */

static int seal_stanzas(struct bundle_writer *w, unsigned char *hdr,
                        const unsigned char (*rcpt)[crypto_box_PUBLICKEYBYTES],
                        size_t n, struct err *e)
{
    size_t i;
    unsigned char bit;

    for (i = 0; i < n; i++) {
        unsigned char *st = hdr + i * STANZA_LEN;

        if (crypto_box_seal(st, w->keys.file, sizeof w->keys.file, rcpt[i]) != 0)
            return err_set(e, EXIT_INPUT, "cannot seal the file key to "
                           "recipient %zu: is its key valid?", i + 1);
        /* An X25519 key never sets bit 255; a random one looks like noise. */
        randombytes_buf(&bit, 1);
        st[crypto_box_PUBLICKEYBYTES - 1] |= (unsigned char)(bit & 0x80U);
    }
    return 0;
}

static int write_header(struct bundle_writer *w,
                        const unsigned char (*rcpt)[crypto_box_PUBLICKEYBYTES],
                        size_t n, struct err *e)
{
    size_t slen = n * STANZA_LEN;

    if (seal_stanzas(w, w->hdr, rcpt, n, e) != 0)
        return -1;
    crypto_generichash(w->hdr + slen, COMMIT_LEN, w->hdr, slen, w->keys.commit,
                       sizeof w->keys.commit);
    w->hlen = slen + COMMIT_LEN;
    w->aead = bulk_aead_new(w->keys.payload);
    if (w->aead == NULL)
        return err_set(e, EXIT_INPUT, "cannot start the bundle's encryption");
    crypto_hash_sha256_init(&w->root);
    crypto_hash_sha256_update(&w->root, (const unsigned char *)CHUNKS_LABEL,
                              sizeof CHUNKS_LABEL - 1);
    bundle_id_start(&w->hash, w->hdr, w->hlen);
    if (w->armor) {
        int m = snprintf(w->text, sizeof w->text, "%s\n", ARMOR_BEGIN);

        if (m < 0 || (size_t)m >= sizeof w->text)
            return err_set(e, EXIT_INPUT, "cannot format the armor line");
        w->tlen = (size_t)m;
    }
    return out_write(w, w->hdr, w->hlen, e);
}

static int write_prefix(struct bundle_writer *w,
                        const unsigned char (*rcpt)[crypto_box_PUBLICKEYBYTES],
                        size_t n, struct err *e)
{
    unsigned char head[1 + crypto_sign_PUBLICKEYBYTES + 1];

    head[0] = BUNDLE_VERSION;
    crypto_sign_ed25519_sk_to_pk(head + 1, w->sign_sk);
    head[1 + crypto_sign_PUBLICKEYBYTES] = (unsigned char)n;
    if (pt_put(w, head, sizeof head, e) != 0)
        return -1;
    return pt_put(w, rcpt[0], n * sizeof rcpt[0], e);
}

static int writer_start(struct bundle_writer *w,
                        const unsigned char (*recipients)[crypto_box_PUBLICKEYBYTES],
                        size_t n, struct err *e)
{
    unsigned char sorted[BUNDLE_MAX_RECIPIENTS][crypto_box_PUBLICKEYBYTES];

    memcpy(sorted, recipients, n * sizeof sorted[0]);
    if (bundle_sort_keys(sorted, n) != 0)
        return err_set(e, EXIT_INPUT, "the same recipient is listed twice");
    randombytes_buf(w->keys.file, sizeof w->keys.file);
    if (bundle_derive(&w->keys, BUNDLE_VERSION) != 0)
        return err_set(e, EXIT_INPUT, "cannot derive the bundle keys");
    if (write_header(w, (const unsigned char (*)[crypto_box_PUBLICKEYBYTES])sorted,
                     n, e) != 0 ||
        slots_start(&w->q, worker_main, w, "bundle writer", e) != 0 ||
        slots_claim(&w->q, &w->cur, e) != 0)
        return -1;
    return write_prefix(w, (const unsigned char (*)[crypto_box_PUBLICKEYBYTES])sorted,
                        n, e);
}

int bundle_writer_open(struct bundle_writer **wp, int fd, int armor,
                       const unsigned char *sign_sk,
                       const unsigned char (*recipients)[crypto_box_PUBLICKEYBYTES],
                       size_t nrecipients, struct err *e)
{
    struct bundle_writer *w;

    *wp = NULL;
    if (nrecipients < 1 || nrecipients > BUNDLE_MAX_RECIPIENTS)
        return err_set(e, EXIT_INPUT, "a bundle needs 1 to %d recipients, "
                       "not %zu", BUNDLE_MAX_RECIPIENTS, nrecipients);
    w = secmem_alloc(sizeof *w);
    if (w == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory for the bundle");
    w->fd = fd;
    flush_start(&w->flush, fd);
    w->armor = armor != 0;
    memcpy(w->sign_sk, sign_sk, sizeof w->sign_sk);
    if (writer_start(w, recipients, nrecipients, e) != 0) {
        bundle_writer_free(w);
        return -1;
    }
    *wp = w;
    return 0;
}

int bundle_writer_write(struct bundle_writer *w, const unsigned char *buf,
                        size_t len, struct err *e)
{
    if (w->failed || w->closed)
        return err_set(e, EXIT_INPUT, "the bundle writer was %s",
                       w->closed ? "already closed" : "stopped by an error");
    while (len > 0) {
        size_t n = SEGMENT_MAX - w->seglen;
        int rc;

        if (len >= SEGMENT_MAX / 2) {
            /* A large piece (an attachment's row) is a segment of its
             * own, without a copy into seg: segments may be cut anywhere. */
            n = len < SEGMENT_MAX ? len : SEGMENT_MAX;
            rc = w->seglen > 0 ? segment_flush(w, e) : 0;
            if (rc == 0)
                rc = segment_put(w, buf, n, e);
        } else {
            if (n > len)
                n = len;
            memcpy(w->seg + w->seglen, buf, n);
            w->seglen += n;
            rc = w->seglen == SEGMENT_MAX ? segment_flush(w, e) : 0;
        }
        if (rc != 0) {
            w->failed = 1;
            return -1;
        }
        buf += n;
        len -= n;
    }
    return 0;
}

int bundle_writer_sink(void *w, const unsigned char *buf, size_t len,
                       struct err *e)
{
    return bundle_writer_write(w, buf, len, e);
}

static int writer_finish(struct bundle_writer *w, unsigned char *hash_out,
                         struct err *e)
{
    static const unsigned char zeros[4096];
    unsigned char sig[SIG_LEN], hash[BUNDLE_HASHBYTES];
    uint64_t pad;

    if (w->seglen > 0 && segment_flush(w, e) != 0)
        return -1;
    if (segment_flush(w, e) != 0)      /* the empty segment ends the content */
        return -1;
    if (sign(w, sig, e) != 0)
        return -1;
    crypto_generichash_update(&w->hash, sig, sizeof sig);
    if (pt_put(w, sig, sizeof sig, e) != 0)
        return -1;
    pad = bundle_padded_plen(BUNDLE_VERSION, w->hlen, w->plen) - w->plen;
    while (pad > 0) {
        size_t n = pad < sizeof zeros ? (size_t)pad : sizeof zeros;

        if (pt_put(w, zeros, n, e) != 0)
            return -1;
        pad -= n;
    }
    if (push_chunk(w, 1, e) != 0 ||
        slots_stop(&w->q, 0, e) != 0)
        return -1;
    if (w->armor && armor_finish(w, e) != 0)
        return -1;
    flush_stop(&w->flush);
    crypto_generichash_final(&w->hash, hash, sizeof hash);
    if (hash_out != NULL)
        memcpy(hash_out, hash, sizeof hash);
    return 0;
}

int bundle_writer_close(struct bundle_writer *w,
                        unsigned char hash_out[BUNDLE_HASHBYTES], struct err *e)
{
    if (w->failed || w->closed)
        return err_set(e, EXIT_INPUT, "the bundle writer was %s",
                       w->closed ? "already closed" : "stopped by an error");
    if (writer_finish(w, hash_out, e) != 0) {
        w->failed = 1;
        return -1;
    }
    w->closed = 1;
    sodium_memzero(&w->keys, sizeof w->keys);
    bulk_aead_free(w->aead);
    w->aead = NULL;
    sodium_memzero(w->sign_sk, sizeof w->sign_sk);
    return 0;
}

void bundle_writer_free(struct bundle_writer *w)
{
    if (w == NULL)
        return;
    (void)slots_stop(&w->q, 1, NULL);
    flush_stop(&w->flush);
    bulk_aead_free(w->aead);
    secmem_free(w);
}
