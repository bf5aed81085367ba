/* store/backup.c: a backup made, checked and restored; every kind of bad
 * backup file refused with its own message; and backup, restore and wipe
 * with each of their file calls failing in turn (libcfault, vfsfault):
 * a failure is reported with the system's words and leaves nothing half
 * done (no backup file, no half store, the store as it was), and a
 * success is never reported for work that was not done. */
#include "tests/unit/libcfault.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include "store/db.h"
#include "tests/unit/vfsfault.h"

/* How many times the store in dir (opened with pass) logged action; the
 * pseudonyms it holds into *subjects. */
static long log_count(const char *dir, const char *action, long *subjects)
{
    struct store *s = NULL;
    struct err e;
    long n = -1;
    const struct db_val v[] = { DB_TEXT(action) };

    if (store_open(&s, dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass, strlen(pass),
                   &e) != 0)
        fail_msg("store_open %s: %s", dir, e.msg);
    assert_int_equal(db_int(&n, s, "SELECT count(*) FROM log WHERE action = ?1", v, DB_N(v),
                            "counting", &e), 1);
    if (subjects != NULL)
        assert_int_equal(db_int(subjects, s, "SELECT count(*) FROM subject", NULL, 0,
                                "counting", &e), 1);
    store_close(s);
    return n;
}

/* A new folder under the run's root for backups or restored stores. */
static void new_dir(char *out, size_t outlen, const char *what)
{
    snprintf(out, outlen, "%s/%s%d", root, what, serial++);
    assert_int_equal(mkdir(out, 0700), 0);
}

/* Backs up the store of f (open, one subject added) to dir/backup. */
static void backup_of(struct fixture *f, char *path, size_t pathlen,
                      unsigned char sum[BACKUP_HASHBYTES])
{
    char dir[300];
    uint64_t size = 0;
    struct err e;

    new_dir(dir, sizeof dir, "bk");
    path_in(path, pathlen, dir, "backup");
    if (store_backup(sum, &size, f->s, path, NULL, NULL, &e) != 0)
        fail_msg("store_backup: %s", e.msg);
    assert_true(size > 0);
}

struct seen_progress { uint64_t last, total; int calls, backwards; };

static void on_progress(void *ctx, uint64_t done, uint64_t total)
{
    struct seen_progress *p = ctx;

    if (done < p->last || done > total)
        p->backwards++;
    p->last = done;
    p->total = total;
    p->calls++;
}

/* A backup written, read back, opened with the passphrase or the recovery
 * key (never another), and restored into a store that holds what the
 * original held and logs the restore. */
