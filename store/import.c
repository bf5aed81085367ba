/* Reading bundles addressed to this store, and importing them
 * (store/import.h). */
#include "store/import.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crypto/secmem.h"
#include "export/manifest.h"
#include "store/db.h"
#include "store/known.h"
#include "store/origin.h"
#include "store/scope.h"
#include "store/tombstone.h"
#include "util/fileio.h"
#include "util/progress.h"

/* ---- Reading ---- */

int store_bundle_open(struct opened_bundle *b, struct store *s, const char *path,
                      struct err *e)
{
    unsigned char spk[crypto_sign_PUBLICKEYBYTES];

    struct stat st;

    memset(b, 0, sizeof *b);
    b->fd = -1;
    b->watcher = s->watcher;
    b->passes = 1;
    b->sk = secmem_alloc(crypto_sign_SECRETKEYBYTES + crypto_box_SECRETKEYBYTES);
    if (b->sk == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    if (store_device_public(spk, b->pk, s, e) != 0 ||
        store_device_secret(b->sk, b->sk + crypto_sign_SECRETKEYBYTES, s, e) != 0)
        return -1;
    /* Only the box key is needed: keep it, wipe the signing key. */
    memmove(b->sk, b->sk + crypto_sign_SECRETKEYBYTES, crypto_box_SECRETKEYBYTES);
    sodium_memzero(b->sk + crypto_box_SECRETKEYBYTES, crypto_sign_SECRETKEYBYTES);
    if (file_open_regular(&b->fd, path, 0, NULL, e) != 0)
        return -1;
    if (store_backup_not_bundle(b->fd, path, e) != 0) {
        close(b->fd);
        b->fd = -1;
        return -1;
    }
    if (fstat(b->fd, &st) == 0 && st.st_size > 0)
        b->size = (uint64_t)st.st_size;
    return 0;
}

int store_bundle_read(struct opened_bundle *b, const struct content_handler *h,
                      struct bundle_info *info, struct err *e)
{
    struct content_reader *r = content_reader_new(h);
    struct progress_ticker t;
    int rc;

