/* The export pipeline (store/export.h). One walk over the selected records
 * builds, for each record that may leave, the document a recipient gets
 * (redacted text, manifest, consent, attachment list); the audit runs over
 * exactly those documents; the writer then streams them, each followed by
 * its attachments, into the bundle. */
#include "store/export.h"
#include "store/export_int.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "crypto/card.h"
#include "crypto/secmem.h"
#include "export/audit.h"
#include "export/content.h"
#include "export/manifest.h"
#include "export/media.h"
#include "export/mediatext.h"
#include "export/mediatype.h"
#include "export/payload.h"
#include "privacy/digestset.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "store/db.h"
#include "store/eligible.h"
#include "store/export_pending.h"
#include "store/notice.h"
#include "store/subject.h"
#include "util/day.h"
#include "util/fileio.h"
#include "util/intl.h"
#include "util/progress.h"


static const char oom[] = N_("out of memory for the bundle contents");   /* err_set translates */

/* ---- Recipients ---- */

struct contact_find {
    struct card card;
    int verified;
};

static int take_contact(void *ctx, const struct contact_row *r, struct err *e)
{
    struct contact_find *f = ctx;

    f->verified = r->verified != NULL;
    return card_decode(&f->card, r->card, strlen(r->card), e);
}

/* The nto contacts' keys, in order; seal 0 (redact --to): without asking
 * about an unverified contact, which decides the sealing, not whether a
 * record may leave. */
static int resolve_recipients(struct recipients *rc, struct export_result *res,
                              struct store *s, const struct export_request *req, int seal,
                              struct err *e)
{
    size_t used = 0;

    rc->n = 0;
    for (size_t i = 0; i < req->nto; i++) {
        const char *name = req->to[i];
        struct contact_find f = { .verified = 0 };
        int n;

        if (rc->n == BUNDLE_MAX_RECIPIENTS)
            return err_set(e, EXIT_INPUT, "at most %d recipients", BUNDLE_MAX_RECIPIENTS);
        if (store_contact_each(s, name, take_contact, &f, e) != 0)
            return -1;
        for (size_t j = 0; j < rc->n; j++)
            if (memcmp(rc->keys[j], f.card.box_pk, sizeof rc->keys[j]) == 0)
                return err_set(e, EXIT_INPUT, "contact '%s' is named twice in --to", name);
        if (seal && !f.verified && (req->confirm == NULL || !req->confirm(req->confirm_ctx, name)))
            return err_set(e, EXIT_AUTH, "not sealed to unverified contact '%s'; verify it "
                           "with 'intake contact verify %s'", name, name);
        memcpy(rc->keys[rc->n++], f.card.box_pk, sizeof rc->keys[0]);
        n = snprintf(res->to + used, sizeof res->to - used, "%s%s", used ? " " : "", name);
        if (n < 0 || (size_t)n >= sizeof res->to - used)
            return err_set(e, EXIT_INPUT, "too many recipients");
        used += (size_t)n;
    }
    if (rc->n == 0)
        return err_set(e, EXIT_INPUT, "--to names no contact");
    return 0;
}

/* ---- The walk ---- */

static int count_one(void *ctx, const struct contact_row *r, struct err *e)
{
    (void)ctx;
    (void)r;
    (void)e;
    return 0;
}

/* A record that cannot be checked stops the checking but not the walk:
 * a missing or repeated id further on is still reported first, as the
 * selection's errors come before the checks' (and before any error
 * reading the protected set). */
static int take_record(void *ctx, const struct record_row *row, struct err *e)
{
    struct pipeline *p = ctx;

    (void)e;
    p->seen++;
    if (!p->failed && export_check_record(p, row, &p->failure) != 0)
        p->failed = 1;
    return 0;
}

static int check_filters(struct store *s, const struct export_request *req, struct err *e);

/* Selects and checks: every record that passes the filters (oldest
 * first), or the ids in order. */
