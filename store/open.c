/* Creating and opening a store: its folder (0700) and files (0600), its
 * keyslot file, this device's key pairs and its settings.  The database
 * connection itself is store/db.c's. */
#include "store/blob.h"
#include "store/export_pending.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crypto/card.h"
#include "crypto/secmem.h"
#include "privacy/pseudonym.h"
#include "util/fileio.h"

/* A store folder given as a symbolic link is followed once, here, if the
 * link is this user's: path becomes the real folder, which store_check_dir
 * then holds to the same rules as any store folder (this user's, mode
 * 0700).  Someone else's link is refused: it could be pointed elsewhere
 * between two commands. */
static int follow_own_link(char *path, size_t pathlen, struct err *e)
{
    char real[PATH_MAX];
    struct stat st;

    if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
        return 0;
    if (st.st_uid != geteuid())
        return err_set(e, EXIT_INPUT,
                       "%s is a symbolic link owned by another user; refusing to follow it", path);
    if (realpath(path, real) == NULL)
        return err_set(e, EXIT_INPUT, "%s is a symbolic link to nothing usable: %s", path,
                       strerror(errno));
    if (strlen(real) >= pathlen || strlen(real) > 4000)
        return err_set(e, EXIT_INPUT, "store folder path too long");
    memcpy(path, real, strlen(real) + 1);
    return 0;
}

int store_dir_resolve(char *out, size_t outlen, const char *home, struct err *e)
{
    const char *env = getenv("INTAKE_HOME");
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *h = getenv("HOME");
    int n;

    if (home != NULL && home[0] != '\0')
        n = snprintf(out, outlen, "%s", home);
    /* adv26b E-8: an empty INTAKE_HOME is a mistake (a variable set from
     * nothing), refused as --home '' is, never read as "the default". */
    else if (env != NULL && env[0] == '\0')
        return err_set(e, EXIT_INPUT, "INTAKE_HOME is set but empty: give it a folder, or unset it");
    else if (env != NULL && env[0] != '\0')
        n = snprintf(out, outlen, "%s", env);
    else if (xdg != NULL && xdg[0] == '/')
        n = snprintf(out, outlen, "%s/intake", xdg);
    else if (h != NULL && h[0] == '/')
        n = snprintf(out, outlen, "%s/.local/share/intake", h);
    else
        return err_set(e, EXIT_INPUT, "no store folder: set --home DIR or INTAKE_HOME");
    if (n < 0 || (size_t)n >= outlen || (size_t)n > 4000)
        return err_set(e, EXIT_INPUT, "store folder path too long");
    return follow_own_link(out, outlen, e);
}

static int check_private(const char *path, int must_exist, int want_dir,
                         struct err *e)
{
    struct stat st;

    if (lstat(path, &st) != 0) {
        if (errno == ENOENT && !must_exist)
            return 0;
        return err_set(e, EXIT_INPUT, "cannot read %s: %s", path, strerror(errno));
    }
    /* adv14 F5: ls shows a file or a folder, so say what it is. */
    if (S_ISLNK(st.st_mode) && want_dir)
        return err_set(e, EXIT_INPUT, "%s is a symbolic link; give the store folder's own "
                       "path with --home", path);
    if (S_ISLNK(st.st_mode))
        return err_set(e, EXIT_INPUT, "%s is a symbolic link; intake does not follow links "
                       "inside a store: put the file itself there", path);
    if (want_dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode))
        return err_set(e, EXIT_INPUT, "%s is not a %s", path,
                       want_dir ? "folder" : "regular file");
    if (st.st_uid != geteuid())
        return err_set(e, EXIT_INPUT, "%s belongs to another user; refusing to use it", path);
    if ((st.st_mode & 077) != 0)
        return err_set(e, EXIT_INPUT,
                       "%s can be read by others (mode %04o); run 'chmod %s %s' and check who copied it",
                       path, (unsigned)(st.st_mode & 07777), want_dir ? "700" : "600", path);
    return 0;
}

static int exists_in(const char *dir, const char *name, struct err *e)
{
    char path[4200];

    return db_path(path, sizeof path, dir, name, e) == 0 && access(path, F_OK) == 0;
}

/* A database without its keyslot file (an incomplete copy): nothing opens
 * it, not even the recovery key, and init must not take its place (adv14
 * F19). The same message from init and from every command that opens. */
