/* An export whose bundle is being named: store/export_pending.h. */
#include "store/export_pending.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

#include "store/db.h"
#include "store/notice.h"
#include "util/fileio.h"

#define MARK_PREFIX "export.pending."
#define LOCK_TAG FILEIO_TMP_PREFIX "export-"

int export_pending_open(struct export_pending *pp, struct store *s, struct err *e)
{
    unsigned char rnd[8];
    char hex[2 * sizeof rnd + 1], path[4200];

    pp->lock = -1;
    pp->id = 0;
    randombytes_buf(rnd, sizeof rnd);
    sodium_bin2hex(hex, sizeof hex, rnd, sizeof rnd);
    snprintf(pp->name, sizeof pp->name, "%s%s", LOCK_TAG, hex);
    if (snprintf(path, sizeof path, "%s/%s", s->dir, pp->name) >= (int)sizeof path)
        return err_set(e, EXIT_INPUT, "path too long: %s", s->dir);
    /* Locked from its creation: fileio_sweep never takes a live one. */
    pp->lock = open(path, O_RDONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (pp->lock < 0 || flock(pp->lock, LOCK_EX | LOCK_NB) != 0) {
        int saved = errno;
        export_pending_close(pp, s);
        return err_set(e, EXIT_INPUT, "cannot create a file in %s: %s", s->dir,
                       strerror(saved));
    }
    return 0;
}

void export_pending_close(struct export_pending *pp, struct store *s)
{
    char path[4200];

    if (pp->lock < 0)
        return;
    if (snprintf(path, sizeof path, "%s/%s", s->dir, pp->name) < (int)sizeof path)
        (void)unlink(path);
    close(pp->lock);
    pp->lock = -1;
}

/* path with its folder made absolute (symbolic links resolved), in out. */
static int absolute(char *out, size_t outlen, const char *path, struct err *e)
{
    char a[PATH_MAX], b[PATH_MAX], real[PATH_MAX];
    int n;

    if (snprintf(a, sizeof a, "%s", path) >= (int)sizeof a ||
        snprintf(b, sizeof b, "%s", path) >= (int)sizeof b)
        return err_set(e, EXIT_INPUT, "path too long: %s", path);
    if (realpath(dirname(a), real) == NULL)
        return err_set(e, EXIT_INPUT, "cannot find the folder of %s: %s", path, strerror(errno));
    n = snprintf(out, outlen, "%s/%s", strcmp(real, "/") == 0 ? "" : real, basename(b));
    return n < 0 || (size_t)n >= outlen ? err_set(e, EXIT_INPUT, "path too long: %s", path) : 0;
}

int export_pending_mark(struct export_pending *pp, struct store *s, const char *path,
                        long notice_last, struct err *e)
{
    char abs[PATH_MAX], key[64], *value;
    size_t len;
    int rc;

    if (absolute(abs, sizeof abs, path, e) != 0 ||
        db_int(&pp->id, s, "SELECT max(id) FROM export", NULL, 0, "recording the export", e) < 0)
        return -1;
    snprintf(key, sizeof key, MARK_PREFIX "%ld", pp->id);
    len = strlen(pp->name) + strlen(abs) + 32;
    value = malloc(len);
    if (value == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    snprintf(value, len, "%s %ld %s", pp->name, notice_last, abs);
    const struct db_val v[] = { DB_TEXT(key), DB_TEXT(value) };
    rc = db_run(s, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", v, DB_N(v),
                "recording the export", e);
    free(value);
    return rc;
}

/* Drops export id's mark (in the open transaction). */
static int unmark(struct store *s, long id, struct err *e)
{
    char key[64];

    snprintf(key, sizeof key, MARK_PREFIX "%ld", id);
    const struct db_val v[] = { DB_TEXT(key) };
    return db_run(s, "DELETE FROM meta WHERE key = ?1", v, DB_N(v), "recording the export", e);
}

/* Marks the notices sent and drops the mark, in one transaction.  On a
 * second try (again), a mark already gone is the first try's: a commit
 * that reported an I/O error yet reached the disk. */
static int done_once(struct export_pending *pp, struct store *s, const char *const *to,
                     size_t nto, int again, struct err *e)
{
    char key[64], value[PATH_MAX + 128];
    long last = 0;
    sqlite3_stmt *st;
    int rc;

    if (store_begin(s, e) != 0)
        return -1;
    snprintf(key, sizeof key, MARK_PREFIX "%ld", pp->id);
    const struct db_val v[] = { DB_TEXT(key) };
    rc = db_first(&st, s, "SELECT value FROM meta WHERE key = ?1", v, DB_N(v),
                  "recording the export", e);
    if (rc > 0)
        snprintf(value, sizeof value, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (rc > 0 && sscanf(value, "%*s %ld", &last) != 1)
        rc = err_set(e, EXIT_INPUT, "internal error: a bad export mark");
    if (rc == 0 && again) {
        store_rollback(s);
        return 0;
    }
    if (rc <= 0 || db_notice_sent(s, to, nto, last, e) != 0 || unmark(s, pp->id, e) != 0) {
        if (rc == 0)
            err_set(e, EXIT_INPUT, "internal error: the export's mark is gone");
        store_rollback(s);
        return -1;
    }
    return store_commit(s, e);
}

int export_pending_done(struct export_pending *pp, struct store *s, const char *const *to,
                        size_t nto, struct err *e)
{
    /* The bundle has its name: the export is done, and its mark must not
     * outlive this call when it can be helped, since a later check of
     * the path cannot tell a bundle never named from one moved away
     * since (which taking the export back would leave unlogged: adv14
     * F7).  So a second try (a busy or interrupted statement), and this
     * process remembers the export as named for its next resolve. */
    if (done_once(pp, s, to, nto, 0, e) == 0 || done_once(pp, s, to, nto, 1, e) == 0)
        return 0;
    if (s->nexports_named < sizeof s->exports_named / sizeof s->exports_named[0])
        s->exports_named[s->nexports_named++] = pp->id;
    return -1;
}

/* ---- After a kill: the next command ---- */

/* 1 if the writer whose lock file is name (in the store folder) is gone. */
static int writer_gone(struct store *s, const char *name)
{
    char path[4200];
    int fd, gone;

    if (strncmp(name, LOCK_TAG, strlen(LOCK_TAG)) != 0 || strchr(name, '/') != NULL ||
        snprintf(path, sizeof path, "%s/%s", s->dir, name) >= (int)sizeof path)
        return 1;
    fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT;
    gone = flock(fd, LOCK_EX | LOCK_NB) == 0;
    close(fd);
    return gone;
}

/* 1 if this process named export id's bundle (export_pending_done);
 * forgets it when forget is set. */
static int named_here(struct store *s, long id, int forget)
{
    for (size_t i = 0; i < s->nexports_named; i++)
        if (s->exports_named[i] == id) {
            if (forget)
                s->exports_named[i] = s->exports_named[--s->nexports_named];
            return 1;
        }
    return 0;
}

/* 1 if path is a regular file of size bytes: the bundle got its name. */
static int named(const char *path, long size)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && (long)st.st_size == size;
}

/* The recipients of export id, malloc'd (*to, *nto). */
static int recipients(char ***to, size_t *nto, struct store *s, long id, struct err *e)
{
    const struct db_val v[] = { DB_INT(id) };
    sqlite3_stmt *st;
    int rc;

    *to = NULL;
    *nto = 0;
    if (db_query(&st, s, "SELECT name FROM export_recipient WHERE export_id = ?1", v, DB_N(v),
                 e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the exports", e)) > 0) {
        char **a = realloc(*to, (*nto + 1) * sizeof **to);
        if (a == NULL || (*to = a, (a[*nto] = strdup((const char *)sqlite3_column_text(st, 0)))
                                       == NULL)) {
            rc = err_set(e, EXIT_INPUT, "out of memory");
            break;
        }
        (*nto)++;
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

/* The bundle is there: the export stands; its notices count as sent. */
static int stands(struct store *s, long id, long last, struct err *e)
{
    char **to;
    size_t nto;
    int rc = recipients(&to, &nto, s, id, e) == 0 &&
             db_notice_sent(s, (const char *const *)to, nto, last, e) == 0 ? 0 : -1;

    for (size_t i = 0; i < nto; i++)
        free(to[i]);
    free(to);
    return rc;
}

/* The records whose version export id raised (issue 16: a redaction
 * changed since they last left at that version) take back the version
 * they had, which is the one they last left at before (an export never
 * leaves a record below its version, and raises it only from there).
 * Which ones: the "record.version RID" entries just before the export's
 * "export HEX" entry, which its transaction wrote (store/exchange.c,
 * export_rows; nothing else logs that action).  A record whose version
 * moved since is left as it is.  Before export id's rows are deleted. */
static int lower_versions(struct store *s, long id, const char *hex, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(hex) };
    sqlite3_stmt *st;
    int rc;

    /* x: the export's entry (a scan of the log, once per export taken
     * back); b: the last entry before x of another action, found walking
     * back from x. */
    if (db_query(&st, s, "WITH x(seq) AS (SELECT max(seq) FROM log WHERE action = 'export'"
                 " AND object = ?1), b(seq) AS (SELECT coalesce((SELECT seq FROM log WHERE"
                 " seq < (SELECT seq FROM x) AND action <> 'record.version' ORDER BY seq DESC"
                 " LIMIT 1), 0)) SELECT object FROM log WHERE seq > (SELECT seq FROM b)"
                 " AND seq < (SELECT seq FROM x)", v, DB_N(v), e) != 0)
        return -1;
    while ((rc = db_step(st, s, "taking back an export", e)) > 0) {
        const struct db_val w[] = { DB_TEXT((const char *)sqlite3_column_text(st, 0)), DB_INT(id) };
        if (db_run(s, "UPDATE record SET version = (SELECT x.version FROM export_record x"
                   " WHERE x.rid = ?1 AND x.export_id <> ?2 AND x.digest IS NOT NULL"
                   " ORDER BY x.export_id DESC LIMIT 1)"
                   " WHERE rid = ?1 AND version = (SELECT version FROM export_record"
                   "  WHERE export_id = ?2 AND rid = ?1)"
                   " AND EXISTS (SELECT 1 FROM export_record x WHERE x.rid = ?1"
                   "  AND x.export_id <> ?2 AND x.digest IS NOT NULL)", w, DB_N(w),
                   "taking back an export", e) != 0) {
            rc = -1;
            break;
        }
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

/* No bundle: the export is taken back, and the log says so. */
static int undone(struct store *s, long id, struct err *e)
{
    char hex[2 * 32 + 1] = "";
    const struct db_val v[] = { DB_INT(id) };
    sqlite3_stmt *st;
    int rc = db_first(&st, s, "SELECT hash FROM export WHERE id = ?1", v, DB_N(v),
                      "reading the exports", e);

    if (rc > 0 && sqlite3_column_bytes(st, 0) == 32)
        sodium_bin2hex(hex, sizeof hex, sqlite3_column_blob(st, 0), 32);
    sqlite3_finalize(st);
    if (rc < 0)
        return -1;
    if (rc == 0)
        return 0;
    return lower_versions(s, id, hex, e) != 0 ||
           db_run(s, "DELETE FROM export_attachment WHERE export_id = ?1", v, DB_N(v),
                  "taking back an export", e) != 0 ||
           db_run(s, "DELETE FROM export_record WHERE export_id = ?1", v, DB_N(v),
                  "taking back an export", e) != 0 ||
           db_run(s, "DELETE FROM export_recipient WHERE export_id = ?1", v, DB_N(v),
                  "taking back an export", e) != 0 ||
           db_run(s, "DELETE FROM export WHERE id = ?1", v, DB_N(v),
                  "taking back an export", e) != 0 ||
           store_log(s, "export.undone", hex, e) != 0 ? -1 : 1;
}

/* Resolves the mark key = value: 1 taken back, 2 stands, 0 left (its
 * writer still runs, or a mark not ours to read), -1. */
static int resolve_one(struct store *s, const char *key, const char *value, struct err *e)
{
    char name[64];
    long id, last, size = -1;
    int at = 0, rc, standing;

    if (sscanf(key, MARK_PREFIX "%ld", &id) != 1 ||
        sscanf(value, "%63s %ld %n", name, &last, &at) != 2 || at == 0)
        return 0;
    if (!writer_gone(s, name))
        return 0;
    if (store_begin(s, e) != 0)
        return -1;
    const struct db_val v[] = { DB_INT(id) };
    if (db_int(&size, s, "SELECT size FROM export WHERE id = ?1", v, DB_N(v),
               "reading the exports", e) < 0) {
        store_rollback(s);
        return -1;
    }
    standing = named_here(s, id, 0) || named(value + at, size);
    rc = standing ? stands(s, id, last, e) : undone(s, id, e);
    if (rc < 0 || unmark(s, id, e) != 0) {
        store_rollback(s);
        return -1;
    }
    if (store_commit(s, e) != 0)
        return -1;
    (void)named_here(s, id, 1);
    return standing ? 2 : rc;
}

int export_pending_resolve(struct store *s, struct err *e)
{
    sqlite3_stmt *st;
    struct err later = { 0 };
    char **keys = NULL, **values = NULL;
    size_t n = 0;
    int rc, taken = 0;

    if (db_query(&st, s, "SELECT key, value FROM meta WHERE key LIKE '" MARK_PREFIX "%'",
                 NULL, 0, e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the exports", e)) > 0) {
        char **k = realloc(keys, (n + 1) * sizeof *keys), **v;
        if (k == NULL)
            break;
        keys = k;
        v = realloc(values, (n + 1) * sizeof *values);
        if (v == NULL)
            break;
        values = v;
        keys[n] = strdup((const char *)sqlite3_column_text(st, 0));
        values[n] = strdup((const char *)sqlite3_column_text(st, 1));
        if (keys[n] == NULL || values[n] == NULL) {
            free(keys[n]);
            free(values[n]);
            break;
        }
        n++;
    }
    sqlite3_finalize(st);
    for (size_t i = 0; i < n && rc == 0; i++)   /* a mark not resolved now stays */
        if (resolve_one(s, keys[i], values[i], &later) == 1)
            taken++;
    for (size_t i = 0; i < n; i++) {
        free(keys[i]);
        free(values[i]);
    }
    free(keys);
    free(values);
    if (rc < 0)
        return -1;
    if (rc > 0)
        return err_set(e, EXIT_INPUT, "out of memory");
    return taken;
}

int export_pending_settle(struct export_pending *pp, struct store *s, struct err *e)
{
    char key[64], value[PATH_MAX + 128];
    sqlite3_stmt *st;
    int rc;

    export_pending_close(pp, s);       /* this writer is done: its mark is resolvable */
    if (pp->id == 0)
        return err_set(e, EXIT_INPUT, "internal error: the export has no mark");
    snprintf(key, sizeof key, MARK_PREFIX "%ld", pp->id);
    const struct db_val v[] = { DB_TEXT(key) };
    rc = db_first(&st, s, "SELECT value FROM meta WHERE key = ?1", v, DB_N(v),
                  "reading the exports", e);
    if (rc > 0)
        snprintf(value, sizeof value, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (rc < 0)
        return -1;
    if (rc == 0)
        return err_set(e, EXIT_INPUT, "internal error: the export's mark is gone");
    rc = resolve_one(s, key, value, e);
    if (rc == 0)
        return err_set(e, EXIT_INPUT, "internal error: the export's mark was not resolved");
    return rc;
}