static int walk(struct pipeline *p, struct err *e)
{
    const struct export_request *req = p->req;
    struct record_filter f = { 0 };

    f.with_body = 1;
    if (req->ids == NULL) {
        f.subject = req->subject;
        f.tag = req->tag;
        f.since = req->since;
        return check_filters(p->s, req, e) == 0 ? store_record_each(p->s, &f, take_record, p, e)
               : -1;
    }
    for (size_t i = 0; i < req->nids; i++) {
        size_t before = p->seen;

        for (size_t j = 0; j < i; j++)
            if (strcmp(req->ids[i], req->ids[j]) == 0)
                return err_set(e, EXIT_INPUT, "record %s is named twice", req->ids[i]);
        f.id = req->ids[i];
        if (store_record_each(p->s, &f, take_record, p, e) != 0)
            return -1;
        if (p->seen == before)
            return err_set(e, EXIT_INPUT, "no record with id '%s' (see 'intake list')",
                           req->ids[i]);
    }
    return 0;
}

/* A filter names a subject and a contact that exist: an empty selection
 * must mean no record, never a mistyped name. */
static int check_filters(struct store *s, const struct export_request *req, struct err *e)
{
    const struct record_row none = { 0 };

    if (req->subject != NULL && store_record_check(s, req->subject, &none, e) != 0)
        return -1;
    if (req->not_sent_to != NULL && store_contact_each(s, req->not_sent_to, count_one, NULL, e) != 0)
        return -1;
    return 0;
}

static void blocked_free(struct export_result *r)
{
    for (size_t i = 0; i < r->nblocked; i++)
        free(r->blocked[i].pseudonym);
    free(r->blocked);
    r->blocked = NULL;
    r->nblocked = 0;
}

static int filtered(const struct export_request *req)
{
    return req->subject != NULL || req->tag != NULL || req->since != NULL ||
           req->not_sent_to != NULL;
}

/* Each notice of kind scope or reconsent gets the subject's consent
 * scope now ("scope", content formats 4 and 5); one whose subject was
 * forgotten or whose consent was withdrawn since is left out (that
 * notice says it). */
static int add_scopes(json_t *notices, struct store *s, struct err *e)
{
    for (size_t i = 0; i < json_array_size(notices);) {
        json_t *n = json_array_get(notices, i);
        const char *kind = json_string_value(json_object_get(n, "kind"));
        struct consent c;

        if (strcmp(kind, "scope") != 0 && strcmp(kind, "reconsent") != 0) {
            i++;
            continue;
        }
        if (db_consent_by_uid(&c, s, json_string_value(json_object_get(n, "subject")), e) != 0)
            return -1;
        if (!c.recorded || c.withdrawn[0] != '\0') {
            json_array_remove(notices, i);
            continue;
        }
        if (json_object_set_new(n, "scope", db_consent_json(&c)) != 0)
            return err_set(e, EXIT_INPUT, oom);
        i++;
    }
    return 0;
}