static int refuse_database(const char *dir, struct err *e)
{
    return err_set(e, EXIT_INPUT,
                   "%s holds a database but its keyslot file is missing: copy the keyslot file "
                   "back from where the store came from, or restore a backup; do not run "
                   "'intake init' here", dir);
}

/* After path (the store folder dir or its keyslot file) could not be
 * looked at (errno): "no store" only when it is not there; an I/O error
 * or a folder that may not be read is told as such, never as a missing
 * store that 'intake init' would make. */
static int no_store(struct err *e, const char *dir, const char *path)
{
    if (errno == ENOENT || errno == ENOTDIR)
        return err_set(e, EXIT_INPUT,
                       "no store in %s; create one with 'intake init' or choose another with --home",
                       dir);
    return err_set(e, EXIT_INPUT, "cannot read %s: %s", path, strerror(errno));
}

int store_check_dir(const char *dir, struct err *e)
{
    static const char *const files[] = {   /* the first two must exist */
        STORE_KEYSLOTS_NAME, STORE_DB_NAME, STORE_DB_NAME "-wal", STORE_DB_NAME "-shm",
        STORE_REKEY_NAME, STORE_INIT_MARK_NAME,
    };
    char path[4200];
    struct stat st;

    if (stat(dir, &st) != 0)
        return no_store(e, dir, dir);
    if (!S_ISDIR(st.st_mode))   /* the words init uses (adv14 F4) */
        return err_set(e, EXIT_INPUT, "%s is not a folder", dir);
    if (db_path(path, sizeof path, dir, STORE_KEYSLOTS_NAME, e) != 0)
        return -1;
    if (lstat(path, &st) != 0) {
        int was = errno;
        if (was == ENOENT && exists_in(dir, STORE_DB_NAME, NULL) &&
            !exists_in(dir, STORE_INIT_MARK_NAME, NULL))
            return refuse_database(dir, e);
        errno = was;
        return no_store(e, dir, path);
    }
    if (check_private(dir, 1, 1, e) != 0)
        return -1;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        if (db_path(path, sizeof path, dir, files[i], e) != 0 ||
            check_private(path, i < 2, 0, e) != 0)
            return -1;
    }
    /* A file that may not be read is told as such, with its remedy, not
     * as one that cannot be written (adv14 F3). */
    for (size_t i = 0; i < 2; i++) {
        if (db_path(path, sizeof path, dir, files[i], e) != 0)
            return -1;
        if (access(path, R_OK) == 0)
            continue;
        if (errno == EACCES || errno == EPERM)
            return err_set(e, EXIT_INPUT, "%s cannot be read (%s); nothing was changed: "
                           "run 'chmod 600 %s'", path, strerror(errno), path);
        return db_explain(e, dir, SQLITE_CANTOPEN, errno, "", "opening it");
    }
    /* SQLite writes beside the database even to read (its WAL index):
     * say so before the passphrase is asked, not as damage after. */
    if (access(dir, W_OK) != 0 ||
        (db_path(path, sizeof path, dir, STORE_DB_NAME, e) == 0 && access(path, W_OK) != 0))
        return db_explain(e, dir, SQLITE_CANTOPEN, errno, "", "opening it");
    return 0;
}

static int insert_initial(struct store *s, const struct store_params *p,
                          struct err *e)
{
    unsigned char *sk = secmem_alloc(crypto_sign_SECRETKEYBYTES + crypto_box_SECRETKEYBYTES);
    unsigned char spk[crypto_sign_PUBLICKEYBYTES], bpk[crypto_box_PUBLICKEYBYTES];
    unsigned char *bsk = sk + crypto_sign_SECRETKEYBYTES;
    char now[32];
    const struct db_val meta[] = { DB_TEXT(p->label), DB_TEXT(p->locale), DB_TEXT(now) };
    const struct db_val keys[] = {
        DB_BLOB(spk, sizeof spk), DB_BLOB(sk, crypto_sign_SECRETKEYBYTES),
        DB_BLOB(bpk, sizeof bpk), DB_BLOB(bsk, crypto_box_SECRETKEYBYTES),
    };
    int rc;

