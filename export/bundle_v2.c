/* Reading version 2 bundles: the signature that leaves blob data out, and
 * the check that binds each blob to its signed hash (export/bundle_int.h).
 * Version 3 signs every byte; this file only reads what earlier intakes
 * wrote. */
#include "export/bundle_int.h"

#include <jansson.h>
#include <string.h>

#include "export/payload.h"

void bundle_v2_start(struct bundle_v2 *v, const unsigned char *hdr, size_t hlen)
{
    unsigned char len[4];

    bundle_le32(len, (uint32_t)hlen);
    crypto_sign_init(&v->sig);
    crypto_sign_update(&v->sig, (const unsigned char *)V2_SIGN_DOMAIN,
                       sizeof V2_SIGN_DOMAIN - 1);
    crypto_sign_update(&v->sig, len, sizeof len);
    crypto_sign_update(&v->sig, hdr, hlen);
}

void bundle_v2_signed(struct bundle_v2 *v, const unsigned char *buf, size_t len)
{
    crypto_sign_update(&v->sig, buf, len);
}

int bundle_v2_verify(struct bundle_v2 *v, const unsigned char *sig,
                     const unsigned char *sender_pk)
{
    return crypto_sign_final_verify(&v->sig, sig, sender_pk);
}

/* The attachment item is whole: the hash its blob must have.  A missing
 * or unreadable one cannot bind the blob, so the bundle is refused. */
static int attachment_end(struct bundle_v2 *v, struct err *e)
{
    json_t *doc = json_loadb((const char *)v->att, v->attlen, 0, NULL);
    const char *hex = json_string_value(json_object_get(doc, "blake2b"));
    size_t n = 0;
    int ok = hex != NULL && strlen(hex) == 2 * sizeof v->want &&
             sodium_hex2bin(v->want, sizeof v->want, hex, strlen(hex), NULL,
                            &n, NULL) == 0 && n == sizeof v->want;

    json_decref(doc);
    sodium_memzero(v->att, v->attlen);
    if (!ok)
        return err_set(e, EXIT_INPUT, "malformed bundle contents: a bad "
                       "attachment size or hash");
    v->want_set = 1;
    return 0;
}

static int blob_end(struct bundle_v2 *v, struct err *e)
{
    unsigned char got[32];

    crypto_generichash_final(&v->blob, got, sizeof got);
    if (!v->want_set || sodium_memcmp(got, v->want, sizeof got) != 0)
        return err_set(e, EXIT_AUTH, "an attachment in the bundle was altered: "
                       "its bytes do not match the signed hash");
    v->want_set = 0;
    return 0;
}

/* The 9-byte item header is whole: start the item. */
static int item_start(struct bundle_v2 *v, struct err *e)
{
    v->hhave = 0;
    v->type = v->hdr[0];
    v->left = 0;
    for (unsigned i = 8; i > 0; i--)
        v->left = v->left << 8 | v->hdr[i];
    v->attlen = 0;
    if (v->type == PAYLOAD_ATTACHMENT && v->left > sizeof v->att)
        return err_set(e, EXIT_INPUT, "malformed bundle contents: an "
                       "attachment item is too long");
    if (v->type == PAYLOAD_ATTACHMENT && v->left == 0)
        return attachment_end(v, e);
    if (v->type == PAYLOAD_BLOB) {
        crypto_generichash_init(&v->blob, NULL, 0, 32);
        if (v->left == 0)
            return blob_end(v, e);
    }
    return 0;
}

static int item_data(struct bundle_v2 *v, const unsigned char *buf, size_t n,
                     struct err *e)
{
    if (v->type == PAYLOAD_BLOB) {
        crypto_generichash_update(&v->blob, buf, n);
    } else {
        crypto_sign_update(&v->sig, buf, n);
        if (v->type == PAYLOAD_ATTACHMENT) {
            memcpy(v->att + v->attlen, buf, n);
            v->attlen += n;
        }
    }
    v->left -= n;
    if (v->left > 0)
        return 0;
    if (v->type == PAYLOAD_BLOB)
        return blob_end(v, e);
    return v->type == PAYLOAD_ATTACHMENT ? attachment_end(v, e) : 0;
}

int bundle_v2_content(struct bundle_v2 *v, const unsigned char *buf,
                      size_t len, struct err *e)
{
    while (len > 0) {
        size_t n;
        int rc = 0;

        if (v->left == 0) {                    /* an item header */
            n = sizeof v->hdr - v->hhave;
            if (n > len)
                n = len;
            memcpy(v->hdr + v->hhave, buf, n);
            crypto_sign_update(&v->sig, buf, n);
            v->hhave += n;
            if (v->hhave == sizeof v->hdr)
                rc = item_start(v, e);
        } else {                               /* item data */
            n = v->left < len ? (size_t)v->left : len;
            rc = item_data(v, buf, n, e);
        }
        if (rc != 0)
            return -1;
        buf += n;
        len -= n;
    }
    return 0;
}