static int select_and_check(struct pipeline *p, struct err *e)
{
    struct export_result *r = p->res;

    if (!p->req->notices_only && walk(p, e) != 0) {
        blocked_free(r);
        return -1;
    }
    if (p->failed || export_load_privacy(p, &p->failure) != 0) {
        if (e != NULL)
            *e = p->failure;
        return -1;
    }
    r->checked = 1;
    r->nleaving = json_array_size(p->docs);
    /* Filters that select nothing: nothing new to send, so no bundle (a
     * bare --all on an empty store still writes an empty one). */
    /* An export carries every notice owed to its recipients, sent before
     * or not (store/notice.h); notify only the new ones, unless --resend. */
    if (db_notice_json(p->notices, &p->notice_last, p->s, p->req->to, p->req->nto,
                       !p->req->notices_only || p->req->resend, e) != 0)
        return -1;
    /* redact (show) writes no bundle: no notice leaves */
    if ((p->req->show == NULL &&
         db_notice_check_mix(p->notices, &r->napart, r->apart_to, sizeof r->apart_to, p->s,
                             p->req->to, p->req->nto, p->req->notices_only, e) != 0) ||
        add_scopes(p->notices, p->s, e) != 0)
        return -1;
    r->nnotices = json_array_size(p->notices);
    if (p->req->notices_only && r->nnotices == 0) {
        long sent = 0;

        if (db_notice_count_sent(&sent, p->s, p->req->to, p->req->nto, e) != 0)
            return -1;
        if (sent > 0)
            return err_set(e, EXIT_INPUT, "no new notice is owed to %s (%ld were sent before, "
                           "not acknowledged: --resend sends them again); no bundle was written",
                           p->res->to[0] ? p->res->to : "these contacts", sent);
        if (db_notice_count_former(&sent, p->s, p->req->to, p->req->nto, e) != 0)
            return -1;
        if (sent > 0)
            return err_set(e, EXIT_INPUT, "no notice is owed to %s's present key; %ld are owed "
                           "to a key it had before (see 'intake exports'); no bundle was written",
                           p->res->to[0] ? p->res->to : "these contacts", sent);
        return err_set(e, EXIT_INPUT, "no notice is owed to %s; no bundle was written",
                       p->res->to[0] ? p->res->to : "these contacts");
    }
    if (p->seen == 0 && filtered(p->req))
        return err_set(e, EXIT_INPUT, "no record passes the filters; no bundle was written");
    if (r->nblocked > 0 && !p->req->skip_blocked)
        return err_set(e, EXIT_AUTH, "%zu record(s) may not leave; nothing was exported "
                       "(--skip-blocked leaves them out)", r->nblocked);
    if (r->nblocked > 0 && json_array_size(p->docs) == 0)
        return err_set(e, EXIT_AUTH, "every selected record may not leave (%zu, listed above); "
                       "no bundle was written", r->nblocked);
    return 0;
}

/* ---- The audit before writing (issue 6) ---- */

/* The content format the notices and records need (export/content.h),
 * the lowest that holds them, so that older readers read what they can:
 * 7 for a notice passed on with its origin, 6 for a consent scope with its counter (a record's or a notice's), 5
 * for a re-consent or a round, 4 for a changed consent scope, else 3. */
static const char *notices_format(const json_t *notices, const json_t *docs)
{
    const char *f = CONTENT_FORMAT;
    size_t i;
    json_t *n;

    json_array_foreach(notices, i, n)
        if (json_object_get(n, "origin") != NULL)
            return CONTENT_FORMAT_7;
    json_array_foreach(docs, i, n)
        if (json_object_get(n, "origin") != NULL)
            return CONTENT_FORMAT_7;
    json_array_foreach(docs, i, n)
        if (json_object_get(json_object_get(n, "consent"), "seq") != NULL)
            return CONTENT_FORMAT_6;
    json_array_foreach(notices, i, n)
        if (json_object_get(json_object_get(n, "scope"), "seq") != NULL)
            return CONTENT_FORMAT_6;
    json_array_foreach(notices, i, n) {
        const char *kind = json_string_value(json_object_get(n, "kind"));

        if (strcmp(kind, "reconsent") == 0 || strcmp(kind, "removal") == 0 ||
            json_object_get(n, "round") != NULL)
            return CONTENT_FORMAT_5;
        if (strcmp(kind, "scope") == 0)
            f = CONTENT_FORMAT_4;
    }
    return f;
}

/* The header, with the redaction manifest's bundle part: the store log's
 * head, the keyed digest set of the protected forms and the pseudonyms the
 * redactions wrote. */
