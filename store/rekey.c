/* Rekeying the store (store_rekey; SECURITY.md, "passwd or rekey"): a new
 * random master key for the database, wrapped under the passphrase and a
 * new recovery key. The steps are ordered so that a kill or a power cut at
 * any moment leaves a store that opens with the old secrets or with the
 * new ones, never with neither:
 *   1. keyslots.rekey: the new master key under the passphrase and the new
 *      recovery key (a new file, fsynced, renamed, its folder fsynced);
 *   2. the database re-encrypted page by page in one SQLite transaction
 *      (sqlite3_rekey with the raw-key form, WAL + synchronous=FULL), then
 *      checkpointed so that no page under the old key is left in it;
 *   3. the log entry, then keyslots.rekey renamed over keyslots.
 * Until 3 is done, the old keyslots open the database if step 2 did not
 * commit, keyslots.rekey if it did: store_open tries both (rekey_resume)
 * and finishes, or discards, what a killed rekey left. The store folder is
 * locked (flock, db_hold) by every intake that has the store open, shared,
 * and by a rekey alone from step 1 until it closes the store: a rekey
 * waits for the others to close it, and is never taken for one that was
 * killed. */
#include "store/db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crypto/secmem.h"
#include "util/fileio.h"
#include "util/progress.h"

static int rekey_path(char *out, size_t outlen, const struct store *s, struct err *e)
{
    return db_path(out, outlen, s->dir, STORE_REKEY_NAME, e);
}

static void drop_pending(const struct store *s)
{
    char path[4200];

    if (rekey_path(path, sizeof path, s, NULL) == 0 && unlink(path) == 0)
        (void)fsync_parent(path, NULL);
}

/* 1 if the newest log entry is object's rekey, 0 if not, -1 on error. */
static int logged_last(struct store *s, const char *object, struct err *e)
{
    sqlite3_stmt *st;
    int rc, same = 0;

    if (db_prepare(&st, s, "SELECT action, object FROM log ORDER BY seq DESC LIMIT 1", e) != 0)
        return -1;
    rc = db_step(st, s, "reading the log", e);
    if (rc > 0)
        same = strcmp((const char *)sqlite3_column_text(st, 0), "rekey") == 0 &&
               strcmp((const char *)sqlite3_column_text(st, 1), object) == 0;
    sqlite3_finalize(st);
    return rc < 0 ? -1 : same;
}

/* Step 3: the database opens with the new key (s->master): log the rekey
 * once, then make keyslots.rekey the keyslot file. The log's object names
 * this rekey ("master-key " and 16 hex digits of a hash keyed with the new
 * master key, so it tells nothing of it): a resumed rekey that already
 * logged is not logged twice, and each rekey after it is logged. */
static int finish(struct store *s, struct err *e)
{
    static const char ctx[] = "intake rekey log id";
    unsigned char id[8];
    char path[4200], object[11 + 2 * sizeof id + 1];
    int logged;

    crypto_generichash(id, sizeof id, (const unsigned char *)ctx, sizeof ctx - 1, s->master,
                       KEYSLOT_MASTER_BYTES);
    memcpy(object, "master-key ", 11);
    sodium_bin2hex(object + 11, sizeof object - 11, id, sizeof id);
    logged = logged_last(s, object, e);
    if (logged < 0)
        return -1;
    if (!logged &&
        (store_begin(s, e) != 0 || store_log(s, "rekey", object, e) != 0 ||
         store_commit(s, e) != 0)) {
        if (!sqlite3_get_autocommit(s->db))
            store_rollback(s);
        return -1;
    }
    if (rekey_path(path, sizeof path, s, e) != 0)
        return -1;
    if (rename(path, s->keyslots) != 0)
        return err_set(e, EXIT_INPUT, "cannot move %s to %s: %s", path, s->keyslots,
                       strerror(errno));
    return fsync_parent(s->keyslots, e);
}

int rekey_resume(struct store *s, uint8_t kind, const unsigned char *secret,
                 size_t secretlen, int opened_old, struct err *e)
{
    struct keyslot_file kf;
    char path[4200];
    size_t which;
    int rc;

    if (rekey_path(path, sizeof path, s, NULL) != 0 || access(path, F_OK) != 0)
        return 1;
    /* Alone with the store while finishing (db_hold). */
    if (db_hold(s, LOCK_EX, e) != 0)
        return -1;
    s->opened_kind = 0;
    if (keyslot_load(&kf, path, e) != 0 ||
        keyslot_open_at(s->master, &which, &kf, kind, secret, secretlen, e) < 0) {
        if (e == NULL || e->code != EXIT_AUTH)
            return -1;
        if (!opened_old)
            return 1;
        /* The old keyslots opened, but the database took the new key. */
        return err_set(e, EXIT_AUTH, "this store was re-encrypted by an 'intake rekey' that "
                       "did not finish: unlock it with the passphrase and the recovery key "
                       "of that rekey, and the command finishes it");
    }
    rc = db_connect(s, 0, e);
    /* Opened with the new key: finishing is retried by every later run
     * until it succeeds, so a failure here does not stop this command. */
    if (rc == 0)
        db_opened_by(s, &kf, which);
    if (rc == 0)
        (void)finish(s, NULL);
    return rc == 0 && db_hold(s, LOCK_SH, e) == 0 ? 0 : -1;
}

