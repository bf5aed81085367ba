/* What the bundle writer and reader share (export/bundle_int.h): lengths,
 * padding, key derivation, nonces, the signed message and the bundle
 * hash.  bundle_padme() is declared in export/bundle.h. */
#include "export/bundle_int.h"

#include <stdlib.h>
#include <string.h>

uint64_t bundle_padme(uint64_t len)
{
    unsigned e, s;
    uint64_t mask;

    if (len < 2)
        return len;
    e = 63U - (unsigned)__builtin_clzll(len);
    s = (e < 2 ? 0U : 31U - (unsigned)__builtin_clz(e)) + 1U;
    mask = (UINT64_C(1) << (e - s)) - 1U;
    return (len + mask) & ~mask;
}

size_t bundle_abytes(unsigned version)
{
    return version == 2 ? V2_ABYTES : CHUNK_ABYTES;
}

size_t bundle_header_tail(unsigned version)
{
    return version == 2 ? COMMIT_LEN + V2_SSHEADER : COMMIT_LEN;
}

uint64_t bundle_file_len(unsigned version, uint64_t hlen, uint64_t plen)
{
    uint64_t chunks = (plen + CHUNK_LEN - 1) / CHUNK_LEN;

    return hlen + plen + chunks * bundle_abytes(version);
}

int bundle_plen_for(uint64_t *plen, unsigned version, uint64_t hlen,
                    uint64_t flen)
{
    uint64_t a = bundle_abytes(version), x, k, p;

    if (flen <= hlen + a)
        return -1;
    x = flen - hlen;
    k = (x + CHUNK_LEN + a - 1) / (CHUNK_LEN + a);
    p = x - k * a;
    if (p <= (k - 1) * CHUNK_LEN)
        return -1;    /* inside the tag-sized gap where a new chunk opens */
    *plen = p;
    return 0;
}

uint64_t bundle_padded_plen(unsigned version, uint64_t hlen, uint64_t p0)
{
    uint64_t target = bundle_padme(bundle_file_len(version, hlen, p0));
    uint64_t plen;

    while (bundle_plen_for(&plen, version, hlen, target) != 0 || plen < p0)
        target = bundle_padme(target + 1);
    return plen;
}

void bundle_nonce(unsigned char nonce[BULK_NONCEBYTES], uint64_t index,
                  int final)
{
    size_t i;

    for (i = 0; i < BULK_NONCEBYTES - 1; i++)
        nonce[BULK_NONCEBYTES - 2 - i] = (unsigned char)(i < 8 ? index >> (8 * i) : 0);
    nonce[BULK_NONCEBYTES - 1] = final ? 1 : 0;
}

void bundle_le32(unsigned char out[4], uint32_t v)
{
    out[0] = (unsigned char)v;
    out[1] = (unsigned char)(v >> 8);
    out[2] = (unsigned char)(v >> 16);
    out[3] = (unsigned char)(v >> 24);
}

size_t bundle_signed_message(unsigned char *msg, const unsigned char *hdr,
                             size_t hlen, const unsigned char *root)
{
    size_t n = sizeof SIGN_DOMAIN - 1;

    memcpy(msg, SIGN_DOMAIN, n);
    bundle_le32(msg + n, (uint32_t)hlen);
    memcpy(msg + n + 4, hdr, hlen);
    memcpy(msg + n + 4 + hlen, root, BULK_HASHBYTES);
    return n + 4 + hlen + BULK_HASHBYTES;
}

static int cmp_key(const void *a, const void *b)
{
    return memcmp(a, b, crypto_box_PUBLICKEYBYTES);
}

int bundle_sort_keys(unsigned char (*keys)[crypto_box_PUBLICKEYBYTES], size_t n)
{
    size_t i;

    qsort(keys, n, sizeof keys[0], cmp_key);
    for (i = 1; i < n; i++)
        if (memcmp(keys[i - 1], keys[i], sizeof keys[0]) == 0)
            return -1;
    return 0;
}

void bundle_id_start(crypto_generichash_state *st, const unsigned char *hdr,
                     size_t hlen)
{
    unsigned char len[4];

    bundle_le32(len, (uint32_t)hlen);
    crypto_generichash_init(st, NULL, 0, BUNDLE_HASHBYTES);
    crypto_generichash_update(st, (const unsigned char *)ID_LABEL, sizeof ID_LABEL - 1);
    crypto_generichash_update(st, len, sizeof len);
    crypto_generichash_update(st, hdr, hlen);
}

int bundle_derive(struct bundle_keys *keys, unsigned version)
{
    const char *commit = version == 2 ? V2_COMMIT_LABEL : COMMIT_LABEL;
    const char *payload = version == 2 ? V2_PAYLOAD_LABEL : PAYLOAD_LABEL;

    if (crypto_generichash(keys->commit, sizeof keys->commit,
                           (const unsigned char *)commit, strlen(commit),
                           keys->file, sizeof keys->file) != 0)
        return -1;
    return crypto_generichash(keys->payload, sizeof keys->payload,
                              (const unsigned char *)payload, strlen(payload),
                              keys->file, sizeof keys->file);
}
