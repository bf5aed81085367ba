/* The schema migrations (store/db.h): one SQL script per schema version,
 * with the step some need beyond their SQL, and db_migrate, which brings
 * a store to STORE_SCHEMA_VERSION one version per transaction. Called by
 * db_connect (store/db.c); calls only store/db_sql.c and store/db_index.c. */
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
    /* 18 -> 19 (session 15, brief f12a): the term category 'account' (bank
     * account and payment card numbers); SQLite cannot change a CHECK, so
     * the table is made again with the same rows and ids. */
    "CREATE TABLE term_19(id INTEGER PRIMARY KEY,"
    "  subject_id INTEGER REFERENCES subject(id) ON DELETE CASCADE,"
    "  category TEXT NOT NULL CHECK (category IN"
    "    ('person', 'place', 'employer', 'organisation', 'id', 'other', 'account')),"
    "  text TEXT NOT NULL, added TEXT NOT NULL);"
    "INSERT INTO term_19(id, subject_id, category, text, added)"
    "  SELECT id, subject_id, category, text, added FROM term;"
    "DROP TABLE term;"
    "ALTER TABLE term_19 RENAME TO term;"
    "CREATE INDEX term_subject ON term(subject_id);"
    /* The table's triggers went with it (migration 5 made them). */
    "CREATE TRIGGER matcher_cache_term_delete AFTER DELETE ON term"
    "  BEGIN DELETE FROM matcher_cache; END;"
    "CREATE TRIGGER matcher_cache_term_update AFTER UPDATE ON term"
    "  BEGIN DELETE FROM matcher_cache; END;"
    "DELETE FROM matcher_cache;",
    /* 19 -> 20 (issue 16, adv16 B-5: records made before a withdrawal):
     * each consent entry keeps the log's last seq when it was recorded
     * (upto), which orders it against each record's "record.add" entry
     * (the log is append-only, so its seq never runs back or is reused,
     * as a clock or a record's row id may), and whether the subject said
     * that records made before its re-consent may leave too (earlier:
     * consent --include-earlier). Entries made before are given the seq
     * of their own "consent" log entry, matched by their order (the nth
     * entry of a subject is its nth "consent" entry; none: 0). consent_upto
     * does it, unless the columns are there (a store made new has them). */
    "",
    /* 20 -> 21 (issue 16, adv17b E-9: a relay's redaction is not the
     * device's correction): an imported record keeps the revision its
     * bundle carried (a relay's redaction of that version, 0: the
     * origin's own text), and each export keeps the revision it gave a
     * record it carried, so that this store's own re-redaction of an
     * imported record raises the revision, never the origin's version.
     * revision_columns adds both, each unless it is there (a store made
     * new has them, and a test store may be set back to an older
     * version: test_attachment, test_db). */
    "",
    /* 21 -> 22 (issue 14, session 19): hunspell-ko's answers about the
     * generated Hangul spellings of protected places (privacy/redact.h),
     * under the identity of the dictionary and program that gave them
     * (lexicon_identity), so that a redactor of a store with such a place
     * does not load the dictionary (about 1 CPU s) for them again.  Like
     * matcher_cache, a cache: emptied when a name or term is removed or
     * changed, so that no spelling of a forgotten place stays.  IF NOT
     * EXISTS: a test store set back to an older version has it. */
    "CREATE TABLE IF NOT EXISTS lexicon_answer(ident TEXT NOT NULL, word BLOB NOT NULL,"
    "  known INTEGER NOT NULL, PRIMARY KEY(ident, word));"
    "CREATE TRIGGER IF NOT EXISTS lexicon_answer_name_delete AFTER DELETE ON subject_name"
    "  BEGIN DELETE FROM lexicon_answer; END;"
    "CREATE TRIGGER IF NOT EXISTS lexicon_answer_name_update AFTER UPDATE ON subject_name"
    "  BEGIN DELETE FROM lexicon_answer; END;"
    "CREATE TRIGGER IF NOT EXISTS lexicon_answer_term_delete AFTER DELETE ON term"
    "  BEGIN DELETE FROM lexicon_answer; END;"
    "CREATE TRIGGER IF NOT EXISTS lexicon_answer_term_update AFTER UPDATE ON term"
    "  BEGIN DELETE FROM lexicon_answer; END;"
    "CREATE TRIGGER IF NOT EXISTS lexicon_answer_subject_delete AFTER DELETE ON subject"
    "  BEGIN DELETE FROM lexicon_answer; END;",
    /* 22 -> 23 (issue 16, adv19c C-5): this store's own tombstone (record
     * delete, subject forget of an imported record) keeps the sender whose
     * bundle brought the record (held_pk, and its contact name then, held)
     * and whether a subject forget made it (forgot), so that show, list
     * and import say "forgotten" and from whom. tombstone_held adds the
     * columns, each unless it is there. */
    "",
};

static int fill_subject_ids(struct store *s, struct err *e);

