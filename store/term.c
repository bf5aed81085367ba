/* Protected terms (a subject's or store-wide) and allowed texts. */
#include "store/term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/readings.h"
#include "privacy/redact.h"
#include "store/db.h"
#include "store/privacy.h"

/* The text must be something the matcher can protect: a scratch redactor
 * takes it (e.g. it refuses a text that normalises to nothing). */
static int protectable(int cat, const char *text, struct err *e)
{
    struct redactor *r;
    int rc;

    if (redactor_new(&r, e) != 0)
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
        protectable(cat, text, e) != 0 || term_exists(s, sid, text, e) != 0 ||
        privacy_check_pseudonyms(s, one, 1, e) != 0)
        return -1;
    db_now(now, sizeof now);
    if (db_run(s, "INSERT INTO term(subject_id, category, text, added) VALUES (?1, ?2, ?3, ?4)",
               v, DB_N(v), "adding the term", e) != 0)
        return -1;
    *id = sqlite3_last_insert_rowid(s->db);
    snprintf(idtext, sizeof idtext, "%ld", *id);
    return store_log(s, sid != 0 ? "subject.term" : "term.add", idtext, e);
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

/* What text, redacted alone, is to `allow`: ALLOW_WORD if it replaces
 * nothing and is, whole, one review flag of kind name-or-word: a
 * registered name that is also an ordinary word (나라, гэрэл, bold), which
 * the redactor leaves in the text where the context does not mark a name
 * (docs/VARIANTS.md).  Allowing it says "where it may be the word, it is
 * the word"; where the context marks a name it is still replaced.
 * ALLOW_SHORT_NAME if it is a one-syllable given name of a registered
 * name (FORM_CONTEXT: 민, Min of 박민), or starts with one and is flagged
 * (민에게, 민아, Min-ssi): that flag stands only where the context marks
 * the person, so allowing it would let the name leave (report-adv12d
 * F37, F38).  A Mongolian short form that is an ordinary word (FORM_SHORT)
 * may still be allowed: its flag stands wherever it is written with a
 * capital.  ALLOW_GLUED if a registered name or term stands in it with
 * letters or digits glued to it (a glued-name flag: "Kim Jong-sux",
 * report-adv13b NEW-9).  ALLOW_OTHER else; -1 with e (out of memory). */
enum { ALLOW_OTHER, ALLOW_WORD, ALLOW_SHORT_NAME, ALLOW_GLUED };

struct short_key {
    const char *key;
    size_t keylen;
    int flagged;                /* the text holds a short-name flag */
    int found;
};

static int short_form_is(void *ctx, const char *key, size_t keylen, const struct redact_form *f)
{
    struct short_key *k = ctx;

    if (f->kind == FORM_CONTEXT && keylen <= k->keylen && memcmp(key, k->key, keylen) == 0 &&
        (keylen == k->keylen || k->flagged))
        k->found = 1;
    return 0;
}

/* 1 if text, redacted alone to out, is one Hangul word whose only review
 * flag is a glued-name flag over all of it (영호남 "Yeongnam-Honam" of a
 * registered 영호: report-adv12g A-12) and no part of three syllables or
 * more at its start is protected (김영호남 holds the full name 김영호): a
 * word with a given name inside it may be allowed as that whole word,
 * where the flag stands on it; 영호 and 영호가 are replaced, not flagged,
 * and stay refused.  0 if not; -1 with e (out of memory). */
static int allow_glued_ko_word(const struct redactor *r, const struct redaction *out,
                               const char *text, struct err *e)
{
    size_t len = strlen(text);
    char part[64];
    int cp, hit;

    if (out->nitems != 0 || out->nflags != 1 || strcmp(out->flags[0].kind, "glued-name") != 0 ||
        out->flags[0].start != 0 || out->flags[0].len != out->len || len % 3 != 0 ||
        len >= sizeof part)
        return 0;
    for (size_t i = 0; i < len; i += 3)
        if (utf8_next(&cp, text + i, len - i) != 3 || cp < 0xAC00 || cp > 0xD7A3)
            return 0;
    for (size_t k = 9; k < len; k += 3) {
        memcpy(part, text, k);
        part[k] = '\0';
        if ((hit = privacy_matches(r, part, e)) != 0)
            return hit < 0 ? -1 : 0;
    }
    return 1;
}

