/* export: redacted records and permitted attachments, sealed to contacts. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "intake/cli.h"
#include "intake/commands.h"
#include "crypto/card.h"
#include "crypto/secmem.h"
#include "export/bundle.h"
#include "export/audit.h"
#include "export/content.h"
#include "privacy/digestset.h"
#include "export/manifest.h"
#include "export/payload.h"
#include "privacy/redact.h"
#include "store/store.h"
#include "util/fileio.h"
#include "util/prompt.h"

#define MAX_IDS 4096

struct export_opts {
    char *to;                            /* NAME[,NAME...], split in place */
    const char *out;
    int all, armor, exact, skip;
    char **ids;
    size_t nids;
};

struct recipients {
    unsigned char keys[BUNDLE_MAX_RECIPIENTS][crypto_box_PUBLICKEYBYTES];
    const char *names[BUNDLE_MAX_RECIPIENTS];
    size_t n;
    char list[BUNDLE_MAX_RECIPIENTS * (CONTACT_NAME_MAX + 2)];
};

/* One selected record: its row (copied), whether it may leave and why not. */
struct selected {
    char id[RECORD_ID_CHARS + 1];
    char *pseudonym;
    int blocked;
};

struct selection {
    struct selected *rec;
    size_t n, cap;
};

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char export_usage[] =
    "intake export --to NAME[,NAME...] (--all | RECORD...) [-o FILE] [--armor] [--exact-dates] [--skip-blocked]";

static int parse_export(struct export_opts *o, int argc, char **argv)
{
    static const struct option opts[] = {
        { "to", required_argument, NULL, 't' }, { "output", required_argument, NULL, 'o' },
        { "all", no_argument, NULL, 'a' }, { "armor", no_argument, NULL, 'r' },
        { "exact-dates", no_argument, NULL, 'x' }, { "skip-blocked", no_argument, NULL, 's' },
        { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
    };
    int c, seen[2] = { 0 };

    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 't': if (cli_once("export", "to", &seen[0])) return EXIT_INPUT; o->to = optarg; break;
        case 'o': if (cli_once("export", "output", &seen[1])) return EXIT_INPUT; o->out = optarg; break;
        case 'a': o->all = 1; break;
        case 'r': o->armor = 1; break;
        case 'x': o->exact = 1; break;
        case 's': o->skip = 1; break;
        case 'h': cli_print_usage(stdout, export_usage); return -1;
        default: return cli_usage_error("export", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (o->to == NULL || o->to[0] == '\0')
        return cli_usage_error("export", "export needs --to NAME[,NAME...]");
    o->ids = argv + optind;
    o->nids = (size_t)(argc - optind);
    if (o->all == (o->nids > 0))
        return cli_usage_error("export", "give either --all or RECORD ids, not %s",
                               o->all ? "both" : "neither");
    if (o->nids > MAX_IDS)
        return cli_usage_error("export", "at most %d RECORD ids; use --all", MAX_IDS);
    return 0;
}

struct contact_find {
    struct card card;
    int found, verified;
};

static int take_contact(void *ctx, const struct contact_row *r, struct err *e)
{
    struct contact_find *f = ctx;

    f->found = 1;
    f->verified = r->verified != NULL;
    return card_decode(&f->card, r->card, strlen(r->card), e);
}

/* Asks on a terminal; elsewhere warns. 0 to go on, -1 to stop. */
static int confirm_unverified(const char *name, struct err *e)
{
    char q[256];

    if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO)) {
        fprintf(stderr, "intake: warning: contact '%s' is not verified: compare safety "
                "numbers with 'intake contact verify %s'\n", name, name);
        return 0;
    }
    snprintf(q, sizeof q, "Contact '%s' is not verified (its key may not be theirs). "
             "Seal to it anyway? [y/N] ", name);
    if (prompt_confirm(q))
        return 0;
    return err_set(e, EXIT_AUTH, "not sealed to unverified contact '%s'; verify it with "
                   "'intake contact verify %s'", name, name);
}

static int resolve_recipients(struct recipients *rc, struct store *s, char *to,
                              struct err *e)
{
    size_t used = 0;

