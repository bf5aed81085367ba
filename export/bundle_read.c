/* The bundle reader: finds this store's stanza, checks the commitment
 * (which tells version 3 from 2), decrypts the chunks, parses the payload,
 * checks padding and signature. */
#include "export/bundle.h"
#include "export/bundle_int.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "crypto/secmem.h"
#include "export/slots.h"
#include "util/text.h"

enum field {
    F_VERSION, F_SENDER, F_COUNT, F_RECIPIENT, F_SEGLEN, F_SEGDATA, F_SIG, F_PAD
};

/* The bytes of the binary bundle, read from fd directly or through armor. */
struct source {
    int fd;
    int armored;
    int eof;              /* fd reached end of file */
    int armor_done;       /* END line seen */
    int padded;           /* a '=' was read: only '=' may follow */
    int col;              /* column in the current armor line */
    int trailing;         /* a space or tab in this line: only more, or its end, may follow */
    size_t rpos, rlen;    /* raw bytes from fd */
    size_t nq;            /* base64 characters waiting in q */
    size_t dpos, dlen;    /* decoded bytes waiting in dec */
    uint64_t total;
    crypto_generichash_state hash;
    unsigned char raw[65536];
    char q[4096];
    unsigned char dec[3072];
};

struct reader {
    struct source src;
    const unsigned char *box_pk;
    bundle_sink_fn sink;
    void *ctx;
    unsigned version;            /* 3, or 2 (read only) */
    size_t hlen, nstanzas, mine;
    struct bundle_keys keys;
    struct bulk_aead *aead[2];   /* version 3: the worker's, the caller's */
    crypto_hash_sha256_state root;   /* version 3: the chunk digests */
    int signed_end;              /* version 3: the signed part has ended */
    size_t signed_at;            /* ... after this many bytes of its chunk */
    crypto_secretstream_xchacha20poly1305_state ss;   /* version 2 */
    struct bundle_v2 v2;
    enum field field;
    size_t need, have;           /* bytes of the current field */
    uint64_t plen, p0, pad;
    unsigned char buf[SIG_LEN];  /* the current fixed-size field */
    struct bundle_info info;
    unsigned char hdr[HEADER_MAX];
    size_t hdrgot;
    /* A worker thread reads chunks into slots ahead of the caller's
     * thread, which parses them, feeds the sink and checks the signature;
     * each chunk is decrypted (and hashed) by whichever thread is free
     * (see "chunks" below).  Each slot (~128 KiB) is its own sodium_malloc
     * block, allocated by the worker the first time it claims the slot
     * (slot_get) and freed, wiped, with the reader: a bundle of n chunks
     * takes min(n, SLOTS_N) slots, and one that fails in its header none.
     * Until session 31 the eight slots were part of the reader, ~1 MB
     * filled, zeroed, locked and wiped in every open however small the
     * bundle (docs/TESTING.md, "Session 31"). */
    struct slots q;
    struct rslot {
        size_t len;              /* ciphertext bytes, then plaintext bytes */
        uint64_t index;
        uint64_t offset;         /* of its first byte in the binary bundle */
        int final;
        int ready;               /* decrypted into pt (and hashed) */
        unsigned char digest[BULK_HASHBYTES];
        unsigned char ct[CT_MAX];
        unsigned char pt[CHUNK_LEN];
    } *slot[SLOTS_N];
};

/* --- source: raw bytes, armor decoding, hashing --- */

/* Appends what one read(2) gives to raw; 1 if it gave bytes, 0 at end of
 * file, -1 on error. */
static int raw_more(struct source *s)
{
    ssize_t n;

    if (s->rpos == s->rlen)
        s->rpos = s->rlen = 0;
    do
        n = read(s->fd, s->raw + s->rlen, sizeof s->raw - s->rlen);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return -1;
    s->rlen += (size_t)n;
    return n > 0;
}

static int raw_getc(struct source *s)
{
    if (s->rpos == s->rlen) {
        int r = raw_more(s);

        if (r <= 0)
            return r < 0 ? -2 : -1;
    }
    return s->raw[s->rpos++];
}

static int is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* After the END line only white space may follow. */
static int armor_tail(struct source *s, struct err *e)
{
    char line[sizeof ARMOR_END];
    size_t i;
    int c;

    for (i = 1; i < sizeof line - 1; i++) {
        if ((c = raw_getc(s)) < 0)
            break;
        line[i] = (char)c;
    }
    line[0] = '-';
    line[i] = '\0';
    if (strcmp(line, ARMOR_END) != 0)
        return err_set(e, EXIT_INPUT, "bad armor: a line starting with '-' "
                       "is not the END line");
    while ((c = raw_getc(s)) >= 0)
        if (!is_space(c))
            return err_set(e, EXIT_INPUT, "bad armor: text after the END line");
    if (c == -2)
        return err_set(e, EXIT_INPUT, "cannot read the bundle: %s", strerror(errno));
    s->armor_done = 1;
    return 0;
}

