/* The consistency check: the signed manifest and the exported text agree
 * (each redaction holds a placeholder of its category or a pseudonym,
 * each placeholder is in the manifest), every review flag was resolved
 * and consent lets each record leave. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "export/audit.h"
#include "export/audit_int.h"
#include "privacy/redact.h"
#include "util/intl.h"

/* "[PLACE-12]" for category "place"; 1 if text[0..len) is one. */
static int is_placeholder_of(const char *text, size_t len, const char *category)
{
    size_t c = strlen(category), i;

    if (len < c + 4 || text[0] != '[' || text[len - 1] != ']' || text[c + 1] != '-')
        return 0;
    for (i = 0; i < c; i++)
        if (text[1 + i] != toupper((unsigned char)category[i]))
            return 0;
    for (i = c + 2; i < len - 1; i++)
        if (!isdigit((unsigned char)text[i]))
            return 0;
    return 1;
}

static int known_pseudonym(const char *text, size_t len, const char *const *ps, size_t np)
{
    for (size_t i = 0; i < np; i++)
        if (strlen(ps[i]) == len && memcmp(ps[i], text, len) == 0)
            return 1;
    return 0;
}

static int check_redactions(struct audit_report *r, int c, const struct audit_record *rec,
                            const char *const *ps, size_t np, size_t *bad, struct err *e)
{
    for (size_t i = 0; i < rec->nred; i++) {
        const struct audit_redaction *d = &rec->red[i];
        const char *f = audit_field_of(rec, &d->at), *why = NULL;
        int ok, inside = 1;

        if (f == NULL || d->at.start > strlen(f) || d->at.len > strlen(f) - d->at.start) {
            why = "a redaction lies outside its field";
            ok = inside = 0;
        } else if (d->category != NULL && strcmp(d->category, "pseudonym") == 0) {
            ok = known_pseudonym(f + d->at.start, d->at.len, ps, np);
            why = "the text at a pseudonym redaction is no pseudonym of this bundle";
        } else {
            ok = d->category != NULL && is_placeholder_of(f + d->at.start, d->at.len, d->category);
            why = "the text at a redaction is not a placeholder of its category";
        }
        if (!ok) {
            (*bad)++;
            if (audit_item_add(r, c, AUDIT_FAIL, rec->id, d->at.field, d->category,
                               inside ? f + d->at.start : NULL, inside ? d->at.len : 0,
                               why, e) != 0)
                return -1;
        }
    }
    return 0;
}

/* 1 if an escape of rec's manifest in the field (name, tag) ends at byte
 * at: the shape there is the interviewer's text. */
static int escaped_at(const struct audit_record *rec, const char *name, size_t tag, size_t at)
{
    for (size_t i = 0; i < rec->nescapes; i++)
        if (audit_same_field(&rec->escapes[i], name, tag) &&
            rec->escapes[i].start + rec->escapes[i].len == at + 1)
            return 1;
    return 0;
}

/* Every escape is "\\[" opening a placeholder's shape. */
static int check_escapes(struct audit_report *r, int c, const struct audit_record *rec,
                         size_t *bad, struct err *e)
{
    for (size_t i = 0; i < rec->nescapes; i++) {
        const struct audit_where *w = &rec->escapes[i];
        const char *f = audit_field_of(rec, w);
        size_t n = f != NULL ? strlen(f) : 0;

        if (f != NULL && w->len == 2 && w->start <= n && n - w->start >= 2 &&
            f[w->start] == '\\' && redact_placeholder_shape(f + w->start + 1, n - w->start - 1) > 0)
            continue;
        (*bad)++;
        if (audit_item_add(r, c, AUDIT_FAIL, rec->id, w->field, "escape", NULL, 0,
                           "an escape that is not a backslash before a placeholder's shape", e) != 0)
            return -1;
    }
    return 0;
}

static int check_placeholders(struct audit_report *r, int c, const struct audit_record *rec,
                              size_t *bad, struct err *e)
{
    for (size_t fi = 0; fi < AUDIT_NFIELDS(rec); fi++) {
        const char *name, *f;
        size_t tag, n, len;

        if ((f = audit_field_at(rec, fi, &name, &tag)) == NULL)
            continue;
        len = strlen(f);
        for (const char *p = strchr(f, '['); p != NULL; p = strchr(p + 1, '[')) {
            struct audit_where w = { name, tag, (size_t)(p - f), 0 };
            int found = 0;
            if ((n = redact_placeholder_shape(p, len - w.start)) == 0)
                continue;
            w.len = n;
            for (size_t i = 0; i < rec->nred && !found; i++)
                found = audit_same_field(&rec->red[i].at, name, tag) &&
                        rec->red[i].at.start == w.start && rec->red[i].at.len == n;
            if (!found && !escaped_at(rec, name, tag, w.start)) {
                (*bad)++;
                if (audit_item_add(r, c, AUDIT_FAIL, rec->id, name, "placeholder", p, n,
                                   "a placeholder in the text is not in the manifest", e) != 0)
                    return -1;
            }
        }
    }
    return 0;
}

