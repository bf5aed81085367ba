/* One bundle for several contacts (issue 16, adv16b C-14): every notice
 * it carries must be owed to each of them, or the bundle would tell a
 * contact the ids of records and subjects it never received. */
#include "store/notice.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "store/db.h"

/* 1 if the notice n (as db_notice_json writes it) is in the array a. */
static int has_notice(const json_t *a, const json_t *n)
{
    size_t i;
    json_t *m;

    json_array_foreach(a, i, m)
        if (json_equal(m, n))
            return 1;
    return 0;
}

int db_notice_check_mix(const json_t *notices, struct store *s, const char *const *to,
                        size_t nto, struct err *e)
{
    json_t **owed;
    size_t i, k;
    json_t *n;
    long last;
    int rc = 0;

    if (nto < 2 || json_array_size(notices) == 0)
        return 0;
    if ((owed = calloc(nto, sizeof *owed)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    /* What each contact is owed, sent before or not. */
    for (k = 0; k < nto && rc == 0; k++)
        if ((owed[k] = json_array()) == NULL)
            rc = err_set(e, EXIT_INPUT, "out of memory");
        else
            rc = db_notice_json(owed[k], &last, s, &to[k], 1, 1, e);
    json_array_foreach(notices, i, n) {
        size_t yes = nto, no = nto;

        for (k = 0; rc == 0 && k < nto; k++) {
            if (has_notice(owed[k], n))
                yes = yes < nto ? yes : k;
            else
                no = no < nto ? no : k;
        }
        if (rc == 0 && yes < nto && no < nto) {
            rc = err_set(e, EXIT_INPUT, "a notice owed to %s is not owed to %s, which never "
                         "received what it names: write one bundle for each contact (--to %s,"
                         " then --to %s); no bundle was written", to[yes], to[no], to[yes],
                         to[no]);
            break;
        }
    }
    for (k = 0; k < nto; k++)
        json_decref(owed[k]);
    free(owed);
    return rc;
}

int store_notice_contacts(char *out, size_t outlen, struct store *s, long n, struct err *e)
{
    const struct db_val v[] = { DB_INT(n) };
    sqlite3_stmt *st;
    size_t used = 0;
    int rc;

    out[0] = '\0';
    if (db_query(&st, s, "SELECT name FROM (SELECT coalesce((SELECT c.name FROM contact c"
                 " WHERE c.sign_pk = n.contact_pk), n.contact) AS name, n.id AS id FROM notice n"
                 " WHERE n.sent IS NULL ORDER BY n.id DESC LIMIT ?1) GROUP BY name"
                 " ORDER BY min(id)", v, DB_N(v), e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the notices", e)) > 0) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        size_t len = name != NULL ? strlen(name) : 0;

        if (len == 0 || used + len + 3 > outlen)
            continue;
        if (used > 0) {
            memcpy(out + used, ", ", 2);
            used += 2;
        }
        memcpy(out + used, name, len + 1);
        used += len;
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}
