/* This store's own `subject forget` keeps tombstones (report adv17b E-1;
 * store/tombstone.h has the rest of the tombstones). */
#ifndef INTAKE_STORE_TOMBSTONE_FORGET_H
#define INTAKE_STORE_TOMBSTONE_FORGET_H

#include "store/store.h"
#include "util/err.h"

/* For each record of the subject with row id subject_id that was imported
 * (it has an origin), a tombstone as `record delete` keeps one
 * (db_tombstone_local: kind deletion, this store's signing key as its
 * sender, today; marked as a forget, with the sender whose bundle brought
 * the record, adv19c C-5), so that no later bundle, from the device or any other
 * sender, brings it back, and show and list explain it. Inside the
 * caller's transaction, before the records are deleted. 0, or -1 with e
 * (EXIT_INPUT: a database error). */
int db_tombstone_forget(struct store *s, long subject_id, struct err *e);

#endif
