/* The bundle test kit (tests/testkit/, docs/FORMAT.md "Test kit"): writes
 * it from fixed seeds, or checks files of it with the C reader.
 *
 *   testkit write DIR          writes every case as DIR/NAME.kit (and
 *                              removes the other *.kit files there)
 *   testkit check FILE...      reads each file with bundle_read() and the
 *                              content reader, as intake open/import do,
 *                              and compares with its expectation line
 *
 * A kit file is one expectation line, then the bundle (binary or armor):
 *   intake-testkit-1 key=01 expect=ok version=3 sender=HEX sha256=HEX
 *   intake-testkit-1 key=01 expect=fail exit=1 error=bad-signature
 * key=XX: the reader's X25519 key pair is crypto_box_seed_keypair of 32
 * bytes 0xXX.  sha256: of the content (the segments' bytes, joined).
 *
 * The cases are built here byte by byte (not by bundle_write.c), so each
 * rule can be broken on its own; the valid ones are checked to equal what
 * the real writer makes ("writer-*" cases).  Randomness comes from
 * libsodium's randombytes_buf_deterministic, seeded by the case's name:
 * a rerun writes the same bytes.  Exit 0 when everything checks, 1 when
 * an expectation fails, 2 on bad usage or input. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "crypto/card.h"
#include "export/bundle.h"
#include "export/bundle_int.h"
#include "export/content.h"
#include "export/payload.h"
#include "tests/unit/det_random.h"

/* ---- fixed randomness (tests/unit/det_random.h), seeded by name ---- */

static void det_reset(const char *name)
{
    crypto_generichash(det_seed, sizeof det_seed, (const unsigned char *)name,
                       strlen(name), (const unsigned char *)"intake testkit", 14);
    det_counter = 0;
}

/* ---- buffers ---- */

struct buf {
    unsigned char *p;
    size_t len, cap;
};

static void die(const char *what)
{
    fprintf(stderr, "testkit: %s\n", what);
    exit(2);
}

static void put(struct buf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n) * 2 + 64;
        if ((b->p = realloc(b->p, b->cap)) == NULL)
            die("out of memory");
    }
    if (n > 0)
        memcpy(b->p + b->len, p, n);
    b->len += n;
}

static void puts_(struct buf *b, const char *s)
{
    put(b, s, strlen(s));
}

static void putf(struct buf *b, const char *fmt, ...)
{
    char tmp[4096];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp)
        die("format");
    put(b, tmp, (size_t)n);
}

static void le32(struct buf *b, uint32_t v)
{
    unsigned char x[4];

    bundle_le32(x, v);
    put(b, x, 4);
}

static void le64(unsigned char *x, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        x[i] = (unsigned char)(v >> (8 * i));
}

/* ---- keys: seeds of 32 equal bytes (docs/FORMAT.md, "Test kit") ---- */

struct keypair {
    unsigned char pk[32], sk[32];
};

static void box_keys(struct keypair *k, unsigned seed)
{
    unsigned char s[32];

    memset(s, (int)seed, sizeof s);
    crypto_box_seed_keypair(k->pk, k->sk, s);
}

static void sign_keys(unsigned char pk[32], unsigned char sk[64], unsigned seed)
{
    unsigned char s[32];

    memset(s, (int)seed, sizeof s);
    crypto_sign_seed_keypair(pk, sk, s);
}

/* ---- content (docs/FORMAT.md, "Bundle content") ---- */

static void item(struct buf *b, unsigned type, const void *p, size_t n)
{
    unsigned char h[9];

    h[0] = (unsigned char)type;
    le64(h + 1, n);
    put(b, h, 9);
    put(b, p, n);
}

static void item_s(struct buf *b, unsigned type, const char *s)
{
    item(b, type, s, strlen(s));
}

#define RECORD_ID "0123456789abcdef"
#define HEADER_JSON "{\"created\":\"2026-01-02\",\"digests\":{\"key\":" \
    "\"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\"," \
    "\"set\":\"\"},\"format\":\"intake-content-%d\",\"log_head\":{\"hash\":" \
    "\"0000000000000000000000000000000000000000000000000000000000000000\"," \
    "\"seq\":1},\"pseudonyms\":[],\"records\":%d,\"sender_label\":\"Kit sender\"}"

/* The header of content format 1 or 2 (docs/FORMAT.md, "Content formats
 * 2 and 1"). */
static void header_fmt(struct buf *b, int format, int records)
{
    char s[1024];

    snprintf(s, sizeof s, HEADER_JSON, format, records);
    item_s(b, PAYLOAD_JSON, s);
}

static void header_item(struct buf *b, int records)
{
    header_fmt(b, 1, records);
}

/* A record with one attachment of n bytes (n < 0: none); title as given. */
static void record_item(struct buf *b, const char *id, const char *title, long n,
                        const char *hex)
{
    struct buf r = { 0 };

    puts_(&r, "{\"attachments\":[");
    if (n >= 0)
        putf(&r, "{\"blake2b\":\"%s\",\"file\":\"attachment-1.txt\",\"gps\":false,"
             "\"metadata\":\"kept\",\"size\":%ld,\"type\":\"text/plain\"}", hex, n);
    putf(&r, "],\"body\":\"The kit's testimony, line one.\\nLine two.\",\"consent\":"
         "{\"attachments\":true,\"embargo\":null,\"export\":true,\"method\":\"verbal\","
         "\"publish\":false,\"quote\":true,\"recorded\":\"2026-01-02\"},\"date\":"
         "\"2026-01\",\"date_precision\":\"month\",\"id\":\"%s\",\"language\":null,"
         "\"place\":null,\"pseudonym\":\"Source A\",\"redactions\":[],\"review\":[],"
         "\"tags\":[\"kit\"],\"title\":\"%s\"}", id, title);
    item(b, PAYLOAD_JSON, r.p, r.len);
    free(r.p);
}

/* A record of content format 2 without attachments: subject and consent
 * as given (JSON text; NULL: the member is left out). */
static void record2_item(struct buf *b, const char *subject, const char *consent)
{
    struct buf r = { 0 };

    puts_(&r, "{\"attachments\":[],\"body\":\"The kit's testimony.\",");
    if (consent != NULL)
        putf(&r, "\"consent\":%s,", consent);
    puts_(&r, "\"date\":\"2026-01\",\"date_precision\":\"month\",\"id\":\"" RECORD_ID "\","
          "\"language\":null,\"place\":null,\"pseudonym\":\"Source A\",\"redactions\":[],"
          "\"review\":[],");
    if (subject != NULL)
        putf(&r, "\"subject\":%s,", subject);
    puts_(&r, "\"tags\":[\"kit\"],\"title\":\"Kit record\",\"version\":1}");
    item(b, PAYLOAD_JSON, r.p, r.len);
    free(r.p);
}

static void blob_bytes(unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)('a' + i % 26);
}

static void hash_hex(char hex[65], const unsigned char *p, size_t n)
{
    unsigned char h[32];

    crypto_generichash(h, sizeof h, p, n, NULL, 0);
    sodium_bin2hex(hex, 65, h, sizeof h);
}

/* The attachment item and blob of n bytes for record id. */
static void attachment(struct buf *b, const char *id, size_t n, const char *hexover)
{
    unsigned char *p = malloc(n + 1);
    char hex[65], s[512];

    if (p == NULL)
        die("out of memory");
    blob_bytes(p, n);
    hash_hex(hex, p, n);
    snprintf(s, sizeof s, "{\"blake2b\":\"%s\",\"file\":\"attachment-1.txt\","
             "\"metadata\":\"kept\",\"record\":\"%s\",\"size\":%zu,\"type\":"
             "\"text/plain\"}", hexover != NULL ? hexover : hex, id, n);
    item_s(b, PAYLOAD_ATTACHMENT, s);
    item(b, PAYLOAD_BLOB, p, n);
    free(p);
}

/* The usual content: the header, one record, its attachment of n bytes. */
static void std_content(struct buf *b, size_t n)
{
    unsigned char *p = malloc(n + 1);
    char hex[65];

    if (p == NULL)
        die("out of memory");
    blob_bytes(p, n);
    hash_hex(hex, p, n);
    free(p);
    header_item(b, 1);
    record_item(b, RECORD_ID, "Kit record", (long)n, hex);
    attachment(b, RECORD_ID, n, NULL);
}

/* ---- the bundle, byte by byte (docs/FORMAT.md, "Bundle") ---- */

struct build {
    unsigned version;             /* 3, or 2 */
    int vbyte;                    /* the version byte; -1: version */
    size_t nst;                   /* stanzas, sealed to st[i] in this order */
    unsigned char st[72][32];
    size_t nlist;                 /* the signed recipient list, as written */
    unsigned char list[72][32];
    int count;                    /* the count byte; -1: nlist */
    int topbit;                   /* 0 clear, 1 set, 2 random (as intake) */
    int sign_topbit_cleared;      /* sign the stanzas with the bit cleared */
    const struct buf *content;
    size_t seg;                   /* segment size; 0: 65536 */
    size_t sign_seg;              /* sign as if cut into this size; 0: seg */
    int seg_over;                 /* the first segment's length is 65537 */
    unsigned signer;              /* the sender's seed; 0: 3 */
    int sig_flip;                 /* flip a bit of the signature */
    long pt_cut;                  /* >= 0: the plaintext ends here, unpadded */
    int pad;                      /* 0 right, 1 the next PADME, 2 none */
    int pad_byte;                 /* the padding's bytes */
    int last_not_final;           /* the last chunk without the final flag */
    int first_final;              /* chunk 0 final while more follow */
    int v2_tag;                   /* v2: the first chunk's tag; 0: MESSAGE */
};

static struct build defaults(const struct buf *content, unsigned version)
{
    struct build b;
    struct keypair k;

    memset(&b, 0, sizeof b);
    b.version = version;
    b.vbyte = -1;
    b.count = -1;
    b.pt_cut = -1;
    b.topbit = 2;
    b.content = content;
    b.nst = b.nlist = 1;
    box_keys(&k, 1);
    memcpy(b.st[0], k.pk, 32);
    memcpy(b.list[0], k.pk, 32);
    return b;
}

/* Recipients: seeds, sealed and listed sorted (as intake writes them). */
static void recipients(struct build *b, const unsigned *seeds, size_t n)
{
    struct keypair k;

    for (size_t i = 0; i < n; i++) {
        box_keys(&k, seeds[i]);
        memcpy(b->st[i], k.pk, 32);
    }
    bundle_sort_keys(b->st, n);
    memcpy(b->list, b->st, n * 32);
    b->nst = b->nlist = n;
}

