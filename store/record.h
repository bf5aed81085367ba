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

#endif