    rc->n = 0;
    for (char *name = strtok(to, ","); name != NULL; name = strtok(NULL, ",")) {
        struct contact_find f = { .found = 0 };

        if (rc->n == BUNDLE_MAX_RECIPIENTS)
            return err_set(e, EXIT_INPUT, "at most %d recipients", BUNDLE_MAX_RECIPIENTS);
        if (store_contact_each(s, name, take_contact, &f, e) != 0)
            return -1;
        for (size_t i = 0; i < rc->n; i++)
            if (memcmp(rc->keys[i], f.card.box_pk, sizeof rc->keys[i]) == 0)
                return err_set(e, EXIT_INPUT, "contact '%s' is named twice in --to", name);
        if (!f.verified && confirm_unverified(name, e) != 0)
            return -1;
        memcpy(rc->keys[rc->n], f.card.box_pk, sizeof rc->keys[0]);
        rc->names[rc->n++] = name;
        used += (size_t)snprintf(rc->list + used, sizeof rc->list - used, "%s%s",
                                 used ? " " : "", name);
    }
    if (rc->n == 0)
        return err_set(e, EXIT_INPUT, "--to names no contact");
    return 0;
}

static int select_one(void *ctx, const struct record_row *r, struct err *e)
{
    struct selection *sel = ctx;

    if (sel->n == sel->cap) {
        size_t cap = sel->cap ? 2 * sel->cap : 64;
        struct selected *m = realloc(sel->rec, cap * sizeof *m);
        if (m == NULL)
            return err_set(e, EXIT_INPUT, "out of memory");
        sel->rec = m;
        sel->cap = cap;
    }
    snprintf(sel->rec[sel->n].id, sizeof sel->rec[0].id, "%s", r->id);
    sel->rec[sel->n].pseudonym = strdup(r->pseudonym);
    sel->rec[sel->n].blocked = 0;
    if (sel->rec[sel->n].pseudonym == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    sel->n++;
    return 0;
}

static int select_records(struct selection *sel, struct store *s,
                          const struct export_opts *o, struct err *e)
{
    struct record_filter f = { 0 };

    if (o->all)
        return store_record_each(s, &f, select_one, sel, e);
    for (size_t i = 0; i < o->nids; i++) {
        size_t before = sel->n;

        for (size_t j = 0; j < i; j++)
            if (strcmp(o->ids[i], o->ids[j]) == 0)
                return err_set(e, EXIT_INPUT, "record %s is named twice", o->ids[i]);
        f.id = o->ids[i];
        if (store_record_each(s, &f, select_one, sel, e) != 0)
            return -1;
        if (sel->n == before)
            return err_set(e, EXIT_INPUT, "no record with id '%s' (see 'intake list')", o->ids[i]);
    }
    return 0;
}

static void selection_free(struct selection *sel)
{
    for (size_t i = 0; i < sel->n; i++)
        free(sel->rec[i].pseudonym);
    free(sel->rec);
}

static void today(char *out, size_t len)
{
    time_t t = time(NULL);
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(out, len, "%Y-%m-%d", &tm);
}

/* --- one record as it leaves --- */

struct record_out {
    struct store *s;
    const struct redactor *red;
    const struct export_opts *o;
    struct payload_writer *pw;
    int attachments_ok;
    size_t nfiles;                       /* attachment-N numbering per bundle */
    json_t *atts;                        /* the record's attachment list */
    json_t *doc;                         /* the record, set by record_json */
    struct redacted_record rr;
    int have_rr;
    json_t *header;                      /* audited before anything is written */
    json_t *audited;                     /* the records as audited */
    json_t *pseudonyms;                  /* those the redactions wrote */
    char *warn_report;                   /* the audit's report when it WARNs */
};

/* Allowed texts and when they were allowed, for the review flags. */
static json_t *allowed_dates;

static int take_allowed(void *ctx, const struct allowed_row *r, struct err *e)
{
    (void)ctx;
    (void)e;
    json_object_set_new(allowed_dates, r->text, json_string(r->added));
    return 0;
}

static json_t *flag_json(const char *field, const struct redaction *r, size_t i)
{
    const struct redaction_flag *f = &r->flags[i];
    char *text = secmem_strndup(r->text + f->start, f->len);
    json_t *when = text != NULL ? json_object_get(allowed_dates, text) : NULL;
    json_t *o = json_pack("{s:s, s:I, s:I, s:s, s:s}", "field", field,
                          "start", (json_int_t)f->start, "length", (json_int_t)f->len,
                          "kind", f->kind, "resolution", f->allowed ? "allowed" : "unresolved");

    if (o != NULL && f->allowed && when != NULL)
        json_object_set(o, "allowed", when);
    secmem_wipe_str(text);
    return o;
}

static void add_spans(json_t *reds, json_t *flags, const char *field,
                      const struct redaction *r)
{
    for (size_t i = 0; i < r->nitems; i++)
        json_array_append_new(reds, json_pack("{s:s, s:I, s:I, s:s, s:s}", "field", field,
                              "start", (json_int_t)r->items[i].start, "length",
                              (json_int_t)r->items[i].len, "category", r->items[i].category,
                              "rule", r->items[i].rule));
    for (size_t i = 0; i < r->nflags; i++)
        json_array_append_new(flags, flag_json(field, r, i));
}

static json_t *consent_json(const struct consent *c)
{
    return json_pack("{s:b, s:b, s:b, s:b, s:s, s:s, s:s?}", "export", c->export_ok,
                     "quote", c->quote, "publish", c->publish, "attachments", c->attachments,
                     "method", c->method, "recorded", c->date,
                     "embargo", c->embargo[0] ? c->embargo : NULL);
}

static json_t *record_json(const struct record_row *row, const struct redacted_record *rr,
                           const struct consent *c, int exact)
{
    json_t *tags = json_array(), *reds = json_array(), *flags = json_array();
    char date[11], field[32];

    snprintf(date, exact ? sizeof date : 8, "%s", row->date);
    add_spans(reds, flags, "title", rr->title);
    if (rr->place != NULL)
        add_spans(reds, flags, "place", rr->place);
    for (size_t i = 0; i < rr->ntags; i++) {
        json_array_append_new(tags, json_string(rr->tags[i].text));
        snprintf(field, sizeof field, "tag:%zu", i);
        add_spans(reds, flags, field, &rr->tags[i]);
    }
    add_spans(reds, flags, "body", rr->body);
    return json_pack("{s:s, s:s, s:s, s:s?, s:s?, s:o, s:s, s:s, s:o, s:s, s:o, s:o}",
                     "id", row->id, "pseudonym", row->pseudonym, "title", rr->title->text,
                     "place", rr->place != NULL ? rr->place->text : NULL,
                     "language", row->lang, "tags", tags, "date", date,
                     "date_precision", exact ? "day" : "month", "consent", consent_json(c),
                     "body", rr->body->text, "redactions", reds, "review", flags);
}

static const char *extension(const char *type)
{
    static const char *const map[][2] = {
        { "image/jpeg", "jpg" }, { "image/png", "png" }, { "image/gif", "gif" },
        { "image/webp", "webp" }, { "application/pdf", "pdf" }, { "audio/ogg", "ogg" },
        { "audio/flac", "flac" }, { "audio/mpeg", "mp3" }, { "audio/wav", "wav" },
        { "audio/mp4", "m4a" }, { "video/mp4", "mp4" }, { "text/plain", "txt" },
        { "application/zip", "zip" },
    };

    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i][0], type) == 0)
            return map[i][1];
    return "bin";
}