/* Where blob data lies in the content (version 2 leaves it unsigned). */
static unsigned char *blob_map(const struct buf *c)
{
    unsigned char *m = calloc(c->len + 1, 1);
    size_t pos = 0;

    if (m == NULL)
        die("out of memory");
    while (pos + 9 <= c->len) {
        uint64_t n = 0;

        for (int i = 8; i >= 1; i--)
            n = n << 8 | c->p[pos + (size_t)i];
        if (n > c->len - pos - 9)
            break;
        if (c->p[pos] == PAYLOAD_BLOB)
            memset(m + pos + 9, 1, n);
        pos += 9 + n;
    }
    return m;
}

/* The plaintext's signed part cut into segments of seg bytes: into pt, and
 * (version 2) the signed bytes without blob data into v2. */
static void segments(struct buf *pt, struct buf *v2, const struct build *b, size_t seg,
                     int over)
{
    const struct buf *c = b->content;
    unsigned char *map = blob_map(c);
    size_t pos = 0;

    while (pos < c->len) {
        size_t n = c->len - pos < seg ? c->len - pos : seg;
        unsigned char x[4];

        bundle_le32(x, over && pos == 0 ? SEGMENT_MAX + 1 : (uint32_t)n);
        put(pt, x, 4);
        put(v2, x, 4);
        put(pt, c->p + pos, n);
        for (size_t i = pos; i < pos + n; i++)
            if (!map[i])
                put(v2, c->p + i, 1);
        pos += n;
    }
    le32(pt, 0);
    le32(v2, 0);
    free(map);
}

static void prefix(struct buf *pt, const struct build *b, const unsigned char *spk)
{
    unsigned char v = (unsigned char)(b->vbyte >= 0 ? b->vbyte : (int)b->version);
    unsigned char n = (unsigned char)(b->count >= 0 ? b->count : (int)b->nlist);

    put(pt, &v, 1);
    put(pt, spk, 32);
    put(pt, &n, 1);
    put(pt, b->list, b->nlist * 32);
}

static void sign(unsigned char sig[64], const struct build *b, const unsigned char *hdr,
                 size_t hlen, const struct buf *s, const struct buf *s2,
                 const unsigned char *ssk)
{
    if (b->version == 3) {
        unsigned char root[32], d[32];
        unsigned char msg[sizeof SIGN_DOMAIN + 3 + HEADER_MAX + 32];
        crypto_hash_sha256_state st;
        size_t mlen;

        crypto_hash_sha256_init(&st);
        crypto_hash_sha256_update(&st, (const unsigned char *)CHUNKS_LABEL,
                                  sizeof CHUNKS_LABEL - 1);
        for (size_t off = 0; off < s->len; off += CHUNK_LEN) {
            size_t n = s->len - off < CHUNK_LEN ? s->len - off : CHUNK_LEN;

            crypto_hash_sha256(d, s->p + off, n);
            crypto_hash_sha256_update(&st, d, sizeof d);
        }
        crypto_hash_sha256_final(&st, root);
        mlen = bundle_signed_message(msg, hdr, hlen, root);
        crypto_sign_detached(sig, NULL, msg, mlen, ssk);
    } else {
        crypto_sign_state st;
        unsigned char x[4];

        crypto_sign_init(&st);
        crypto_sign_update(&st, (const unsigned char *)V2_SIGN_DOMAIN,
                           sizeof V2_SIGN_DOMAIN - 1);
        bundle_le32(x, (uint32_t)hlen);
        crypto_sign_update(&st, x, 4);
        crypto_sign_update(&st, hdr, hlen);
        crypto_sign_update(&st, s2->p, s2->len);
        crypto_sign_final_create(&st, sig, NULL, ssk);
    }
}

static void seal_chunks(struct buf *out, const struct build *b, const struct bundle_keys *k,
                        crypto_secretstream_xchacha20poly1305_state *ss,
                        const struct buf *pt)
{
    size_t nchunks = (pt->len + CHUNK_LEN - 1) / CHUNK_LEN, i;
    unsigned char ct[CT_MAX];

    if (b->version == 3) {
        struct bulk_aead *a = bulk_aead_new(k->payload);
        unsigned char nonce[BULK_NONCEBYTES];

        for (i = 0; i < nchunks; i++) {
            size_t n = pt->len - i * CHUNK_LEN < CHUNK_LEN ? pt->len - i * CHUNK_LEN : CHUNK_LEN;
            int last = i + 1 == nchunks;

            bundle_nonce(nonce, i, (last && !b->last_not_final) || (i == 0 && b->first_final));
            bulk_aead_seal(a, ct, pt->p + i * CHUNK_LEN, n, nonce);
            put(out, ct, n + CHUNK_ABYTES);
        }
        bulk_aead_free(a);
        return;
    }
    for (i = 0; i < nchunks; i++) {
        size_t n = pt->len - i * CHUNK_LEN < CHUNK_LEN ? pt->len - i * CHUNK_LEN : CHUNK_LEN;
        int last = i + 1 == nchunks;
        unsigned char tag = last && !b->last_not_final
                            ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                            : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;

        if (i == 0 && b->v2_tag != 0)
            tag = (unsigned char)b->v2_tag;
        crypto_secretstream_xchacha20poly1305_push(ss, ct, NULL, pt->p + i * CHUNK_LEN,
                                                   n, NULL, 0, tag);
        put(out, ct, n + V2_ABYTES);
    }
}

/* The bundle of b, binary, into out. */
static void build(struct buf *out, const struct build *b)
{
    struct bundle_keys k;
    struct buf pt = { 0 }, s2 = { 0 }, tmp = { 0 }, tmp2 = { 0 };
    unsigned char hdr[HEADER_MAX + 72 * STANZA_LEN], signhdr[sizeof hdr], sig[64];
    unsigned char spk[32], ssk[64];
    crypto_secretstream_xchacha20poly1305_state ss;
    size_t slen = b->nst * STANZA_LEN, hlen, i;

    sign_keys(spk, ssk, b->signer ? b->signer : 3);
    randombytes_buf(k.file, sizeof k.file);
    bundle_derive(&k, b->version);
    for (i = 0; i < b->nst; i++) {
        unsigned char bit;

        crypto_box_seal(hdr + i * STANZA_LEN, k.file, sizeof k.file, b->st[i]);
        randombytes_buf(&bit, 1);
        if (b->topbit == 1 || (b->topbit == 2 && (bit & 0x80)))
            hdr[i * STANZA_LEN + 31] |= 0x80;
    }
    crypto_generichash(hdr + slen, COMMIT_LEN, hdr, slen, k.commit, sizeof k.commit);
    hlen = slen + COMMIT_LEN;
    if (b->version == 2) {       /* the stream header ends the v2 header */
        crypto_secretstream_xchacha20poly1305_init_push(&ss, hdr + hlen, k.payload);
        hlen += V2_SSHEADER;
    }
    put(out, hdr, hlen);
    memcpy(signhdr, hdr, hlen);
    if (b->sign_topbit_cleared)
        for (i = 0; i < b->nst; i++)
            signhdr[i * STANZA_LEN + 31] &= 0x7f;
    prefix(&pt, b, spk);
    put(&s2, pt.p, pt.len);
    segments(&pt, &s2, b, b->seg ? b->seg : SEGMENT_MAX, b->seg_over);
    if (b->sign_seg) {
        prefix(&tmp, b, spk);
        put(&tmp2, tmp.p, tmp.len);
        segments(&tmp, &tmp2, b, b->sign_seg, 0);
        sign(sig, b, signhdr, hlen, &tmp, &tmp2, ssk);
    } else {
        sign(sig, b, signhdr, hlen, &pt, &s2, ssk);
    }
    if (b->sig_flip)
        sig[10] ^= 0x01;
    put(&pt, sig, sizeof sig);
    if (b->pt_cut >= 0) {
        pt.len = (size_t)b->pt_cut;
    } else if (b->pad != 2) {
        uint64_t want = bundle_padded_plen(b->version, hlen, pt.len);

        if (b->pad == 1)
            want = bundle_padded_plen(b->version, hlen, want + 1);
        if (want == pt.len && b->pad != 0)
            die("a padding case without padding");
        while (pt.len < want) {
            unsigned char z = (unsigned char)b->pad_byte;

            put(&pt, &z, 1);
        }
    }
    seal_chunks(out, b, &k, &ss, &pt);
    free(pt.p);
    free(s2.p);
    free(tmp.p);
    free(tmp2.p);
    sodium_memzero(&k, sizeof k);
}

/* ---- armor ---- */

/* base64 of p, in lines of cols characters ended by eol. */
static void armor(struct buf *out, const unsigned char *p, size_t n, size_t cols,
                  const char *eol)
{
    size_t tlen = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
    char *t = malloc(tlen);

    if (t == NULL)
        die("out of memory");
    sodium_bin2base64(t, tlen, p, n, sodium_base64_VARIANT_ORIGINAL);
    tlen = strlen(t);
    putf(out, "%s%s", ARMOR_BEGIN, eol);
    for (size_t i = 0; i < tlen; i += cols) {
        put(out, t + i, tlen - i < cols ? tlen - i : cols);
        puts_(out, eol);
    }
    putf(out, "%s%s", ARMOR_END, eol);
    free(t);
}

/* ---- writing the kit ---- */

static const char *kit_dir;
static int kit_count;

static void hexs(char *out, const unsigned char *p, size_t n)
{
    sodium_bin2hex(out, n * 2 + 1, p, n);
}

static void emit(const char *name, const char *expect, const struct buf *body)
{
    char path[4096];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s.kit", kit_dir, name);
    f = fopen(path, "wb");
    if (f == NULL || fprintf(f, "intake-testkit-1 %s\n", expect) < 0 ||
        (body->len > 0 && fwrite(body->p, body->len, 1, f) != 1) || fclose(f) != 0)
        die("cannot write a kit file");
    kit_count++;
}

/* A case that must open: the expectation names the content's SHA-256. */
static void ok_case(const char *name, unsigned key, unsigned version, unsigned signer,
                    const struct buf *content, const struct buf *body)
{
    unsigned char h[32], spk[32], ssk[64];
    char hx[65], sx[65], line[512];

    crypto_hash_sha256(h, content->p, content->len);
    sign_keys(spk, ssk, signer ? signer : 3);
    hexs(hx, h, 32);
    hexs(sx, spk, 32);
    snprintf(line, sizeof line, "key=%02x expect=ok version=%u sender=%s sha256=%s",
             key, version, sx, hx);
    emit(name, line, body);
}

static void fail_case(const char *name, unsigned key, int code, const char *error,
                      const struct buf *body)
{
    char line[256];

    snprintf(line, sizeof line, "key=%02x expect=fail exit=%d error=%s", key, code, error);
    emit(name, line, body);
}

