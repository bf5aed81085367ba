/* What the bundle writer and reader share (export/bundle_int.h): lengths,
 * padding, key derivation, the bundle hash and the signed part of the
 * content.  bundle_padme() is declared in export/bundle.h. */
#include "export/bundle_int.h"

#include <stdlib.h>
#include <string.h>

#include "export/payload.h"

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

uint64_t bundle_file_len(uint64_t hlen, uint64_t plen)
{
    uint64_t chunks = (plen + CHUNK_LEN - 1) / CHUNK_LEN;

    return hlen + plen + chunks * CHUNK_ABYTES;
}

int bundle_plen_for(uint64_t *plen, uint64_t hlen, uint64_t flen)
{
    uint64_t x, k, p;

    if (flen <= hlen + CHUNK_ABYTES)
        return -1;
    x = flen - hlen;
    k = (x + CHUNK_LEN + CHUNK_ABYTES - 1) / (CHUNK_LEN + CHUNK_ABYTES);
    p = x - k * CHUNK_ABYTES;
    if (p <= (k - 1) * CHUNK_LEN)
        return -1;    /* inside the 17-byte gap a new chunk opens */
    *plen = p;
    return 0;
}

uint64_t bundle_padded_plen(uint64_t hlen, uint64_t p0)
{
    uint64_t target = bundle_padme(bundle_file_len(hlen, p0));
    uint64_t plen;

    while (bundle_plen_for(&plen, hlen, target) != 0 || plen < p0)
        target = bundle_padme(target + 1);
    return plen;
}

void bundle_le32(unsigned char out[4], uint32_t v)
{
    out[0] = (unsigned char)v;
    out[1] = (unsigned char)(v >> 8);
    out[2] = (unsigned char)(v >> 16);
    out[3] = (unsigned char)(v >> 24);
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

void bundle_sign_content(crypto_sign_state *sig, struct sign_filter *f,
                         const unsigned char *buf, size_t len)
{
    while (len > 0) {
        size_t n;

        if (f->left == 0) {                    /* an item header */
            n = sizeof f->hdr - f->hhave;
            if (n > len)
                n = len;
            memcpy(f->hdr + f->hhave, buf, n);
            crypto_sign_update(sig, buf, n);
            f->hhave += n;
            if (f->hhave == sizeof f->hdr) {
                f->hhave = 0;
                f->blob = f->hdr[0] == PAYLOAD_BLOB;
                f->left = 0;
                for (unsigned i = 8; i > 0; i--)
                    f->left = f->left << 8 | f->hdr[i];
            }
        } else {                               /* item data */
            n = f->left < len ? (size_t)f->left : len;
            if (!f->blob)
                crypto_sign_update(sig, buf, n);
            f->left -= n;
        }
        buf += n;
        len -= n;
    }
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

int bundle_derive(struct bundle_keys *keys)
{
    if (crypto_generichash(keys->commit, sizeof keys->commit,
                           (const unsigned char *)COMMIT_LABEL,
                           sizeof COMMIT_LABEL - 1, keys->file,
                           sizeof keys->file) != 0)
        return -1;
    return crypto_generichash(keys->payload, sizeof keys->payload,
                              (const unsigned char *)PAYLOAD_LABEL,
                              sizeof PAYLOAD_LABEL - 1, keys->file,
                              sizeof keys->file);
}
