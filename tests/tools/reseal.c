/* Test tool: what a dishonest recipient can do. Opens BUNDLE (binary) with
 * the box key of the store in DIR (passphrase on descriptor 3), takes the
 * decrypted plaintext as it is (signature included) and seals it again, with
 * a new file key and a valid commitment, to the encryption key of CARD
 * alone; writes OUT.  Used by tests/cli/export.bats.
 *   reseal DIR BUNDLE CARD OUT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/card.h"
#include "crypto/secmem.h"
#include "export/bundle_int.h"
#include "store/store.h"
#include "util/fileio.h"
#include "util/prompt.h"

static int fail(const char *what)
{
    fprintf(stderr, "reseal: %s\n", what);
    return 2;
}

/* The plaintext of (version 3) bundle b under the X25519 key pair (pk, sk). */
static unsigned char *plaintext(size_t *plen, const unsigned char *b, size_t blen,
                                const unsigned char *pk, const unsigned char *sk)
{
    struct bundle_keys k;
    struct bulk_aead *a;
    unsigned char st[STANZA_LEN], c[COMMIT_LEN], nonce[BULK_NONCEBYTES];
    unsigned char *pt = malloc(blen);
    size_t i, n, hlen, off;

    for (i = 0; (i + 1) * STANZA_LEN <= blen; i++) {
        memcpy(st, b + i * STANZA_LEN, sizeof st);
        st[31] &= 0x7f;
        if (crypto_box_seal_open(k.file, st, sizeof st, pk, sk) == 0)
            break;
    }
    if ((i + 1) * STANZA_LEN > blen || bundle_derive(&k, BUNDLE_VERSION) != 0 ||
        (a = bulk_aead_new(k.payload)) == NULL) {
        free(pt);
        return NULL;
    }
    for (n = 1; n <= BUNDLE_MAX_RECIPIENTS; n++) {
        crypto_generichash(c, sizeof c, b, n * STANZA_LEN, k.commit, sizeof k.commit);
        if (memcmp(c, b + n * STANZA_LEN, sizeof c) == 0)
            break;
    }
    hlen = n * STANZA_LEN + COMMIT_LEN;
    *plen = 0;
    for (off = hlen, i = 0; off < blen; off += CHUNK_CTLEN, i++) {
        size_t clen = blen - off < CHUNK_CTLEN ? blen - off : CHUNK_CTLEN;

        bundle_nonce(nonce, i, off + clen == blen);
        if (bulk_aead_open(a, pt + *plen, b + off, clen, nonce) != 0) {
            bulk_aead_free(a);
            free(pt);
            return NULL;
        }
        *plen += clen - CHUNK_ABYTES;
    }
    bulk_aead_free(a);
    return pt;
}

static int reseal(const char *out, const unsigned char *pt, size_t plen,
                  const unsigned char *to, size_t nst)
{
    struct bundle_keys k;
    struct bulk_aead *a;
    size_t hlen = nst * STANZA_LEN + COMMIT_LEN, len, off, i;
    unsigned char *b = malloc(hlen + plen + (plen / CHUNK_LEN + 1) * CHUNK_ABYTES);
    unsigned char nonce[BULK_NONCEBYTES];
    struct err e;
    int rc;

    randombytes_buf(k.file, sizeof k.file);
    if (bundle_derive(&k, BUNDLE_VERSION) != 0 || (a = bulk_aead_new(k.payload)) == NULL)
        return -1;
    randombytes_buf(b, nst * STANZA_LEN);
    if (crypto_box_seal(b, k.file, sizeof k.file, to) != 0)
        return -1;
    crypto_generichash(b + nst * STANZA_LEN, COMMIT_LEN, b, nst * STANZA_LEN,
                       k.commit, sizeof k.commit);
    len = hlen;
    for (off = 0, i = 0; off < plen; off += CHUNK_LEN, i++) {
        size_t n = plen - off < CHUNK_LEN ? plen - off : CHUNK_LEN;

        bundle_nonce(nonce, i, off + n == plen);
        if (bulk_aead_seal(a, b + len, pt + off, n, nonce) != 0)
            return -1;
        len += n + CHUNK_ABYTES;
    }
    bulk_aead_free(a);
    rc = file_write_atomic(out, b, len, 0, &e);
    free(b);
    return rc;
}

int main(int argc, char **argv)
{
    unsigned char *bundle, *pt, *keys, spk[32], bpk[32];
    size_t blen, plen, passlen, nst;
    struct store *s;
    struct card c;
    struct err e;
    char *pass;
    int rc;

    if (argc != 5 || sodium_init() < 0)
        return fail("usage: reseal DIR BUNDLE CARD OUT");
    keys = secmem_alloc(crypto_sign_SECRETKEYBYTES + crypto_box_SECRETKEYBYTES);
    if (read_secret_line(&pass, &passlen, 3, &e) != 0 ||
        store_open(&s, argv[1], KEYSLOT_PASSPHRASE, (unsigned char *)pass, passlen, &e) != 0 ||
        store_device_public(spk, bpk, s, &e) != 0 ||
        store_device_secret(keys, keys + crypto_sign_SECRETKEYBYTES, s, &e) != 0 ||
        file_read_all(argv[2], 1 << 28, &bundle, &blen, "the bundle", &e) != 0 ||
        card_decode(&c, argv[3], strlen(argv[3]), &e) != 0)
        return fail(e.msg);
    pt = plaintext(&plen, bundle, blen, bpk, keys + crypto_sign_SECRETKEYBYTES);
    if (pt == NULL)
        return fail("cannot open the bundle");
    nst = pt[1 + crypto_sign_PUBLICKEYBYTES];   /* keep the signed count */
    rc = reseal(argv[4], pt, plen, c.box_pk, nst);
    free(pt);
    free(bundle);
    secmem_free(keys);
    secmem_free(pass);
    store_close(s);
    return rc != 0 ? fail("cannot write the new bundle") : 0;
}
