/* A subject's informed consent: a dated history, the last entry counts. */
#include "store/db.h"

#include <stdio.h>
#include <string.h>

#include "store/subject.h"

int store_consent_get(struct consent *c, struct store *s, const char *pseudonym,
                      struct err *e)
{
    sqlite3_stmt *st;
    long sid;
    int step;

    memset(c, 0, sizeof *c);
    if (db_subject_id(&sid, s, pseudonym, e) != 0 ||
        db_prepare(&st, s, "SELECT export, quote, publish, attachments, method, embargo,"
                   " withdrawn, date FROM consent WHERE subject_id = ?1 ORDER BY id DESC LIMIT 1",
                   e) != 0)
        return -1;
    sqlite3_bind_int64(st, 1, sid);
    step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        const char *date = (const char *)sqlite3_column_text(st, 7);
        c->recorded = 1;
        c->export_ok = sqlite3_column_int(st, 0) != 0;
        c->quote = sqlite3_column_int(st, 1) != 0;
        c->publish = sqlite3_column_int(st, 2) != 0;
        c->attachments = sqlite3_column_int(st, 3) != 0;
        snprintf(c->method, sizeof c->method, "%s", (const char *)sqlite3_column_text(st, 4));
        snprintf(c->embargo, sizeof c->embargo, "%s", (const char *)sqlite3_column_text(st, 5));
        snprintf(c->date, sizeof c->date, "%s", date);
        if (sqlite3_column_int(st, 6) != 0)
            snprintf(c->withdrawn, sizeof c->withdrawn, "%s", date);
    }
    sqlite3_finalize(st);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return db_fail(s, e, "reading the consent");
    return 0;
}

void consent_blocks(char *why, size_t whylen, const struct consent *c,
                    const char *today)
{
    if (!c->recorded)
        snprintf(why, whylen, "no consent is recorded (record it with 'intake consent PSEUDONYM --export yes')");
    else if (c->withdrawn[0] != '\0')
        snprintf(why, whylen, "consent was withdrawn on %.10s", c->withdrawn);
    else if (!c->export_ok)
        snprintf(why, whylen, "the recorded consent does not allow export (--export no)");
    else if (c->embargo[0] != '\0' && strcmp(today, c->embargo) < 0)
        snprintf(why, whylen, "under embargo until %s", c->embargo);
    else if (whylen > 0)
        why[0] = '\0';
}

static const char *const methods[] = { "verbal", "written", "recorded" };

static int check_change(const struct consent_change *c, struct err *e)
{
    int ok = c->method == NULL;

    for (size_t i = 0; !ok && i < sizeof methods / sizeof methods[0]; i++)
        ok = strcmp(c->method, methods[i]) == 0;
    if (!ok)
        return err_set(e, EXIT_INPUT, "--method must be verbal, written or recorded");
    if (c->embargo != NULL && c->embargo[0] != '\0' &&
        (strlen(c->embargo) != 10 || c->embargo[4] != '-' || c->embargo[7] != '-'))
        return err_set(e, EXIT_INPUT, "--embargo must be a date YYYY-MM-DD");
    return 0;
}

static int keep(int change, int old)
{
    return change < 0 ? old : change != 0;
}

int store_consent_set(struct store *s, const char *pseudonym,
                      const struct consent_change *c, struct err *e)
{
    struct consent old;
    sqlite3_stmt *st;
    char now[32], sid_text[32];
    long sid;
    int rc;

    if (check_change(c, e) != 0 || store_begin(s, e) != 0)
        return -1;
    if (db_subject_id(&sid, s, pseudonym, e) != 0 || store_consent_get(&old, s, pseudonym, e) != 0)
        goto fail;
    if (old.withdrawn[0] != '\0' || c->withdraw)
        memset(&old, 0, sizeof old);     /* after a withdrawal, everything starts at no */
    db_now(now, sizeof now);
    if (db_prepare(&st, s, "INSERT INTO consent(subject_id, export, quote, publish, attachments,"
                   " method, embargo, withdrawn, date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                   e) != 0)
        goto fail;
    sqlite3_bind_int64(st, 1, sid);
    sqlite3_bind_int(st, 2, keep(c->export_ok, old.export_ok));
    sqlite3_bind_int(st, 3, keep(c->quote, old.quote));
    sqlite3_bind_int(st, 4, keep(c->publish, old.publish));
    sqlite3_bind_int(st, 5, keep(c->attachments, old.attachments));
    db_bind_text(st, 6, c->method != NULL ? c->method : old.method);
    db_bind_text(st, 7, c->embargo != NULL ? c->embargo : old.embargo);
    sqlite3_bind_int(st, 8, c->withdraw != 0);
    db_bind_text(st, 9, now);
    rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(s, e, "recording the consent");
    sqlite3_finalize(st);
    snprintf(sid_text, sizeof sid_text, "%ld", sid);
    if (rc != 0 || store_log(s, "consent", sid_text, e) != 0)
        goto fail;
    return store_commit(s, e);
fail:
    store_rollback(s);
    return -1;
}
