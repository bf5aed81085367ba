/* The encrypted store: a folder (0700) with a keyslot file and a SQLCipher
 * database opened with a raw 256-bit key (docs/FORMAT.md, SECURITY.md).
 *
 * Errors: a function that takes a struct err returns 0 on success, or -1
 * with e filled: EXIT_INPUT for bad input, a missing or damaged store, or
 * a database or I/O error (named with what was being done); EXIT_AUTH
 * only where a comment says so. Nothing here prints. Lengths are bytes.
 * Strings in a *_row passed to a callback belong to the store and are
 * valid only during that call; copy what must outlive it. A callback's
 * nonzero return stops the walk and is returned as is. */
#ifndef INTAKE_STORE_H
#define INTAKE_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <sodium.h>

#include "crypto/keyslot.h"
#include "util/err.h"
#include "util/progress.h"
#include "util/text.h"

#define STORE_DB_NAME "store.db"
#define STORE_KEYSLOTS_NAME "keyslots"
/* The keyslots of a rekey under way (store_rekey), until it is finished. */
#define STORE_REKEY_NAME "keyslots.rekey"
/* Present, and locked, while init creates the store (store_create): files
 * beside it without a keyslot file are a half-made store to remove. */
#define STORE_INIT_MARK_NAME "init.pending"
/* The free space (bytes) init asks for on the store's disk: a new store
 * holds about 1.2 MiB, and its first transaction's write-ahead log about
 * 1.9 MiB more until it is checkpointed; measured on a tmpfs, a store
 * made with 2 or 3 MiB free filled the disk and could take no change,
 * one made with 4 MiB kept 2.8 MiB free (adv19c C-4, issue 14). */
#define STORE_INIT_FREE_BYTES (4u << 20)
#define STORE_SCHEMA_VERSION 23
#define STORE_LABEL_MAX 64
#define STORE_LOCALE_MAX 16
/* How long a command waits for another intake's change to finish. */
#define STORE_BUSY_MS 5000

struct store;

struct store_params {
    const char *label;      /* shown on this store's card */
    const char *locale;     /* default pseudonym locale */
    uint64_t opslimit;      /* Argon2id cost of the passphrase slot */
    uint64_t memlimit;
};

/* Writes the store folder to out (outlen bytes): home if given, else
 * $INTAKE_HOME, else ${XDG_DATA_HOME:-$HOME/.local/share}/intake.  If
 * that is a symbolic link of this user's, out is the real folder it leads
 * to (checked by store_check_dir like any other); another user's link is
 * refused.  EXIT_INPUT if none can be found, home is not given and
 * INTAKE_HOME is set but empty, the link is someone else's or leads
 * nowhere, or the path is too long. */
int store_dir_resolve(char *out, size_t outlen, const char *home, struct err *e);

/* Checks that a store exists in dir and that only its owner can reach the
 * folder and its files; run before asking for a passphrase. EXIT_INPUT
 * naming the file and the fix otherwise. */
int store_check_dir(const char *dir, struct err *e);

/* Creates a store in dir (which must not hold one): the folder, the
 * database, this device's key pairs and two keyslots, one for
 * passphrase[0..passlen) and one for the recovery key recovery
 * (RECOVERY_KEY_BYTES, made with recovery_key_new and shown by the caller
 * first). p is checked with store_params_check. The keyslot file is
 * written last: until then an init marker, locked, says the files are a
 * store being made, and an init that was killed is cleaned up by the next
 * one. On failure nothing is left behind but the folder. */
int store_create(const char *dir, const struct store_params *p,
                 const char *passphrase, size_t passlen,
                 const unsigned char *recovery, struct err *e);

/* Makes the folder for a new store in dir (and the folders above it, 0700)
 * and checks that a store can be created there: none exists, the folder
 * is private and writable, and its disk has STORE_INIT_FREE_BYTES free.
 * Run before the passphrase is asked; EXIT_INPUT naming what is wrong. */
int store_create_check(const char *dir, struct err *e);

/* Opens the store in dir with secret[0..secretlen), a passphrase (kind
 * KEYSLOT_PASSPHRASE) or the recovery key (KEYSLOT_RECOVERY), into *s
 * (free with store_close; NULL on failure). A wrong secret is EXIT_AUTH
 * and the database is not touched; a damaged keyslot file or database,
 * EXIT_INPUT.  A passphrase slot sealed before passphrases were normalised
 * to NFC, opened with the bytes as typed, is sealed again under the NFC
 * (keyslot.h) and the keyslot file rewritten; if that write fails the
 * store opens all the same. */
int store_open(struct store **s, const char *dir, uint8_t kind,
               const unsigned char *secret, size_t secretlen, struct err *e);

/* Closes the store and wipes its keys. NULL is allowed.  When s was
 * shared (store_share), this drops one reference: a transaction the
 * holder left open is rolled back, its progress watcher is forgotten, and
 * the store closes with the last reference. */
void store_close(struct store *s);

/* Another reference to the open store s, for one command of a session
 * that unlocked it once (intake shell): returns s; each reference is
 * dropped with store_close.  Between commands the store holds no
 * transaction and no watcher. */
struct store *store_share(struct store *s);

/* Who watches the long work done on s until its reference is dropped:
 * attach, export, open, import, audit (and backup) tell p->fn (NULL:
 * nobody, the default) how many bytes of the file they read or write are
 * done, from a thread of their own (util/progress.h), the way SQLite's
 * progress handler belongs to a connection. */
void store_watch(struct store *s, const struct progress *p);

/* Rewraps the master key under passphrase[0..passlen), keeping the slot's
 * KDF cost, and logs it; the database is not re-encrypted (store_rekey
 * does). A failure at any step leaves the old passphrase working, and e
 * says which passphrases open the store; 0 only once the change is on
 * disk. */
int store_set_passphrase(struct store *s, const char *passphrase,
                         size_t passlen, struct err *e);

/* Progress of a long step: done of total bytes, called from another
 * thread about five times a second, and once more at the end. */
typedef progress_fn store_progress_fn;

/* Re-encrypts the database under a new random master key, wrapped under
 * passphrase[0..passlen) (the passphrase slot's KDF cost kept) and under
 * recovery (RECOVERY_KEY_BYTES, made and shown by the caller before this
 * call), and logs it; the old keyslot file and recovery key then open
 * nothing. Crash-safe at every step (store/rekey.c). *rekeyed is 1 once
 * the database is under the new key (even if e reports a failure after),
 * else 0: the old secrets still open the store and the new ones nothing.
 * progress (NULL: none) follows the bytes written. EXIT_INPUT for another
 * intake using the store, a disk without room for a second copy, I/O. */
