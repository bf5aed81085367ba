/* Statements, transactions and their errors (store/db.h): what SQLite
 * reports turned into one clear message (db_explain, db_fail, with the
 * system errors SQLite's VFS hides recorded by wrappers), the statement
 * helpers every store/ file uses, and BEGIN/COMMIT/ROLLBACK. The bottom
 * of store/'s database files: it calls none of them. */
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
#include "store/words.h"
#include "util/intl.h"

/* What SQLite's unix VFS hides of the system's errors.  It retries an
 * open(2) for reading and writing that failed as an open for reading
 * only, and reports that retry's errno: an I/O error or a full disk while
 * making the write-ahead log read as "No such file or directory".  And a
 * read of page 1 that failed reaches us as "not a database" (SQLCipher
 * decrypts the buffer that was never filled), one inside quick_check as
 * a line of its report: a failing disk would be called damage (issue 14
 * item 4).  So its "open" and "pread64" system calls go through these
 * wrappers (xSetSystemCall, SQLite's own seam), which keep the errno of
 * the last failed read-write open (0 after one that succeeded) and of
 * the last failed read since the store was connected.  One thread, as
 * everywhere in intake. */
typedef int (*open_fn)(const char *, int, int);
typedef ssize_t (*pread_fn)(int, void *, size_t, off_t);
static sqlite3_syscall_ptr next_open, next_pread;
static int rw_open_errno;
int db_read_errno;                  /* store/db.h */

static int recording_open(const char *path, int flags, int mode)
{
    int fd = ((open_fn)next_open)(path, flags, mode);

    if ((flags & O_ACCMODE) == O_RDWR)
        rw_open_errno = fd < 0 ? errno : 0;
    return fd;
}

static ssize_t recording_pread(int fd, void *buf, size_t n, off_t at)
{
    ssize_t got = ((pread_fn)next_pread)(fd, buf, n, at);

    if (got < 0 && errno != EINTR)
        db_read_errno = errno;
    return got;
}

/* Puts one wrapper in place of SQLite's call name; *next: the call it
 * wraps (NULL, and nothing changed, where SQLite has no such call). */
static void wrap_call(sqlite3_vfs *vfs, const char *name, sqlite3_syscall_ptr mine,
                      sqlite3_syscall_ptr *next)
{
    *next = vfs->xGetSystemCall(vfs, name);
    if (*next != NULL && vfs->xSetSystemCall(vfs, name, mine) != SQLITE_OK)
        *next = NULL;
}

void db_install_recorders(void)
{
    static int done;
    sqlite3_vfs *vfs = sqlite3_vfs_find(NULL);

    if (done || vfs == NULL || vfs->iVersion < 3 || vfs->xGetSystemCall == NULL)
        return;
    wrap_call(vfs, "open", (sqlite3_syscall_ptr)recording_open, &next_open);
    wrap_call(vfs, "pread64", (sqlite3_syscall_ptr)recording_pread, &next_pread);
    done = 1;
}

/* The errno behind SQLite's last error on s: SQLite's own, unless that is
 * the ENOENT of the read-only retry after a read-write open failed. */
int db_system_errno(struct store *s)
{
    int sys = sqlite3_system_errno(s->db);
    int base = sqlite3_extended_errcode(s->db) & 0xff;

    if ((base == SQLITE_CANTOPEN || base == SQLITE_IOERR) && sys == ENOENT &&
        rw_open_errno != 0)
        return rw_open_errno;
    return sys;
}

/* Reads the database file with plain read(2): 0 if every byte reads, else
 * the errno of the failure (EIO from a failing disk). */
int db_read_probe(const char *dir)
{
    char path[4200];
    unsigned char buf[65536];
    ssize_t n;
    int fd, saved = 0;

    if (db_path(path, sizeof path, dir, STORE_DB_NAME, NULL) != 0 ||
        (fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)) < 0)
        return 0;
    while ((n = read(fd, buf, sizeof buf)) != 0) {
        if (n < 0 && errno != EINTR) {
            saved = errno;
            break;
        }
    }
    close(fd);
    return saved;
}

