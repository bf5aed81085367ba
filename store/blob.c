/* Attachment files beside the database (store/blob.h; docs/FORMAT.md,
 * "Attachment files").
 *
 * A file: BLOB_HEAD_BYTES of header ("INTAKEBL", the version 1, seven
 * zero bytes), then chunks of BLOB_CHUNK plaintext bytes (the last one
 * shorter, possibly empty), each sealed with ChaCha20-Poly1305 under the
 * file's own key with the nonce le64(chunk number) || 00 00 00 last (1 on
 * the last chunk, else 0), and its 16-byte tag after it. The key is random
 * and used for this one file, so no nonce repeats; the last flag and the
 * size in the row make a file cut at a chunk boundary, or one with chunks
 * added, fail. */
#include "store/blob.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crypto/bulk.h"
#include "crypto/secmem.h"
#include "util/fileio.h"

static const unsigned char blob_head[BLOB_HEAD_BYTES] = "INTAKEBL\001";

struct blob_writer {
    struct store *s;
    int fd;
    char path[4200];
    struct bulk_aead *aead;
    uint64_t chunk;                      /* the number of the next chunk */
    size_t have;                         /* plaintext bytes in buf */
    unsigned char *buf;                  /* sodium_malloc, BLOB_CHUNK + tag */
};

_Static_assert(BLOB_KEYBYTES == BULK_KEYBYTES, "a file key is a bulk key");

int blob_name_ok(const char *name)
{
    size_t i;

    for (i = 0; name[i] != '\0'; i++)
        if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f')))
            return 0;
    return i == BLOB_NAME_CHARS;
}

int blob_path(char *out, size_t outlen, const char *dir, const char *name, struct err *e)
{
    int n = snprintf(out, outlen, "%s/%s/%s", dir, BLOB_DIR_NAME, name);

    if (n < 0 || (size_t)n >= outlen)
        return err_set(e, EXIT_INPUT, "path too long: %s", dir);
    return 0;
}

static void nonce_of(unsigned char nonce[BULK_NONCEBYTES], uint64_t chunk, int last)
{
    memset(nonce, 0, BULK_NONCEBYTES);
    for (int i = 0; i < 8; i++)
        nonce[i] = (unsigned char)(chunk >> (8 * i));
    nonce[BULK_NONCEBYTES - 1] = (unsigned char)(last != 0);
}

/* An error of the system while writing or reading a file: a full disk,
 * an I/O error, a folder that cannot be written, each worded as the
 * database's (db_explain). */
static int sys_fail(struct store *s, int sys, const char *doing, struct err *e)
{
    return db_explain(e, s->dir, SQLITE_IOERR, sys, "", doing);
}

/* ---- The folder ---- */

int blob_dir_open(struct store *s, struct err *e)
{
    char path[4200];

    if (s->blobs >= 0)
        return 0;
    if (snprintf(path, sizeof path, "%s/%s", s->dir, BLOB_DIR_NAME) >= (int)sizeof path)
        return err_set(e, EXIT_INPUT, "path too long: %s", s->dir);
    if (mkdir(path, 0700) == 0) {
        if (fsync_parent(path, e) != 0)
            return -1;
    } else if (errno != EEXIST) {
        return sys_fail(s, errno, "opening the database", e);
    }
    s->blobs = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (s->blobs < 0)
        return sys_fail(s, errno, "opening the database", e);
    /* Shared by every intake that has the store open; blob_tidy's sweep of
     * unnamed files needs it alone. */
    if (flock(s->blobs, LOCK_SH) != 0) {
        int saved = errno;
        close(s->blobs);
        s->blobs = -1;
        return sys_fail(s, saved, "opening the database", e);
    }
    return 0;
}

/* Overwrites the file with zeros, syncs and removes it: 0 (also if it
 * was not there), or -1. */
static int wipe_file(struct store *s, const char *name)
{
    static const unsigned char zero[4096];
    struct stat st;
    off_t at = 0;
    int fd = openat(s->blobs, name, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);

    if (fd < 0)
        return errno == ENOENT ? 0 : -1;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return -1;
    }
    while (at < st.st_size) {
        size_t n = st.st_size - at < (off_t)sizeof zero ? (size_t)(st.st_size - at) : sizeof zero;
        if (pwrite(fd, zero, n, at) != (ssize_t)n) {
            close(fd);
            return -1;
        }
        at += (off_t)n;
    }
    if (fsync(fd) != 0) {
        close(fd);
        return -1;
    }
    close(fd);
    if (unlinkat(s->blobs, name, 0) != 0 && errno != ENOENT)
        return -1;
    return fsync(s->blobs) == 0 ? 0 : -1;
}

