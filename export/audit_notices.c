/* The notices check (issue 16): each notice a bundle's header carries
 * (withdrawal, deletion, changed scope, re-consent, attachment removal;
 * docs/FORMAT.md, "Notices"), listed one item each, and a FAIL for each
 * record the bundle carries that one of its own notices forbids. */
#include <stdio.h>
#include <string.h>

#include "export/manifest.h"
#include "util/intl.h"

/* A notice's member key as text: "?" when it is not a string (the check
 * also runs on headers no reader checked: tests/fuzz/fuzz_manifest.c). */
static const char *text(const json_t *n, const char *key)
{
    const char *v = json_string_value(json_object_get(n, key));

    return v != NULL ? v : "?";
}

static const char *yn(const json_t *v)
{
    return json_is_true(v) ? "yes" : "no";
}

/* The scope a notice carries, in the words of the consent check. */
static void scope_words(char *out, size_t outlen, const json_t *s)
{
    const char *emb = json_string_value(json_object_get(s, "embargo"));
    const char *method = json_string_value(json_object_get(s, "method"));

    snprintf(out, outlen, "export %s, quote %s, publish %s, attachments %s, embargo %.16s, "
             "method %.16s", yn(json_object_get(s, "export")), yn(json_object_get(s, "quote")),
             yn(json_object_get(s, "publish")), yn(json_object_get(s, "attachments")),
             emb != NULL ? emb : "none", method != NULL ? method : "none");
}

/* Why the scope s (a scope or re-consent notice's) forbids rec on day
 * today, or NULL: no export, an embargo after today, attachments carried
 * that it says no to (the consistency check's rules, export/audit.h). */
static const char *scope_forbids(const json_t *s, const struct audit_record *rec,
                                 const char *today)
{
    const char *emb = json_string_value(json_object_get(s, "embargo"));

    if (!json_is_true(json_object_get(s, "export")))
        return "no consent to export";
    if (emb != NULL && strcmp(emb, today) > 0)
        return "under embargo";
    if (!json_is_true(json_object_get(s, "attachments")) && rec->nattachments > 0)
        return "attachments carried, but the scope says attachments no";
    return NULL;
}

static int same(const char *a, const char *b)
{
    return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* What the bundle's own notices, read in order, say of rec: the notice
 * that forbids it (*why filled), or NULL.  A subject withdrawn stays so
 * until a later re-consent of at least that round; the last scope a
 * scope or re-consent notice carries is the subject's. */
static const json_t *forbidding(const char **why, const json_t *notices,
                                const struct audit_record *rec, const char *today)
{
    const json_t *withdrawal = NULL, *scope = NULL, *n;
    json_int_t wround = 0;
    size_t i;

    json_array_foreach(notices, i, n) {
        const char *kind = json_string_value(json_object_get(n, "kind"));
        const char *rid = json_string_value(json_object_get(n, "record"));
        json_int_t round = json_is_integer(json_object_get(n, "round"))
                           ? json_integer_value(json_object_get(n, "round")) : 1;

        if (kind == NULL || !same(json_string_value(json_object_get(n, "subject")), rec->subject))
            continue;
        if (strcmp(kind, "deletion") == 0 && (rid == NULL || same(rid, rec->id))) {
            *why = rid == NULL ? "its subject was forgotten at the source"
                               : "it was deleted at the source";
            return n;
        }
        if (strcmp(kind, "withdrawal") == 0)
            withdrawal = n, wround = round;
        else if (strcmp(kind, "reconsent") == 0 && withdrawal != NULL && round >= wround)
            withdrawal = NULL;
        if (strcmp(kind, "scope") == 0 || strcmp(kind, "reconsent") == 0)
            scope = n;
    }
    if (withdrawal != NULL) {
        *why = "its subject's consent was withdrawn";
        return withdrawal;
    }
    if (scope != NULL && (*why = scope_forbids(json_object_get(scope, "scope"), rec, today)) != NULL)
        return scope;
    return NULL;
}

/* One PASS item per notice: its kind as what, its record, the rest in
 * the note. */
static int list_notice(struct audit_report *r, int c, const json_t *n, struct err *e)
{
    const char *att = json_string_value(json_object_get(n, "attachment"));
    const json_t *scope = json_object_get(n, "scope");
    char note[400], words[200] = "", round[40] = "";

    if (json_is_integer(json_object_get(n, "round")))
        snprintf(round, sizeof round, ", round %lld",
                 (long long)json_integer_value(json_object_get(n, "round")));
    if (scope != NULL) {
        memcpy(words, ", scope: ", 10);
        scope_words(words + 9, sizeof words - 9, scope);
    }
    snprintf(note, sizeof note, "subject %.40s%s, day %.10s%s%s%s%.64s", text(n, "subject"),
             json_is_null(json_object_get(n, "record")) ? ", all its records" : "",
             text(n, "day"), round, words,
             att != NULL ? ", attachment " : "", att != NULL ? att : "");
    return audit_item_add(r, c, AUDIT_PASS, json_string_value(json_object_get(n, "record")),
                          NULL, json_string_value(json_object_get(n, "kind")), NULL, 0, note, e);
}

int audit_notices(struct audit_report *r, const json_t *notices,
                  const struct audit_record *recs, size_t n, const char *today, struct err *e)
{
    size_t count = json_array_size(notices), bad = 0, i;
    const json_t *v;
    int c;

    if (count == 0)            /* no check: the report of a bundle without notices is unchanged */
        return 0;
    if ((c = audit_check_add(r, "notices", AUDIT_PASS, count, e, "%s", "")) < 0)
        return -1;
    json_array_foreach(notices, i, v) {
        if (list_notice(r, c, v, e) != 0)
            return -1;
    }
    for (i = 0; i < n; i++) {
        const char *why = NULL;
        const json_t *by = forbidding(&why, notices, &recs[i], today);
        char note[200];

        if (by == NULL)
            continue;
        bad++;
        snprintf(note, sizeof note, "%s: the bundle's own %s notice of %.10s forbids it", why,
                 text(by, "kind"), text(by, "day"));
        if (audit_item_add(r, c, AUDIT_FAIL, recs[i].id, NULL, "notice", NULL, 0, note, e) != 0)
            return -1;
    }
    if (bad == 0)
        audit_check_reason(r, c, "%zu notice(s) for the recipients (withdrawals, deletions, scopes, "
                           "re-consents, removals); none forbids a record the bundle carries", count);
    else
        audit_check_reason(r, c, "%zu record(s) carried although a notice the bundle carries "
                           "forbids them (of %zu notice(s))", bad, count);
    return 0;
}
