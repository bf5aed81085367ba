/* Backup, restore and wipe (store.h; docs/FORMAT.md, "Backup file";
 * SECURITY.md, "Backups" and "Wipe").
 *
 * A backup is the keyslot file, the database file and (version 2) every
 * attachment file a row names, as they are on disk, encrypted, one after
 * the other with their lengths and a BLAKE2b-256 of everything: it opens
 * with what opens the store, no more and no less. Version 1 (no
 * attachment files: they were in the database) is still restored.
 * It is written while this intake holds the store alone (no other command
 * writes meanwhile), after the write-ahead log was emptied into the
 * database and every page checked, then read back from the disk and its
 * checksum compared before it is reported written. */
#include "store/blob.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crypto/secmem.h"
#include "store/subject.h"
#include "util/fileio.h"

#define BACKUP_MAGIC "INTAKEBK"
#define BACKUP_MAGIC_BYTES 8
#define BACKUP_VERSION 2
#define BACKUP_VERSION_OLD 1             /* attachments inside the database */
#define BACKUP_FILES_MAX (1u << 24)      /* attachment files in one backup */
#define BACKUP_HEAD_BYTES (BACKUP_MAGIC_BYTES + 1 + 4)
#define BACKUP_CHUNK (1u << 20)

struct backup {
    int fd;
    char path[4096];
    unsigned char ks[KEYSLOT_FILE_MAX];  /* the keyslot file's bytes */
    size_t kslen;
    struct keyslot_file kf;
    uint64_t dboff, dblen;               /* where the database is in the file */
    int version;
    uint64_t pos, size;                  /* bytes read so far, the file's length */
    store_progress_fn progress;          /* told pos of size as it reads, or NULL */
    void *pctx;
    unsigned char sum[BACKUP_HASHBYTES]; /* the checksum, checked */
    unsigned char *master;               /* secmem, once unlocked */
    char as_of[32];                      /* its newest log entry's time, once restored */
};

