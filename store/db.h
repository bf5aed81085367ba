/* Internal to store/: the only header that includes <sqlite3.h>.
 *
 * The files of store/, lowest first: each calls only files listed before
 * it (scripts/layers.sh checks this). store.h is the public header; db.h,
 * privacy.h, term.h and subject.h declare internals for the later files.
 *
 *   words.c       the words the search index adds, and queries (pure text)
 *   db_mem.c      SQLite's allocations: wiped when freed, each freed once
 *   db_sql.c      statements, transactions and their errors (the bottom)
 *   db_index.c    the search index (uses db_sql.c)
 *   db_migrate.c  the schema migrations (uses db_sql.c, db_index.c)
 *   db.c          the connection and its pragmas (uses the three above)
 *   log.c         the hash-chained log of every change
 *   rekey.c       a new master key, and finishing a rekey that was killed
 *   open.c        creating and opening a store, settings, device keys
 *   privacy.c     term categories, the protected set, redacted records
 *   term.c        protected terms and allowed texts (uses privacy.c)
 *   subject.c     subjects, names, terms, forgetting (uses privacy.c, term.c)
 *   record.c      records and their index (uses subject.c)
 *   consent.c     consent (uses subject.c)
 *   contact.c     contacts and their history (uses open.c: device keys)
 *   blob.c        attachment files beside the database (used by db.c too)
 *   attachment.c  attachments (their bytes in blob.c's files)
 *   exchange.c    exports and imports
 *   backup.c      backup, restore and wipe (uses open.c: init's marker)
 * Each uses db.c; log.c when it changes something. */
#ifndef INTAKE_STORE_DB_H
#define INTAKE_STORE_DB_H

#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include "store/store.h"

/* The attachment files beside the database (store/blob.c fills one in,
 * blob_files): the database layer calls them through this table and
 * never calls store/blob.c by name, so the two do not depend on each
 * other (scripts/layers.sh). Each returns as the blob_* function it
 * points to (store/blob.h). */
struct store;
struct db_files {
    int (*dir_open)(struct store *s, struct err *e);   /* at connect, before migrating */
    int (*migrate)(struct store *s, struct err *e);    /* the 16 -> 17 step */
    int (*tidy)(struct store *s, struct err *e);       /* after connecting */
    void (*sweep)(struct store *s);                    /* after each commit */
};

/* Bytes of the digest of the rows a redactor is built from (store/privacy.c). */
#define SOURCE_DIGEST_BYTES 32

struct store {
    sqlite3 *db;
    const struct db_files *files; /* set by whoever allocates s (store/open.c, store/backup.c) */
    unsigned char *master;       /* sodium_malloc, KEYSLOT_MASTER_BYTES */
    int hold;                    /* the store folder, flock'ed by db_hold; -1: none */
    char dir[4096];
    char keyslots[4200];
    int refs;                    /* references; 1 when opened (store_share) */
    int exports_undone;          /* exports taken back when it opened (store/export_pending.h) */
    long exports_named[8];       /* exports this process named whose mark it could not drop:
                                  * they stand whatever is at their path (export_pending.c) */
    size_t nexports_named;
    int held;                    /* 1 after store_hold: the next store_begin
                                  * takes over its open transaction */
    int creating;                /* 1 in store_create: a failed commit's data goes
                                  * with the partial store (store_commit) */
    struct progress watcher;     /* store_watch; none by default */
    int blobs;                   /* the attachment files' folder, flock'ed (store/blob.c); -1: none */
    int blobs_ready;             /* 1 once the schema has blob_gone (blob_tidy) */
    uint8_t opened_kind;         /* the kind of keyslot that opened it; 0: not known */
    unsigned char opened_salt[KEYSLOT_SALT_BYTES];   /* that slot's salt, which names it */
    long keys_seq;               /* the log's last passwd or rekey entry when s was
                                  * opened (db_keys_note); 0: none */
    int answers_loaded;          /* 1 once privacy_answers_load ran (store/privacy.c) */
    struct redactor *red;        /* the protected set last built, while open (store_redactor) */
    unsigned char red_source[SOURCE_DIGEST_BYTES];   /* the digest of the rows red came from */
};

/* Notes which slot of kf (its index which) opened s, for passwd. */
void db_opened_by(struct store *s, const struct keyslot_file *kf, size_t which);

