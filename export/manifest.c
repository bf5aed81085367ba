#include "export/manifest.h"

#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SPAN_MAX (UINT64_C(1) << 40)

static const char *const fields[] = { "title", "place", "body", "tag" };
static const char *const categories[] = {
    "pseudonym", "person", "place", "employer", "organisation", "id", "other",
    "phone", "email", "url", "date", "gps", "ip", "redacted",
};
static const char *const rules[] = { "exact", "variant", "inflection", "pattern", "manual" };

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Reading ---- */

static const char *one_of(const char *s, const char *const *tab, size_t n)
{
    for (size_t i = 0; s != NULL && i < n; i++)
        if (strcmp(s, tab[i]) == 0)
            return tab[i];
    return NULL;
}

static int bad(struct err *e, const char *what)
{
    return err_set(e, EXIT_INPUT, "malformed redaction manifest (%s); the bundle cannot be audited", what);
}

/* A short printable ASCII string, or NULL (null allowed when nullable). */
static int short_text(const char **out, json_t *v, int nullable, size_t max)
{
    const char *s;

    *out = NULL;
    if (v == NULL || json_is_null(v))
        return nullable ? 0 : -1;
    if (!json_is_string(v) || json_string_length(v) == 0 || json_string_length(v) > max)
        return -1;
    s = json_string_value(v);
    for (size_t i = 0; s[i] != '\0'; i++)
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
            return -1;
    if (strlen(s) != json_string_length(v))
        return -1;
    *out = s;
    return 0;
}

static int span_of(struct audit_where *w, json_t *o)
{
    json_t *tag = json_object_get(o, "tag"), *st = json_object_get(o, "start"),
           *ln = json_object_get(o, "len");

    w->field = one_of(json_string_value(json_object_get(o, "field")), fields, N(fields));
    if (w->field == NULL || !json_is_integer(st) || !json_is_integer(ln))
        return -1;
    if (json_integer_value(st) < 0 || (uint64_t)json_integer_value(st) > SPAN_MAX ||
        json_integer_value(ln) <= 0 || (uint64_t)json_integer_value(ln) > SPAN_MAX)
        return -1;
    w->start = (size_t)json_integer_value(st);
    w->len = (size_t)json_integer_value(ln);
    w->tag = 0;
    if (strcmp(w->field, "tag") == 0) {
        if (!json_is_integer(tag) || json_integer_value(tag) < 0 ||
            json_integer_value(tag) >= MANIFEST_ITEMS_MAX)
            return -1;
        w->tag = (size_t)json_integer_value(tag);
    } else if (tag != NULL) {
        return -1;
    }
    return 0;
}