/* The attachment list of the record (names replaced: a file name can
 * identify a person). */
static int list_attachment(void *ctx, const struct attachment_row *a, struct err *e)
{
    struct record_out *ro = ctx;
    char file[48], hex[2 * ATTACHMENT_HASHBYTES + 1];

    (void)e;
    snprintf(file, sizeof file, "attachment-%zu.%s", ++ro->nfiles, extension(a->type));
    sodium_bin2hex(hex, sizeof hex, a->hash, ATTACHMENT_HASHBYTES);
    json_array_append_new(ro->atts, json_pack("{s:s, s:s, s:I, s:s, s:b, s:s}", "file", file,
                          "type", a->type, "size", (json_int_t)a->size, "blake2b", hex,
                          "gps", a->gps, "name", a->name));
    return 0;
}

static int blob_sink(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    return payload_item_write(ctx, buf, len, e);
}

static int write_attachments(struct record_out *ro, const char *record, struct err *e)
{
    size_t i;
    json_t *a;

    json_array_foreach(ro->atts, i, a) {
        json_t *head = json_pack("{s:s, s:O, s:O, s:O, s:O}", "record", record,
                                 "file", json_object_get(a, "file"), "type",
                                 json_object_get(a, "type"), "size", json_object_get(a, "size"),
                                 "blake2b", json_object_get(a, "blake2b"));
        const char *name = json_string_value(json_object_get(a, "name"));
        int rc = content_put_json(ro->pw, PAYLOAD_ATTACHMENT, head, e);

        json_decref(head);
        if (rc != 0 || payload_item_begin(ro->pw, PAYLOAD_BLOB,
                           (uint64_t)json_integer_value(json_object_get(a, "size")), e) != 0 ||
            store_attachment_read(ro->s, record, name, 0, blob_sink, ro->pw, e) != 0)
            return -1;
    }
    return 0;
}