    if (sk == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    crypto_sign_keypair(spk, sk);
    crypto_box_keypair(bpk, bsk);
    db_now(now, sizeof now);
    rc = db_run(s, "INSERT INTO meta(key, value) VALUES ('label', ?1), ('locale', ?2), ('created', ?3)",
                meta, DB_N(meta), "creating the store", e);
    if (rc == 0)
        rc = db_run(s, "INSERT INTO device(id, sign_pk, sign_sk, box_pk, box_sk)"
                    " VALUES (1, ?1, ?2, ?3, ?4)", keys, DB_N(keys), "creating the store", e);
    secmem_free(sk);
    return rc;
}

static int make_keyslots(struct store *s, const struct store_params *p,
                         const char *pass, size_t passlen,
                         const unsigned char *recovery, struct err *e)
{
    struct keyslot_file kf;
    uint64_t rops, rmem;

    memset(&kf, 0, sizeof kf);
    /* The recovery key carries 160 random bits: a light KDF is enough. */
    if (keyslot_kdf_params(&rops, &rmem, "interactive", e) != 0 ||
        keyslot_seal(&kf.slot[0], KEYSLOT_PASSPHRASE, s->master,
                     (const unsigned char *)pass, passlen, p->opslimit,
                     p->memlimit, e) != 0 ||
        keyslot_seal(&kf.slot[1], KEYSLOT_RECOVERY, s->master, recovery,
                     RECOVERY_KEY_BYTES, rops, rmem, e) != 0)
        return -1;
    kf.nslots = 2;
    return keyslot_save(s->keyslots, &kf, 0, e);
}

int store_params_check(const struct store_params *p, struct err *e)
{
    /* The label travels on the card: the card's rule, checked once here. */
    if (card_label_check(p->label, e) != 0)
        return -1;
    if (strlen(p->locale) > STORE_LOCALE_MAX || pseudonym_count(p->locale) == 0)
        return err_set(e, EXIT_INPUT, "unknown locale '%.16s'; use ko, mn, en, ru or zh",
                       p->locale);
    return 0;
}

/* Creates the folder path (0700) unless it exists; a folder made is
 * synced into its parent, or a power cut could take the whole store with
 * it after init reported success.  With always set (the store folder) an
 * existing folder is synced into its parent too: an init whose sync
 * failed left it made but perhaps not yet on the disk, and the next init
 * must not take it as durable. */
static int mkdir_synced(const char *path, const char *what, int always, struct err *e)
{
    if (mkdir(path, 0700) != 0) {
        if (errno != EEXIST)
            return err_set(e, EXIT_INPUT, "cannot create %s %s: %s", what, path,
                           strerror(errno));
        if (!always)
            return 0;
    }
    return fsync_parent(path, e);
}

/* Creates the missing folders above dir (0700), as for ~/.local/share. */
static int mkdir_parents(const char *dir, struct err *e)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%s", dir);

    if (n < 0 || (size_t)n >= sizeof path)
        return err_set(e, EXIT_INPUT, "store folder path too long");
    for (char *p = path + 1; *p != '\0'; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir_synced(path, "the folder", 0, e) != 0)
            return -1;
        *p = '/';
    }
    return 0;
}

/* What an interrupted init may have left beside its marker. */
void open_remove_partial(const char *dir)
{
    static const char *const names[] = {
        STORE_DB_NAME, STORE_DB_NAME "-wal", STORE_DB_NAME "-shm", STORE_DB_NAME "-journal",
    };
    char path[4200];

    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (db_path(path, sizeof path, dir, names[i], NULL) == 0)
            (void)unlink(path);
    open_remove_blobs(dir);
}

void open_remove_blobs(const char *dir)
{
    char path[4200];
    struct dirent *d;
    DIR *dp;

    if (snprintf(path, sizeof path, "%s/%s", dir, BLOB_DIR_NAME) >= (int)sizeof path ||
        (dp = opendir(path)) == NULL)
        return;
    while ((d = readdir(dp)) != NULL)
        if (blob_name_ok(d->d_name))
            (void)unlinkat(dirfd(dp), d->d_name, 0);
    closedir(dp);
    (void)rmdir(path);
}



static int refuse_busy(const char *dir, struct err *e)
{
    return err_set(e, EXIT_INPUT, "another intake is creating a store in %s; "
                   "nothing was changed", dir);
}