static int allow_kind(const struct redactor *r, const char *text, struct err *e)
{
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct short_key k = { NULL, 0, 0, 0 };
    char *key = NULL;
    int kind = ALLOW_OTHER;

    if (ctx == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    if (redactor_run(&out, r, ctx, text, strlen(text), e) != 0) {
        redact_ctx_free(ctx);
        if (e->code != EXIT_AUTH)
            return -1;
        err_clear(e);
        return ALLOW_OTHER;
    }
    for (size_t i = 0; i < out.nflags; i++) {
        k.flagged |= strcmp(out.flags[i].kind, "short-name") == 0;
        /* A registered name or term with letters or digits glued to it
         * ("Kim Jong-sux", "xChongjin"): allowed, it would leave whole. */
        if (strcmp(out.flags[i].kind, "glued-name") == 0)
            kind = ALLOW_GLUED;
    }
    if (kind == ALLOW_OTHER && out.nitems == 0 && out.nflags == 1 &&
        strcmp(out.flags[0].kind, "name-or-word") == 0 && out.flags[0].start == 0 &&
        out.flags[0].len == out.len)
        kind = ALLOW_WORD;
    if (kind == ALLOW_GLUED) {
        int word = allow_glued_ko_word(r, &out, text, e);
        if (word < 0) {
            redaction_free(&out);
            redact_ctx_free(ctx);
            return -1;
        }
        kind = word ? ALLOW_WORD : kind;
    }
    redaction_free(&out);
    redact_ctx_free(ctx);
    if (kind == ALLOW_WORD || kind == ALLOW_GLUED)
        return kind;
    if (normalise_key(&key, &k.keylen, text, strlen(text), e) != 0)
        return -1;
    k.key = key;
    (void)redactor_each_form(r, WORDS_SEEN, short_form_is, &k);
    secmem_free(key);
    return k.found ? ALLOW_SHORT_NAME : ALLOW_OTHER;
}

/* 1 if another reading of text holds a protected form (brief i12-names,
 * report-adv12g ): joined as the redactor reads names split by
 * spaces, line-end hyphens, quotes or stops ("Young ho", "Young- ho"),
 * reversed as a right-to-left override shows it ("oh-gnuoY", "호영김"),
 * or both (reversed: 0 for the joined reading alone); 0 if none; -1 with e
 * filled. */
static int other_reading_matches(const struct redactor *r, const char *text, int reversed,
                                 struct err *e)
{
    char *j = NULL, *rev = NULL, *revj = NULL;
    int hit = -1;

    if (reading_joined(&j, text, strlen(text)) != 0 ||
        reading_reversed(&rev, text, strlen(text)) != 0 ||
        reading_reversed(&revj, j, strlen(j)) != 0) {
        err_set(e, EXIT_INPUT, "out of memory");
        goto out;
    }
    if ((hit = strcmp(j, text) != 0 ? privacy_matches(r, j, e) : 0) == 0 && reversed &&
        (hit = privacy_matches(r, rev, e)) == 0)
        hit = strcmp(revj, rev) != 0 ? privacy_matches(r, revj, e) : 0;
out:
    secmem_free(j), secmem_free(rev), secmem_free(revj);
    return hit;
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
    int hit, dup, kind;

    if (identity_check(text, "the allowed text", e) != 0 || store_redactor(&r, s, e) != 0)
        return -1;
    hit = allow_kind(r, text, e);
    if (hit == ALLOW_SHORT_NAME) {
        redactor_free(r);
        return err_set(e, EXIT_INPUT, "this text is a form of a registered name whose review "
                       "flag stands where it may name the person, and cannot be allowed; "
                       "nothing was changed");
    }
    kind = hit;
    hit = hit < 0 ? -1 : hit == ALLOW_WORD ? 0 : hit == ALLOW_GLUED ? 1 : privacy_matches(r, text, e);
    /* The other readings; of a name that is also a word, not the reversed
     * ones: the word is allowed as the flag shows it, and its reversal
     * ("라나" for 나라) reads as a form of the name. */
    if (hit == 0)
        hit = other_reading_matches(r, text, kind != ALLOW_WORD, e);
    redactor_free(r);
    if (hit != 0)
        return hit < 0 ? -1 : err_set(e, EXIT_INPUT,
            "this text contains a protected name or term and cannot be allowed (allowed texts are shown to auditors); nothing was changed");
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