static int put_record(void *ctx, const struct record_row *row, struct err *e)
{
    struct record_out *ro = ctx;
    struct consent c;
    size_t i;
    json_t *a;
    int rc;

    if (store_consent_get(&c, ro->s, row->pseudonym, e) != 0 ||
        store_record_redact(&ro->rr, ro->red, row, e) != 0)
        return -1;
    ro->have_rr = 1;
    ro->atts = json_array();
    if (c.attachments && store_attachment_each(ro->s, row->id, list_attachment, ro, e) != 0)
        return -1;
    ro->doc = record_json(row, &ro->rr, &c, ro->o->exact);
    if (ro->doc == NULL)
        return err_set(e, EXIT_INPUT, "out of memory for the bundle contents");
    json_array_foreach(ro->atts, i, a)
        if (json_is_true(json_object_get(a, "gps")))
            fprintf(stderr, "intake: warning: record %s: %s holds a location (EXIF GPS)\n",
                    row->id, json_string_value(json_object_get(a, "file")));
    /* The stored name stays home; recipients see attachment-N.ext. */
    json_t *pub = json_deep_copy(ro->atts);
    json_array_foreach(pub, i, a)
        json_object_del(a, "name");
    json_object_set_new(ro->doc, "attachments", pub);
    rc = content_put_json(ro->pw, PAYLOAD_JSON, ro->doc, e);
    if (rc == 0)
        rc = write_attachments(ro, row->id, e);
    return rc;
}

static void record_out_clear(struct record_out *ro)
{
    if (ro->have_rr)
        store_record_redacted_free(&ro->rr);
    ro->have_rr = 0;
    json_decref(ro->atts);
    json_decref(ro->doc);
    ro->atts = ro->doc = NULL;
}

/* --- blocking: consent and review flags --- */

static int check_one(void *ctx, const struct record_row *row, struct err *e)
{
    struct record_out *ro = ctx;
    struct consent c;
    char why[256], day[16];

    today(day, sizeof day);
    if (store_consent_get(&c, ro->s, row->pseudonym, e) != 0)
        return -1;
    consent_blocks(why, sizeof why, &c, day);
    if (why[0] == '\0') {
        if (store_record_redact(&ro->rr, ro->red, row, e) != 0)
            return -1;
        if (ro->rr.unresolved > 0)
            snprintf(why, sizeof why, "%zu review flag(s) not resolved (protect the "
                     "text as a term or run 'intake allow TEXT')", ro->rr.unresolved);
        store_record_redacted_free(&ro->rr);
    }
    if (why[0] != '\0') {
        fprintf(stderr, "intake: record %s (%s) may not leave: %s\n", row->id,
                row->pseudonym, why);
        ro->nfiles = 1;                  /* flags "blocked" to the caller */
    }
    return 0;
}

static int find_blocked(struct selection *sel, struct record_out *ro, struct err *e)
{
    struct record_filter f = { 0 };
    size_t nblocked = 0;

    f.with_body = 1;
    for (size_t i = 0; i < sel->n; i++) {
        f.id = sel->rec[i].id;
        ro->nfiles = 0;
        if (store_record_each(ro->s, &f, check_one, ro, e) != 0)
            return -1;
        sel->rec[i].blocked = ro->nfiles != 0;
        nblocked += ro->nfiles;
    }
    ro->nfiles = 0;
    if (nblocked > 0 && !ro->o->skip)
        return err_set(e, EXIT_AUTH, "%zu record(s) may not leave; nothing was exported "
                       "(--skip-blocked leaves them out)", nblocked);
    if (nblocked > 0)
        fprintf(stderr, "intake: left out %zu blocked record(s)\n", nblocked);
    return 0;
}

/* --- the bundle --- */

/* The header: with the redaction manifest's bundle part (issue 6): the
 * store log's head, the keyed digest set of the protected forms and the
 * pseudonyms the redactions wrote. */