int store_rekey(int *rekeyed, struct store *s, const char *passphrase, size_t passlen,
                const unsigned char *recovery, store_progress_fn progress, void *ctx,
                struct err *e);

/* Takes the store for this intake alone, as store_rekey does, waiting up
 * to STORE_BUSY_MS for other intakes to close it: called before the new
 * secrets are asked for, so that a refusal costs nothing typed or written
 * down. EXIT_INPUT if another intake keeps it open (then close s). */
int store_hold_alone(struct store *s, struct err *e);

/* Whether the disk holding s has the room store_rekey needs (about the
 * database's size again, for its write-ahead log): checked before a new
 * recovery key is shown. EXIT_INPUT "the disk holding ... is full: ...
 * needs about N MiB free and M MiB are; nothing was changed". */
int store_rekey_room(struct store *s, struct err *e);

/* Checks the settings of a new store: the label follows the card's rule
 * (card_label_check: 1..64 bytes of UTF-8, no control or invisible
 * characters), the locale is one pseudonyms exist for (ko, mn, en, ru,
 * zh). EXIT_INPUT naming what is wrong. */
int store_params_check(const struct store_params *p, struct err *e);

/* Gives the store the label label (checked like init's) and logs it;
 * EXIT_INPUT "... already ...; nothing was changed" when it has it. */
int store_set_label(struct store *s, const char *label, struct err *e);

/* Copies a setting (label, locale, created) to out (outlen bytes); out is
 * "" when unset. EXIT_INPUT if it does not fit. */
int store_meta_get(char *out, size_t outlen, struct store *s, const char *key,
                   struct err *e);

/* Copies this device's public keys to sign_pk (crypto_sign_PUBLICKEYBYTES)
 * and box_pk (crypto_box_PUBLICKEYBYTES). EXIT_INPUT if they are missing. */
int store_device_public(unsigned char *sign_pk, unsigned char *box_pk,
                        struct store *s, struct err *e);

/* Copies this device's secret keys into the caller's sodium_malloc
 * buffers sign_sk (crypto_sign_SECRETKEYBYTES) and box_sk
 * (crypto_box_SECRETKEYBYTES); the caller wipes them. */
int store_device_secret(unsigned char *sign_sk, unsigned char *box_sk,
                        struct store *s, struct err *e);

/* Begins (BEGIN IMMEDIATE), commits or rolls back a transaction. A failed
 * commit rolls back and says so in e; a rollback cannot fail. */
int store_begin(struct store *s, struct err *e);
int store_commit(struct store *s, struct err *e);
void store_rollback(struct store *s);

/* Takes the store's write lock now (BEGIN IMMEDIATE, waiting as
 * store_begin does: EXIT_INPUT "another intake is using the store" after
 * STORE_BUSY_MS) and keeps it until the next store_begin, which takes
 * over the open transaction, or store_rollback / store_close.  record
 * holds it from its checks until its body is saved, so that no other
 * intake renames or forgets the subject (or deletes the record) while the
 * testimony is typed (adv26b E-2): the other intake waits, then refuses.
 * 0 or -1 with e. */
int store_hold(struct store *s, struct err *e);

/* The store's folder, owned by s. */
const char *store_dir(const struct store *s);

/* How many exports store_open took back: each was logged, then killed
 * before its bundle got its name (store/export_pending.h). */
int store_exports_undone(const struct store *s);


/* ---- Subjects and records (store/subject.c, store/record.c) ---- */


struct subject_row {
    long id;
    const char *uid;                     /* the stable id that travels in bundles */
    const char *pseudonym, *created, *locale;
    long nrecords;
    const char *last_date;               /* newest record date or NULL */
    /* Only when revealed: */
    const char *contact, *note;
    const char *const *names;
    size_t nnames;
};

struct record_row {
    const char *id, *date, *pseudonym, *title, *place, *lang, *body, *created;
    const char *subject;                 /* the subject's stable id (read only) */
    const char *const *tags;
    size_t ntags;
    long version;                        /* 1, raised by each edit */
    const char *edited;                  /* when last edited (UTC), or NULL */
    long revision;                       /* an imported record: a relay's redaction of
                                            that version, 0 the origin's own (adv17b E-9) */
};

struct record_filter {
    const char *subject;                 /* pseudonym, or NULL */
    const char *tag;
    const char *query;                   /* words as typed (store/words.h), or NULL */
    int raw;                             /* query is FTS4 syntax, used as it is */
    const char *id;
    const char *since;                   /* YYYY-MM-DD: dated on or after it */
    int with_body;
};

typedef int (*subject_fn)(void *ctx, const struct subject_row *r, struct err *e);
typedef int (*record_fn)(void *ctx, const struct record_row *r, struct err *e);

/* Registers a subject with its real names names[0..nnames) and optional
 * contact and note (NULL: none); pseudonym NULL generates one for locale.
 * The chosen pseudonym is written to out (outlen bytes). A pseudonym that
 * matches a real name (after variant expansion) or another pseudonym is
 * refused with EXIT_INPUT, as is bad input. Logged. */
int store_subject_add(char *out, size_t outlen, struct store *s,
                      const char *const *names, size_t nnames,
                      const char *contact, const char *note,
                      const char *pseudonym, const char *locale,
                      struct err *e);

/* Calls fn for each subject, by id (or only pseudonym: EXIT_INPUT if there
 * is none); reveal adds contact, note and names. */
int store_subject_each(struct store *s, const char *pseudonym, int reveal,
                       subject_fn fn, void *ctx, struct err *e);

/* Checks, without writing, what store_record_add would refuse before the
 * body: r's fields (title, place, lang, tags; the body too unless it is
 * NULL) and that a subject with pseudonym exists (exact, case included).
 * 0, or -1 with e filled (EXIT_INPUT).  record calls it before reading a
 * body typed at a terminal, so nothing typed is lost to a mistake. */
int store_record_check(struct store *s, const char *pseudonym, const struct record_row *r,
                       struct err *e);

/* Bytes of room a typed body (standard input, size not known before it
 * is read) is checked for: about 85,000 words.  A longer one still goes in
 * when the disk has the room; when not, the save reports the full disk. */
#define RECORD_TYPED_ROOM (512u << 10)