static int check_flags_consent(struct audit_report *r, int c, const struct audit_record *rec,
                               const char *today, size_t *bad, struct err *e)
{
    char note[128];

    for (size_t i = 0; i < rec->nflags; i++) {
        const struct audit_flag *fl = &rec->flags[i];
        const char *f = audit_field_of(rec, &fl->at);
        if (f == NULL || fl->at.start > strlen(f) || fl->at.len > strlen(f) - fl->at.start) {
            (*bad)++;
            if (audit_item_add(r, c, AUDIT_FAIL, rec->id, fl->at.field, fl->kind, NULL, 0,
                               "a review flag lies outside its field", e) != 0)
                return -1;
        } else if (fl->allowed == NULL) {
            (*bad)++;
            if (audit_item_add(r, c, AUDIT_FAIL, rec->id, fl->at.field, fl->kind,
                               f + fl->at.start, fl->at.len,
                               "a review flag was never resolved", e) != 0)
                return -1;
        }
    }
    note[0] = '\0';
    if (!rec->export_ok)
        snprintf(note, sizeof note, "%s", N_("no consent to export"));   /* shown translated */
    else if (rec->withdrawn != NULL && rec->withdrawn[0] != '\0')
        snprintf(note, sizeof note, "consent withdrawn on %.32s", rec->withdrawn);
    else if (rec->embargo != NULL && rec->embargo[0] != '\0' && strcmp(rec->embargo, today) > 0)
        snprintf(note, sizeof note, "under embargo until %.16s", rec->embargo);
    else if (!rec->attachments_ok && rec->nattachments > 0)
        snprintf(note, sizeof note, "%zu attachment(s) carried, but the consent says attachments no",
                 rec->nattachments);
    if (note[0] != '\0') {
        (*bad)++;
        return audit_item_add(r, c, AUDIT_FAIL, rec->id, NULL, "consent", NULL, 0, note, e);
    }
    return 0;
}

int audit_consistency(struct audit_report *r, const struct audit_record *recs, size_t n,
                      const char *const *pseudonyms, size_t np, const char *today,
                      struct err *e)
{
    size_t bad = 0, nred = 0, nflags = 0;
    int c = audit_check_add(r, "consistency", AUDIT_PASS, n, e, "%s", "");

    if (c < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const struct audit_record *rec = &recs[i];
        nred += rec->nred, nflags += rec->nflags;
        if (rec->pseudonym == NULL ||
            !known_pseudonym(rec->pseudonym, strlen(rec->pseudonym), pseudonyms, np)) {
            bad++;
            if (audit_item_add(r, c, AUDIT_FAIL, rec->id, NULL, "pseudonym", NULL, 0,
                               "the record's pseudonym is not in the manifest", e) != 0)
                return -1;
        }
        if (check_redactions(r, c, rec, pseudonyms, np, &bad, e) != 0 ||
            check_placeholders(r, c, rec, &bad, e) != 0 ||
            check_escapes(r, c, rec, &bad, e) != 0 ||
            check_flags_consent(r, c, rec, today, &bad, e) != 0)
            return -1;
    }
    if (bad == 0)
        audit_check_reason(r, c, "%zu records: %zu redactions and %zu review flags agree with the text; consent allows export",
                           n, nred, nflags);
    else
        audit_check_reason(r, c, "%zu problem(s) in %zu records: the manifest and the text disagree, or a record may not leave",
                           bad, n);
    return 0;
}

static const char *yn(int v)
{
    return v ? "yes" : "no";
}

int audit_consent(struct audit_report *r, const struct audit_record *recs, size_t n,
                  struct err *e)
{
    int c = audit_check_add(r, "consent", AUDIT_PASS, n, e, "%s", "");
    char note[256];

    if (c < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const struct audit_record *rec = &recs[i];
        snprintf(note, sizeof note, "subject %.40s: export %s, quote %s, publish %s, "
                 "attachments %s, embargo %.16s, method %.16s, recorded %.32s",
                 rec->subject != NULL ? rec->subject : "(no id: content format 1)",
                 yn(rec->export_ok), yn(rec->quote), yn(rec->publish), yn(rec->attachments_ok),
                 rec->embargo != NULL ? rec->embargo : "none",
                 rec->method != NULL ? rec->method : "none",
                 rec->recorded != NULL ? rec->recorded : "unknown");
        if (audit_item_add(r, c, AUDIT_PASS, rec->id, NULL, "scope", NULL, 0, note, e) != 0)
            return -1;
    }
    audit_check_reason(r, c, "%zu records carry their consent scope (what a scope forbids: "
                       "see consistency)", n);
    return 0;
}