static json_t *make_header(struct store *s, size_t n, const struct redactor *red,
                           json_t *pseudonyms, struct err *e)
{
    char label[STORE_LABEL_MAX + 1], day[16];
    struct digestset ds;
    struct log_check lc;
    json_t *doc;

    today(day, sizeof day);
    if (store_meta_get(label, sizeof label, s, "label", e) != 0 ||
        store_log_verify(&lc, s, e) != 0) {
        if (e->code == EXIT_AUTH)
            snprintf(e->msg + strlen(e->msg), sizeof e->msg - strlen(e->msg),
                     "; nothing was exported (see 'intake log --verify')");
        json_decref(pseudonyms);
        return NULL;
    }
    doc = json_pack("{s:s, s:s, s:s, s:I}", "format", CONTENT_FORMAT, "created", day,
                    "sender_label", label, "records", (json_int_t)n);
    digestset_init(&ds);
    if (doc == NULL || digestset_add_redactor(&ds, red, e) != 0 ||
        manifest_write_header(doc, lc.seq, lc.head, &ds, json_incref(pseudonyms), e) != 0) {
        if (doc == NULL)
            err_set(e, EXIT_INPUT, "out of memory for the bundle contents");
        json_decref(doc);
        doc = NULL;
    }
    json_decref(pseudonyms);
    digestset_free(&ds);
    return doc;
}

/* --- the audit before writing (issue 6) --- */

static int audit_one(void *ctx, const struct record_row *row, struct err *e)
{
    struct record_out *ro = ctx;
    struct consent c;
    json_t *doc;
    int rc;

    if (store_consent_get(&c, ro->s, row->pseudonym, e) != 0 ||
        store_record_redact(&ro->rr, ro->red, row, e) != 0)
        return -1;
    doc = record_json(row, &ro->rr, &c, ro->o->exact);
    store_record_redacted_free(&ro->rr);
    if (doc == NULL || json_array_append_new(ro->audited, doc) != 0)
        return err_set(e, EXIT_INPUT, "out of memory for the bundle contents");
    rc = manifest_collect_pseudonyms(ro->pseudonyms, doc, e);
    return rc;
}

/* Runs the audit a recipient would run on what is about to leave; a FAIL
 * stops the export (EXIT_AUTH) after the report is printed on stderr. */
static int audit_export(struct store *s, struct selection *sel, struct record_out *ro,
                        struct err *e)
{
    struct record_filter f = { 0 };
    struct audit_report rep = { 0 };
    char day[16], *text;
    size_t n = 0;
    int rc = -1, v;

    ro->audited = json_array();
    ro->pseudonyms = json_array();
    f.with_body = 1;
    for (size_t i = 0; i < sel->n; i++) {
        if (sel->rec[i].blocked)
            continue;
        n++;
        f.id = sel->rec[i].id;
        if (store_record_each(s, &f, audit_one, ro, e) != 0)
            return -1;
    }
    if ((ro->header = make_header(s, n, ro->red, json_incref(ro->pseudonyms), e)) == NULL)
        return -1;
    today(day, sizeof day);
    if (manifest_audit(&rep, ro->header, ro->audited, day, AUDIT_K_DEFAULT, e) != 0)
        goto out;
    v = audit_verdict(&rep);
    if (v == AUDIT_FAIL) {
        if ((text = audit_render_text(&rep, 0)) != NULL)
            fprintf(stderr, "%s", text);
        secmem_wipe_free(text);
        err_set(e, EXIT_AUTH, "the audit of this export FAILED (report above); nothing was exported");
        goto out;
    }
    /* A WARN is shown once the bundle is written (run_export). */
    if (v == AUDIT_WARN)
        ro->warn_report = audit_render_text(&rep, 0);
    rc = 0;
out:
    audit_report_free(&rep);
    return rc;
}

static int write_records(struct bundle_writer *w, struct store *s, struct selection *sel,
                         struct record_out *ro, struct err *e)
{
    struct payload_writer pw;
    struct record_filter f = { 0 };
    size_t n = 0;

    payload_writer_init(&pw, bundle_writer_sink, w);
    ro->pw = &pw;
    for (size_t i = 0; i < sel->n; i++)
        n += !sel->rec[i].blocked;
    (void)n;
    if (content_put_json(&pw, PAYLOAD_JSON, ro->header, e) != 0)
        return -1;
    f.with_body = 1;
    for (size_t i = 0; i < sel->n; i++) {
        int rc;

        if (sel->rec[i].blocked)
            continue;
        f.id = sel->rec[i].id;
        rc = store_record_each(s, &f, put_record, ro, e);
        record_out_clear(ro);
        if (rc != 0)
            return -1;
    }
    return payload_writer_finish(&pw, e);
}