/* Checks, before a body of body_bytes bytes (RECORD_TYPED_ROOM when not
 * known) is read, that the disk holding the store has room to save it:
 * the body twice (the record and the write-ahead log), its index, and
 * 1 MiB, as attach reckons (fileio_free_bytes).  0, or -1 with e
 * (EXIT_INPUT, "the disk holding ... is full: ... nothing was recorded")
 * so that a full disk is said before the testimony is typed (adv26b E-1). */
int store_record_room(struct store *s, unsigned long long body_bytes, struct err *e);

/* Adds record r (its id and created are ignored) for the subject with
 * pseudonym, indexed for search, and logs it; writes its new id to id
 * (idlen at least RECORD_ID_CHARS + 1). EXIT_INPUT for bad fields or an
 * unknown subject. */
int store_record_add(char *id, size_t idlen, struct store *s,
                     const char *pseudonym, const struct record_row *r,
                     struct err *e);

/* Record ids as typed: a whole id or a unique start of one, at least
 * RECORD_ID_MIN_TYPED characters (upper case read as lower case), is
 * written whole to id (idlen at least RECORD_ID_CHARS + 1).  EXIT_INPUT
 * when none matches, when the start is shorter or matches several (the
 * message says to give more characters), or when given cannot be an id. */
#define RECORD_ID_MIN_TYPED 4
int store_record_id(char *id, size_t idlen, struct store *s, const char *given,
                    struct err *e);

/* What store_record_id refuses without reading the store (a word that
 * cannot start an id, a start too short), for a check before the
 * passphrase is asked: 0, or -1 with e as store_record_id fills it. */
int store_record_id_check(const char *given, struct err *e);

/* The checks of r's fields that store_record_add makes (title, place,
 * lang, tags; the body unless it is NULL), without a store: 0, or -1
 * with e filled (EXIT_INPUT). */
int store_record_fields_check(const struct record_row *r, struct err *e);

/* Calls fn for each record that passes f (NULL fields match all), oldest
 * date first. Words with nothing to search for, or a raw query the index
 * cannot parse, are EXIT_INPUT (the message never repeats the query). */
int store_record_each(struct store *s, const struct record_filter *f,
                      record_fn fn, void *ctx, struct err *e);

/* What record edit changes; each field NULL (set_tags 0) is kept. */
struct record_change {
    const char *title, *date, *place, *lang;   /* place "" removes the place */
    const char *const *tags;             /* with set_tags, the new tags */
    size_t ntags;                        /* (0: none) */
    int set_tags;
    const char *body;
};

/* Checks, without writing, what store_record_edit would refuse before the
 * body: the fields of c and that record id exists and was made here (an
 * imported record is its sender's: EXIT_INPUT saying so). */
int store_record_edit_check(struct store *s, const char *id, const struct record_change *c,
                            struct err *e);

/* Changes record id as c says, in one transaction: the record, its tags
 * and its index rows are rewritten (the old text is overwritten in the
 * store: secure_delete, the index merged, the write-ahead log emptied),
 * its version raised by one, and the change logged ("record.edit", the
 * id; never what changed).  *version is the record's version after it;
 * *changed 0 when c changes nothing (then nothing is written). */
int store_record_edit(long *version, int *changed, struct store *s, const char *id,
                      const struct record_change *c, struct err *e);

/* Deletes record id, its tags, attachments and index rows, as
 * store_subject_forget deletes a subject's (overwritten, index merged,
 * write-ahead log emptied), and logs it ("record.delete", the id).  The
 * exports that carried it keep its id. EXIT_INPUT if there is none. */
int store_record_delete(struct store *s, const char *id, struct err *e);

/* ---- Contacts (store/contact.c) ---- */

#define CONTACT_NAME_MAX 64

struct card;

struct contact_row {
    const char *name, *card, *added, *verified;   /* verified: NULL if never */
};

typedef int (*contact_fn)(void *ctx, const struct contact_row *r, struct err *e);

/* The rule for a contact's name, without a store: 1 to CONTACT_NAME_MAX
 * bytes of plain text (text_check).  EXIT_INPUT saying so otherwise. */
int contact_name_check(const char *name, struct err *e);

/* Adds contact name with card c (its text in cardtext) and logs it. An
 * existing name needs replace (the old card is kept in the history and the
 * contact is unverified again). Refused with EXIT_INPUT: a bad name, the
 * store's own card, keys that belong to another contact. */
int store_contact_add(struct store *s, const char *name, const struct card *c,
                      const char *cardtext, int replace, struct err *e);

/* Calls fn for each contact by name (or only name, EXIT_INPUT if unknown). */
int store_contact_each(struct store *s, const char *name, contact_fn fn,
                       void *ctx, struct err *e);

/* What contact name's present key holds (issue 16 B-4c): *records, the
 * distinct records exports carried to that key; *owed, the notices not
 * yet sent to it; fp (fplen >= CARD_FINGERPRINT_SIZE bytes), its card's
 * fingerprint ("" if unreadable). Errors: EXIT_INPUT if there is no such
 * contact, or a database error. */
int store_contact_held(long *records, long *owed, char *fp, size_t fplen, struct store *s,
                       const char *name, struct err *e);

/* Removes contact name (its history goes with it) and logs it; EXIT_INPUT
 * if unknown. */
int store_contact_remove(struct store *s, const char *name, struct err *e);

/* The contact whose signing key is sign_pk (crypto_sign_PUBLICKEYBYTES):
 * its name into name (namelen bytes; "" if none) and into *verified 1 if
 * its safety number was compared, else 0. */
int store_contact_by_sign_pk(char *name, size_t namelen, int *verified, struct store *s,
                             const unsigned char *sign_pk, struct err *e);

/* Records that the safety number with contact name was compared, dated,
 * and logs it; EXIT_INPUT if unknown. */
int store_contact_confirm(struct store *s, const char *name, struct err *e);

/* ---- Privacy: the protected set, consent, redacted records
 *      (store/privacy.c, store/consent.c; issue 3) ---- */

struct redactor;

/* The store's whole protected set, compiled, as a reference in *r
 * (release it with redactor_free; NULL on failure): every subject's
 * pseudonym, real names and terms, the store-wide terms, and the allowed
 * texts.  The set is kept while s is open and built again only when a
 * row it comes from differs (a subject, name, term or allowed text added,
 * changed or removed): an `intake shell` builds it once for its commands.
 * Writes nothing. */
int store_redactor(struct redactor **r, struct store *s, struct err *e);