void rekey_discard(struct store *s)
{
    char path[4200];

    if (rekey_path(path, sizeof path, s, NULL) != 0 || access(path, F_OK) != 0)
        return;
    /* This intake holds the store folder shared (store_open), so no rekey
     * runs (it would hold it alone): the one that wrote the file was
     * killed before its transaction committed, and its keys open nothing. */
    drop_pending(s);
}

/* ---- rekey ---- */

/* Step 1: keyslots.rekey with master under the passphrase (the current
 * passphrase slot's cost) and the recovery key. */
static int write_pending(const struct store *s, const unsigned char *master,
                         const char *pass, size_t passlen,
                         const unsigned char *recovery, struct err *e)
{
    struct keyslot_file old, kf;
    uint64_t ops = 0, mem = 0, rops, rmem;
    char path[4200];

    if (keyslot_load(&old, s->keyslots, e) != 0 || rekey_path(path, sizeof path, s, e) != 0)
        return -1;
    for (size_t i = 0; i < old.nslots; i++)
        if (old.slot[i].kind == KEYSLOT_PASSPHRASE) {
            ops = old.slot[i].opslimit;
            mem = old.slot[i].memlimit;
        }
    memset(&kf, 0, sizeof kf);
    if ((ops == 0 && keyslot_kdf_params(&ops, &mem, "moderate", e) != 0) ||
        keyslot_kdf_params(&rops, &rmem, "interactive", e) != 0 ||
        keyslot_seal(&kf.slot[0], KEYSLOT_PASSPHRASE, master, (const unsigned char *)pass,
                     passlen, ops, mem, e) != 0 ||
        keyslot_seal(&kf.slot[1], KEYSLOT_RECOVERY, master, recovery, RECOVERY_KEY_BYTES,
                     rops, rmem, e) != 0)
        return -1;
    kf.nslots = 2;
    /* A new file (one left by a killed rekey was dropped first), so that
     * a failed folder sync takes it back (util/fileio.h). */
    drop_pending(s);
    return keyslot_save(path, &kf, 0, e);
}

/* The database rewritten under master needs about its own size again,
 * for the write-ahead log: refused up front on a disk without the room. */
static int room_for(uint64_t *dbsize, const struct store *s, struct err *e)
{
    char path[4200];
    struct stat st;
    uint64_t need, avail;

    if (db_path(path, sizeof path, s->dir, STORE_DB_NAME, e) != 0)
        return -1;
    if (stat(path, &st) != 0)
        return err_set(e, EXIT_INPUT, "cannot read %s: %s", path, strerror(errno));
    *dbsize = (uint64_t)st.st_size;
    need = *dbsize + *dbsize / 32 + (1u << 20);
    avail = fileio_free_bytes(s->dir);
    if (avail < need)
        return err_set(e, EXIT_INPUT, "the disk holding %s is full: re-encrypting the store "
                       "needs about %llu MiB free and %llu MiB are; nothing was changed",
                       s->dir, (unsigned long long)(need >> 20),
                       (unsigned long long)(avail >> 20));
    return 0;
}

/* Step 2: re-encrypts every page under master in one transaction. SQLCipher
 * 3.4's sqlite3_rekey returns SQLITE_OK whatever happens, so the result is
 * judged by reopening: 0 if the database opens with master (*stale 1 if
 * another reader kept some old pages from being overwritten yet), 1 if
 * nothing changed (it still opens with the old key), -1 if it opens with
 * neither (e says why). */