static json_t *make_header(struct pipeline *p, struct err *e)
{
    char label[STORE_LABEL_MAX + 1];
    struct digestset ds;
    struct log_check lc;
    json_t *doc;

    if (store_meta_get(label, sizeof label, p->s, "label", e) != 0 ||
        store_log_verify(&lc, p->s, e) != 0) {
        if (e != NULL && e->code == EXIT_AUTH)
            snprintf(e->msg + strlen(e->msg), sizeof e->msg - strlen(e->msg),
                     "; nothing was exported (see 'intake log --verify')");
        return NULL;
    }
    doc = json_pack("{s:s, s:s, s:s, s:I, s:O}", "format", notices_format(p->notices, p->docs),
                    "created", p->created,
                    "sender_label", label, "records", (json_int_t)json_array_size(p->docs),
                    "notices", p->notices);
    digestset_init(&ds);
    /* A bundle of notices alone holds no text to check against the
     * protected forms: its digest set is empty (issue 16, F2). */
    if (doc == NULL ||
        (!p->req->notices_only && digestset_add_redactor(&ds, p->red, WORDS_SEEN, e) != 0) ||
        manifest_write_header(doc, lc.seq, lc.head, &ds, json_incref(p->pseudonyms), e) != 0) {
        if (doc == NULL)
            err_set(e, EXIT_INPUT, oom);
        json_decref(doc);
        doc = NULL;
    }
    digestset_free(&ds);
    return doc;
}

/* The text attachments about to leave, as the audit reads them (the
 * words each one's list entry carries: export_media.c, list_text and
 * kept_words), into *out (malloc; the strings are p's). */
static int leaving_texts(struct audit_text **out, size_t *n, const struct pipeline *p,
                         struct err *e)
{
    size_t i, j;
    json_t *list, *a;

    *out = NULL;
    *n = 0;
    json_array_foreach(p->atts, i, list) {
        const char *id = json_string_value(json_object_get(json_array_get(p->docs, i), "id"));

        json_array_foreach(list, j, a) {
            struct audit_text *t;

            const json_t *words = json_object_get(a, "words");    /* issue 12 */

            if (!json_is_string(words))
                continue;
            if ((t = realloc(*out, (*n + 1) * sizeof *t)) == NULL) {
                free(*out);
                *out = NULL;
                return err_set(e, EXIT_INPUT, oom);
            }
            *out = t;
            t[*n].record = id;
            t[*n].file = json_string_value(json_object_get(a, "file"));
            t[*n].text = json_string_value(words);
            (*n)++;
        }
    }
    return 0;
}

/* The audit a recipient would run, on what is about to leave: a FAIL
 * stops the export (EXIT_AUTH), its report in res->report. */
static int audit(struct pipeline *p, json_t *header, struct err *e)
{
    struct audit_report rep = { 0 };
    struct audit_text *texts = NULL;
    size_t ntexts = 0;
    int rc = -1;

    if (leaving_texts(&texts, &ntexts, p, e) != 0 ||
        manifest_audit_texts(&rep, header, p->docs, texts, ntexts, p->today, AUDIT_K_DEFAULT,
                             e) != 0 ||
        audit_attachments(&rep, p->media, p->nmedia, e) != 0)
        goto out;
    p->res->verdict = audit_verdict(&rep);
    if (p->res->verdict != AUDIT_PASS)
        p->res->report = audit_render_unquoted(&rep, 0);
    audit_first_fail(p->res->first_fail, sizeof p->res->first_fail, &rep);
    if (p->res->verdict == AUDIT_FAIL) {
        err_set(e, EXIT_AUTH, "the audit of this export FAILED (report above); nothing "
                "was exported");
        goto out;
    }
    rc = 0;
out:
    free(texts);
    audit_report_free(&rep);
    return rc;
}

static int locate(struct export_result *r, const char *record, const char *file,
                  struct err *e)
{
    struct export_located *l = realloc(r->located, (r->nlocated + 1) * sizeof *l);

    if (l == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    r->located = l;
    l += r->nlocated++;
    snprintf(l->record, sizeof l->record, "%s", record);
    snprintf(l->file, sizeof l->file, "%s", file);
    return 0;
}

/* The header, then each record followed by its attachments. */
static int write_records(struct pipeline *p, struct bundle_writer *w, const json_t *header,
                         struct err *e)
{
    struct payload_writer pw;
    size_t i, j;
    json_t *doc, *a;