/* Saves r's compiled matcher (from store_redactor) in the store, so the
 * next store_redactor loads it in milliseconds instead of compiling the
 * set again; nothing if the store holds it already.  Call only once the
 * command has succeeded: a refused command changes no file.  A failure to
 * save is ignored (it is a cache; the next run compiles). */
void store_redactor_keep(struct store *s, const struct redactor *r);

/* A subject's informed consent, as last recorded. */
struct consent {
    int recorded;                        /* 0: never recorded */
    int export_ok, quote, publish, attachments;   /* 1 yes, 0 no */
    char method[16];                     /* verbal, written, recorded or "" */
    char embargo[11];                    /* YYYY-MM-DD or "" */
    char date[32];                       /* when recorded (UTC) */
    char withdrawn[32];                  /* when withdrawn, or "" */
    long seq;                            /* the subject's counter on its device:
                                            1 its first consent, one more each
                                            change; 0 unknown (a bundle before
                                            content format 6) */
    int imported;                        /* the subject came in a bundle: its
                                            consent is its device's, carried
                                            (or not) by the bundles */
};

/* Reads the consent of the subject with pseudonym into c (c->recorded 0
 * if none was recorded); EXIT_INPUT if the subject is unknown. */
int store_consent_get(struct consent *c, struct store *s, const char *pseudonym,
                      struct err *e);

/* store_consent_get for the subject of record rid (its id as stored),
 * whose pseudonym goes to pseudonym (pseudonymlen bytes): what 'intake
 * attach' tells of an attachment that will never leave (adv16b C-3).
 * EXIT_INPUT if the record is unknown, or a database error. */
int store_record_consent(struct consent *c, char *pseudonym, size_t pseudonymlen,
                         struct store *s, const char *rid, struct err *e);

/* Why the subject's records may not leave on day today (YYYY-MM-DD: the
 * consent day of util/day.h, which every caller uses), written to why
 * (whylen bytes) as one line; why is "" when they may.  translated: in
 * the person's language (gettext, util/intl.h) for a message; 0: in
 * English, for --json. */
void consent_blocks(char *why, size_t whylen, const struct consent *c,
                    const char *today, int translated);

/* A record's fields redacted with one numbering context, so "[PLACE-1]"
 * means the same place in the title, place, tags and body. */
struct redact_ctx;
struct redacted_text;
struct redacted_record {
    struct redaction *title, *place, *body;    /* place NULL if none */
    struct redaction *tags;                    /* ntags entries */
    size_t ntags;
    size_t unresolved;                         /* review flags not allowed */
    struct redact_ctx *ctx;                    /* the numbering, kept for the text
                                                * attachments (store_record_redact_texts) */
    struct redacted_text *texts;               /* the record's text attachments */
    size_t ntexts;
};

/* A text attachment as it would leave (store/attach_text.c): told by its
 * content, not its name. */
enum text_kind {
    TEXT_REDACTED,      /* valid UTF-8 text: red holds it redacted */
    TEXT_MARKUP,        /* SVG, XML, HTML: intake cannot redact it (refused) */
    TEXT_NOT_UTF8,      /* UTF-16, Latin-1, ...: refused, never guessed */
    TEXT_UNSTRIPPABLE,  /* not text: a type whose metadata intake cannot remove,
                         * told from its first bytes, its size or a failed
                         * removal (why) */
    TEXT_CONTROL        /* UTF-8 holding control characters (terminal colour codes,
                         * C0): refused like TEXT_NOT_UTF8 (issue 12 A-19) */
};
struct redacted_text {
    char *name;                                /* the stored name (malloc) */
    char file[48];                             /* its name in a bundle of this
                                                * record alone: attachment-N.ext
                                                * (N counts all its attachments) */
    enum text_kind kind;
    char why[200];                             /* TEXT_UNSTRIPPABLE: the reason */
    struct redaction *red;                     /* TEXT_REDACTED only, else NULL */
};

/* Redacts row (read with_body) with r into out, which the caller frees
 * with store_record_redacted_free (also after a failure); fails with
 * EXIT_AUTH if a protected term survives (redactor_run's re-scan),
 * EXIT_INPUT without a body. Reads nothing from the store. */
int store_record_redact(struct redacted_record *out, const struct redactor *r,
                        const struct record_row *row, struct err *e);
void store_record_redacted_free(struct redacted_record *out);

/* Reads the attachments of record that are text by their content (no NUL
 * byte, no magic of a photo or recording: media_peek_find says 0; at most
 * MEDIA_MAX_BYTES) and appends each to out->texts: valid UTF-8 that is not
 * markup redacted with r and out's numbering (so "[PERSON-1]" means the
 * same person as in the body), its unresolved review flags added to
 * out->unresolved; markup (a tag anywhere: export/mediatext.h), text
 * that is not UTF-8 and text holding control characters noted, not
 * redacted;
 * so is an attachment whose metadata intake cannot remove: a type told
 * from its first bytes and size (PDF, GIF, ZIP, HEIC, unknown bytes,
 * over MEDIA_MAX_BYTES), or a photo or recording whose removal fails
 * (attach_read_stripped, as export does it: a video MP4):
 * TEXT_UNSTRIPPABLE, issue 13 NEW-6; the list of what may not leave
 * that redact and export --skip-blocked share (brief i16-exp).
 * out was filled by store_record_redact. 0, or -1 with e (the store's
 * error reading an attachment; EXIT_AUTH if a protected term survives
 * the redaction, as for the body; out of memory). */
int store_record_redact_texts(struct redacted_record *out, struct store *s,
                              const struct redactor *r, const char *record, struct err *e);

/* The attachment called name among out's texts, or NULL. */
const struct redacted_text *store_redacted_text(const struct redacted_record *out,
                                                const char *name);

/* ---- Protected terms, allowed texts, consent changes, forgetting
 *      (store/term.c, store/privacy.c, store/consent.c, store/subject.c) ---- */

/* Term categories as typed: person, place, employer, organisation, id, other,
 * account (bank account and payment card numbers). */
#define TERM_CATEGORIES "person, place, employer, organisation, id, other, account"

/* 0 if name is a term category (its index into TERM_CATEGORIES order in
 * *cat); EXIT_INPUT naming the categories if not (NULL included). */
int term_category_parse(int *cat, const char *name, struct err *e);

/* A protected term as it is written everywhere (term add, subject term,
 * subject add --term): "CATEGORY:TEXT", as in place:Chongjin.  Copies the
 * category (one of TERM_CATEGORIES) into category (catlen bytes) and
 * points *text after the first colon, into spec; the text is checked as
 * identity_check does, named what ("the term").  EXIT_INPUT naming the
 * form, the category or the text otherwise. */