static int reencrypt(int *stale, struct store *s, const unsigned char *master,
                     uint64_t dbsize, store_progress_fn progress, void *ctx, struct err *e)
{
    char *hex = secmem_alloc(3 + 2 * KEYSLOT_MASTER_BYTES + 1);
    unsigned char *old = secmem_alloc(KEYSLOT_MASTER_BYTES);
    const struct progress to = { progress, ctx };
    struct progress_ticker t;
    int rc = 1;

    *stale = 0;
    if (hex == NULL || old == NULL) {
        secmem_free(hex);
        secmem_free(old);
        err_set(e, EXIT_INPUT, "out of secure memory");
        return 1;
    }
    memcpy(old, s->master, KEYSLOT_MASTER_BYTES);
    /* The write lock now, for a clear message if another intake holds it;
     * a full disk or an I/O error is told as such. */
    switch (db_checkpoint(s, e)) {
    case 0:
        break;
    case DB_READER_BUSY:
        db_explain(e, s->dir, SQLITE_BUSY, 0, "", "re-encrypting it");
        goto out;
    default:
        goto out;
    }
    if (store_begin(s, e) != 0)
        goto out;
    store_rollback(s);
    hex[0] = 'x';
    hex[1] = '\'';
    sodium_bin2hex(hex + 2, 2 * KEYSLOT_MASTER_BYTES + 1, master, KEYSLOT_MASTER_BYTES);
    hex[2 + 2 * KEYSLOT_MASTER_BYTES] = '\'';
    progress_ticker_start(&t, &to, 0, 2 * dbsize, progress_written, NULL);
    (void)sqlite3_rekey(s->db, hex, 3 + 2 * KEYSLOT_MASTER_BYTES);
    (void)sqlite3_exec(s->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    progress_ticker_stop(&t);
    /* After a failed rekey the connection writes under the new key and
     * reads under the old one: it is closed before anything else. */
    sqlite3_close_v2(s->db);
    s->db = NULL;
    memcpy(s->master, master, KEYSLOT_MASTER_BYTES);
    rc = db_connect(s, 0, e);
    if (rc == 0) {
        *stale = db_checkpoint(s, NULL) != 0;
        if (progress != NULL)
            progress(ctx, 2 * dbsize, 2 * dbsize);
    } else if (rc == DB_NOT_THIS_KEY) {
        memcpy(s->master, old, KEYSLOT_MASTER_BYTES);
        rc = db_connect(s, 0, e) == 0 ? 1 : -1;
        if (rc == 1)
            err_set(e, EXIT_INPUT, "the database in %s could not be re-encrypted (the disk "
                    "may be full or failing); nothing was changed: the old passphrase and "
                    "recovery key still open the store", s->dir);
    } else {
        rc = -1;
    }
out:
    secmem_free(hex);
    secmem_free(old);
    return rc;
}

int store_hold_alone(struct store *s, struct err *e)
{
    /* A passwd that ended while this intake waited: a rekey now would
     * undo it (adv35f F-2). */
    return db_hold(s, LOCK_EX, e) != 0 || db_keys_unchanged(s, e) != 0 ? -1 : 0;
}

int store_rekey_room(struct store *s, struct err *e)
{
    uint64_t dbsize;

    return room_for(&dbsize, s, e);
}

int store_rekey(int *rekeyed, struct store *s, const char *passphrase, size_t passlen,
                const unsigned char *recovery, store_progress_fn progress, void *ctx,
                struct err *e)
{
    unsigned char *master = secmem_alloc(KEYSLOT_MASTER_BYTES);
    uint64_t dbsize = 0;
    int rc = -1, stale = 0, keys;

    *rekeyed = 0;
    if (master == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    /* Alone with the store until it is closed: no other intake keeps a
     * connection under the old key (db_hold). */
    if (db_hold(s, LOCK_EX, e) != 0) {
        secmem_free(master);
        return -1;
    }
    /* Its own variable: rc stays -1 for every "goto out" below (a failed
     * step must never be reported as a rekey done). */
    if ((keys = db_keys_unchanged(s, e)) != 0) {
        if (keys == -2 && e != NULL) {
            char why[sizeof e->msg];
            snprintf(why, sizeof why, "%s", e->msg);
            err_set(e, EXIT_INPUT, "%s; nothing was changed: the old passphrase and recovery "
                    "key still open the store", why);
        }
        secmem_free(master);
        return -1;
    }
    randombytes_buf(master, KEYSLOT_MASTER_BYTES);
    if (room_for(&dbsize, s, e) != 0)
        goto out;
    if (write_pending(s, master, passphrase, passlen, recovery, e) != 0) {
        drop_pending(s);
        if (e != NULL) {
            char why[sizeof e->msg];
            snprintf(why, sizeof why, "%s", e->msg);
            err_set(e, EXIT_INPUT, "%s; nothing was changed: the old passphrase and recovery "
                    "key still open the store", why);
        }
        goto out;
    }
    rc = reencrypt(&stale, s, master, dbsize, progress, ctx, e);
    if (rc > 0)
        drop_pending(s);
    if (rc < 0 && e != NULL) {
        /* The transaction may have committed: never "nothing was changed". */
        char why[sizeof e->msg];
        db_cause(why, sizeof why, e);
        err_set(e, EXIT_INPUT, "the store may have been re-encrypted, but it could not be "
                "opened again to check (%s): try the new passphrase and recovery key, then the "
                "old ones; the next command that opens it finishes the change", why);
    }
    if (rc != 0) {
        /* -1: neither key opens it; keyslots.rekey stays for the next try. */
        *rekeyed = rc < 0;
        rc = -1;
        goto out;
    }
    *rekeyed = 1;
    if (finish(s, e) != 0) {
        char why[sizeof e->msg];
        db_cause(why, sizeof why, e);
        rc = err_set(e, EXIT_INPUT, "the store was re-encrypted and opens with the new "
                     "passphrase and recovery key, but the change is not finished (%s): the "
                     "next intake command finishes it", why);
    } else if (stale) {
        rc = err_set(e, EXIT_INPUT, "the store was re-encrypted and opens with the new "
                     "passphrase and recovery key, but another intake is reading it, so some "
                     "pages under the old key stay in %s/%s until it finishes", s->dir,
                     STORE_DB_NAME);
    }
out:
    secmem_free(master);
    return rc;
}
