#include "export/manifest.h"

#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SPAN_MAX (UINT64_C(1) << 40)
#define TAGS_MAX 64

static const char *const categories[] = {
    "pseudonym", "person", "place", "employer", "organisation", "id", "other",
    "phone", "email", "url", "date", "gps", "ip", "handle", "redacted", "account", "address",
};
static const char *const rules[] = { "exact", "variant", "inflection", "pattern", "manual" };

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int bad(struct err *e, const char *what)
{
    return err_set(e, EXIT_INPUT, "malformed redaction manifest (%s); the bundle cannot be audited", what);
}

static const char *one_of(const char *s, const char *const *tab, size_t n)
{
    for (size_t i = 0; s != NULL && i < n; i++)
        if (strcmp(s, tab[i]) == 0)
            return tab[i];
    return NULL;
}

/* A short printable ASCII string; NULL (or absent) allowed when nullable. */
static int short_text(const char **out, json_t *v, int nullable)
{
    const char *s;

    *out = NULL;
    if (v == NULL || json_is_null(v) || (nullable && json_is_string(v) && json_string_length(v) == 0))
        return nullable ? 0 : -1;
    if (!json_is_string(v) || json_string_length(v) == 0 || json_string_length(v) > MANIFEST_TEXT_MAX)
        return -1;
    s = json_string_value(v);
    if (strlen(s) != json_string_length(v))
        return -1;
    for (size_t i = 0; s[i] != '\0'; i++)
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
            return -1;
    *out = s;
    return 0;
}

/* Any string without NUL (text of the record), or NULL when absent/null. */
static int text_of(const char **out, json_t *v, int nullable)
{
    *out = NULL;
    if (v == NULL || json_is_null(v))
        return nullable ? 0 : -1;
    if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v))
        return -1;
    *out = json_string_value(v);
    return 0;
}

/* "title", "place", "body" or "tag:N". */
static int field_of(struct audit_where *w, const char *f)
{
    char *end;
    unsigned long n;

    w->tag = 0;
    if (f == NULL)
        return -1;
    if (strcmp(f, "title") == 0 || strcmp(f, "place") == 0 || strcmp(f, "body") == 0) {
        w->field = f;
        return 0;
    }
    if (strncmp(f, "tag:", 4) != 0 || f[4] < '0' || f[4] > '9' || (f[4] == '0' && f[5] != '\0'))
        return -1;
    n = strtoul(f + 4, &end, 10);
    if (*end != '\0' || n >= TAGS_MAX)
        return -1;
    w->field = "tag";
    w->tag = (size_t)n;
    return 0;
}

static int span_of(struct audit_where *w, json_t *o)
{
    json_t *st = json_object_get(o, "start"), *ln = json_object_get(o, "length");

    if (!json_is_object(o) || field_of(w, json_string_value(json_object_get(o, "field"))) != 0 ||
        !json_is_integer(st) || !json_is_integer(ln) ||
        json_integer_value(st) < 0 || (uint64_t)json_integer_value(st) > SPAN_MAX ||
        json_integer_value(ln) <= 0 || (uint64_t)json_integer_value(ln) > SPAN_MAX)
        return -1;
    w->start = (size_t)json_integer_value(st);
    w->len = (size_t)json_integer_value(ln);
    return 0;
}

