/* The bottom of store/: the database connection (keyed, its pragmas read
 * back, the schema migrated), transactions and statement helpers. */
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
    /* 6 -> 7 (issue 15): a record's version, which each edit raises, and
     * when it was last edited; for each export its bundle's size, and
     * which record (at which version) went to which contact; the index
     * over title, body, place, tags and the words search adds
     * (store/words.h), filled again by reindex below. Exports made
     * before name their contacts in one line: a contact of this store
     * whose name it holds, between spaces, is taken as one of them. */
    "ALTER TABLE record ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
    "ALTER TABLE record ADD COLUMN edited TEXT;"
    "ALTER TABLE export ADD COLUMN size INTEGER;"
    "CREATE TABLE export_record(export_id INTEGER NOT NULL REFERENCES export(id)"
    "  ON DELETE CASCADE, rid TEXT NOT NULL, version INTEGER NOT NULL,"
    "  PRIMARY KEY(export_id, rid));"
    "CREATE INDEX export_record_rid ON export_record(rid);"
    "CREATE TABLE export_recipient(export_id INTEGER NOT NULL REFERENCES export(id)"
    "  ON DELETE CASCADE, name TEXT NOT NULL, PRIMARY KEY(export_id, name));"
    "WITH RECURSIVE split(eid, rest, rid) AS ("
    "  SELECT id, records || ' ', '' FROM export"
    "  UNION ALL SELECT eid, substr(rest, instr(rest, ' ') + 1),"
    "  substr(rest, 1, instr(rest, ' ') - 1) FROM split WHERE rest <> '')"
    "  INSERT OR IGNORE INTO export_record(export_id, rid, version)"
    "  SELECT eid, rid, 1 FROM split WHERE rid <> '';"
    "INSERT OR IGNORE INTO export_recipient(export_id, name)"
    "  SELECT e.id, c.name FROM export e JOIN contact c"
    "  ON instr(' ' || e.recipients || ' ', ' ' || c.name || ' ') > 0;"
    "DROP TABLE record_fts;"
    "CREATE VIRTUAL TABLE record_fts USING fts4(title, body, place, tags, words,"
    "  tokenize=unicode61);",
    /* 7 -> 8 (issue 16): every subject gets a stable id, random, made on
     * the device (db_new_id; filled in for existing subjects by
     * fill_subject_ids), which travels in bundles instead of the
     * pseudonym's spelling; an imported subject remembers the sender's key
     * and the id it has there, so a rename on the device stays one subject
     * here. */
    "ALTER TABLE subject ADD COLUMN uid TEXT;"
    "CREATE TABLE subject_origin(subject_id INTEGER PRIMARY KEY"
    "  REFERENCES subject(id) ON DELETE CASCADE,"
    "  sender_pk BLOB NOT NULL, uid TEXT NOT NULL, UNIQUE(sender_pk, uid));",
    /* 8 -> 9 (issue 16, the auditor's verdict): each audit statement
     * imported (store/statement.c), with the import of the bundle it is
     * about, the auditor's contact name then, its verdict and day. */
    "CREATE TABLE statement(id INTEGER PRIMARY KEY, bytes BLOB NOT NULL UNIQUE,"
    "  import_id INTEGER NOT NULL REFERENCES import(id), signer_pk BLOB NOT NULL,"
    "  auditor TEXT NOT NULL, verdict TEXT NOT NULL, day TEXT NOT NULL,"
    "  report BLOB NOT NULL, at TEXT NOT NULL);"
    "CREATE INDEX statement_import ON statement(import_id);",
    /* 9 -> 10 (issue 16): notices owed to contacts: a withdrawal or a
     * deletion of what they received (the export history says who), one
     * row per contact, until it is sent (sent: when). Only the subject's
     * stable id and the record id ('' for the whole subject): never a
     * pseudonym or a name. */
    "CREATE TABLE notice(id INTEGER PRIMARY KEY, at TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK(kind IN ('withdrawal', 'deletion')),"
    "  subject TEXT NOT NULL, rid TEXT NOT NULL, contact TEXT NOT NULL, sent TEXT,"
    "  UNIQUE(kind, subject, rid, contact));",
    /* 10 -> 11 (issue 16, headquarters acting on notices): a tombstone for
     * each notice a sender's bundle brought (rid '' for the whole subject)
     * and for each record it deleted here (notice 0): the sender's key and
     * name then, the kind, the sender's subject id, the day of the notice
     * and when it was acted on (at), whether a record was deleted here
     * (removed), and this store's id for the subject (here, NULL if it had
     * none). Never a pseudonym or text: store/tombstone.c refuses with
     * them what the sender withdrew or deleted. And an export's
     * recipients and the notices owed to them are known by the contact's
     * signing key too, so a contact added again under another name still
     * gets its notices (filled in from the contacts' present names). Each
     * record an export carried keeps the digest of its text as it left
     * (store/export.c: a redaction fixed after an export raises the
     * version; NULL for exports before). */
    "CREATE TABLE tombstone(id INTEGER PRIMARY KEY, sender_pk BLOB NOT NULL, sender TEXT,"
    "  kind TEXT NOT NULL CHECK(kind IN ('withdrawal', 'deletion')),"
    "  subject TEXT NOT NULL, rid TEXT NOT NULL, day TEXT NOT NULL, at TEXT NOT NULL,"
    "  removed INTEGER NOT NULL, notice INTEGER NOT NULL, here TEXT,"
    "  UNIQUE(sender_pk, kind, subject, rid));"
    "CREATE INDEX tombstone_rid ON tombstone(rid);"
    "ALTER TABLE export_recipient ADD COLUMN sign_pk BLOB;"
    "UPDATE export_recipient SET sign_pk = (SELECT c.sign_pk FROM contact c"
    "  WHERE c.name = export_recipient.name);"
    "ALTER TABLE notice ADD COLUMN contact_pk BLOB;"
    "UPDATE notice SET contact_pk = (SELECT c.sign_pk FROM contact c WHERE c.name = notice.contact);"
    "ALTER TABLE export_record ADD COLUMN digest BLOB;",
    /* 11 -> 12 (issue 16, a narrowed consent travels): a notice of kind
     * 'scope' too, owed to the contacts that received a subject's records
     * when its consent scope changes; the scope itself is read from the
     * subject's consent when a bundle carries the notice. SQLite cannot
     * change a CHECK: the table is made again, its rows moved. The old
     * one stays, emptied, as notice_11: dropping it would leave free
     * pages, which the check at open does not read (tests/unit/store/
     * test_db.c flips a byte in every page of a new store). */
    "ALTER TABLE notice RENAME TO notice_11;"
    "CREATE TABLE notice(id INTEGER PRIMARY KEY, at TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK(kind IN ('withdrawal', 'deletion', 'scope')),"
    "  subject TEXT NOT NULL, rid TEXT NOT NULL, contact TEXT NOT NULL, sent TEXT,"
    "  contact_pk BLOB, UNIQUE(kind, subject, rid, contact));"
    "INSERT INTO notice(id, at, kind, subject, rid, contact, sent, contact_pk)"
    "  SELECT id, at, kind, subject, rid, contact, sent, contact_pk FROM notice_11;"
    "DELETE FROM notice_11;",
    /* 12 -> 13 (issue 16, re-consent after a withdrawal): a notice and a
     * tombstone may be of kind 'reconsent' (a new consent after a
     * withdrawal, so the subject's later records can travel) and carry a
     * round: the how-manyth withdrawal of the subject it is, or the
     * withdrawal a re-consent lifts (1 before); attachment is the BLAKE2b
     * hex of an attachment a 'removal' names ('' otherwise); a notice's
     * upto is the last export logged when it became due (a withdrawal:
     * the exports before it are the ones whose records the contact
     * deleted; for notices before, the last export then). Both tables
     * are made again, their rows moved, the old ones kept empty
     * (notice_12, tombstone_12) as notice_11 is. */
    "ALTER TABLE notice RENAME TO notice_12;"
    "CREATE TABLE notice(id INTEGER PRIMARY KEY, at TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK(kind IN ('withdrawal', 'deletion', 'scope', 'reconsent',"
    "  'removal')), subject TEXT NOT NULL, rid TEXT NOT NULL, contact TEXT NOT NULL, sent TEXT,"
    "  contact_pk BLOB, round INTEGER NOT NULL DEFAULT 1, attachment TEXT NOT NULL DEFAULT '',"
    "  upto INTEGER NOT NULL DEFAULT 0, UNIQUE(kind, subject, rid, attachment, contact));"
    "INSERT INTO notice(id, at, kind, subject, rid, contact, sent, contact_pk, upto)"
    "  SELECT id, at, kind, subject, rid, contact, sent, contact_pk,"
    "  (SELECT coalesce(max(id), 0) FROM export) FROM notice_12;"
    "DELETE FROM notice_12;"
    "DROP INDEX tombstone_rid;"
    "ALTER TABLE tombstone RENAME TO tombstone_12;"
    "CREATE TABLE tombstone(id INTEGER PRIMARY KEY, sender_pk BLOB NOT NULL, sender TEXT,"
    "  kind TEXT NOT NULL CHECK(kind IN ('withdrawal', 'deletion', 'reconsent', 'removal')),"
    "  subject TEXT NOT NULL, rid TEXT NOT NULL, day TEXT NOT NULL, at TEXT NOT NULL,"
    "  removed INTEGER NOT NULL, notice INTEGER NOT NULL, here TEXT,"
    "  round INTEGER NOT NULL DEFAULT 1, attachment TEXT NOT NULL DEFAULT '',"
    "  UNIQUE(sender_pk, kind, subject, rid, attachment, round));"
    "CREATE INDEX tombstone_rid ON tombstone(rid);"
    "INSERT INTO tombstone(id, sender_pk, sender, kind, subject, rid, day, at, removed, notice,"
    "  here) SELECT id, sender_pk, sender, kind, subject, rid, day, at, removed, notice, here"
    "  FROM tombstone_12;"
    "DELETE FROM tombstone_12;"
    /* and which attachment an export carried, by the hash of what is
     * stored (stored) and of what left (sent: metadata removed), so that
     * a removal can name the copy its recipients hold. */
    "CREATE TABLE export_attachment(export_id INTEGER NOT NULL REFERENCES export(id)"
    "  ON DELETE CASCADE, rid TEXT NOT NULL, stored BLOB NOT NULL, sent BLOB NOT NULL,"
    "  PRIMARY KEY(export_id, rid, stored));"
    "CREATE INDEX export_attachment_rid ON export_attachment(rid);",
    /* 13 -> 14 (issue 16, a bundle made before a withdrawal reaching
     * headquarters after the re-consent): a re-consent's tombstone keeps
     * when its scope was recorded on the device, so that a record sent
     * before it (its carried consent recorded earlier) is refused. */
    "ALTER TABLE tombstone ADD COLUMN since TEXT NOT NULL DEFAULT '';"
    /* and a scope notice about a subject not here yet (its records'
     * bundle crossed it) is kept until they come, so that their older
     * scope does not become the subject's. */
    "CREATE TABLE scope_pending(sender_pk BLOB NOT NULL, subject TEXT NOT NULL,"
    "  export INTEGER NOT NULL, quote INTEGER NOT NULL, publish INTEGER NOT NULL,"
    "  attachments INTEGER NOT NULL, method TEXT NOT NULL, embargo TEXT NOT NULL,"
    "  date TEXT NOT NULL, PRIMARY KEY(sender_pk, subject));",
    /* 14 -> 15 (issue 16 A1: the order of a subject's consents): each
     * consent entry gets the subject's counter on its device (seq: 1 the
     * first, one more each change), which bundles carry (content format
     * 6) so that headquarters orders scopes by it, not by a clock that
     * can run back; entries made here before are numbered in their order,
     * those carried from elsewhere stay 0 (unknown: their bundles had no
     * counter). A scope kept for a subject not here yet, and a
     * re-consent's tombstone (since_seq), keep the counter too. */
    "ALTER TABLE consent ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;"
    "UPDATE consent SET seq = (SELECT count(*) FROM consent c WHERE"
    "  c.subject_id = consent.subject_id AND c.id <= consent.id)"
    "  WHERE subject_id NOT IN (SELECT subject_id FROM subject_origin) AND NOT EXISTS"
    "  (SELECT 1 FROM record r JOIN record_origin o ON o.record_id = r.id"
    "   WHERE r.subject_id = consent.subject_id);"
    "ALTER TABLE scope_pending ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE tombstone ADD COLUMN since_seq INTEGER NOT NULL DEFAULT 0;"
    /* (issue 16 A10) and each record a sender sent that was refused
     * because this store holds it from another sender: the record id and
     * the sender's subject id, never text, so that the sender's
     * withdrawal of that subject reaches the copy held here. */
    "CREATE TABLE record_route(rid TEXT NOT NULL, sender_pk BLOB NOT NULL,"
    "  subject TEXT NOT NULL, PRIMARY KEY(rid, sender_pk));",
    /* 15 -> 16 (issue 16: a deletion relayed reaches every copy): a
     * withdrawal or deletion this store passes on keeps whose it is, the
     * signing key of the device that made it and that device's subject
     * id (NULL and '' for this store's own), which its bundles carry
     * (content format 7). */
    "ALTER TABLE notice ADD COLUMN origin_pk BLOB;"
    "ALTER TABLE notice ADD COLUMN origin_subject TEXT NOT NULL DEFAULT '';",
    /* 16 -> 17 (issue 17): an attachment's bytes move out of the database
     * into a file of its own (store/blob.h): blob_migrate (files_migrate) adds the
     * columns blob (the file's name) and blob_key, and the table blob_gone
     * (a deleted attachment's file, named in the deleting transaction
     * until it is wiped after the commit), moves the bytes and empties
     * attachment_chunk (kept, empty, as notice_11 is). */
    "",
    /* 17 -> 18 (issue 16, a contact's key replaced): a notice is owed to
     * a KEY, not a name: the same notice owed to a contact's earlier key
     * and to its new one are two rows (the table is made again without
     * the name in its UNIQUE; the old one stays, emptied, as notice_17).
     * And an export carried each record as its "output" digest says
     * (the text's fields, the subject's pseudonym, the attachments that
     * left: store/export.c), so that a record whose output changed since
     * is owed again (export --not-sent-to). notice_by_key does both,
     * each only where it is not done (a store made new has them). */
    "",
};