/* 0 if no init holds the marker of dir (it is a leftover), else refused. */
static int marker_free(const char *dir, struct err *e)
{
    char path[4200];
    int fd, rc = 0;

    if (db_path(path, sizeof path, dir, STORE_INIT_MARK_NAME, e) != 0)
        return -1;
    fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) != 0)
        rc = refuse_busy(dir, e);
    if (fd >= 0)
        close(fd);
    return rc;
}

/* Takes the init marker of dir into *mark (open, locked, durable before
 * anything else is made). A marker left unlocked by an init that was
 * killed means the files beside it are a half-made store: removed. */
int open_mark_take(int *mark, const char *dir, struct err *e)
{
    char path[4200];
    int left = 0;

    if (db_path(path, sizeof path, dir, STORE_INIT_MARK_NAME, e) != 0)
        return -1;
    *mark = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (*mark < 0 && errno == EEXIST) {
        left = 1;
        *mark = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
    }
    if (*mark < 0)
        return db_explain(e, dir, SQLITE_CANTOPEN, errno, "", "creating the store");
    if (flock(*mark, LOCK_EX | LOCK_NB) != 0) {
        close(*mark);
        *mark = -1;
        return refuse_busy(dir, e);
    }
    if (!left && exists_in(dir, STORE_DB_NAME, NULL)) {
        (void)unlink(path);
        close(*mark);
        *mark = -1;
        return refuse_database(dir, e);
    }
    if (left)
        open_remove_partial(dir);
    if (fsync_parent(path, e) != 0) {
        (void)unlink(path);
        close(*mark);
        *mark = -1;
        return -1;
    }
    return 0;
}

int store_create_check(const char *dir, struct err *e)
{
    uint64_t avail;

    if (mkdir_parents(dir, e) != 0)
        return -1;
    if (mkdir_synced(dir, "the store folder", 1, e) != 0)
        return -1;
    if (exists_in(dir, STORE_KEYSLOTS_NAME, e))
        return err_set(e, EXIT_INPUT, "a store already exists in %s; nothing was changed", dir);
    if (check_private(dir, 1, 1, e) != 0)
        return -1;
    if (access(dir, W_OK) != 0)
        return err_set(e, EXIT_INPUT, "cannot create a store in %s: %s", dir, strerror(errno));
    /* Too little room for a store that can take a change: said before the
     * passphrase is asked, and nothing is made (adv19c C-4). */
    avail = fileio_free_bytes(dir);
    if (avail < STORE_INIT_FREE_BYTES)
        return err_set(e, EXIT_INPUT, "the disk holding %s is full: a new store needs at least "
                       "%u MiB free and %llu KiB are; no store was created", dir,
                       STORE_INIT_FREE_BYTES >> 20, (unsigned long long)(avail >> 10));
    /* What open_mark_take would refuse, said before the passphrase is asked. */
    if (!exists_in(dir, STORE_INIT_MARK_NAME, e))
        return exists_in(dir, STORE_DB_NAME, e) ? refuse_database(dir, e) : 0;
    return marker_free(dir, e);
}

/* Drops the marker: the keyslot file, written last, made the store. */
void open_mark_release(int mark, const char *dir)
{
    char path[4200];

    if (db_path(path, sizeof path, dir, STORE_INIT_MARK_NAME, NULL) == 0) {
        (void)unlink(path);
        (void)fsync_parent(path, NULL);
    }
    close(mark);
}

int store_create(const char *dir, const struct store_params *p,
                 const char *passphrase, size_t passlen,
                 const unsigned char *recovery, struct err *e)
{
    struct store *s;
    int rc = -1, mark;

    if (store_params_check(p, e) != 0 || store_create_check(dir, e) != 0 ||
        open_mark_take(&mark, dir, e) != 0)
        return -1;
    s = db_alloc(dir, e);
    if (s != NULL) {
        s->files = &blob_files;
        randombytes_buf(s->master, KEYSLOT_MASTER_BYTES);
        s->creating = 1;
        if (db_connect(s, 1, e) == 0 && store_begin(s, e) == 0) {
            if (insert_initial(s, p, e) == 0 && store_log(s, "init", "", e) == 0 &&
                store_commit(s, e) == 0)
                rc = make_keyslots(s, p, passphrase, passlen, recovery, e);
            else
                store_rollback(s);
        }
        store_close(s);
    }
    if (rc != 0)
        open_remove_partial(dir);
    open_mark_release(mark, dir);
    return rc;
}

