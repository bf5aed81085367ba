/* One record as it leaves an export (store/export_int.h): whether it may
 * leave (store_record_eligible, the rule redact and export share), its
 * redaction, and the document a recipient gets (redacted text, review
 * flags, consent), kept in the pipeline or blocked with why. The walk in
 * store/export.c calls export_check_record for each selected record. */
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
#include "store/known.h"
#include "store/notice.h"
#include "store/origin.h"
#include "store/subject.h"
#include "util/day.h"
#include "util/fileio.h"
#include "util/intl.h"
#include "util/progress.h"


static const char oom[] = N_("out of memory for the bundle contents");   /* err_set translates */

/* ---- One record as it leaves ---- */

/* Allowed texts by their key (normalise.h), as the redactor matches them
 * to review flags: "Young- ho" allowed resolves the flag over "Young-\nho",
 * whose date the manifest then shows too (report-adv12g A-15). */
static int take_allowed(void *ctx, const struct allowed_row *r, struct err *e)
{
    char *key;
    size_t keylen;
    int rc;

    if (normalise_key(&key, &keylen, r->text, strlen(r->text), e) != 0)
        return -1;
    rc = json_object_set_new(ctx, key, json_string(r->added)) == 0 ? 0
         : err_set(e, EXIT_INPUT, oom);
    secmem_free(key);
    return rc;
}

static json_t *flag_json(const json_t *allowed, const char *field, const struct redaction *r,
                         size_t i)
{
    const struct redaction_flag *f = &r->flags[i];
    char *text = NULL;
    size_t keylen;
    json_t *when = f->allowed && normalise_key(&text, &keylen, r->text + f->start, f->len,
                                               NULL) == 0 ? json_object_get(allowed, text) : NULL;
    json_t *o = json_pack("{s:s, s:I, s:I, s:s, s:s}", "field", field,
                          "start", (json_int_t)f->start, "length", (json_int_t)f->len,
                          "kind", f->kind, "resolution", f->allowed ? "allowed" : "unresolved");

    /* the sender's pseudonym, known with the record (store/known.h) */
    if (o != NULL && f->allowed == KNOWN_PSEUDONYM)
        json_object_set_new(o, "known", json_string("pseudonym"));
    else if (o != NULL && f->allowed && when != NULL)
        json_object_set(o, "allowed", when);
    secmem_free(text);
    return o;
}

/* The field's redactions, escapes and review flags, into the manifest. */
static void add_spans(json_t *reds, json_t *escapes, json_t *flags, const json_t *allowed,
                      const char *field, const struct redaction *r)
{
    for (size_t i = 0; i < r->nitems; i++) {
        const struct redaction_item *it = &r->items[i];
        if (strcmp(it->category, "escape") == 0)
            json_array_append_new(escapes, json_pack("{s:s, s:I, s:I}", "field", field,
                                  "start", (json_int_t)it->start, "length", (json_int_t)it->len));
        else
            json_array_append_new(reds, json_pack("{s:s, s:I, s:I, s:s, s:s}", "field", field,
                                  "start", (json_int_t)it->start, "length", (json_int_t)it->len,
                                  "category", it->category, "rule", it->rule));
    }
    for (size_t i = 0; i < r->nflags; i++)
        json_array_append_new(flags, flag_json(allowed, field, r, i));
}

static json_t *record_json(const struct pipeline *p, const struct record_row *row,
                           const struct redacted_record *rr, const struct consent *c)
{
    json_t *tags = json_array(), *reds = json_array(), *flags = json_array();
    json_t *escapes = json_array();
    int exact = p->req->exact_dates;
    char date[11], field[32];

    export_date(date, sizeof date, row->date, exact);
    add_spans(reds, escapes, flags, p->allowed, "title", rr->title);
    if (rr->place != NULL)
        add_spans(reds, escapes, flags, p->allowed, "place", rr->place);
    for (size_t i = 0; i < rr->ntags; i++) {
        json_array_append_new(tags, json_string(rr->tags[i].text));
        snprintf(field, sizeof field, "tag:%zu", i);
        add_spans(reds, escapes, flags, p->allowed, field, &rr->tags[i]);
    }
    add_spans(reds, escapes, flags, p->allowed, "body", rr->body);
    return json_pack("{s:s, s:I, s:s, s:s, s:s, s:s?, s:s?, s:o, s:s, s:s, s:o, s:s, s:o, s:o, s:o}",
                     "id", row->id, "version", (json_int_t)(row->version > 0 ? row->version : 1),
                     "subject", row->subject, "pseudonym", row->pseudonym,
                     "title", rr->title->text,
                     "place", rr->place != NULL ? rr->place->text : NULL,
                     "language", row->lang, "tags", tags, "date", date,
                     "date_precision", exact ? "day" : "month", "consent", db_consent_json(c),
                     "body", rr->body->text, "redactions", reds, "escapes", escapes,
                     "review", flags);
}

