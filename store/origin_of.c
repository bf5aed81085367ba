/* The origin a record's document names (store/origin_of.h). */
#include "store/origin_of.h"

#include <string.h>

#include <sodium.h>

int db_origin_of(struct notice_origin *o, unsigned char *pk, const unsigned char *sender_pk,
                 json_t *rec)
{
    json_t *origin = json_object_get(rec, "origin");
    const char *hex = json_string_value(json_object_get(origin, "key"));
    size_t len = 0;

    if (hex == NULL ||
        sodium_hex2bin(pk, crypto_sign_PUBLICKEYBYTES, hex, strlen(hex), NULL, &len, NULL) != 0 ||
        len != crypto_sign_PUBLICKEYBYTES ||
        json_string_value(json_object_get(origin, "subject")) == NULL ||
        sodium_memcmp(pk, sender_pk, crypto_sign_PUBLICKEYBYTES) == 0)
        return 0;
    o->pk = pk;
    o->subject = json_string_value(json_object_get(origin, "subject"));
    o->round = 0;
    return 1;
}