/* Builds b (after seeding by name) and writes it as a case. */
static void bcase(const char *name, const struct build *b, unsigned key, int code,
                  const char *error)
{
    struct buf out = { 0 };

    det_reset(name);
    build(&out, b);
    if (code == 0)
        ok_case(name, key, b->version, b->signer, b->content, &out);
    else
        fail_case(name, key, code, error, &out);
    free(out.p);
}

static void buf_free(struct buf *b)
{
    free(b->p);
    memset(b, 0, sizeof *b);
}

static void mkcontent(struct buf *c, size_t n)
{
    buf_free(c);
    std_content(c, n);
}

static void name_fmt(char *out, size_t cap, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(out, cap, fmt, ap);
    va_end(ap);
}

/* Valid bundles: both versions, sizes, recipients, top bits, segments. */
static void valid_cases(void)
{
    static const size_t sizes[] = { 0, 1, 100, 1000, 65000, 65536, 70000, 140000 };
    static const unsigned r2[] = { 1, 2 }, r3[] = { 5, 1, 4 };
    unsigned r64[64];
    struct buf c = { 0 };
    char name[128];

    for (unsigned v = 2; v <= 3; v++) {
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            struct build b;

            mkcontent(&c, sizes[i]);
            b = defaults(&c, v);
            name_fmt(name, sizeof name, "v%u-ok-blob-%zu", v, sizes[i]);
            bcase(name, &b, 1, 0, NULL);
        }
        mkcontent(&c, 100);
        for (int t = 0; t <= 1; t++) {
            struct build b = defaults(&c, v);

            recipients(&b, r2, 2);
            b.topbit = t;
            name_fmt(name, sizeof name, "v%u-ok-topbit-%s", v, t ? "set" : "clear");
            bcase(name, &b, 2, 0, NULL);
        }
        {
            struct build b = defaults(&c, v);

            recipients(&b, r3, 3);
            name_fmt(name, sizeof name, "v%u-ok-3-recipients-key-04", v);
            bcase(name, &b, 4, 0, NULL);
            name_fmt(name, sizeof name, "v%u-ok-3-recipients-key-05", v);
            bcase(name, &b, 5, 0, NULL);
            name_fmt(name, sizeof name, "v%u-fail-3-recipients-outsider", v);
            bcase(name, &b, 9, 1, "not-addressed");
        }
        for (unsigned i = 0; i < 64; i++)
            r64[i] = 16 + i;
        {
            struct build b = defaults(&c, v);

            recipients(&b, r64, 64);
            name_fmt(name, sizeof name, "v%u-ok-64-recipients-first", v);
            bcase(name, &b, 16, 0, NULL);
            name_fmt(name, sizeof name, "v%u-ok-64-recipients-last", v);
            bcase(name, &b, 79, 0, NULL);
        }
        static const size_t segs[] = { 1, 7, 1000, 65535 };
        for (size_t i = 0; i < sizeof segs / sizeof segs[0]; i++) {
            struct build b;

            mkcontent(&c, segs[i] > 1000 ? 70000 : 300);
            b = defaults(&c, v);
            b.seg = segs[i];
            name_fmt(name, sizeof name, "v%u-ok-segments-of-%zu", v, segs[i]);
            bcase(name, &b, 1, 0, NULL);
        }
        {
            struct build b;

            buf_free(&c);
            b = defaults(&c, v);
            name_fmt(name, sizeof name, "v%u-fail-content-empty", v);
            bcase(name, &b, 1, 2, "content-no-header");
        }
        {
            struct build b;

            mkcontent(&c, 100);
            b = defaults(&c, v);
            b.signer = 4;
            name_fmt(name, sizeof name, "v%u-ok-other-sender", v);
            bcase(name, &b, 1, 0, NULL);
        }
    }
    buf_free(&c);
}

/* The smallest content size whose PADME length falls in the gap after a
 * full chunk, so that the next PADME length is used: with 50 recipients,
 * the first bundles this happens to (docs/FORMAT.md, "Padding"). */
#define GAP_RECIPIENTS 50
static size_t next_padme_size(unsigned v)
{
    struct buf c = { 0 };
    size_t base;

    std_content(&c, 0);
    base = c.len;
    buf_free(&c);
    for (size_t n = 60000; n < 300000; n++) {
        /* The size is written twice, as decimal digits. */
        size_t digits = (size_t)snprintf(NULL, 0, "%zu", n), clen = base + n + 2 * (digits - 1);
        uint64_t p0, hlen = GAP_RECIPIENTS * STANZA_LEN + bundle_header_tail(v), plen;

        p0 = 34 + 32 * GAP_RECIPIENTS + 4 * ((clen + SEGMENT_MAX - 1) / SEGMENT_MAX) + clen + 4 + 64;
        if (bundle_plen_for(&plen, v, hlen, bundle_padme(bundle_file_len(v, hlen, p0))) != 0) {
            std_content(&c, n);
            if (c.len != clen)
                die("the content length formula is wrong");
            free(c.p);
            return n;
        }
    }
    die("no size reaches the PADME gap");
    return 0;
}

/* Rules of the plaintext and the padding. */
static void rule_cases(void)
{
    struct buf c = { 0 };
    char name[128];
    static const unsigned r2[] = { 1, 2 }, r3[] = { 1, 2, 3 };

    for (unsigned v = 2; v <= 3; v++) {
        struct build b;
        struct keypair k1, k2, k3;

        box_keys(&k1, 1);
        box_keys(&k2, 2);
        box_keys(&k3, 3);
        mkcontent(&c, 100);
#define CASE(label, key, code, err) do { \
        name_fmt(name, sizeof name, "v%u-%s", v, label); \
        bcase(name, &b, key, code, err); } while (0)
        b = defaults(&c, v);
        b.vbyte = 4;
        CASE("fail-version-byte-4", 1, 2, "unsupported-version");
        b = defaults(&c, v);
        b.vbyte = v == 3 ? 2 : 3;
        CASE("fail-version-byte-other", 1, 2, "version-mismatch");
        b = defaults(&c, v);
        recipients(&b, r2, 2);
        b.count = 1;
        CASE("fail-count-below", 1, 1, "recipient-count");
        b = defaults(&c, v);
        recipients(&b, r2, 2);
        b.count = 3;
        memcpy(b.list[2], k3.pk, 32);
        b.nlist = 3;
        CASE("fail-count-above", 1, 1, "recipient-count");
        /* The list out of order, the stanzas sorted. */
        b = defaults(&c, v);
        recipients(&b, r2, 2);
        memcpy(b.list[0], b.st[1], 32);
        memcpy(b.list[1], b.st[0], 32);
        CASE("fail-list-out-of-order", 1, 2, "recipients-unsorted");
        /* A key listed twice (and sealed to twice). */
        b = defaults(&c, v);
        b.nst = b.nlist = 2;
        memcpy(b.st[1], b.st[0], 32);
        memcpy(b.list[1], b.list[0], 32);
        CASE("fail-list-repeated", 1, 2, "recipients-unsorted");
        /* The stanzas out of order: a reader cannot tell (sealed). */
        b = defaults(&c, v);
        recipients(&b, r3, 3);
        memcpy(b.st[0], b.list[2], 32);
        memcpy(b.st[2], b.list[0], 32);
        CASE("ok-stanzas-out-of-order", 2, 0, NULL);
        /* This store sealed to but not in the signed list (re-sealed). */
        b = defaults(&c, v);
        recipients(&b, r2, 2);
        memcpy(b.st[1], k3.pk, 32);
        bundle_sort_keys(b.st, 2);
        CASE("fail-resealed", 3, 1, "resealed");
        /* The signature over the stanzas with the top bit cleared. */
        b = defaults(&c, v);
        b.topbit = 1;
        b.sign_topbit_cleared = 1;
        CASE("fail-signed-topbit-cleared", 1, 1, "bad-signature");
        /* The same content cut into other segments than the signed ones. */
        mkcontent(&c, 3000);
        b = defaults(&c, v);
        b.seg = 1000;
        b.sign_seg = 2000;
        CASE("fail-segments-recut", 1, 1, "bad-signature");
        b = defaults(&c, v);
        b.seg_over = 1;
        CASE("fail-segment-too-long", 1, 2, "segment-too-long");
        mkcontent(&c, 100);
        b = defaults(&c, v);
        b.sig_flip = 1;
        CASE("fail-signature-flipped", 1, 1, "bad-signature");
        /* Padding. */
        b = defaults(&c, v);
        b.pad = 1;
        CASE("fail-padding-next-padme", 1, 2, "padding-length");
        b = defaults(&c, v);
        b.pad = 2;
        CASE("fail-padding-none", 1, 2, "padding-length");
        b = defaults(&c, v);
        b.pad_byte = 1;
        CASE("fail-padding-not-zero", 1, 2, "padding-not-zero");
        mkcontent(&c, next_padme_size(v));
        b = defaults(&c, v);
        {
            unsigned seeds[GAP_RECIPIENTS];

            for (unsigned i = 0; i < GAP_RECIPIENTS; i++)
                seeds[i] = 16 + i;
            recipients(&b, seeds, GAP_RECIPIENTS);
        }
        CASE("ok-padme-gap-next-length", 16, 0, NULL);
        /* The plaintext ends inside each field before the signature. */
        mkcontent(&c, 100);
        {
            static const struct { const char *field; long at; } cuts[] = {
                { "sender", 10 }, { "count", 33 },
                { "recipients", 50 }, { "segment-length", 68 },
                { "segment-data", 200 }, { "zero-length", 0 }, { "signature", 0 },
            };
            size_t clen = c.len;
            long zero = (long)(66 + 4 + clen);

            for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
                b = defaults(&c, v);
                b.pt_cut = cuts[i].at;
                if (strcmp(cuts[i].field, "zero-length") == 0)
                    b.pt_cut = zero + 2;
                if (strcmp(cuts[i].field, "signature") == 0)
                    b.pt_cut = zero + 4 + 63;
                name_fmt(name, sizeof name, "v%u-fail-plaintext-ends-in-%s", v,
                         cuts[i].field);
                bcase(name, &b, 1, 2, "ends-before-signature");
            }
        }
        /* Chunk flags. */
        mkcontent(&c, 100);
        b = defaults(&c, v);
        b.last_not_final = 1;
        CASE("fail-last-chunk-not-final-short", 1, 1,
             v == 3 ? "truncated" : "final-chunk-missing");
        mkcontent(&c, 70000);
        b = defaults(&c, v);
        b.last_not_final = 1;
        CASE("fail-last-chunk-not-final", 1, 1,
             v == 3 ? "truncated" : "final-chunk-missing");
        if (v == 3) {
            b = defaults(&c, v);
            b.first_final = 1;
            CASE("fail-first-chunk-final", 1, 1, "data-appended");
        } else {
            b = defaults(&c, v);
            b.v2_tag = crypto_secretstream_xchacha20poly1305_TAG_PUSH;
            CASE("fail-chunk-tag-push", 1, 2, "unexpected-chunk");
            b = defaults(&c, v);
            b.v2_tag = crypto_secretstream_xchacha20poly1305_TAG_FINAL;
            CASE("fail-first-chunk-final", 1, 1, "data-appended");
        }
