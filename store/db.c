/* The database connection (store/db.h): SQLite's wiping allocator, the
 * connection keyed, its pragmas set and read back, its pages checked, the
 * schema migrated (store/db_migrate.c), checkpoints. Statements,
 * transactions and errors are in store/db_sql.c, the search index in
 * store/db_index.c. */
#include "store/db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "crypto/secmem.h"
#include "privacy/pseudonym.h"
#include "privacy/redact.h"
#include "store/words.h"
#include "util/intl.h"

static int pragma_int(struct store *s, const char *set, const char *get,
                      long want, struct err *e)
{
    long got = -1;

    if (set != NULL && db_exec(s, set, e) != 0)
        return -1;
    if (db_int(&got, s, get, NULL, 0, "reading a safety setting", e) < 0)
        return -1;
    if (got != want)
        return err_set(e, EXIT_INPUT, "the database refused a safety setting (%s)", get);
    return 0;
}

static int set_journal_wal(struct store *s, struct err *e)
{
    sqlite3_stmt *st;
    int ok = 0;

    if (db_prepare(&st, s, "PRAGMA journal_mode=WAL", e) != 0)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *mode = sqlite3_column_text(st, 0);
        ok = mode != NULL && strcmp((const char *)mode, "wal") == 0;
    } else {
        sqlite3_finalize(st);
        return db_fail(s, e, "opening the database");
    }
    sqlite3_finalize(st);
    if (!ok)
        return err_set(e, EXIT_INPUT, "the database refused write-ahead logging");
    return 0;
}

/* Every connection: temp files in memory (SQLCipher does not encrypt
 * them), WAL + synchronous=FULL (no lost commits on power cuts),
 * secure_delete, foreign keys. Each is read back. */
static int apply_pragmas(struct store *s, struct err *e)
{
    if (pragma_int(s, "PRAGMA temp_store=MEMORY", "PRAGMA temp_store", 2, e) != 0 ||
        set_journal_wal(s, e) != 0 ||
        pragma_int(s, "PRAGMA synchronous=FULL", "PRAGMA synchronous", 2, e) != 0 ||
        pragma_int(s, "PRAGMA secure_delete=ON", "PRAGMA secure_delete", 1, e) != 0 ||
        pragma_int(s, "PRAGMA foreign_keys=ON", "PRAGMA foreign_keys", 1, e) != 0)
        return -1;
    return 0;
}