/* Seals the passphrase slot of kf again with the same costs, now under
 * the passphrase's NFC (keyslot_seal), and writes the keyslot file
 * atomically.  Best effort: on failure (a read-only folder) the old slot
 * still opens, and the next open tries again. */
static void upgrade_passphrase_slot(struct store *s, struct keyslot_file *kf, size_t which,
                                    const unsigned char *secret, size_t secretlen)
{
    struct keyslot_file now = *kf;
    struct err ignored;

    if (keyslot_seal(&now.slot[which], KEYSLOT_PASSPHRASE, s->master, secret, secretlen,
                     kf->slot[which].opslimit, kf->slot[which].memlimit, &ignored) == 0 &&
        keyslot_save(s->keyslots, &now, 1, &ignored) == 0)
        db_opened_by(s, &now, which);
}

/* An init killed after its keyslot file made the store, before it removed
 * its marker, leaves the marker behind: removed unless an init still
 * holds it (none can start once the keyslot file exists). */
static void drop_stale_marker(const char *dir)
{
    char path[4200];

    if (exists_in(dir, STORE_INIT_MARK_NAME, NULL) && marker_free(dir, NULL) == 0 &&
        db_path(path, sizeof path, dir, STORE_INIT_MARK_NAME, NULL) == 0 && unlink(path) == 0)
        (void)fsync_parent(path, NULL);
}

static int holds(const char *path, const struct keyslot_file *kf);

int store_open(struct store **out, const char *dir, uint8_t kind,
               const unsigned char *secret, size_t secretlen, struct err *e)
{
    struct keyslot_file kf, before;
    struct err first;
    struct store *s;
    size_t which = 0;
    int rc, opened = 0, had;

    *out = NULL;
    if (store_check_dir(dir, e) != 0)
        return -1;
    fileio_sweep_noted(dir);   /* before fileio_sweep takes the notes */
    fileio_sweep(dir);
    drop_stale_marker(dir);
    s = db_alloc(dir, e);
    if (s == NULL)
        return -1;
    s->files = &blob_files;
    /* The keyslot file before the lock is waited for: a rekey that ran
     * meanwhile explains a secret that no longer opens (adv35f M-2). */
    had = keyslot_load(&before, s->keyslots, NULL) == 0;
    /* Held until store_close: no rekey changes the key meanwhile. */
    if (db_hold(s, LOCK_SH, e) != 0) {
        store_close(s);
        return -1;
    }
    err_clear(&first);
    rc = keyslot_load(&kf, s->keyslots, e);
    if (rc == 0) {
        opened = keyslot_open_at(s->master, &which, &kf, kind, secret, secretlen, &first);
        rc = opened < 0 ? -1 : db_connect(s, 0, &first);
    }
    /* A wrong secret, or a key the database does not take: a rekey that
     * was killed may explain either (store/rekey.c). */
    if ((rc != 0 && first.code == EXIT_AUTH) || rc == DB_NOT_THIS_KEY) {
        int r = rekey_resume(s, kind, secret, secretlen, rc == DB_NOT_THIS_KEY, e);
        rc = r == 0 ? 0 : -1;
        if (r > 0 && e != NULL)
            *e = first;
        if (r > 0 && had && !holds(s->keyslots, &before))
            err_set(e, EXIT_INPUT, "the store's keys were changed (a rekey or a passwd) while "
                    "this intake waited for it; nothing was changed: use the new passphrase "
                    "(or recovery key)");
        opened = 0;   /* kf is no longer the keyslot file: nothing to reseal */
    } else if (rc == 0) {
        db_opened_by(s, &kf, which);
        rekey_discard(s);
    } else if (e != NULL && first.msg[0] != '\0') {
        *e = first;
    }
    if (rc != 0 || db_keys_note(s, e) != 0) {
        store_close(s);
        return -1;
    }
    /* A slot sealed before passphrases were normalised (keyslot.h). */
    if (opened == 1 && kind == KEYSLOT_PASSPHRASE)
        upgrade_passphrase_slot(s, &kf, which, secret, secretlen);
    /* An export a kill cut between its log and its bundle's name. */
    s->exports_undone = export_pending_resolve(s, e);
    if (s->exports_undone < 0) {
        store_close(s);
        return -1;
    }
    *out = s;
    return 0;
}

