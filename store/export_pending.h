/* An export whose bundle is being named (issue 14, adv35f F-1).
 *
 * The export is logged first (a bundle that has its name is always one
 * the store logged: adv14 F7), and in the same transaction a pending mark
 * is written to meta ("export.pending.ID": the writer's lock file, the
 * last notice the bundle carries, the bundle's absolute path).  The
 * bundle is then named (link, fsync of its folder), and a second
 * transaction marks the notices sent and drops the mark.  A kill or a
 * power cut between the two leaves the mark; the next command that opens
 * the store resolves it once the writer is gone (its lock file in the
 * store folder is free or removed): a regular file at the path of the
 * logged size -> the export stands (notices marked sent, mark dropped);
 * none -> the export is taken back (its rows deleted, the record
 * versions it raised put back, "export.undone HASH" logged): its records
 * and notices count as not sent again, so a logged export always has its
 * bundle.  docs/FORMAT.md "Exports". */
#ifndef INTAKE_STORE_EXPORT_PENDING_H
#define INTAKE_STORE_EXPORT_PENDING_H

#include "util/err.h"

struct store;

struct export_pending {
    int lock;             /* the lock file, flock'ed while this export runs; -1: none */
    char name[64];        /* its name in the store folder */
    long id;              /* the export's row, once marked; 0 before */
};

/* Creates and locks this export's lock file in the store folder (before
 * anything is logged).  0, or -1 with e (EXIT_INPUT). */
int export_pending_open(struct export_pending *pp, struct store *s, struct err *e);

/* In the open transaction that just logged the export (its row the
 * highest): writes the mark for the bundle that will be named path
 * (made absolute here) carrying the notices up to notice_last.  0, or
 * -1 with e. */
int export_pending_mark(struct export_pending *pp, struct store *s, const char *path,
                        long notice_last, struct err *e);

/* After the bundle got its name: marks its notices sent for to[0..nto)
 * and drops the mark, in a transaction of its own, tried twice.  0, or
 * -1 with e: the mark stays, and s remembers the export as named, so
 * that a resolve by this process lets it stand whatever is at its path;
 * the next command resolves it by the path (the bundle being there). */
int export_pending_done(struct export_pending *pp, struct store *s, const char *const *to,
                        size_t nto, struct err *e);

/* Removes the lock file (after done, or on any failure). */
void export_pending_close(struct export_pending *pp, struct store *s);

/* After this writer failed to name the bundle (atomic_commit removes what
 * it named): removes the lock file and resolves this export's mark now,
 * as the next command would (the path checked the same way).  1: taken
 * back (its rows deleted, "export.undone HASH" logged); 2: a regular file
 * of the logged size is at the path after all (a removal that failed),
 * so the export stands; -1 with e: not resolved (a database error), the
 * mark stays and the next command that opens the store resolves it. */
int export_pending_settle(struct export_pending *pp, struct store *s, struct err *e);

/* Resolves every mark whose writer is gone (see above); called by
 * store_open.  A mark it cannot resolve now (a read-only store, a busy
 * one) stays for the next command.  Returns how many exports were taken
 * back, or -1 with e when the marks cannot be read (a database error). */
int export_pending_resolve(struct store *s, struct err *e);

#endif