/* Collects base64 characters into q until it is full or the END line. */
static int armor_collect(struct source *s, struct err *e)
{
    while (s->nq < sizeof s->q && !s->armor_done) {
        int c = raw_getc(s);

        if (c == -2)
            return err_set(e, EXIT_INPUT, "cannot read the bundle: %s",
                           strerror(errno));
        if (c == -1)
            return err_set(e, EXIT_INPUT, "bad armor: the END line is missing "
                           "(was the text cut short?)");
        if (c == '\n' || c == '\r') {
            s->col = 0;
            s->trailing = 0;
            continue;
        }
        /* White space a mail client or messenger put at a line's end
         * (adv14 F6); inside a line, or before it, it is still refused. */
        if (c == ' ' || c == '\t') {
            s->trailing = 1;
            continue;
        }
        if (s->trailing)
            return err_set(e, EXIT_INPUT, "bad armor: unexpected character "
                           "in line text");
        if (c == '-' && s->col == 0) {
            if (armor_tail(s, e) != 0)
                return -1;
            continue;
        }
        if (!(c == '+' || c == '/' || c == '=' || (c >= '0' && c <= '9') ||
              (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            return err_set(e, EXIT_INPUT, "bad armor: unexpected character "
                           "in line text");
        /* After '=' only the rest of its group may follow, wherever the
         * decoding windows fall. */
        if (s->padded && c != '=')
            return err_set(e, EXIT_INPUT, "bad armor: invalid base64");
        if (c == '=')
            s->padded = 1;
        s->q[s->nq++] = (char)c;
        s->col++;
    }
    return 0;
}

static int armor_fill(struct source *s, struct err *e)
{
    size_t n, dlen;
    const char *end;

    if (armor_collect(s, e) != 0)
        return -1;
    n = s->armor_done ? s->nq : s->nq - s->nq % 4;
    if (s->armor_done && n % 4 != 0)
        return err_set(e, EXIT_INPUT, "bad armor: the base64 text is cut short");
    if (sodium_base642bin(s->dec, sizeof s->dec, s->q, n, NULL, &dlen, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 || end != s->q + n)
        return err_set(e, EXIT_INPUT, "bad armor: invalid base64");
    memmove(s->q, s->q + n, s->nq - n);
    s->nq -= n;
    s->dpos = 0;
    s->dlen = dlen;
    return 0;
}

static int src_refill(struct source *s, struct err *e)
{
    int r;

    if (s->armored)
        return armor_fill(s, e);
    r = raw_more(s);
    if (r < 0)
        return err_set(e, EXIT_INPUT, "cannot read the bundle: %s",
                       strerror(errno));
    s->eof = r == 0;
    return 0;
}

/* A binary source with nothing buffered reads a large request straight
 * into buf (a chunk: no second copy).  Bytes read, or -1. */
static int raw_direct(struct source *s, unsigned char *buf, size_t len,
                      struct err *e)
{
    ssize_t n;

    do
        n = read(s->fd, buf, len);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return err_set(e, EXIT_INPUT, "cannot read the bundle: %s", strerror(errno));
    s->eof = n == 0;
    return (int)n;
}

/* Reads up to len binary bundle bytes; fewer only at the end. */
static ssize_t src_read(struct source *s, unsigned char *buf, size_t len,
                        struct err *e)
{
    size_t got = 0;

    while (got < len) {
        unsigned char *from = s->armored ? s->dec + s->dpos : s->raw + s->rpos;
        size_t *pos = s->armored ? &s->dpos : &s->rpos;
        size_t n = (s->armored ? s->dlen : s->rlen) - *pos;

        if (n == 0) {
            if (s->armored ? s->armor_done && s->nq == 0 : s->eof)
                break;
            if (!s->armored && len - got >= sizeof s->raw) {
                int r = raw_direct(s, buf + got, len - got, e);

                if (r < 0)
                    return -1;
                got += (size_t)r;
                continue;
            }
            if (src_refill(s, e) != 0)
                return -1;
            continue;
        }
        if (n > len - got)
            n = len - got;
        memcpy(buf + got, from, n);
        *pos += n;
        got += n;
    }
    s->total += got;
    return (ssize_t)got;
}

/* The first bytes decide between the two forms (docs/FORMAT.md, "Armor").
 * The binary form is random bytes; anything that reads as text is armor,
 * and armor that is not exactly right is "bad armor" (EXIT_INPUT), never
 * fed to the key search, whose failure means "not addressed to you". */
#define SNIFF_BYTES 512

static const unsigned char utf8_bom[3] = { 0xef, 0xbb, 0xbf };

/* UTF-16 text: a NUL in every other byte of the first 16 (after a
 * byte-order mark, if there is one). A binary bundle is random bytes: it
 * begins with FF FE or FE FF once in 32768, so a mark alone must not
 * decide, but 8 NULs in place come by chance once in 2^63. */
static int looks_like_utf16(const unsigned char *p, size_t n)
{
    size_t even = 0, odd = 0, i;

    if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff))) {
        p += 2;
        n -= 2;
    }
    if (n < 16)
        return 0;
    for (i = 0; i < 16; i++)
        if (p[i] == 0) {
            if (i % 2)
                odd++;
            else
                even++;
        }
    return even == 8 || odd == 8;
}

/* Text: valid UTF-8 without control characters but tab, CR and LF; the
 * last few bytes may be a character cut by the window's end. 512 random
 * bytes pass this with a probability far below 2^-200. */
static int looks_like_text(const unsigned char *p, size_t n, int cut)
{
    for (size_t k = 0; k < 4 && k <= n; k++) {
        if (text_check((const char *)p, n - k, 1, "text", NULL) == 0)
            return 1;
        if (!cut)
            break;
    }
    return 0;
}

static const unsigned char *find_begin(const unsigned char *p, size_t n)
{
    size_t blen = sizeof ARMOR_BEGIN - 1;

    for (size_t i = 0; i + blen <= n; i++)
        if (memcmp(p + i, ARMOR_BEGIN, blen) == 0)
            return p + i;
    return NULL;
}

/* Armor starts, after an optional UTF-8 byte-order mark and white space,
 * with the BEGIN line ended right after its dashes (LF or CRLF). */
static int sniff(struct source *s, struct err *e)
{
    size_t n = s->rlen < SNIFF_BYTES ? s->rlen : SNIFF_BYTES;
    size_t i = 0, blen = sizeof ARMOR_BEGIN - 1;
    int bom = n >= sizeof utf8_bom && memcmp(s->raw, utf8_bom, sizeof utf8_bom) == 0;

    if (n == 0)
        return 0;
    if (looks_like_utf16(s->raw, n))
        return err_set(e, EXIT_INPUT, "bad armor: the text is UTF-16; save it as "
                       "UTF-8 (plain text) and try again");
    if (bom)
        i = sizeof utf8_bom;
    while (i < n && is_space(s->raw[i]))
        i++;
    if (n >= i + blen && memcmp(s->raw + i, ARMOR_BEGIN, blen) == 0) {
        size_t end = i + blen;
        while (end < n && (s->raw[end] == ' ' || s->raw[end] == '\t'))
            end++;   /* white space at the line's end (adv14 F6) */
        if (n == end)
            return err_set(e, EXIT_INPUT, "bad armor: the END line is missing "
                           "(was the text cut short?)");
        if (s->raw[end] != '\n' && s->raw[end] != '\r')
            return err_set(e, EXIT_INPUT, "bad armor: the BEGIN line must end "
                           "right after its dashes");
        s->armored = 1;
        s->rpos = end;
        return 0;
    }
    if (!bom && !looks_like_text(s->raw, n, n < s->rlen || !s->eof))
        return 0;
    if (find_begin(s->raw, n) != NULL)
        return err_set(e, EXIT_INPUT, "bad armor: there is text before the BEGIN line");
    return err_set(e, EXIT_INPUT, "bad armor: this is text without a BEGIN line, "
                   "not an intake bundle");
}

static int src_open(struct source *s, int fd, struct err *e)
{
    int r = 1;

    s->fd = fd;
    while (s->rlen < SNIFF_BYTES && (r = raw_more(s)) > 0)
        ;
    if (r < 0)
        return err_set(e, EXIT_INPUT, "cannot read the bundle: %s", strerror(errno));
    s->eof = r == 0;
    return sniff(s, e);
}

/* 1 if no byte follows what was read, 0 if one does, -1 on error. */
static int src_at_end(struct source *s, struct err *e)
{
    for (;;) {
        size_t n = s->armored ? s->dlen - s->dpos : s->rlen - s->rpos;

        if (n > 0)
            return 0;
        if (s->armored ? s->armor_done && s->nq == 0 : s->eof)
            return 1;
        if (src_refill(s, e) != 0)
            return -1;
    }
}

/* --- outer header: this store's stanza, then the commitment --- */

static int open_stanza(struct reader *r, const unsigned char *box_sk,
                       struct err *e)
{
    unsigned char st[STANZA_LEN];
    size_t i;

    for (i = 0; i < BUNDLE_MAX_RECIPIENTS &&
                (i + 1) * STANZA_LEN + COMMIT_LEN <= r->hdrgot; i++) {
        memcpy(st, r->hdr + i * STANZA_LEN, sizeof st);
        st[crypto_box_PUBLICKEYBYTES - 1] &= 0x7fU;
        if (crypto_box_seal_open(r->keys.file, st, sizeof st, r->box_pk,
                                 box_sk) == 0) {
            r->mine = i;
            return 0;
        }
    }
    return err_set(e, EXIT_AUTH, "this bundle is not addressed to this store "
                   "(none of its recipients is this store's key), or its start was damaged on the way (a character changed or a line lost near the start reads the same): ask its sender to add this "
                   "store's card ('intake card') as a contact and to export it again with that "
                   "contact among --to");
}

/* 1 if the commitment of version v, keyed from this file key, follows the
 * first n stanzas. */
static int commitment_at(struct reader *r, unsigned v, size_t n)
{
    struct bundle_keys k;
    unsigned char c[COMMIT_LEN];
    int found;

    memcpy(k.file, r->keys.file, sizeof k.file);
    if (bundle_derive(&k, v) != 0)
        return 0;
    crypto_generichash(c, sizeof c, r->hdr, n * STANZA_LEN, k.commit,
                       sizeof k.commit);
    found = n * STANZA_LEN + bundle_header_tail(v) <= r->hdrgot &&
            sodium_memcmp(c, r->hdr + n * STANZA_LEN, sizeof c) == 0;
    if (found)
        r->keys = k;
    sodium_memzero(&k, sizeof k);
    return found;
}

/* The header ends after the first run of stanzas whose commitment, keyed
 * with this file key, follows them: the same for every recipient.  The
 * commitment's key also says the version: 3, or 2 as earlier intakes
 * wrote it. */
static int find_commitment(struct reader *r, struct err *e)
{
    size_t n;

    for (n = 1; n <= BUNDLE_MAX_RECIPIENTS &&
                n * STANZA_LEN + COMMIT_LEN <= r->hdrgot; n++) {
        if (commitment_at(r, 3, n)) {
            r->version = 3;
            break;
        }
        if (commitment_at(r, 2, n)) {
            r->version = 2;
            break;
        }
    }
    if (r->version == 0 || n <= r->mine)
        return err_set(e, EXIT_AUTH, "commitment mismatch: the bundle's "
                       "recipient list or key was altered");
    r->nstanzas = n;
    r->hlen = n * STANZA_LEN + bundle_header_tail(r->version);
    return 0;
}

/* Version 3: one AEAD context for each thread. */
static int start_v3(struct reader *r, struct err *e)
{
    r->aead[0] = bulk_aead_new(r->keys.payload);
    r->aead[1] = bulk_aead_new(r->keys.payload);
    if (r->aead[0] == NULL || r->aead[1] == NULL)
        return err_set(e, EXIT_INPUT, "cannot start the bundle's decryption");
    crypto_hash_sha256_init(&r->root);
    crypto_hash_sha256_update(&r->root, (const unsigned char *)CHUNKS_LABEL,
                              sizeof CHUNKS_LABEL - 1);
    return 0;
}

static int read_header(struct reader *r, const unsigned char *box_sk,
                       struct err *e)
{
    ssize_t got = src_read(&r->src, r->hdr, sizeof r->hdr, e);

    if (got < 0)
        return -1;
    r->hdrgot = (size_t)got;
    if (r->hdrgot < STANZA_LEN + COMMIT_LEN + CHUNK_ABYTES + 1)
        return err_set(e, EXIT_INPUT, "this file is too short to be a bundle "
                       "(%zu bytes)", r->hdrgot);
    if (open_stanza(r, box_sk, e) != 0 || find_commitment(r, e) != 0)
        return -1;
    if (r->version == 3 && start_v3(r, e) != 0)
        return -1;
    if (r->version == 2) {
        if (crypto_secretstream_xchacha20poly1305_init_pull(&r->ss,
                r->hdr + r->hlen - V2_SSHEADER, r->keys.payload) != 0)
            return err_set(e, EXIT_AUTH, "commitment mismatch: bad stream header");
        bundle_v2_start(&r->v2, r->hdr, r->hlen);
    }
    bundle_id_start(&r->src.hash, r->hdr, r->hlen);
    return 0;
}

/* --- payload plaintext: prefix, segments, signature, padding --- */

static void expect(struct reader *r, enum field f, size_t need)
{
    r->field = f;
    r->need = need;
    r->have = 0;
}

static uint32_t le32(const unsigned char *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
           (uint32_t)b[3] << 24;
}

/* Checks the recipient list before any content reaches the sink. */
static int check_recipients(struct reader *r, struct err *e)
{
    struct bundle_info *in = &r->info;
    size_t i;
    int found = 0;

    for (i = 0; i < in->nrecipients; i++) {
        if (i > 0 && memcmp(in->recipients[i - 1], in->recipients[i],
                            sizeof in->recipients[i]) >= 0)
            return err_set(e, EXIT_INPUT, "malformed bundle: the recipient "
                           "list is not sorted");
        found |= sodium_memcmp(in->recipients[i], r->box_pk,
                               crypto_box_PUBLICKEYBYTES) == 0;
    }
    if (!found)
        return err_set(e, EXIT_AUTH, "this store is not in the bundle's signed "
                       "recipient list: a recipient re-sealed it to this store");
    return 0;
}

static int check_version(struct reader *r, struct err *e)
{
    if (r->buf[0] != 2 && r->buf[0] != BUNDLE_VERSION)
        return err_set(e, EXIT_INPUT, "unsupported bundle version %u "
                       "(this intake reads versions 2 and %d): upgrade intake",
                       r->buf[0], BUNDLE_VERSION);
    if (r->buf[0] != r->version)
        return err_set(e, EXIT_INPUT, "malformed bundle: version %u inside a "
                       "version %u header", r->buf[0], r->version);
    r->info.version = r->buf[0];
    return 0;
}

static int field_done(struct reader *r, struct err *e)
{
    struct bundle_info *in = &r->info;

    switch (r->field) {
    case F_VERSION:
        if (check_version(r, e) != 0)
            return -1;
        expect(r, F_SENDER, crypto_sign_PUBLICKEYBYTES);
        return 0;
    case F_SENDER:
        memcpy(in->sender_pk, r->buf, sizeof in->sender_pk);
        expect(r, F_COUNT, 1);
        return 0;
    case F_COUNT:
        if (r->buf[0] != r->nstanzas)
            return err_set(e, EXIT_AUTH, "the bundle's recipient list (%u) does "
                           "not match its header (%zu stanzas)", r->buf[0],
                           r->nstanzas);
        expect(r, F_RECIPIENT, crypto_box_PUBLICKEYBYTES);
        return 0;
    case F_RECIPIENT:
        memcpy(in->recipients[in->nrecipients++], r->buf, r->need);
        if (in->nrecipients < r->nstanzas) {
            expect(r, F_RECIPIENT, crypto_box_PUBLICKEYBYTES);
            return 0;
        }
        expect(r, F_SEGLEN, 4);
        return check_recipients(r, e);
    case F_SEGLEN:
        if (le32(r->buf) > SEGMENT_MAX)
            return err_set(e, EXIT_INPUT, "malformed bundle: a content segment "
                           "is too long");
        if (le32(r->buf) == 0)
            expect(r, F_SIG, SIG_LEN);
        else
            expect(r, F_SEGDATA, le32(r->buf));
        return 0;
    case F_SIG:
        r->p0 = r->plen;
        expect(r, F_PAD, 0);
        return 0;
    default:
        return err_set(e, EXIT_INPUT, "malformed bundle: internal state");
    }
}

/* Content of the current segment, given to the sink (version 2 also
 * signs it, all but blob data, and checks blobs: bundle_v2.c). */
static size_t feed_content(struct reader *r, const unsigned char *buf,
                           size_t len, struct err *e, int *rc)
{
    size_t n = r->need - r->have < len ? r->need - r->have : len;

    r->info.content_len += n;
    r->have += n;
    if ((r->sink != NULL && r->sink(r->ctx, buf, n, e) != 0) ||
        (r->version == 2 && bundle_v2_content(&r->v2, buf, n, e) != 0))
        *rc = -1;
    else if (r->have == r->need)
        expect(r, F_SEGLEN, 4);
    return n;
}

/* Feeds one chunk's plaintext; in version 3 notes where the signed part
 * ends (after the zero segment length). */
static int feed(struct reader *r, const unsigned char *chunk, size_t len,
                struct err *e)
{
    const unsigned char *buf = chunk;
    int rc = 0;

    while (len > 0 && rc == 0) {
        size_t n;

        if (r->field == F_PAD) {
            for (n = 0; n < len; n++)
                if (buf[n] != 0)
                    return err_set(e, EXIT_INPUT, "malformed bundle: the "
                                   "padding is not zero");
            r->pad += len;
            r->plen += len;
            return 0;
        }
        if (r->field == F_SEGDATA) {
            n = feed_content(r, buf, len, e, &rc);
            r->plen += n;
        } else {
            n = r->need - r->have < len ? r->need - r->have : len;
            memcpy(r->buf + r->have, buf, n);
            if (r->field != F_SIG && r->version == 2)
                bundle_v2_signed(&r->v2, buf, n);
            r->have += n;
            r->plen += n;
            if (r->have == r->need)
                rc = field_done(r, e);
            if (rc == 0 && r->field == F_SIG && r->have == 0 && !r->signed_end) {
                r->signed_end = 1;
                r->signed_at = (size_t)(buf + n - chunk);
            }
        }
        buf += n;
        len -= n;
    }
    return rc;
}

/* --- chunks --- */

/* Fills buf with up to max bytes of the next chunk: what the header read
 * left over, then the source.  Returns the count, short only at the end. */
static ssize_t next_chunk(struct reader *r, size_t *left, unsigned char *buf,
                          size_t max, struct err *e)
{
    size_t have = *left < max ? *left : max;
    ssize_t got;

    memcpy(buf, r->hdr + r->hdrgot - *left, have);
    *left -= have;
    got = have == max ? 0 : src_read(&r->src, buf + have, max - have, e);
    if (got < 0)
        return -1;
    return (ssize_t)have + got;
}

static int appended(struct err *e)
{
    return err_set(e, EXIT_AUTH, "data after the final chunk: something was "
                   "appended to the bundle");
}

static int final_missing(struct err *e)
{
    return err_set(e, EXIT_AUTH, "the bundle is truncated: its final chunk "
                   "is missing");
}

/* 0 if the first n bytes of sl's ciphertext open as chunk sl->index
 * with the final flag final (into sl->pt). */
static int v3_try(struct bulk_aead *a, struct rslot *sl, size_t n, int final)
{
    unsigned char nonce[BULK_NONCEBYTES];

    if (n <= CHUNK_ABYTES)
        return -1;
    bundle_nonce(nonce, sl->index, final);
    return bulk_aead_open(a, sl->pt, sl->ct, n, nonce);
}

/* Chunk sl did not open: say why.  A final chunk that opens cut at a
 * length where a bundle may end (a PADME length) had bytes appended; a
 * whole chunk that opens as not final lost what followed it. */
static int v3_diagnose(struct reader *r, struct bulk_aead *a, struct rslot *sl,
                       struct err *e)
{
    uint64_t f, plen, end = sl->offset + sl->len;

    if (!sl->final)
        return v3_try(a, sl, sl->len, 1) == 0 ? appended(e)
               : err_set(e, EXIT_AUTH, "a chunk of the bundle was altered");
    if (sl->len == CHUNK_CTLEN && v3_try(a, sl, sl->len, 0) == 0)
        return final_missing(e);
    for (f = bundle_padme(sl->offset + CHUNK_ABYTES + 1); f < end;
         f = bundle_padme(f + 1))
        if (bundle_plen_for(&plen, 3, r->hlen, f) == 0 &&
            v3_try(a, sl, (size_t)(f - sl->offset), 1) == 0)
            return appended(e);
    return err_set(e, EXIT_AUTH, "the bundle is truncated or its last chunk "
                   "was altered");
}

/* Version 3: decrypts slot sl with a (the calling thread's context) and
 * hashes its plaintext unless it is final (the final chunk is never
 * wholly signed: the reader hashes the signed part of the chunk where it
 * ends itself). */
static int v3_open(struct reader *r, struct bulk_aead *a, struct rslot *sl,
                   struct err *e)
{
    if (v3_try(a, sl, sl->len, sl->final) != 0)
        return v3_diagnose(r, a, sl, e);
    sl->len -= CHUNK_ABYTES;
    if (!sl->final)
        bulk_sha256(sl->digest, sl->pt, sl->len);
    sl->ready = 1;
    return 0;
}

/* Version 3: reads the next chunk into sl; final when nothing follows it. */
static int v3_read(struct reader *r, size_t *left, struct rslot *sl,
                   struct err *e)
{
    ssize_t n = next_chunk(r, left, sl->ct, CHUNK_CTLEN, e);
    int end;

    if (n < 0)
        return -1;
    if (n == 0)
        return final_missing(e);
    sl->len = (size_t)n;
    sl->offset = r->src.total - sl->len;
    sl->ready = 0;
    end = (size_t)n < CHUNK_CTLEN ? 1 : src_at_end(&r->src, e);
    if (end < 0)
        return -1;
    sl->final = end;
    return 0;
}

/* Version 2: a short last chunk failed: if it opens when cut at a length
 * where a bundle may end, the rest was appended afterwards. */
static int v2_diagnose(struct reader *r, struct rslot *sl, struct err *e)
{
    uint64_t start = sl->offset, plen;
    uint64_t f = bundle_padme(start + V2_ABYTES + 1);

    for (; f < r->src.total; f = bundle_padme(f + 1)) {
        crypto_secretstream_xchacha20poly1305_state st = r->ss;
        unsigned long long mlen;
        unsigned char tag;

        if (bundle_plen_for(&plen, 2, r->hlen, f) != 0)
            continue;
        if (crypto_secretstream_xchacha20poly1305_pull(&st, sl->pt, &mlen, &tag,
                sl->ct, (size_t)(f - start), NULL, 0) == 0) {
            sodium_memzero(&st, sizeof st);
            if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
                return appended(e);
        }
    }
    return err_set(e, EXIT_AUTH, "the bundle is truncated or its last chunk "
                   "was altered");
}

/* Version 2: reads and decrypts the next secretstream chunk into sl. */
static int v2_read(struct reader *r, size_t *left, struct rslot *sl,
                   struct err *e)
{
    ssize_t n = next_chunk(r, left, sl->ct, CHUNK_LEN + V2_ABYTES, e);
    unsigned long long mlen;
    unsigned char tag, extra;

    if (n <= 0)
        return n < 0 ? -1 : final_missing(e);
    sl->offset = r->src.total - (size_t)n;
    if (crypto_secretstream_xchacha20poly1305_pull(&r->ss, sl->pt, &mlen, &tag,
                                                   sl->ct, (size_t)n, NULL, 0) != 0) {
        if ((size_t)n < CHUNK_LEN + V2_ABYTES)
            return v2_diagnose(r, sl, e);
        return err_set(e, EXIT_AUTH, "a chunk of the bundle was altered");
    }
    sl->final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    if (!sl->final && (size_t)n < CHUNK_LEN + V2_ABYTES)
        return final_missing(e);
    if ((!sl->final && tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) ||
        mlen == 0)
        return err_set(e, EXIT_INPUT, "malformed bundle: unexpected chunk");
    if (sl->final && (n = src_read(&r->src, &extra, 1, e)) != 0)
        return n < 0 ? -1 : appended(e);
    sl->len = (size_t)mlen;
    sl->ready = 1;
    return 0;
}

/* --- chunks: the worker reads, either thread decrypts, the caller parses ---
 *
 * Decrypting, hashing and parsing took turns on one core; now the worker
 * reads each chunk into a slot and, when the caller has enough queued
 * (it is busy: WORKER_SHARE), decrypts and hashes it too; otherwise the
 * caller does so when it takes the slot, so both cores stay busy whatever
 * the sink costs.  Version 2's secretstream is sequential: its worker decrypts
 * every chunk.  The source, the worker's AEAD context and the v2 stream
 * state belong to the worker until it is joined; a slot is the worker's
 * until it is queued and the caller's until it is taken off.  Errors
 * keep their order: the caller parses every chunk before the one that
 * failed. */

/* The worker decrypts a chunk itself when at least this many wait for
 * the caller (it is behind); otherwise it leaves the chunk to the caller.
 * As the worker also reads the file, this split open's work about evenly
 * between two cores (measured with perf: 52-55% of the CPU time on the
 * caller's side, whose share includes unlocking the store). */
#define WORKER_SHARE (SLOTS_N - 3)

/* The worker's slot i, allocated (zeroed, in secure memory) the first
 * time it is claimed; NULL, with EXIT_INPUT in e, if secure memory ran
 * out.  Called by the worker only, after slots_claim() gave it i; the
 * caller's thread sees the pointer after slots_take() (the queue's mutex
 * orders the two). */
static struct rslot *slot_get(struct reader *r, size_t i, struct err *e)
{
    if (r->slot[i] == NULL) {
        r->slot[i] = secmem_alloc(sizeof *r->slot[i]);
        if (r->slot[i] == NULL)
            err_set(e, EXIT_INPUT, "out of secure memory for the bundle");
    }
    return r->slot[i];
}

static void *worker_main(void *arg)
{
    struct reader *r = arg;
    size_t left = r->hdrgot - r->hlen;
    struct err e = { 0, "" };
    uint64_t index = 0;
    int rc = 0, last = 0;

    while (rc == 0 && !last) {
        struct rslot *sl;
        size_t i;

        if (slots_claim(&r->q, &i, NULL) != 0)
            break;                       /* the caller stopped */
        sl = slot_get(r, i, &e);
        if (sl == NULL) {
            slots_fail(&r->q, &e);
            break;
        }
        sl->index = index++;
        if (r->version == 2) {
            rc = v2_read(r, &left, sl, &e);
        } else {
            rc = v3_read(r, &left, sl, &e);
            if (rc == 0 && slots_queued(&r->q) >= WORKER_SHARE)
                rc = v3_open(r, r->aead[0], sl, &e);
        }
        last = rc == 0 && sl->final;
        if (rc == 0)
            slots_put(&r->q, last);
        else
            slots_fail(&r->q, &e);
    }
    return NULL;
}

/* Version 3: the chunk just parsed adds its digest to the root until the
 * signed part ends; the chunk where it ends adds the digest of its
 * signed bytes only. */
static void add_digest(struct reader *r, const struct rslot *sl)
{
    unsigned char d[BULK_HASHBYTES];

    if (r->signed_end == 2)
        return;
    if (r->signed_end == 1) {
        bulk_sha256(d, sl->pt, r->signed_at);
        crypto_hash_sha256_update(&r->root, d, sizeof d);
        r->signed_end = 2;
    } else if (!sl->final) {
        crypto_hash_sha256_update(&r->root, sl->digest, sizeof sl->digest);
    }
}

/* Parses the chunks as the worker queues them; when they end, returns
 * 0, or -1 with the worker's error once every chunk before it is parsed. */
static int read_chunks(struct reader *r, struct err *e)
{
    size_t i;
    int rc;

    if (slots_start(&r->q, worker_main, r, "bundle reader", e) != 0)
        return -1;
    while ((rc = slots_take(&r->q, &i, e)) > 0) {
        struct rslot *sl = r->slot[i];

        if (!sl->ready && v3_open(r, r->aead[1], sl, e) != 0)
            return -1;
        if (feed(r, sl->pt, sl->len, e) != 0)
            return -1;
        if (r->version == 3)
            add_digest(r, sl);
        slots_release(&r->q);
    }
    return rc;
}

/* --- the end: structure, padding, signature --- */

static int verify(struct reader *r)
{
    unsigned char root[BULK_HASHBYTES];
    unsigned char msg[sizeof SIGN_DOMAIN + 3 + HEADER_MAX + BULK_HASHBYTES];
    size_t mlen;

    if (r->version == 2)
        return bundle_v2_verify(&r->v2, r->buf, r->info.sender_pk);
    crypto_hash_sha256_final(&r->root, root);
    mlen = bundle_signed_message(msg, r->hdr, r->hlen, root);
    return crypto_sign_verify_detached(r->buf, msg, mlen, r->info.sender_pk);
}

static int check_end(struct reader *r, struct err *e)
{
    if (r->field != F_PAD)
        return err_set(e, EXIT_INPUT, "malformed bundle: its contents end "
                       "before the signature");
    if (r->plen != bundle_padded_plen(r->version, r->hlen, r->p0))
        return err_set(e, EXIT_INPUT, "malformed bundle: wrong padding length");
    if (verify(r) != 0)
        return err_set(e, EXIT_AUTH, "bad signature: the bundle was altered "
                       "after its sender signed it");
    crypto_generichash_update(&r->src.hash, r->buf, SIG_LEN);
    crypto_generichash_final(&r->src.hash, r->info.hash, sizeof r->info.hash);
    r->info.bundle_len = (size_t)r->src.total;
    r->info.armored = r->src.armored;
    return 0;
}

int bundle_read(int fd, const unsigned char *box_pk,
                const unsigned char *box_sk, bundle_sink_fn sink, void *ctx,
                struct bundle_info *info, struct err *e)
{
    struct reader *r = secmem_alloc(sizeof *r);
    int rc;

    if (r == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory for the bundle");
    r->box_pk = box_pk;
    r->sink = sink;
    r->ctx = ctx;
    expect(r, F_VERSION, 1);
    rc = src_open(&r->src, fd, e);
    if (rc == 0)
        rc = read_header(r, box_sk, e);
    if (rc == 0)
        rc = read_chunks(r, e);
    (void)slots_stop(&r->q, 1, NULL);
    if (rc == 0)
        rc = check_end(r, e);
    if (rc == 0 && info != NULL)
        *info = r->info;
    bulk_aead_free(r->aead[0]);
    bulk_aead_free(r->aead[1]);
    for (size_t i = 0; i < SLOTS_N; i++)
        secmem_free(r->slot[i]);          /* sodium_free wipes; NULL is a no-op */
    secmem_free(r);
    return rc;
}