#undef CASE
    }
    buf_free(&c);
}

/* Content rules: each refusal with a good signature (the content's
 * error) and with a bad one (the signature's: it is checked first).
 * Version 2 checks blobs against their attachment items as they stream,
 * before the signature: v2code, v2err (v2code < 0: as version 3). */
static void content_case(const char *label, const struct buf *c, int code,
                         const char *error, int v2code, const char *v2err)
{
    char name[128];

    for (unsigned v = 2; v <= 3; v++)
        for (int flip = 0; flip <= 1; flip++) {
            struct build b = defaults(c, v);
            int want = flip ? 1 : code;
            const char *err = flip ? "bad-signature" : error;

            if (v == 2 && v2code >= 0) {
                want = v2code;
                err = v2err;
            }
            b.sig_flip = flip;
            name_fmt(name, sizeof name, "v%u-%s-%s%s", v, want ? "fail" : "ok", label,
                     flip ? "-bad-signature" : "");
            bcase(name, &b, 1, want, err);
        }
}

/* An attachment item of record RECORD_ID: hash hex, file name, size. */
static void att_item(struct buf *c, const char *hex, const char *file, size_t size)
{
    char s[512];

    snprintf(s, sizeof s, "{\"blake2b\":\"%s\",\"file\":\"%s\",\"metadata\":\"kept\","
             "\"record\":\"" RECORD_ID "\",\"size\":%zu,\"type\":\"text/plain\"}",
             hex, file, size);
    item_s(c, PAYLOAD_ATTACHMENT, s);
}

/* Content format 2 (issue 16): a record carries its subject's stable id
 * and the full consent scope, seven members. */
static void content2_cases(struct buf *c)
{
#define SCOPE(extra, method) "{\"attachments\":false,\"embargo\":null," extra \
    "\"export\":true,\"method\":" method ",\"publish\":false,\"quote\":true," \
    "\"recorded\":\"2026-01-02T03:04:05Z\"}"
#define SUBJECT "\"fedcba9876543210\""
    static const struct {
        const char *label, *subject, *consent;
    } cases[] = {
        { "content2-record", SUBJECT, SCOPE("", "\"written\"") },
        { "content2-record-method-null", SUBJECT, SCOPE("", "null") },
        { "content2-subject-missing", NULL, SCOPE("", "\"verbal\"") },
        { "content2-subject-bad", "\"FEDCBA9876543210\"", SCOPE("", "\"verbal\"") },
        { "content2-consent-missing", SUBJECT, NULL },
        { "content2-consent-extra-member", SUBJECT, SCOPE("\"extra\":1,", "\"verbal\"") },
        { "content2-consent-bad-method", SUBJECT, SCOPE("", "\"nodded\"") },
        { "content2-consent-not-boolean", SUBJECT,
          "{\"attachments\":0,\"embargo\":null,\"export\":true,\"method\":null,"
          "\"publish\":false,\"quote\":true,\"recorded\":\"2026-01-02\"}" },
        { "content2-consent-bad-embargo", SUBJECT,
          "{\"attachments\":false,\"embargo\":\"2026-1-2\",\"export\":true,\"method\":null,"
          "\"publish\":false,\"quote\":true,\"recorded\":\"2026-01-02\"}" },
    };
#undef SCOPE
#undef SUBJECT

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int ok = i < 2;

        buf_free(c);
        header_fmt(c, 2, 1);
        record2_item(c, cases[i].subject, cases[i].consent);
        content_case(cases[i].label, c, ok ? 0 : 2, ok ? NULL : "content-record", -1, NULL);
    }
}

/* Content format 3 (issue 16): the header's notices, one case a rule. */
static void content3_cases(struct buf *c)
{
#define N(kind, subject, record, day) "{\"day\":" day ",\"kind\":" kind \
    ",\"record\":" record ",\"subject\":" subject "}"
#define S "\"fedcba9876543210\""
    static const struct {
        const char *label, *notices;
    } cases[] = {
        { "content3-notices-none", "[]" },
        { "content3-notices", "[" N("\"withdrawal\"", S, "null", "\"2026-01-02\"") ","
          N("\"deletion\"", S, "\"0123456789abcdef\"", "\"2026-01-03\"") "]" },
        { "content3-notices-missing", NULL },
        { "content3-notices-not-list", "{}" },
        { "content3-notice-bad-kind", "[" N("\"erasure\"", S, "null", "\"2026-01-02\"") "]" },
        { "content3-notice-bad-subject", "[" N("\"deletion\"", "\"Nari\"", "null",
          "\"2026-01-02\"") "]" },
        { "content3-notice-bad-record", "[" N("\"deletion\"", S, "\"0123\"", "\"2026-01-02\"") "]" },
        { "content3-notice-bad-day", "[" N("\"deletion\"", S, "null", "\"2026-1-2\"") "]" },
        { "content3-notice-extra-member", "[{\"day\":\"2026-01-02\",\"kind\":\"deletion\","
          "\"name\":\"Kim\",\"record\":null,\"subject\":" S "}]" },
    };
#undef N
#undef S

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char h[2048], s[1024];
        int ok = i < 2;

        snprintf(s, sizeof s, HEADER_JSON, 3, 0);
        s[strlen(s) - 1] = '\0';        /* the closing brace */
        if (cases[i].notices != NULL)
            snprintf(h, sizeof h, "%s,\"notices\":%s}", s, cases[i].notices);
        else
            snprintf(h, sizeof h, "%s}", s);
        buf_free(c);
        item_s(c, PAYLOAD_JSON, h);
        content_case(cases[i].label, c, ok ? 0 : 2, ok ? NULL : "content-notice", -1, NULL);
    }
}

/* Content format 7 (issue 16): a withdrawal or deletion passed on names
 * its origin, {key: 64 lowercase hex digits, subject: an id}, a withdrawal
 * of the whole subject with the origin's round too; in format 6, or
 * malformed, it is a bad notice. The ok cases first. */
static void content7_cases(struct buf *c)
{
#define KEY "\"ca93ac1705187071d67b83c7ff0efe8108e8ec4530575d7726879333dbdabe7c\""
#define O(key, subject) "{\"key\":" key ",\"subject\":" subject "}"
#define OR(key, subject, round) "{\"key\":" key ",\"round\":" round ",\"subject\":" subject "}"
#define N(kind, record, origin) "{\"day\":\"2026-01-02\",\"kind\":" kind \
    ",\"origin\":" origin ",\"record\":" record ",\"subject\":\"fedcba9876543210\"}"
#define S "\"3kq8w1dz0v7m5xrt\""
    static const struct {
        const char *label, *notices;
        int format;
    } cases[] = {
        { "content7-notices-origin", "[" N("\"withdrawal\"", "null", O(KEY, S)) ","
          N("\"deletion\"", "\"0123456789abcdef\"", O(KEY, S)) "]", 7 },
        { "content7-origin-round", "[" N("\"withdrawal\"", "null", OR(KEY, S, "2")) "]", 7 },
        { "content7-origin-in-format-6", "[" N("\"deletion\"", "null", O(KEY, S)) "]", 6 },
        { "content7-origin-bad-key", "[" N("\"deletion\"", "null",
          O("\"CA93AC1705187071D67B83C7FF0EFE8108E8EC4530575D7726879333DBDABE7C\"", S)) "]", 7 },
        { "content7-origin-bad-subject", "[" N("\"deletion\"", "null", O(KEY, "\"Nari\"")) "]",
          7 },
        { "content7-origin-extra-member", "[" N("\"deletion\"", "null",
          "{\"day\":\"2026-01-02\",\"key\":" KEY ",\"subject\":" S "}") "]", 7 },
        { "content7-origin-not-object", "[" N("\"deletion\"", "null", KEY) "]", 7 },
        /* the origin's round: a withdrawal of the whole subject only */
        { "content7-origin-round-on-deletion", "[" N("\"deletion\"", "null",
          OR(KEY, S, "2")) "]", 7 },
        { "content7-origin-round-on-record", "[" N("\"withdrawal\"", "\"0123456789abcdef\"",
          OR(KEY, S, "2")) "]", 7 },
        { "content7-origin-round-zero", "[" N("\"withdrawal\"", "null", OR(KEY, S, "0")) "]", 7 },
    };
#undef N
#undef O
#undef OR
#undef S
#undef KEY

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char h[2048], s[1024];
        int ok = i < 2;

        snprintf(s, sizeof s, HEADER_JSON, cases[i].format, 0);
        s[strlen(s) - 1] = '\0';        /* the closing brace */
        snprintf(h, sizeof h, "%s,\"notices\":%s}", s, cases[i].notices);
        buf_free(c);
        item_s(c, PAYLOAD_JSON, h);
        content_case(cases[i].label, c, ok ? 0 : 2, ok ? NULL : "content-notice", -1, NULL);
    }
}