    payload_writer_init(&pw, bundle_writer_sink, w);
    if (content_put_json(&pw, PAYLOAD_JSON, header, e) != 0)
        return -1;
    json_array_foreach(p->docs, i, doc) {
        const char *id = json_string_value(json_object_get(doc, "id"));
        json_t *atts = json_array_get(p->atts, i);

        json_array_foreach(atts, j, a)
            if (json_is_true(json_object_get(a, "gps")) &&
                locate(p->res, id, json_string_value(json_object_get(a, "file")), e) != 0)
                return -1;
        if (content_put_json(&pw, PAYLOAD_JSON, doc, e) != 0 ||
            export_write_attachments(p, &pw, id, atts, e) != 0)
            return -1;
    }
    return payload_writer_finish(&pw, e);
}

/* The records that leave, with their versions, for the export log. */
static int leaving(struct export_item **out, const json_t *docs, const json_t *outputs,
                   struct err *e)
{
    struct export_item *it = calloc(json_array_size(docs) + 1, sizeof *it);
    size_t i;
    json_t *doc;

    if (it == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    json_array_foreach(docs, i, doc) {
        it[i].id = json_string_value(json_object_get(doc, "id"));
        it[i].version = (long)json_integer_value(json_object_get(doc, "version"));
        it[i].revision = (long)json_integer_value(json_object_get(doc, "revision"));
        it[i].has_digest = 1;
        if (export_sent_digest(it[i].digest, doc, e) != 0) {
            free(it);
            return -1;
        }
        const char *hex = json_string_value(json_object_get(outputs, it[i].id));
        it[i].has_output = hex != NULL &&
                           sodium_hex2bin(it[i].output, sizeof it[i].output, hex, strlen(hex),
                                          NULL, NULL, NULL) == 0;
    }
    *out = it;
    return 0;
}

/* The size of the file being written on fd, in bytes. */
static int file_size(uint64_t *size, int fd, struct err *e)
{
    struct stat st;

    if (fstat(fd, &st) != 0)
        return err_set(e, EXIT_INPUT, "cannot read the bundle's size: %s", strerror(errno));
    *size = (uint64_t)st.st_size;
    return 0;
}

/* About what the bundle will take, in bytes, for the progress shown while
 * it is written: its attachments (most of it), a third more as armor. */
static uint64_t bundle_estimate(const struct pipeline *p)
{
    uint64_t total = 0;
    size_t i, j;
    json_t *atts, *a;

    json_array_foreach(p->atts, i, atts)
        json_array_foreach(atts, j, a)
            total += (uint64_t)json_integer_value(json_object_get(a, "size"));
    return p->req->armor ? total / 3 * 4 : total;
}

/* Where the bundle is written: a new file (af), or with to_stdout an
 * unnamed temporary one, copied to standard output once the export is
 * logged. */
static int open_output(struct atomic_file *af, const struct export_request *req,
                       char *path, size_t pathlen, struct err *e)
{
    af->fd = -1;
    if (req->to_stdout) {
        snprintf(path, pathlen, "standard output");
        return temp_file_anonymous(&af->fd, e);
    }
    if (req->out != NULL)
        snprintf(path, pathlen, "%s", req->out);
    else   /* a placeholder until the hash names the file */
        snprintf(path, pathlen, "%08x%08x.new", randombytes_random(), randombytes_random());
    return atomic_open(af, path, 0, e);
}

static void drop_output(struct atomic_file *af, const struct export_request *req)
{
    if (!req->to_stdout)
        atomic_abort(af);
    else if (af->fd >= 0)
        close(af->fd);
    af->fd = -1;
}

/* The name the bundle (af) will keep: with -o, that; else its hash
 * (nothing about the content, nor the program). */
static void final_name(struct atomic_file *af, const struct export_request *req, char *path,
                       size_t pathlen, const char *hex)
{
    if (req->to_stdout || req->out != NULL)
        return;
    snprintf(path, pathlen, "%.16s.%s", hex, req->armor ? "asc" : "bundle");
    snprintf(af->path, sizeof af->path, "%s", path);
}

/* Logs which attachment left with the export just logged (its row the
 * highest): the hashes of what is stored and of what left, per record,
 * for a later removal notice (store/notice.h). */
static int log_attachments(struct pipeline *p, struct err *e)
{
    size_t i, j;
    json_t *atts, *a;

    json_array_foreach(p->atts, i, atts) {
        const char *rid = json_string_value(json_object_get(json_array_get(p->docs, i), "id"));

        json_array_foreach(atts, j, a) {
            unsigned char stored[ATTACHMENT_HASHBYTES], sent[ATTACHMENT_HASHBYTES];
            size_t n1 = 0, n2 = 0;

            if (sodium_hex2bin(stored, sizeof stored, json_string_value(json_object_get(a,
                               "stored_blake2b")), 2 * sizeof stored, NULL, &n1, NULL) != 0 ||
                sodium_hex2bin(sent, sizeof sent, json_string_value(json_object_get(a, "blake2b")),
                               2 * sizeof sent, NULL, &n2, NULL) != 0 ||
                n1 != sizeof stored || n2 != sizeof sent)
                return err_set(e, EXIT_INPUT, "a bad attachment hash");
            const struct db_val v[] = {
                DB_TEXT(rid), DB_BLOB(stored, sizeof stored), DB_BLOB(sent, sizeof sent),
            };
            if (db_run(p->s, "INSERT OR IGNORE INTO export_attachment(export_id, rid, stored, sent)"
                       " VALUES ((SELECT max(id) FROM export), ?1, ?2, ?3)", v, DB_N(v),
                       "recording the export", e) != 0)
                return -1;
        }
    }
    return 0;
}

/* The export is logged, but its bundle could not be named (e says why;
 * atomic_commit removed what it had named): it is taken back now, as the
 * next command would, and e says what the store holds.  Never "nothing
 * was exported": the log has changed (docs/FORMAT.md "Exports"). */
static void not_named(struct export_pending *pp, struct store *s, const char *path,
                      struct err *e)
{
    char why[sizeof e->msg];
    struct err later = { 0 };
    int rc;