static int key_db(struct store *s, struct err *e)
{
    /* x'<64 hex>': SQLCipher uses the bytes as the key, no PBKDF2. */
    char *hex = secmem_alloc(3 + 2 * KEYSLOT_MASTER_BYTES + 1);
    int rc;

    if (hex == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    hex[0] = 'x';
    hex[1] = '\'';
    sodium_bin2hex(hex + 2, 2 * KEYSLOT_MASTER_BYTES + 1, s->master, KEYSLOT_MASTER_BYTES);
    hex[2 + 2 * KEYSLOT_MASTER_BYTES] = '\'';
    rc = sqlite3_key(s->db, hex, 3 + 2 * KEYSLOT_MASTER_BYTES);
    secmem_free(hex);
    if (rc != SQLITE_OK)
        return db_fail(s, e, "keying the database");
    return 0;
}

struct store *db_alloc(const char *dir, struct err *e)
{
    struct store *s = calloc(1, sizeof *s);

    if (s == NULL) {
        err_set(e, EXIT_INPUT, "out of memory");
        return NULL;
    }
    s->master = secmem_alloc(KEYSLOT_MASTER_BYTES);
    if (s->master == NULL || db_path(s->dir, sizeof s->dir, dir, "", e) != 0 ||
        db_path(s->keyslots, sizeof s->keyslots, dir, STORE_KEYSLOTS_NAME, e) != 0) {
        if (s->master == NULL)
            err_set(e, EXIT_INPUT, "out of secure memory");
        secmem_free(s->master);
        free(s);
        return NULL;
    }
    s->dir[strlen(s->dir) - 1] = '\0';   /* drop the trailing '/' */
    s->hold = -1;
    s->blobs = -1;
    s->refs = 1;
    return s;
}

void db_opened_by(struct store *s, const struct keyslot_file *kf, size_t which)
{
    s->opened_kind = kf->slot[which].kind;
    memcpy(s->opened_salt, kf->slot[which].salt, sizeof s->opened_salt);
}

static int keys_seq(long *seq, struct store *s, struct err *e)
{
    *seq = 0;
    return db_int(seq, s, "SELECT seq FROM log WHERE action IN ('passwd', 'rekey')"
                  " ORDER BY seq DESC LIMIT 1", NULL, 0, "reading the log", e) < 0 ? -1 : 0;
}

int db_keys_note(struct store *s, struct err *e)
{
    return keys_seq(&s->keys_seq, s, e);
}

/* 1 if the slot that opened s is still in the keyslot file kf. */
static int opener_kept(const struct store *s, const struct keyslot_file *kf)
{
    for (size_t i = 0; i < kf->nslots; i++)
        if (kf->slot[i].kind == s->opened_kind &&
            sodium_memcmp(kf->slot[i].salt, s->opened_salt, sizeof s->opened_salt) == 0)
            return 1;
    return 0;
}

int db_keys_unchanged(struct store *s, struct err *e)
{
    struct keyslot_file now_slots;
    long now;

    if (keys_seq(&now, s, e) != 0 || keyslot_load(&now_slots, s->keyslots, e) != 0)
        return -2;
    /* A passwd logged since, or one that ended (its old slots gone)
     * between its commit and this intake's open. */
    if (now != s->keys_seq || (s->opened_kind != 0 && !opener_kept(s, &now_slots)))
        return err_set(e, EXIT_INPUT, "another intake changed the store's keys (a passwd or "
                       "a rekey) while this one had it open; nothing was changed: run it again "
                       "with the passphrase that opens the store now");
    return 0;
}

int db_hold(struct store *s, int mode, struct err *e)
{
    const struct timespec step = { 0, 50 * 1000 * 1000 };

    if (s->hold < 0) {
        s->hold = open(s->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (s->hold < 0)
            return err_set(e, EXIT_INPUT, "cannot open the store folder %s: %s", s->dir,
                           strerror(errno));
    }
    for (int waited = 0; flock(s->hold, mode | LOCK_NB) != 0; waited += 50) {
        if (errno != EWOULDBLOCK && errno != EINTR)
            return err_set(e, EXIT_INPUT, "cannot lock the store folder %s: %s", s->dir,
                           strerror(errno));
        if (waited >= STORE_BUSY_MS)
            return mode == LOCK_SH
                ? err_set(e, EXIT_INPUT, "another intake is re-keying the store in %s (waited %d "
                          "seconds); nothing was changed: try again when it has finished",
                          s->dir, STORE_BUSY_MS / 1000)
                : err_set(e, EXIT_INPUT, "another intake is using the store in %s (waited %d "
                          "seconds); nothing was changed: try again when it has finished",
                          s->dir, STORE_BUSY_MS / 1000);
        (void)nanosleep(&step, NULL);
    }
    return 0;
}

/* The database file is made 0600 by us, whatever the caller's umask;
 * SQLite gives -wal and -shm the same mode. */
static int create_private(const char *path, struct err *e)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

    if (fd < 0)
        return err_set(e, EXIT_INPUT, "cannot create %s: %s", path, strerror(errno));
    close(fd);
    return 0;
}

/* An existing store always has a schema: an emptied or cut database file
 * would otherwise open as a new, empty store and hide the loss. */
static int existing_schema(struct store *s, struct err *e)
{
    long v;

    if (db_schema_version(&v, s, e) != 0)
        return -1;
    if (v == 0)
        return err_set(e, EXIT_INPUT,
                       "the database in %s is damaged (it is empty); restore it from a backup",
                       s->dir);
    return 0;
}

/* SQLCipher 3.4 encrypts and authenticates each page on its own (one
 * pread, AES-CBC and HMAC-SHA1 per page).  Its default of 1 KiB pages
 * held attachment reads to ~150 MB/s; 16 KiB pages read at ~860 MB/s
 * (64 KiB gained little more, and costs more WAL per small commit).
 * The page size is not stored in the file: a store created before this
 * change has 1 KiB pages and is opened with them when 16 KiB fails. */
#define STORE_PAGE_SIZE 16384
#define STORE_PAGE_SIZE_OLD 1024

/* pseudonym_key(P) in SQL (privacy/pseudonym.h): the form pseudonyms are
 * told apart in, NULL for text that has none. */
static void sql_pseudonym_key(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    const unsigned char *p = sqlite3_value_text(argv[0]);
    char key[1024];

    (void)argc;
    if (p == NULL || pseudonym_key(key, sizeof key, (const char *)p) != 0)
        sqlite3_result_null(cx);
    else
        sqlite3_result_text(cx, key, -1, SQLITE_TRANSIENT);
}

/* (Re)opens s->db keyed with s->master and the given page size. */
static int open_keyed(struct store *s, const char *path, int flags, int page_size,
                      struct err *e)
{
    char sql[64];

    if (s->db != NULL) {
        sqlite3_close_v2(s->db);
        s->db = NULL;
    }
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK)
        return db_fail(s, e, "opening the database");
    /* Another intake's transaction is waited for, up to STORE_BUSY_MS. */
    if (sqlite3_busy_timeout(s->db, STORE_BUSY_MS) != SQLITE_OK || key_db(s, e) != 0)
        return -1;
    if (sqlite3_create_function_v2(s->db, "pseudonym_key", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                   sql_pseudonym_key, NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(s, e, "opening the database");
    snprintf(sql, sizeof sql, "PRAGMA cipher_page_size = %d", page_size);
    return db_exec(s, sql, e);
}

/* A small database is checked page by page (each page's HMAC) at every
 * open, so damage is reported before anything is read from it. */
#define QUICK_CHECK_MAX (32L << 20)
static int check_pages(struct store *s, struct err *e)
{
    char path[4200];
    struct stat st;

    if (db_path(path, sizeof path, s->dir, STORE_DB_NAME, e) != 0)
        return -1;
    if (stat(path, &st) != 0 || st.st_size > QUICK_CHECK_MAX)
        return 0;
    return db_check_all(s, e);
}

/* The SQLite code in a line of quick_check's report: a page it could not
 * read is "unable to get the page. error code=N", N the code of the read
 * (an I/O error, out of memory; SQLITE_ERROR after SQLCipher found a page
 * whose HMAC fails).  SQLITE_CORRUPT for any other line: the data itself
 * fails the check. */
int db_check_code(const char *line)
{
    const char *at = strstr(line, "error code=");
    long code;

    if (at == NULL)
        return SQLITE_CORRUPT;
    code = strtol(at + strlen("error code="), NULL, 10);
    switch (code & 0xff) {
    case SQLITE_IOERR: case SQLITE_NOMEM: case SQLITE_FULL: case SQLITE_CANTOPEN:
    case SQLITE_BUSY: case SQLITE_LOCKED: case SQLITE_READONLY:
        return (int)code;
    default:
        return SQLITE_CORRUPT;
    }
}

int db_check_all(struct store *s, struct err *e)
{
    sqlite3_stmt *q;
    char line[256] = "";
    int code, rc;

    db_read_errno = 0;
    if (db_prepare(&q, s, "PRAGMA quick_check(1)", e) != 0)
        return -1;
    rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        const unsigned char *r = sqlite3_column_text(q, 0);
        snprintf(line, sizeof line, "%s", r != NULL ? (const char *)r : "");
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_ROW)
        return db_fail(s, e, "checking the database");
    if (strcmp(line, "ok") == 0)
        return 0;
    /* A read that failed while checking is not damage (issue 14 item 4):
     * say what failed, with its errno. */
    code = db_check_code(line);
    if (code == SQLITE_CORRUPT && db_read_errno != 0)
        code = SQLITE_IOERR_READ;
    if (code == SQLITE_CORRUPT)
        return db_explain(e, s->dir, code, 0, "a page fails its check", "checking the database");
    return db_explain(e, s->dir, code, db_read_errno != 0 ? db_read_errno : db_read_probe(s->dir),
                      "a page could not be read", "checking the database");
}

void store_close(struct store *s)
{
    if (s == NULL)
        return;
    s->watcher.fn = NULL;
    s->watcher.ctx = NULL;
    if (--s->refs > 0) {
        if (s->db != NULL && !sqlite3_get_autocommit(s->db))
            store_rollback(s);
        return;
    }
    /* Wiped with the store: the spellings of its places and its protected
     * set (store/privacy.c). */
    redact_place_answers_clear();
    redactor_free(s->red);
    if (s->db != NULL)
        sqlite3_close_v2(s->db);
    if (s->hold >= 0)
        close(s->hold);
    if (s->blobs >= 0)
        close(s->blobs);
    secmem_free(s->master);
    free(s);
}

/* The first read of the database: SQLITE_OK, SQLITE_NOTADB when the key
 * does not decrypt page 1 (wrong key, or a damaged page), or another
 * SQLite code (busy, I/O error...). */
static int first_read(struct store *s)
{
    int rc = sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);

    return rc == SQLITE_OK ? rc : (sqlite3_extended_errcode(s->db) & 0xff) == SQLITE_NOTADB
           ? SQLITE_NOTADB : rc;
}