/* Notes in s->keys_seq the log's last change of the store's keys (a
 * passwd or a rekey entry; 0 when none): called once the store is open.
 * 0, or -1 with e filled (reading the log). */
int db_keys_note(struct store *s, struct err *e);

/* 0 if no intake changed the store's keys (logged a passwd or a rekey)
 * since db_keys_note, -1 with e filled if one did (EXIT_INPUT): a change of
 * keys made now would undo that one, and only one of the two new
 * passphrases would open the store (adv35f F-2).  Called under the lock
 * the change is made with (the write transaction for passwd, the folder
 * taken alone for rekey); -2 with e on a failed read (of the log or the
 * keyslot file: nothing is changed yet, the caller says so). */
int db_keys_unchanged(struct store *s, struct err *e);

/* Fills e from the database's last error, naming what was being done
 * ("saving the record", an English constant translated here, as by the
 * db_* functions below that take doing: util/intl.h): another intake holding the store, a full disk,
 * a folder that cannot be written, an I/O error, and damage each have
 * their own message; "damaged ... restore it from a backup" only when the
 * data fails its checks and the disk reads without error. Never a wrong
 * passphrase. Returns -1. */
int db_fail(struct store *s, struct err *e, const char *doing);

/* e's message (e may be NULL: "") into out (outlen bytes), to be quoted
 * as the cause of a later message: without its "; nothing was changed..."
 * tail, which is no longer true once a change was saved. */
void db_cause(char *out, size_t outlen, const struct err *e);

/* The SQLite code a line of PRAGMA quick_check's report stands for: a
 * page that could not be read ("unable to get the page. error code=N")
 * keeps N when it is an I/O error, a full disk, no memory, a busy or
 * read-only store (what db_explain tells apart); SQLITE_CORRUPT for
 * anything else (SQLCipher's page whose HMAC fails reads as
 * SQLITE_ERROR). */
int db_check_code(const char *line);

/* db_fail's rule, from SQLite's extended code, the system's errno sys (0
 * if none), SQLite's message what, for the store in dir. */
int db_explain(struct err *e, const char *dir, int code, int sys, const char *what,
               const char *doing);

/* db_connect's return when the master key does not decrypt the database
 * (e says damaged or mismatched; a pending rekey may explain it). */
#define DB_NOT_THIS_KEY (-2)

/* SQL for the id of the subject a typed pseudonym names (NULL if none),
 * arg being the SQL of the typed text ("?1"): the subject whose pseudonym
 * has the same pseudonym_key (case, white space and hyphens aside), the
 * one spelt exactly so first where a store made before keys were compared
 * holds two of them.  Every lookup by pseudonym goes through it. */
#define DB_SUBJECT_NAMED(arg) \
    "(SELECT id FROM subject WHERE pseudonym_key(pseudonym) = pseudonym_key(" arg ")" \
    " ORDER BY pseudonym = " arg " DESC, id LIMIT 1)"

/* Prepares sql; on failure fills e. */
int db_prepare(sqlite3_stmt **st, struct store *s, const char *sql,
               struct err *e);

/* Writes a new random id to out: 80 bits from randombytes_buf in
 * lowercase Crockford base32 (RECORD_ID_CHARS characters and a NUL), the
 * form of record ids and subjects' stable ids; never derived from
 * anything the store holds. */
void db_new_id(char out[RECORD_ID_CHARS + 1]);

/* Runs sql that returns no rows. */
int db_exec(struct store *s, const char *sql, struct err *e);

/* Binds text (NULL binds NULL); SQLite copies it. Returns SQLite's code. */
int db_bind_text(sqlite3_stmt *st, int i, const char *text);

/* One value for a statement parameter; an array of them binds ?1, ?2, ...
 * in order. The initializer copies numbers and pointers: declare the array
 * where they hold their final values. SQLite copies the text and blob
 * bytes when binding (SQLITE_TRANSIENT), so they stay the caller's. */