static void content_cases(void)
{
    struct buf c = { 0 };
    char hex[65], xhex[65];
    unsigned char one = 'x';

#define RESET() buf_free(&c)
    hash_hex(hex, (const unsigned char *)"abcdefghij", 10);
    hash_hex(xhex, &one, 1);
    RESET(); item_s(&c, PAYLOAD_JSON, "{\"format\":");
    content_case("content-header-not-json", &c, 2, "content-invalid-json", -1, NULL);
    RESET(); item_s(&c, PAYLOAD_JSON, "{\"format\":\"intake-content-9\"}");
    content_case("content-format-unknown", &c, 2, "content-format", -1, NULL);
    content2_cases(&c);
    content3_cases(&c);
    content7_cases(&c);
    RESET(); item_s(&c, PAYLOAD_JSON, "{\"records\":0}");
    content_case("content-format-missing", &c, 2, "content-format", -1, NULL);
    RESET(); item_s(&c, PAYLOAD_JSON,
                    "{\"format\":\"intake-content-1\",\"format\":\"intake-content-1\"}");
    content_case("content-duplicate-key", &c, 2, "content-invalid-json", -1, NULL);
    RESET(); header_item(&c, 5);
    record_item(&c, RECORD_ID, "Kit record", -1, NULL);
    content_case("content-records-count-not-checked", &c, 0, NULL, -1, NULL);
    RESET(); header_item(&c, 1);
    record_item(&c, "0123456789ABCDEF", "Kit record", -1, NULL);
    content_case("content-record-id", &c, 2, "content-record", -1, NULL);
    RESET(); header_item(&c, 1);
    record_item(&c, RECORD_ID, "Kit\\u0007record", -1, NULL);
    content_case("content-record-control-character", &c, 2, "content-record", -1, NULL);
    RESET(); header_item(&c, 1);
    record_item(&c, RECORD_ID, "Kit record", 10, hex);
    attachment(&c, "0123456789abcdeg", 10, NULL);
    content_case("content-attachment-other-record", &c, 2, "content-attachment-record", -1, NULL);
    RESET(); header_item(&c, 0);
    attachment(&c, RECORD_ID, 10, NULL);
    content_case("content-attachment-before-record", &c, 2, "content-attachment-record", -1, NULL);
    RESET(); header_item(&c, 1);
    record_item(&c, RECORD_ID, "Kit record", 10, hex);
    item_s(&c, PAYLOAD_ATTACHMENT, "{\"blake2b\":\"00\",\"file\":\"attachment-1.txt\","
           "\"record\":\"" RECORD_ID "\",\"size\":1,\"type\":\"text/plain\"}");
    item(&c, PAYLOAD_BLOB, &one, 1);
    content_case("content-attachment-bad-hash", &c, 2, "content-attachment", 2,
                 "content-attachment");
    RESET(); header_item(&c, 1);
    record_item(&c, RECORD_ID, "Kit record", 10, hex);
    att_item(&c, xhex, "../secret.txt", 1);
    item(&c, PAYLOAD_BLOB, &one, 1);
    content_case("content-attachment-bad-name", &c, 2, "content-attachment", -1, NULL);
    RESET(); header_item(&c, 1);
    record_item(&c, RECORD_ID, "Kit record", 10, hex);
    att_item(&c, xhex, "attachment-1.txt", 2);
    item(&c, PAYLOAD_BLOB, &one, 1);
    content_case("content-blob-size-differs", &c, 2, "content-blob-size", -1, NULL);
    RESET(); header_item(&c, 1);
    record_item(&c, RECORD_ID, "Kit record", 10, hex);
    att_item(&c, xhex, "attachment-1.txt", 1);
    content_case("content-attachment-without-blob", &c, 2, "payload-order", -1, NULL);
    RESET(); header_item(&c, 1);
    item(&c, PAYLOAD_BLOB, &one, 1);
    content_case("content-blob-without-attachment", &c, 2, "payload-order", 1,
                 "blob-altered");
    RESET(); header_item(&c, 1);
    item(&c, 4, &one, 1);
    content_case("content-item-type-4", &c, 2, "payload-unknown-type", -1, NULL);
    RESET(); header_item(&c, 1);
    item(&c, 0, &one, 1);
    content_case("content-item-type-0", &c, 2, "payload-unknown-type", -1, NULL);
    RESET(); header_item(&c, 1);
    item(&c, PAYLOAD_JSON, "{", 1);
    content_case("content-json-item-of-1-byte", &c, 2, "payload-empty-json", -1, NULL);
    {
        unsigned char h[9];

        RESET(); header_item(&c, 1);
        h[0] = PAYLOAD_JSON;
        le64(h + 1, PAYLOAD_JSON_MAX + 1);
        put(&c, h, 9);
        content_case("content-json-item-over-64-MiB", &c, 2, "payload-too-long", -1, NULL);
        RESET(); header_item(&c, 1);
        record_item(&c, RECORD_ID, "Kit record", 10, hex);
        h[0] = PAYLOAD_ATTACHMENT;
        le64(h + 1, PAYLOAD_ATTACHMENT_MAX + 1);
        put(&c, h, 9);
        content_case("content-attachment-item-over-64-KiB", &c, 2, "payload-too-long", 2,
                     "payload-too-long");
        RESET(); header_item(&c, 1);
        h[0] = PAYLOAD_JSON;
        le64(h + 1, 100);
        put(&c, h, 9);
        put(&c, "{\"a\":1}", 7);
        content_case("content-item-cut-short", &c, 2, "payload-cut", -1, NULL);
        RESET(); header_item(&c, 1);
        put(&c, h, 5);
        content_case("content-item-header-cut-short", &c, 2, "payload-cut", -1, NULL);
    }
    buf_free(&c);
#undef RESET
}

/* Cuts, appends and flips of whole valid files: of a small bundle (one
 * chunk), of one of two chunks (the first whole), of one of three. */
static void base_bundle(struct buf *out, struct buf *c, unsigned v, size_t size,
                        const char *label)
{
    static const unsigned r2[] = { 1, 2 };
    struct build b;
    char name[64];

    mkcontent(c, size);
    b = defaults(c, v);
    recipients(&b, r2, 2);
    name_fmt(name, sizeof name, "v%u-%s", v, label);
    det_reset(name);
    buf_free(out);
    build(out, &b);
}

static void file_cases(void)
{
    struct buf c = { 0 }, base[3] = { { 0 } }, x = { 0 };
    char name[128];
    struct keypair kp;
    unsigned k0, k1;

    for (unsigned v = 2; v <= 3; v++) {
        size_t ctlen = CHUNK_LEN + bundle_abytes(v);
        size_t hl2 = 2 * STANZA_LEN + bundle_header_tail(v);

        base_bundle(&base[0], &c, v, 100, "small");
        base_bundle(&base[1], &c, v, 70000, "two-chunks");
        base_bundle(&base[2], &c, v, 140000, "three-chunks");
        /* The reader's key: k0's stanza comes first (sorted), k1's second. */
        box_keys(&kp, 1);
        {
            unsigned char st[STANZA_LEN], fk[32];

            memcpy(st, base[0].p, sizeof st);
            st[31] &= 0x7f;
            k0 = crypto_box_seal_open(fk, st, sizeof st, kp.pk, kp.sk) == 0 ? 1 : 2;
            k1 = 3 - k0;
        }
        {
            const struct { const char *label; int of; long at; const char *err; int code; }
            cuts[] = {
                { "empty", 0, 0, "too-short", 2 },
                { "in-first-stanza", 0, 40, "too-short", 2 },
                { "below-minimum", 0, STANZA_LEN + COMMIT_LEN + CHUNK_ABYTES, "too-short", 2 },
                { "in-second-stanza", 0, 150, "commitment-mismatch", 1 },
                { "in-commitment", 0, 2 * STANZA_LEN + 10, "commitment-mismatch", 1 },
                { "after-header", 0, (long)hl2, "final-chunk-missing", 1 },
                { "in-only-chunk", 0, -100, "truncated", 1 },
                { "last-byte", 0, -1, "truncated", 1 },
                { "in-first-chunk", 1, (long)hl2 + 1000, "truncated", 1 },
                { "at-chunk-boundary", 1, (long)(hl2 + ctlen), "final-chunk-missing", 1 },
                { "in-last-chunk-tag", 1, -5, "truncated", 1 },
                { "at-second-chunk-boundary", 2, (long)(hl2 + 2 * ctlen), "final-chunk-missing",
                  1 },
            };

            for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
                const struct buf *o = &base[cuts[i].of];
                size_t at = cuts[i].at < 0 ? o->len - (size_t)-cuts[i].at : (size_t)cuts[i].at;

                buf_free(&x);
                put(&x, o->p, at);
                name_fmt(name, sizeof name, "v%u-fail-cut-%s", v, cuts[i].label);
                fail_case(name, k0, cuts[i].code, cuts[i].err, &x);
            }
            /* One byte: binary (a NUL), or text (a letter). */
            buf_free(&x);
            put(&x, "", 1);
            name_fmt(name, sizeof name, "v%u-fail-cut-1-byte", v);
            fail_case(name, k0, 2, "too-short", &x);
            buf_free(&x);
            put(&x, "A", 1);
            name_fmt(name, sizeof name, "v%u-fail-1-letter", v);
            fail_case(name, k0, 2, "armor-no-begin", &x);
            if (v == 2) {
                /* The stream header cut: the header ends inside it. */
                buf_free(&x);
                put(&x, base[0].p, hl2 - 10);
                name_fmt(name, sizeof name, "v%u-fail-cut-in-stream-header", v);
                fail_case(name, k0, 1, "commitment-mismatch", &x);
            }
        }
        {
            /* Enough to fill the last chunk makes it a whole chunk that is
             * not final: altered, not appended. */
            const struct { size_t n; int of; const char *err; } adds[] = {
                { 1, 0, "data-appended" }, { 16, 0, "data-appended" },
                { 17, 0, "data-appended" }, { 1000, 0, "data-appended" },
                { 65552, 1, "chunk-altered" },
            };

            for (size_t i = 0; i < sizeof adds / sizeof adds[0]; i++) {
                unsigned char *z = calloc(adds[i].n, 1);

                buf_free(&x);
                put(&x, base[adds[i].of].p, base[adds[i].of].len);
                put(&x, z, adds[i].n);
                free(z);
                name_fmt(name, sizeof name, "v%u-fail-appended-%zu", v, adds[i].n);
                fail_case(name, k0, 1, adds[i].err, &x);
            }
        }
        {
            /* A flipped stanza 0 is read with the key of stanza 1. */
            const struct { const char *label; int of; long at; unsigned char bit;
                           const char *err; unsigned key; } flips[] = {
                { "stanza-0-top-bit", 0, 31, 0x80, "commitment-mismatch", k0 },
                { "stanza-0", 0, 40, 1, "commitment-mismatch", k1 },
                { "stanza-0-own", 0, 40, 1, "not-addressed", k0 },
                { "stanza-1", 0, STANZA_LEN + 40, 1, "commitment-mismatch", k0 },
                { "commitment", 0, 2 * STANZA_LEN + 3, 1, "commitment-mismatch", k0 },
                { "only-chunk", 0, -50, 1, "truncated", k0 },
                { "first-chunk", 1, (long)hl2 + 5000, 1, "chunk-altered", k0 },
                { "first-chunk-tag", 1, (long)(hl2 + ctlen - 1), 1, "chunk-altered", k0 },
                { "last-chunk", 1, -50, 1, "truncated", k0 },
            };

            for (size_t i = 0; i < sizeof flips / sizeof flips[0]; i++) {
                const struct buf *o = &base[flips[i].of];
                size_t at = flips[i].at < 0 ? o->len - (size_t)-flips[i].at
                                            : (size_t)flips[i].at;

                buf_free(&x);
                put(&x, o->p, o->len);
                x.p[at] ^= flips[i].bit;
                name_fmt(name, sizeof name, "v%u-fail-flip-%s", v, flips[i].label);
                fail_case(name, flips[i].key, 1, flips[i].err, &x);
            }
            if (v == 2) {
                /* Not in the commitment: the first chunk does not open. */
                buf_free(&x);
                put(&x, base[0].p, base[0].len);
                x.p[hl2 - 5] ^= 1;
                name_fmt(name, sizeof name, "v%u-fail-flip-stream-header", v);
                fail_case(name, k0, 1, "truncated", &x);
            }
        }
        /* The first two chunks swapped; a chunk from another bundle. */
        buf_free(&x);
        put(&x, base[2].p, base[2].len);
        memcpy(x.p + hl2, base[2].p + hl2 + ctlen, ctlen);
        memcpy(x.p + hl2 + ctlen, base[2].p + hl2, ctlen);
        name_fmt(name, sizeof name, "v%u-fail-chunks-swapped", v);
        fail_case(name, k0, 1, "chunk-altered", &x);
        {
            struct buf other = { 0 };

            base_bundle(&other, &c, v, 70000, "other");
            buf_free(&x);
            put(&x, base[1].p, base[1].len);
            memcpy(x.p + hl2, other.p + hl2, ctlen);
            free(other.p);
            name_fmt(name, sizeof name, "v%u-fail-chunk-from-another-bundle", v);
            fail_case(name, k0, 1, "chunk-altered", &x);
        }
    }
    buf_free(&c);
    for (int i = 0; i < 3; i++)
        buf_free(&base[i]);
    buf_free(&x);
}