static int ids_line(char **out, const struct selection *sel, struct err *e)
{
    char *p = malloc(sel->n * (RECORD_ID_CHARS + 1) + 1);
    size_t o = 0;

    if (p == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    p[0] = '\0';
    for (size_t i = 0; i < sel->n; i++) {
        if (sel->rec[i].blocked)
            continue;
        o += (size_t)sprintf(p + o, "%s%s", o ? " " : "", sel->rec[i].id);
    }
    *out = p;
    return 0;
}

/* The bundle goes to a temporary file; the export is recorded in the store
 * and the file moved into place, or neither happens. */
static int seal_and_record(struct store *s, const struct export_opts *o,
                           const struct recipients *rc, struct selection *sel,
                           struct record_out *ro, char *path, size_t pathlen,
                           struct err *e)
{
    unsigned char *sk = secmem_alloc(crypto_sign_SECRETKEYBYTES + crypto_box_SECRETKEYBYTES);
    unsigned char hash[BUNDLE_HASHBYTES];
    struct bundle_writer *w = NULL;
    struct atomic_file af;
    char *ids = NULL, hex[2 * BUNDLE_HASHBYTES + 1];
    int r = -1;

    if (sk == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    if (o->out != NULL)
        snprintf(path, pathlen, "%s", o->out);
    else   /* a placeholder until the hash names the file */
        snprintf(path, pathlen, "intake-%08x%08x.new", randombytes_random(), randombytes_random());
    if (store_device_secret(sk, sk + crypto_sign_SECRETKEYBYTES, s, e) != 0 ||
        atomic_open(&af, path, 0, e) != 0)
        goto out;
    if (bundle_writer_open(&w, af.fd, o->armor, sk, rc->keys, rc->n, e) != 0 ||
        write_records(w, s, sel, ro, e) != 0 || bundle_writer_close(w, hash, e) != 0 ||
        ids_line(&ids, sel, e) != 0 || store_begin(s, e) != 0) {
        atomic_abort(&af);
        goto out;
    }
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    if (o->out == NULL) {
        /* No name given: one from the hash, so nothing about the content. */
        snprintf(path, pathlen, "intake-%.16s.%s", hex, o->armor ? "asc" : "bundle");
        snprintf(af.path, sizeof af.path, "%s", path);
    }
    if (store_export_log(s, rc->list, ids, hash, sizeof hash, e) != 0 ||
        store_log(s, "export", hex, e) != 0 || atomic_commit(&af, e) != 0) {
        store_rollback(s);
        atomic_abort(&af);
        goto out;
    }
    if (store_commit(s, e) != 0) {
        (void)unlink(path);
        goto out;
    }
    r = 0;
out:
    bundle_writer_free(w);
    secmem_free(sk);
    free(ids);
    return r;
}

static int run_export(struct store *s, struct export_opts *o, struct err *e)
{
    struct recipients rc;
    struct selection sel = { NULL, 0, 0 };
    struct record_out ro;
    struct redactor *red = NULL;
    char path[4096];
    size_t n = 0;
    int r = -1;

    memset(&ro, 0, sizeof ro);
    ro.s = s;
    ro.o = o;
    if (resolve_recipients(&rc, s, o->to, e) != 0 || select_records(&sel, s, o, e) != 0 ||
        store_redactor(&red, s, e) != 0)
        goto out;
    ro.red = red;
    allowed_dates = json_object();
    if (store_allowed_each(s, take_allowed, NULL, e) != 0)
        goto out;
    if (find_blocked(&sel, &ro, e) != 0 || audit_export(s, &sel, &ro, e) != 0 ||
        seal_and_record(s, o, &rc, &sel, &ro, path, sizeof path, e) != 0)
        goto out;
    for (size_t i = 0; i < sel.n; i++)
        n += !sel.rec[i].blocked;
    printf("%s\n", path);
    if (ro.warn_report != NULL)
        fprintf(stderr, "%sintake: the audit WARNs (above): recipients see the same with 'intake audit'\n",
                ro.warn_report);
    fprintf(stderr, "intake: exported %zu record(s) to %s\n", n, rc.list);
    store_redactor_keep(s, red);
    r = 0;
out:
    record_out_clear(&ro);
    json_decref(ro.header);
    json_decref(ro.audited);
    json_decref(ro.pseudonyms);
    secmem_wipe_free(ro.warn_report);
    redactor_free(red);
    selection_free(&sel);
    json_decref(allowed_dates);
    allowed_dates = NULL;
    return r;
}

int cmd_export(int argc, char **argv, const struct globals *g)
{
    struct export_opts o;
    struct store *s;
    struct err e;
    int rc;

    memset(&o, 0, sizeof o);
    rc = parse_export(&o, argc, argv);
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    err_clear(&e);
    rc = run_export(s, &o, &e);
    store_close(s);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}
