/* Attaching a file to a record (store/attach.h). */
#include "store/attach.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "export/exif.h"
#include "export/mediatype.h"
#include "store/db.h"
#include "util/fileio.h"
#include "util/progress.h"

/* --remove-source must remove the recording itself, not a link to it nor
 * one of several names it has: both are refused before anything is stored. */
static int removable(const char *path, struct err *e)
{
    struct stat st;
    char *real;

    if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
        return 0;
    real = realpath(path, NULL);
    err_set(e, EXIT_INPUT, "%s is a symbolic link: --remove-source would remove the link and "
            "keep the recording%s%s; give the file itself, or leave out --remove-source; "
            "nothing was stored", path, real != NULL ? " at " : "", real != NULL ? real : "");
    free(real);
    return -1;
}

int attach_source_open(struct attach_source *src, const char *path, int remove,
                       struct err *e)
{
    unsigned char *head;
    char copy[4096];
    ssize_t n;
    int k;

    src->path = path;
    src->fd = -1;
    if ((remove && removable(path, e) != 0) ||
        file_open_regular(&src->fd, path, remove, NULL, e) != 0)
        return -1;
    if (fstat(src->fd, &src->st) != 0)
        return err_set(e, EXIT_INPUT, "cannot read %s: %s", path, strerror(errno));
    if (remove && src->st.st_nlink > 1)
        return err_set(e, EXIT_INPUT, "%s has %lu other name%s (hard links): --remove-source "
                       "would leave the recording under %s; remove %s first, or leave out "
                       "--remove-source; nothing was stored", path,
                       (unsigned long)src->st.st_nlink - 1, src->st.st_nlink > 2 ? "s" : "",
                       src->st.st_nlink > 2 ? "them" : "it", src->st.st_nlink > 2 ? "them" : "it");
    k = snprintf(copy, sizeof copy, "%s", path);
    if (k < 0 || (size_t)k >= sizeof copy)
        return err_set(e, EXIT_INPUT, "path too long: %s", path);
    k = snprintf(src->name, sizeof src->name, "%s", basename(copy));
    if (k < 0 || (size_t)k >= sizeof src->name)
        return err_set(e, EXIT_INPUT, "the file name is longer than %d bytes", ATTACHMENT_NAME_MAX);
    head = secmem_alloc(EXIF_SCAN_BYTES);
    if (head == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    n = pread(src->fd, head, EXIF_SCAN_BYTES, 0);
    if (n >= 0) {
        src->type = mediatype_guess(head, (size_t)n);
        src->gps = exif_has_gps(head, (size_t)n);
    }
    secmem_free(head);
    if (n < 0)
        return err_set(e, EXIT_INPUT, "cannot read %s: %s", path, strerror(errno));
    /* A file that says it is empty and is not (/proc, /sys) would be told
     * and checked by a size it does not have (adv14 F23). */
    if (src->st.st_size == 0 && n > 0)
        return err_set(e, EXIT_INPUT, "%s gives a size of 0 bytes but holds data (a file of "
                       "/proc or /sys?): copy it into an ordinary file and attach that; nothing "
                       "was stored", path);
    return 0;
}

/* The attachment's bytes go through the write-ahead log into the
 * database: about twice its size at the peak, and a little for the
 * chunks' pages. Refused up front on a disk without the room, before the
 * log fills it for every program (adv14 F24); a sparse file counts at its
 * full size, which the store will hold. */
static int room_for(const struct store *s, const struct attach_source *src, struct err *e)
{
    uint64_t size = (uint64_t)src->st.st_size, need = 2 * size + size / 16 + (1u << 20);
    uint64_t avail = fileio_free_bytes(s->dir);

    if (avail < need && size < (1u << 20))   /* KiB: never "0 MiB" (adv26b E-6) */
        return err_set(e, EXIT_INPUT, "the disk holding %s is full: attaching %s (%llu KiB) "
                       "needs about %llu KiB free and %llu KiB are; nothing was stored",
                       s->dir, src->path, (unsigned long long)(size >> 10),
                       (unsigned long long)((need + 1023) >> 10),
                       (unsigned long long)(avail >> 10));
    if (avail < need)
        return err_set(e, EXIT_INPUT, "the disk holding %s is full: attaching %s (%llu MiB) "
                       "needs about %llu MiB free and %llu MiB are; nothing was stored",
                       s->dir, src->path, (unsigned long long)(size >> 20),
                       (unsigned long long)(need >> 20), (unsigned long long)(avail >> 20));
    return 0;
}

/* Refuses (EXIT_INPUT) bytes the record holds already as another
 * attachment (adv16 B-2): a bundle would carry both, and a recipient
 * holding one keeps one, so the counts would disagree. 0 if none. */
static int same_bytes(struct store *s, const char *record, const struct attach_source *src,
                      const unsigned char *hash, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(record), DB_BLOB(hash, ATTACHMENT_HASHBYTES),
                                DB_TEXT(src->name) };
    sqlite3_stmt *st;
    char name[256] = "";
    int rc;