struct db_val {
    int type;                    /* SQLITE_TEXT, SQLITE_INTEGER, SQLITE_BLOB, SQLITE_NULL */
    sqlite3_int64 i;
    const char *text;            /* NUL-ended; NULL binds NULL */
    const void *blob;
    size_t len;                  /* bytes of blob */
};
#define DB_TEXT(t)    { .type = SQLITE_TEXT, .text = (t) }
#define DB_INT(v)     { .type = SQLITE_INTEGER, .i = (v) }
/* A row id that may be absent: 0 binds NULL. */
#define DB_ID(v)      { .type = (v) != 0 ? SQLITE_INTEGER : SQLITE_NULL, .i = (v) }
#define DB_BLOB(b, n) { .type = SQLITE_BLOB, .blob = (b), .len = (n) }
/* The number of values in an array v. */
#define DB_N(v)       (sizeof (v) / sizeof (v)[0])

/* Binds v[0..n) to ?1..?n of st, which must have exactly n parameters
 * (a mismatch is an internal error); 0, or -1 with e filled. */
int db_bind(sqlite3_stmt *st, struct store *s, const struct db_val *v, size_t n,
            struct err *e);

/* Prepares sql and binds v[0..n) (db_bind); the caller finalizes *st.
 * 0, or -1 with e filled and *st NULL. */
int db_query(sqlite3_stmt **st, struct store *s, const char *sql,
             const struct db_val *v, size_t n, struct err *e);

/* Steps st once: 1 with a row to read, 0 when there are no more, -1 on
 * error with e naming doing ("reading the log"). */
int db_step(sqlite3_stmt *st, struct store *s, const char *doing, struct err *e);

/* db_query, then db_step once: 1 with *st on the first row, 0 when there
 * is none, -1 with e (doing names the step's failure). The caller
 * finalizes *st whatever the result (NULL when the query failed). */
int db_first(sqlite3_stmt **st, struct store *s, const char *sql, const struct db_val *v,
             size_t n, const char *doing, struct err *e);

/* Runs sql bound to v[0..n), a statement that returns no rows (INSERT,
 * UPDATE, DELETE), and finalizes it: 0, or -1 with e naming doing. */
int db_run(struct store *s, const char *sql, const struct db_val *v, size_t n,
           const char *doing, struct err *e);

/* Runs sql bound to v[0..n) for one integer (the first column of the
 * first row): 1 with it in *out, 0 when there is no row (*out is left
 * alone), -1 on error with e naming doing. */
int db_int(long *out, struct store *s, const char *sql, const struct db_val *v,
           size_t n, const char *doing, struct err *e);

/* Checks every page of the database (PRAGMA quick_check: each page's
 * HMAC, and the structure), whatever its size: 0, or -1 with e
 * ("damaged", or the I/O error). */
int db_check_all(struct store *s, struct err *e);

/* For store/backup.c (restore), from store/open.c: init's marker in dir
 * (open_mark_take, open_mark_release) and removing the database files a
 * store being made left (open_remove_partial). */
int open_mark_take(int *mark, const char *dir, struct err *e);
void open_mark_release(int mark, const char *dir);
void open_remove_partial(const char *dir);

/* Removes dir's folder of attachment files and the files in it (a store
 * being made or restored that failed, or a wiped one: the files are noise
 * without the database's keys). */
void open_remove_blobs(const char *dir);

/* Copies the whole write-ahead log into the database and truncates it
 * (PRAGMA wal_checkpoint(TRUNCATE)): 0, -1 with e when it failed (a full
 * disk, an I/O error), DB_READER_BUSY with e when another intake reading
 * the store kept part of it. */
#define DB_READER_BUSY (-3)
int db_checkpoint(struct store *s, struct err *e);

/* After a change that deleted text (done says what: "record X was
 * deleted"): empties the write-ahead log into the database (db_checkpoint),
 * so no old copy of a page stays in it. 0, or -1 with e saying that done
 * happened but old copies stay until the next change. */
int db_checkpoint_after(struct store *s, const char *done, struct err *e);

/* (Re)indexes the record with row id rowid for search, inside the
 * caller's transaction: its title, body, place and tags in NFC, and the
 * words store/words.h adds. Call after its tags are stored. */
int db_index_record(struct store *s, long rowid, struct err *e);

/* Inside the caller's transaction, after rows of the index were deleted
 * or replaced: merges the index's segments, so that no deleted word stays
 * in an older one (secure_delete zeroes the pages freed). */
int db_scrub(struct store *s, struct err *e);

/* Current UTC time as YYYY-MM-DDTHH:MM:SSZ (21 bytes with the NUL; out
 * is "" when outlen is smaller). */
void db_now(char *out, size_t outlen);