static void le32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void le64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_le(const unsigned char *p, int n)
{
    uint64_t v = 0;

    for (int i = n - 1; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

/* ---- Reading a backup ---- */

static int bad_backup(struct err *e, const char *path, const char *why)
{
    return err_set(e, EXIT_INPUT, "%s is not a whole intake backup (%s)", path, why);
}

/* Reads exactly len bytes at b's position (counted in b->pos); a short
 * file is bad. */
static int read_exact(struct backup *b, void *buf, size_t len, struct err *e)
{
    ssize_t n = fd_read_full(b->fd, buf, len);

    if (n < 0)
        return err_set(e, EXIT_INPUT, "cannot read %s: %s", b->path, strerror(errno));
    if ((size_t)n != len)
        return bad_backup(e, b->path, "it is cut short");
    b->pos += len;
    return 0;
}

/* len bytes (the database's or an attachment file's) from the backup's
 * fd (positioned at them) to sink (or nowhere), hashed into h; progress
 * reported as bytes of the whole backup file read. */
typedef int (*chunk_fn)(void *ctx, const unsigned char *buf, size_t len, struct err *e);

static int stream_db(struct backup *b, uint64_t len, crypto_generichash_state *h, chunk_fn sink,
                     void *ctx, struct err *e)
{
    unsigned char *buf = secmem_wipe_malloc(BACKUP_CHUNK);
    uint64_t left = len;
    int rc = 0;

    if (buf == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    while (rc == 0 && left > 0) {
        size_t n = left < BACKUP_CHUNK ? (size_t)left : BACKUP_CHUNK;
        rc = read_exact(b, buf, n, e);
        if (rc == 0) {
            crypto_generichash_update(h, buf, n);
            if (sink != NULL)
                rc = sink(ctx, buf, n, e);
            left -= n;
            if (b->progress != NULL)
                b->progress(b->pctx, b->pos < b->size ? b->pos : b->size, b->size);
        }
    }
    secmem_wipe_free(buf);
    return rc;
}

/* Where read_all passes what it reads: the database's bytes and each
 * attachment file's to data, each file announced first to file (its
 * name, BLOB_NAME_CHARS characters). NULL: read and checked only. */
struct backup_sink {
    chunk_fn data;
    int (*file)(void *ctx, const char *name, struct err *e);
    void *ctx;
};

/* Version 2's attachment files: a count (le32), then each file's name
 * (BLOB_NAME_CHARS hex digits), length (le64) and bytes, names in
 * ascending order. */
static int read_files(struct backup *b, crypto_generichash_state *h, const struct backup_sink *k,
                      struct err *e)
{
    unsigned char count4[4], item[BLOB_NAME_CHARS + 8];
    char name[BLOB_NAME_CHARS + 1], prev[BLOB_NAME_CHARS + 1] = "";
    uint32_t count;

    if (read_exact(b, count4, sizeof count4, e) != 0)
        return -1;
    crypto_generichash_update(h, count4, sizeof count4);
    count = (uint32_t)get_le(count4, 4);
    if (count > BACKUP_FILES_MAX)
        return bad_backup(e, b->path, "it names too many attachment files");
    for (uint32_t i = 0; i < count; i++) {
        uint64_t len;

        if (read_exact(b, item, sizeof item, e) != 0)
            return -1;
        crypto_generichash_update(h, item, sizeof item);
        memcpy(name, item, BLOB_NAME_CHARS);
        name[BLOB_NAME_CHARS] = '\0';
        len = get_le(item + BLOB_NAME_CHARS, 8);
        if (!blob_name_ok(name) || strcmp(name, prev) <= 0 || len > ((uint64_t)1 << 50))
            return bad_backup(e, b->path, "an attachment file in it is named or sized wrongly");
        memcpy(prev, name, sizeof prev);
        if (k != NULL && k->file(k->ctx, name, e) != 0)
            return -1;
        if (stream_db(b, len, h, k != NULL ? k->data : NULL, k != NULL ? k->ctx : NULL, e) != 0)
            return -1;
    }
    return 0;
}

/* Reads the backup from its start: its header and keyslot file (parsed),
 * the database and the attachment files (to k), and checks the checksum
 * and that nothing follows it; the checksum into sum. progress (or NULL)
 * is told how many bytes of the backup file are read, of its length. */
static int read_all(struct backup *b, unsigned char sum[BACKUP_HASHBYTES],
                    const struct backup_sink *k, store_progress_fn progress, void *pctx,
                    struct err *e)
{
    unsigned char head[BACKUP_HEAD_BYTES], len8[8], want[BACKUP_HASHBYTES], extra;
    crypto_generichash_state h;
    struct stat st;
    uint32_t kslen;
    ssize_t n;

    if (fstat(b->fd, &st) != 0 || lseek(b->fd, 0, SEEK_SET) != 0)
        return err_set(e, EXIT_INPUT, "cannot read %s: %s", b->path, strerror(errno));
    b->size = (uint64_t)st.st_size;
    b->progress = progress;
    b->pctx = pctx;
    /* A file too short for the magic, or with another, is no backup at
     * all; one cut short after it is a damaged backup. */
    n = fd_read_full(b->fd, head, sizeof head);
    if (n < 0)
        return err_set(e, EXIT_INPUT, "cannot read %s: %s", b->path, strerror(errno));
    if ((size_t)n < BACKUP_MAGIC_BYTES || memcmp(head, BACKUP_MAGIC, BACKUP_MAGIC_BYTES) != 0)
        return err_set(e, EXIT_INPUT, "%s is not an intake backup", b->path);
    if ((size_t)n != sizeof head)
        return bad_backup(e, b->path, "it is cut short");
    if (head[BACKUP_MAGIC_BYTES] != BACKUP_VERSION && head[BACKUP_MAGIC_BYTES] != BACKUP_VERSION_OLD)
        return err_set(e, EXIT_INPUT, "%s is a backup of version %u; this intake reads version %d",
                       b->path, head[BACKUP_MAGIC_BYTES], BACKUP_VERSION);
    b->version = head[BACKUP_MAGIC_BYTES];
    b->pos = sizeof head;
    kslen = (uint32_t)get_le(head + BACKUP_MAGIC_BYTES + 1, 4);
    if (kslen == 0 || kslen > KEYSLOT_FILE_MAX)
        return bad_backup(e, b->path, "its keyslot file has an impossible length");
    if (read_exact(b, b->ks, kslen, e) != 0 ||
        read_exact(b, len8, sizeof len8, e) != 0)
        return -1;
    b->kslen = kslen;
    b->dboff = sizeof head + kslen + sizeof len8;
    b->dblen = get_le(len8, 8);
    if (b->dblen == 0 || b->dblen > ((uint64_t)1 << 50))
        return bad_backup(e, b->path, "its database has an impossible length");
    crypto_generichash_init(&h, NULL, 0, BACKUP_HASHBYTES);
    crypto_generichash_update(&h, head, sizeof head);
    crypto_generichash_update(&h, b->ks, kslen);
    crypto_generichash_update(&h, len8, sizeof len8);
    if (k != NULL && k->file != NULL && k->file(k->ctx, NULL, e) != 0)
        return -1;
    if (stream_db(b, b->dblen, &h, k != NULL ? k->data : NULL, k != NULL ? k->ctx : NULL,
                  e) != 0 ||
        (b->version == BACKUP_VERSION && read_files(b, &h, k, e) != 0) ||
        read_exact(b, want, sizeof want, e) != 0)
        return -1;
    crypto_generichash_final(&h, sum, BACKUP_HASHBYTES);
    if (sodium_memcmp(sum, want, sizeof want) != 0)
        return bad_backup(e, b->path, "its checksum does not match: it was damaged or changed");
    /* A failed read is the disk's error, not something after the end. */
    if ((n = read(b->fd, &extra, 1)) < 0)
        return err_set(e, EXIT_INPUT, "cannot read %s: %s", b->path, strerror(errno));
    if (n != 0)
        return bad_backup(e, b->path, "something follows its checksum");
    if (progress != NULL)
        progress(pctx, b->pos, b->size);
    /* The keyslot file inside has its own checksum. */
    return keyslot_parse(&b->kf, b->ks, b->kslen, e) == 0 ? 0
           : bad_backup(e, b->path, "its keyslot file is damaged");
}

int store_backup_open(struct backup **out, const char *path, struct err *e)
{
    struct backup *b = calloc(1, sizeof *b);

    *out = NULL;
    if (b == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    b->fd = -1;
    if (snprintf(b->path, sizeof b->path, "%s", path) >= (int)sizeof b->path) {
        free(b);
        return err_set(e, EXIT_INPUT, "path too long: %s", path);
    }
    if (file_open_regular(&b->fd, path, 0, "backup", e) != 0 ||
        read_all(b, b->sum, NULL, NULL, NULL, e) != 0) {
        store_backup_close(b);
        return -1;
    }
    *out = b;
    return 0;
}

void store_backup_close(struct backup *b)
{
    if (b == NULL)
        return;
    if (b->fd >= 0)
        close(b->fd);
    secmem_free(b->master);
    sodium_memzero(b, sizeof *b);
    free(b);
}

void store_backup_hash(unsigned char hash[BACKUP_HASHBYTES], const struct backup *b)
{
    memcpy(hash, b->sum, BACKUP_HASHBYTES);
}

int store_backup_unlock(struct backup *b, uint8_t kind, const unsigned char *secret,
                        size_t secretlen, struct err *e)
{
    if (b->master == NULL && (b->master = secmem_alloc(KEYSLOT_MASTER_BYTES)) == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    if (keyslot_open(b->master, &b->kf, kind, secret, secretlen, e) < 0) {
        secmem_free(b->master);
        b->master = NULL;
        if (e != NULL && e->code == EXIT_AUTH)
            snprintf(e->msg, sizeof e->msg, "%s does not open this backup",
                     kind == KEYSLOT_RECOVERY ? "the recovery key" : "the passphrase");
        return -1;
    }
    return 0;
}

/* ---- Writing a backup ---- */

/* Refuses a backup inside the store folder (at any depth: blobs/ too,
 * adv35f I-5): wiping or losing the folder
 * would take it along. */
static int outside_store(const struct store *s, const char *path, struct err *e)
{
    char copy[4096], dir[PATH_MAX];

    if (snprintf(copy, sizeof copy, "%s", path) >= (int)sizeof copy)
        return err_set(e, EXIT_INPUT, "path too long: %s", path);
    if (realpath(dirname(copy), dir) == NULL)
        return err_set(e, EXIT_INPUT, "cannot write %s: %s", path, strerror(errno));
    if (file_lands_in(path, s->dir) == 1)
        return err_set(e, EXIT_INPUT, "a backup cannot go into the store folder %s (it would "
                       "be lost with it); write it elsewhere, best on another disk", s->dir);
    return 0;
}

/* Where the backup is written, hashed as it goes; progress is told the
 * bytes written of the whole work, 2 * total (the backup file's length,
 * written once and read back once). */
struct writer {
    struct atomic_file *af;
    crypto_generichash_state h;
    store_progress_fn progress;
    void *ctx;
    uint64_t done, total;
};

static int put(struct writer *w, const unsigned char *buf, size_t len, struct err *e)
{
    crypto_generichash_update(&w->h, buf, len);
    if (atomic_write(w->af, buf, len, e) != 0)
        return -1;
    w->done += len;
    if (w->progress != NULL)
        w->progress(w->ctx, w->done < w->total ? w->done : w->total, 2 * w->total);
    return 0;
}

/* The length in bytes of the backup of s to be written (its keyslot
 * file kslen bytes, its database dblen): the attachment files every row
 * names are measured as they are now (the store is held alone, so they
 * stay so); one that cannot be measured counts 0 (put_files reports it). */
static int backup_bytes(uint64_t *total, struct store *s, size_t kslen, uint64_t dblen,
                        struct err *e)
{
    char path[4200];
    sqlite3_stmt *st;
    int rc;

    *total = BACKUP_HEAD_BYTES + kslen + 8 + dblen + 4 + BACKUP_HASHBYTES;
    if (db_query(&st, s, "SELECT blob FROM attachment WHERE blob IS NOT NULL", NULL, 0, e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the attachments", e)) > 0) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        struct stat sb;

        *total += BLOB_NAME_CHARS + 8;
        if (blob_name_ok(name) && blob_path(path, sizeof path, s->dir, name, NULL) == 0 &&
            stat(path, &sb) == 0)
            *total += (uint64_t)sb.st_size;
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

/* Copies len bytes of fd (at its position) into w; path names it. */
static int put_file(struct writer *w, int fd, uint64_t len, unsigned char *buf, const char *path,
                    struct err *e)
{
    for (uint64_t done = 0; done < len;) {
        uint64_t left = len - done;
        size_t want = left < BACKUP_CHUNK ? (size_t)left : BACKUP_CHUNK;
        ssize_t n = fd_read_full(fd, buf, want);
        if (n < 0 || (size_t)n != want)
            return err_set(e, EXIT_INPUT, "cannot read %s: %s", path, n < 0 ? strerror(errno)
                           : "it became shorter while it was copied");
        if (put(w, buf, want, e) != 0)
            return -1;
        done += want;
    }
    return 0;
}

/* The attachment files every row names, by name: their count, then each
 * one's name, length and bytes (read_files). */
static int put_files(struct writer *w, struct store *s, unsigned char *buf, struct err *e)
{
    unsigned char count4[4], item[BLOB_NAME_CHARS + 8];
    char path[4200];
    sqlite3_stmt *st;
    long count;
    int rc;

    if (db_int(&count, s, "SELECT count(*) FROM attachment WHERE blob IS NOT NULL", NULL, 0,
               "reading the attachments", e) < 0)
        return -1;
    le32(count4, (uint32_t)count);
    if (put(w, count4, sizeof count4, e) != 0 ||
        db_query(&st, s, "SELECT blob FROM attachment WHERE blob IS NOT NULL ORDER BY blob",
                 NULL, 0, e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the attachments", e)) > 0) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        struct stat sb;
        int fd;

        if (!blob_name_ok(name) || blob_path(path, sizeof path, s->dir, name, e) != 0) {
            rc = err_set(e, EXIT_INPUT, "the database in %s is damaged (an attachment names "
                         "no file); restore it from a backup", s->dir);
            break;
        }
        if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0 || fstat(fd, &sb) != 0) {
            rc = err_set(e, EXIT_INPUT, "cannot read %s: %s", path, strerror(errno));
            if (fd >= 0)
                close(fd);
            break;
        }
        memcpy(item, name, BLOB_NAME_CHARS);
        le64(item + BLOB_NAME_CHARS, (uint64_t)sb.st_size);
        rc = put(w, item, sizeof item, e);
        if (rc == 0)
            rc = put_file(w, fd, (uint64_t)sb.st_size, buf, path, e);
        close(fd);
        if (rc != 0)
            break;
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

/* Header, keyslot file, database length, database, attachment files,
 * checksum. */
static int write_backup(unsigned char sum[BACKUP_HASHBYTES], struct atomic_file *af,
                        struct store *s, store_progress_fn progress, void *ctx, struct err *e)
{
    unsigned char head[BACKUP_HEAD_BYTES], len8[8], *ks = NULL, *buf = NULL;
    struct writer w = { af, { { 0 } }, progress, ctx, 0, 0 };
    struct keyslot_file kf;
    char path[4200];
    size_t kslen = 0;
    uint64_t done = 0;
    struct stat st;
    int fd = -1, rc = -1;

    if (file_read_all(s->keyslots, KEYSLOT_FILE_MAX, &ks, &kslen, "keyslot file", e) != 0)
        return -1;
    if (keyslot_parse(&kf, ks, kslen, e) != 0 || db_path(path, sizeof path, s->dir, STORE_DB_NAME, e) != 0)
        goto out;
    if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0 || fstat(fd, &st) != 0) {
        err_set(e, EXIT_INPUT, "cannot read %s: %s", path, strerror(errno));
        goto out;
    }
    if ((buf = secmem_wipe_malloc(BACKUP_CHUNK)) == NULL) {
        err_set(e, EXIT_INPUT, "out of memory");
        goto out;
    }
    if (backup_bytes(&w.total, s, kslen, (uint64_t)st.st_size, e) != 0)
        goto out;
    memcpy(head, BACKUP_MAGIC, BACKUP_MAGIC_BYTES);
    head[BACKUP_MAGIC_BYTES] = BACKUP_VERSION;
    le32(head + BACKUP_MAGIC_BYTES + 1, (uint32_t)kslen);
    le64(len8, (uint64_t)st.st_size);
    crypto_generichash_init(&w.h, NULL, 0, BACKUP_HASHBYTES);
    if (put(&w, head, sizeof head, e) != 0 || put(&w, ks, kslen, e) != 0 ||
        put(&w, len8, sizeof len8, e) != 0)
        goto out;
    while (done < (uint64_t)st.st_size) {
        uint64_t left = (uint64_t)st.st_size - done;
        size_t want = left < BACKUP_CHUNK ? (size_t)left : BACKUP_CHUNK;
        ssize_t n = fd_read_full(fd, buf, want);
        if (n < 0 || (size_t)n != want) {
            err_set(e, EXIT_INPUT, "cannot read %s: %s", path, n < 0 ? strerror(errno)
                    : "it became shorter while it was copied");
            goto out;
        }
        if (put(&w, buf, want, e) != 0)
            goto out;
        done += want;
    }
    if (put_files(&w, s, buf, e) != 0)
        goto out;
    crypto_generichash_final(&w.h, sum, BACKUP_HASHBYTES);
    rc = atomic_write(af, sum, BACKUP_HASHBYTES, e);
out:
    if (fd >= 0)
        close(fd);
    secmem_wipe_free(buf);
    free(ks);
    return rc;
}

/* Progress of the read-back: the second half of the work. */
struct half {
    store_progress_fn fn;
    void *ctx;
};

static void second_half(void *ctx, uint64_t done, uint64_t total)
{
    struct half *h = ctx;

    h->fn(h->ctx, total + done, 2 * total);
}

/* Reads the backup at path back from the disk (its pages dropped from
 * the cache first, where the kernel allows) and checks it whole, and
 * that its checksum is the one written. */
static int read_back(const char *path, const unsigned char sum[BACKUP_HASHBYTES],
                     store_progress_fn progress, void *ctx, struct err *e)
{
    struct backup *b = calloc(1, sizeof *b);
    struct half h = { progress, ctx };
    unsigned char got[BACKUP_HASHBYTES];
    int rc;

    if (b == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    snprintf(b->path, sizeof b->path, "%s", path);
    b->fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (b->fd < 0) {
        free(b);
        return err_set(e, EXIT_INPUT, "cannot read %s back: %s", path, strerror(errno));
    }
    (void)posix_fadvise(b->fd, 0, 0, POSIX_FADV_DONTNEED);
    rc = read_all(b, got, NULL, progress != NULL ? second_half : NULL, &h, e);
    if (rc == 0 && sodium_memcmp(got, sum, BACKUP_HASHBYTES) != 0)
        rc = err_set(e, EXIT_INPUT, "%s does not read back as it was written", path);
    store_backup_close(b);
    return rc;
}

static void hex_of(char *out, const unsigned char *sum)
{
    sodium_bin2hex(out, 2 * BACKUP_HASHBYTES + 1, sum, BACKUP_HASHBYTES);
}

int store_backup(unsigned char sum[BACKUP_HASHBYTES], uint64_t *size, struct store *s,
                 const char *path, store_progress_fn progress, void *ctx, struct err *e)
{
    char hex[2 * BACKUP_HASHBYTES + 1];
    struct atomic_file af;
    struct stat st;

    *size = 0;
    /* Alone with the store (other intakes closed it, none opens it) and
     * its whole content in the database file, every page checked. */
    if (outside_store(s, path, e) != 0 || db_hold(s, LOCK_EX, e) != 0 ||
        db_checkpoint(s, e) != 0 || db_check_all(s, e) != 0 || atomic_open(&af, path, 0, e) != 0)
        return -1;
    if (write_backup(sum, &af, s, progress, ctx, e) != 0 ||
        (fstat(af.fd, &st) != 0 && err_set(e, EXIT_INPUT, "cannot write %s: %s", path,
                                           strerror(errno)) != 0)) {
        atomic_abort(&af);
        return -1;
    }
    if (atomic_commit(&af, e) != 0)
        return -1;
    *size = (uint64_t)st.st_size;
    if (read_back(path, sum, progress, ctx, e) != 0) {
        (void)unlink(path);
        return -1;
    }
    /* Logged once it is whole: the store then holds one entry more than
     * the backup, which names it. */
    hex_of(hex, sum);
    if (store_begin(s, e) != 0 || store_log(s, "backup", hex, e) != 0 ||
        store_commit(s, e) != 0) {
        char why[sizeof e->msg];
        if (!sqlite3_get_autocommit(s->db))
            store_rollback(s);
        db_cause(why, sizeof why, e);
        /* The backup is complete and durable: a full disk under the store
         * costs its log entry, never the backup (L1). */
        err_set(e, EXIT_INPUT, "the backup %s is written and checked, but the store "
                "could not log it (%s)", path, why);
        return 1;
    }
    return 0;
}

/* ---- Restore ---- */

/* Where a restore writes: the database (an atomic file), then each
 * attachment file, written under its name in dir's blobs folder (a new
 * file; the store is not one until its keyslot file is written last). */
struct restoring {
    struct atomic_file af;
    char dir[4096];
    int fd;                              /* the attachment file being written, or -1 */
    char path[4200];
};

static int restore_data(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct restoring *r = ctx;

    if (r->fd < 0)
        return atomic_write(&r->af, buf, len, e);
    if (fd_write_all(r->fd, buf, len) != 0)
        return err_set(e, EXIT_INPUT, "cannot write %s: %s", r->path, strerror(errno));
    return 0;
}

/* Syncs and closes the attachment file being written, if any. */
static int restore_file_done(struct restoring *r, struct err *e)
{
    int rc = 0;

    if (r->fd < 0)
        return 0;
    if (fsync(r->fd) != 0)
        rc = err_set(e, EXIT_INPUT, "cannot write %s: %s", r->path, strerror(errno));
    close(r->fd);
    r->fd = -1;
    return rc;
}

static int restore_file(void *ctx, const char *name, struct err *e)
{
    struct restoring *r = ctx;
    char folder[4200];

    if (name == NULL)
        return 0;
    if (restore_file_done(r, e) != 0 || blob_path(r->path, sizeof r->path, r->dir, name, e) != 0)
        return -1;
    snprintf(folder, sizeof folder, "%s/%s", r->dir, BLOB_DIR_NAME);
    if (mkdir(folder, 0700) != 0 && errno != EEXIST)
        return err_set(e, EXIT_INPUT, "cannot create %s: %s", folder, strerror(errno));
    r->fd = open(r->path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (r->fd < 0)
        return err_set(e, EXIT_INPUT, "cannot create %s: %s", r->path, strerror(errno));
    return 0;
}

/* The database of b written to dir/store.db (a new file, whole or not at
 * all) and its attachment files to dir/blobs (synced, with their folder);
 * the backup is read again and must be the one checked before. */
static int restore_db(struct backup *b, const char *dir, store_progress_fn progress, void *ctx,
                      struct err *e)
{
    unsigned char sum[BACKUP_HASHBYTES];
    struct restoring r;
    struct backup_sink k = { restore_data, restore_file, &r };
    char path[4200];

    r.fd = -1;
    snprintf(r.dir, sizeof r.dir, "%s", dir);
    if (db_path(path, sizeof path, dir, STORE_DB_NAME, e) != 0 || atomic_open(&r.af, path, 0, e) != 0)
        return -1;
    if (read_all(b, sum, &k, progress, ctx, e) != 0 || restore_file_done(&r, e) != 0 ||
        (sodium_memcmp(sum, b->sum, sizeof sum) != 0 &&
         err_set(e, EXIT_INPUT, "%s changed while it was restored; nothing was restored",
                 b->path) != 0)) {
        if (r.fd >= 0)
            close(r.fd);
        atomic_abort(&r.af);
        return -1;
    }
    snprintf(path, sizeof path, "%s/%s/.", dir, BLOB_DIR_NAME);
    if (b->version == BACKUP_VERSION && access(path, F_OK) == 0 && fsync_parent(path, e) != 0) {
        atomic_abort(&r.af);
        return -1;
    }
    return atomic_commit(&r.af, e);
}

/* Opens the restored database with the backup's key, checks every page,
 * and logs the restore (the backup's checksum). */
/* The time of the newest entry of s's log into b->as_of: how far the
 * restored store goes (what the device did after it is not in it). */
static int note_as_of(struct backup *b, struct store *s, struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    b->as_of[0] = '\0';
    if (db_query(&st, s, "SELECT at FROM log ORDER BY seq DESC LIMIT 1", NULL, 0, e) != 0)
        return -1;
    rc = db_step(st, s, "reading the log", e);
    if (rc > 0 && sqlite3_column_text(st, 0) != NULL)
        snprintf(b->as_of, sizeof b->as_of, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

const char *store_backup_as_of(const struct backup *b)
{
    return b->as_of;
}

static int restore_check(struct backup *b, const char *dir, struct err *e)
{
    char hex[2 * BACKUP_HASHBYTES + 1];
    struct store *s = db_alloc(dir, e);
    int rc = -1;

    if (s == NULL)
        return -1;
    s->files = &blob_files;
    memcpy(s->master, b->master, KEYSLOT_MASTER_BYTES);
    hex_of(hex, b->sum);
    if (db_connect(s, 0, e) == 0 && db_check_all(s, e) == 0 && note_as_of(b, s, e) == 0 &&
        store_begin(s, e) == 0) {
        if (store_log(s, "restore", hex, e) == 0 && db_consent_floor_raise(s, e) == 0 &&
            store_commit(s, e) == 0)
            rc = db_checkpoint(s, e);
        else if (!sqlite3_get_autocommit(s->db))
            store_rollback(s);
    }
    store_close(s);
    return rc;
}

int store_restore(struct backup *b, const char *dir, store_progress_fn progress, void *ctx,
                  struct err *e)
{
    char path[4200];
    int mark, rc = -1;

    if (b->master == NULL)
        return err_set(e, EXIT_INPUT, "internal error: the backup is not unlocked");
    /* As init: a marker says the files are a store being made, and the
     * keyslot file, written last, makes it a store. */
    if (store_create_check(dir, e) != 0 || open_mark_take(&mark, dir, e) != 0)
        return -1;
    if (restore_db(b, dir, progress, ctx, e) == 0 && restore_check(b, dir, e) == 0 &&
        db_path(path, sizeof path, dir, STORE_KEYSLOTS_NAME, e) == 0)
        rc = file_write_atomic(path, b->ks, b->kslen, 0, e);
    if (rc != 0)
        open_remove_partial(dir);
    open_mark_release(mark, dir);
    return rc;
}

int store_backup_not_bundle(int fd, const char *path, struct err *e)
{
    unsigned char head[BACKUP_MAGIC_BYTES];

    if (pread(fd, head, sizeof head, 0) != (ssize_t)sizeof head ||
        memcmp(head, BACKUP_MAGIC, BACKUP_MAGIC_BYTES) != 0)
        return 0;
    return err_set(e, EXIT_INPUT, "%s is an intake backup, not a bundle: restore it into a new "
                   "folder with 'intake restore %s --home NEWDIR'", path, path);
}

/* ---- Wipe ---- */

/* Overwrites the file at path with random bytes, as long as it is, and
 * syncs it: 1 if there was one, 0 if not, -1 with e. */
static int overwrite(int *wrote, const char *path, struct err *e)
{
    unsigned char junk[4096];
    struct stat st;
    off_t at = 0;
    int fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);

    if (fd < 0)
        return errno == ENOENT ? 0 : err_set(e, EXIT_INPUT, "cannot overwrite %s: %s", path,
                                             strerror(errno));
    if (fstat(fd, &st) != 0) {
        int saved = errno;
        close(fd);
        return err_set(e, EXIT_INPUT, "cannot overwrite %s: %s", path, strerror(saved));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return err_set(e, EXIT_INPUT, "cannot overwrite %s: not a regular file", path);
    }
    *wrote = 1;
    while (at < st.st_size) {
        size_t n = st.st_size - at < (off_t)sizeof junk ? (size_t)(st.st_size - at) : sizeof junk;
        randombytes_buf(junk, n);
        /* The file starts with the wipe's mark: a wipe cut off here is
         * told as such by the next command (keyslot_parse, adv35f M-3). */
        if (at == 0 && n >= sizeof KEYSLOT_WIPED_MARK - 1)
            memcpy(junk, KEYSLOT_WIPED_MARK, sizeof KEYSLOT_WIPED_MARK - 1);
        if (pwrite(fd, junk, n, at) != (ssize_t)n) {
            close(fd);
            return err_set(e, EXIT_INPUT, "cannot overwrite %s: %s", path, strerror(errno));
        }
        at += (off_t)n;
    }
    if (fsync(fd) != 0) {
        close(fd);
        return err_set(e, EXIT_INPUT, "cannot sync %s: %s", path, strerror(errno));
    }
    close(fd);
    return 1;
}

/* The files a store folder may hold that are intake's. */
static int ours(const char *name)
{
    static const char *const names[] = {
        STORE_KEYSLOTS_NAME, STORE_REKEY_NAME, STORE_DB_NAME, STORE_DB_NAME "-wal",
        STORE_DB_NAME "-shm", STORE_DB_NAME "-journal", STORE_INIT_MARK_NAME,
    };

    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return strncmp(name, FILEIO_TMP_PREFIX, strlen(FILEIO_TMP_PREFIX)) == 0;
}

/* The files a wipe overwrote (device, inode): one overwritten in both
 * passes, its removal having failed the first time, counts once. */
struct overwritten {
    int n;                               /* how many distinct files */
    int wrote;                           /* 1 once a write to one began */
    dev_t dev[8];
    ino_t ino[8];
};

/* 1 if st is a file not overwritten before (remembered), else 0. */
static int first_time(struct overwritten *o, const struct stat *st)
{
    int kept = o->n < 8 ? o->n : 8;

    for (int i = 0; i < kept; i++)
        if (o->dev[i] == st->st_dev && o->ino[i] == st->st_ino)
            return 0;
    if (o->n < 8) {
        o->dev[o->n] = st->st_dev;
        o->ino[o->n] = st->st_ino;
    }
    o->n++;
    return 1;
}

/* Overwrites every keyslot file, and every file being written (a keyslot
 * file may be one), then syncs: afterwards the database is noise. Those
 * overwritten are added to o. */
static int overwrite_keys(struct overwritten *o, const char *dir, struct err *e)
{
    char path[4200];
    struct dirent *d;
    DIR *dp = opendir(dir);
    int rc = 0;

    if (dp == NULL)
        return err_set(e, EXIT_INPUT, "cannot read %s: %s", dir, strerror(errno));
    while (rc >= 0 && (d = readdir(dp)) != NULL) {
        struct stat st;

        if (strcmp(d->d_name, STORE_KEYSLOTS_NAME) != 0 && strcmp(d->d_name, STORE_REKEY_NAME) != 0 &&
            strncmp(d->d_name, FILEIO_TMP_PREFIX, strlen(FILEIO_TMP_PREFIX)) != 0)
            continue;
        if (db_path(path, sizeof path, dir, d->d_name, e) != 0)
            rc = -1;
        else if (lstat(path, &st) != 0) {
            /* Gone meanwhile (a rekey's), or an error: never removed
             * later without being overwritten, its key left on the disk. */
            if (errno != ENOENT)
                rc = err_set(e, EXIT_INPUT, "cannot overwrite %s: %s", path, strerror(errno));
        } else if (!S_ISREG(st.st_mode))
            continue;
        else if ((rc = overwrite(&o->wrote, path, e)) > 0)
            first_time(o, &st);
    }
    closedir(dp);
    return rc < 0 ? -1 : 0;
}

/* Removes intake's files (and what killed writers left); the names of
 * others are written to kept. */
static int remove_files(int *n, char *kept, size_t keptlen, const char *dir, struct err *e)
{
    char path[4200];
    struct dirent *d;
    DIR *dp = opendir(dir);
    size_t o = 0;

    kept[0] = '\0';
    if (dp == NULL)
        return err_set(e, EXIT_INPUT, "cannot read %s: %s", dir, strerror(errno));
    while ((d = readdir(dp)) != NULL) {
        struct stat st;

        if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0 ||
            db_path(path, sizeof path, dir, d->d_name, e) != 0)
            continue;
        /* The attachment files are noise once the keys are overwritten
         * (their keys are in the database). */
        if (strcmp(d->d_name, BLOB_DIR_NAME) == 0 && lstat(path, &st) == 0 &&
            S_ISDIR(st.st_mode)) {
            open_remove_blobs(dir);
            if (access(path, F_OK) != 0)
                ++*n;
            else {
                int m = snprintf(kept + o, keptlen - o, "%s%s", o ? ", " : "", d->d_name);
                if (m > 0 && (size_t)m < keptlen - o)
                    o += (size_t)m;
            }
            continue;
        }
        /* One of ours whose status cannot be read is removed all the
         * same (unlink never removes a folder), never called another's. */
        if (!ours(d->d_name) || (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
            int m = snprintf(kept + o, keptlen - o, "%s%s", o ? ", " : "", d->d_name);
            if (m > 0 && (size_t)m < keptlen - o)
                o += (size_t)m;
            continue;
        }
        if (unlink(path) == 0)
            ++*n;
    }
    closedir(dp);
    return 0;
}

/* 1 if path is there, 0 if not, -1 with e when the system cannot say
 * (an I/O error is not "no store"). */
static int present(const char *path, struct err *e)
{
    if (access(path, F_OK) == 0)
        return 1;
    if (errno == ENOENT || errno == ENOTDIR)
        return 0;
    return err_set(e, EXIT_INPUT, "cannot read %s: %s", path, strerror(errno));
}

int store_wipe_check(const char *dir, struct err *e)
{
    char ks[4200], db[4200];
    struct stat st;
    int has_ks, has_db;

    if (lstat(dir, &st) != 0)
        return errno == ENOENT || errno == ENOTDIR
               ? err_set(e, EXIT_INPUT, "no store in %s; nothing was wiped", dir)
               : err_set(e, EXIT_INPUT, "cannot read %s: %s", dir, strerror(errno));
    if (!S_ISDIR(st.st_mode) ||
        db_path(ks, sizeof ks, dir, STORE_KEYSLOTS_NAME, e) != 0 ||
        db_path(db, sizeof db, dir, STORE_DB_NAME, e) != 0)
        return err_set(e, EXIT_INPUT, "no store in %s; nothing was wiped", dir);
    if ((has_ks = present(ks, e)) < 0 || (has_db = present(db, e)) < 0)
        return -1;
    if (!has_ks && !has_db)
        return err_set(e, EXIT_INPUT, "no store in %s; nothing was wiped", dir);
    if (st.st_uid != geteuid())
        return err_set(e, EXIT_INPUT, "%s belongs to another user; nothing was wiped", dir);
    return 0;
}

/* A failure after the first pass overwrote (and synced) every keyslot
 * file: the store is noise already, which the message says first, so
 * that nobody takes it for a store still there (a second wipe may find
 * "no store"). */
static int wiped_but(const char *dir, struct err *e)
{
    char why[sizeof e->msg];

    snprintf(why, sizeof why, "%s", e->msg);
    return err_set(e, EXIT_INPUT, "the store in %s was wiped: its keys are overwritten and "
                   "nothing in it can be read; but %s", dir, why);
}

/* A failure before any key was written over (a read-only disk, a file
 * that may not be written): the store is whole, which is what a person
 * wiping at a border needs to know (adv35f M-4). */
static int nothing_wiped(struct err *e)
{
    char why[sizeof e->msg];

    snprintf(why, sizeof why, "%s", e->msg);
    return err_set(e, EXIT_INPUT, "%s; nothing was wiped: the store still opens with its "
                   "passphrase", why);
}

int store_wipe(struct wipe_result *r, const char *dir, struct err *e)
{
    struct overwritten o = { 0, 0, { 0 }, { 0 } };
    char path[4200];

    memset(r, 0, sizeof *r);
    if (store_wipe_check(dir, e) != 0 || db_path(path, sizeof path, dir, STORE_DB_NAME, e) != 0)
        return -1;
    /* Twice: a rekey running meanwhile may have named a new keyslot file
     * between the first pass and the removal. */
    for (int pass = 0; pass < 2; pass++) {
        if (overwrite_keys(&o, dir, e) != 0)
            return pass > 0 ? wiped_but(dir, e) : o.wrote ? -1 : nothing_wiped(e);
        r->overwritten = o.n;
        if ((pass == 0 && fsync_parent(path, e) != 0) ||
            remove_files(&r->removed, r->kept, sizeof r->kept, dir, e) != 0)
            return wiped_but(dir, e);
    }
    if (r->kept[0] == '\0' && rmdir(dir) != 0 && errno != ENOTEMPTY)
        return err_set(e, EXIT_INPUT, "the store in %s was wiped, but its folder could not be "
                       "removed: %s", dir, strerror(errno));
    r->folder_removed = access(dir, F_OK) != 0;
    if (!r->folder_removed)
        (void)fsync_parent(path, NULL);
    return 0;
}