int store_set_label(struct store *s, const char *label, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(label) };
    char now[1024];

    if (card_label_check(label, e) != 0 || store_begin(s, e) != 0)
        return -1;
    /* The same label again is no change, and no log entry (adv14 F21). */
    if (store_meta_get(now, sizeof now, s, "label", e) != 0) {
        store_rollback(s);
        return -1;
    }
    if (strcmp(now, label) == 0) {
        store_rollback(s);
        return err_set(e, EXIT_INPUT, "the label is already '%s'; nothing was changed", label);
    }
    if (db_run(s, "INSERT OR REPLACE INTO meta(key, value) VALUES ('label', ?1)", v, DB_N(v),
               "changing the label", e) != 0 ||
        store_log(s, "label", "", e) != 0) {
        store_rollback(s);
        return -1;
    }
    return store_commit(s, e);
}

/* Rewrites e's message as "<message><then>" (then starts with "; "). */
static int err_then(struct err *e, const char *then)
{
    char was[sizeof e->msg];

    if (e == NULL)
        return -1;
    snprintf(was, sizeof was, "%s", e->msg);
    return err_set(e, EXIT_INPUT, "%s%s", was, then);
}

/* 1 if the keyslot file at path holds exactly kf. */
static int holds(const char *path, const struct keyslot_file *kf)
{
    unsigned char a[KEYSLOT_FILE_MAX], b[KEYSLOT_FILE_MAX];
    struct keyslot_file now;
    size_t la, lb;

    if (keyslot_load(&now, path, NULL) != 0)
        return 0;
    la = keyslot_serialise(a, sizeof a, &now);
    lb = keyslot_serialise(b, sizeof b, kf);
    return la == lb && sodium_memcmp(a, b, la) == 0;
}

/* The keyslot file as it was before a passwd, under a second name. */
struct kept_slots {
    int fd;            /* the old file, flock'ed so fileio_sweep spares it; -1: none */
    char path[4200];   /* its second name; "" once gone */
};

/* Gives the keyslot file at path a second name (a hard link,
 * FILEIO_TMP_PREFIX "keyslots-" and 16 hex digits, in the store folder
 * dir), its file locked while this process runs: fileio_sweep removes it
 * only once the process is gone (a kill).  Putting the old file back is
 * then a rename, which needs no free space (adv14 F13: on a full disk the
 * old file could not be written again).  0, or -1 where the folder takes
 * no links (FAT) or anything fails: the caller then writes the old file
 * again instead. */
static int keep_slots(struct kept_slots *k, const char *dir, const char *path)
{
    unsigned char rnd[8];
    char hex[2 * sizeof rnd + 1];
    struct stat a, b;
    int n;

    k->path[0] = '\0';
    k->fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (k->fd < 0)
        return -1;
    randombytes_buf(rnd, sizeof rnd);
    sodium_bin2hex(hex, sizeof hex, rnd, sizeof rnd);
    n = snprintf(k->path, sizeof k->path, "%s/%skeyslots-%s", dir, FILEIO_TMP_PREFIX, hex);
    if (n < 0 || (size_t)n >= sizeof k->path || flock(k->fd, LOCK_EX | LOCK_NB) != 0 ||
        link(path, k->path) != 0) {
        k->path[0] = '\0';
        close(k->fd);
        k->fd = -1;
        return -1;
    }
    /* The name must stand for the file locked, not one put there since. */
    if (fstat(k->fd, &a) != 0 || stat(k->path, &b) != 0 || a.st_ino != b.st_ino ||
        a.st_dev != b.st_dev) {
        (void)unlink(k->path);
        k->path[0] = '\0';
        close(k->fd);
        k->fd = -1;
        return -1;
    }
    return 0;
}

/* Puts the kept file back at path (a rename, then the folder synced):
 * 0, or -1 (the kept name is then removed by kept_drop). */
static int kept_restore(struct kept_slots *k, const char *path)
{
    if (k->path[0] == '\0' || rename(k->path, path) != 0)
        return -1;
    k->path[0] = '\0';
    return fsync_parent(path, NULL);
}

static void kept_drop(struct kept_slots *k)
{
    if (k->path[0] != '\0')
        (void)unlink(k->path);
    k->path[0] = '\0';
    if (k->fd >= 0)
        close(k->fd);
    k->fd = -1;
}