    snprintf(why, sizeof why, "%s", e->msg);
    /* The removal made durable where the disk allows: a name that came
     * back after a power cut would be a bundle the store took back. */
    (void)fsync_parent(path, &later);
    rc = export_pending_settle(pp, s, &later);
    if (rc == 1)
        err_set(e, EXIT_INPUT, "the bundle could not be put in place (%s); its export was "
                "logged, then taken back ('intake log' shows export.undone): no bundle was "
                "left, and its records and notices count as not sent", why);
    else if (rc == 2)
        err_set(e, EXIT_INPUT, "the bundle could not be put in place cleanly (%s), yet it is "
                "at %s, whole, and its export is logged; its name may not survive a power "
                "cut: check that it is still there before you send it", why, path);
    else
        err_set(e, EXIT_INPUT, "the bundle could not be put in place (%s), and no bundle was "
                "left; its export is logged and could not be taken back now (%s): the next "
                "intake command takes it back", why, later.msg);
}

/* Logs the export (the write lock held from its race check to the
 * commit), then names the bundle.  A file's export is logged with a
 * pending mark before the file gets its name, and the mark dropped after
 * (store/export_pending.h): a bundle that has its name is always one the
 * store logged (adv14 F7), and a logged export whose bundle a kill left
 * unnamed is taken back by the next command (adv35f F-1). */
static int log_and_name(struct pipeline *p, struct atomic_file *af, const unsigned char *hash,
                        const char *hex, uint64_t size, const struct export_item *items,
                        struct err *e)
{
    const struct export_request *req = p->req;
    struct export_pending pp = { .lock = -1 };
    int r = -1;

