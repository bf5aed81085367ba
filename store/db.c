#include "store/db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "crypto/secmem.h"

/* Schema migrations: entry v brings a store from version v to v + 1. */
static const char *const migrations[] = {
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE device(id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  sign_pk BLOB NOT NULL, sign_sk BLOB NOT NULL,"
    "  box_pk BLOB NOT NULL, box_sk BLOB NOT NULL);"
    "CREATE TABLE subject(id INTEGER PRIMARY KEY, pseudonym TEXT NOT NULL UNIQUE,"
    "  contact TEXT, note TEXT, locale TEXT, created TEXT NOT NULL);"
    "CREATE TABLE subject_name(id INTEGER PRIMARY KEY,"
    "  subject_id INTEGER NOT NULL REFERENCES subject(id) ON DELETE CASCADE,"
    "  name TEXT NOT NULL);"
    "CREATE TABLE record(id INTEGER PRIMARY KEY, rid TEXT NOT NULL UNIQUE,"
    "  subject_id INTEGER NOT NULL REFERENCES subject(id) ON DELETE CASCADE,"
    "  title TEXT NOT NULL, date TEXT NOT NULL, place TEXT, lang TEXT,"
    "  body TEXT NOT NULL, created TEXT NOT NULL);"
    "CREATE TABLE record_tag(record_id INTEGER NOT NULL REFERENCES record(id)"
    "  ON DELETE CASCADE, tag TEXT NOT NULL, PRIMARY KEY(record_id, tag));"
    "CREATE VIRTUAL TABLE record_fts USING fts4(title, body, tokenize=unicode61);"
    "CREATE INDEX record_subject ON record(subject_id);"
    "CREATE INDEX subject_name_subject ON subject_name(subject_id);",
    /* 1 -> 2: contacts exchanged by card, and their key history. */
    "CREATE TABLE contact(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
    "  card TEXT NOT NULL, sign_pk BLOB NOT NULL UNIQUE, box_pk BLOB NOT NULL UNIQUE,"
    "  added TEXT NOT NULL, verified TEXT);"
    "CREATE TABLE contact_history(id INTEGER PRIMARY KEY,"
    "  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,"
    "  event TEXT NOT NULL, card TEXT NOT NULL, at TEXT NOT NULL);",
    /* 2 -> 3: protected terms (a subject's, or store-wide when subject_id
     * is NULL), allowed texts, the consent history, and forgotten subjects
     * (only the day each was forgotten). */
    "CREATE TABLE term(id INTEGER PRIMARY KEY,"
    "  subject_id INTEGER REFERENCES subject(id) ON DELETE CASCADE,"
    "  category TEXT NOT NULL CHECK (category IN"
    "    ('person', 'place', 'employer', 'organisation', 'id', 'other')),"
    "  text TEXT NOT NULL, added TEXT NOT NULL);"
    "CREATE INDEX term_subject ON term(subject_id);"
    "CREATE TABLE allowed(id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE,"
    "  added TEXT NOT NULL);"
    "CREATE TABLE consent(id INTEGER PRIMARY KEY,"
    "  subject_id INTEGER NOT NULL REFERENCES subject(id) ON DELETE CASCADE,"
    "  export INTEGER NOT NULL, quote INTEGER NOT NULL, publish INTEGER NOT NULL,"
    "  attachments INTEGER NOT NULL, method TEXT NOT NULL, embargo TEXT NOT NULL,"
    "  withdrawn INTEGER NOT NULL, date TEXT NOT NULL);"
    "CREATE INDEX consent_subject ON consent(subject_id);"
    "CREATE TABLE forgotten(id INTEGER PRIMARY KEY, day TEXT NOT NULL);",
    /* 3 -> 4 (issue 5): attachments in 64 KiB chunks, where imported
     * records came from, and the log of exports (never their content). */
    "CREATE TABLE attachment(id INTEGER PRIMARY KEY,"
    "  record_id INTEGER NOT NULL REFERENCES record(id) ON DELETE CASCADE,"
    "  name TEXT NOT NULL, type TEXT NOT NULL, size INTEGER NOT NULL,"
    "  hash BLOB NOT NULL, gps INTEGER NOT NULL, added TEXT NOT NULL,"
    "  UNIQUE(record_id, name));"
    "CREATE TABLE attachment_chunk(id INTEGER PRIMARY KEY,"
    "  attachment_id INTEGER NOT NULL REFERENCES attachment(id) ON DELETE CASCADE,"
    "  seq INTEGER NOT NULL, data BLOB NOT NULL, UNIQUE(attachment_id, seq));"
    "CREATE TABLE import(id INTEGER PRIMARY KEY, hash BLOB NOT NULL UNIQUE,"
    "  sender_pk BLOB NOT NULL, sender TEXT, at TEXT NOT NULL);"
    "CREATE TABLE record_origin(record_id INTEGER PRIMARY KEY"
    "  REFERENCES record(id) ON DELETE CASCADE,"
    "  import_id INTEGER NOT NULL REFERENCES import(id), manifest TEXT NOT NULL);"
    "CREATE TABLE export(id INTEGER PRIMARY KEY, at TEXT NOT NULL,"
    "  recipients TEXT NOT NULL, records TEXT NOT NULL, hash BLOB NOT NULL);",
    /* 4 -> 5 (issue 6): the hash-chained log of every change (store/log.c);
     * append-only, so a bug cannot rewrite it in place. */
    "CREATE TABLE log(seq INTEGER PRIMARY KEY, at TEXT NOT NULL,"
    "  action TEXT NOT NULL, object TEXT NOT NULL,"
    "  prev BLOB NOT NULL, hash BLOB NOT NULL);"
    "CREATE TRIGGER log_no_update BEFORE UPDATE ON log"
    "  BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END;"
    "CREATE TRIGGER log_no_delete BEFORE DELETE ON log"
    "  BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END;"
    /* and the sender's log head each imported bundle carried */
    "ALTER TABLE import ADD COLUMN log_seq INTEGER;"
    "ALTER TABLE import ADD COLUMN log_head BLOB;",
    /* 5 -> 6 (issue 3): the compiled matcher of the protected set
     * (store/privacy.c), keyed by the digest of its literals, so a large
     * set is compiled once rather than on every command.  It holds every
     * protected literal, so it lives only here, and the triggers drop it
     * whenever a name, term or subject is deleted or changed: a forgotten
     * identity does not outlive its rows in a stale cache. */
    "CREATE TABLE matcher_cache(id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  digest BLOB NOT NULL, matcher BLOB NOT NULL, created TEXT NOT NULL);"
    "CREATE TRIGGER matcher_cache_name_delete AFTER DELETE ON subject_name"
    "  BEGIN DELETE FROM matcher_cache; END;"
    "CREATE TRIGGER matcher_cache_name_update AFTER UPDATE ON subject_name"
    "  BEGIN DELETE FROM matcher_cache; END;"
    "CREATE TRIGGER matcher_cache_term_delete AFTER DELETE ON term"
    "  BEGIN DELETE FROM matcher_cache; END;"
    "CREATE TRIGGER matcher_cache_term_update AFTER UPDATE ON term"
    "  BEGIN DELETE FROM matcher_cache; END;"
    "CREATE TRIGGER matcher_cache_subject_delete AFTER DELETE ON subject"
    "  BEGIN DELETE FROM matcher_cache; END;",
};

/* SQLite's own allocations hold decrypted pages and rows: wipe them when
 * freed (crypto/secmem.c), through SQLite's int-sized interface. */
static void *wipe_malloc(int n)
{
    return n < 0 ? NULL : secmem_wipe_malloc((size_t)n);
}
static void wipe_free(void *q)
{
    secmem_wipe_free(q);
}
static int wipe_size(void *q)
{
    return (int)secmem_wipe_size(q);
}
static void *wipe_realloc(void *q, int n)
{
    void *r = wipe_malloc(n);
    if (r != NULL && q != NULL) {
        int old = wipe_size(q);
        memcpy(r, q, (size_t)(old < n ? old : n));
        wipe_free(q);
    }
    return r;
}
static int wipe_roundup(int n) { return (n + 7) & ~7; }
static int wipe_init(void *a) { (void)a; return SQLITE_OK; }
static void wipe_shutdown(void *a) { (void)a; }

static void install_wiping_allocator(void)
{
    static int done;
    static const sqlite3_mem_methods m = {
        wipe_malloc, wipe_free, wipe_realloc, wipe_size, wipe_roundup,
        wipe_init, wipe_shutdown, NULL
    };
    if (!done) {
        /* Fails harmlessly if SQLite was already initialised. */
        (void)sqlite3_config(SQLITE_CONFIG_MALLOC, &m);
        done = 1;
    }
}

int db_fail(struct store *s, struct err *e, const char *doing)
{
    int code = sqlite3_extended_errcode(s->db) & 0xff;

    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        return err_set(e, EXIT_INPUT,
                       "the database in %s is damaged (%s); restore it from a backup",
                       s->dir, sqlite3_errmsg(s->db));
    if (code == SQLITE_FULL)
        return err_set(e, EXIT_INPUT, "disk full while %s; nothing was changed", doing);
    return err_set(e, EXIT_INPUT, "database error while %s: %s", doing,
                   sqlite3_errmsg(s->db));
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

int store_dir_resolve(char *out, size_t outlen, const char *home, struct err *e)
{
    const char *env = getenv("INTAKE_HOME");
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *h = getenv("HOME");
    int n;

    if (home != NULL && home[0] != '\0')
        n = snprintf(out, outlen, "%s", home);
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
    return 0;
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

static int join(char *out, size_t outlen, const char *dir, const char *name,
                struct err *e)
{
    int n = snprintf(out, outlen, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= outlen)
        return err_set(e, EXIT_INPUT, "store folder path too long");
    return 0;
}

int store_check_dir(const char *dir, struct err *e)
{
    static const char *const files[] = {
        STORE_KEYSLOTS_NAME, STORE_DB_NAME, STORE_DB_NAME "-wal", STORE_DB_NAME "-shm",
    };
    char path[4200];
    struct stat st;

    if (stat(dir, &st) != 0 || join(path, sizeof path, dir, STORE_KEYSLOTS_NAME, e) != 0 ||
        access(path, F_OK) != 0)
        return err_set(e, EXIT_INPUT,
                       "no store in %s; create one with 'intake init' or choose another with --home",
                       dir);
    if (check_private(dir, 1, 1, e) != 0)
        return -1;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        if (join(path, sizeof path, dir, files[i], e) != 0 ||
            check_private(path, i < 2, 0, e) != 0)
            return -1;
    }
    return 0;
}

static int pragma_int(struct store *s, const char *set, const char *get,
                      long want, struct err *e)
{
    sqlite3_stmt *st;
    long got = -1;

    if (set != NULL && db_exec(s, set, e) != 0)
        return -1;
    if (db_prepare(&st, s, get, e) != 0)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        got = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
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

static int schema_version(long *v, struct store *s, struct err *e)
{
    sqlite3_stmt *st;

    if (db_prepare(&st, s, "PRAGMA user_version", e) != 0)
        return -1;
    if (sqlite3_step(st) != SQLITE_ROW) {
        db_fail(s, e, "reading the database");
        sqlite3_finalize(st);
        return -1;
    }
    *v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return 0;
}

static int migrate(struct store *s, struct err *e)
{
    char sql[64];
    long v;

    if (schema_version(&v, s, e) != 0)
        return -1;
    if (v > STORE_SCHEMA_VERSION)
        return err_set(e, EXIT_INPUT,
                       "this store has schema version %ld; this intake knows up to %d: upgrade intake",
                       v, STORE_SCHEMA_VERSION);
    for (; v < STORE_SCHEMA_VERSION; v++) {
        snprintf(sql, sizeof sql, "PRAGMA user_version=%ld", v + 1);
        if (store_begin(s, e) != 0)
            return -1;
        if (db_exec(s, migrations[v], e) != 0 || db_exec(s, sql, e) != 0) {
            store_rollback(s);
            return -1;
        }
        if (store_commit(s, e) != 0)
            return -1;
    }
    return 0;
}

static struct store *store_alloc(const char *dir, struct err *e)
{
    struct store *s = calloc(1, sizeof *s);

    if (s == NULL) {
        err_set(e, EXIT_INPUT, "out of memory");
        return NULL;
    }
    s->master = secmem_alloc(KEYSLOT_MASTER_BYTES);
    if (s->master == NULL || join(s->dir, sizeof s->dir, dir, "", e) != 0 ||
        join(s->keyslots, sizeof s->keyslots, dir, STORE_KEYSLOTS_NAME, e) != 0) {
        if (s->master == NULL)
            err_set(e, EXIT_INPUT, "out of secure memory");
        secmem_free(s->master);
        free(s);
        return NULL;
    }
    s->dir[strlen(s->dir) - 1] = '\0';   /* drop the trailing '/' */
    return s;
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

    if (schema_version(&v, s, e) != 0)
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
    if (key_db(s, e) != 0)
        return -1;
    snprintf(sql, sizeof sql, "PRAGMA cipher_page_size = %d", page_size);
    return db_exec(s, sql, e);
}

/* Opens the database with s->master; create allows a new file. */
static int connect(struct store *s, int create, struct err *e)
{
    char path[4200];
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);

    install_wiping_allocator();
    if (join(path, sizeof path, s->dir, STORE_DB_NAME, e) != 0)
        return -1;
    if (create && create_private(path, e) != 0)
        return -1;
    if (open_keyed(s, path, flags, STORE_PAGE_SIZE, e) != 0)
        return -1;
    if (sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK &&
        (create || open_keyed(s, path, flags, STORE_PAGE_SIZE_OLD, e) != 0 ||
         sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK))
        return err_set(e, EXIT_INPUT,
                       "the database in %s is damaged or does not match its keyslot file; restore it from a backup",
                       s->dir);
    if (!create && existing_schema(s, e) != 0)
        return -1;
    if (apply_pragmas(s, e) != 0 || migrate(s, e) != 0)
        return -1;
    return 0;
}

/* A small database is checked page by page (each page's HMAC) at every
 * open, so damage is reported before anything is read from it. */
#define QUICK_CHECK_MAX (32L << 20)
static int check_pages(struct store *s, struct err *e)
{
    char path[4200];
    struct stat st;
    sqlite3_stmt *q;
    int ok = 0;

    if (join(path, sizeof path, s->dir, STORE_DB_NAME, e) != 0)
        return -1;
    if (stat(path, &st) != 0 || st.st_size > QUICK_CHECK_MAX)
        return 0;
    if (db_prepare(&q, s, "PRAGMA quick_check(1)", e) != 0)
        return -1;
    if (sqlite3_step(q) == SQLITE_ROW) {
        const unsigned char *r = sqlite3_column_text(q, 0);
        ok = r != NULL && strcmp((const char *)r, "ok") == 0;
    }
    sqlite3_finalize(q);
    if (!ok)
        return err_set(e, EXIT_INPUT,
                       "the database in %s is damaged; restore it from a backup", s->dir);
    return 0;
}

void store_close(struct store *s)
{
    if (s == NULL)
        return;
    if (s->db != NULL)
        sqlite3_close_v2(s->db);
    secmem_free(s->master);
    free(s);
}

static int insert_initial(struct store *s, const struct store_params *p,
                          struct err *e)
{
    unsigned char *sk = secmem_alloc(crypto_sign_SECRETKEYBYTES + crypto_box_SECRETKEYBYTES);
    unsigned char spk[crypto_sign_PUBLICKEYBYTES], bpk[crypto_box_PUBLICKEYBYTES];
    unsigned char *bsk = sk + crypto_sign_SECRETKEYBYTES;
    sqlite3_stmt *st = NULL;
    char now[32];
    int rc = -1;

    if (sk == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    crypto_sign_keypair(spk, sk);
    crypto_box_keypair(bpk, bsk);
    db_now(now, sizeof now);
    if (db_prepare(&st, s, "INSERT INTO meta(key, value) VALUES"
                   " ('label', ?1), ('locale', ?2), ('created', ?3)", e) != 0)
        goto out;
    db_bind_text(st, 1, p->label);
    db_bind_text(st, 2, p->locale);
    db_bind_text(st, 3, now);
    if (sqlite3_step(st) != SQLITE_DONE) {
        db_fail(s, e, "creating the store");
        goto out;
    }
    sqlite3_finalize(st);
    if (db_prepare(&st, s, "INSERT INTO device(id, sign_pk, sign_sk, box_pk, box_sk)"
                   " VALUES (1, ?1, ?2, ?3, ?4)", e) != 0)
        goto out;
    sqlite3_bind_blob(st, 1, spk, sizeof spk, SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 2, sk, crypto_sign_SECRETKEYBYTES, SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 3, bpk, sizeof bpk, SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 4, bsk, crypto_box_SECRETKEYBYTES, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        db_fail(s, e, "creating the store");
    else
        rc = 0;
out:
    sqlite3_finalize(st);
    secmem_free(sk);
    return rc;
}

static int make_keyslots(struct store *s, const struct store_params *p,
                         const char *pass, size_t passlen,
                         unsigned char *recovery, struct err *e)
{
    struct keyslot_file kf;
    uint64_t rops, rmem;

    memset(&kf, 0, sizeof kf);
    randombytes_buf(recovery, RECOVERY_KEY_BYTES);
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
        if (mkdir(path, 0700) != 0 && errno != EEXIST)
            return err_set(e, EXIT_INPUT, "cannot create the folder %s: %s", path,
                           strerror(errno));
        *p = '/';
    }
    return 0;
}

static int prepare_dir(const char *dir, struct err *e)
{
    char path[4200];

    if (mkdir_parents(dir, e) != 0)
        return -1;
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return err_set(e, EXIT_INPUT, "cannot create the store folder %s: %s", dir,
                       strerror(errno));
    if (join(path, sizeof path, dir, STORE_KEYSLOTS_NAME, e) != 0)
        return -1;
    if (access(path, F_OK) == 0)
        return err_set(e, EXIT_INPUT, "a store already exists in %s; nothing was changed", dir);
    if (join(path, sizeof path, dir, STORE_DB_NAME, e) != 0)
        return -1;
    if (access(path, F_OK) == 0)
        return err_set(e, EXIT_INPUT,
                       "%s holds a database without keyslots; move it away before 'intake init'",
                       dir);
    return check_private(dir, 1, 1, e);
}

static void remove_partial(const char *dir)
{
    static const char *const names[] = {
        STORE_DB_NAME, STORE_DB_NAME "-wal", STORE_DB_NAME "-shm", STORE_DB_NAME "-journal",
    };
    char path[4200];

    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (join(path, sizeof path, dir, names[i], NULL) == 0)
            (void)unlink(path);
}

int store_create(const char *dir, const struct store_params *p,
                 const char *passphrase, size_t passlen,
                 unsigned char *recovery, struct err *e)
{
    struct store *s;
    int rc = -1;

    if (prepare_dir(dir, e) != 0)
        return -1;
    s = store_alloc(dir, e);
    if (s == NULL)
        return -1;
    randombytes_buf(s->master, KEYSLOT_MASTER_BYTES);
    if (connect(s, 1, e) == 0 && store_begin(s, e) == 0) {
        if (insert_initial(s, p, e) == 0 && store_log(s, "init", "", e) == 0 &&
            store_commit(s, e) == 0)
            rc = make_keyslots(s, p, passphrase, passlen, recovery, e);
        else
            store_rollback(s);
    }
    store_close(s);
    if (rc != 0) {
        remove_partial(dir);
        sodium_memzero(recovery, RECOVERY_KEY_BYTES);
    }
    return rc;
}

int store_open(struct store **out, const char *dir, uint8_t kind,
               const unsigned char *secret, size_t secretlen, struct err *e)
{
    struct keyslot_file kf;
    struct store *s;

    *out = NULL;
    if (store_check_dir(dir, e) != 0)
        return -1;
    s = store_alloc(dir, e);
    if (s == NULL)
        return -1;
    if (keyslot_load(&kf, s->keyslots, e) != 0 ||
        keyslot_open(s->master, &kf, kind, secret, secretlen, e) != 0 ||
        connect(s, 0, e) != 0 || check_pages(s, e) != 0) {
        store_close(s);
        return -1;
    }
    *out = s;
    return 0;
}

int store_set_passphrase(struct store *s, const char *passphrase,
                         size_t passlen, struct err *e)
{
    struct keyslot_file kf;
    struct keyslot slot;
    uint64_t ops = 0, mem = 0;

    if (keyslot_load(&kf, s->keyslots, e) != 0)
        return -1;
    for (size_t i = 0; i < kf.nslots; i++) {
        if (kf.slot[i].kind == KEYSLOT_PASSPHRASE) {
            ops = kf.slot[i].opslimit;
            mem = kf.slot[i].memlimit;
        }
    }
    if (ops == 0 && keyslot_kdf_params(&ops, &mem, "moderate", e) != 0)
        return -1;
    if (keyslot_seal(&slot, KEYSLOT_PASSPHRASE, s->master,
                     (const unsigned char *)passphrase, passlen, ops, mem, e) != 0 ||
        keyslot_put(&kf, &slot, e) != 0)
        return -1;
    /* The entry commits only once the new keyslot file is in place. */
    if (store_begin(s, e) != 0)
        return -1;
    if (store_log(s, "passwd", "passphrase-slot", e) != 0 ||
        keyslot_save(s->keyslots, &kf, 1, e) != 0) {
        store_rollback(s);
        return -1;
    }
    return store_commit(s, e);
}

int store_meta_get(char *out, size_t outlen, struct store *s, const char *key,
                   struct err *e)
{
    sqlite3_stmt *st;
    int rc = 0;

    out[0] = '\0';
    if (db_prepare(&st, s, "SELECT value FROM meta WHERE key = ?1", e) != 0)
        return -1;
    db_bind_text(st, 1, key);
    if (sqlite3_step(st) == SQLITE_ROW) {
        int n = snprintf(out, outlen, "%s", (const char *)sqlite3_column_text(st, 0));
        if (n < 0 || (size_t)n >= outlen)
            rc = err_set(e, EXIT_INPUT, "store setting %s is too long", key);
    }
    sqlite3_finalize(st);
    return rc;
}

static int device_blobs(unsigned char *a, size_t alen, unsigned char *b,
                        size_t blen, struct store *s, const char *sql,
                        struct err *e)
{
    sqlite3_stmt *st;
    int rc = -1;

    if (db_prepare(&st, s, sql, e) != 0)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW &&
        (size_t)sqlite3_column_bytes(st, 0) == alen &&
        (size_t)sqlite3_column_bytes(st, 1) == blen) {
        memcpy(a, sqlite3_column_blob(st, 0), alen);
        memcpy(b, sqlite3_column_blob(st, 1), blen);
        rc = 0;
    } else {
        err_set(e, EXIT_INPUT, "the store has no device keys; it is damaged");
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

int store_begin(struct store *s, struct err *e)
{
    return db_exec(s, "BEGIN IMMEDIATE", e);
}

int store_commit(struct store *s, struct err *e)
{
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        db_fail(s, e, "saving the change");
        store_rollback(s);
        return -1;
    }
    return 0;
}

void store_rollback(struct store *s)
{
    (void)sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

const char *store_dir(const struct store *s)
{
    return s->dir;
}
