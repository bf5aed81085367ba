/* What show, list and subject show say of tombstones (intake/tombstone.h). */
#include "intake/tombstone.h"

#include <stdio.h>
#include <string.h>

#include "intake/cli.h"
#include "store/store.h"
#include "util/intl.h"

/* The first tombstone of a record, copied out of the row. */
struct first {
    int found, removed, withdrawal, local, forgot;
    char id[RECORD_ID_CHARS + 1], day[16], who[2 * CONTACT_NAME_MAX + 1];
    char held[2 * CONTACT_NAME_MAX + 1];
};

/* The contact's name, or the start of an unknown sender's key. */
static void who(char *out, size_t outlen, const struct tombstone_row *t)
{
    if (t->sender != NULL && t->sender[0] != '\0')
        snprintf(out, outlen, "%s", t->sender);
    else
        snprintf(out, outlen, _("an unknown sender (signing key %.16s)"), t->sender_key);
}

static int keep_first(void *ctx, const struct tombstone_row *t, struct err *e)
{
    struct first *f = ctx;

    (void)e;
    if (f->found++ > 0)
        return 0;
    f->removed = t->removed;
    f->local = t->local;
    f->forgot = t->forgot;
    if (t->held != NULL && t->held[0] != '\0')
        snprintf(f->held, sizeof f->held, "%s", t->held);
    else if (t->held_key[0] != '\0')
        snprintf(f->held, sizeof f->held, _("an unknown sender (signing key %.16s)"), t->held_key);
    f->withdrawal = strcmp(t->kind, "withdrawal") == 0;
    snprintf(f->id, sizeof f->id, "%s", t->record);
    snprintf(f->day, sizeof f->day, "%s", t->day);
    who(f->who, sizeof f->who, t);
    return 0;
}

static int add_json(void *ctx, const struct tombstone_row *t, struct err *e);

/* show --json: the record's first tombstone as list --json has it, on
 * standard output (issue 16, F11). */
static int print_json(struct store *s, const char *given, struct err *e)
{
    json_t *arr = json_array();
    int rc = arr == NULL ? err_set(e, EXIT_INPUT, "out of memory")
             : store_tombstone_each(s, given, NULL, add_json, arr, e);

    if (rc == 0 && json_array_size(arr) > 0) {
        json_dumpf(json_array_get(arr, 0), stdout, JSON_INDENT(2));
        putchar('\n');
    }
    json_decref(arr);
    return rc;
}

int cli_tombstone_show(struct store *s, const char *given, int json)
{
    char id[RECORD_ID_CHARS + 1];
    struct first f = { 0 };
    struct err e;

    err_clear(&e);
    if (store_record_id(id, sizeof id, s, given, &e) == 0)
        return 0;
    err_clear(&e);
    if (store_tombstone_each(s, given, NULL, keep_first, &f, &e) != 0)
        return cli_fail(&e);
    if (!f.found)
        return 0;
    if (json && print_json(s, given, &e) != 0)
        return cli_fail(&e);
    if (f.local && f.forgot)
        return cli_error(EXIT_INPUT, "record %s was forgotten here with its subject (subject "
                         "forget of %s), with its attachments; it came from %s; this store "
                         "will not import it again", f.id, f.day,
                         f.held[0] != '\0' ? f.held : _("an unknown sender"));
    if (f.local)
        return cli_error(EXIT_INPUT, "record %s was deleted here (record delete of %s), with "
                         "its attachments; this store will not import it again", f.id, f.day);
    if (f.withdrawal && f.removed)
        return cli_error(EXIT_INPUT, "record %s was withdrawn at the source: its subject's "
                         "consent was withdrawn (notice from %s of %s); this store deleted it, "
                         "with its attachments",
                         f.id, f.who, f.day);
    if (f.withdrawal)
        return cli_error(EXIT_INPUT, "record %s was withdrawn at the source: its subject's "
                         "consent was withdrawn (notice from %s of %s); this store will not "
                         "import it",
                         f.id, f.who, f.day);
    if (f.removed)
        return cli_error(EXIT_INPUT, "record %s was deleted at the source (notice from %s of %s); "
                         "this store deleted it, with its attachments", f.id, f.who, f.day);
    return cli_error(EXIT_INPUT, "record %s was deleted at the source (notice from %s of %s); "
                     "this store will not import it", f.id, f.who, f.day);
}

static int add_json(void *ctx, const struct tombstone_row *t, struct err *e)
{
    /* kind "local": this store's own record delete of an imported record,
     * "forget": its subject forget of one; for both, sender is the
     * contact whose bundle brought the record (adv19c C-5) */
    int own = t->local && t->held_key[0] != '\0';
    json_t *o = json_pack("{s:s, s:{s:s, s:s, s:s, s:s, s:s?, s:s, s:b}}", "id", t->record,
                          "tombstone", "kind",
                          t->local ? (t->forgot ? "forget" : "local") : t->kind,
                          "subject", t->subject, "day", t->day, "at", t->at,
                          "sender", own ? t->held : t->sender,
                          "sender_key", own ? t->held_key : t->sender_key,
                          "deleted", t->removed);

    return json_array_append_new(ctx, o) == 0 ? 0 : err_set(e, EXIT_INPUT, "out of memory");
}

int cli_tombstones_json(struct store *s, json_t *array, struct err *e)
{
    return store_tombstone_each(s, NULL, NULL, add_json, array, e);
}

void cli_tombstones_note(struct store *s)
{
    struct err e;
    long n = 0;

    err_clear(&e);
    if (store_tombstone_count(&n, s, &e) == 0 && n > 0)
        cli_note("%ld record(s) were deleted by notices from their senders (see 'intake list "
                 "--json')", n);
    err_clear(&e);
    if (store_tombstone_count_here(&n, s, &e) == 0 && n > 0)
        cli_note("%ld imported record(s) were deleted here: a later bundle does not bring them "
                 "back (see 'intake list --json')", n);
}

static int print_subject(void *ctx, const struct tombstone_row *t, struct err *e)
{
    char by[2 * CONTACT_NAME_MAX + 1];

    (void)ctx;
    (void)e;
    who(by, sizeof by, t);
    if (strcmp(t->kind, "withdrawal") == 0)
        printf(_("withdrawn at the source (notice from %s of %s)\n"), by, t->day);
    else if (strcmp(t->kind, "reconsent") == 0)
        printf(_("consented again at the source (notice from %s of %s): its later records "
                 "may come\n"), by, t->day);
    else
        printf(_("deleted at the source (notice from %s of %s)\n"), by, t->day);
    return 0;
}

int cli_tombstone_subject(struct store *s, const char *uid, struct err *e)
{
    return store_tombstone_each(s, NULL, uid, print_subject, NULL, e);
}
