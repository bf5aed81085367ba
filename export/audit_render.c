/* The audit report as text lines for a terminal or as a JSON document;
 * the only file of the audit that includes <jansson.h>. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "crypto/secmem.h"
#include "export/audit.h"
#include "util/intl.h"

static const char *const level_names[] = { "PASS", "WARN", "FAIL" };

struct sbuf {
    char *p;
    size_t len, cap;
    int failed;
};

static void sb_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(struct sbuf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (b->failed)
        return;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if (b->len + (size_t)n + 1 > b->cap) {
        size_t cap = (b->cap ? b->cap * 2 : 1024) + (size_t)n;
        char *p = secmem_wipe_malloc(cap);
        if (p == NULL) {
            b->failed = 1;
            return;
        }
        if (b->p != NULL)
            memcpy(p, b->p, b->len + 1);
        secmem_wipe_free(b->p);
        b->p = p, b->cap = cap;
    }
    va_start(ap, fmt);
    (void)vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Text from the bundle on one line: control characters shown as '?'. */
static void sb_quoted(struct sbuf *b, const char *s)
{
    sb_printf(b, "\"");
    for (; *s != '\0'; s++)
        sb_printf(b, "%c", (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s);
    sb_printf(b, "\"");
}

/* Characters (code points) of UTF-8 s. */
static size_t chars_of(const char *s)
{
    size_t n = 0;

    for (; *s != '\0'; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* quote: 1 shows an item's text from the bundle, 0 only how many
 * characters it has (for standard error, which may end up in a log);
 * intake's own descriptions (it->own) are shown either way. */
static char *render_text(const struct audit_report *r, int strict, int tr, int quote)
{
    struct sbuf b = { NULL, 0, 0, 0 };
    int v = audit_verdict(r);

    for (size_t i = 0; i < r->n; i++) {
        const struct audit_check *c = &r->checks[i];
        sb_printf(&b, "%-18s %s  %s\n", c->name, level_names[c->level], tr ? c->shown : c->reason);
        for (size_t j = 0; j < c->nitems; j++) {
            const struct audit_item *it = &c->items[j];
            sb_printf(&b, "    %s", level_names[it->level]);
            if (it->record != NULL)
                sb_printf(&b, intl_maybe(" record %s", tr), it->record);
            if (it->field != NULL)
                sb_printf(&b, "%s %s", it->record != NULL ? "," : "", it->field);
            sb_printf(&b, ":");
            if (it->what != NULL)
                sb_printf(&b, " %s", it->what);
            if (it->text != NULL && (quote || it->own)) {
                sb_printf(&b, " ");
                sb_quoted(&b, it->text);
            } else if (it->text != NULL) {
                size_t n = chars_of(it->text);
                sb_printf(&b, " ");
                sb_printf(&b, intl_maybe_plural("[%zu character]", "[%zu characters]", n, tr), n);
            }
            if (tr && it->shown != NULL)  /* the note in the reader's language */
                sb_printf(&b, " (%s)", it->shown);
            else if (it->note != NULL)   /* English (JSON); a constant one is translated here */
                sb_printf(&b, " (%s)", tr ? _(it->note) : it->note);
            sb_printf(&b, "\n");
        }
    }
    sb_printf(&b, intl_maybe("verdict: %s%s\n", tr), level_names[v],
              v == AUDIT_WARN ? (strict ? intl_maybe(" (fails under --strict)", tr)
                                        : intl_maybe(" (passes; --strict fails it)", tr)) : "");
    if (b.failed) {
        secmem_wipe_free(b.p);
        return NULL;
    }
    return b.p;
}

char *audit_render_text(const struct audit_report *r, int strict)
{
    return render_text(r, strict, 1, 1);
}

void audit_first_fail(char *out, size_t outlen, const struct audit_report *r)
{
    out[0] = '\0';
    for (size_t i = 0; i < r->n; i++) {
        const struct audit_check *c = &r->checks[i];
        for (size_t j = 0; j < c->nitems; j++) {
            const struct audit_item *it = &c->items[j];
            if (it->level != AUDIT_FAIL)
                continue;
            if (it->text != NULL && it->own)   /* intake's own description */
                snprintf(out, outlen, "%s: %s \"%.40s\" (%s)", c->name,
                         it->what ? it->what : "", it->text, it->note ? it->note : "");
            else if (it->text != NULL)
                snprintf(out, outlen, "%s: %s [%zu character%s] (%s)", c->name,
                         it->what ? it->what : "", chars_of(it->text),
                         chars_of(it->text) == 1 ? "" : "s", it->note ? it->note : "");
            else
                snprintf(out, outlen, "%s: %s (%s)", c->name, it->what ? it->what : "",
                         it->note ? it->note : "");
            return;
        }
        if (c->level == AUDIT_FAIL) {
            snprintf(out, outlen, "%s: %.300s", c->name, c->reason);
            return;
        }
    }
}

char *audit_render_unquoted(const struct audit_report *r, int strict)
{
    return render_text(r, strict, 1, 0);
}

char *audit_render_english(const struct audit_report *r, int strict)
{
    return render_text(r, strict, 0, 1);
}

static json_t *item_json(const struct audit_item *it)
{
    json_t *o = json_object();

    if (o == NULL)
        return NULL;
    json_object_set_new(o, "level", json_string(level_names[it->level]));
    if (it->record != NULL)
        json_object_set_new(o, "record", json_string(it->record));
    if (it->field != NULL)
        json_object_set_new(o, "field", json_string(it->field));
    if (it->what != NULL)
        json_object_set_new(o, "what", json_string(it->what));
    if (it->text != NULL)
        json_object_set_new(o, "text", json_string(it->text));
    if (it->note != NULL)
        json_object_set_new(o, "note", json_string(it->note));
    return o;
}

void *audit_render_json(const struct audit_report *r, int strict)
{
    json_t *checks = json_array(), *doc;

    if (checks == NULL)
        return NULL;
    for (size_t i = 0; i < r->n; i++) {
        const struct audit_check *c = &r->checks[i];
        json_t *items = json_array();
        for (size_t j = 0; items != NULL && j < c->nitems; j++)
            json_array_append_new(items, item_json(&c->items[j]));
        json_array_append_new(checks, json_pack("{s:s, s:s, s:s, s:I, s:I, s:o*}",
                              "name", c->name, "level", level_names[c->level],
                              "reason", c->reason, "examined", (json_int_t)c->examined,
                              "found", (json_int_t)c->found, "items", items));
    }
    doc = json_pack("{s:s, s:b, s:i, s:o}", "verdict", level_names[audit_verdict(r)],
                    "strict", strict, "exit", audit_exit_status(r, strict), "checks", checks);
    return doc;
}