/* Keeps the document of a record that may leave, and its attachments. */
/* A record whose text leaves otherwise than it last left at the same
 * version (a redaction fixed after an export: a new protected term, a
 * pseudonym renamed) leaves at a version above both, so that recipients
 * replace their copy instead of refusing it as a conflict (issue 16);
 * the record takes that version when the export is logged
 * (store_export_log). A record imported here keeps its origin's version,
 * which only the origin's own edit raises (adv17b E-9): this store's
 * redaction of it changing is a new "revision" of that version instead,
 * one above the last this store sent and the one it received. */
/* 1 if the text of doc (a record as it leaves) is not the text of row as
 * this store keeps it: its own redaction changed it (for an imported
 * record, the text as it came). */
static int redacted_here(const json_t *doc, const struct record_row *row)
{
    const char *place = json_string_value(json_object_get(doc, "place"));
    const json_t *tags = json_object_get(doc, "tags");

    if (strcmp(json_string_value(json_object_get(doc, "title")), row->title != NULL ? row->title : "") != 0 ||
        strcmp(json_string_value(json_object_get(doc, "body")), row->body != NULL ? row->body : "") != 0 ||
        strcmp(place != NULL ? place : "", row->place != NULL ? row->place : "") != 0 ||
        json_array_size(tags) != row->ntags)
        return 1;
    for (size_t i = 0; i < row->ntags; i++)
        if (strcmp(json_string_value(json_array_get(tags, i)), row->tags[i]) != 0)
            return 1;
    return 0;
}

static int raise_if_changed(struct pipeline *p, const struct record_row *row, json_t *doc,
                            struct err *e)
{
    const char *id = json_string_value(json_object_get(doc, "id"));
    long version = (long)json_integer_value(json_object_get(doc, "version"));
    const struct db_val v[] = { DB_TEXT(id) };
    unsigned char now[EXPORT_DIGESTBYTES];
    sqlite3_stmt *st;
    int rc, differs = 0;
    long last = 0, last_rev = 0, rev = 0, imported = 0, next;

