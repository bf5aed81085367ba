/* ChaCha20-Poly1305 and SHA-256 from OpenSSL (crypto/bulk.h). */
#include "crypto/bulk.h"

#include <limits.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

struct bulk_aead {
    EVP_CIPHER_CTX *ctx;
};

struct bulk_aead *bulk_aead_new(const unsigned char *key)
{
    struct bulk_aead *a = OPENSSL_zalloc(sizeof *a);

    if (a == NULL)
        return NULL;
    a->ctx = EVP_CIPHER_CTX_new();
    /* The key schedule is set once; each chunk only sets its nonce. */
    if (a->ctx == NULL ||
        EVP_CipherInit_ex(a->ctx, EVP_chacha20_poly1305(), NULL, key, NULL, 1) != 1) {
        bulk_aead_free(a);
        return NULL;
    }
    return a;
}

void bulk_aead_free(struct bulk_aead *a)
{
    if (a == NULL)
        return;
    EVP_CIPHER_CTX_free(a->ctx);
    OPENSSL_free(a);
}

int bulk_aead_seal(struct bulk_aead *a, unsigned char *ct,
                   const unsigned char *pt, size_t len,
                   const unsigned char *nonce)
{
    int n, fin;

    if (len > INT_MAX ||
        EVP_CipherInit_ex(a->ctx, NULL, NULL, NULL, nonce, 1) != 1 ||
        EVP_CipherUpdate(a->ctx, ct, &n, pt, (int)len) != 1 ||
        EVP_CipherFinal_ex(a->ctx, ct + n, &fin) != 1 ||
        (size_t)n + (size_t)fin != len ||
        EVP_CIPHER_CTX_ctrl(a->ctx, EVP_CTRL_AEAD_GET_TAG, (int)BULK_TAGBYTES,
                            ct + len) != 1)
        return -1;
    return 0;
}

int bulk_aead_open(struct bulk_aead *a, unsigned char *pt,
                   const unsigned char *ct, size_t ctlen,
                   const unsigned char *nonce)
{
    unsigned char tag[BULK_TAGBYTES];
    size_t len = ctlen - BULK_TAGBYTES;
    int n, fin;

    if (ctlen < BULK_TAGBYTES || len > INT_MAX)
        return -1;
    /* The tag is copied first: pt may overwrite ct. */
    for (size_t i = 0; i < sizeof tag; i++)
        tag[i] = ct[len + i];
    if (EVP_CipherInit_ex(a->ctx, NULL, NULL, NULL, nonce, 0) != 1 ||
        EVP_CipherUpdate(a->ctx, pt, &n, ct, (int)len) != 1 ||
        EVP_CIPHER_CTX_ctrl(a->ctx, EVP_CTRL_AEAD_SET_TAG, (int)sizeof tag, tag) != 1 ||
        EVP_CipherFinal_ex(a->ctx, pt + n, &fin) != 1)
        return -1;
    return 0;
}

void bulk_sha256(unsigned char *out, const unsigned char *in, size_t len)
{
    SHA256(in, len, out);
}