/* Version 2: a blob that differs from its signed hash; no hash. */
static void v2_cases(void)
{
    struct buf c = { 0 };
    struct build b;
    char bad[65];

    header_item(&c, 1);
    hash_hex(bad, (const unsigned char *)"not it", 6);
    record_item(&c, RECORD_ID, "Kit record", 10, bad);
    attachment(&c, RECORD_ID, 10, bad);
    b = defaults(&c, 2);
    bcase("v2-fail-blob-differs-from-signed-hash", &b, 1, 1, "blob-altered");
    b = defaults(&c, 3);
    bcase("v3-ok-blob-differs-from-stated-hash", &b, 1, 0, NULL);
    buf_free(&c);
    header_item(&c, 1);
    record_item(&c, RECORD_ID, "Kit record", 10, bad);
    item_s(&c, PAYLOAD_ATTACHMENT, "{\"file\":\"attachment-1.txt\",\"record\":\""
           RECORD_ID "\",\"size\":1,\"type\":\"text/plain\"}");
    item(&c, PAYLOAD_BLOB, "x", 1);
    b = defaults(&c, 2);
    bcase("v2-fail-attachment-without-hash", &b, 1, 2, "content-attachment");
    b = defaults(&c, 3);
    bcase("v3-fail-attachment-without-hash", &b, 1, 2, "content-attachment");
    buf_free(&c);
}

/* Armor: what the reader tolerates and what it refuses. */
static void armor_cases(void)
{
    static const struct { const char *label; size_t cols; const char *eol; } forms[] = {
        { "crlf", 64, "\r\n" }, { "bare-cr", 64, "\r" }, { "76-columns", 76, "\n" },
        { "4-columns", 4, "\n" }, { "one-line", 100000, "\n" }, { "blank-lines", 64, "\n\n" },
    };
    struct buf c = { 0 }, bin = { 0 }, a = { 0 }, x = { 0 };
    struct build b;

    std_content(&c, 100);
    for (unsigned v = 2; v <= 3; v++) {
        char name[128];

        b = defaults(&c, v);
        name_fmt(name, sizeof name, "v%u-armor", v);
        det_reset(name);
        buf_free(&bin);
        build(&bin, &b);
#define ACASE(label, body) do { name_fmt(name, sizeof name, "v%u-ok-armor-%s", v, label); \
        ok_case(name, 1, v, 0, &c, body); } while (0)
#define AFAIL(label, body, err) do { name_fmt(name, sizeof name, "v%u-fail-armor-%s", v, \
        label); fail_case(name, 1, 2, err, body); } while (0)
        buf_free(&a); armor(&a, bin.p, bin.len, 64, "\n");
        ACASE("lf", &a);
        for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
            buf_free(&x);
            armor(&x, bin.p, bin.len, forms[i].cols, forms[i].eol);
            ACASE(forms[i].label, &x);
        }
        buf_free(&x); puts_(&x, " \t\r\n\n  "); put(&x, a.p, a.len);
        ACASE("white-space-before-begin", &x);
        buf_free(&x); puts_(&x, "\xef\xbb\xbf"); put(&x, a.p, a.len);
        ACASE("utf8-byte-order-mark", &x);
        buf_free(&x); put(&x, a.p, a.len); puts_(&x, " \n\t\r\n  ");
        ACASE("white-space-after-end", &x);
        buf_free(&x); put(&x, a.p, a.len - 1);
        ACASE("no-line-break-after-end", &x);
        /* Refusals. */
        buf_free(&x); puts_(&x, "Here is the bundle:\n"); put(&x, a.p, a.len);
        AFAIL("text-before-begin", &x, "armor-text-before-begin");
        /* White space at the end of every line, as mail clients leave it. */
        buf_free(&x);
        for (size_t i = 0; i < a.len; i++) {
            if (a.p[i] == '\n')
                puts_(&x, i % 2 ? " \t " : "  ");
            put(&x, a.p + i, 1);
        }
        ACASE("white-space-at-line-ends", &x);
        buf_free(&x); puts_(&x, ARMOR_BEGIN " x\n"); put(&x, a.p + sizeof ARMOR_BEGIN,
                                                         a.len - sizeof ARMOR_BEGIN);
        AFAIL("text-after-begin", &x, "armor-begin-line");
        buf_free(&x); puts_(&x, "-----BEGIN INTAKE BUNDLE-----");
        AFAIL("begin-line-alone", &x, "armor-end-missing");
        buf_free(&x); put(&x, a.p, a.len - sizeof ARMOR_END);
        AFAIL("end-missing", &x, "armor-end-missing");
        buf_free(&x); puts_(&x, "this is a letter, not a bundle\n");
        AFAIL("plain-text", &x, "armor-no-begin");
        buf_free(&x); puts_(&x, "-----begin intake bundle-----\n"); put(&x, a.p + sizeof ARMOR_BEGIN,
                                                                    a.len - sizeof ARMOR_BEGIN);
        AFAIL("lower-case-begin", &x, "armor-no-begin");
        buf_free(&x);
        for (size_t i = 0; i < a.len; i++) {
            unsigned char u[2] = { a.p[i], 0 };

            if (i == 0)
                put(&x, "\xff\xfe", 2);
            put(&x, u, 2);
        }
        AFAIL("utf16le", &x, "armor-utf16");
        buf_free(&x);
        for (size_t i = 0; i < a.len; i++) {
            unsigned char u[2] = { 0, a.p[i] };

            put(&x, u, 2);
        }
        AFAIL("utf16be-no-mark", &x, "armor-utf16");
        buf_free(&x); put(&x, a.p, a.len); puts_(&x, "Sent from my phone\n");
        AFAIL("text-after-end", &x, "armor-after-end");
        buf_free(&x); put(&x, a.p, a.len - sizeof ARMOR_END);
        puts_(&x, "-----END INTAKE BUNDLE----\n");
        AFAIL("short-end-line", &x, "armor-dash-line");
        buf_free(&x); put(&x, a.p, a.len); x.p[sizeof ARMOR_BEGIN + 10] = '*';
        AFAIL("bad-character", &x, "armor-character");
        buf_free(&x); put(&x, a.p, a.len); x.p[sizeof ARMOR_BEGIN + 10] = ' ';
        AFAIL("space-in-line", &x, "armor-character");
        buf_free(&x); put(&x, a.p, a.len); x.p[sizeof ARMOR_BEGIN + 10] = '-';
        AFAIL("dash-in-line", &x, "armor-character");
        {
            /* The last base64 character dropped, or its low bits set. */
            size_t end = a.len - sizeof ARMOR_END - 1;   /* the last line's LF */

            buf_free(&x); put(&x, a.p, end - 1); put(&x, a.p + end, a.len - end);
            AFAIL("base64-cut-short", &x, "armor-cut");
            if (a.p[end - 1] == '=') {
                buf_free(&x); put(&x, a.p, end); puts_(&x, "\nAAAA");
                put(&x, a.p + end, a.len - end);
                AFAIL("base64-after-padding", &x, "armor-base64");
            }
            buf_free(&x); put(&x, a.p, a.len); x.p[sizeof ARMOR_BEGIN + 2] = '=';
            AFAIL("base64-invalid", &x, "armor-base64");
        }
        {
            /* Armor around a binary file that is not a bundle of this key. */
            buf_free(&x); armor(&x, bin.p, 100, 64, "\n");
            AFAIL("too-short-inside", &x, "too-short");
            buf_free(&x); put(&x, a.p, a.len);
            name_fmt(name, sizeof name, "v%u-fail-armor-not-addressed", v);
            fail_case(name, 9, 1, "not-addressed", &x);
        }
        {
            /* '=' ending the first 4096 base64 characters (one decoding
             * window of intake's reader), more text after it. */
            struct buf big = { 0 }, bc = { 0 };
            size_t k = 0;

            std_content(&bc, 5000);
            b = defaults(&bc, v);
            name_fmt(name, sizeof name, "v%u-armor-big", v);
            det_reset(name);
            build(&big, &b);
            buf_free(&x);
            armor(&x, big.p, big.len, 64, "\n");
            for (size_t i = sizeof ARMOR_BEGIN; i < x.len && k < 4096; i++)
                if (x.p[i] != '\n' && ++k >= 4095)
                    x.p[i] = '=';
            AFAIL("padding-inside", &x, "armor-base64");
            buf_free(&big);
            buf_free(&bc);
        }
#undef ACASE
#undef AFAIL
    }
    buf_free(&c);
    buf_free(&bin);
    buf_free(&a);
    buf_free(&x);
}

/* The kit's valid bundles equal what the real writer makes from the same
 * randomness: the builder here follows docs/FORMAT.md as intake does. */