/* 1 if the first read failed for want of space: SQLite could not size
 * its shared-memory index (the -shm file) beside the database. */
static int no_room(struct store *s, int rc)
{
    int base = sqlite3_extended_errcode(s->db) & 0xff, sys = db_system_errno(s);

    return rc != SQLITE_OK && (base == SQLITE_FULL ||
           ((base == SQLITE_IOERR || base == SQLITE_CANTOPEN) && (sys == ENOSPC || sys == EDQUOT)));
}

/* adv26b E-5: the -shm file the first try made and could not size stays
 * in the folder after the command (SQLite removes it only at a clean close
 * of the connection that uses it, and the one reopened after no_room uses
 * none).  Removed once the first read in EXCLUSIVE mode has succeeded:
 * that connection holds the database's exclusive lock, so no other
 * connection has it open or can map the file until this one closes; the
 * next one makes it again, and an -shm holds no data (an index into the
 * -wal, rebuilt from it).  Best effort: a failure leaves what was there. */
static void drop_unused_shm(const char *dir)
{
    char shm[4200];

    if (db_path(shm, sizeof shm, dir, STORE_DB_NAME "-shm", NULL) == 0)
        (void)unlink(shm);
}

int db_connect(struct store *s, int create, struct err *e)
{
    char path[4200];
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    int rc, page = STORE_PAGE_SIZE;

    db_mem_install();
    db_install_recorders();
    db_read_errno = 0;
    if (db_path(path, sizeof path, s->dir, STORE_DB_NAME, e) != 0)
        return -1;
    if (create && create_private(path, e) != 0)
        return -1;
    if (open_keyed(s, path, flags, page, e) != 0)
        return -1;
    rc = first_read(s);
    if (rc == SQLITE_NOTADB && !create) {
        page = STORE_PAGE_SIZE_OLD;
        if (open_keyed(s, path, flags, page, e) != 0)
            return -1;
        rc = first_read(s);
    }
    /* A full disk: the index is kept in this connection's memory instead
     * (locking_mode=EXCLUSIVE before the first read: SQLite's "WAL without
     * shared memory"), so reading commands still work. The connection
     * then holds the store alone until it closes (another intake waits,
     * as for a change), and a change fails at its commit with the full
     * disk's message. */
    if (!create && no_room(s, rc)) {
        if (open_keyed(s, path, flags, page, e) != 0 ||
            db_exec(s, "PRAGMA locking_mode=EXCLUSIVE", e) != 0)
            return -1;
        rc = first_read(s);
        if (rc == SQLITE_OK)
            drop_unused_shm(s->dir);
    }
    if (rc == SQLITE_NOTADB) {
        int io = db_read_errno != 0 ? db_read_errno : db_read_probe(s->dir);
        if (io != 0)
            return db_explain(e, s->dir, SQLITE_IOERR, io, "", "opening the database");
        err_set(e, EXIT_INPUT, "the database in %s is damaged or does not match its "
                "keyslot file; restore it from a backup", s->dir);
        return DB_NOT_THIS_KEY;
    }
    if (rc != SQLITE_OK)
        return db_fail(s, e, "opening the database");
    if (!create && existing_schema(s, e) != 0)
        return -1;
    if (apply_pragmas(s, e) != 0 || (s->files != NULL && s->files->dir_open(s, e) != 0) ||
        db_migrate(s, e) != 0)
        return -1;
    if (!create && (rc = check_pages(s, e)) != 0)
        return rc;
    return s->files != NULL ? s->files->tidy(s, e) : 0;
}