    if (r == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    progress_ticker_start(&t, &b->watcher, b->done * b->size, b->passes * b->size,
                          progress_offset, &b->fd);
    rc = bundle_read(b->fd, b->pk, b->sk, content_sink, r, info, e);
    progress_ticker_stop(&t);
    b->done++;
    if (rc == 0)
        rc = content_finish(r, e);
    content_reader_free(r);
    return rc;
}

void store_bundle_close(struct opened_bundle *b)
{
    if (b->fd >= 0)
        close(b->fd);
    b->fd = -1;
    secmem_free(b->sk);
    b->sk = NULL;
}

/* ---- Importing ---- */

#define SKIP_REFUSED 2

struct importer {
    struct store *s;
    long import_id;
    char suffix[16];                     /* "@" and 8 hex of the sender's key */
    json_t *last;                        /* the last record (for attachment flags) */
    int skip;                            /* the last record was there already, or
                                            SKIP_REFUSED: it was refused */
    int format;                          /* the content format (1 to 7) */
    int elsewhere;                       /* the last record refused was held here
                                            from another sender */
    struct attachment_writer *w;
    unsigned char want[ATTACHMENT_HASHBYTES];  /* the blob's hash, from its header */
    struct import_result *res;
    unsigned char sender_pk[crypto_sign_PUBLICKEYBYTES];
    json_t *seen;                        /* pass 1: each record document */
    long consent_floor;                  /* the highest consent row before pass 2
                                            (db_scope_apply) */
};

static const char *jstr(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* The consent scope a record of content format 2 carries (checked by
 * export/content.c). */
static void carried_consent(struct consent *c, json_t *o)
{
    memset(c, 0, sizeof *c);
    c->recorded = 1;
    c->export_ok = json_is_true(json_object_get(o, "export"));
    c->quote = json_is_true(json_object_get(o, "quote"));
    c->publish = json_is_true(json_object_get(o, "publish"));
    c->attachments = json_is_true(json_object_get(o, "attachments"));
    snprintf(c->method, sizeof c->method, "%s", jstr(o, "method") != NULL ? jstr(o, "method") : "");
    snprintf(c->embargo, sizeof c->embargo, "%s", jstr(o, "embargo") != NULL ? jstr(o, "embargo") : "");
    snprintf(c->date, sizeof c->date, "%s", jstr(o, "recorded"));
    /* content format 6: the subject's counter on its device (0: absent) */
    c->seq = (long)json_integer_value(json_object_get(o, "seq"));
}

static int import_record_one(struct importer *im, json_t *rec, struct err *e)
{
    const char *tags[64];
    struct record_row row = { 0 };
    struct import_subject subj = { NULL, NULL, NULL };
    struct consent consent;
    struct notice_origin origin;
    unsigned char opk[crypto_sign_PUBLICKEYBYTES];
    json_t *v, *manifest;
    char pseudonym[300];
    char *mtext;
    size_t i;
    int outcome, rc;

    json_array_foreach(json_object_get(rec, "tags"), i, v)
        tags[i] = json_string_value(v);
    row.id = jstr(rec, "id");
    row.title = jstr(rec, "title");
    row.date = jstr(rec, "date");
    row.place = jstr(rec, "place");
    row.lang = jstr(rec, "language");
    row.body = jstr(rec, "body");
    row.pseudonym = jstr(rec, "pseudonym");   /* as the sender's device has it */
    /* Bundles made before issue 15 carry no version: their records are
     * at version 1. */
    row.version = json_is_integer(json_object_get(rec, "version"))
                  ? (long)json_integer_value(json_object_get(rec, "version")) : 1;
    row.revision = json_is_integer(json_object_get(rec, "revision"))
                   ? (long)json_integer_value(json_object_get(rec, "revision")) : 0;
    row.tags = tags;
    row.ntags = json_array_size(json_object_get(rec, "tags"));
    const char *recorded = jstr(json_object_get(rec, "consent"), "recorded");
    long recorded_seq = (long)json_integer_value(json_object_get(json_object_get(rec, "consent"),
                                                                 "seq"));
    /* Passed on (content format 7): what its origin withdrew or deleted
     * does not come back by this route either (issue 16 C-8), nor what
     * left the origin before a withdrawal it lifted since (E-6); and the
     * origin, not this sender, made it (J-1). */
    int passed = im->format >= 7 && db_origin_of(&origin, opk, im->sender_pk, rec);
    if (db_tombstone_check(im->s, im->sender_pk, passed ? origin.pk : NULL, jstr(rec, "subject"),
                           row.id, recorded, recorded_seq, e) != 0)
        return -1;
    if (passed && db_origin_check(im->s, &origin, row.id, recorded, recorded_seq, e) != 0)
        return -1;
    snprintf(pseudonym, sizeof pseudonym, "%s%s", jstr(rec, "pseudonym"), im->suffix);
    subj.pseudonym = pseudonym;
    if (im->format >= 2) {
        subj.uid = jstr(rec, "subject");
        carried_consent(&consent, json_object_get(rec, "consent"));
        subj.consent = &consent;
    }
    manifest = json_deep_copy(rec);
    json_object_del(manifest, "body");
    mtext = json_dumps(manifest, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(manifest);
    if (mtext == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    rc = store_import_record(&outcome, im->s, im->import_id, &subj, &row, mtext, e);
    secmem_wipe_free(mtext);
    if (rc != 0) {
        im->elsewhere = outcome == IMPORT_ELSEWHERE;
        return -1;
    }
    if (im->format >= 7 && db_origin_of(&origin, opk, im->sender_pk, rec) &&
        db_origin_keep(im->s, row.id, &origin, e) != 0)
        return -1;
    json_decref(im->last);
    im->last = json_incref(rec);
    im->skip = outcome != IMPORT_ADDED;
    if (outcome == IMPORT_REPLACED)
        im->res->replaced++;         /* logged "import.replace" (store/exchange.c) */
    else if (outcome == IMPORT_KEPT)
        im->res->kept++;             /* nothing changed: nothing logged */
    else
        im->res->added++;
    return outcome == IMPORT_ADDED ? store_log(im->s, "import", row.id, e) : 0;
}

/* A record refused (tombstoned, stale, a conflict, another sender's:
 * EXIT_AUTH) is rolled back alone, to a savepoint, with its attachments
 * left out: the bundle's other records and its notices are imported
 * (issue 16); the first refusal is kept for the summary. */
static int import_record(void *ctx, json_t *rec, struct err *e)
{
    static const char tail[] = "; nothing was imported";
    struct importer *im = ctx;
    struct err why;
    size_t n;

    err_clear(&why);
    im->elsewhere = 0;
    if (db_run(im->s, "SAVEPOINT one_record", NULL, 0, "importing a record", e) != 0)
        return -1;
    if (import_record_one(im, rec, &why) == 0)
        return db_run(im->s, "RELEASE one_record", NULL, 0, "importing a record", e);
    if (why.code != EXIT_AUTH) {
        if (e != NULL)
            *e = why;
        return -1;
    }
    if (db_run(im->s, "ROLLBACK TO one_record", NULL, 0, "refusing a record", e) != 0 ||
        db_run(im->s, "RELEASE one_record", NULL, 0, "refusing a record", e) != 0)
        return -1;
    /* Held from another sender: this sender's copy is a second route to
     * the same record, which its withdrawal must reach (A10). */
    if (im->elsewhere && jstr(rec, "subject") != NULL) {
        struct notice_origin origin;
        unsigned char opk[crypto_sign_PUBLICKEYBYTES];

        if (db_route_keep(im->s, im->import_id, jstr(rec, "id"), jstr(rec, "subject"), e) != 0 ||
            (im->format >= 7 && db_origin_of(&origin, opk, im->sender_pk, rec) &&
             db_origin_keep(im->s, jstr(rec, "id"), &origin, e) != 0))
            return -1;
        im->res->routes++;
    }
    n = strlen(why.msg);
    if (n >= sizeof tail - 1 && strcmp(why.msg + n - (sizeof tail - 1), tail) == 0)
        why.msg[n - (sizeof tail - 1)] = '\0';
    if (im->res->refused++ == 0)
        snprintf(im->res->refusal, sizeof im->res->refusal, "%s", why.msg);
    json_decref(im->last);
    im->last = json_incref(rec);
    im->skip = SKIP_REFUSED;
    return 0;
}

/* A notice's origin (content format 7, any kind passed on: checked by
 * export/content.c) into o (with its round), its key into pk: 1, or 0 when it has none or
 * names the bundle's signer (the signer's own notice). */
static int notice_origin_of(struct notice_origin *o, unsigned char *pk,
                            const struct importer *im, json_t *n)
{
    json_t *origin = json_object_get(n, "origin");
    const char *hex = json_string_value(json_object_get(origin, "key"));
    size_t len = 0;

    if (hex == NULL ||
        sodium_hex2bin(pk, crypto_sign_PUBLICKEYBYTES, hex, strlen(hex), NULL, &len, NULL) != 0 ||
        len != crypto_sign_PUBLICKEYBYTES ||
        sodium_memcmp(pk, im->sender_pk, crypto_sign_PUBLICKEYBYTES) == 0)
        return 0;
    o->pk = pk;
    o->subject = jstr(origin, "subject");
    /* the origin's round of a whole-subject withdrawal (absent: 1) */
    o->round = json_is_integer(json_object_get(origin, "round"))
               ? (long)json_integer_value(json_object_get(origin, "round")) : 1;
    return 1;
}

/* 1 if pk (crypto_sign_PUBLICKEYBYTES) is this store's own signing key:
 * a notice passed back to the store whose decision it is (adv17b E-20).
 * 0 if not, -1 with e (a database error). */
static int own_key(struct store *s, const unsigned char *pk, struct err *e)
{
    const struct db_val v[] = { DB_BLOB(pk, crypto_sign_PUBLICKEYBYTES) };
    long one = 0;

    return db_int(&one, s, "SELECT 1 FROM device WHERE id = 1 AND sign_pk = ?1", v, DB_N(v),
                  "reading the store's keys", e);
}

/* 1 when a withdrawal or deletion that reached nothing from its sender
 * names what this store holds all the same: the record id (from another
 * sender, or its own), or, for a whole subject (rid ""), a subject id
 * another sender's records came with or this store's own subject id
 * (close16: never "not held here" then). 0 when not; -1 with e. */
static int held_elsewhere(struct store *s, long import_id, const char *subject,
                          const char *rid, struct err *e)
{
    const struct db_val v[] = { DB_INT(import_id), DB_TEXT(subject) };
    long one = 0;

    if (rid != NULL && rid[0] != '\0') {
        const struct db_val r[] = { DB_TEXT(rid) };
        return db_int(&one, s, "SELECT 1 FROM record WHERE rid = ?1", r, DB_N(r),
                      "reading the records", e);
    }
    if (subject == NULL)
        return 0;
    return db_int(&one, s, "SELECT 1 FROM subject WHERE uid = ?2 UNION ALL "
                  "SELECT 1 FROM subject_origin WHERE uid = ?2 AND sender_pk IS NOT "
                  "(SELECT sender_pk FROM import WHERE id = ?1)", v, DB_N(v),
                  "reading the subjects", e);
}

/* Acts on the notices of a format 3 header (checked by export/content.c),
 * in order, before any record of the bundle: a record they cover, in
 * this bundle or a later one, is refused (store/tombstone.h). */
static int import_notices(struct importer *im, json_t *notices, struct err *e)
{
    const char *sender = im->res->sender[0] != '\0' ? im->res->sender : NULL;
    struct notice_outcome out;
    size_t i;
    json_t *n;

    json_array_foreach(notices, i, n) {
        json_t *round = json_object_get(n, "round");
        long rn = json_is_integer(round) ? (long)json_integer_value(round) : 1;

        unsigned char opk[crypto_sign_PUBLICKEYBYTES];
        struct notice_origin origin;
        int has_origin = notice_origin_of(&origin, opk, im, n), own = 0;

        /* This store's own withdrawal, re-consent, scope or removal passed
         * back by a contact: its own decisions are here already, and a
         * notice cannot touch its own records (adv17b E-20). */
        if (has_origin && (own = own_key(im->s, origin.pk, e)) != 0) {
            if (own < 0)
                return -1;
            im->res->notices_before++;
            continue;
        }
        /* A key that is no contact speaks only for itself: what it passes
         * on from another device is not acted on, and its withdrawal or
         * deletion reaches only the records it sent here (DOOMED; adv20c
         * J-5). */
        if (sender == NULL && (has_origin || strcmp(jstr(n, "kind"), "withdrawal") == 0 ||
                               strcmp(jstr(n, "kind"), "deletion") == 0))
            im->res->notices_unknown++;
        if (sender == NULL && has_origin)
            continue;
        if (strcmp(jstr(n, "kind"), "reconsent") == 0) {
            struct consent c;
            int changed;

            carried_consent(&c, json_object_get(n, "scope"));
            if (db_reconsent_apply(&changed, &out, im->s, im->import_id, sender,
                                   jstr(n, "subject"), jstr(n, "day"), rn, &c,
                                   has_origin ? &origin : NULL, e) != 0)
                return -1;
            if (!changed) {
                im->res->notices_before++;
                continue;
            }
            /* One notice, one count (adv20c J-4): a re-consent that acted
             * on its lost withdrawal first is counted as a re-consent,
             * with what that withdrawal deleted, not as a withdrawal too
             * (a resend of both says "2 notice(s) acted on before"). */
            im->res->reconsents++;
            if (out.records > 0 || out.files > 0 || out.held)
                im->res->reconsents_lost++;
            im->res->reconsent_removed += out.records;
            im->res->reconsent_files += out.files;
            continue;
        }
        if (strcmp(jstr(n, "kind"), "removal") == 0) {
            if (db_removal_apply(&out, im->s, im->import_id, sender, jstr(n, "subject"),
                                 jstr(n, "record"), jstr(n, "day"), jstr(n, "attachment"),
                                 has_origin ? &origin : NULL, e) != 0)
                return -1;
            if (out.before) {
                im->res->notices_before++;
            } else {
                im->res->removals++;
                im->res->removals_files += out.files;
            }
            continue;
        }
        if (strcmp(jstr(n, "kind"), "scope") == 0) {
            enum scope_outcome done;
            struct consent c;
            long files;

            carried_consent(&c, json_object_get(n, "scope"));
            if (db_scope_apply(&done, &files, im->s, im->import_id, jstr(n, "subject"), &c,
                               has_origin ? &origin : NULL, im->consent_floor, e) != 0)
                return -1;
            if (done == SCOPE_KEPT)
                im->res->scopes_kept++;
            else if (done == SCOPE_TAKEN || files > 0)
                im->res->scopes++;
            else
                im->res->notices_before++;
            im->res->scope_files += (size_t)files;
            continue;
        }
        if (db_notice_apply(&out, im->s, im->import_id, sender, jstr(n, "kind"),
                            jstr(n, "subject"), jstr(n, "record"), jstr(n, "day"), rn,
                            has_origin ? &origin : NULL, e) != 0)
            return -1;
        if (out.before) {
            im->res->notices_before++;
            continue;
        }
        if (out.records == 0 && out.files == 0 && !out.held) {
            int other = has_origin ? 0 : held_elsewhere(im->s, im->import_id,
                                                        jstr(n, "subject"), jstr(n, "record"), e);
            if (other < 0)
                return -1;
            if (other)
                im->res->notices_elsewhere++;   /* another's (or its own): not acted on */
            else
                im->res->notices_unheld++;   /* its tombstone kept, never held here */
            continue;
        }
        if (out.records == 0 && out.files == 0 && strcmp(jstr(n, "kind"), "deletion") == 0 &&
            (jstr(n, "record") == NULL || jstr(n, "record")[0] == '\0')) {
            im->res->deletions_idle++;   /* a subject's deletion marks nothing here */
            continue;
        }
        im->res->notices++;
        im->res->removed += out.records;
        im->res->files_removed += out.files;
    }
    /* The deleted words out of the index's older segments (secure_delete
     * zeroes the freed pages; the caller checkpoints after the commit). */
    return im->res->notices > 0 || im->res->removals > 0 || im->res->scope_files > 0 ||
           im->res->reconsent_removed > 0 || im->res->reconsent_files > 0
           ? db_scrub(im->s, e) : 0;
}

/* The sender's log head at export travels in the header, signed; it is
 * kept so that headquarters can later find it on the device's log. */
static int import_header(void *ctx, json_t *doc, struct err *e)
{
    struct importer *im = ctx;
    struct manifest_header h;
    int rc;

    im->format = content_format(doc);
    if (manifest_read_header(&h, doc, e) != 0)
        return -1;
    rc = store_import_log_head(im->s, im->import_id, h.log_seq, h.log_head, e);
    manifest_header_free(&h);
    if (rc == 0 && im->format >= 3)
        rc = import_notices(im, json_object_get(doc, "notices"), e);
    return rc;
}

static int attachment_gps(json_t *rec, const char *file)
{
    size_t i;
    json_t *a;

    json_array_foreach(json_object_get(rec, "attachments"), i, a)
        if (jstr(a, "file") != NULL && strcmp(jstr(a, "file"), file) == 0)
            return json_is_true(json_object_get(a, "gps"));
    return 0;
}

/* An attachment of a record that was here already is added unless the
 * record has one with the same bytes (issue 16: attachments added on the
 * device after an export arrive); its name, "attachment-N.ext" numbered
 * per bundle, gets the first 8 hex digits of its hash if the record has
 * another of that name. */
static int import_blob_begin(void *ctx, json_t *head, struct err *e)
{
    struct importer *im = ctx;
    const char *file = jstr(head, "file"), *dot;
    char name[96];
    int same = 0, taken = 0;
    size_t n = 0;

    if (sodium_hex2bin(im->want, sizeof im->want, jstr(head, "blake2b"), 64, NULL, &n,
                       NULL) != 0 || n != sizeof im->want)
        return err_set(e, EXIT_INPUT, "malformed bundle contents: a bad attachment hash");
    snprintf(name, sizeof name, "%s", file);
    if (im->skip == SKIP_REFUSED)
        return 0;                        /* its record was refused: not kept */
    /* One its sender removed (a removal notice) does not come back. */
    if (db_removal_check(&same, im->s, im->sender_pk, jstr(head, "record"),
                         jstr(head, "blake2b"), e) != 0)
        return -1;
    if (same) {
        im->res->files_removed_before++;
        return 0;
    }
    /* The scope held here governs, whatever the bundle's age (A2). */
    if (db_scope_attachments(&same, im->s, im->sender_pk, jstr(im->last, "subject"),
                             jstr(head, "record"), e) != 0)
        return -1;
    if (!same) {
        im->res->files_scope++;
        return 0;
    }
    if (im->skip) {
        if (store_attachment_known(&same, &taken, im->s, jstr(head, "record"), file, im->want,
                                   e) != 0)
            return -1;
        if (same) {
            im->res->files_kept++;
            return 0;
        }
        if (taken) {
            dot = strchr(file, '.');
            snprintf(name, sizeof name, "%.*s-%.8s%s", (int)(dot != NULL ? dot - file : (long)strlen(file)),
                     file, jstr(head, "blake2b"), dot != NULL ? dot : "");
        }
    }
    im->res->files++;
    /* One added to a record that was here already: a change to log (A8). */
    if (im->skip && store_log(im->s, "import.attachment", jstr(head, "record"), e) != 0)
        return -1;
    return store_attachment_begin(&im->w, im->s, jstr(head, "record"), name,
                                  jstr(head, "type"), attachment_gps(im->last, file), e);
}

static int import_blob_data(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct importer *im = ctx;

    return im->w == NULL ? 0 : store_attachment_write(im->w, buf, len, e);
}

static int import_blob_end(void *ctx, struct err *e)
{
    struct importer *im = ctx;
    struct attachment_writer *w = im->w;
    unsigned char got[ATTACHMENT_HASHBYTES];

    im->w = NULL;
    if (w == NULL)
        return 0;
    if (store_attachment_end(w, got, e) != 0)
        return -1;
    /* The store hashes what it keeps: compare, instead of a second pass. */
    if (sodium_memcmp(got, im->want, sizeof got) != 0)
        return err_set(e, EXIT_INPUT, "malformed bundle contents: an attachment whose "
                       "hash differs from its header");
    return 0;
}

/* Reads the bundle again into h inside a new transaction with an import
 * row (im->import_id), checking it has the hash of the first reading:
 * 0 with the transaction open; 1 (rolled back) when another intake
 * imported the same bundle between the first reading and the write lock
 * (issue 14 item 5: its outcome is then "imported before"); or -1 with
 * it rolled back. */
static int read_again(struct importer *im, struct opened_bundle *b,
                      const struct bundle_info *first, const struct content_handler *h,
                      struct err *e)
{
    const char *sender = im->res->sender;
    struct bundle_info info;
    int rc;

    if (lseek(b->fd, 0, SEEK_SET) != 0)
        return err_set(e, EXIT_INPUT, "cannot read the bundle again: %s", strerror(errno));
    if (store_begin(im->s, e) != 0)
        return -1;
    /* Under the write lock: the first reading's "not seen" may be old. */
    if (store_import_seen(&im->res->seen, im->s, first->hash, sizeof first->hash, e) != 0 ||
        im->res->seen) {
        store_rollback(im->s);
        return im->res->seen ? 1 : -1;
    }
    rc = db_int(&im->consent_floor, im->s, "SELECT coalesce(max(id), 0) FROM consent", NULL, 0,
                "reading the consent", e) < 0 ? -1 : 0;
    if (rc == 0)
        rc = store_import_begin(&im->import_id, im->s, first->hash, sizeof first->hash,
                            first->sender_pk, sender[0] ? sender : NULL, e);
    if (rc == 0)
        rc = store_bundle_read(b, h, &info, e);
    store_attachment_abort(im->w);
    im->w = NULL;
    if (rc == 0 && sodium_memcmp(info.hash, first->hash, sizeof info.hash) != 0)
        rc = err_set(e, EXIT_AUTH, "the bundle changed while it was being imported; "
                     "nothing was imported");
    if (rc != 0)
        store_rollback(im->s);
    return rc != 0 ? -1 : 0;
}

/* 1 when every record of the bundle was refused and none of its notices
 * changed anything: the import is not kept (nothing is logged either),
 * so the same bundle meets the same refusal, in the same words, every
 * time it comes. A record refused as held from another sender keeps its
 * route (A10): that import is kept, and refused again the next time. */
static int changed_nothing(const struct import_result *r)
{
    return r->refused > 0 && r->added + r->kept + r->replaced == 0 && r->files == 0 &&
           r->notices + r->scopes + r->scope_files + r->scopes_kept + r->removals +
           r->reconsents + r->notices_unheld + r->notices_elsewhere + r->deletions_idle +
           r->routes == 0;
}

/* The second reading, inside a transaction kept only if it verifies, has
 * the hash of the first and changes something: 0, 1 (imported meanwhile
 * by another intake, see read_again) or -1 with e. */
static int import_pass2(struct importer *im, struct opened_bundle *b,
                        const struct bundle_info *first, struct err *e)
{
    struct content_handler h = { import_header, import_record, import_blob_begin,
                                 import_blob_data, import_blob_end, im };

    int rc = read_again(im, b, first, &h, e);

    if (rc != 0)
        return rc;
    if (changed_nothing(im->res)) {
        store_rollback(im->s);           /* the store stays as it was */
        im->res->unchanged = 1;
        return 0;
    }
    if (store_import_clashes(&im->res->clashes, im->res->clash_rid,
                             sizeof im->res->clash_rid, im->res->clash_subject,
                             sizeof im->res->clash_subject, im->s, im->import_id, e) != 0) {
        store_rollback(im->s);
        return -1;
    }
    if (store_commit(im->s, e) != 0)
        return -1;
    im->res->saved = 1;
    /* A replaced or deleted record's old text: out of the write-ahead log too. */
    return im->res->replaced > 0 || im->res->notices > 0 || im->res->removals > 0 ||
           im->res->deletions_idle > 0 ? db_checkpoint_after(im->s, "the bundle was imported", e) : 0;
}

/* Pass 1: the header's format and each record, for refused_again (a
 * bundle imported before); kept in json's wiped memory (intake/main.c). */
static int note_header(void *ctx, json_t *doc, struct err *e)
{
    struct importer *im = ctx;

    (void)e;
    im->format = content_format(doc);
    return 0;
}

static int note_record(void *ctx, json_t *rec, struct err *e)
{
    struct importer *im = ctx;

    if (json_array_append(im->seen, rec) != 0)
        return err_set(e, EXIT_INPUT, "out of memory");
    return 0;
}

/* A bundle imported before is refused again for what refused its
 * records then, or since: a record a later notice of its sender
 * withdrew or deleted (db_tombstone_check, as any bundle bringing it
 * back), and a stale copy, a conflict or a record held from elsewhere:
 * all found by importing its records again, under the import that first
 * brought it, in a transaction always rolled back, so that every refusal
 * of a bundle seen before reads "refused again (N ...)".  0 when none is
 * refused ("imported before"); -1 with e: EXIT_AUTH with the first
 * refusal. */
static int refused_again(struct importer *im, const unsigned char *hash, size_t hashlen,
                         struct err *e)
{
    const struct db_val v[] = { DB_BLOB(hash, hashlen) };
    struct import_result kept = *im->res;
    size_t i;
    json_t *r;
    int rc = 0;

    if (db_int(&im->import_id, im->s, "SELECT id FROM import WHERE hash = ?1", v, DB_N(v),
               "reading the imports", e) <= 0 || store_begin(im->s, e) != 0)
        return -1;
    json_array_foreach(im->seen, i, r)
        if ((rc = import_record(im, r, e)) != 0)
            break;
    store_rollback(im->s);
    if (rc != 0)
        return -1;
    kept.refused = im->res->refused;
    memcpy(kept.refusal, im->res->refusal, sizeof kept.refusal);
    *im->res = kept;
    if (kept.refused == 0)
        return 0;
    return err_set(e, EXIT_AUTH, "%.400s: refused again (%zu record(s) refused in all); the "
                   "bundle was imported before, and nothing was added", kept.refusal,
                   kept.refused);
}

int store_import(struct import_result *res, struct store *s, const char *path,
                 int accept_unknown, struct err *e)
{
    struct importer im = { .s = s, .res = res, .seen = json_array() };
    struct content_handler check = { .header = note_header, .record = note_record, .ctx = &im };
    struct opened_bundle b;
    struct bundle_info info;
    int rc = -1;

    memset(res, 0, sizeof *res);
    if (im.seen == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    if (store_bundle_open(&b, s, path, e) == 0)
        b.passes = 2;   /* verified once without keeping anything, then imported */
    if (b.fd < 0 || store_bundle_read(&b, &check, &info, e) != 0 ||
        store_contact_by_sign_pk(res->sender, sizeof res->sender, &res->verified, s,
                                 info.sender_pk, e) != 0)
        goto out;
    sodium_bin2hex(res->sender_key, sizeof res->sender_key, info.sender_pk,
                   sizeof info.sender_pk);
    memcpy(im.sender_pk, info.sender_pk, sizeof im.sender_pk);
    sodium_bin2hex(res->hash, sizeof res->hash, info.hash, sizeof info.hash);
    if (res->sender[0] == '\0' && !accept_unknown) {
        err_set(e, EXIT_AUTH, "the bundle was signed by an unknown sender (signing key %s); "
                "add their card with 'intake contact add' or use --accept-unknown-sender",
                res->sender_key);
        goto out;
    }
    if (store_import_seen(&res->seen, s, info.hash, sizeof info.hash, e) != 0)
        goto out;
    snprintf(im.suffix, sizeof im.suffix, "@%.8s", res->sender_key);
    if (!res->seen && (rc = import_pass2(&im, &b, &info, e)) < 0)
        goto out;
    if (res->seen) {
        rc = refused_again(&im, info.hash, sizeof info.hash, e);
        goto out;
    }
    if (rc == 0 && res->refused > 0 && res->added + res->kept + res->replaced == 0)
        rc = err_set(e, EXIT_AUTH, "%.400s: refused (%zu record(s) refused in all); no record "
                     "of the bundle was imported", res->refusal, res->refused);
    else if (rc == 0 && res->refused > 0)
        rc = err_set(e, EXIT_AUTH, "%.400s: refused (%zu record(s) refused in all); the rest of "
                     "the bundle was imported", res->refusal, res->refused);
out:
    json_decref(im.seen);
    json_decref(im.last);
    store_bundle_close(&b);
    return rc;
}