static int read_redactions(struct manifest_record *r, json_t *a, struct err *e)
{
    size_t i;
    json_t *o;

    if (!json_is_array(a) || json_array_size(a) > MANIFEST_ITEMS_MAX)
        return bad(e, "redactions");
    r->nred = json_array_size(a);
    if (r->nred > 0 && (r->red = calloc(r->nred, sizeof *r->red)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory reading the manifest");
    json_array_foreach(a, i, o) {
        struct audit_redaction *d = &r->red[i];
        if (!json_is_object(o) || json_object_size(o) > 6 || span_of(&d->at, o) != 0)
            return bad(e, "a redaction's span");
        d->category = one_of(json_string_value(json_object_get(o, "category")), categories, N(categories));
        d->rule = one_of(json_string_value(json_object_get(o, "rule")), rules, N(rules));
        if (d->category == NULL || d->rule == NULL)
            return bad(e, "a redaction's category or rule");
    }
    return 0;
}

static int read_flags(struct manifest_record *r, json_t *a, struct err *e)
{
    size_t i;
    json_t *o;

    if (!json_is_array(a) || json_array_size(a) > MANIFEST_ITEMS_MAX)
        return bad(e, "flags");
    r->nflags = json_array_size(a);
    if (r->nflags > 0 && (r->flags = calloc(r->nflags, sizeof *r->flags)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory reading the manifest");
    json_array_foreach(a, i, o) {
        struct audit_flag *f = &r->flags[i];
        if (!json_is_object(o) || json_object_size(o) > 6 || span_of(&f->at, o) != 0 ||
            short_text(&f->kind, json_object_get(o, "kind"), 0, MANIFEST_TEXT_MAX) != 0 ||
            short_text(&f->allowed, json_object_get(o, "allowed"), 1, MANIFEST_TEXT_MAX) != 0)
            return bad(e, "a review flag");
    }
    return 0;
}

static int read_bool(int *out, json_t *v)
{
    if (!json_is_boolean(v))
        return -1;
    *out = json_is_true(v);
    return 0;
}

static int read_consent(struct manifest_consent *c, json_t *o, struct err *e)
{
    if (!json_is_object(o) || json_object_size(o) > 8 ||
        read_bool(&c->export_ok, json_object_get(o, "export")) != 0 ||
        read_bool(&c->quote, json_object_get(o, "quote")) != 0 ||
        read_bool(&c->publish, json_object_get(o, "publish")) != 0 ||
        read_bool(&c->attachments, json_object_get(o, "attachments")) != 0 ||
        short_text(&c->method, json_object_get(o, "method"), 1, MANIFEST_TEXT_MAX) != 0 ||
        short_text(&c->embargo, json_object_get(o, "embargo"), 1, MANIFEST_TEXT_MAX) != 0 ||
        short_text(&c->date, json_object_get(o, "date"), 1, MANIFEST_TEXT_MAX) != 0 ||
        short_text(&c->withdrawn, json_object_get(o, "withdrawn"), 1, MANIFEST_TEXT_MAX) != 0)
        return bad(e, "a record's consent");
    return 0;
}

static int read_record(struct manifest_record *r, json_t *o, struct err *e)
{
    const char *id;

    if (!json_is_object(o) || json_object_size(o) > 4 ||
        short_text(&id, json_object_get(o, "id"), 0, MANIFEST_ID_MAX) != 0)
        return bad(e, "a record's id");
    if ((r->id = strdup(id)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory reading the manifest");
    if (read_consent(&r->consent, json_object_get(o, "consent"), e) != 0 ||
        read_redactions(r, json_object_get(o, "redactions"), e) != 0 ||
        read_flags(r, json_object_get(o, "flags"), e) != 0)
        return -1;
    return 0;
}

static int read_hex(unsigned char *out, size_t outlen, json_t *v)
{
    const char *s = json_string_value(v);
    size_t n;

    return s != NULL && strlen(s) == 2 * outlen &&
           sodium_hex2bin(out, outlen, s, strlen(s), NULL, &n, NULL) == 0 && n == outlen ? 0 : -1;
}

static int read_digests(struct manifest *m, json_t *o, struct err *e)
{
    unsigned char key[DIGESTSET_KEYBYTES], *bin;
    const char *set;
    size_t setlen, n;
    int rc = 0;

    if (!json_is_object(o) || json_object_size(o) != 2 ||
        read_hex(key, sizeof key, json_object_get(o, "key")) != 0 ||
        (set = json_string_value(json_object_get(o, "set"))) == NULL)
        return bad(e, "digest set");
    digestset_init_key(&m->ds, key);
    sodium_memzero(key, sizeof key);
    setlen = strlen(set);
    if (setlen > (size_t)MANIFEST_DIGESTS_MAX * DIGESTSET_BYTES * 2)
        return bad(e, "digest set too large");
    if ((bin = malloc(setlen / 4 * 3 + 3)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory reading the manifest");
    if (sodium_base642bin(bin, setlen / 4 * 3 + 3, set, setlen, NULL, &n, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0 || n % DIGESTSET_BYTES != 0)
        rc = bad(e, "digest set encoding");
    for (size_t i = 0; rc == 0 && i < n / DIGESTSET_BYTES; i++)
        rc = digestset_add_digest(&m->ds, bin + i * DIGESTSET_BYTES, e);
    free(bin);
    if (rc == 0)
        digestset_finish(&m->ds);
    return rc;
}

static int read_pseudonyms(struct manifest *m, json_t *a, struct err *e)
{
    size_t i;
    json_t *v;

    if (!json_is_array(a) || json_array_size(a) > MANIFEST_ITEMS_MAX)
        return bad(e, "pseudonyms");
    m->npseudonyms = json_array_size(a);
    if (m->npseudonyms > 0 &&
        (m->pseudonyms = calloc(m->npseudonyms, sizeof *m->pseudonyms)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory reading the manifest");
    json_array_foreach(a, i, v) {
        if (!json_is_string(v) || json_string_length(v) == 0 || json_string_length(v) > 256 ||
            strlen(json_string_value(v)) != json_string_length(v))
            return bad(e, "a pseudonym");
        m->pseudonyms[i] = (char *)json_string_value(v);
    }
    return 0;
}

static int read_log(struct manifest *m, json_t *o, struct err *e)
{
    json_t *seq = json_object_get(o, "seq");

    if (!json_is_object(o) || json_object_size(o) != 2 || !json_is_integer(seq) ||
        json_integer_value(seq) < 0 || read_hex(m->log_head, sizeof m->log_head,
                                                json_object_get(o, "head")) != 0)
        return bad(e, "log head");
    m->log_seq = (long)json_integer_value(seq);
    return 0;
}

int manifest_parse(struct manifest *m, const char *json, size_t len, struct err *e)
{
    json_error_t je;
    json_t *recs, *v;
    size_t i;

    memset(m, 0, sizeof *m);
    m->doc = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
    if (m->doc == NULL)
        return bad(e, "not JSON");
    v = json_object_get(m->doc, "manifest");
    if (!json_is_object(m->doc) || !json_is_integer(v))
        return bad(e, "no version");
    if (json_integer_value(v) != MANIFEST_VERSION)
        return err_set(e, EXIT_INPUT, "redaction manifest version %lld is not supported; upgrade intake",
                       (long long)json_integer_value(v));
    if (json_object_size(m->doc) != 5)
        return bad(e, "missing or unknown fields");
    if (read_log(m, json_object_get(m->doc, "log"), e) != 0 ||
        read_digests(m, json_object_get(m->doc, "digests"), e) != 0 ||
        read_pseudonyms(m, json_object_get(m->doc, "pseudonyms"), e) != 0)
        return -1;
    recs = json_object_get(m->doc, "records");
    if (!json_is_array(recs) || json_array_size(recs) > MANIFEST_ITEMS_MAX)
        return bad(e, "records");
    m->nrecs = json_array_size(recs);
    if (m->nrecs > 0 && (m->recs = calloc(m->nrecs, sizeof *m->recs)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory reading the manifest");
    json_array_foreach(recs, i, v) {
        if (read_record(&m->recs[i], v, e) != 0)
            return -1;
        for (size_t j = 0; j < i; j++)
            if (strcmp(m->recs[j].id, m->recs[i].id) == 0)
                return bad(e, "a record listed twice");
    }
    return 0;
}

void manifest_free(struct manifest *m)
{
    for (size_t i = 0; i < m->nrecs; i++) {
        free(m->recs[i].id);
        free(m->recs[i].red);
        free(m->recs[i].flags);
    }
    free(m->recs);
    free(m->pseudonyms);
    digestset_free(&m->ds);
    json_decref(m->doc);
    memset(m, 0, sizeof *m);
}

const struct manifest_record *manifest_find(const struct manifest *m, const char *id)
{
    for (size_t i = 0; i < m->nrecs; i++)
        if (strcmp(m->recs[i].id, id) == 0)
            return &m->recs[i];
    return NULL;
}

/* ---- Writing ---- */

json_t *manifest_new(long log_seq, const unsigned char head[32], const struct digestset *ds)
{
    char hhex[65], khex[2 * DIGESTSET_KEYBYTES + 1], *set;
    size_t setlen = sodium_base64_ENCODED_LEN(ds->n * DIGESTSET_BYTES, sodium_base64_VARIANT_ORIGINAL);
    json_t *m;

    if ((set = malloc(setlen)) == NULL)
        return NULL;
    sodium_bin2base64(set, setlen, ds->d != NULL ? ds->d : (const unsigned char *)"",
                      ds->n * DIGESTSET_BYTES, sodium_base64_VARIANT_ORIGINAL);
    sodium_bin2hex(hhex, sizeof hhex, head, 32);
    sodium_bin2hex(khex, sizeof khex, ds->key, DIGESTSET_KEYBYTES);
    m = json_pack("{s:i, s:{s:I, s:s}, s:{s:s, s:s}, s:[], s:[]}", "manifest", MANIFEST_VERSION,
                  "log", "seq", (json_int_t)log_seq, "head", hhex,
                  "digests", "key", khex, "set", set, "pseudonyms", "records");
    sodium_memzero(khex, sizeof khex);
    free(set);
    return m;
}

int manifest_add_pseudonym(json_t *m, const char *pseudonym, struct err *e)
{
    json_t *a = json_object_get(m, "pseudonyms"), *v;
    size_t i;

    json_array_foreach(a, i, v)
        if (strcmp(json_string_value(v), pseudonym) == 0)
            return 0;
    if (json_array_append_new(a, json_string(pseudonym)) != 0)
        return err_set(e, EXIT_INPUT, "out of memory writing the manifest");
    return 0;
}

static json_t *text_or_null(const char *s)
{
    return s != NULL && s[0] != '\0' ? json_string(s) : json_null();
}

json_t *manifest_add_record(json_t *m, const char *id, const struct manifest_consent *c,
                            struct err *e)
{
    json_t *cons = json_pack("{s:b, s:b, s:b, s:b, s:o, s:o, s:o, s:o}",
                             "export", c->export_ok, "quote", c->quote, "publish", c->publish,
                             "attachments", c->attachments, "method", text_or_null(c->method),
                             "embargo", text_or_null(c->embargo), "date", text_or_null(c->date),
                             "withdrawn", text_or_null(c->withdrawn));
    json_t *rec = json_pack("{s:s, s:o, s:[], s:[]}", "id", id, "consent", cons,
                            "redactions", "flags");

    if (rec == NULL || json_array_append_new(json_object_get(m, "records"), rec) != 0) {
        err_set(e, EXIT_INPUT, "out of memory writing the manifest");
        return NULL;
    }
    return rec;
}

static json_t *span_json(const char *field, size_t tag, size_t start, size_t len)
{
    json_t *o = json_pack("{s:s, s:I, s:I}", "field", field, "start", (json_int_t)start,
                          "len", (json_int_t)len);

    if (o != NULL && strcmp(field, "tag") == 0)
        json_object_set_new(o, "tag", json_integer((json_int_t)tag));
    return o;
}

int manifest_add_field(json_t *rec, const char *field, size_t tag, const struct redaction *red,
                       manifest_allow_fn allow, void *ctx, struct err *e)
{
    json_t *reds = json_object_get(rec, "redactions"), *flags = json_object_get(rec, "flags"), *o;
    int rc = 0;

    for (size_t i = 0; rc == 0 && i < red->nitems; i++) {
        const struct redaction_item *it = &red->items[i];
        o = span_json(field, tag, it->start, it->len);
        rc = o == NULL || json_object_set_new(o, "category", json_string(it->category)) != 0 ||
             json_object_set_new(o, "rule", json_string(it->rule)) != 0 ||
             json_array_append_new(reds, o) != 0;
    }
    for (size_t i = 0; rc == 0 && i < red->nflags; i++) {
        const struct redaction_flag *f = &red->flags[i];
        const char *date = f->allowed && allow != NULL ? allow(ctx, red->text + f->start, f->len) : NULL;
        if (f->allowed && date == NULL)
            date = "unknown";
        o = span_json(field, tag, f->start, f->len);
        rc = o == NULL || json_object_set_new(o, "kind", json_string(f->kind)) != 0 ||
             json_object_set_new(o, "allowed", date != NULL ? json_string(date) : json_null()) != 0 ||
             json_array_append_new(flags, o) != 0;
    }
    return rc == 0 ? 0 : err_set(e, EXIT_INPUT, "out of memory writing the manifest");
}