static void test_backup_restore(void **state)
{
    struct fixture *f = *state;
    unsigned char sum[BACKUP_HASHBYTES], sum2[BACKUP_HASHBYTES];
    unsigned char wrong[RECOVERY_KEY_BYTES];
    struct seen_progress p = { 0, 0, 0, 0 };
    char dir[300], path[400], store2[400], msg[600];
    struct backup *b = NULL;
    struct stat st;
    uint64_t size = 0;
    long subjects = 0;
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    new_dir(dir, sizeof dir, "bk");
    path_in(path, sizeof path, dir, "backup");
    assert_int_equal(store_backup(sum, &size, f->s, path, on_progress, &p, &e), 0);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal((uint64_t)st.st_size, size);
    assert_true(p.calls >= 2);
    assert_int_equal(p.backwards, 0);
    assert_int_equal(p.last, p.total);
    assert_int_equal(count_entries(dir), 1);
    /* Never over an existing file. */
    assert_int_equal(store_backup(sum2, &size, f->s, path, NULL, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(msg, sizeof msg, "%s already exists; choose another name", path);
    assert_string_equal(e.msg, msg);
    store_close(f->s);
    f->s = NULL;
    assert_int_equal(log_count(f->dir, "backup", NULL), 1);

    assert_int_equal(store_backup_open(&b, path, &e), 0);
    store_backup_hash(sum2, b);
    assert_memory_equal(sum, sum2, sizeof sum);
    /* Restoring needs the key. */
    path_in(store2, sizeof store2, root, "restored");
    snprintf(store2 + strlen(store2), sizeof store2 - strlen(store2), "%d", serial++);
    assert_int_equal(store_restore(b, store2, NULL, NULL, &e), -1);
    assert_string_equal(e.msg, "internal error: the backup is not unlocked");
    assert_int_equal(store_backup_unlock(b, KEYSLOT_PASSPHRASE, (const unsigned char *)newpass,
                                         strlen(newpass), &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "the passphrase does not open this backup");
    recovery_key_new(wrong);
    assert_int_equal(store_backup_unlock(b, KEYSLOT_RECOVERY, wrong, sizeof wrong, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "the recovery key does not open this backup");
    assert_int_equal(store_backup_unlock(b, KEYSLOT_RECOVERY, f->recovery, sizeof f->recovery,
                                         &e), 0);
    p = (struct seen_progress){ 0, 0, 0, 0 };
    assert_int_equal(store_restore(b, store2, on_progress, &p, &e), 0);
    assert_true(p.calls >= 1);
    assert_int_equal(p.backwards, 0);
    assert_int_equal(log_count(store2, "restore", &subjects), 1);
    assert_int_equal(subjects, 1);
    /* Never over a store. */
    assert_int_equal(store_restore(b, store2, NULL, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(msg, sizeof msg, "a store already exists in %s; nothing was changed", store2);
    assert_string_equal(e.msg, msg);
    assert_int_equal(log_count(store2, "restore", NULL), 1);
    store_backup_close(b);
}

/* Progress counts the attachment files' bytes as well as the database's:
 * a backup of a store holding 3 MiB of attachments reports twice the
 * backup file's length in all (written, read back), a restore the file's
 * length, never going back, and the restore reads the attachments back
 * whole. */
static void test_progress_counts_files(void **state)
{
    struct fixture *f = *state;
    const size_t len = 3 * 1024 * 1024 + 4321;
    unsigned char *data = random_bytes(len), sum[BACKUP_HASHBYTES];
    unsigned char hash[ATTACHMENT_HASHBYTES], want[ATTACHMENT_HASHBYTES];
    struct seen_progress p = { 0, 0, 0, 0 };
    char dir[300], path[400], store2[400], id[RECORD_ID_CHARS + 1];
    struct attachment_writer *w;
    struct readback r = { NULL, 0, 0, 0 };
    struct backup *b = NULL;
    struct store *s2 = NULL;
    uint64_t size = 0;
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(id, f->s, "Rim-il", "t", "2023-05-01", "b");
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_attachment_begin(&w, f->s, id, "memo.ogg", "audio/ogg", 0, &e), 0);
    assert_int_equal(store_attachment_write(w, data, len, &e), 0);
    assert_int_equal(store_attachment_end(w, hash, &e), 0);
    assert_int_equal(store_commit(f->s, &e), 0);
    new_dir(dir, sizeof dir, "bk");
    path_in(path, sizeof path, dir, "backup");
    assert_int_equal(store_backup(sum, &size, f->s, path, on_progress, &p, &e), 0);
    assert_true(size > len);
    assert_int_equal(p.total, 2 * size);
    assert_int_equal(p.last, p.total);
    assert_int_equal(p.backwards, 0);
    assert_true(p.calls >= 8);
    store_close(f->s);
    f->s = NULL;

    assert_int_equal(store_backup_open(&b, path, &e), 0);
    assert_int_equal(store_backup_unlock(b, KEYSLOT_RECOVERY, f->recovery, sizeof f->recovery,
                                         &e), 0);
    path_in(store2, sizeof store2, root, "restored");
    snprintf(store2 + strlen(store2), sizeof store2 - strlen(store2), "%d", serial++);
    p = (struct seen_progress){ 0, 0, 0, 0 };
    assert_int_equal(store_restore(b, store2, on_progress, &p, &e), 0);
    store_backup_close(b);
    assert_int_equal(p.total, size);
    assert_int_equal(p.last, size);
    assert_int_equal(p.backwards, 0);
    assert_true(p.calls >= 4);
    if (store_open(&s2, store2, KEYSLOT_PASSPHRASE, (const unsigned char *)pass, strlen(pass),
                   &e) != 0)
        fail_msg("store_open %s: %s", store2, e.msg);
    r.buf = malloc(len);
    assert_non_null(r.buf);
    assert_int_equal(store_attachment_read(s2, id, "memo.ogg", 1, take, &r, &e), 0);
    assert_int_equal(r.len, len);
    crypto_generichash(want, sizeof want, r.buf, len, NULL, 0);
    assert_memory_equal(hash, want, sizeof want);
    store_close(s2);
    free(r.buf);
    free(data);
}

/* A backup into the store folder is refused: it would be lost with it. */
static void test_backup_not_in_store(void **state)
{
    struct fixture *f = *state;
    unsigned char sum[BACKUP_HASHBYTES];
    char path[400], want[1024];
    uint64_t size = 1;
    struct err e;

    path_in(path, sizeof path, f->dir, "backup");
    assert_int_equal(store_backup(sum, &size, f->s, path, NULL, NULL, &e), -1);
    assert_int_equal(size, 0);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(want, sizeof want, "a backup cannot go into the store folder %s (it would be "
             "lost with it); write it elsewhere, best on another disk", f->dir);
    assert_string_equal(e.msg, want);
    assert_int_equal(access(path, F_OK), -1);
    path_in(path, sizeof path, root, "no-such-folder/backup");
    assert_int_equal(store_backup(sum, &size, f->s, path, NULL, NULL, &e), -1);
    snprintf(want, sizeof want, "cannot write %s: No such file or directory", path);
    assert_string_equal(e.msg, want);
}

/* Writes buf as path's new content. */
static void put_file(const char *path, const unsigned char *buf, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

    assert_true(fd >= 0);
    assert_int_equal(write(fd, buf, len), (ssize_t)len);
    close(fd);
}

/* The checksum at the end of a backup of len bytes made right again. */
static void reseal(unsigned char *buf, size_t len)
{
    crypto_generichash(buf + len - BACKUP_HASHBYTES, BACKUP_HASHBYTES, buf,
                       len - BACKUP_HASHBYTES, NULL, 0);
}

/* store_backup_open on buf[0..len) written to path: its message, which
 * must be path followed by want. */
static void refused(const char *path, const unsigned char *buf, size_t len, const char *want)
{
    struct backup *b = (struct backup *)1;
    char msg[1024];
    struct err e;

    put_file(path, buf, len);
    assert_int_equal(store_backup_open(&b, path, &e), -1);
    assert_null(b);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(msg, sizeof msg, "%s%s", path, want);
    assert_string_equal(e.msg, msg);
}

/* Every kind of bad backup file, each with its own message. */
static void test_bad_backups(void **state)
{
    struct fixture *f = *state;
    unsigned char sum[BACKUP_HASHBYTES], *good, *bad;
    char path[400], bad_path[400], msg[1024];
    struct backup *b = NULL;
    size_t len, kslen;
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    backup_of(f, path, sizeof path, sum);
    good = slurp(path, &len);
    bad = malloc(len + 1);
    assert_non_null(bad);
    kslen = (size_t)good[9] | (size_t)good[10] << 8 | (size_t)good[11] << 16 |
            (size_t)good[12] << 24;
    assert_true(13 + kslen + 8 + BACKUP_HASHBYTES < len);
    path_in(bad_path, sizeof bad_path, root, "bad-backup");

    refused(bad_path, (const unsigned char *)"", 0, " is not an intake backup");
    refused(bad_path, (const unsigned char *)"SQLite format 3", 15, " is not an intake backup");
    refused(bad_path, good, 11, " is not a whole intake backup (it is cut short)");
    refused(bad_path, good, 13 + kslen / 2, " is not a whole intake backup (it is cut short)");
    refused(bad_path, good, len - 1, " is not a whole intake backup (it is cut short)");
    refused(bad_path, good, len - BACKUP_HASHBYTES - 100,
            " is not a whole intake backup (it is cut short)");
    memcpy(bad, good, len);
    bad[8] = 3;
    refused(bad_path, bad, len, " is a backup of version 3; this intake reads version 2");
    memcpy(bad, good, len);
    memset(bad + 9, 0, 4);
    refused(bad_path, bad, len,
            " is not a whole intake backup (its keyslot file has an impossible length)");
    bad[9] = 0xff, bad[10] = 0xff, bad[11] = 0xff;
    refused(bad_path, bad, len,
            " is not a whole intake backup (its keyslot file has an impossible length)");
    memcpy(bad, good, len);
    memset(bad + 13 + kslen, 0, 8);
    refused(bad_path, bad, len,
            " is not a whole intake backup (its database has an impossible length)");
    memcpy(bad, good, len);
    bad[13 + kslen + 8 + 100] ^= 1;
    refused(bad_path, bad, len, " is not a whole intake backup (its checksum does not match: "
            "it was damaged or changed)");
    memcpy(bad, good, len);
    bad[len] = 0;
    refused(bad_path, bad, len + 1,
            " is not a whole intake backup (something follows its checksum)");
    /* The keyslot file's own checksum, with the backup's made right. */
    memcpy(bad, good, len);
    bad[13 + kslen / 2] ^= 1;
    reseal(bad, len);
    refused(bad_path, bad, len, " is not a whole intake backup (its keyslot file is damaged)");
    /* Not a file at all. */
    assert_int_equal(store_backup_open(&b, root, &e), -1);
    snprintf(msg, sizeof msg, "backup %s is not a regular file: it is a folder", root);
    assert_string_equal(e.msg, msg);
    unlink(bad_path);
    assert_int_equal(store_backup_open(&b, bad_path, &e), -1);
    snprintf(msg, sizeof msg, "cannot open backup %s: No such file or directory", bad_path);
    assert_string_equal(e.msg, msg);
    /* The good one still opens. */
    assert_int_equal(store_backup_open(&b, path, &e), 0);
    store_backup_close(b);
    free(good);
    free(bad);
}

/* A backup of the store of f (open) with one subject added, to
 * dir/backup, opened and unlocked with the passphrase. */
static struct backup *unlocked_backup_of(struct fixture *f, char *path, size_t pathlen)
{
    unsigned char sum[BACKUP_HASHBYTES];
    struct backup *b = NULL;
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    backup_of(f, path, pathlen, sum);
    if (store_backup_open(&b, path, &e) != 0 ||
        store_backup_unlock(b, KEYSLOT_PASSPHRASE, (const unsigned char *)pass, strlen(pass),
                            &e) != 0)
        fail_msg("backup of %s: %s", f->dir, e.msg);
    return b;
}

/* A backup that changes between its check (opened) and the restore,
 * still a whole backup with a right checksum: refused, no store made. */
static void test_restore_changed(void **state)
{
    struct fixture *f = *state;
    char path[400], dir[400], msg[1024];
    struct backup *b = unlocked_backup_of(f, path, sizeof path);
    unsigned char *buf;
    size_t len;
    struct err e;

    buf = slurp(path, &len);
    buf[len - BACKUP_HASHBYTES - 200] ^= 1;
    reseal(buf, len);
    put_file(path, buf, len);
    snprintf(dir, sizeof dir, "%s/restored%d", root, serial++);
    assert_int_equal(store_restore(b, dir, NULL, NULL, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(msg, sizeof msg, "%s changed while it was restored; nothing was restored", path);
    assert_string_equal(e.msg, msg);
    assert_int_equal(count_entries(dir), 0);
    store_backup_close(b);
    free(buf);
}

/* Arms the Nth call of call to fail with err: libcfault's calls, or
 * vfsfault's for the store's own reads and writes (pread64, pwrite64). */
static void arm(const char *call, unsigned long n, int err)
{
    if (strcmp(call, "pread64") == 0 || strcmp(call, "pwrite64") == 0)
        vfsfault_arm(call, n, err, NULL);
    else
        libcfault_arm(call, n, err, 1);
}

/* 1 if the armed fault happened; disarms. */
static int landed(const char *call)
{
    int l = strcmp(call, "pread64") == 0 || strcmp(call, "pwrite64") == 0
            ? vfsfault_landed() : libcfault_landed() > 0;

    vfsfault_disarm();
    libcfault_disarm();
    libcfault_count = 0;
    return l;
}

/* A failure's message tells the injected error: the system's words, or
 * the store's own for a full disk or a failing one. */
static void says(const struct err *e, int err, const char *call, unsigned long n)
{
    if (e->code != EXIT_INPUT || e->msg[0] == '\0' ||
        (strstr(e->msg, strerror(err)) == NULL &&
         (err != ENOSPC || strstr(e->msg, " is full") == NULL)))
        fail_msg("%s %lu (%s): exit %d, \"%s\"", call, n, strerror(err), e->code, e->msg);
}

#define MAX_CALLS 400
static const struct { const char *call; int err; } faults[] = {
    { "open", EIO }, { "read", EIO }, { "write", EIO }, { "write", ENOSPC }, { "fsync", EIO },
    { "fstat", EIO }, { "linkat", EIO }, { "lstat", EIO }, { "access", EIO },
    { "unlink", EIO }, { "pwrite", EIO }, { "pread64", EIO }, { "pwrite64", EIO },
    { "pwrite64", ENOSPC }, { "lseek", EIO }, { "opendir", EIO }, { "rmdir", EIO },
};

/* Calls a function may make only on some paths, or never: no fault of
 * theirs landing is no failure of the test. */
static int optional(const char *call, const char *optional_calls)
{
    size_t n = strlen(call);

    for (const char *p = optional_calls; (p = strstr(p, call)) != NULL; p += n)
        if ((p == optional_calls || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return 1;
    return 0;
}

/* How many times the open store s logged action. */
static long logged(struct store *s, const char *action)
{
    const struct db_val v[] = { DB_TEXT(action) };
    struct err e;
    long n = -1;

    if (db_int(&n, s, "SELECT count(*) FROM log WHERE action = ?1", v, DB_N(v), "counting",
               &e) != 1)
        fail_msg("counting: %s", e.msg);
    return n;
}

/* store_backup with each file call failing in turn, on one store (one
 * subject, a change logged before each try): a failure names the error
 * and leaves no file at the path (nor a hidden one beside it) and no
 * "backup" in the log; the only failure after the file is whole says so,
 * and the file is then a good backup. */
static void test_backup_faults(void **state)
{
    struct fixture *f = *state;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        const char *call = faults[i].call;
        int err = faults[i].err, hits = 0;

        for (unsigned long n = 1; n < MAX_CALLS; n++) {
            unsigned char sum[BACKUP_HASHBYTES];
            char dir[300], path[400], label[64];
            struct backup *b = NULL;
            uint64_t size = 0;
            long before;
            struct err e;
            int rc, hit;

            /* Something in the write-ahead log for the backup to empty. */
            snprintf(label, sizeof label, "kit %s %lu", call, n);
            if (store_set_label(f->s, label, &e) != 0)
                fail_msg("%s %lu: label: %s", call, n, e.msg);
            before = logged(f->s, "backup");
            new_dir(dir, sizeof dir, "bk");
            path_in(path, sizeof path, dir, "backup");
            err_clear(&e);
            arm(call, n, err);
            rc = store_backup(sum, &size, f->s, path, NULL, NULL, &e);
            hit = landed(call);
            if (!hit) {
                assert_int_equal(rc, 0);
                break;
            }
            hits++;
            if (rc == 0 || (rc == 1 && strstr(e.msg, "is written and checked, but the store "
                                              "could not log it") != NULL)) {
                /* Done, or the backup is whole: it opens and is the one
                 * reported. */
                if (rc != 0)
                    says(&e, err, call, n);
                assert_int_equal(store_backup_open(&b, path, &e), 0);
                store_backup_close(b);
                assert_int_equal(count_entries(dir), 1);
                assert_int_equal(logged(f->s, "backup"), before + (rc == 0));
            } else {
                assert_int_equal(rc, -1);
                says(&e, err, call, n);
                if (count_entries(dir) != 0)
                    fail_msg("%s %lu: \"%s\", and %s is left", call, n, e.msg, path);
                assert_int_equal(logged(f->s, "backup"), before);
            }
        }
        if (hits == 0 && !optional(call, "pwrite unlink linkat lstat opendir rmdir"))
            fail_msg("store_backup never calls %s", call);
    }
    /* The store is whole and holds what it held. */
    {
        struct err e;
        long subjects = 0;
        assert_int_equal(db_check_all(f->s, &e), 0);
        assert_int_equal(db_int(&subjects, f->s, "SELECT count(*) FROM subject", NULL, 0,
                                "counting", &e), 1);
        assert_int_equal(subjects, 1);
    }
}

/* store_restore with each file call failing in turn: a failure names the
 * error and leaves no store (no keyslot file, no database) and nothing in
 * the way of the next try; a success is a store that opens with
 * everything and logs the restore. */
static void test_restore_faults(void **state)
{
    struct fixture *f = *state;
    char path[400];
    struct backup *b = unlocked_backup_of(f, path, sizeof path);
    struct err e;

    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        const char *call = faults[i].call;
        int err = faults[i].err, hits = 0;

        for (unsigned long n = 1; n < MAX_CALLS; n++) {
            char dir[300], ks[400], db[400];
            long subjects = 0;
            int rc, hit;

            snprintf(dir, sizeof dir, "%s/restored%d", root, serial++);
            path_in(ks, sizeof ks, dir, STORE_KEYSLOTS_NAME);
            path_in(db, sizeof db, dir, STORE_DB_NAME);
            err_clear(&e);
            arm(call, n, err);
            rc = store_restore(b, dir, NULL, NULL, &e);
            hit = landed(call);
            if (!hit) {
                assert_int_equal(rc, 0);
                remove_tree(dir);
                break;
            }
            hits++;
            if (rc != 0) {
                says(&e, err, call, n);
                if (access(ks, F_OK) == 0 || access(db, F_OK) == 0)
                    fail_msg("%s %lu: \"%s\", and a store is left in %s", call, n, e.msg, dir);
                /* Nothing left in the way of the next try. */
                if (store_create_check(dir, &e) != 0)
                    fail_msg("%s %lu: then init or restore: %s", call, n, e.msg);
            } else {
                assert_int_equal(log_count(dir, "restore", &subjects), 1);
                assert_int_equal(subjects, 1);
            }
            remove_tree(dir);
        }
        if (hits == 0 && !optional(call, "pwrite unlink linkat lstat fstat opendir rmdir"))
            fail_msg("store_restore never calls %s", call);
    }
    store_backup_close(b);
}

/* Wipe: a store in a folder with another file; the keyslot file is
 * overwritten and everything of intake's removed, the other file kept. */
static void test_wipe(void **state)
{
    struct fixture *f = *state;
    struct wipe_result r;
    char other[400], msg[600];
    struct err e;

    store_close(f->s);
    f->s = NULL;
    path_in(other, sizeof other, f->dir, "notes.txt");
    put_file(other, (const unsigned char *)"mine", 4);
    assert_int_equal(store_wipe(&r, f->dir, &e), 0);
    assert_int_equal(r.overwritten, 1);
    assert_true(r.removed >= 2);
    assert_int_equal(r.folder_removed, 0);
    assert_string_equal(r.kept, "notes.txt");
    assert_int_equal(count_entries(f->dir), 1);
    assert_int_equal(store_wipe(&r, f->dir, &e), -1);
    snprintf(msg, sizeof msg, "no store in %s; nothing was wiped", f->dir);
    assert_string_equal(e.msg, msg);
    assert_int_equal(unlink(other), 0);
    /* A file is no store folder. */
    put_file(other, (const unsigned char *)"mine", 4);
    assert_int_equal(store_wipe(&r, other, &e), -1);
    snprintf(msg, sizeof msg, "no store in %s; nothing was wiped", other);
    assert_string_equal(e.msg, msg);
    assert_int_equal(unlink(other), 0);
}

/* Another user's store is not wiped (as root, the folder given away). */
static void test_wipe_not_ours(void **state)
{
    struct fixture *f = *state;
    struct wipe_result r;
    char msg[600];
    struct err e;

    if (geteuid() != 0)
        skip();
    assert_int_equal(chown(f->dir, 4242, 4242), 0);
    assert_int_equal(store_wipe(&r, f->dir, &e), -1);
    snprintf(msg, sizeof msg, "%s belongs to another user; nothing was wiped", f->dir);
    assert_string_equal(e.msg, msg);
    assert_int_equal(chown(f->dir, 0, 0), 0);
    store_close(f->s);
    f->s = NULL;
    assert_int_equal(log_count(f->dir, "init", NULL), 1);
}

/* Copies the files of folder from into the new folder to. */
static void copy_store(const char *from, const char *to)
{
    DIR *d = opendir(from);
    struct dirent *de;

    assert_non_null(d);
    assert_int_equal(mkdir(to, 0700), 0);
    while ((de = readdir(d)) != NULL) {
        char src[400], dst[400];
        unsigned char *buf;
        size_t len;

        if (de->d_type != DT_REG)
            continue;
        path_in(src, sizeof src, from, de->d_name);
        path_in(dst, sizeof dst, to, de->d_name);
        buf = slurp(src, &len);
        put_file(dst, buf, len);
        free(buf);
    }
    closedir(d);
}

/* store_wipe with each file call failing in turn, on copies of one store:
 * success only when the keyslot file's bytes are gone from it
 * (overwritten, and the file removed or noise) and counted; a failure
 * names the error, and a second wipe finishes. */
static void test_wipe_faults(void **state)
{
    struct fixture *f = *state;
    unsigned char *ks0;
    size_t l0;
    char ks[400];

    store_close(f->s);
    f->s = NULL;
    path_in(ks, sizeof ks, f->dir, STORE_KEYSLOTS_NAME);
    ks0 = slurp(ks, &l0);
    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        const char *call = faults[i].call;
        int err = faults[i].err, hits = 0;

        if (strcmp(call, "pread64") == 0 || strcmp(call, "pwrite64") == 0)
            continue;
        for (unsigned long n = 1; n < MAX_CALLS; n++) {
            unsigned char *ks1;
            char dir[300], dks[400];
            size_t l1;
            struct wipe_result r;
            struct err e;
            int rc, hit;

            snprintf(dir, sizeof dir, "%s/wipe%d", root, serial++);
            copy_store(f->dir, dir);
            path_in(dks, sizeof dks, dir, STORE_KEYSLOTS_NAME);
            err_clear(&e);
            arm(call, n, err);
            rc = store_wipe(&r, dir, &e);
            hit = landed(call);
            if (!hit) {
                assert_int_equal(rc, 0);
                assert_int_equal(access(dir, F_OK), -1);
                break;
            }
            hits++;
            if (rc != 0 && strstr(e.msg, "was wiped, but its folder could not be removed") != NULL) {
                /* Done but for the folder, which it says. */
                says(&e, err, call, n);
                assert_int_equal(access(dks, F_OK), -1);
                assert_int_equal(count_entries(dir), 0);
                rc = 0;
            } else if (rc != 0) {
                says(&e, err, call, n);
                if (strstr(e.msg, "was wiped: its keys are overwritten") != NULL &&
                    access(dks, F_OK) == 0) {
                    /* Said wiped: the keyslot file, if still there, is noise. */
                    ks1 = slurp(dks, &l1);
                    if (l1 == l0 && memcmp(ks0, ks1, l0) == 0)
                        fail_msg("%s %lu: said wiped ('%s'), but the keyslot file is as it "
                                 "was", call, n, e.msg);
                    free(ks1);
                }
                /* A second wipe finishes; or finds nothing left when
                 * the fault came after the first pass (it said it failed:
                 * never the other way round). */
                if (store_wipe(&r, dir, &e) != 0 && strstr(e.msg, "no store in ") == NULL)
                    fail_msg("%s %lu: a second wipe: %s", call, n, e.msg);
                if (access(dks, F_OK) == 0)
                    fail_msg("%s %lu: a second wipe left the keyslot file", call, n);
            } else if (access(dks, F_OK) == 0) {
                ks1 = slurp(dks, &l1);
                if (l1 == l0 && memcmp(ks0, ks1, l0) == 0)
                    fail_msg("%s %lu: wiped, but the keyslot file is as it was", call, n);
                free(ks1);
            }
            if (rc == 0 && r.overwritten != 1)
                fail_msg("%s %lu: wiped with %d keyslot files overwritten", call, n,
                         r.overwritten);
            remove_tree(dir);
        }
        if (hits == 0 && !optional(call, "read write linkat lseek"))
            fail_msg("store_wipe never calls %s", call);
    }
    free(ks0);
}

/* The second pass failing (its look for keyslot files a rekey wrote
 * meanwhile: the fourth opendir, after the first pass listed the store
 * folder twice and its attachment folder once) after the first
 * overwrote, synced and removed everything: the message says the store
 * was wiped first, and a second wipe then finds no store (never a store
 * said to be there). */
static void test_wipe_second_pass_fails(void **state)
{
    struct fixture *f = *state;
    struct wipe_result r;
    struct err e;
    char ks[400], blobs[400], msg[1024];

    store_close(f->s);
    f->s = NULL;
    path_in(ks, sizeof ks, f->dir, STORE_KEYSLOTS_NAME);
    path_in(blobs, sizeof blobs, f->dir, "blobs");
    assert_int_equal(access(blobs, F_OK), 0);
    err_clear(&e);
    libcfault_arm("opendir", 4, EIO, 1);
    assert_int_equal(store_wipe(&r, f->dir, &e), -1);
    assert_int_equal(libcfault_landed(), 1);
    libcfault_disarm();
    snprintf(msg, sizeof msg, "the store in %s was wiped: its keys are overwritten and nothing "
             "in it can be read; but cannot read %s: %s", f->dir, f->dir, strerror(EIO));
    assert_string_equal(e.msg, msg);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(access(ks, F_OK), -1);
    assert_int_equal(store_wipe(&r, f->dir, &e), -1);
    snprintf(msg, sizeof msg, "no store in %s; nothing was wiped", f->dir);
    assert_string_equal(e.msg, msg);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, open_fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_backup_restore),
        T(test_backup_not_in_store),
        T(test_bad_backups),
        T(test_restore_changed),
        T(test_progress_counts_files),
        T(test_wipe),
        T(test_wipe_not_ours),
        T(test_backup_faults),
        T(test_restore_faults),
        T(test_wipe_faults),
        T(test_wipe_second_pass_fails),
    };
    if (vfsfault_install() != 0)
        return 1;
    return cmocka_run_group_tests(tests, setup, teardown);
}