static int read_redactions(struct audit_record *r, json_t *a, struct err *e)
{
    struct audit_redaction *red;
    size_t i;
    json_t *o;

    if (!json_is_array(a) || json_array_size(a) > MANIFEST_ITEMS_MAX)
        return bad(e, "redactions");
    if (json_array_size(a) == 0)
        return 0;
    if ((red = calloc(json_array_size(a), sizeof *red)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory reading the manifest");
    r->red = red;
    json_array_foreach(a, i, o) {
        if (span_of(&red[i].at, o) != 0 || json_object_size(o) != 5)
            return bad(e, "a redaction's span");
        red[i].category = one_of(json_string_value(json_object_get(o, "category")), categories, N(categories));
        red[i].rule = one_of(json_string_value(json_object_get(o, "rule")), rules, N(rules));
        if (red[i].category == NULL || red[i].rule == NULL)
            return bad(e, "a redaction's category or rule");
        r->nred++;
    }
    return 0;
}

static int read_flags(struct audit_record *r, json_t *a, struct err *e)
{
    struct audit_flag *fl;
    const char *res, *known;
    size_t i;
    json_t *o;

    if (!json_is_array(a) || json_array_size(a) > MANIFEST_ITEMS_MAX)
        return bad(e, "review flags");
    if (json_array_size(a) == 0)
        return 0;
    if ((fl = calloc(json_array_size(a), sizeof *fl)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory reading the manifest");
    r->flags = fl;
    json_array_foreach(a, i, o) {
        if (span_of(&fl[i].at, o) != 0 || json_object_size(o) > 6 ||
            short_text(&fl[i].kind, json_object_get(o, "kind"), 0) != 0 ||
            short_text(&res, json_object_get(o, "resolution"), 0) != 0 ||
            short_text(&fl[i].allowed, json_object_get(o, "allowed"), 1) != 0 ||
            short_text(&known, json_object_get(o, "known"), 1) != 0 ||
            (known != NULL && (strcmp(known, "pseudonym") != 0 || fl[i].allowed != NULL)))
            return bad(e, "a review flag");
        fl[i].known = known != NULL && strcmp(res, "allowed") == 0;
        if (strcmp(res, "allowed") == 0 && fl[i].allowed == NULL)
            fl[i].allowed = "(date not recorded)";
        else if (strcmp(res, "allowed") != 0)
            fl[i].allowed = NULL;     /* unresolved: the audit fails it */
        r->nflags++;
    }
    return 0;
}

/* Escapes: spans of two bytes, \[ before a placeholder's shape (the
 * consistency check reads them); absent in bundles without any. */
static int read_escapes(struct audit_record *r, json_t *a, struct err *e)
{
    struct audit_where *w;
    size_t i;
    json_t *o;

    if (a == NULL)
        return 0;
    if (!json_is_array(a) || json_array_size(a) > MANIFEST_ITEMS_MAX)
        return bad(e, "escapes");
    if (json_array_size(a) == 0)
        return 0;
    if ((w = calloc(json_array_size(a), sizeof *w)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory reading the manifest");
    r->escapes = w;
    json_array_foreach(a, i, o) {
        if (span_of(&w[i], o) != 0 || json_object_size(o) != 3)
            return bad(e, "an escape's span");
        r->nescapes++;
    }
    return 0;
}

static int read_consent(struct audit_record *r, json_t *o, struct err *e)
{
    if (!json_is_object(o) || !json_is_boolean(json_object_get(o, "export")) ||
        short_text(&r->embargo, json_object_get(o, "embargo"), 1) != 0 ||
        short_text(&r->withdrawn, json_object_get(o, "withdrawn"), 1) != 0 ||
        short_text(&r->method, json_object_get(o, "method"), 1) != 0 ||
        short_text(&r->recorded, json_object_get(o, "recorded"), 1) != 0)
        return bad(e, "a record's consent");
    r->export_ok = json_is_true(json_object_get(o, "export"));
    r->quote = json_is_true(json_object_get(o, "quote"));
    r->publish = json_is_true(json_object_get(o, "publish"));
    /* Absent in bundles written before attachments had their own consent:
     * read as "yes", what those writers checked. */
    r->attachments_ok = !json_is_false(json_object_get(o, "attachments"));
    return 0;
}

static int read_tags(struct audit_record *r, json_t *a, struct err *e)
{
    const char **tags;
    size_t i;
    json_t *v;

    if (!json_is_array(a) || json_array_size(a) > TAGS_MAX)
        return bad(e, "tags");
    if (json_array_size(a) == 0)
        return 0;
    if ((tags = calloc(json_array_size(a), sizeof *tags)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory reading the manifest");
    r->tags = tags;
    json_array_foreach(a, i, v) {
        if (text_of(&tags[i], v, 0) != 0)
            return bad(e, "a tag");
        r->ntags++;
    }
    return 0;
}

int manifest_read_record(struct audit_record *r, json_t *rec, struct err *e)
{
    memset(r, 0, sizeof *r);
    if (!json_is_object(rec) ||
        short_text(&r->id, json_object_get(rec, "id"), 0) != 0 ||
        text_of(&r->pseudonym, json_object_get(rec, "pseudonym"), 0) != 0 ||
        text_of(&r->title, json_object_get(rec, "title"), 0) != 0 ||
        text_of(&r->place, json_object_get(rec, "place"), 1) != 0 ||
        text_of(&r->lang, json_object_get(rec, "language"), 1) != 0 ||
        text_of(&r->date, json_object_get(rec, "date"), 0) != 0 ||
        text_of(&r->body, json_object_get(rec, "body"), 0) != 0)
        return bad(e, "a record's fields");
    if (short_text(&r->subject, json_object_get(rec, "subject"), 1) != 0)
        return bad(e, "a record's subject");
    r->nattachments = json_array_size(json_object_get(rec, "attachments"));
    if (read_tags(r, json_object_get(rec, "tags"), e) != 0 ||
        read_consent(r, json_object_get(rec, "consent"), e) != 0 ||
        read_redactions(r, json_object_get(rec, "redactions"), e) != 0 ||
        read_escapes(r, json_object_get(rec, "escapes"), e) != 0 ||
        read_flags(r, json_object_get(rec, "review"), e) != 0)
        return -1;
    return 0;
}

void manifest_record_free(struct audit_record *r)
{
    free((void *)r->tags);
    free((void *)r->red);
    free((void *)r->flags);
    free((void *)r->escapes);
    r->tags = NULL, r->red = NULL, r->flags = NULL, r->escapes = NULL;
    r->ntags = r->nred = r->nflags = r->nescapes = 0;
}

/* ---- Header ---- */

static int read_hex(unsigned char *out, size_t outlen, json_t *v)
{
    const char *s = json_string_value(v);
    size_t n;

    return s != NULL && strlen(s) == 2 * outlen &&
           sodium_hex2bin(out, outlen, s, strlen(s), NULL, &n, NULL) == 0 && n == outlen ? 0 : -1;
}

/* The value of a character of base64's standard alphabet, or -1. */
static int b64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* Decodes s[0..len) (bytes), standard base64 with its padding as
 * base64_of writes it, into out (cap bytes): the number of bytes written,
 * or SIZE_MAX where s is not in that one canonical form (empty, a length
 * not a multiple of four, a character outside the alphabet, padding
 * before the end, bits set after the last byte) or the bytes exceed cap;
 * then sodium_base642bin, which read every set before (6.6% of the
 * audit's instructions on 500 of bench/audit.sh's records: it is made to
 * run in constant time), decides, so that the same strings are taken and
 * refused.  Not constant time: the digest set is no secret from the
 * reader of this manifest, who holds its key beside it (docs/FORMAT.md). */
static size_t b64_fast(unsigned char *out, size_t cap, const char *s, size_t len)
{
    size_t o = 0, pad;

    if (len == 0 || len % 4 != 0)
        return SIZE_MAX;
    pad = s[len - 1] == '=' ? (s[len - 2] == '=' ? 2 : 1) : 0;
    if (len / 4 * 3 - pad > cap)
        return SIZE_MAX;
    for (size_t i = 0; i < len; i += 4) {
        int last = i + 4 == len;
        int a = b64_value((unsigned char)s[i]), b = b64_value((unsigned char)s[i + 1]),
            c = last && pad == 2 ? 0 : b64_value((unsigned char)s[i + 2]),
            d = last && pad >= 1 ? 0 : b64_value((unsigned char)s[i + 3]);
        uint32_t v;

        if ((a | b | c | d) < 0)
            return SIZE_MAX;
        v = (uint32_t)a << 18 | (uint32_t)b << 12 | (uint32_t)c << 6 | (uint32_t)d;
        out[o++] = (unsigned char)(v >> 16);
        if (last && pad == 2)
            return (v & 0xFFFF) != 0 ? SIZE_MAX : o;
        out[o++] = (unsigned char)(v >> 8);
        if (last && pad == 1)
            return (v & 0xFF) != 0 ? SIZE_MAX : o;
        out[o++] = (unsigned char)v;
    }
    return o;
}

/* Decodes the base64 string v (at most max bytes decoded) into *bin
 * (malloc'd, *n bytes).  Returns 0, or -1 with e (what: the member). */
static int read_base64(unsigned char **bin, size_t *n, json_t *v, size_t max, const char *what,
                       struct err *e)
{
    size_t len = json_string_length(v), cap;

    *bin = NULL;
    if (len > max / 3 * 4 + 4)
        return bad(e, what);
    cap = len / 4 * 3 + 3;
    if ((*bin = malloc(cap)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory reading the manifest");
    if ((*n = b64_fast(*bin, cap, json_string_value(v), len)) == SIZE_MAX &&
        sodium_base642bin(*bin, cap, json_string_value(v), len, NULL, n, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
        free(*bin);
        *bin = NULL;
        return bad(e, what);
    }
    return 0;
}

static int read_digests(struct manifest_header *h, json_t *o, struct err *e)
{
    unsigned char key[DIGESTSET_KEYBYTES], *bin;
    json_t *filter = json_object_get(o, "filter");
    size_t n;
    int rc = 0;

    if (json_is_object(o) && json_object_get(o, "set") != NULL)
        return bad(e, "a digest set of the old kind, without the forms' rules: the bundle was "
                   "made by an older intake; ask the sender to export again");
    /* Two members: a bundle of an intake before the filter, still read. */
    if (!json_is_object(o) || json_object_size(o) != (filter != NULL ? 3u : 2u) ||
        (filter != NULL && !json_is_string(filter)) ||
        read_hex(key, sizeof key, json_object_get(o, "key")) != 0 ||
        !json_is_string(json_object_get(o, "forms")))
        return bad(e, "digest set");
    digestset_init_key(&h->ds, key);
    sodium_memzero(key, sizeof key);
    if (json_string_length(json_object_get(o, "forms")) >
        (size_t)MANIFEST_DIGESTS_MAX / 3 * 4 * DIGESTSET_ENTRY)
        return bad(e, "digest set too large");
    if (read_base64(&bin, &n, json_object_get(o, "forms"),
                    (size_t)MANIFEST_DIGESTS_MAX * DIGESTSET_ENTRY, "digest set encoding", e) != 0)
        return -1;
    if (n % DIGESTSET_ENTRY != 0)
        rc = bad(e, "digest set encoding");
    for (size_t i = 0; rc == 0 && i < n / DIGESTSET_ENTRY; i++)
        if (digestset_add_entry(&h->ds, bin + i * DIGESTSET_ENTRY, e) != 0)
            rc = e != NULL && e->code == EXIT_INPUT && strstr(e->msg, "rule byte") != NULL
                 ? bad(e, "a digest set entry's rule byte") : -1;
    free(bin);
    if (rc != 0)
        return rc;
    digestset_finish(&h->ds);
    if (filter == NULL)
        return 0;
    if (read_base64(&bin, &n, filter, digestset_filter_bytes(MANIFEST_DIGESTS_MAX),
                    "digest set filter", e) != 0)
        return -1;
    if (digestset_set_filter(&h->ds, bin, n, e) != 0)
        rc = e != NULL && e->code == EXIT_INPUT && strstr(e->msg, "size") != NULL
             ? bad(e, "digest set filter size") : -1;
    free(bin);
    return rc;
}

int manifest_read_header(struct manifest_header *h, json_t *header, struct err *e)
{
    json_t *log = json_object_get(header, "log_head"), *seq = json_object_get(log, "seq");
    json_t *ps = json_object_get(header, "pseudonyms"), *v;
    size_t i;

    memset(h, 0, sizeof *h);
    if (!json_is_object(log) || json_object_size(log) != 2 || !json_is_integer(seq) ||
        json_integer_value(seq) < 0 ||
        read_hex(h->log_head, sizeof h->log_head, json_object_get(log, "hash")) != 0)
        return bad(e, "log head");
    h->log_seq = (long)json_integer_value(seq);
    if (read_digests(h, json_object_get(header, "digests"), e) != 0)
        return -1;
    if (!json_is_array(ps) || json_array_size(ps) > MANIFEST_ITEMS_MAX)
        return bad(e, "pseudonyms");
    if (json_array_size(ps) > 0 &&
        (h->pseudonyms = calloc(json_array_size(ps), sizeof *h->pseudonyms)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory reading the manifest");
    json_array_foreach(ps, i, v) {
        if (text_of(&h->pseudonyms[i], v, 0) != 0 || h->pseudonyms[i][0] == '\0')
            return bad(e, "a pseudonym");
        h->npseudonyms++;
    }
    return 0;
}

void manifest_header_free(struct manifest_header *h)
{
    digestset_free(&h->ds);
    free((void *)h->pseudonyms);
    memset(h, 0, sizeof *h);
}

/* base64 of bin[0..n), malloc'd, or NULL when out of memory. */
static char *base64_of(const unsigned char *bin, size_t n)
{
    size_t len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
    char *s = malloc(len);

    if (s != NULL)
        sodium_bin2base64(s, len, bin != NULL ? bin : (const unsigned char *)"", n,
                          sodium_base64_VARIANT_ORIGINAL);
    return s;
}

int manifest_write_header(json_t *header, long log_seq,
                          const unsigned char head[MANIFEST_LOG_HASHBYTES],
                          const struct digestset *ds, json_t *pseudonyms, struct err *e)
{
    char hhex[2 * MANIFEST_LOG_HASHBYTES + 1], khex[2 * DIGESTSET_KEYBYTES + 1], *set, *filter = NULL;
    json_t *digests = NULL;
    int rc = -1;

    if ((set = base64_of(ds->d, ds->n * DIGESTSET_ENTRY)) == NULL ||
        (ds->filter != NULL && (filter = base64_of(ds->filter, ds->filterlen)) == NULL)) {
        free(set);
        json_decref(pseudonyms);
        return err_set(e, EXIT_INPUT, "out of memory writing the manifest");
    }
    sodium_bin2hex(hhex, sizeof hhex, head, MANIFEST_LOG_HASHBYTES);
    sodium_bin2hex(khex, sizeof khex, ds->key, DIGESTSET_KEYBYTES);
    digests = json_pack("{s:s, s:s}", "key", khex, "forms", set);
    if (digests != NULL && (filter == NULL || json_object_set_new(digests, "filter",
                                                                   json_string(filter)) == 0))
        rc = 0;
    rc |= json_object_set_new(header, "log_head", json_pack("{s:I, s:s}", "seq", (json_int_t)log_seq,
                                                            "hash", hhex)) |
          json_object_set_new(header, "digests", digests) |
          json_object_set_new(header, "pseudonyms", pseudonyms);
    sodium_memzero(khex, sizeof khex);
    free(set);
    free(filter);
    return rc == 0 ? 0 : err_set(e, EXIT_INPUT, "out of memory writing the manifest");
}

int manifest_collect_pseudonyms(json_t *set, json_t *rec, struct err *e)
{
    json_t *reds = json_object_get(rec, "redactions"), *o, *v;
    size_t i, j;

    json_array_foreach(reds, i, o) {
        struct audit_where w;
        const char *f, *text;
        int seen = 0;

        const char *cat = json_string_value(json_object_get(o, "category"));

        if (cat == NULL || strcmp(cat, "pseudonym") != 0 || span_of(&w, o) != 0)
            continue;
        f = strcmp(w.field, "tag") == 0
            ? json_string_value(json_array_get(json_object_get(rec, "tags"), w.tag))
            : json_string_value(json_object_get(rec, w.field));
        if (f == NULL || w.start > strlen(f) || w.len > strlen(f) - w.start)
            continue;
        text = f + w.start;
        json_array_foreach(set, j, v)
            if (json_string_length(v) == w.len && memcmp(json_string_value(v), text, w.len) == 0)
                seen = 1;
        if (!seen && json_array_append_new(set, json_stringn(text, w.len)) != 0)
            return err_set(e, EXIT_INPUT, "out of memory writing the manifest");
    }
    return 0;
}

/* ---- The checks over a bundle's content ---- */

int manifest_audit(struct audit_report *r, json_t *header, json_t *records, const char *today,
                   size_t k, struct err *e)
{
    return manifest_audit_texts(r, header, records, NULL, 0, today, k, e);
}

int manifest_audit_texts(struct audit_report *r, json_t *header, json_t *records,
                         const struct audit_text *texts, size_t ntexts, const char *today,
                         size_t k, struct err *e)
{
    struct manifest_header h;
    struct audit_record *recs = NULL;
    const char **ps = NULL;
    size_t n = json_array_size(records), np = 0, i;
    json_t *v;
    int rc = -1;

    if (manifest_read_header(&h, header, e) != 0)
        goto out;
    if ((recs = calloc(n + ntexts + 1, sizeof *recs)) == NULL ||
        (ps = calloc(h.npseudonyms + n + 1, sizeof *ps)) == NULL) {
        err_set(e, EXIT_INPUT, "out of memory for the audit");
        goto out;
    }
    for (i = 0; i < h.npseudonyms; i++)
        ps[np++] = h.pseudonyms[i];
    json_array_foreach(records, i, v) {
        if (manifest_read_record(&recs[i], v, e) != 0)
            goto out;
        ps[np++] = recs[i].pseudonym;
    }
    for (i = 0; i < ntexts; i++) {
        recs[n + i].id = texts[i].record;
        recs[n + i].body = texts[i].text;
        recs[n + i].body_name = texts[i].file;
    }
    if (audit_consistency(r, recs, n, ps, np, today, e) == 0 &&
        audit_consent(r, recs, n, e) == 0 &&
        audit_notices(r, json_object_get(header, "notices"), recs, n, today, e) == 0 &&
        audit_residuals(r, &h.ds, recs, n + ntexts, e) == 0 &&
        audit_reidentification(r, recs, n, k, e) == 0)
        rc = 0;
out:
    for (i = 0; recs != NULL && i < n; i++)
        manifest_record_free(&recs[i]);
    free(recs);
    free(ps);
    manifest_header_free(&h);
    return rc;
}