/* The slots a passwd on s keeps from old: in fresh (its end state) the
 * recovery slots; in both (while it runs) also the passphrase slot that
 * opened s, so a cut leaves the passphrase just typed working. Other
 * passphrase slots were left by a passwd cut off after step 1 below: the
 * one typed now supersedes them, and keeping them would fill the file
 * (KEYSLOT_MAX) after two such cuts. Opened with the recovery key, or by a
 * slot no longer in the file, both keeps them while there is room. */
static void slots_for_passwd(struct keyslot_file *both, struct keyslot_file *fresh,
                             const struct keyslot_file *old, const struct store *s)
{
    int known = 0;

    both->nslots = fresh->nslots = 0;
    for (size_t i = 0; i < old->nslots; i++) {
        const struct keyslot *k = &old->slot[i];
        int opener = k->kind == s->opened_kind &&
                     sodium_memcmp(k->salt, s->opened_salt, sizeof k->salt) == 0;
        known |= opener && k->kind == KEYSLOT_PASSPHRASE;
        if (k->kind != KEYSLOT_PASSPHRASE)
            fresh->slot[fresh->nslots++] = *k;
        if (k->kind != KEYSLOT_PASSPHRASE || opener)
            both->slot[both->nslots++] = *k;
    }
    for (size_t i = 0; !known && i < old->nslots; i++)
        if (old->slot[i].kind == KEYSLOT_PASSPHRASE && both->nslots + 1 < KEYSLOT_MAX)
            both->slot[both->nslots++] = old->slot[i];
}

/* The passphrase slot is replaced in three steps, so that a failure or a
 * kill at any moment leaves the old passphrase working and a success is
 * reported only once it is on disk:
 *   1. keyslot file = the slot that opened the store, the recovery slot
 *      and the new passphrase slot (both open: slots_for_passwd), the old
 *      file kept under a second name (keep_slots);
 *   2. the log entry commits;
 *   3. keyslot file = the new passphrase slot + the recovery slot.
 * Each file is written new, fsynced, renamed and its folder fsynced. A
 * failure in 1 or 2 puts the old file back, by a rename where the folder
 * takes links (no free space needed), else by writing it again; only if
 * both fail does the message say that both passphrases open. */
int store_set_passphrase(struct store *s, const char *passphrase,
                         size_t passlen, struct err *e)
{
    struct keyslot_file old, both, fresh;
    struct kept_slots kept = { -1, "" };
    struct keyslot slot;
    uint64_t ops = 0, mem = 0;
    struct err ignored;
    int relock, rc;

    if (keyslot_load(&old, s->keyslots, e) != 0)
        return -1;
    for (size_t i = 0; i < old.nslots; i++) {
        if (old.slot[i].kind == KEYSLOT_PASSPHRASE) {
            ops = old.slot[i].opslimit;
            mem = old.slot[i].memlimit;
        }
    }
    if (ops == 0 && keyslot_kdf_params(&ops, &mem, "moderate", e) != 0)
        return -1;
    if (keyslot_seal(&slot, KEYSLOT_PASSPHRASE, s->master,
                     (const unsigned char *)passphrase, passlen, ops, mem, e) != 0)
        return -1;
    /* The write lock from here to the commit, and no passwd or rekey
     * logged since s was opened: two changes of keys at once never both
     * say "changed" while only one opens the store (adv35f F-2).  The
     * keyslot file is read again under it, and step 3 below is made under
     * it too (taken again right after the commit), so that a passwd that
     * waits for this one sees its end state. */
    if (store_hold(s, e) != 0)
        return -1;
    if (db_keys_unchanged(s, e) != 0 || keyslot_load(&old, s->keyslots, e) != 0) {
        store_rollback(s);
        return -1;
    }
    slots_for_passwd(&both, &fresh, &old, s);
    if (keyslot_add(&fresh, &slot, e) != 0 || keyslot_add(&both, &slot, e) != 0) {
        store_rollback(s);
        return -1;
    }
    (void)keep_slots(&kept, s->dir, s->keyslots);
    if (keyslot_save(s->keyslots, &both, 1, e) != 0 ||
        store_begin(s, e) != 0 || store_log(s, "passwd", "passphrase-slot", e) != 0 ||
        store_commit(s, e) != 0) {
        char why[sizeof e->msg];
        if (!sqlite3_get_autocommit(s->db))
            store_rollback(s);
        if (!holds(s->keyslots, &old) && kept_restore(&kept, s->keyslots) != 0 &&
            !holds(s->keyslots, &old) && keyslot_save(s->keyslots, &old, 1, NULL) != 0 &&
            !holds(s->keyslots, &old)) {
            kept_drop(&kept);
            db_cause(why, sizeof why, e);
            return err_set(e, EXIT_INPUT, "%s; the passphrase change was not logged, and the "
                           "keyslot file could not be put back: the old and the new passphrase "
                           "both open the store until the next 'intake passwd'", why);
        }
        kept_drop(&kept);
        return err_then(e, "; the passphrase was not changed: the old one still opens the store");
    }
    kept_drop(&kept);
    /* Taken again at once: a passwd waiting for the lock finds the end
     * state, never the slots of step 1 (adv35f F-2).  Best effort: without
     * it, that passwd still finds this one's log entry. */
    relock = store_hold(s, &ignored) == 0;
    rc = keyslot_save(s->keyslots, &fresh, 1, e);
    if (relock)
        store_rollback(s);
    (void)db_keys_note(s, &ignored);   /* this change is no other's */
    if (s->opened_kind == KEYSLOT_PASSPHRASE)
        memcpy(s->opened_salt, slot.salt, sizeof s->opened_salt);
    if (rc != 0) {
        char why[sizeof e->msg];
        db_cause(why, sizeof why, e);
        /* Renamed but its folder not synced: only the new one opens now. */
        if (holds(s->keyslots, &fresh))
            return err_set(e, EXIT_INPUT, "the new passphrase is set and logged, and only it "
                           "opens the store; but the folder could not be synced (%s), so after "
                           "a power cut the old one may open it again: run 'intake passwd' "
                           "again once the disk is fine", why);
        return err_set(e, EXIT_INPUT, "the new passphrase is set and logged, but the old one "
                       "could not be removed (%s): both open the store until you run "
                       "'intake passwd' again", why);
    }
    return 0;
}