#define TERM_CATEGORY_MAX 16
int term_spec_parse(char *category, size_t catlen, const char **text, const char *spec,
                    const char *what, struct err *e);

/* Checks a real name, term or allowed text before it is kept: not empty,
 * at most REDACT_TERM_MAX bytes, one line of valid UTF-8; EXIT_INPUT
 * naming what. */
int identity_check(const char *text, const char *what, struct err *e);

struct term_row {
    long id;
    const char *category, *text, *added;
    const char *pseudonym;               /* NULL for a store-wide term */
};

typedef int (*term_fn)(void *ctx, const struct term_row *r, struct err *e);

/* Registers a subject like store_subject_add, with terms[0..nterms) given
 * as "CATEGORY:TEXT", all in one transaction. A name or term that matches
 * another subject's pseudonym (after variant expansion) is refused with
 * EXIT_INPUT naming 'intake subject rename'. */
int store_subject_add_terms(char *out, size_t outlen, struct store *s,
                            const char *const *names, size_t nnames,
                            const char *const *terms, size_t nterms,
                            const char *contact, const char *note,
                            const char *pseudonym, const char *locale,
                            struct err *e);

/* What store_subject_add_terms checks before it reads the store (names,
 * terms, contact, note, the given pseudonym's text), for a check before
 * the passphrase is asked: 0, or -1 with e filled as it would be. */
int store_subject_add_check(const char *const *names, size_t nnames,
                            const char *const *terms, size_t nterms,
                            const char *contact, const char *note,
                            const char *pseudonym, struct err *e);

/* Checks the text of a pseudonym someone gives (1 to 64 bytes of plain
 * text; what names it: "the new pseudonym"), without a store. */
int store_pseudonym_check(const char *p, const char *what, struct err *e);

/* Protects a term of the subject with pseudonym ("CATEGORY:TEXT" split by
 * the caller) and logs it; its id is written to id. EXIT_INPUT for an
 * unknown subject or a term refused like store_term_add's. */
int store_subject_term(long *id, struct store *s, const char *pseudonym,
                       const char *category, const char *text, struct err *e);

/* Gives the subject with pseudonym the pseudonym newp (checked like a
 * given pseudonym) and logs it; EXIT_INPUT if refused or unknown. */
int store_subject_rename(struct store *s, const char *pseudonym,
                         const char *newp, struct err *e);

/* Deletes the subject with pseudonym and everything about it (names,
 * terms, records, their index rows and tags, consent), rebuilds the
 * full-text index so no deleted word stays in it, checkpoints the
 * write-ahead log, and keeps only the day a subject was forgotten. The
 * number of records deleted goes to nrecords. */
int store_subject_forget(long *nrecords, struct store *s, const char *pseudonym,
                         struct err *e);

/* How many subjects were forgotten, into *n. */
int store_forgotten_count(long *n, struct store *s, struct err *e);

/* Protects a store-wide term and logs it; its id is written to id.
 * EXIT_INPUT for an unknown category, an empty, too long or invalid text,
 * a text already protected or one that cannot be matched, or one that
 * matches a pseudonym. */
int store_term_add(long *id, struct store *s, const char *category,
                   const char *text, struct err *e);

/* Calls fn for each term (store-wide and per subject), by id. */
int store_term_each(struct store *s, term_fn fn, void *ctx, struct err *e);

/* Removes the term with id and logs it (EXIT_INPUT if there is none). */
int store_term_remove(struct store *s, long id, struct err *e);

struct allowed_row {
    long id;
    const char *text, *added;
};

typedef int (*allowed_fn)(void *ctx, const struct allowed_row *r, struct err *e);

/* Records that text is no name to protect (it resolves review flags),
 * dated, and logs it. Refused with EXIT_INPUT if it contains a protected
 * name or term (allowed texts are shown to auditors) or is allowed
 * already. */
int store_allow(struct store *s, const char *text, struct err *e);

/* Calls fn for each allowed text, oldest first. */
int store_allowed_each(struct store *s, allowed_fn fn, void *ctx, struct err *e);

/* A consent change: each field -1 keeps the last recorded value. */
struct consent_change {
    int export_ok, quote, publish, attachments;
    const char *method;                  /* NULL: keep */
    const char *embargo;                 /* NULL: keep; "" lifts it */
    int withdraw;                        /* 1: withdraw everything */
    int include_earlier;                 /* 1: the records made before the
                                            re-consent may leave too */
};

/* Records a consent change for the subject with pseudonym, dated now,
 * and logs it; a withdrawal resets every permission to no. EXIT_INPUT for
 * an unknown subject, a method or an embargo date that is not valid, and
 * include_earlier for a subject never withdrawn, or alone while withdrawn. */
int store_consent_set(struct store *s, const char *pseudonym,
                      const struct consent_change *c, struct err *e);

/* Records made before a re-consent that does not cover them (issue 16,
 * adv16 B-5): a withdrawal covers every record that existed at its time;
 * the re-consent after it (the first consent entry after the subject's
 * last withdrawal) covers the records made after it, and the earlier ones
 * only once a consent entry since the withdrawal said --include-earlier. */
struct consent_earlier {
    long records;                        /* how many are not covered (0: none) */
    char withdrawn[32];                  /* when the last withdrawal was recorded (UTC) */
    char reconsent[32];                  /* when the re-consent was recorded (UTC) */
};

/* Fills *out for the subject with pseudonym: with rid, about that record
 * alone (records 1 or 0); with rid NULL, about all its records.  The
 * order is the store's log (a record's "record.add" entry against the
 * re-consent's), never a clock; for an imported record, which has no
 * "record.add" here, what travelled with it (db_record_before_reconsent:
 * the consent its device stamped on it against the re-consent's;
 * issue 16 E-4).  0, or -1 with e (EXIT_INPUT: an unknown
 * subject; a database error). */
int store_consent_earlier(struct consent_earlier *out, struct store *s, const char *pseudonym,
                          const char *rid, struct err *e);

/* ---- The store's hash-chained log (store/log.c; issue 6) ---- */

/* Appends an entry (action such as "subject.add", an opaque object id such
 * as a record id, never a name, a term or testimony) inside the caller's
 * transaction. The action is 1..LOG_ACTION_MAX bytes of [a-z0-9.-]; the
 * object 0..LOG_OBJECT_MAX bytes of printable ASCII (so no Hangul or
 * Cyrillic name can slip in); anything else, or a call outside a
 * transaction, is refused (EXIT_INPUT, an internal error). */