    if (db_query(&st, s, "SELECT a.name FROM attachment a JOIN record r ON r.id = a.record_id"
                 " WHERE r.rid = ?1 AND a.hash = ?2 AND a.name <> ?3 LIMIT 1", v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading attachments", e);
    if (rc > 0)
        snprintf(name, sizeof name, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (rc <= 0)
        return rc;
    return err_set(e, EXIT_INPUT, "%s holds the same bytes as %s, already attached to record "
                   "%s; nothing was stored", src->path, name, record);
}

/* 1 if the file whose state is now is still the one opened as was: the
 * same file, size, modification and change time (the change time nobody
 * can set back, as touch -r or cp -p set the modification time back). */
static int same_state(const struct stat *now, const struct stat *was)
{
    return now->st_ino == was->st_ino && now->st_dev == was->st_dev &&
           now->st_size == was->st_size &&
           now->st_mtim.tv_sec == was->st_mtim.tv_sec &&
           now->st_mtim.tv_nsec == was->st_mtim.tv_nsec &&
           now->st_ctim.tv_sec == was->st_ctim.tv_sec &&
           now->st_ctim.tv_nsec == was->st_ctim.tv_nsec;
}

/* After the file was read whole (read bytes of it): refuses a file that
 * changed meanwhile (adv35f I-2: a recorder still writing), whose copy
 * would be torn and whose size the store could not say. */
static int read_unchanged(const struct attach_source *src, uint64_t read, struct err *e)
{
    struct stat now;

    if (fstat(src->fd, &now) != 0)
        return err_set(e, EXIT_INPUT, "cannot read %s: %s; nothing was attached", src->path,
                       strerror(errno));
    if (!same_state(&now, &src->st) || read != (uint64_t)src->st.st_size)
        return err_set(e, EXIT_INPUT, "%s changed while it was read (a recorder still "
                       "writing?); nothing was attached: try again when it is finished",
                       src->path);
    return 0;
}

int store_attach(unsigned char *hash, struct store *s, const char *record,
                 const struct attach_source *src, struct err *e)
{
    uint64_t read = 0;
    struct attachment_writer *w;
    struct progress_ticker t;
    unsigned char *buf = secmem_alloc(ATTACHMENT_CHUNK);
    ssize_t n = 0;
    int rc = -1;

    if (buf == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    if (room_for(s, src, e) != 0 || store_begin(s, e) != 0)
        goto out;
    if (store_attachment_begin(&w, s, record, src->name, src->type, src->gps, e) != 0) {
        store_rollback(s);
        goto out;
    }
    progress_ticker_start(&t, &s->watcher, 0, (uint64_t)src->st.st_size, progress_offset,
                          &src->fd);
    while ((n = fd_read_full(src->fd, buf, ATTACHMENT_CHUNK)) > 0) {
        read += (uint64_t)n;
        if (store_attachment_write(w, buf, (size_t)n, e) != 0)
            break;
    }
    progress_ticker_stop(&t);
    if (n < 0)
        err_set(e, EXIT_INPUT, "cannot read %s: %s", src->path, strerror(errno));
    if (n == 0 && read_unchanged(src, read, e) != 0)
        n = -1;
    if (n != 0) {
        store_attachment_abort(w);
        store_rollback(s);
        goto out;
    }
    if (store_attachment_end(w, hash, e) != 0 || same_bytes(s, record, src, hash, e) != 0 ||
        store_log(s, "attach", record, e) != 0) {
        struct err ignored;

        store_rollback(s);
        /* the file written is named by no row now: wipe it at once when
         * alone with the store (else the next intake alone does) */
        if (s->files != NULL)
            (void)s->files->tidy(s, &ignored);
        goto out;
    }
    rc = store_commit(s, e);
out:
    secmem_free(buf);
    return rc;
}

static int hash_sink(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    (void)e;
    crypto_generichash_update(ctx, buf, len);
    return 0;
}

/* 1 if the file behind src->fd holds, now, exactly the bytes whose
 * BLAKE2b-256 is hash (what the store took from it); 0 if it holds others;
 * -1 (e filled) if it cannot be read. Read again in full, in sodium_malloc
 * memory: a rewrite that put the size and the times back is seen too. */
static int still_holds(const struct attach_source *src, const unsigned char *hash,
                       struct err *e)
{
    unsigned char now[ATTACHMENT_HASHBYTES], *buf = secmem_alloc(ATTACHMENT_CHUNK);
    crypto_generichash_state h;
    ssize_t n = -1;
    int same;

    if (buf == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    crypto_generichash_init(&h, NULL, 0, sizeof now);
    if (lseek(src->fd, 0, SEEK_SET) == 0)
        while ((n = fd_read_full(src->fd, buf, ATTACHMENT_CHUNK)) > 0)
            crypto_generichash_update(&h, buf, (size_t)n);
    secmem_free(buf);
    crypto_generichash_final(&h, now, sizeof now);
    sodium_memzero(&h, sizeof h);
    if (n < 0)
        return err_set(e, EXIT_INPUT, "cannot read %s again: %s; the file was kept", src->path,
                       strerror(errno));
    same = sodium_memcmp(now, hash, sizeof now) == 0;
    sodium_memzero(now, sizeof now);
    return same;
}

int store_attach_remove_source(struct store *s, const char *record,
                               const struct attach_source *src,
                               const unsigned char *hash, struct err *e)
{
    unsigned char back[ATTACHMENT_HASHBYTES];
    crypto_generichash_state h;
    struct stat now;
    int same = 1;

    crypto_generichash_init(&h, NULL, 0, sizeof back);
    if (store_attachment_read(s, record, src->name, 1, hash_sink, &h, e) != 0) {
        /* The attachment is saved: never "nothing was changed". */
        char why[sizeof e->msg];
        db_cause(why, sizeof why, e);
        return err_set(e, EXIT_INPUT, "the stored copy of %s could not be read back to check "
                       "it (%s); the file was kept", src->path, why);
    }
    crypto_generichash_final(&h, back, sizeof back);
    if (sodium_memcmp(back, hash, sizeof back) != 0)
        return err_set(e, EXIT_INPUT, "the stored copy of %s does not verify; "
                       "the file was kept", src->path);
    if (lstat(src->path, &now) != 0 || !S_ISREG(now.st_mode) || now.st_nlink != 1 ||
        !same_state(&now, &src->st) || (same = still_holds(src, hash, e)) == 0)
        return err_set(e, EXIT_INPUT, "%s changed while it was attached; the file was "
                       "kept (attach it again under another name if needed)", src->path);
    if (same < 0)
        return -1;
    if (unlink(src->path) != 0)
        return err_set(e, EXIT_INPUT, "attached, but cannot remove %s: %s", src->path,
                       strerror(errno));
    if (fsync_parent(src->path, e) != 0) {
        char why[sizeof e->msg];
        snprintf(why, sizeof why, "%s", e != NULL ? e->msg : "");
        return err_set(e, EXIT_INPUT, "attached and removed %s, but the removal may not "
                       "survive a power cut (%s)", src->path, why);
    }
    return 0;
}

void attach_source_close(struct attach_source *src)
{
    if (src->fd >= 0)
        close(src->fd);
    src->fd = -1;
}
