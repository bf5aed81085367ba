/* This store's own `subject forget` keeps the tombstones `record delete`
 * keeps (report adv17b E-1): a record imported here and deleted with its
 * subject does not come back, from the device or from any other sender
 * (store/tombstone.h, db_tombstone_local). */
#include "store/tombstone_forget.h"

#include "store/db.h"

/* This store's signing key: the sender of its own tombstones. */
#define OWN_PK "(SELECT sign_pk FROM device WHERE id = 1)"

/* The tombstone of each record r that came in a bundle, from this store:
 * the statement's start, then WHERE on r (?2 the time now, ?3 1 for a
 * subject forget); held_pk and held: the sender of the bundle that
 * brought it, and that contact's name then (adv19c C-5). */
#define OWN_TOMBSTONES \
    "INSERT OR IGNORE INTO tombstone(sender_pk, sender, kind, subject, rid, day," \
    " at, removed, notice, here, held_pk, held, forgot) SELECT " OWN_PK ", NULL," \
    " 'deletion', coalesce((SELECT so.uid FROM subject_origin so WHERE" \
    " so.subject_id = r.subject_id), ''), r.rid, substr(?2, 1, 10), ?2, 1, 0," \
    " (SELECT uid FROM subject WHERE id = r.subject_id), i.sender_pk, i.sender, ?3" \
    " FROM record r JOIN record_origin o ON o.record_id = r.id" \
    " JOIN import i ON i.id = o.import_id"

int db_tombstone_local(struct store *s, long rowid, struct err *e)
{
    char now[32];
    const struct db_val v[] = { DB_INT(rowid), DB_TEXT(now), DB_INT(0) };

    db_now(now, sizeof now);
    return db_run(s, OWN_TOMBSTONES " WHERE r.id = ?1", v, DB_N(v), "keeping the tombstone", e);
}

int db_tombstone_forget(struct store *s, long subject_id, struct err *e)
{
    char now[32];
    const struct db_val v[] = { DB_INT(subject_id), DB_TEXT(now), DB_INT(1) };

    db_now(now, sizeof now);
    return db_run(s, OWN_TOMBSTONES " WHERE r.subject_id = ?1", v, DB_N(v),
                  "keeping the tombstones", e);
}