static int reindex(struct store *s, struct err *e);
static int fill_subject_ids(struct store *s, struct err *e);

/* Migration 17's step: the attachment files' (s->files, store/blob.c). */
static int files_migrate(struct store *s, struct err *e)
{
    if (s->files == NULL)
        return err_set(e, EXIT_INPUT, "internal error: the store was opened without its "
                       "attachment files; nothing was changed");
    return s->files->migrate(s, e);
}

/* Migration 18's step (above): the notice table made again, keyed by
 * contact key, unless its index is there; export_record.output added
 * unless there. */
static int notice_by_key(struct store *s, struct err *e)
{
    sqlite3_stmt *st;
    long n = 0;
    int rc, has = 0;

    if (db_int(&n, s, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
               " AND name = 'notice_key'", NULL, 0, "migrating the store", e) < 0)
        return -1;
    if (n == 0 && db_exec(s,
                          "ALTER TABLE notice RENAME TO notice_17;"
                          "CREATE TABLE notice(id INTEGER PRIMARY KEY, at TEXT NOT NULL,"
                          "  kind TEXT NOT NULL CHECK(kind IN ('withdrawal', 'deletion', 'scope', 'reconsent',"
                          "  'removal')), subject TEXT NOT NULL, rid TEXT NOT NULL, contact TEXT NOT NULL, sent TEXT,"
                          "  contact_pk BLOB, round INTEGER NOT NULL DEFAULT 1, attachment TEXT NOT NULL DEFAULT '',"
                          "  upto INTEGER NOT NULL DEFAULT 0, origin_pk BLOB, origin_subject TEXT NOT NULL DEFAULT '');"
                          "CREATE UNIQUE INDEX notice_key ON notice(kind, subject, rid, attachment,"
                          "  coalesce(hex(contact_pk), contact));"
                          "INSERT INTO notice(id, at, kind, subject, rid, contact, sent, contact_pk, round, attachment,"
                          "  upto, origin_pk, origin_subject) SELECT id, at, kind, subject, rid, contact, sent,"
                          "  contact_pk, round, attachment, upto, origin_pk, origin_subject FROM notice_17;"
                          "DELETE FROM notice_17;", e) != 0)
        return -1;
    if (db_prepare(&st, s, "PRAGMA table_info(export_record)", e) != 0)
        return -1;
    while ((rc = db_step(st, s, "migrating the store", e)) > 0)
        has |= sqlite3_column_text(st, 1) != NULL &&
               strcmp((const char *)sqlite3_column_text(st, 1), "output") == 0;
    sqlite3_finalize(st);
    if (rc < 0)
        return -1;
    return has ? 0 : db_exec(s, "ALTER TABLE export_record ADD COLUMN output BLOB;", e);
}

