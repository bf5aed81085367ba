/* Opening a bundle without importing it: what `intake open` shows. */
#ifndef INTAKE_STORE_UNPACK_H
#define INTAKE_STORE_UNPACK_H

#include <jansson.h>

#include "store/store.h"
#include "util/err.h"

/* Opens the bundle at path with this store's key pair and verifies it
 * whole (export/bundle.h, READER CONTRACT) before anything is handed over.
 * *summary receives a new JSON object, owned by the caller (json_decref):
 * "bundle" (hash, hex), "sender" ("signing_key" hex, "contact" the contact's
 * name, or null when the sender is no contact, "verified"), "recipients",
 * "armored", "header" and "records" (the records whole; with outdir only
 * their ids), each record with "here" {"refused", "note"} when the
 * bundle was imported here before and the record does not stand here as
 * it says (db_record_standing). With outdir (a path that must not exist), each record is
 * written there as ID.json and ID.md, each attachment as ID-FILE, and the
 * summary as bundle.json (a record this store refuses left out, one whose
 * scope here is newer with a "- here:" line in its Markdown): into a temporary folder beside outdir (0700,
 * files 0600, each fsynced) renamed to outdir only once the whole bundle has
 * verified, removed otherwise. Errors: EXIT_AUTH when the bundle does not
 * verify or is not addressed to this store, EXIT_INPUT for a malformed
 * bundle, an existing outdir or an I/O error; *summary is then NULL. */
int store_unpack(json_t **summary, struct store *s, const char *path,
                 const char *outdir, struct err *e);

#endif