int db_explain(struct err *e, const char *dir, int code, int sys, const char *what,
               const char *doing)
{
    int base = code & 0xff;
    int os = base == SQLITE_IOERR || base == SQLITE_CANTOPEN;

    doing = _(doing);   /* an English phrase ("saving the change"), translated whole */

    if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
        return err_set(e, EXIT_INPUT, "another intake is using the store in %s (waited %d "
                       "seconds); nothing was changed: try again when it has finished",
                       dir, STORE_BUSY_MS / 1000);
    if (base == SQLITE_FULL || (os && (sys == ENOSPC || sys == EDQUOT)))
        return err_set(e, EXIT_INPUT, "the disk holding %s is full (while %s); nothing was "
                       "changed: free some space and try again", dir, doing);
    if (base == SQLITE_READONLY || (os && (sys == EROFS || sys == EACCES || sys == EPERM)))
        return err_set(e, EXIT_INPUT, "the store in %s cannot be written (%s) while %s; "
                       "nothing was changed: intake writes to its folder even to read, so "
                       "make it writable or copy the folder to a writable place", dir,
                       sys != 0 && os ? strerror(sys) : _("read-only"), doing);
    if (base == SQLITE_IOERR || base == SQLITE_CANTOPEN)
        return err_set(e, EXIT_INPUT, "an I/O error (%s) on the disk holding %s while %s; "
                       "nothing was changed: check the disk (the system log may say more)",
                       sys != 0 ? strerror(sys) : what, dir, doing);
    if (base == SQLITE_CORRUPT || base == SQLITE_NOTADB) {
        int io = db_read_probe(dir);
        if (io != 0)
            return err_set(e, EXIT_INPUT, "an I/O error (%s) on the disk holding %s while %s; "
                           "nothing was changed: check the disk (the system log may say more)",
                           strerror(io), dir, doing);
        return err_set(e, EXIT_INPUT,
                       "the database in %s is damaged (%s); restore it from a backup", dir, what);
    }
    if (base == SQLITE_NOMEM)
        return err_set(e, EXIT_INPUT, "out of memory while %s; nothing was changed", doing);
    /* A key the store holds once, added twice: callers check for it
     * before they insert, so the other adder is another intake that
     * wrote between that check and this write (issue 14 item 5). */
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
        return err_set(e, EXIT_INPUT, "another intake changed the store in %s at the same "
                       "time (while %s); nothing was changed: try again", dir, doing);
    return err_set(e, EXIT_INPUT, "database error while %s: %s", doing, what);
}

void db_cause(char *out, size_t outlen, const struct err *e)
{
    char *tail;

    snprintf(out, outlen, "%s", e != NULL ? e->msg : "");
    if ((tail = strstr(out, "; nothing was changed")) != NULL)
        *tail = '\0';
}

int db_fail(struct store *s, struct err *e, const char *doing)
{
    int code = sqlite3_extended_errcode(s->db), sys = db_system_errno(s);

    /* "Damaged" after a read that failed: the read is what happened. */
    if (((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB) && db_read_errno != 0) {
        code = SQLITE_IOERR_READ;
        sys = db_read_errno;
    }
    return db_explain(e, s->dir, code, sys, sqlite3_errmsg(s->db), doing);
}

int db_prepare(sqlite3_stmt **st, struct store *s, const char *sql,
               struct err *e)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK)
        return db_fail(s, e, "preparing a query");
    return 0;
}

int db_exec(struct store *s, const char *sql, struct err *e)
{
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(s, e, "updating the store");
    return 0;
}

int db_bind_text(sqlite3_stmt *st, int i, const char *text)
{
    if (text == NULL)
        return sqlite3_bind_null(st, i);
    return sqlite3_bind_text(st, i, text, -1, SQLITE_TRANSIENT);
}

static int bind_one(sqlite3_stmt *st, int i, const struct db_val *v)
{
    switch (v->type) {
    case SQLITE_TEXT:
        return db_bind_text(st, i, v->text);
    case SQLITE_INTEGER:
        return sqlite3_bind_int64(st, i, v->i);
    case SQLITE_BLOB:
        return sqlite3_bind_blob64(st, i, v->blob, (sqlite3_uint64)v->len, SQLITE_TRANSIENT);
    default:
        return sqlite3_bind_null(st, i);
    }
}

int db_bind(sqlite3_stmt *st, struct store *s, const struct db_val *v, size_t n,
            struct err *e)
{
    if ((size_t)sqlite3_bind_parameter_count(st) != n)
        return err_set(e, EXIT_INPUT, "internal error: %zu values for a statement with %d parameters",
                       n, sqlite3_bind_parameter_count(st));
    for (size_t i = 0; i < n; i++)
        if (bind_one(st, (int)i + 1, &v[i]) != SQLITE_OK)
            return db_fail(s, e, "preparing a query");
    return 0;
}