/* Writes dir/name to out; EXIT_INPUT if it does not fit in outlen bytes. */
int db_path(char *out, size_t outlen, const char *dir, const char *name,
            struct err *e);

/* Today's date (UTC) as YYYY-MM-DD: out needs 11 bytes. */
void db_today(char *out, size_t outlen);

/* A new, unconnected store for folder dir, with room for the master key
 * (sodium_malloc); NULL with e filled on failure. Free with store_close. */
struct store *db_alloc(const char *dir, struct err *e);

/* Locks the store folder (flock on s->hold, opened on first use) in mode:
 * LOCK_SH for as long as an intake has the store open (store_open),
 * LOCK_EX while a rekey changes the key or one that was killed is finished
 * (store/rekey.c). A rekey thus never changes the key under a command that
 * opened the store with the old one (a record waiting for its testimony),
 * and no command opens the store while a rekey runs. Waits up to
 * STORE_BUSY_MS for the other intake. 0, or -1 with e filled (EXIT_INPUT);
 * after a failed LOCK_EX s->hold holds no lock at all (flock converts by
 * dropping first): the caller gives up and closes the store. */
int db_hold(struct store *s, int mode, struct err *e);

/* Opens the database in s->dir keyed with s->master: with create, a new
 * file (0600); else an existing one, whose pages are then checked. Sets
 * and reads back the pragmas and migrates the schema. Damage is
 * EXIT_INPUT, never a wrong passphrase; DB_NOT_THIS_KEY (with e filled)
 * when the key does not decrypt the database at all. */
int db_connect(struct store *s, int create, struct err *e);

/* For store_open (store/rekey.c), after the keyslot file did not open
 * with secret (EXIT_AUTH), or opened (opened_old 1) with a key the
 * database does not take (DB_NOT_THIS_KEY): tries the keyslots of a rekey
 * that was killed after its database changed, and finishes it. 0 with s
 * connected; 1 if there is no such rekey or secret does not open it
 * either after a wrong secret (the caller's error stands); -1 with e. */
int rekey_resume(struct store *s, uint8_t kind, const unsigned char *secret,
                 size_t secretlen, int opened_old, struct err *e);

/* For store_open, once the database opened with the old key: removes the
 * keyslots of a rekey killed before its database changed (none runs: the
 * caller holds the store folder shared, db_hold). */
void rekey_discard(struct store *s);

/* store/db_sql.c: the errno of the last failed read of the database
 * file since the store was connected (0: none); db_connect resets it. */
extern int db_read_errno;

/* store/db_mem.c: makes SQLite allocate through the store's wiping
 * allocator (each block wiped when freed), once per process, before
 * SQLite is first used (afterwards SQLite refuses it and keeps its own).
 * A block SQLCipher frees a second time is ignored (db_mem.c says why). */
void db_mem_install(void);

/* store/db_mem.c: how many frees of a block SQLite did not hold were
 * ignored since the process started (SQLCipher's double free). */
unsigned long db_mem_stale_frees(void);

/* store/db_sql.c: puts db_sql.c's wrappers around SQLite's "open" and
 * "pread64" system calls, once per process, so that db_fail can report
 * the system error SQLite's VFS hides (see db_read_errno). */
void db_install_recorders(void);

/* store/db_sql.c: the errno behind SQLite's last error on s: SQLite's own,
 * unless that is the ENOENT of the read-only retry after a read-write
 * open failed (then that open's errno). */
int db_system_errno(struct store *s);

/* store/db_sql.c: reads the database file in dir with plain read(2): 0 if
 * every byte reads, else the errno of the failure (EIO from a failing
 * disk). */
int db_read_probe(const char *dir);

/* store/db_migrate.c: the schema version of the connected store s
 * (PRAGMA user_version) into *v. 0, or -1 with e (a database error). */
int db_schema_version(long *v, struct store *s, struct err *e);

/* store/db_migrate.c: brings the connected store s from its schema
 * version to STORE_SCHEMA_VERSION, one transaction per version. 0, or -1
 * with e (EXIT_INPUT: a store newer than this intake, a database error). */
int db_migrate(struct store *s, struct err *e);

/* store/db_index.c: migration 6 -> 7: every record into the search index,
 * inside the caller's transaction. 0, or -1 with e. */
int db_reindex(struct store *s, struct err *e);

#endif
