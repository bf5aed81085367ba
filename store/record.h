/* Internal to store/: finding a record, and storing its tags and index,
 * for the files above store/record.c (attachments, imports). */
#ifndef INTAKE_STORE_RECORD_H
#define INTAKE_STORE_RECORD_H

#include "store/store.h"

/* The row id of the record with id into *rowid; EXIT_INPUT ("no record
 * with id ...") if there is none. */
int db_record_id(long *rowid, struct store *s, const char *id, struct err *e);

/* Stores r's tags for the record at rowid and indexes it for search
 * (db_index_record), inside the caller's transaction. */
int db_record_add_tags(struct store *s, long rowid, const struct record_row *r, struct err *e);

/* *same: 1 if the record at rowid has r's title, date, place, language,
 * tags and body (what its version covers; an absent place or language
 * equals an empty one), else 0.  -1 with e on a database error. */
int db_record_same(int *same, struct store *s, long rowid, const struct record_row *r,
                   struct err *e);

/* Replaces the record at rowid by r, a newer version from its sender
 * (issue 16, corrections): its title, date, place, language, body, tags
 * and version, and, if edited, its time edited now; its index rows
 * rewritten and the index merged
 * (db_scrub), so with secure_delete no page keeps the old text once the
 * caller commits and checkpoints.  Inside the caller's transaction;
 * -1 with e on a database error. */
int db_record_replace(struct store *s, long rowid, const struct record_row *r, int edited,
                      struct err *e);

#endif
