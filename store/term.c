/* Protected terms (a subject's or store-wide) and allowed texts. */
#include "store/term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/allow.h"
#include "privacy/redact.h"
#include "store/db.h"
#include "store/privacy.h"

/* The text must be something the matcher can protect: a scratch redactor
 * takes it (e.g. it refuses a text that normalises to nothing). */
static int protectable(struct store *s, int cat, const char *text, struct err *e)
{
    struct redactor *r;
    int rc;

    if (privacy_answers_load(s, e) != 0 || redactor_new(&r, e) != 0)
        return -1;
    rc = redactor_add_term(r, (enum term_category)cat, 0, text, strlen(text), e);
    if (rc == 0)
        rc = redactor_compile(r, e);
    redactor_free(r);
    return rc;
}

static int term_exists(struct store *s, long sid, const char *text, struct err *e)
{
    const struct db_val v[] = { DB_ID(sid), DB_TEXT(text) };
    long id = 0;

    if (db_int(&id, s, "SELECT id FROM term WHERE subject_id IS ?1 AND text = ?2", v, DB_N(v),
               "reading the terms", e) < 0)
        return -1;
    if (id != 0)
        return err_set(e, EXIT_INPUT, "this text is already protected (term %ld); nothing was changed", id);
    return 0;
}

/* Inserts one term inside the caller's transaction (sid 0: store-wide),
 * after the checks every new term gets. */
int db_term_insert(long *id, struct store *s, long sid, const char *category,
                   const char *text, struct err *e)
{
    const char *const one[] = { text };
    char now[32], idtext[32];
    const struct db_val v[] = { DB_ID(sid), DB_TEXT(category), DB_TEXT(text), DB_TEXT(now) };
    int cat;

    if (term_category_parse(&cat, category, e) != 0 || identity_check(text, "the term", e) != 0 ||
        protectable(s, cat, text, e) != 0 || term_exists(s, sid, text, e) != 0 ||
        privacy_check_pseudonyms(s, cat, one, 1, e) != 0)
        return -1;
    db_now(now, sizeof now);
    if (db_run(s, "INSERT INTO term(subject_id, category, text, added) VALUES (?1, ?2, ?3, ?4)",
               v, DB_N(v), "adding the term", e) != 0)
        return -1;
    *id = sqlite3_last_insert_rowid(s->db);
    snprintf(idtext, sizeof idtext, "%ld", *id);
    /* A place's spellings were asked of hunspell-ko for it: kept in this
     * transaction, so that later redactors of the store need not ask. */
    return store_log(s, sid != 0 ? "subject.term" : "term.add", idtext, e) == 0 &&
           privacy_answers_keep(s, e) == 0 ? 0 : -1;
}

int store_term_add(long *id, struct store *s, const char *category,
                   const char *text, struct err *e)
{
    if (store_begin(s, e) != 0)
        return -1;
    if (db_term_insert(id, s, 0, category, text, e) != 0) {
        store_rollback(s);
        return -1;
    }
    return store_commit(s, e);
}

int store_term_each(struct store *s, term_fn fn, void *ctx, struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    if (db_prepare(&st, s, "SELECT t.id, t.category, t.text, t.added, s.pseudonym FROM term t"
                   " LEFT JOIN subject s ON s.id = t.subject_id ORDER BY t.id", e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the terms", e)) > 0) {
        struct term_row row;
        row.id = sqlite3_column_int64(st, 0);
        row.category = (const char *)sqlite3_column_text(st, 1);
        row.text = (const char *)sqlite3_column_text(st, 2);
        row.added = (const char *)sqlite3_column_text(st, 3);
        row.pseudonym = (const char *)sqlite3_column_text(st, 4);
        if ((rc = fn(ctx, &row, e)) != 0)
            break;
    }
    sqlite3_finalize(st);
    return rc;
}

int store_term_remove(struct store *s, long id, struct err *e)
{
    const struct db_val v[] = { DB_INT(id) };
    char idtext[32];
    int rc;

    if (store_begin(s, e) != 0)
        return -1;
    rc = db_run(s, "DELETE FROM term WHERE id = ?1", v, DB_N(v), "removing the term", e);
    if (rc == 0 && sqlite3_changes(s->db) == 0)
        rc = err_set(e, EXIT_INPUT, "no term %ld (see 'intake term list')", id);
    snprintf(idtext, sizeof idtext, "%ld", id);
    if (rc != 0 || store_log(s, "term.remove", idtext, e) != 0) {
        store_rollback(s);
        return -1;
    }
    return store_commit(s, e);
}

/* An allowed text goes to auditors: it must hold nothing protected, but
 * for a name that is also a word, as the review flag over it shows it
 * (allow_kind: the flag already tells the auditor what kind of word
 * stands there, and the word leaves as written). */
static int allow_checks(struct store *s, const char *text, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(text) };
    struct redactor *r;
    long one;
    int rc, dup;

    if (identity_check(text, "the allowed text", e) != 0 || store_redactor(&r, s, e) != 0)
        return -1;
    rc = redactor_allow_check(r, text, e);
    redactor_free(r);
    if (rc != 0)
        return -1;
    dup = db_int(&one, s, "SELECT 1 FROM allowed WHERE text = ?1", v, DB_N(v),
                 "reading the allowed texts", e);
    if (dup < 0)
        return -1;
    if (dup)
        return err_set(e, EXIT_INPUT, "this text is already allowed; nothing was changed");
    return 0;
}

int store_allow(struct store *s, const char *text, struct err *e)
{
    char now[32], idtext[32];
    const struct db_val v[] = { DB_TEXT(text), DB_TEXT(now) };

    if (store_begin(s, e) != 0)
        return -1;
    db_now(now, sizeof now);
    if (allow_checks(s, text, e) != 0 ||
        db_run(s, "INSERT INTO allowed(text, added) VALUES (?1, ?2)", v, DB_N(v),
               "recording the allowed text", e) != 0) {
        store_rollback(s);
        return -1;
    }
    snprintf(idtext, sizeof idtext, "%lld", (long long)sqlite3_last_insert_rowid(s->db));
    if (store_log(s, "allow", idtext, e) != 0) {
        store_rollback(s);
        return -1;
    }
    return store_commit(s, e);
}

int store_allowed_each(struct store *s, allowed_fn fn, void *ctx, struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    if (db_prepare(&st, s, "SELECT id, text, added FROM allowed ORDER BY id", e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the allowed texts", e)) > 0) {
        struct allowed_row row;
        row.id = sqlite3_column_int64(st, 0);
        row.text = (const char *)sqlite3_column_text(st, 1);
        row.added = (const char *)sqlite3_column_text(st, 2);
        if ((rc = fn(ctx, &row, e)) != 0)
            break;
    }
    sqlite3_finalize(st);
    return rc;
}