/* Migration 17's step: the attachment files' (s->files, store/blob.c). */
static int files_migrate(struct store *s, struct err *e)
{
    if (s->files == NULL)
        return err_set(e, EXIT_INPUT, "internal error: the store was opened without its "
                       "attachment files; nothing was changed");
    return s->files->migrate(s, e);
}

/* 1 in *has if table has the column (PRAGMA table_info), else 0; 0, or
 * -1 and e set.  table and column are static names, never input. */
static int has_column(int *has, struct store *s, const char *table, const char *column,
                      struct err *e)
{
    char sql[96];
    sqlite3_stmt *st;
    int rc;

    snprintf(sql, sizeof sql, "PRAGMA table_info(%s)", table);
    if (db_prepare(&st, s, sql, e) != 0)
        return -1;
    *has = 0;
    while ((rc = db_step(st, s, "migrating the store", e)) > 0)
        *has |= sqlite3_column_text(st, 1) != NULL &&
                strcmp((const char *)sqlite3_column_text(st, 1), column) == 0;
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

/* Migration 18's step (above): the notice table made again, keyed by
 * contact key, unless its index is there; export_record.output added
 * unless there. */
static int notice_by_key(struct store *s, struct err *e)
{
    long n = 0;
    int has = 0;

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
    if (has_column(&has, s, "export_record", "output", e) != 0)
        return -1;
    return has ? 0 : db_exec(s, "ALTER TABLE export_record ADD COLUMN output BLOB;", e);
}

/* Migration 20's step (above): consent.upto and consent.earlier, unless
 * they are there. */
static int consent_upto(struct store *s, struct err *e)
{
    int has = 0;

    if (has_column(&has, s, "consent", "upto", e) != 0)
        return -1;
    return has ? 0 : db_exec(s,
        "ALTER TABLE consent ADD COLUMN upto INTEGER NOT NULL DEFAULT 0;"
        "ALTER TABLE consent ADD COLUMN earlier INTEGER NOT NULL DEFAULT 0;"
        "UPDATE consent SET upto = coalesce((SELECT l.seq - 1 FROM log l WHERE l.action = 'consent'"
        "  AND l.object = CAST(consent.subject_id AS TEXT) AND (SELECT count(*) FROM log l2"
        "  WHERE l2.action = 'consent' AND l2.object = l.object AND l2.seq <= l.seq) ="
        "  (SELECT count(*) FROM consent c2 WHERE c2.subject_id = consent.subject_id"
        "  AND c2.id <= consent.id)), 0);", e);
}

/* Migration 21's step (above): record.revision and export_record.revision,
 * each unless it is there. */
static int revision_columns(struct store *s, struct err *e)
{
    static const char *const tables[] = { "record", "export_record" };
    char sql[96];
    int has = 0;

    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        if (has_column(&has, s, tables[i], "revision", e) != 0)
            return -1;
        snprintf(sql, sizeof sql, "ALTER TABLE %s ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;",
                 tables[i]);
        if (!has && db_exec(s, sql, e) != 0)
            return -1;
    }
    return 0;
}

/* Migration 23's step (above): tombstone.held_pk, held and forgot, each
 * unless it is there. */
static int tombstone_held(struct store *s, struct err *e)
{
    static const char *const cols[][2] = {
        { "held_pk", "ALTER TABLE tombstone ADD COLUMN held_pk BLOB;" },
        { "held", "ALTER TABLE tombstone ADD COLUMN held TEXT;" },
        { "forgot", "ALTER TABLE tombstone ADD COLUMN forgot INTEGER NOT NULL DEFAULT 0;" },
    };
    int has = 0;

    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
        if (has_column(&has, s, "tombstone", cols[i][0], e) != 0)
            return -1;
        if (!has && db_exec(s, cols[i][1], e) != 0)
            return -1;
    }
    return 0;
}

/* What a migration needs beyond its SQL, run in the same transaction
 * after it (NULL: nothing): entry v as for migrations. */
static int (*const migration_steps[])(struct store *, struct err *) = {
    NULL, NULL, NULL, NULL, NULL, NULL, db_reindex, fill_subject_ids, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, files_migrate, notice_by_key, NULL, consent_upto, revision_columns,
    NULL, tombstone_held,
};

/* One entry per version in both tables: a migration added to one and not
 * the other (as two branches merged once did) fails the build. */
_Static_assert(sizeof migrations / sizeof migrations[0] == STORE_SCHEMA_VERSION,
               "one migration per schema version");
_Static_assert(sizeof migration_steps / sizeof migration_steps[0] == STORE_SCHEMA_VERSION,
               "one migration step (or NULL) per schema version");


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

int db_schema_version(long *v, struct store *s, struct err *e)
{
    int rc = db_int(v, s, "PRAGMA user_version", NULL, 0, "reading the database", e);

    if (rc == 0)
        return db_fail(s, e, "reading the database");
    return rc > 0 ? 0 : -1;
}

int db_migrate(struct store *s, struct err *e)
{
    char sql[64];
    long v;

    if (db_schema_version(&v, s, e) != 0)
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