/* What a migration needs beyond its SQL, run in the same transaction
 * after it (NULL: nothing): entry v as for migrations. */
static int (*const migration_steps[])(struct store *, struct err *) = {
    NULL, NULL, NULL, NULL, NULL, NULL, reindex, fill_subject_ids, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, files_migrate, notice_by_key,
};

/* One entry per version in both tables: a migration added to one and not
 * the other (as two branches merged once did) fails the build. */
_Static_assert(sizeof migrations / sizeof migrations[0] == STORE_SCHEMA_VERSION,
               "one migration per schema version");
_Static_assert(sizeof migration_steps / sizeof migration_steps[0] == STORE_SCHEMA_VERSION,
               "one migration step (or NULL) per schema version");

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
static int rw_open_errno, read_errno;

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
        read_errno = errno;
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

static void install_recorders(void)
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
static int system_errno(struct store *s)
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
static int read_probe(const char *dir)
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
        int io = read_probe(dir);
        if (io != 0)
            return err_set(e, EXIT_INPUT, "an I/O error (%s) on the disk holding %s while %s; "
                           "nothing was changed: check the disk (the system log may say more)",
                           strerror(io), dir, doing);
        return err_set(e, EXIT_INPUT,
                       "the database in %s is damaged (%s); restore it from a backup", dir, what);
    }
    if (base == SQLITE_NOMEM)
        return err_set(e, EXIT_INPUT, "out of memory while %s; nothing was changed", doing);
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
    int code = sqlite3_extended_errcode(s->db), sys = system_errno(s);

    /* "Damaged" after a read that failed: the read is what happened. */
    if (((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB) && read_errno != 0) {
        code = SQLITE_IOERR_READ;
        sys = read_errno;
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

/* Gives every subject without a stable id one (migration 7 -> 8), then
 * makes the ids unique in the schema. */
static int fill_subject_ids(struct store *s, struct err *e)
{
    long id;
    int rc;

    while ((rc = db_int(&id, s, "SELECT id FROM subject WHERE uid IS NULL LIMIT 1", NULL, 0,
                        "giving subjects their ids", e)) > 0) {
        char uid[RECORD_ID_CHARS + 1];
        db_new_id(uid);
        const struct db_val v[] = { DB_TEXT(uid), DB_INT(id) };
        if (db_run(s, "UPDATE subject SET uid = ?1 WHERE id = ?2", v, DB_N(v),
                   "giving subjects their ids", e) != 0)
            return -1;
    }
    if (rc < 0)
        return -1;
    return db_exec(s, "CREATE UNIQUE INDEX subject_uid ON subject(uid)", e);
}

static int schema_version(long *v, struct store *s, struct err *e)
{
    int rc = db_int(v, s, "PRAGMA user_version", NULL, 0, "reading the database", e);

    if (rc == 0)
        return db_fail(s, e, "reading the database");
    return rc > 0 ? 0 : -1;
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
        if (db_exec(s, migrations[v], e) != 0 ||
            (migration_steps[v] != NULL && migration_steps[v](s, e) != 0) ||
            db_exec(s, sql, e) != 0) {
            store_rollback(s);
            return -1;
        }
        if (store_commit(s, e) != 0)
            return -1;
    }
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

    read_errno = 0;
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
    if (code == SQLITE_CORRUPT && read_errno != 0)
        code = SQLITE_IOERR_READ;
    if (code == SQLITE_CORRUPT)
        return db_explain(e, s->dir, code, 0, "a page fails its check", "checking the database");
    return db_explain(e, s->dir, code, read_errno != 0 ? read_errno : read_probe(s->dir),
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
    int base = sqlite3_extended_errcode(s->db) & 0xff, sys = system_errno(s);

    return rc != SQLITE_OK && (base == SQLITE_FULL ||
           ((base == SQLITE_IOERR || base == SQLITE_CANTOPEN) && (sys == ENOSPC || sys == EDQUOT)));
}

int db_connect(struct store *s, int create, struct err *e)
{
    char path[4200];
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    int rc, page = STORE_PAGE_SIZE;

    install_wiping_allocator();
    install_recorders();
    read_errno = 0;
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
    }
    if (rc == SQLITE_NOTADB) {
        int io = read_errno != 0 ? read_errno : read_probe(s->dir);
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
        migrate(s, e) != 0)
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

int store_begin(struct store *s, struct err *e)
{
    return db_exec(s, "BEGIN IMMEDIATE", e);
}

int store_commit(struct store *s, struct err *e)
{
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        int sys = system_errno(s);

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
    (void)sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
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

/* ---- The full-text index (store/words.h) ---- */

/* The record's fields in NFC (title, body, place, tags a line each), one
 * after the other in fields[], and their index words. */
struct indexed {
    char *field[4];
    size_t len[4];
    char *words;
};

static void indexed_free(struct indexed *x)
{
    for (size_t i = 0; i < 4; i++)
        secmem_wipe_free(x->field[i]);
    secmem_wipe_free(x->words);
}

static int index_fields(struct indexed *x, sqlite3_stmt *st, struct err *e)
{
    char *all;
    size_t total = 0, at = 0, wlen;
    int rc;

    memset(x, 0, sizeof *x);
    for (int i = 0; i < 4; i++) {
        const char *t = (const char *)sqlite3_column_text(st, i);
        size_t n = (size_t)sqlite3_column_bytes(st, i);
        if (words_nfc(&x->field[i], &x->len[i], t != NULL ? t : "", t != NULL ? n : 0) != 0)
            return err_set(e, EXIT_INPUT, "out of memory while indexing a record");
        total += x->len[i] + 1;
    }
    all = secmem_wipe_malloc(total);
    if (all == NULL)
        return err_set(e, EXIT_INPUT, "out of memory while indexing a record");
    for (int i = 0; i < 4; i++) {
        memcpy(all + at, x->field[i], x->len[i]);
        at += x->len[i];
        all[at++] = '\n';
    }
    rc = words_index(&x->words, &wlen, all, total);
    secmem_wipe_free(all);
    return rc == 0 ? 0 : err_set(e, EXIT_INPUT, "out of memory while indexing a record");
}

static const char index_select[] =
    "SELECT r.title, r.body, r.place, (SELECT group_concat(tag, char(10)) FROM record_tag t"
    " WHERE t.record_id = r.id), r.id FROM record r WHERE ?1 IS NULL OR r.id = ?1";

/* Indexes each record that st (index_select) returns. */
static int index_rows(struct store *s, sqlite3_stmt *st, struct err *e)
{
    int rc;

    while ((rc = db_step(st, s, "indexing the records", e)) > 0) {
        struct indexed x;

        if (index_fields(&x, st, e) != 0) {
            indexed_free(&x);
            return -1;
        }
        const struct db_val v[] = {
            DB_INT(sqlite3_column_int64(st, 4)), DB_TEXT(x.field[0]), DB_TEXT(x.field[1]),
            DB_TEXT(x.field[2]), DB_TEXT(x.field[3]), DB_TEXT(x.words),
        };
        rc = db_run(s, "INSERT INTO record_fts(docid, title, body, place, tags, words)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", v, DB_N(v), "indexing a record", e);
        indexed_free(&x);
        if (rc != 0)
            return -1;
    }
    return rc;
}

static int index_where(struct store *s, long rowid, struct err *e)
{
    const struct db_val v[] = { DB_ID(rowid) };
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, index_select, v, DB_N(v), e) != 0)
        return -1;
    rc = index_rows(s, st, e);
    sqlite3_finalize(st);
    return rc;
}

int db_index_record(struct store *s, long rowid, struct err *e)
{
    const struct db_val v[] = { DB_INT(rowid) };

    if (db_run(s, "DELETE FROM record_fts WHERE docid = ?1", v, DB_N(v), "indexing a record",
               e) != 0)
        return -1;
    return index_where(s, rowid, e);
}

/* Migration 6 -> 7: every record into the new index. */
static int reindex(struct store *s, struct err *e)
{
    return index_where(s, 0, e);
}

int db_scrub(struct store *s, struct err *e)
{
    return db_exec(s, "INSERT INTO record_fts(record_fts) VALUES ('optimize')", e);
}