    if (export_sent_digest(now, doc, e) != 0 ||
        db_query(&st, p->s, "SELECT version, digest, revision FROM export_record WHERE rid = ?1"
                 " AND digest IS NOT NULL ORDER BY export_id DESC LIMIT 1", v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, p->s, "reading the exports", e);
    if (rc > 0 && sqlite3_column_bytes(st, 1) == EXPORT_DIGESTBYTES) {
        last = (long)sqlite3_column_int64(st, 0);
        last_rev = (long)sqlite3_column_int64(st, 2);
        differs = sodium_memcmp(now, sqlite3_column_blob(st, 1), sizeof now) != 0;
    }
    sqlite3_finalize(st);
    if (rc < 0 ||
        db_int(&imported, p->s, "SELECT 1 FROM record r JOIN record_origin o ON o.record_id ="
               " r.id WHERE r.rid = ?1", v, DB_N(v), "reading the records", e) < 0 ||
        db_int(&rev, p->s, "SELECT revision FROM record WHERE rid = ?1", v, DB_N(v),
               "reading the records", e) < 0)
        return -1;
    if (imported && last <= version) {
        /* the revision it came with, one more when redacted here, and
         * never below the last this store sent of that version */
        next = rev + redacted_here(doc, row);
        if (last == version && next < last_rev + (differs ? 1 : 0))
            next = last_rev + (differs ? 1 : 0);
        if (next > 0 && json_object_set_new(doc, "revision", json_integer((json_int_t)next)) != 0)
            return err_set(e, EXIT_INPUT, oom);
        return 0;
    }
    if (differs && last >= version &&
        json_object_set_new(doc, "version", json_integer((json_int_t)last + 1)) != 0)
        return err_set(e, EXIT_INPUT, oom);
    return 0;
}

/* Notes the digest of all that leaves of the record in doc (for the
 * export log: export --not-sent-to compares it, store/export_owed.c). */
static int keep_output(struct pipeline *p, const struct record_row *row, const json_t *doc,
                       const struct redacted_record *rr, const struct consent *c, struct err *e)
{
    unsigned char out[EXPORT_DIGESTBYTES];
    char hex[2 * EXPORT_DIGESTBYTES + 1];

    if (export_output_digest(out, p, row, doc, rr, c->attachments, e) != 0)
        return -1;
    sodium_bin2hex(hex, sizeof hex, out, sizeof out);
    return json_object_set_new(p->outputs, row->id, json_string(hex)) == 0 ? 0
           : err_set(e, EXIT_INPUT, oom);
}

static int keep(struct pipeline *p, const struct record_row *row,
                const struct redacted_record *rr, const struct consent *c, struct err *e)
{
    json_t *doc = record_json(p, row, rr, c), *atts = json_array(), *pub = NULL, *a;
    size_t i;
    int rc = -1;

    if (doc == NULL || atts == NULL) {
        err_set(e, EXIT_INPUT, oom);
        goto out;
    }
    /* Whose it is travels too, after the digests (issue 16 C-4). */
    if (raise_if_changed(p, row, doc, e) != 0 || keep_output(p, row, doc, rr, c, e) != 0 ||
        db_origin_json(doc, p->s, row->id, e) != 0)
        goto out;
    p->cur = atts;
    p->rr = rr;
    if (c->attachments && store_attachment_each(p->s, row->id, export_list_attachment, p, e) != 0)
        goto out;
    /* The stored name and size stay home; recipients see attachment-N.ext. */
    if ((pub = json_deep_copy(atts)) == NULL) {
        err_set(e, EXIT_INPUT, oom);
        goto out;
    }
    json_array_foreach(pub, i, a) {
        json_object_del(a, "name");
        json_object_del(a, "stored");
        json_object_del(a, "as_stored");
        json_object_del(a, "stored_blake2b");
        json_object_del(a, "text");
        json_object_del(a, "words");
    }
    if (json_object_set_new(doc, "attachments", pub) != 0 ||
        json_array_append(p->docs, doc) != 0 || json_array_append(p->atts, atts) != 0) {
        err_set(e, EXIT_INPUT, oom);
        goto out;
    }
    rc = manifest_collect_pseudonyms(p->pseudonyms, doc, e);
out:
    p->rr = NULL;
    json_decref(doc);
    json_decref(atts);
    return rc;
}

static int block(struct pipeline *p, const struct record_row *row, const char *why,
                 const char *why_text, struct err *e)
{
    struct export_result *r = p->res;
    struct export_blocked *b = realloc(r->blocked, (r->nblocked + 1) * sizeof *b);

    if (b == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    r->blocked = b;
    b += r->nblocked;
    snprintf(b->id, sizeof b->id, "%s", row->id);
    snprintf(b->why, sizeof b->why, "%s", why);
    snprintf(b->why_text, sizeof b->why_text, "%s", why_text);
    if ((b->pseudonym = strdup(row->pseudonym)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    r->nblocked++;
    return 0;
}

/* The protected set and the allowed texts, read once, when the first
 * record is checked (or after the walk if it met none). */
int export_load_privacy(struct pipeline *p, struct err *e)
{
    if (p->loaded)
        return 0;
    p->loaded = 1;
    return store_redactor(&p->red, p->s, e) == 0 &&
           store_allowed_each(p->s, take_allowed, p->allowed, e) == 0 ? 0 : -1;
}

/* Appends to why (one line) each attachment of rr that may not leave:
 * markup and a type intake cannot strip unless keep (--keep-metadata
 * sends them as stored), text that is not UTF-8 or holds control
 * characters always (it cannot be redacted); with keep, a type intake
 * cannot strip is a file whose content intake cannot read for names
 * either (a ZIP, a PDF, gzip, bytes of no known type), so it leaves only
 * with unchecked (--send-unchecked; report adv12 A-11), never silently.
 * t->why is the media message as err_set wrote it. */
static void texts_block(char *why, size_t whylen, const struct redacted_record *rr, int keep,
                        int unchecked, int translated)
{
    for (size_t i = 0; i < rr->ntexts; i++) {
        const struct redacted_text *t = &rr->texts[i];
        size_t n = strlen(why);

        if (t->kind == TEXT_REDACTED || (t->kind == TEXT_MARKUP && keep) ||
            (t->kind == TEXT_UNSTRIPPABLE && keep && unchecked) || n + 2 >= whylen)
            continue;
        if (n > 0) {
            snprintf(why + n, whylen - n, "; ");
            n += 2;
        }
        if (t->kind == TEXT_UNSTRIPPABLE && keep)
            snprintf(why + n, whylen - n, intl_maybe("the content of attachment '%.60s' was not "
                     "checked for names (%s): it would leave as stored (--send-unchecked sends "
                     "it)", translated), t->name, t->why);
        else if (t->kind == TEXT_MARKUP || t->kind == TEXT_UNSTRIPPABLE)
            snprintf(why + n, whylen - n, intl_maybe("cannot remove the metadata of attachment "
                     "'%.60s': %s (--keep-metadata sends it as stored)", translated), t->name,
                     t->kind == TEXT_UNSTRIPPABLE ? t->why
                     : intl_maybe(mediatext_refusal(MEDIATEXT_MARKUP), translated));
        else
            snprintf(why + n, whylen - n, intl_maybe("cannot redact attachment '%.60s': %s",
                     translated), t->name,
                     intl_maybe(mediatext_refusal(t->kind == TEXT_CONTROL ? MEDIATEXT_CONTROL
                                                  : MEDIATEXT_NOT_UTF8), translated));
    }
}

/* A record whose sender's pseudonym this store's redactor would write
 * over (store/known.h, adv16b C-12) may not leave: el says why, unless
 * it says another reason already. */
static int clash_block(struct eligibility *el, struct pipeline *p, const struct record_row *row,
                       struct err *e)
{
    int clash;

    if (el->why[0] != '\0')
        return 0;
    if (store_record_clash(&clash, p->red, p->s, row, e) != 0)
        return -1;
    for (int t = 0; clash && t < 2; t++)
        snprintf(t ? el->why_text : el->why, t ? sizeof el->why_text : sizeof el->why, "%s",
                 intl_maybe("its sender's pseudonym is spelled like a name or term protected "
                            "here, which the redactor would replace in its text", t));
    return 0;
}

/* A record the walk met that is not owed (export --not-sent-to: at that
 * key as it would leave now): as if the filters had left it out. */
static int skip(struct pipeline *p)
{
    p->seen--;
    return 0;
}

/* One record: may it leave (store_record_eligible, the one rule that
 * redact and export share: consent, a recipient's refusal, review flags)?
 * Without a show callback, a record that may not leave before it is even
 * redacted is not redacted. */
int export_check_record(struct pipeline *p, const struct record_row *row, struct err *e)
{
    struct redacted_record rr;
    struct eligibility el;
    struct export_held held = { 0 };
    int rc, changed = 1;

    if (export_load_privacy(p, e) != 0 ||
        store_record_eligible(&el, p->s, row, p->req->to, p->req->nto, p->today,
                              ELIGIBLE_UNREDACTED, e) < 0)
        return -1;
    /* --not-sent-to: a record at that key at its version is owed again
     * only if what would leave of it now differs from what went; one
     * that went there at any version and may not leave now is not owed
     * (the notices say why; an edit after a withdrawal, adv19c C-2). */
    if (p->req->not_sent_to != NULL && export_at_key(&held, p, row, e) != 0)
        return -1;
    if (p->req->owed != NULL && !held.held)
        return skip(p);
    if (held.sent && el.why[0] != '\0')
        return skip(p);
    if (el.why[0] != '\0' && p->req->show == NULL)
        return block(p, row, el.why, el.why_text, e);
    if (store_record_redact(&rr, p->red, row, e) != 0)
        return -1;
    /* Text attachments leave redacted like the body (issue 13): their
     * review flags count with the body's. */
    if ((el.consent.attachments && store_record_redact_texts(&rr, p->s, p->red, row->id, e) != 0) ||
        store_record_known(&rr, p->s, row, e) != 0) {
        store_record_redacted_free(&rr);
        return -1;
    }
    rc = store_record_eligible(&el, p->s, row, p->req->to, p->req->nto, p->today,
                               rr.unresolved, e) < 0 ? -1 : 0;
    if (rc == 0)
        rc = clash_block(&el, p, row, e);
    if (rc == 0 && el.consent.attachments) {
        texts_block(el.why, sizeof el.why, &rr, p->req->keep_metadata,
                    p->req->send_unchecked, 0);
        texts_block(el.why_text, sizeof el.why_text, &rr, p->req->keep_metadata,
                    p->req->send_unchecked, 1);
    }
    if (rc == 0 && held.held) {
        json_t *doc = record_json(p, row, &rr, &el.consent);

        rc = doc == NULL ? err_set(e, EXIT_INPUT, oom)
             : export_changed(&changed, &held, p, row, doc, &rr, el.consent.attachments, e);
        json_decref(doc);
    }
    if (rc != 0)
        rc = -1;
    else if (held.held && (!changed || el.why[0] != '\0'))
        rc = skip(p);
    else if (p->req->owed != NULL)
        rc = p->req->owed(p->req->owed_ctx, row, e) == 0 ? skip(p) : -1;
    else if (p->req->show != NULL &&
             p->req->show(p->req->show_ctx, row, &rr, el.why, el.why_text, e) != 0)
        rc = -1;
    else if (el.why[0] != '\0')
        rc = block(p, row, el.why, el.why_text, e);
    else
        rc = keep(p, row, &rr, &el.consent, e);
    store_record_redacted_free(&rr);
    return rc;
}

void export_date(char *out, size_t outlen, const char *date, int exact_dates)
{
    snprintf(out, outlen < 8 || exact_dates ? outlen : 8, "%s", date);
}
