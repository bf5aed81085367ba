/* A sender's pseudonym spelled like a name or term protected here
 * (adv16b C-12): this store's redactor would write another subject's
 * pseudonym (or a placeholder) over it, attributing the testimony to
 * someone else, so such a record may not leave (store/known.h). */
#include "store/known.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/redact.h"
#include "store/db.h"
#include "store/privacy.h"

int store_known_clash(const struct redactor *r, const char *p, struct err *e)
{
    size_t len = known_sender_spelling(p);
    char *text;
    int rc;

    if (len == 0)
        return 0;
    if ((text = strndup(p, len)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    rc = privacy_matches(r, text, e);
    if (rc == 0)
        rc = redactor_any_form(r, text, len, e);
    free(text);
    return rc < 0 ? -1 : rc > 0;
}

int store_record_clash(int *clash, const struct redactor *r, struct store *s,
                       const struct record_row *row, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(row->id) };
    sqlite3_stmt *st;
    int rc;

    *clash = 0;
    if (db_query(&st, s, "SELECT s.pseudonym FROM record r JOIN subject s ON s.id = r.subject_id"
                 " JOIN subject_origin so ON so.subject_id = s.id"
                 " JOIN record_origin o ON o.record_id = r.id JOIN import i ON i.id = o.import_id"
                 " WHERE r.rid = ?1 AND i.sender_pk = so.sender_pk", v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading the record's subject", e);
    if (rc > 0) {
        rc = store_known_clash(r, (const char *)sqlite3_column_text(st, 0), e);
        *clash = rc > 0;
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

int store_import_clashes(size_t *n, char *rid, size_t ridlen, char *subject, size_t subjectlen,
                         struct store *s, long import_id, struct err *e)
{
    const struct db_val v[] = { DB_INT(import_id) };
    struct redactor *r = NULL;
    sqlite3_stmt *st;
    int rc;

    *n = 0;
    rid[0] = subject[0] = '\0';
    /* Each subject the import added records to, with its first record
     * and how many: the redactor is compiled only when there is one. */
    if (db_query(&st, s, "SELECT s.pseudonym, min(r.rid), count(*) FROM record r"
                 " JOIN subject s ON s.id = r.subject_id"
                 " JOIN subject_origin so ON so.subject_id = s.id"
                 " JOIN record_origin o ON o.record_id = r.id JOIN import i ON i.id = o.import_id"
                 " WHERE o.import_id = ?1 AND i.sender_pk = so.sender_pk"
                 " GROUP BY s.id ORDER BY s.id", v, DB_N(v), e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the imported records", e)) > 0) {
        const char *p = (const char *)sqlite3_column_text(st, 0);

        if (r == NULL && store_redactor(&r, s, e) != 0) {
            rc = -1;
            break;
        }
        if ((rc = store_known_clash(r, p, e)) < 0)
            break;
        if (rc == 0)
            continue;
        if (*n == 0) {
            snprintf(rid, ridlen, "%s", (const char *)sqlite3_column_text(st, 1));
            snprintf(subject, subjectlen, "%s", p);
        }
        *n += (size_t)sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    redactor_free(r);
    return rc < 0 ? -1 : 0;
}
