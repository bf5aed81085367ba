/* The audit report: checks with their level, reason and items, and the
 * verdict over them (the checks themselves are in audit_*.c). */
#include "export/audit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "export/audit_int.h"
#include "util/intl.h"

char *audit_dup(const char *s, size_t n)
{
    char *p;

    if (s == NULL)
        return NULL;
    if ((p = secmem_wipe_malloc(n + 1)) != NULL) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static char *dup_s(const char *s)
{
    return s == NULL ? NULL : audit_dup(s, strlen(s));
}

static void item_free(struct audit_item *it)
{
    secmem_wipe_free(it->record);
    secmem_wipe_free(it->field);
    secmem_wipe_free(it->what);
    secmem_wipe_free(it->text);
    secmem_wipe_free(it->note);
    secmem_wipe_free(it->shown);
}

void audit_report_free(struct audit_report *r)
{
    for (size_t i = 0; i < r->n; i++) {
        for (size_t j = 0; j < r->checks[i].nitems; j++)
            item_free(&r->checks[i].items[j]);
        free(r->checks[i].items);
    }
    free(r->checks);
    memset(r, 0, sizeof *r);
}

/* The reason in English (JSON) and in the reader's language (text). */
static void set_reason(struct audit_check *c, const char *fmt, va_list ap)
{
    va_list again;

    va_copy(again, ap);
    (void)vsnprintf(c->reason, sizeof c->reason, fmt, ap);
    (void)vsnprintf(c->shown, sizeof c->shown, _(fmt), again);
    va_end(again);
}

int audit_check_add(struct audit_report *r, const char *name, int level, size_t examined,
                    struct err *e, const char *fmt, ...)
{
    struct audit_check *c;
    va_list ap;

    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 8;
        if ((c = realloc(r->checks, cap * sizeof *c)) == NULL)
            return err_set(e, EXIT_INPUT, "out of memory for the audit report");
        r->checks = c, r->cap = cap;
    }
    c = &r->checks[r->n];
    memset(c, 0, sizeof *c);
    snprintf(c->name, sizeof c->name, "%s", name);
    c->level = level;
    c->examined = examined;
    va_start(ap, fmt);
    set_reason(c, fmt, ap);
    va_end(ap);
    return (int)r->n++;
}

void audit_check_reason(struct audit_report *r, int c, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    set_reason(&r->checks[c], fmt, ap);
    va_end(ap);
}

int audit_item_add(struct audit_report *r, int c, int level, const char *record,
                   const char *field, const char *what, const char *text, size_t textlen,
                   const char *note, struct err *e)
{
    struct audit_check *ck = &r->checks[c];
    struct audit_item *it;

    if (ck->nitems == ck->cap) {
        size_t cap = ck->cap ? ck->cap * 2 : 8;
        if ((it = realloc(ck->items, cap * sizeof *it)) == NULL)
            return err_set(e, EXIT_INPUT, "out of memory for the audit report");
        ck->items = it, ck->cap = cap;
    }
    it = &ck->items[ck->nitems++];
    it->level = level;
    it->record = dup_s(record);
    it->field = dup_s(field);
    it->what = dup_s(what);
    it->text = audit_dup(text, textlen);
    it->note = dup_s(note);
    it->shown = NULL;
    it->own = 0;
    if (level > ck->level)
        ck->level = level;
    if (level > AUDIT_PASS)
        ck->found++;
    return 0;
}

int audit_item_shown(struct audit_report *r, int c, const char *shown, struct err *e)
{
    struct audit_check *ck = &r->checks[c];
    struct audit_item *it = &ck->items[ck->nitems - 1];

    secmem_wipe_free(it->shown);
    if ((it->shown = dup_s(shown)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory for the audit report");
    return 0;
}

int audit_verdict(const struct audit_report *r)
{
    int v = AUDIT_PASS;

    for (size_t i = 0; i < r->n; i++)
        if (r->checks[i].level > v)
            v = r->checks[i].level;
    return v;
}

int audit_exit_status(const struct audit_report *r, int strict)
{
    int v = audit_verdict(r);

    return v == AUDIT_FAIL || (strict && v == AUDIT_WARN) ? EXIT_AUTH : EXIT_OK;
}