static void writer_cases(void)
{
    struct buf c = { 0 }, mine = { 0 };
    static const size_t sizes[] = { 0, 100, 70000 };

    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned char spk[32], ssk[64];
        struct keypair k;
        struct bundle_writer *w;
        struct err e;
        struct build b;
        char name[64];
        int fd = memfd_create("kit", 0);
        off_t end;
        struct buf real = { 0 };

        mkcontent(&c, sizes[i]);
        name_fmt(name, sizeof name, "v3-ok-writer-%zu", sizes[i]);
        sign_keys(spk, ssk, 3);
        box_keys(&k, 1);
        det_reset(name);
        if (fd < 0 || bundle_writer_open(&w, fd, 0, ssk,
                (const unsigned char (*)[crypto_box_PUBLICKEYBYTES])k.pk, 1, &e) != 0 ||
            bundle_writer_write(w, c.p, c.len, &e) != 0 ||
            bundle_writer_close(w, NULL, &e) != 0)
            die("the writer failed");
        bundle_writer_free(w);
        end = lseek(fd, 0, SEEK_END);
        real.len = (size_t)end;
        real.p = malloc(real.len + 1);
        if (real.p == NULL || pread(fd, real.p, real.len, 0) != (ssize_t)real.len)
            die("cannot read the writer's bundle");
        close(fd);
        b = defaults(&c, 3);
        det_reset(name);
        buf_free(&mine);
        build(&mine, &b);
        if (mine.len != real.len || memcmp(mine.p, real.p, real.len) != 0)
            die("the kit's builder and bundle_write.c disagree");
        ok_case(name, 1, 3, 0, &c, &real);
        free(real.p);
    }
    buf_free(&c);
    buf_free(&mine);
}

/* ---- contact cards (docs/FORMAT.md, "Contact card") ---- */

static const char card_alphabet[] = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

static uint32_t polymod(const uint8_t *v, size_t n)
{
    static const uint32_t gen[5] = { 0x3b6a57b2u, 0x26508e6du, 0x1ea119fau,
                                     0x3d4233ddu, 0x2a1462b3u };
    uint32_t chk = 1;

    for (size_t i = 0; i < n; i++) {
        uint32_t top = chk >> 25;

        chk = ((chk & 0x1ffffffu) << 5) ^ v[i];
        for (int k = 0; k < 5; k++)
            if ((top >> k) & 1u)
                chk ^= gen[k];
    }
    return chk;
}

/* "INTAKE1", the payload p[0..n) in 5-bit groups (extra: that many more
 * zero groups; -1: a padding bit set), the Bech32m checksum; into out. */
static void card_text(struct buf *out, const unsigned char *p, size_t n, int extra)
{
    uint8_t v[600];
    size_t m = 0, hl = 6, d0;
    uint32_t acc = 0, chk;
    unsigned bits = 0;

    for (size_t i = 0; i < hl; i++)
        v[m++] = (uint8_t)("intake"[i] >> 5);
    v[m++] = 0;
    for (size_t i = 0; i < hl; i++)
        v[m++] = (uint8_t)("intake"[i] & 31);
    d0 = m;
    for (size_t i = 0; i < n; i++) {
        acc = acc << 8 | p[i];
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            v[m++] = (uint8_t)((acc >> bits) & 31u);
        }
    }
    if (bits > 0)
        v[m++] = (uint8_t)(((acc << (5 - bits)) & 31u) | (extra < 0 ? 1u : 0u));
    while (extra-- > 0)
        v[m++] = 0;
    memset(v + m, 0, 6);
    chk = polymod(v, m + 6) ^ 0x2bc830a3u;
    for (int i = 0; i < 6; i++)
        v[m + (size_t)i] = (uint8_t)((chk >> (5 * (5 - i))) & 31u);
    puts_(out, "INTAKE1");
    for (size_t i = d0; i < m + 6; i++)
        put(out, &card_alphabet[v[i]], 1);
}

/* A card payload: version, the keys of seeds, label (lablen: the length
 * byte written; -1: the label's length). */
static size_t card_payload(unsigned char *p, unsigned version, const unsigned char *spk,
                           const unsigned char *bpk, const char *label, int lablen)
{
    size_t n = strlen(label);

    p[0] = (unsigned char)version;
    memcpy(p + 1, spk, 32);
    memcpy(p + 33, bpk, 32);
    p[65] = (unsigned char)(lablen >= 0 ? (unsigned)lablen : n);
    memcpy(p + 66, label, n);
    return 66 + n;
}

static void card_case(const char *name, const struct buf *text, int code, const char *error,
                      const unsigned char *spk, const unsigned char *bpk, const char *label)
{
    char line[512], l[200], sx[65], bx[65];

    if (code == 0) {
        hexs(l, (const unsigned char *)label, strlen(label));
        hexs(sx, spk, 32);
        hexs(bx, bpk, 32);
        snprintf(line, sizeof line, "kind=card expect=ok label=%s sign=%s box=%s", l, sx, bx);
    } else {
        snprintf(line, sizeof line, "kind=card expect=fail exit=%d error=%s", code, error);
    }
    emit(name, line, text);
}

static void card_cases(void)
{
    unsigned char spk[32], ssk[64], bpk[32], bsk[32], p[400], zero[32] = { 0 };
    unsigned char seed[32], high[32];
    struct buf t = { 0 }, x = { 0 };
    size_t n, i;
    static const char l64[] = "0123456789012345678901234567890123456789012345678901234567890123";

    for (i = 0; i < 32; i++)
        seed[i] = (unsigned char)i;
    crypto_sign_seed_keypair(spk, ssk, seed);                 /* card A of FORMAT.md */
    for (i = 0; i < 32; i++)
        seed[i] = (unsigned char)(32 + i);
    crypto_box_seed_keypair(bpk, bsk, seed);
#define CARD(label_, lab, len_, extra) do { buf_free(&t); \
        n = card_payload(p, 1, spk, bpk, lab, len_); card_text(&t, p, n, extra); } while (0)
    CARD("a", "NGO headquarters", -1, 0);
    card_case("card-ok-vector-a", &t, 0, NULL, spk, bpk, "NGO headquarters");
    for (i = 0; i < t.len; i++)
        if (t.p[i] >= 'A' && t.p[i] <= 'Z')
            t.p[i] = (unsigned char)(t.p[i] - 'A' + 'a');
    card_case("card-ok-lower-case", &t, 0, NULL, spk, bpk, "NGO headquarters");
    CARD("a", "NGO headquarters", -1, 0);
    buf_free(&x); puts_(&x, " \t\r\n"); put(&x, t.p, t.len); puts_(&x, "\r\n \t");
    card_case("card-ok-white-space-around", &x, 0, NULL, spk, bpk, "NGO headquarters");
    CARD("k", "\xeb\xa9\xb4\xeb\x8b\xb4\xec\x9e\x90 7", -1, 0);
    card_case("card-ok-korean-label", &t, 0, NULL, spk, bpk,
              "\xeb\xa9\xb4\xeb\x8b\xb4\xec\x9e\x90 7");
    CARD("64", l64, -1, 0);
    card_case("card-ok-label-64-bytes", &t, 0, NULL, spk, bpk, l64);
    /* Refusals, in the order of the rules. */
    buf_free(&x); puts_(&x, " \r\n\t");
    card_case("card-fail-empty", &x, 2, "card-empty", NULL, NULL, NULL);
    buf_free(&x);
    for (i = 0; i < 222; i++)
        put(&x, "Q", 1);
    card_case("card-fail-too-long", &x, 2, "card-too-long", NULL, NULL, NULL);
    CARD("a", "NGO headquarters", -1, 0);
    buf_free(&x); put(&x, t.p, 60); puts_(&x, "\n"); put(&x, t.p + 60, t.len - 60);
    card_case("card-fail-line-break-inside", &x, 2, "card-space", NULL, NULL, NULL);
    buf_free(&x); put(&x, t.p, t.len); x.p[30] = '#';
    card_case("card-fail-character", &x, 2, "card-character", NULL, NULL, NULL);
    buf_free(&x); put(&x, t.p, t.len); x.p[30] = (unsigned char)(x.p[30] | 0x20);
    if (x.p[30] < 'a')
        x.p[31] = (unsigned char)(x.p[31] | 0x20);
    card_case("card-fail-mixed-case", &x, 2, "card-mixed-case", NULL, NULL, NULL);
    buf_free(&x); put(&x, t.p, t.len); x.p[6] = '2';
    card_case("card-fail-prefix", &x, 2, "card-prefix", NULL, NULL, NULL);
    buf_free(&x); put(&x, t.p, 118);
    card_case("card-fail-too-short", &x, 2, "card-too-short", NULL, NULL, NULL);
    buf_free(&x); put(&x, t.p, t.len); x.p[40] = 'B';
    card_case("card-fail-alphabet", &x, 2, "card-alphabet", NULL, NULL, NULL);
    buf_free(&x); put(&x, t.p, t.len); x.p[40] = x.p[40] == 'Q' ? 'P' : 'Q';
    card_case("card-fail-checksum", &x, 2, "card-checksum", NULL, NULL, NULL);
    buf_free(&x); put(&x, t.p, t.len - 7); put(&x, t.p + t.len - 6, 6);
    card_case("card-fail-character-dropped", &x, 2, "card-checksum", NULL, NULL, NULL);
    CARD("pad", "NGO headquarters", -1, -1);
    card_case("card-fail-padding-bit", &t, 2, "card-padding", NULL, NULL, NULL);
    CARD("pad", "NGO headquarters", -1, 2);
    card_case("card-fail-padding-5-bits", &t, 2, "card-padding", NULL, NULL, NULL);
    buf_free(&t); n = card_payload(p, 2, spk, bpk, "NGO headquarters", -1); card_text(&t, p, n, 0);
    card_case("card-fail-version-2", &t, 2, "card-version", NULL, NULL, NULL);
    CARD("len", "NGO headquarters", 15, 0);
    card_case("card-fail-length-byte", &t, 2, "card-length", NULL, NULL, NULL);
    CARD("empty", "", -1, 0);
    card_case("card-fail-label-empty", &t, 2, "card-label", NULL, NULL, NULL);
    CARD("utf8", "NGO \xff", -1, 0);
    card_case("card-fail-label-not-utf8", &t, 2, "card-label", NULL, NULL, NULL);
    CARD("ctl", "NGO\x07", -1, 0);
    card_case("card-fail-label-control", &t, 2, "card-label", NULL, NULL, NULL);
    CARD("zw", "NGO\xe2\x80\x8b", -1, 0);
    card_case("card-fail-label-invisible", &t, 2, "card-label", NULL, NULL, NULL);
    buf_free(&t); n = card_payload(p, 1, zero, bpk, "NGO headquarters", -1); card_text(&t, p, n, 0);
    card_case("card-fail-signing-key", &t, 2, "card-sign-key", NULL, NULL, NULL);
    buf_free(&t); n = card_payload(p, 1, spk, zero, "NGO headquarters", -1); card_text(&t, p, n, 0);
    card_case("card-fail-encryption-key-zero", &t, 2, "card-box-key", NULL, NULL, NULL);
    memcpy(high, bpk, 32);
    high[31] |= 0x80;
    buf_free(&t); n = card_payload(p, 1, spk, high, "NGO headquarters", -1); card_text(&t, p, n, 0);
    card_case("card-fail-encryption-key-top-bit", &t, 2, "card-box-key", NULL, NULL, NULL);