int store_log(struct store *s, const char *action, const char *object,
              struct err *e);

#define LOG_HASHBYTES 32
#define LOG_ACTION_MAX 32
#define LOG_OBJECT_MAX 1024

/* One entry of the log; hash = log_entry_hash() of the other fields. */
struct log_row {
    long seq;                            /* 1, 2, 3, ... */
    const char *at, *action, *object;    /* object "" when none */
    unsigned char prev[LOG_HASHBYTES];   /* the previous entry's hash; zeros for 1 */
    unsigned char hash[LOG_HASHBYTES];
};

typedef int (*log_fn)(void *ctx, const struct log_row *r, struct err *e);

/* The hash of an entry (docs/FORMAT.md, "Store log"): BLAKE2b-256 of a
 * domain tag, the sequence number, the length-prefixed date, action and
 * object, and the previous entry's hash. */
void log_entry_hash(unsigned char out[LOG_HASHBYTES], long seq, const char *at,
                    const char *action, const char *object,
                    const unsigned char prev[LOG_HASHBYTES]);

/* Checks a log one entry at a time, in order: start with log_check_init,
 * feed each row to log_check_next (EXIT_AUTH naming the first broken entry). */
struct log_check {
    long seq;                            /* entries accepted so far */
    unsigned char head[LOG_HASHBYTES];   /* the last accepted entry's hash */
};
void log_check_init(struct log_check *c);
int log_check_next(struct log_check *c, const struct log_row *r, struct err *e);

/* Calls fn for each entry of the log, oldest first. */
int store_log_each(struct store *s, log_fn fn, void *ctx, struct err *e);

/* Checks the whole chain; fills c (entries and head) when it is intact,
 * else EXIT_AUTH naming the first broken entry. */
int store_log_verify(struct log_check *c, struct store *s, struct err *e);


/* ---- Attachments (store/attachment.c; issue 5) ---- */

#define ATTACHMENT_NAME_MAX 255
#define ATTACHMENT_TYPE_MAX 127
#define ATTACHMENT_CHUNK (64u << 10)     /* bytes read or written at a time */
#define ATTACHMENT_HASHBYTES 32          /* BLAKE2b-256 of the bytes */

struct attachment_row {
    const char *record, *name, *type, *added;
    uint64_t size;
    const unsigned char *hash;           /* ATTACHMENT_HASHBYTES */
    int gps;                             /* a photo with a location */
};

typedef int (*attachment_fn)(void *ctx, const struct attachment_row *a,
                             struct err *e);
/* Receives an attachment's bytes, in pieces of at most ATTACHMENT_CHUNK. */
typedef int (*store_bytes_fn)(void *ctx, const unsigned char *buf, size_t len,
                              struct err *e);

struct attachment_writer;

/* For record id: *same_hash 1 if it has an attachment whose bytes hash to
 * hash (BLAKE2b-256), *name_taken 1 if one is named name. EXIT_INPUT for
 * an unknown record. */
int store_attachment_known(int *same_hash, int *name_taken, struct store *s,
                           const char *record, const char *name,
                           const unsigned char hash[ATTACHMENT_HASHBYTES], struct err *e);

/* Starts attachment name (type, gps flag) of record id inside the caller's
 * transaction, into a new *w (freed by store_attachment_end or _abort);
 * its bytes follow in pieces of any size. EXIT_INPUT for a bad name or
 * type, an unknown record, or a name the record already has. */
int store_attachment_begin(struct attachment_writer **w, struct store *s,
                           const char *record, const char *name,
                           const char *type, int gps, struct err *e);

/* Adds buf[0..len); memory stays at one ATTACHMENT_CHUNK whatever the size.
 * On failure the caller aborts w and rolls back. */
int store_attachment_write(struct attachment_writer *w, const unsigned char *buf,
                           size_t len, struct err *e);

/* Stores the last chunk, the size and the hash (also written to hash,
 * ATTACHMENT_HASHBYTES, unless NULL); frees w whatever happens. */
int store_attachment_end(struct attachment_writer *w,
                         unsigned char *hash, struct err *e);

/* Frees an unfinished writer (the caller rolls back); NULL allowed. */
void store_attachment_abort(struct attachment_writer *w);

/* Calls fn for each attachment of record (NULL: of every record), by
 * record and name; EXIT_INPUT if one is damaged. */
int store_attachment_each(struct store *s, const char *record, attachment_fn fn,
                          void *ctx, struct err *e);

/* Passes the bytes of attachment name of record to fn, in order, each
 * chunk authenticated (its file's ChaCha20-Poly1305 tags, store/blob.h)
 * before it is passed, and checks the size, and with verify also the hash
 * (a full BLAKE2b pass, which the tags make redundant), failing with
 * EXIT_INPUT if damaged. fn returns 0 to go on, -1
 * with e to fail, or a positive value to stop reading there: that value
 * is returned, and the size and hash are then not checked. */
int store_attachment_read(struct store *s, const char *record, const char *name,
                          int verify, store_bytes_fn fn, void *ctx, struct err *e);

/* 0 if record has an attachment called name; EXIT_INPUT naming what is
 * missing, the record or the attachment, otherwise. */
int store_attachment_exists(struct store *s, const char *record, const char *name,
                            struct err *e);

/* Removes attachment name of record (its bytes overwritten in the store:
 * secure_delete, the write-ahead log emptied) and logs it
 * ("attachment.remove", the record id; never the file's name).
 * EXIT_INPUT for an unknown record or attachment. */
int store_attachment_remove(struct store *s, const char *record, const char *name,
                            struct err *e);

/* ---- Backup, restore and wipe (store/backup.c; issue 15) ---- */

#define BACKUP_HASHBYTES 32              /* BLAKE2b-256 of a backup file */

/* Writes a backup of the whole store to the new file path (never over an
 * existing one, nor into the store folder): the keyslot file, the
 * database and the attachment files as they are, encrypted
 * (docs/FORMAT.md, "Backup file"), so it opens with the same passphrase
 * or recovery key as the store. First this
 * intake takes the store alone (waiting up to STORE_BUSY_MS for others to
 * close it: no other command writes meanwhile), empties the write-ahead
 * log into the database and checks every page; the file is written under
 * a temporary name, synced, named, then read back from the disk and its
 * checksum compared; then the backup is logged ("backup", the checksum).
 * sum gets the checksum (BACKUP_HASHBYTES), *size the file's bytes.
 * progress (NULL: none) follows the copy and the read-back in bytes:
 * total is twice the backup file's length (the database and the
 * attachment files, written once and read once). Returns 0;
 * 1 when the backup is complete (written, synced, read back) but the
 * store could not log it (its disk full: e says what was not recorded);
 * -1 with e, EXIT_INPUT, for another intake using the store, damage, an
 * existing file, I/O (no backup file is left then). */
