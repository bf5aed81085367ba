/* One bundle for several contacts (issue 16, adv16b C-14): every notice
 * it carries must be owed to each of them, or the bundle would tell a
 * contact the ids of records and subjects it never received. A notice
 * owed to some of them only and sent to those before stays out of the
 * bundle (adv19c C-3: headquarters and an auditor read one bundle). */
#include "store/notice.h"

#include <stdio.h>
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

/* Appends ",name" (or "name" first) to out (outlen bytes) unless it is
 * there already or does not fit. */
static void add_name(char *out, size_t outlen, const char *name)
{
    size_t used = strlen(out), len = strlen(name);
    const char *p = out;

    while ((p = strstr(p, name)) != NULL) {
        if ((p == out || p[-1] == ',') && (p[len] == '\0' || p[len] == ','))
            return;
        p += len;
    }
    if (used + len + 3 > outlen)
        return;
    snprintf(out + used, outlen - used, "%s%s", used > 0 ? "," : "", name);
}

int db_notice_check_mix(json_t *notices, size_t *napart, char *apart, size_t apartlen,
                        struct store *s, const char *const *to, size_t nto, int notices_only,
                        struct err *e)
{
    json_t **owed, **fresh;
    size_t i, k;
    long last;
    int rc = 0;

    *napart = 0;
    apart[0] = '\0';
    if (nto < 2 || json_array_size(notices) == 0)
        return 0;
    owed = calloc(nto, sizeof *owed);
    fresh = calloc(nto, sizeof *fresh);
    /* What each contact is owed, sent before or not, and not yet sent. */
    for (k = 0; k < nto && owed != NULL && fresh != NULL && rc == 0; k++)
        if ((owed[k] = json_array()) == NULL || (fresh[k] = json_array()) == NULL)
            rc = -1;
        else if (db_notice_json(owed[k], &last, s, &to[k], 1, 1, e) != 0 ||
                 db_notice_json(fresh[k], &last, s, &to[k], 1, 0, e) != 0)
            rc = -2;
    if (owed == NULL || fresh == NULL || rc == -1)
        rc = err_set(e, EXIT_INPUT, "out of memory");
    for (i = 0; rc == 0 && i < json_array_size(notices);) {
        const json_t *n = json_array_get(notices, i);
        size_t yes = nto, no = nto, unsent = nto;

        for (k = 0; k < nto; k++) {
            if (!has_notice(owed[k], n)) {
                no = no < nto ? no : k;
                continue;
            }
            yes = yes < nto ? yes : k;
            if (has_notice(fresh[k], n))
                unsent = unsent < nto ? unsent : k;
        }
        if (yes == nto || no == nto) {   /* owed to every recipient (or none) */
            i++;
            continue;
        }
        /* Owed to some only: it names records and subjects the others
         * never received. notify writes notices only: one bundle each. */
        if (notices_only) {
            rc = err_set(e, EXIT_INPUT, "a notice owed to %s is not owed to %s, which never "
                         "received what it names: write one bundle for each contact (--to %s,"
                         " then --to %s); no bundle was written", to[yes], to[no], to[yes],
                         to[no]);
            break;
        }
        /* Never sent: it must reach that contact before anything after
         * it, so it travels first, alone (issue 16, adv19c C-3). */
        if (unsent < nto) {
            rc = err_set(e, EXIT_INPUT, "a notice owed to %s was never sent and cannot travel "
                         "in this bundle: %s never received what it names; send it first with "
                         "'intake notify --to %s', then export again; no bundle was written",
                         to[unsent], to[no], to[unsent]);
            break;
        }
        /* Sent before to each contact owed it: left out of this bundle,
         * still owed (every bundle to that contact alone carries it). */
        for (k = 0; k < nto; k++)
            if (has_notice(owed[k], n))
                add_name(apart, apartlen, to[k]);
        (*napart)++;
        json_array_remove(notices, i);
    }
    for (k = 0; k < nto; k++) {
        json_decref(owed != NULL ? owed[k] : NULL);
        json_decref(fresh != NULL ? fresh[k] : NULL);
    }
    free(owed);
    free(fresh);
    return rc < 0 ? -1 : 0;
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