#undef CARD
    buf_free(&t);
    buf_free(&x);
}

static int write_kit(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;

    if (d == NULL)
        die("cannot open the kit folder");
    while ((de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        char path[4096];

        if (n > 4 && strcmp(de->d_name + n - 4, ".kit") == 0) {
            snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
            unlink(path);
        }
    }
    closedir(d);
    kit_dir = dir;
    writer_cases();
    valid_cases();
    rule_cases();
    content_cases();
    file_cases();
    v2_cases();
    armor_cases();
    card_cases();
    /* Notices (issue 16) will add their cases here. */
    printf("testkit: wrote %d files to %s\n", kit_count, dir);
    return 0;
}

/* ---- checking: the C reader against each expectation ---- */

/* The stable error names (docs/FORMAT.md, "Errors"), by the start of
 * intake's message. */
static const struct { const char *name, *msg; } names[] = {
    { "too-short", "this file is too short to be a bundle" },
    { "not-addressed", "this bundle is not addressed to this store" },
    { "commitment-mismatch", "commitment mismatch" },
    { "chunk-altered", "a chunk of the bundle was altered" },
    { "data-appended", "data after the final chunk" },
    { "final-chunk-missing", "the bundle is truncated: its final chunk is missing" },
    { "truncated", "the bundle is truncated or its last chunk was altered" },
    { "unsupported-version", "unsupported bundle version" },
    { "version-mismatch", "malformed bundle: version " },
    { "recipient-count", "the bundle's recipient list (" },
    { "recipients-unsorted", "malformed bundle: the recipient list is not sorted" },
    { "resealed", "this store is not in the bundle's signed recipient list" },
    { "segment-too-long", "malformed bundle: a content segment is too long" },
    { "padding-not-zero", "malformed bundle: the padding is not zero" },
    { "ends-before-signature", "malformed bundle: its contents end before the signature" },
    { "padding-length", "malformed bundle: wrong padding length" },
    { "bad-signature", "bad signature" },
    { "unexpected-chunk", "malformed bundle: unexpected chunk" },
    { "blob-altered", "an attachment in the bundle was altered" },
    { "payload-too-long", "malformed bundle contents: an attachment item is too long" },
    { "armor-utf16", "bad armor: the text is UTF-16" },
    { "armor-end-missing", "bad armor: the END line is missing" },
    { "armor-begin-line", "bad armor: the BEGIN line must end" },
    { "armor-text-before-begin", "bad armor: there is text before the BEGIN line" },
    { "armor-no-begin", "bad armor: this is text without a BEGIN line" },
    { "armor-dash-line", "bad armor: a line starting with '-' is not the END line" },
    { "armor-after-end", "bad armor: text after the END line" },
    { "armor-character", "bad armor: unexpected character" },
    { "armor-cut", "bad armor: the base64 text is cut short" },
    { "armor-base64", "bad armor: invalid base64" },
    { "card-empty", "card is empty" },
    { "card-too-long", "card is too long" },
    { "card-space", "card contains a space or line break" },
    { "card-character", "card contains a character that cannot be in a card" },
    { "card-mixed-case", "card mixes upper- and lower-case letters" },
    { "card-prefix", "not an intake card" },
    { "card-too-short", "card is too short" },
    { "card-alphabet", "card contains '" },
    { "card-checksum", "card checksum does not match" },
    { "card-padding", "card is malformed: its data does not end on a whole byte" },
    { "card-version", "card version" },
    { "card-length", "card length does not match its contents" },
    { "card-label", "card label" },
    { "card-sign-key", "card signing key is not a valid" },
    { "card-box-key", "card encryption key is not a valid" },
    { "content-invalid-json", "malformed bundle contents: invalid JSON" },
    { "content-format", "unsupported bundle contents" },
    { "content-no-header", "malformed bundle contents: no header" },
    { "content-record", "malformed bundle contents: a record without a valid id" },
    { "content-record", "malformed bundle contents: bad field" },
    { "content-record", "malformed bundle contents: an empty pseudonym" },
    { "content-record", "malformed bundle contents: bad tags or attachments" },
    { "content-record", "malformed bundle contents: a bad tag" },
    { "content-record", "malformed bundle contents: a bad record version" },
    { "content-record", "malformed bundle contents: a bad record revision" },
    { "content-record", "malformed bundle contents: a record without a valid subject id" },
    { "content-record", "malformed bundle contents: a record without its consent scope" },
    { "content-record", "malformed bundle contents: a bad consent scope" },
    { "content-notice", "malformed bundle contents: a bad notice" },
    { "content-notice", "malformed bundle contents: a header without its notices" },
    { "content-attachment-record", "malformed bundle contents: an attachment that belongs" },
    { "content-attachment-record", "malformed bundle contents: an attachment before any" },
    { "content-attachment", "malformed bundle contents: a bad attachment" },
    { "content-blob-size", "malformed bundle contents: an attachment whose size" },
    { "payload-unknown-type", "malformed bundle contents: unknown item type" },
    { "payload-too-long", "malformed bundle contents: item of type" },
    { "payload-empty-json", "malformed bundle contents: empty JSON item" },
    { "payload-order", "malformed bundle contents: a blob without its attachment header" },
    { "payload-order", "malformed bundle contents: an attachment header without its blob" },
    { "payload-cut", "malformed bundle contents: the last item is cut short" },
};

static const char *error_name(const char *msg)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strncmp(msg, names[i].msg, strlen(names[i].msg)) == 0)
            return names[i].name;
    return "unknown";
}

struct hashing {
    crypto_hash_sha256_state h;
    struct content_reader *r;
};

static int hash_sink(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct hashing *hs = ctx;

    crypto_hash_sha256_update(&hs->h, buf, len);
    return content_sink(hs->r, buf, len, e);
}

/* The value of key=VALUE in line, into out (cap bytes); 0 if found. */
static int field(const char *line, const char *key, char *out, size_t cap)
{
    char pat[32];
    const char *p;
    size_t n;

    snprintf(pat, sizeof pat, " %s=", key);
    if ((p = strstr(line, pat)) == NULL)
        return -1;
    p += strlen(pat);
    n = strcspn(p, " \n");
    if (n >= cap)
        return -1;
    memcpy(out, p, n);
    out[n] = '\0';
    return 0;
}

/* The verdict on f (after its expectation line) against line; closes f. */
static int check_card(FILE *f, const char *path, const char *line)
{
    char text[1024], got[512];
    size_t n = fread(text, 1, sizeof text, f);
    struct card c;
    struct err e = { 0, "" };
    int rc;

    fclose(f);
    rc = card_decode(&c, text, n, &e);
    if (rc == 0) {
        char l[200], sx[65], bx[65];

        hexs(l, (const unsigned char *)c.label, strlen(c.label));
        hexs(sx, c.sign_pk, 32);
        hexs(bx, c.box_pk, 32);
        snprintf(got, sizeof got, "expect=ok label=%s sign=%s box=%s", l, sx, bx);
    } else {
        snprintf(got, sizeof got, "expect=fail exit=%d error=%s", e.code, error_name(e.msg));
    }
    if (strstr(line, got) == NULL) {
        printf("not ok - %s: %s (%s)\n", path, got, rc ? e.msg : "read");
        return 1;
    }
    printf("ok - %s\n", path);
    return 0;
}

/* 0 if file meets its expectation, 1 if not, 2 if it is no kit file. */
static int check_file(const char *path)
{
    static const struct content_handler none = { 0 };
    FILE *f = fopen(path, "rb");
    char line[1024], key[8], want[16], got[512], v[80];
    struct keypair k;
    struct hashing hs;
    struct bundle_info info;
    struct err e = { 0, "" };
    unsigned char h[32];
    long off;
    int fd, rc;
    unsigned long seed;

    if (f == NULL) {
        fprintf(stderr, "testkit: cannot open %s: %s\n", path, strerror(errno));
        return 2;
    }
    if (fgets(line, sizeof line, f) == NULL || strncmp(line, "intake-testkit-1 ", 17) != 0 ||
        strchr(line, '\n') == NULL || field(line, "expect", want, sizeof want) != 0 ||
        (field(line, "key", key, sizeof key) != 0 && field(line, "kind", v, sizeof v) != 0)) {
        fclose(f);
        fprintf(stderr, "testkit: %s is not a kit file (no expectation line)\n", path);
        return 2;
    }
    if (field(line, "kind", v, sizeof v) == 0 && strcmp(v, "card") == 0)
        return check_card(f, path, line);
    off = ftell(f);
    fd = dup(fileno(f));
    fclose(f);
    seed = strtoul(key, NULL, 16);
    if (fd < 0 || lseek(fd, off, SEEK_SET) != off || seed > 255) {
        fprintf(stderr, "testkit: cannot read %s\n", path);
        return 2;
    }
    box_keys(&k, (unsigned)seed);
    crypto_hash_sha256_init(&hs.h);
    hs.r = content_reader_new(&none);
    rc = bundle_read(fd, k.pk, k.sk, hash_sink, &hs, &info, &e);
    if (rc == 0)
        rc = content_finish(hs.r, &e);
    content_reader_free(hs.r);
    close(fd);
    if (rc == 0) {
        char sx[65], hx[65];

        crypto_hash_sha256_final(&hs.h, h);
        hexs(sx, info.sender_pk, 32);
        hexs(hx, h, 32);
        snprintf(got, sizeof got, "expect=ok version=%u sender=%s sha256=%s",
                 info.version, sx, hx);
    } else {
        snprintf(got, sizeof got, "expect=fail exit=%d error=%s", e.code,
                 error_name(e.msg));
    }
    if (strstr(line, got) == NULL || (rc == 0) != (strcmp(want, "ok") == 0)) {
        printf("not ok - %s: %s (%s)\n", path, got, rc ? e.msg : "opened");
        return 1;
    }
    printf("ok - %s\n", path);
    return 0;
}

static int usage(void)
{
    fprintf(stderr, "usage: testkit write DIR\n       testkit check FILE...\n");
    return 2;
}

int main(int argc, char **argv)
{
    int worst = 0;

    if (argc < 3)
        return usage();
    if (strcmp(argv[1], "write") == 0 && argc == 3) {
        if (randombytes_set_implementation(&det) != 0 || sodium_init() < 0)
            die("cannot start libsodium");
        return write_kit(argv[2]);
    }
    if (strcmp(argv[1], "check") != 0)
        return usage();
    if (sodium_init() < 0)
        die("cannot start libsodium");
    for (int i = 2; i < argc; i++) {
        int rc = check_file(argv[i]);

        if (rc > worst)
            worst = rc;
    }
    return worst;
}
