/* The audit of a received bundle (store/audit.h): the origin check, which
 * needs this store's contacts, then export/manifest's checks. */
#include "store/audit.h"

#include <jansson.h>
#include <stdio.h>

#include <sodium.h>

#include "export/manifest.h"
#include "store/db.h"
#include "store/import.h"

/* What the bundle holds, kept until its signature is verified. */
struct collected {
    json_t *header, *records;
    size_t attachments;
};

static int on_header(void *ctx, json_t *doc, struct err *e)
{
    struct collected *c = ctx;

    (void)e;
    c->header = json_incref(doc);
    return 0;
}

static int on_record(void *ctx, json_t *rec, struct err *e)
{
    struct collected *c = ctx;

    return json_array_append(c->records, rec) == 0 ? 0
           : err_set(e, EXIT_INPUT, "out of memory reading the bundle");
}

static int on_blob(void *ctx, json_t *head, struct err *e)
{
    struct collected *c = ctx;

    (void)head, (void)e;
    c->attachments++;
    return 0;
}

static int read_collect(struct collected *c, struct bundle_info *info, struct store *s,
                        const char *path, struct err *e)
{
    struct content_handler h = { on_header, on_record, on_blob, NULL, NULL, c };
    struct opened_bundle b;
    int rc;

    rc = store_bundle_open(&b, s, path, e) == 0 && store_bundle_read(&b, &h, info, e) == 0
         ? 0 : -1;
    store_bundle_close(&b);
    return rc;
}

/* origin: the signature, commitment, chunks and padding were verified by
 * bundle_read; the sender must be a known contact. */
static int check_origin(struct audit_report *rep, struct store *s, const struct bundle_info *info,
                        const struct collected *c, struct err *e)
{
    char name[CONTACT_NAME_MAX + 1] = "";
    char key[2 * crypto_sign_PUBLICKEYBYTES + 1], head[2 * LOG_HASHBYTES + 1] = "";
    json_t *lh = json_object_get(c->header, "log_head");
    int level, verified = 0;

    if (store_contact_by_sign_pk(name, sizeof name, &verified, s, info->sender_pk, e) != 0)
        return -1;
    sodium_bin2hex(key, sizeof key, info->sender_pk, sizeof info->sender_pk);
    snprintf(head, sizeof head, "%s", json_is_string(json_object_get(lh, "hash"))
             ? json_string_value(json_object_get(lh, "hash")) : "none");
    level = name[0] == '\0' ? AUDIT_FAIL : verified ? AUDIT_PASS : AUDIT_WARN;
    if (audit_check_add(rep, "origin", level, 1, e,
                        "%s%s%s; signature, key commitment, %zu recipient(s), every chunk and the padding verified; %zu attachment(s); sender's log head at export: entry %lld, %s",
                        name[0] == '\0' ? "signed by an UNKNOWN key " : "signed by contact '",
                        name[0] == '\0' ? key : name,
                        name[0] == '\0' ? " (add their card with 'intake contact add')"
                        : verified ? "' (safety number compared)"
                                   : "' (NOT verified: compare safety numbers with 'intake contact verify')",
                        info->nrecipients, c->attachments,
                        (long long)json_integer_value(json_object_get(lh, "seq")), head) < 0)
        return -1;
    return 0;
}

/* The checks over the content; a malformed manifest is a consistency FAIL. */
static int check_content(struct audit_report *rep, const struct collected *c, size_t k,
                         struct err *e)
{
    char day[16];

    db_today(day, sizeof day);
    if (manifest_audit(rep, c->header, c->records, day, k, e) == 0)
        return 0;
    if (e == NULL || e->code != EXIT_INPUT)
        return -1;
    /* Signed but inconsistent with itself: the manifest disagrees. */
    return audit_check_add(rep, "consistency", AUDIT_FAIL, json_array_size(c->records), e,
                           "%s", e->msg) < 0 ? -1 : 0;
}

int store_audit(struct audit_report *rep, struct store *s, const char *path, size_t k,
                struct err *e)
{
    struct collected c = { NULL, json_array(), 0 };
    struct bundle_info info;
    int rc = -1;

    if (c.records == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    if (read_collect(&c, &info, s, path, e) != 0) {
        /* Nothing in it can be trusted: origin fails, nothing else is read. */
        if (e != NULL && e->code == EXIT_AUTH &&
            audit_check_add(rep, "origin", AUDIT_FAIL, 1, e, "%s", e->msg) >= 0)
            rc = 0;
    } else if (check_origin(rep, s, &info, &c, e) == 0 && check_content(rep, &c, k, e) == 0) {
        rc = 0;
    }
    json_decref(c.header);
    json_decref(c.records);
    return rc;
}