void blob_sweep_gone(struct store *s)
{
    sqlite3_stmt *st;
    int rc;

    if (s->blobs < 0 || !s->blobs_ready)
        return;
    for (;;) {
        char name[BLOB_NAME_CHARS + 1] = "";

        if (sqlite3_prepare_v2(s->db, "SELECT name FROM blob_gone LIMIT 1", -1, &st, NULL)
            != SQLITE_OK)
            return;
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW && sqlite3_column_bytes(st, 0) == BLOB_NAME_CHARS)
            memcpy(name, sqlite3_column_text(st, 0), BLOB_NAME_CHARS);
        sqlite3_finalize(st);
        if (rc != SQLITE_ROW)
            return;
        if (blob_name_ok(name) && wipe_file(s, name) != 0)
            return;
        const struct db_val v[] = { DB_TEXT(name), DB_INT(BLOB_NAME_CHARS) };
        if (db_run(s, "DELETE FROM blob_gone WHERE name = ?1 OR length(name) != ?2", v,
                   DB_N(v), "removing the attachment", NULL) != 0)
            return;
    }
}

/* 1 if an attachment names file name, 0 if none, -1 with e. */
static int named(struct store *s, const char *name, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(name) };
    long one;

    return db_int(&one, s, "SELECT 1 FROM attachment WHERE blob = ?1", v, DB_N(v),
                  "reading the attachments", e);
}

/* Wipes the files of the folder no attachment names. */
static int sweep_unnamed(struct store *s, struct err *e)
{
    int fd = dup(s->blobs);
    DIR *dp;
    struct dirent *d;
    int rc = 0;

    if (fd < 0 || (dp = fdopendir(fd)) == NULL) {
        if (fd >= 0)
            close(fd);
        return sys_fail(s, errno, "reading the attachments", e);
    }
    rewinddir(dp);
    while (rc == 0 && (d = readdir(dp)) != NULL) {
        int n;

        if (d->d_name[0] == '.' || !blob_name_ok(d->d_name))
            continue;
        if ((n = named(s, d->d_name, e)) < 0)
            rc = -1;
        else if (n == 0)
            (void)wipe_file(s, d->d_name);
    }
    closedir(dp);
    return rc;
}

int blob_tidy(struct store *s, struct err *e)
{
    s->blobs_ready = 1;
    /* Alone (no other intake has the store open, so none is writing a
     * file its row does not name yet): what killed writers left goes. */
    if (flock(s->blobs, LOCK_EX | LOCK_NB) == 0) {
        int rc = sweep_unnamed(s, e);
        if (flock(s->blobs, LOCK_SH) != 0 && rc == 0)
            rc = sys_fail(s, errno, "opening the database", e);
        if (rc != 0)
            return -1;
    } else if (flock(s->blobs, LOCK_SH) != 0) {
        return sys_fail(s, errno, "opening the database", e);
    }
    blob_sweep_gone(s);
    return 0;
}

/* ---- Writing ---- */

int blob_create(struct blob_writer **out, char *name, unsigned char *key, struct store *s,
                struct err *e)
{
    unsigned char id[BLOB_ID_BYTES];
    struct blob_writer *w;

