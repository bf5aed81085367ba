/* Internal to store/: the origin a record's document names (content
 * format 7, issue 16 C-4), read without the store, so that what orders a
 * record (store/tombstone_since.c) and what keeps its routes
 * (store/origin.c) share it. */
#ifndef INTAKE_STORE_ORIGIN_OF_H
#define INTAKE_STORE_ORIGIN_OF_H

#include <jansson.h>

#include "store/notice.h"

/* A tombstone's sender as a message names it: the contact's name, else
 * (a bundle imported with --accept-unknown-sender, or a contact removed)
 * "an unknown sender (signing key " and the first 16 hex digits of its
 * key ")", as show and list say it (intake/tombstone.c): never an empty
 * name (adv20c J-2). */
#define TOMBSTONE_SENDER                                                              \
    "coalesce(nullif(sender, ''), 'an unknown sender (signing key ' ||"               \
    " lower(substr(hex(sender_pk), 1, 16)) || ')')"

/* The origin a record's document names (content format 7, checked by
 * export/content.c) into o and pk (crypto_sign_PUBLICKEYBYTES): 1, or 0
 * when it names none or the bundle's signer sender_pk (its own record). */
int db_origin_of(struct notice_origin *o, unsigned char *pk, const unsigned char *sender_pk,
                 json_t *rec);

#endif