    if ((!req->to_stdout && export_pending_open(&pp, p->s, e) != 0) || store_begin(p->s, e) != 0)
        goto out;
    /* A change committed since the export's first read refuses it
     * (store/export_race.c). */
    if (export_race_check(p, e) != 0 ||
        store_export_log(p->s, req->to, req->nto, items, json_array_size(p->docs), hash,
                         BUNDLE_HASHBYTES, size, e) != 0 || log_attachments(p, e) != 0 ||
        store_log(p->s, "export", hex, e) != 0 ||
        (req->to_stdout ? db_notice_sent(p->s, req->to, req->nto, p->notice_last, e)
                        : export_pending_mark(&pp, p->s, af->path, p->notice_last, e)) != 0 ||
        (!req->to_stdout && atomic_sync(af, e) != 0)) {
        store_rollback(p->s);
        goto out;
    }
    /* Standard output is written before the commit: when it fails (a
     * closed pipe, a full disk), nothing is logged, so the records and
     * notices are still due and 'export --not-sent-to' offers them again. */
    if (req->to_stdout && fd_copy(STDOUT_FILENO, af->fd, e) != 0) {
        char why[sizeof e->msg];
        snprintf(why, sizeof why, "%s", e->msg);
        store_rollback(p->s);
        err_set(e, EXIT_INPUT, "standard output failed (%s): nothing was exported or logged "
                "(what reached it is a cut bundle, which will not open)", why);
        goto out;
    }
    if (store_commit(p->s, e) != 0) {
        if (req->to_stdout) {
            char why[sizeof e->msg];
            snprintf(why, sizeof why, "%s", e->msg);
            err_set(e, EXIT_INPUT, "the bundle went to standard output, but its export could "
                    "not be logged (%s): it is not counted as sent", why);
        }
        goto out;
    }
    if (req->to_stdout) {
        r = 0;
        goto out;
    }
    if (atomic_commit(af, e) != 0) {
        not_named(&pp, p->s, af->path, e);
        goto out;
    }
    /* Named: the export is done.  A failure to mark its notices sent
     * leaves the mark to the next command, which finds the bundle and
     * does it (until then the notices are offered again: harmless). */
    {
        struct err later = { 0 };
        (void)export_pending_done(&pp, p->s, req->to, req->nto, &later);
    }
    r = 0;
out:
    export_pending_close(&pp, p->s);
    return r;
}

/* The bundle goes to a temporary file, made durable; the export is
 * recorded in the store (with standard output, after the copy to it
 * succeeded), then the file is moved into place. */
static int seal_and_record(struct pipeline *p, const struct recipients *rc,
                           const json_t *header, struct err *e)
{
    const struct export_request *req = p->req;
    char *path = p->res->path, hex[2 * BUNDLE_HASHBYTES + 1];
    struct export_item *items = NULL;
    uint64_t size = 0;
    size_t pathlen = sizeof p->res->path;
    unsigned char *sk = secmem_alloc(crypto_sign_SECRETKEYBYTES + crypto_box_SECRETKEYBYTES);
    unsigned char hash[BUNDLE_HASHBYTES];
    struct bundle_writer *w = NULL;
    struct progress_ticker t;
    struct atomic_file af = { .fd = -1 };
    int r = -1;

    if (sk == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    if (store_device_secret(sk, sk + crypto_sign_SECRETKEYBYTES, p->s, e) != 0 ||
        open_output(&af, req, path, pathlen, e) != 0)
        goto out;
    progress_ticker_start(&t, &p->s->watcher, 0, bundle_estimate(p), progress_offset, &af.fd);
    r = bundle_writer_open(&w, af.fd, req->armor, sk, rc->keys, rc->n, e) != 0 ||
        write_records(p, w, header, e) != 0 || bundle_writer_close(w, hash, e) != 0 ? -1 : 0;
    progress_ticker_stop(&t);
    if (r != 0) {                 /* a record or attachment deleted meanwhile is */
        struct err why = { 0 };   /* not damage (adv17b E-18) */

        if (export_race_check(p, &why) != 0 && why.msg[0] != '\0' && e != NULL)
            *e = why;
        goto out;
    }
    r = -1;
    if (file_size(&size, af.fd, e) != 0 || leaving(&items, p->docs, p->outputs, e) != 0)
        goto out;
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    final_name(&af, req, path, pathlen, hex);
    if (log_and_name(p, &af, hash, hex, size, items, e) != 0)
        goto out;
    p->res->nexported = json_array_size(p->docs);
    r = 0;
out:
    bundle_writer_free(w);        /* its threads use af.fd until they stop */
    drop_output(&af, req);
    secmem_free(sk);
    free(items);
    if (r == 0)
        p->res->size = size;
    return r;
}

/* ---- The pipeline ---- */

static int run(struct pipeline *p, int seal, struct err *e)
{
    struct recipients rc;
    json_t *header;
    int r;

    if (export_race_mark(p, e) != 0 ||
        ((seal || p->req->nto > 0) && resolve_recipients(&rc, p->res, p->s, p->req, seal, e) != 0) ||
        select_and_check(p, e) != 0 || (header = make_header(p, e)) == NULL)
        return -1;
    r = audit(p, header, e) == 0 && (!seal || seal_and_record(p, &rc, header, e) == 0) ? 0 : -1;
    json_decref(header);
    if (r == 0)
        store_redactor_keep(p->s, p->red);
    return r;
}

static int pipeline(struct export_result *res, struct store *s, const struct export_request *req,
                    int seal, struct err *e)
{
    struct pipeline p;
    int r = -1;

    memset(res, 0, sizeof *res);
    memset(&p, 0, sizeof p);
    p.s = s;
    p.req = req;
    p.res = res;
    day_consent(p.today);
    db_today(p.created, sizeof p.created);
    p.allowed = json_object();
    p.docs = json_array();
    p.atts = json_array();
    p.pseudonyms = json_array();
    p.notices = json_array();
    p.outputs = json_object();
    if (p.allowed == NULL || p.docs == NULL || p.atts == NULL || p.pseudonyms == NULL ||
        p.notices == NULL || p.outputs == NULL)
        err_set(e, EXIT_INPUT, "out of memory");
    else if (req->owed != NULL) {          /* store_export_owed_each: the walk alone */
        r = walk(&p, e);
        if (r == 0 && p.failed) {
            if (e != NULL)
                *e = p.failure;
            r = -1;
        }
    } else if (export_pending_resolve(s, e) >= 0)   /* an earlier one of this session */
        r = run(&p, seal, e);
    json_decref(p.allowed);
    json_decref(p.docs);
    json_decref(p.atts);
    json_decref(p.pseudonyms);
    json_decref(p.notices);
    json_decref(p.outputs);
    free(p.media);
    redactor_free(p.red);
    return r;
}

int store_export(struct export_result *res, struct store *s,
                 const struct export_request *req, struct err *e)
{
    return pipeline(res, s, req, 1, e);
}

int store_export_owed_each(struct store *s, const char *contact, export_owed_fn fn, void *ctx,
                           struct err *e)
{
    const char *to[] = { contact };
    struct export_request req = { 0 };
    struct export_result res;
    int r;

    req.to = to;
    req.nto = 1;
    req.not_sent_to = contact;
    req.owed = fn;
    req.owed_ctx = ctx;
    r = pipeline(&res, s, &req, 0, e);
    export_result_free(&res);
    return r;
}

int store_export_check(struct export_result *res, struct store *s,
                       const struct export_request *req, struct err *e)
{
    return pipeline(res, s, req, 0, e);
}

void export_result_free(struct export_result *res)
{
    blocked_free(res);
    free(res->located);
    res->located = NULL;
    res->nlocated = 0;
    secmem_wipe_free(res->report);
    res->report = NULL;
}