int store_meta_get(char *out, size_t outlen, struct store *s, const char *key,
                   struct err *e)
{
    const struct db_val v[] = { DB_TEXT(key) };
    sqlite3_stmt *st;
    int rc;

    out[0] = '\0';
    if (db_query(&st, s, "SELECT value FROM meta WHERE key = ?1", v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading the store's settings", e);
    if (rc > 0) {
        int n = snprintf(out, outlen, "%s", (const char *)sqlite3_column_text(st, 0));
        rc = n < 0 || (size_t)n >= outlen
             ? err_set(e, EXIT_INPUT, "store setting %s is too long", key) : 0;
    }
    sqlite3_finalize(st);
    return rc;
}

static int device_blobs(unsigned char *a, size_t alen, unsigned char *b,
                        size_t blen, struct store *s, const char *sql,
                        struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    if (db_prepare(&st, s, sql, e) != 0)
        return -1;
    /* A read that fails is that failure (busy, an I/O error), not damage. */
    rc = db_step(st, s, "reading the database", e);
    if (rc > 0 && (size_t)sqlite3_column_bytes(st, 0) == alen &&
        (size_t)sqlite3_column_bytes(st, 1) == blen) {
        memcpy(a, sqlite3_column_blob(st, 0), alen);
        memcpy(b, sqlite3_column_blob(st, 1), blen);
        rc = 0;
    } else if (rc >= 0) {
        rc = err_set(e, EXIT_INPUT, "the store has no device keys; it is damaged");
    }
    sqlite3_finalize(st);
    return rc;
}

int store_device_public(unsigned char *sign_pk, unsigned char *box_pk,
                        struct store *s, struct err *e)
{
    return device_blobs(sign_pk, crypto_sign_PUBLICKEYBYTES, box_pk,
                        crypto_box_PUBLICKEYBYTES, s,
                        "SELECT sign_pk, box_pk FROM device WHERE id = 1", e);
}

int store_device_secret(unsigned char *sign_sk, unsigned char *box_sk,
                        struct store *s, struct err *e)
{
    return device_blobs(sign_sk, crypto_sign_SECRETKEYBYTES, box_sk,
                        crypto_box_SECRETKEYBYTES, s,
                        "SELECT sign_sk, box_sk FROM device WHERE id = 1", e);
}