int store_backup(unsigned char sum[BACKUP_HASHBYTES], uint64_t *size, struct store *s,
                 const char *path, store_progress_fn progress, void *ctx, struct err *e);

struct backup;

/* 0 unless the file open at fd (named path in the message) starts as a
 * backup file does (its magic, read with pread: a pipe is never one):
 * then -1 with e (EXIT_INPUT) saying it is a backup and how to restore
 * it.  For the commands that read a bundle (adv35f M-5). */
int store_backup_not_bundle(int fd, const char *path, struct err *e);

/* Opens the backup file path into a new *b (free with store_backup_close)
 * and checks it whole: its format, the checksum over every byte, its
 * keyslot file's own checksum. EXIT_INPUT naming what is wrong. */
int store_backup_open(struct backup **b, const char *path, struct err *e);

/* The checksum of the backup b (BACKUP_HASHBYTES into hash). */
void store_backup_hash(unsigned char hash[BACKUP_HASHBYTES], const struct backup *b);

/* Unwraps the master key of b with secret[0..secretlen), a passphrase
 * (KEYSLOT_PASSPHRASE) or the recovery key (KEYSLOT_RECOVERY), as
 * store_open does: EXIT_AUTH when it does not open the backup. */
int store_backup_unlock(struct backup *b, uint8_t kind, const unsigned char *secret,
                        size_t secretlen, struct err *e);

/* Makes a store in dir from b (unlocked first), never over one that
 * exists (EXIT_INPUT, as init): the database is copied (the backup read
 * again, and refused if it changed), opened with the backup's key, every
 * page checked and the restore logged ("restore", the backup's
 * checksum); the keyslot file is written last, as init does, so that a
 * kill leaves no half store. progress (NULL: none) is told the bytes
 * of the backup file read (the database and the attachment files), of
 * its length. */
int store_restore(struct backup *b, const char *dir, store_progress_fn progress, void *ctx,
                  struct err *e);

/* After a store_restore that succeeded: the time of the newest log entry
 * the backup held (UTC, the log's "at" text, e.g. 2026-12-01T10:00:00Z),
 * "" if none or before a restore. Owned by b, valid until it is closed.
 * What the device recorded after it (consent changes and withdrawals
 * included) is not in the restored store (adv16 B-7). */
const char *store_backup_as_of(const struct backup *b);

/* Closes a backup and wipes its key. NULL is allowed. */
void store_backup_close(struct backup *b);

/* What store_wipe did. */
struct wipe_result {
    int overwritten;                     /* keyslot files overwritten */
    int removed;                         /* files removed */
    int folder_removed;                  /* 1 when the folder is gone too */
    char kept[1024];                     /* other files left in it, ", " between */
};

/* Makes the store in dir unreadable at once, whatever its size: every
 * keyslot file (and every file being written beside them) is overwritten
 * with random bytes and synced first, so the database is noise with any
 * passphrase or recovery key; then intake's files are removed, and the
 * folder if nothing else is in it. Asks nothing and unlocks nothing; does
 * not wait for other intakes (they keep the key they hold until they
 * end). EXIT_INPUT when dir holds no store or is another user's, or a
 * keyslot file cannot be overwritten. SECURITY.md says what stays. */
int store_wipe(struct wipe_result *r, const char *dir, struct err *e);

/* What store_wipe refuses, checked before asking: 0 when dir is a folder
 * of this user's holding a keyslot file or a database (its modes are not
 * checked: a store to wipe need not be a store that opens). */
int store_wipe_check(const char *dir, struct err *e);

/* ---- Exports and imports (store/exchange.c; issue 5) ---- */

/* The bytes of the digest of what a record's text was when it left
 * (BLAKE2b; store/export.c, sent_digest). */
#define EXPORT_DIGESTBYTES 32

/* One record an export carried, at the version it had then, and the
 * digest of its text as it left (none for exports before issue 16). */
struct export_item {
    const char *id;
    long version;
    long revision;                       /* the record's "revision" as it left (0: none) */
    int has_digest;
    unsigned char digest[EXPORT_DIGESTBYTES];
    int has_output;                      /* output: the digest of all that left
                                            of it (store/export.c, output_digest) */
    unsigned char output[EXPORT_DIGESTBYTES];
};

/* Records an export inside the caller's transaction: when, the contacts
 * to[0..nto) as named in --to, the records items[0..nitems) with their
 * versions and digests (the device's record takes the version it left
 * at, if higher: store/export.c raises it when the text that leaves has
 * changed), the bundle hash hash[0..hashlen) and its size in bytes. */
int store_export_log(struct store *s, const char *const *to, size_t nto,
                     const struct export_item *items, size_t nitems,
                     const unsigned char *hash, size_t hashlen, uint64_t size, struct err *e);

struct export_row {
    const char *at;                      /* UTC, YYYY-MM-DDTHH:MM:SSZ */
    const char *const *to;               /* the contacts, as named then */
    size_t nto;
    const struct export_item *items;     /* the records, in bundle order */
    size_t nitems;
    const unsigned char *hash;           /* the bundle hash */
    size_t hashlen;
    int64_t size;                        /* bytes; -1 when not known (an export
                                          * made before issue 15) */
};

typedef int (*export_fn)(void *ctx, const struct export_row *r, struct err *e);

/* Calls fn for each export, newest first; with record (not NULL) only
 * the exports that carried it, with items holding only it. */
int store_export_each(struct store *s, const char *record, export_fn fn, void *ctx,
                      struct err *e);

/* A notice owed to a contact (issue 16): the subject's consent was
 * withdrawn, or the subject or one of its records deleted, after the
 * contact received its records. */