int db_query(sqlite3_stmt **st, struct store *s, const char *sql,
             const struct db_val *v, size_t n, struct err *e)
{
    if (db_prepare(st, s, sql, e) != 0)
        return -1;
    if (db_bind(*st, s, v, n, e) != 0) {
        sqlite3_finalize(*st);
        *st = NULL;
        return -1;
    }
    return 0;
}

int db_first(sqlite3_stmt **st, struct store *s, const char *sql, const struct db_val *v,
             size_t n, const char *doing, struct err *e)
{
    if (db_query(st, s, sql, v, n, e) != 0)
        return -1;
    return db_step(*st, s, doing, e);
}

int db_step(sqlite3_stmt *st, struct store *s, const char *doing, struct err *e)
{
    int rc = sqlite3_step(st);

    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE)
        return 0;
    return db_fail(s, e, doing);
}

int db_run(struct store *s, const char *sql, const struct db_val *v, size_t n,
           const char *doing, struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, sql, v, n, e) != 0)
        return -1;
    rc = db_step(st, s, doing, e);
    sqlite3_finalize(st);
    if (rc > 0)
        return err_set(e, EXIT_INPUT, "internal error: a statement returned rows while %s", doing);
    return rc;
}

int db_int(long *out, struct store *s, const char *sql, const struct db_val *v,
           size_t n, const char *doing, struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, sql, v, n, e) != 0)
        return -1;
    rc = db_step(st, s, doing, e);
    if (rc > 0)
        *out = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc;
}

void db_now(char *out, size_t outlen)
{
    time_t t = time(NULL);
    struct tm tm;

    gmtime_r(&t, &tm);
    if (strftime(out, outlen, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0 && outlen > 0)
        out[0] = '\0';
}

void db_today(char *out, size_t outlen)
{
    char now[32];

    db_now(now, sizeof now);
    snprintf(out, outlen, "%.10s", now);
}

int db_path(char *out, size_t outlen, const char *dir, const char *name,
            struct err *e)
{
    int n = snprintf(out, outlen, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= outlen)
        return err_set(e, EXIT_INPUT, "store folder path too long");
    return 0;
}


void db_new_id(char out[RECORD_ID_CHARS + 1])
{
    static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
    unsigned char rnd[10];
    unsigned int acc = 0, bits = 0;
    size_t o = 0;

    randombytes_buf(rnd, sizeof rnd);
    for (size_t i = 0; i < sizeof rnd; i++) {
        acc = (acc << 8) | rnd[i];
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out[o++] = alphabet[(acc >> bits) & 31];
        }
    }
    out[o] = '\0';
    sodium_memzero(rnd, sizeof rnd);
}

int store_begin(struct store *s, struct err *e)
{
    if (s->held) {               /* store_hold's transaction, still open */
        s->held = 0;
        return 0;
    }
    return db_exec(s, "BEGIN IMMEDIATE", e);
}

int store_hold(struct store *s, struct err *e)
{
    if (s->held)
        return 0;
    if (db_exec(s, "BEGIN IMMEDIATE", e) != 0)
        return -1;
    s->held = 1;
    return 0;
}

int store_commit(struct store *s, struct err *e)
{
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        int sys = db_system_errno(s);

        db_fail(s, e, "saving the change");
        /* A write or sync that failed during the commit may still reach
         * the disk: "nothing was changed" would be a guess.  Not so in a
         * store being made: store_create removes it whole. */
        if ((sqlite3_extended_errcode(s->db) & 0xff) == SQLITE_IOERR && sys != ENOSPC &&
            !s->creating)
            err_set(e, EXIT_INPUT, "an I/O error (%s) on the disk holding %s while saving "
                    "the change: it may or may not have been saved; check with 'intake log' "
                    "once the disk is fine", sys != 0 ? strerror(sys) : "unknown", s->dir);
        store_rollback(s);
        return -1;
    }
    /* The files of attachments this change deleted. */
    if (s->files != NULL)
        s->files->sweep(s);
    return 0;
}

void store_rollback(struct store *s)
{
    s->held = 0;
    (void)sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}