int db_checkpoint(struct store *s, struct err *e)
{
    sqlite3_stmt *st;
    int rc, busy = 1;

    if (db_prepare(&st, s, "PRAGMA wal_checkpoint(TRUNCATE)", e) != 0)
        return -1;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        busy = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return db_fail(s, e, "checkpointing the database");
    if (busy) {
        err_set(e, EXIT_INPUT, "another intake is reading the store in %s, so its "
                "write-ahead log could not be emptied", s->dir);
        return DB_READER_BUSY;
    }
    return 0;
}

int db_checkpoint_after(struct store *s, const char *done, struct err *e)
{
    char why[sizeof e->msg];

    if (db_checkpoint(s, e) == 0)
        return 0;
    if (e == NULL)
        return -1;
    db_cause(why, sizeof why, e);
    return err_set(e, EXIT_INPUT, "%s, but old copies of its pages stay in the store's "
                   "write-ahead log until the next change (%s)", done, why);
}

struct store *store_share(struct store *s)
{
    s->refs++;
    return s;
}

void store_watch(struct store *s, const struct progress *p)
{
    s->watcher = *p;
}

const char *store_dir(const struct store *s)
{
    return s->dir;
}

int store_exports_undone(const struct store *s)
{
    return s->exports_undone;
}


int db_scrub(struct store *s, struct err *e)
{
    return db_exec(s, "INSERT INTO record_fts(record_fts) VALUES ('optimize')", e);
}