struct notice_row {
    const char *at;                      /* when it became due (UTC) */
    const char *kind;                    /* "withdrawal", "deletion", "scope",
                                            "reconsent" or "removal" */
    const char *subject;                 /* the subject's stable id */
    const char *record;                  /* the record id, NULL: the whole subject */
    const char *contact;                 /* the contact, as named in the export */
    const char *sent;                    /* when a bundle first carried it (UTC),
                                            NULL: not yet; never acknowledged */
    int former;                          /* NOTICE_TO_CURRENT, or the key it is
                                            owed to is no contact's now:
                                            NOTICE_TO_REPLACED (contact still
                                            named so, with another key) or
                                            NOTICE_TO_REMOVED (issue 16 B-4) */
    const char *fingerprint;             /* that key's card fingerprint, from
                                            the contact's key history; NULL:
                                            unknown (a removed contact) */
    const char *pseudonym;               /* the subject's pseudonym here, NULL:
                                            no longer here (forgotten) */
};

enum { NOTICE_TO_CURRENT, NOTICE_TO_REPLACED, NOTICE_TO_REMOVED };

typedef int (*notice_fn)(void *ctx, const struct notice_row *r, struct err *e);

/* Calls fn for each notice, those not yet sent first, each group oldest
 * first. */
int store_notice_each(struct store *s, notice_fn fn, void *ctx, struct err *e);

/* *n: the number of notices not yet sent. */
int store_notice_count(long *n, struct store *s, struct err *e);

/* The contacts (by their names now, ", "-separated, each once, into out:
 * outlen bytes, cut at a name's end when too long) the newest n notices
 * not yet sent are owed to: whom a change just made notices due for
 * (adv16b C-13). 0, or -1 with e (a database error). */
int store_notice_contacts(char *out, size_t outlen, struct store *s, long n, struct err *e);

/* A tombstone (issue 16): what a sender's notice withdrew or deleted
 * here, kept so that it is explained and never imported again. */
struct tombstone_row {
    const char *kind;                    /* "withdrawal", "deletion" or "reconsent"
                                            (a whole subject's only) */
    const char *subject;                 /* the sender's stable id of the subject */
    const char *record;                  /* the record id; NULL: the whole subject */
    const char *day;                     /* the notice's day, YYYY-MM-DD */
    const char *at;                      /* when this store acted on it (UTC) */
    const char *sender;                  /* the sender's contact name then; NULL: unknown */
    const char *sender_key;              /* the sender's signing key, hex */
    int removed;                         /* 1: a record was deleted here */
    int local;                           /* 1: by this store's own record delete of an
                                            imported record, not a notice (sender NULL,
                                            sender_key this store's) */
    int forgot;                          /* with local: by its subject forget */
    const char *held;                    /* with local: the contact whose bundle
                                            brought the record (its name now, else
                                            then); NULL: unknown (before schema 23) */
    const char *held_key;                /* with local: that sender's signing key,
                                            hex; "" when unknown */
};

typedef int (*tombstone_fn)(void *ctx, const struct tombstone_row *t, struct err *e);

/* Calls fn for tombstones, oldest first: with record (not NULL), those
 * of the records whose id starts with it (any case); with here, the
 * whole-subject ones of this store's subject with stable id here; with
 * neither, every record's that is not here (a record withdrawn then
 * deleted has two; a notice that reached no record here, as another
 * sender's deletion of a record this store has, is left out, so that no
 * id is both a record and a tombstone in 'list --json'). A re-consent's
 * tombstone (kind "reconsent", issue 16) is a whole-subject one. */
int store_tombstone_each(struct store *s, const char *record, const char *here,
                         tombstone_fn fn, void *ctx, struct err *e);

/* *n: the number of records that notices deleted from this store. */
int store_tombstone_count(long *n, struct store *s, struct err *e);

/* *n: the number of imported records this store's own record delete
 * deleted (and no notice did): their tombstones refuse them (issue 16). */
int store_tombstone_count_here(long *n, struct store *s, struct err *e);

/* *seen is 1 if a bundle with hash[0..hashlen) was imported already, else 0. */
int store_import_seen(int *seen, struct store *s, const unsigned char *hash,
                      size_t hashlen, struct err *e);

/* Notes a bundle being imported (inside the caller's transaction): its
 * hash[0..hashlen) and the sender's signing key sender_pk
 * (crypto_sign_PUBLICKEYBYTES); its row id goes to *import_id. sender is
 * the contact's name or NULL. */
int store_import_begin(long *import_id, struct store *s, const unsigned char *hash,
                       size_t hashlen, const unsigned char *sender_pk,
                       const char *sender, struct err *e);

/* Keeps, with import import_id (store_import_begin), the head of the
 * sender's log that the bundle carried: its number of entries seq and its
 * hash head. EXIT_INPUT if there is no such import. */
int store_import_log_head(struct store *s, long import_id, long seq,
                          const unsigned char head[LOG_HASHBYTES], struct err *e);

/* The subject of an imported record, as its bundle names it. */
struct import_subject {
    const char *pseudonym;               /* PSEUDONYM@KEY (docs/FORMAT.md) */
    const char *uid;                     /* its stable id on the sender's device;
                                            NULL: content format 1 has none */
    const struct consent *consent;       /* the scope carried; NULL: none */
};

/* Adds an imported record under its own id for its subject subj (created
 * without identity if new), remembering the import and its manifest (JSON,
 * never identities). With subj->uid the subject is the one this store has
 * from the same sender under that id, renamed to subj->pseudonym if its
 * device renamed it; without, the one named subj->pseudonym. The consent
 * carried becomes the subject's (db_consent_carry), also when the record
 * is kept. A record with this id that came before from the same sender is
 * a correction (issue 16): the same version with the same title, date,
 * place, language, tags and body is kept (*outcome IMPORT_KEPT); a newer
 * version replaces it, the old text overwritten (IMPORT_REPLACED); an
 * older version ("a stale copy") or the same version with other text ("a
 * conflict") is refused, EXIT_AUTH. A new record is IMPORT_ADDED. A
 * record id held by a local record or another sender, or a pseudonym
 * held here by another subject, is refused (EXIT_AUTH; *outcome
 * IMPORT_ELSEWHERE for a record id held from another sender: the caller
 * keeps that route, db_route_keep). The caller rolls its transaction
 * back on a refusal: nothing of the bundle is kept. */
enum { IMPORT_KEPT, IMPORT_ADDED, IMPORT_REPLACED, IMPORT_ELSEWHERE };
int store_import_record(int *outcome, struct store *s, long import_id,
                        const struct import_subject *subj, const struct record_row *r,
                        const char *manifest, struct err *e);

/* Where record id came from, one line written to out (outlen bytes; ""
 * for a record made here); EXIT_INPUT if it does not fit. */
int store_record_origin(char *out, size_t outlen, struct store *s, const char *id,
                        struct err *e);

#endif