    *out = NULL;
    if (s->blobs < 0)
        return err_set(e, EXIT_INPUT, "internal error: the attachment folder is not open");
    w = calloc(1, sizeof *w);
    if (w == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    w->s = s;
    w->fd = -1;
    w->buf = secmem_alloc(BLOB_CHUNK + BULK_TAGBYTES);
    randombytes_buf(id, sizeof id);
    sodium_bin2hex(name, BLOB_NAME_CHARS + 1, id, sizeof id);
    randombytes_buf(key, BLOB_KEYBYTES);
    if (w->buf == NULL || (w->aead = bulk_aead_new(key)) == NULL) {
        blob_discard(w);
        return err_set(e, EXIT_INPUT, "out of secure memory");
    }
    if (blob_path(w->path, sizeof w->path, s->dir, name, e) != 0) {
        blob_discard(w);
        return -1;
    }
    w->fd = openat(s->blobs, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (w->fd < 0 || fd_write_all(w->fd, blob_head, sizeof blob_head) != 0) {
        int saved = errno;
        blob_discard(w);
        return sys_fail(s, saved, "storing the attachment", e);
    }
    *out = w;
    return 0;
}

static int seal_chunk(struct blob_writer *w, int last, struct err *e)
{
    unsigned char nonce[BULK_NONCEBYTES];

    nonce_of(nonce, w->chunk, last);
    if (bulk_aead_seal(w->aead, w->buf, w->buf, w->have, nonce) != 0)
        return err_set(e, EXIT_INPUT, "cannot encrypt the attachment");
    if (fd_write_all(w->fd, w->buf, w->have + BULK_TAGBYTES) != 0)
        return sys_fail(w->s, errno, "storing the attachment", e);
    w->chunk++;
    w->have = 0;
    return 0;
}

int blob_write(struct blob_writer *w, const unsigned char *buf, size_t len, struct err *e)
{
    while (len > 0) {
        size_t n;

        /* A full chunk is sealed only when more bytes follow: the last
         * chunk is marked. */
        if (w->have == BLOB_CHUNK && seal_chunk(w, 0, e) != 0)
            return -1;
        n = BLOB_CHUNK - w->have;
        if (n > len)
            n = len;
        memcpy(w->buf + w->have, buf, n);
        w->have += n;
        buf += n;
        len -= n;
    }
    return 0;
}

int blob_finish(struct blob_writer *w, struct err *e)
{
    /* A size that is a whole number of chunks ends in an empty last one
     * (floor(size / BLOB_CHUNK) + 1 chunks, what blob_read expects). */
    int rc = w->have == BLOB_CHUNK ? seal_chunk(w, 0, e) : 0;

    if (rc == 0)
        rc = seal_chunk(w, 1, e);

    if (rc == 0 && fsync(w->fd) != 0)
        rc = sys_fail(w->s, errno, "storing the attachment", e);
    if (rc == 0 && fsync(w->s->blobs) != 0)
        rc = sys_fail(w->s, errno, "storing the attachment", e);
    if (rc != 0) {
        blob_discard(w);
        return -1;
    }
    close(w->fd);
    w->fd = -1;
    w->path[0] = '\0';
    blob_discard(w);
    return 0;
}

void blob_discard(struct blob_writer *w)
{
    if (w == NULL)
        return;
    if (w->fd >= 0) {
        close(w->fd);
        if (w->path[0] != '\0')
            (void)unlink(w->path);
    }
    bulk_aead_free(w->aead);
    secmem_free(w->buf);
    free(w);
}

/* ---- Reading ---- */

static int damaged(struct err *e, const char *label)
{
    return err_set(e, EXIT_INPUT, "attachment '%s' is damaged in the store; restore the store "
                   "from a backup", label);
}

/* Reads exactly len bytes at *off (advanced): 0, 1 if the file ends
 * first, -1 (errno). pread, so that the position is ours alone. */
static int read_chunk(int fd, unsigned char *buf, size_t len, off_t *off)
{
    size_t got = 0;

    while (got < len) {
        ssize_t n = pread(fd, buf + got, len - got, *off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            return 1;
        got += (size_t)n;
        *off += n;
    }
    return 0;
}

int blob_read(struct store *s, const char *name, const unsigned char *key, uint64_t size,
              const char *label, store_bytes_fn fn, void *ctx, struct err *e)
{
    unsigned char head[BLOB_HEAD_BYTES], nonce[BULK_NONCEBYTES], extra;
    uint64_t chunks = size / BLOB_CHUNK + 1, left = size;
    struct bulk_aead *aead = NULL;
    unsigned char *buf = NULL;
    off_t off = 0;
    int fd, rc = 0;

    if (!blob_name_ok(name))
        return damaged(e, label);
    fd = openat(s->blobs, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? damaged(e, label) : sys_fail(s, errno, "reading the attachment", e);
    (void)posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    buf = secmem_alloc(BLOB_CHUNK + BULK_TAGBYTES);
    aead = bulk_aead_new(key);
    if (buf == NULL || aead == NULL)
        rc = err_set(e, EXIT_INPUT, "out of secure memory");
    if (rc == 0 && (rc = read_chunk(fd, head, sizeof head, &off)) != 0)
        rc = rc < 0 ? sys_fail(s, errno, "reading the attachment", e) : damaged(e, label);
    if (rc == 0 && sodium_memcmp(head, blob_head, sizeof head) != 0)
        rc = damaged(e, label);
    for (uint64_t i = 0; rc == 0 && i < chunks; i++) {
        size_t n = left < BLOB_CHUNK ? (size_t)left : BLOB_CHUNK;

        /* A size that is a whole number of chunks ends in an empty one. */
        if ((rc = read_chunk(fd, buf, n + BULK_TAGBYTES, &off)) != 0) {
            rc = rc < 0 ? sys_fail(s, errno, "reading the attachment", e) : damaged(e, label);
            break;
        }
        nonce_of(nonce, i, i + 1 == chunks);
        if (bulk_aead_open(aead, buf, buf, n + BULK_TAGBYTES, nonce) != 0) {
            rc = damaged(e, label);
            break;
        }
        left -= n;
        if (n > 0 && (rc = fn(ctx, buf, n, e)) != 0)
            break;
    }
    if (rc == 0) {
        ssize_t m = pread(fd, &extra, 1, off);
        if (m < 0)
            rc = sys_fail(s, errno, "reading the attachment", e);
        else if (m > 0)
            rc = damaged(e, label);
    }
    bulk_aead_free(aead);
    secmem_free(buf);
    close(fd);
    return rc;
}

/* ---- Migration 16 -> 17 ---- */

static int migrate_one(struct store *s, long id, struct err *e)
{
    char name[BLOB_NAME_CHARS + 1];
    unsigned char *key = secmem_alloc(BLOB_KEYBYTES);
    struct blob_writer *w = NULL;
    const struct db_val v[] = { DB_INT(id) };
    sqlite3_stmt *st = NULL;
    int rc;

    if (key == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    rc = blob_create(&w, name, key, s, e);
    if (rc == 0)
        rc = db_query(&st, s, "SELECT data FROM attachment_chunk WHERE attachment_id = ?1"
                      " ORDER BY seq", v, DB_N(v), e);
    while (rc == 0 && (rc = db_step(st, s, "storing the attachment", e)) > 0)
        rc = blob_write(w, sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0), e);
    sqlite3_finalize(st);
    if (rc != 0) {
        blob_discard(w);
        secmem_free(key);
        return -1;
    }
    rc = blob_finish(w, e);
    const struct db_val u[] = { DB_INT(id), DB_TEXT(name), DB_BLOB(key, BLOB_KEYBYTES) };
    if (rc == 0)
        rc = db_run(s, "UPDATE attachment SET blob = ?2, blob_key = ?3 WHERE id = ?1", u,
                    DB_N(u), "storing the attachment", e);
    if (rc == 0)
        rc = db_run(s, "DELETE FROM attachment_chunk WHERE attachment_id = ?1", v, DB_N(v),
                    "storing the attachment", e);
    secmem_free(key);
    return rc;
}

/* The schema of version 16. SQLCipher 3.4's SQLite has no DROP COLUMN,
 * so a test cannot make a store of version 14 from a new one: the columns
 * are added only where they are missing. */
static int blob_schema(struct store *s, struct err *e)
{
    sqlite3_stmt *st;
    int rc, n = 0;

    if (db_prepare(&st, s, "PRAGMA table_info(attachment)", e) != 0)
        return -1;
    while ((rc = db_step(st, s, "storing the attachment", e)) > 0)
        n += sqlite3_column_text(st, 1) != NULL &&
             strcmp((const char *)sqlite3_column_text(st, 1), "blob") == 0;
    sqlite3_finalize(st);
    if (rc < 0)
        return -1;
    if (n == 0 && db_exec(s, "ALTER TABLE attachment ADD COLUMN blob TEXT;"
                          "ALTER TABLE attachment ADD COLUMN blob_key BLOB;", e) != 0)
        return -1;
    return db_exec(s, "CREATE UNIQUE INDEX attachment_blob ON attachment(blob);"
                   "CREATE TABLE blob_gone(name TEXT PRIMARY KEY);"
                   "CREATE TRIGGER attachment_blob_gone AFTER DELETE ON attachment"
                   "  WHEN old.blob IS NOT NULL"
                   "  BEGIN INSERT OR IGNORE INTO blob_gone(name) VALUES (old.blob); END;", e);
}

int blob_migrate(struct store *s, struct err *e)
{
    long id;
    int rc;

    if (blob_dir_open(s, e) != 0 || blob_schema(s, e) != 0)
        return -1;
    /* Each file is synced before its row names it; the transaction commits
     * them all at once, or none (a kill leaves files no row names, which
     * the next intake alone with the store wipes). */
    while ((rc = db_int(&id, s, "SELECT id FROM attachment WHERE blob IS NULL LIMIT 1", NULL, 0,
                        "storing the attachment", e)) > 0)
        if (migrate_one(s, id, e) != 0)
            return -1;
    return rc < 0 ? -1 : 0;
}

const struct db_files blob_files = { blob_dir_open, blob_migrate, blob_tidy, blob_sweep_gone };
