/* The privacy side of the store: what may be protected (term categories,
 * checks on names and terms), the compiled protected set and its cache,
 * collisions between identities and pseudonyms, and records redacted for
 * leaving the device. It reads the store; the files that write names and
 * terms (term.c, subject.c) sit above it. */
#include "store/privacy.h"

#include <limits.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/allow.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "store/db.h"
#include "util/lexicon.h"

static const char *const categories[] = {
    "person", "place", "employer", "organisation", "id", "other", "account",
};

int term_category_parse(int *cat, const char *name, struct err *e)
{
    for (size_t i = 0; i < sizeof categories / sizeof categories[0]; i++) {
        if (name != NULL && strcmp(name, categories[i]) == 0) {
            *cat = (int)i;
            return 0;
        }
    }
    return err_set(e, EXIT_INPUT, "unknown term category '%.40s'; use one of: %s",
                   name != NULL ? name : "", TERM_CATEGORIES);
}

int term_spec_parse(char *category, size_t catlen, const char **text, const char *spec,
                    const char *what, struct err *e)
{
    const char *colon = strchr(spec, ':');
    size_t clen = colon != NULL ? (size_t)(colon - spec) : 0;
    int cat;

    if (colon == NULL || clen == 0)
        return err_set(e, EXIT_INPUT, "%s must be CATEGORY:TEXT, as in place:Chongjin "
                       "(categories: %s)", what, TERM_CATEGORIES);
    if (clen >= catlen)
        return err_set(e, EXIT_INPUT, "unknown term category '%.*s'; use one of: %s",
                       (int)(clen < 40 ? clen : 40), spec, TERM_CATEGORIES);
    memcpy(category, spec, clen);
    category[clen] = '\0';
    *text = colon + 1;
    return term_category_parse(&cat, category, e) == 0 && identity_check(*text, what, e) == 0
           ? 0 : -1;
}

int identity_check(const char *text, const char *what, struct err *e)
{
    size_t len = strlen(text), i;

    for (i = 0; i < len && (text[i] == ' ' || text[i] == '\t'); i++)
        ;
    if (i == len)
        return err_set(e, EXIT_INPUT, "%s is empty", what);
    if (len > REDACT_TERM_MAX)
        return err_set(e, EXIT_INPUT,
                       "%s is too long (%zu bytes, at most %d); protect its identifying parts separately",
                       what, len, REDACT_TERM_MAX);
    return text_check_field(text, len, what, e);
}

/* What privacy_load reads, every column of it: the loaders below and
 * source_digest use these queries and no other, so the digest of their
 * rows names the protected set a redactor is built from. */
static const char *const source_sql[] = {
    "SELECT s.id, s.pseudonym, n.name, s.contact, s.locale FROM subject s"
    " LEFT JOIN subject_name n ON n.subject_id = s.id ORDER BY s.id, n.id",
    "SELECT category, subject_id, text FROM term ORDER BY id",
    "SELECT text FROM allowed",
};

static int load_subjects(struct redactor *r, struct store *s, struct err *e)
{
    sqlite3_stmt *st;
    long last = 0;
    int rc;

    if (db_prepare(&st, s, source_sql[0], e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the subjects", e)) > 0) {
        long id = sqlite3_column_int64(st, 0);
        const char *name = (const char *)sqlite3_column_text(st, 2);
        const char *contact = (const char *)sqlite3_column_text(st, 3);
        rc = id != last ? redactor_add_subject(r, id, (const char *)sqlite3_column_text(st, 1), e) : 0;
        /* The subject's contact details are protected too (issue 12). */
        if (rc == 0 && id != last && contact != NULL)
            rc = redactor_add_contact(r, id, (const char *)sqlite3_column_text(st, 4), contact,
                                      (size_t)sqlite3_column_bytes(st, 3), e);
        last = id;
        if (rc == 0 && name != NULL)
            rc = redactor_add_name(r, id, name, (size_t)sqlite3_column_bytes(st, 2), e);
        if (rc != 0)
            break;
    }
    sqlite3_finalize(st);
    return rc;
}

static int load_terms(struct redactor *r, struct store *s, struct err *e)
{
    sqlite3_stmt *st;
    int rc, cat;

    if (db_prepare(&st, s, source_sql[1], e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the protected terms", e)) > 0) {
        rc = term_category_parse(&cat, (const char *)sqlite3_column_text(st, 0), e);
        if (rc == 0)
            rc = redactor_add_term(r, (enum term_category)cat, sqlite3_column_int64(st, 1),
                                   (const char *)sqlite3_column_text(st, 2),
                                   (size_t)sqlite3_column_bytes(st, 2), e);
        if (rc != 0)
            break;
    }
    sqlite3_finalize(st);
    return rc;
}

/* The texts the interviewer allowed, store-wide. The pseudonyms a record
 * came with are known for that record only (store/known.h, adv16 B-17). */
static int load_allowed(struct redactor *r, struct store *s, struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    if (db_prepare(&st, s, source_sql[2], e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the allowed texts", e)) > 0) {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        size_t len = (size_t)sqlite3_column_bytes(st, 0);

        if (text == NULL || len == 0)
            continue;
        if ((rc = redactor_allow(r, text, len, e)) != 0)
            break;
    }
    sqlite3_finalize(st);
    return rc;
}

int privacy_load(struct redactor *r, struct store *s, struct err *e)
{
    if (privacy_answers_load(s, e) != 0 || load_subjects(r, s, e) != 0 || load_terms(r, s, e) != 0 || load_allowed(r, s, e) != 0)
        return -1;
    return 0;
}

/* ---- The matcher cache (table matcher_cache, one row) ----
 * Compiling 100,000 literals takes seconds; loading the serialised matcher
 * takes milliseconds.  The row is keyed by redactor_digest, so any change
 * to the protected set misses it; deletions drop it at once (triggers,
 * store/db.c).  It is an optimisation only: failing to read or write it
 * falls back to compiling and changes nothing else. */

/* 1 if r was compiled from the cached matcher for digest d, 0 if not. */
static int cache_load(struct redactor *r, const unsigned char *d, struct store *s)
{
    const struct db_val v[] = { DB_BLOB(d, REDACT_DIGEST_BYTES) };
    sqlite3_stmt *st;
    struct err ignored;
    int rc = 0;

    if (db_query(&st, s, "SELECT matcher FROM matcher_cache WHERE id = 1 AND digest = ?1",
                 v, DB_N(v), &ignored) != 0)
        return 0;
    if (db_step(st, s, "reading the matcher cache", &ignored) > 0)
        rc = redactor_compile_from(r, sqlite3_column_blob(st, 0),
                                   (size_t)sqlite3_column_bytes(st, 0), &ignored) == 0;
    sqlite3_finalize(st);
    return rc;
}

/* 1 if the cache holds the matcher for digest d. */
static int cache_has(const unsigned char *d, struct store *s)
{
    const struct db_val v[] = { DB_BLOB(d, REDACT_DIGEST_BYTES) };
    struct err ignored;
    long one;

    return db_int(&one, s, "SELECT 1 FROM matcher_cache WHERE id = 1 AND digest = ?1",
                  v, DB_N(v), "reading the matcher cache", &ignored) > 0;
}

/* ---- The redactor kept with the open store (s->red) ----
 * Building the protected set costs milliseconds per subject (variants,
 * scripts, the dictionaries' answers), and a shell runs many commands on
 * one open store.  The set is kept while the store is open, with the
 * BLAKE2b digest of every row it was built from (source_sql): a command
 * that finds other rows (a subject, name, term or allowed text added,
 * changed or removed, committed or not, by this process or another)
 * builds it again.  It lives in memory only, with the store's key, and
 * goes (wiped) with the store's last reference (store_close). */

/* The digest of every column of every row of source_sql into out. */
static int source_digest(unsigned char out[SOURCE_DIGEST_BYTES], struct store *s, struct err *e)
{
    crypto_generichash_state h;
    sqlite3_stmt *st;
    int rc = 0;

    crypto_generichash_init(&h, NULL, 0, SOURCE_DIGEST_BYTES);
    for (size_t q = 0; rc == 0 && q < sizeof source_sql / sizeof source_sql[0]; q++) {
        unsigned char tag = (unsigned char)(0x80 | q);

        if (db_prepare(&st, s, source_sql[q], e) != 0)
            return -1;
        crypto_generichash_update(&h, &tag, 1);
        while ((rc = db_step(st, s, "reading the protected set", e)) > 0) {
            for (int c = 0; c < sqlite3_column_count(st); c++) {
                /* Type and length before the bytes: NULL, "" and 0 differ,
                 * and no two rows run into each other. */
                unsigned char head[9] = { (unsigned char)sqlite3_column_type(st, c) };
                const unsigned char *v = sqlite3_column_blob(st, c);
                uint64_t n = (uint64_t)sqlite3_column_bytes(st, c);

                for (int i = 0; i < 8; i++)
                    head[1 + i] = (unsigned char)(n >> (8 * i));
                crypto_generichash_update(&h, head, sizeof head);
                if (n > 0)
                    crypto_generichash_update(&h, v, (unsigned long long)n);
            }
        }
        sqlite3_finalize(st);
    }
    crypto_generichash_final(&h, out, SOURCE_DIGEST_BYTES);
    sodium_memzero(&h, sizeof h);
    return rc < 0 ? -1 : 0;
}

static int build_redactor(struct redactor **r, struct store *s, struct err *e)
{
    unsigned char d[REDACT_DIGEST_BYTES];

    if (redactor_new(r, e) != 0)
        return -1;
    if (privacy_load(*r, s, e) == 0) {
        redactor_digest(d, *r);
        if (cache_load(*r, d, s) || redactor_compile(*r, e) == 0)
            return 0;
    }
    redactor_free(*r);
    *r = NULL;
    return -1;
}

int store_redactor(struct redactor **r, struct store *s, struct err *e)
{
    unsigned char src[SOURCE_DIGEST_BYTES];

    *r = NULL;
    if (source_digest(src, s, e) != 0)
        return -1;
    if (s->red != NULL && sodium_memcmp(src, s->red_source, sizeof src) == 0) {
        *r = redactor_share(s->red);
        return 0;
    }
    redactor_free(s->red);
    s->red = NULL;
    if (build_redactor(r, s, e) != 0)
        return -1;
    s->red = redactor_share(*r);
    memcpy(s->red_source, src, sizeof src);
    return 0;
}

void store_redactor_keep(struct store *s, const struct redactor *r)
{
    unsigned char d[REDACT_DIGEST_BYTES];
    struct err ignored;
    char *bytes = NULL, now[32];
    size_t len;
    int own = sqlite3_get_autocommit(s->db), ok;

    (void)privacy_answers_keep(s, &ignored);
    redactor_digest(d, r);
    if (cache_has(d, s) || redactor_serialise(&bytes, &len, r, &ignored) != 0 ||
        bytes == NULL || len > INT_MAX || (own && store_begin(s, &ignored) != 0)) {
        secmem_wipe_free(bytes);
        return;
    }
    db_now(now, sizeof now);
    const struct db_val v[] = { DB_BLOB(d, sizeof d), DB_BLOB(bytes, len), DB_TEXT(now) };
    ok = db_run(s, "INSERT OR REPLACE INTO matcher_cache(id, digest, matcher, created)"
                " VALUES (1, ?1, ?2, ?3)", v, DB_N(v), "keeping the matcher", &ignored) == 0;
    if (own) {
        if (ok)
            (void)store_commit(s, &ignored);
        else
            store_rollback(s);
    }
    secmem_wipe_free(bytes);
}

/* ---- hunspell-ko's answers about places' spellings (table lexicon_answer) ----
 * Several kilobytes of identity would be paths longer than any in use. */

#define ANSWER_IDENT_MAX 2048

int privacy_answers_load(struct store *s, struct err *e)
{
    char ident[ANSWER_IDENT_MAX];
    sqlite3_stmt *st;
    int rc;

    if (s->answers_loaded || lexicon_identity(LEXICON_KO, ident, sizeof ident) != 0)
        return 0;
    const struct db_val v[] = { DB_TEXT(ident) };
    if (db_query(&st, s, "SELECT word, known FROM lexicon_answer WHERE ident = ?1", v, DB_N(v),
                 e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the dictionary's answers", e)) > 0)
        if (sqlite3_column_bytes(st, 0) > 0 &&
            redact_place_answer_give(sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0),
                                     sqlite3_column_int(st, 1)) != 0)
            break;          /* out of memory: the rest are asked again */
    sqlite3_finalize(st);
    if (rc < 0)
        return -1;
    s->answers_loaded = 1;
    return 0;
}

struct answer_keep {
    struct store *s;
    const char *ident;
    struct err *e;
};

static int answer_keep(void *ctx, const char *w, size_t len, int known)
{
    struct answer_keep *k = ctx;
    const struct db_val v[] = { DB_TEXT(k->ident), DB_BLOB(w, len), DB_INT(known) };

    return db_run(k->s, "INSERT OR REPLACE INTO lexicon_answer(ident, word, known) VALUES (?1, ?2, ?3)",
                  v, DB_N(v), "keeping the dictionary's answers", k->e) != 0;
}

int privacy_answers_keep(struct store *s, struct err *e)
{
    char ident[ANSWER_IDENT_MAX];
    struct answer_keep k = { s, ident, e };
    int own = sqlite3_get_autocommit(s->db), rc;

    if (redact_place_answers_asked() == 0 || lexicon_identity(LEXICON_KO, ident, sizeof ident) != 0)
        return 0;
    if (own && store_begin(s, e) != 0)
        return -1;
    const struct db_val v[] = { DB_TEXT(ident) };
    rc = db_run(s, "DELETE FROM lexicon_answer WHERE ident <> ?1", v, DB_N(v),
                "keeping the dictionary's answers", e) == 0 &&
         redact_place_answers_each(answer_keep, &k) == 0 ? 0 : -1;
    if (rc == 0)
        redact_place_answers_kept();
    if (own) {
        if (rc == 0)
            return store_commit(s, e);
        store_rollback(s);
    }
    return rc;
}

/* ---- Collisions between new identities and existing pseudonyms ---- */

struct pseudonyms {
    char **p;
    size_t n;
};

static void pseudonyms_free(struct pseudonyms *ps)
{
    for (size_t i = 0; i < ps->n; i++)
        free(ps->p[i]);
    free(ps->p);
}

static int pseudonyms_load(struct pseudonyms *ps, struct store *s, struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    memset(ps, 0, sizeof *ps);
    if (db_prepare(&st, s, "SELECT pseudonym FROM subject ORDER BY id", e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the pseudonyms", e)) > 0) {
        char **p = realloc(ps->p, (ps->n + 1) * sizeof *p);
        if (p == NULL || (p[ps->n] = strdup((const char *)sqlite3_column_text(st, 0))) == NULL) {
            if (p != NULL)
                ps->p = p;
            rc = err_set(e, EXIT_INPUT, "out of memory");
            break;
        }
        ps->p = p;
        ps->n++;
    }
    sqlite3_finalize(st);
    if (rc != 0)
        pseudonyms_free(ps);
    return rc;
}

int privacy_matches(const struct redactor *r, const char *text, struct err *e)
{
    return redactor_matches(r, text, e);
}

/* A compiled redactor protecting texts[0..n) as terms, without a vectorscan
 * database (redactor_compile_plain): it is asked about a few short texts. */
static int compile_texts(struct redactor **r, const char *const *texts, size_t n,
                         struct err *e)
{
    int rc = 0;

    if (redactor_new(r, e) != 0)
        return -1;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = redactor_add_term(*r, TERM_OTHER, 0, texts[i], strlen(texts[i]), e);
    if (rc == 0 && redactor_compile_plain(*r, e) == 0)
        return 0;
    redactor_free(*r);
    *r = NULL;
    return -1;
}

/* 1 if a protected term of r is in any pseudonym, 0 if not, -1 on error. */
static int scan_joined(const struct redactor *r, const struct pseudonyms *ps, struct err *e)
{
    size_t len = 0, at = 0;
    char *all;
    int rc;

    for (size_t i = 0; i < ps->n; i++)
        len += strlen(ps->p[i]) + 1;
    if ((all = malloc(len + 1)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    for (size_t i = 0; i < ps->n; i++) {
        size_t l = strlen(ps->p[i]);
        memcpy(all + at, ps->p[i], l);
        at += l;
        all[at++] = '\n';
    }
    all[at] = '\0';
    rc = redactor_check(r, all, at, e);
    free(all);
    if (rc != 0 && e->code == EXIT_AUTH) {
        err_clear(e);
        return 1;
    }
    return rc;
}

/* The first pseudonym that one of texts matches, in either direction:
 * two compiled sets (all pseudonyms, all texts), then a search by single
 * pseudonym only after a hit. *which is ps->n if none. */
static int find_match(size_t *which, const struct pseudonyms *ps, const char *const *texts,
                      size_t n, struct err *e)
{
    struct redactor *r;
    int hit = 0;
    size_t i;

    *which = ps->n;
    if (compile_texts(&r, texts, n, e) != 0)
        return -1;
    /* A pseudonym that contains a text: one scan over all of them (each
     * normalisation costs guarded allocations), then one by one on a hit. */
    hit = scan_joined(r, ps, e);
    for (i = 0; hit > 0 && i < ps->n; i++) {
        if (redactor_check(r, ps->p[i], strlen(ps->p[i]), e) != 0) {
            err_clear(e);
            *which = i;
            break;
        }
    }
    redactor_free(r);
    if (hit != 0)
        return hit < 0 ? -1 : 0;
    if (compile_texts(&r, (const char *const *)ps->p, ps->n, e) != 0)
        return -1;
    for (i = 0; i < n && hit == 0; i++)
        hit = privacy_matches(r, texts[i], e);
    redactor_free(r);
    if (hit <= 0)
        return hit;
    for (i = 0; i < ps->n; i++) {           /* which one: rare, so slow is fine */
        if (compile_texts(&r, (const char *const *)&ps->p[i], 1, e) != 0)
            return -1;
        for (size_t k = 0; k < n && hit > 0; k++)
            hit = privacy_matches(r, texts[k], e) > 0 ? 0 : 1;
        redactor_free(r);
        if (hit == 0) {
            *which = i;
            return 0;
        }
        hit = 1;
    }
    *which = 0;
    return 0;
}

/* The texts and pseudonyms privacy_check_pseudonyms compares. */
struct clash_args {
    const struct pseudonyms *ps;
    int cat;
    const char *const *texts;
    size_t n;
    char *spelling;
    size_t spellinglen;
};

/* The clash checks in their order, each 0 with *which (ps->n: none) or
 * -1 with e: 0, a pseudonym the redactor matches in a text or a text in
 * a pseudonym that really clashes (privacy_real_clash: the redactor's
 * match finds more, a short pseudonym inside a longer name, adv16b C-10;
 * spelling: what clashed); 1, a form the redactor reads in a pseudonym
 * (a short form, another script's spelling: Крис in "Chris Davis"),
 * which the check before export would fail on for every record of that
 * subject. */
static int clash_check(const struct clash_args *a, int k, size_t *which, struct err *e)
{
    const struct pseudonyms *ps = a->ps;
    int rc;

    if (k == 1)
        return privacy_form_clash(which, (const char *const *)ps->p, ps->n, a->cat, a->texts,
                                  a->n, e);
    if ((rc = find_match(which, ps, a->texts, a->n, e)) == 0 && *which < ps->n)
        rc = privacy_real_clash(which, a->spelling, a->spellinglen, (const char *const *)ps->p,
                                ps->n, a->texts, a->n, e);
    return rc;
}

/* The dictionaries a clash check waits for only when no check before it
 * decides without them (lexicon_hold; store/subject.c, checks_run). */
#define CLASHES_HELD ((1u << LEXICON_KO) | (1u << LEXICON_MN))

/* The first clash check (clash_check's order) that decides: *kind its
 * number and *which its pseudonym, or -1 with e; *which ps->n if none.
 * Each check runs first with hunspell-ko and -mn held back; one that
 * asked neither has its real answer.  A check that decides so decides
 * unless a held check before it, run again loaded, decides first: the
 * same answers as running both loaded, in order, without the loads no
 * answer needs (checks_run's argument, docs/SPEED.md "Session 38
 * (cpu38)"; the proof for these checks: "Session 39 (script39)"). */
static int clashes_run(const struct clash_args *a, int *kind, size_t *which, struct err *e)
{
    unsigned char held[2] = { 0, 0 };
    size_t w[2] = { a->ps->n, a->ps->n };
    struct err first;
    int rc = 0, k, stop;

    for (stop = 0; stop < 2; stop++) {
        lexicon_hold(CLASHES_HELD);
        rc = clash_check(a, stop, &w[stop], e);
        held[stop] = lexicon_held() != 0;
        lexicon_hold(0);
        if (held[stop])
            err_clear(e), rc = 0;
        else if (rc != 0 || w[stop] < a->ps->n)
            break;
    }
    first = *e;
    for (k = 0; k < stop; k++)
        if (held[k] && ((rc = clash_check(a, k, &w[k], e)) != 0 || w[k] < a->ps->n)) {
            *kind = k, *which = w[k];
            return rc;
        }
    *e = first;
    if (stop == 2) {
        *which = a->ps->n;
        return 0;
    }
    *kind = stop, *which = w[stop];
    return rc;
}

int privacy_check_pseudonyms(struct store *s, int cat, const char *const *texts, size_t n,
                             struct err *e)
{
    struct pseudonyms ps;
    char spelling[256];
    size_t which;
    int rc, kind = 0;

    if (n == 0)
        return 0;
    if (pseudonyms_load(&ps, s, e) != 0)
        return -1;
    const struct clash_args a = { &ps, cat, texts, n, spelling, sizeof spelling };
    rc = ps.n == 0 ? 0 : clashes_run(&a, &kind, &which, e);
    if (rc == 0 && ps.n > 0 && which < ps.n && kind == 0)
        rc = err_set(e, EXIT_INPUT,
                     "this name or term matches the pseudonym '%s' (as '%s'), which must never be"
                     " someone's real name; first run 'intake subject rename %s NEW'; nothing was"
                     " changed", ps.p[which], spelling, ps.p[which]);
    else if (rc == 0 && ps.n > 0 && which < ps.n)
        rc = err_set(e, EXIT_INPUT,
                     "this name or term is read in the pseudonym '%s' (a spelling or short form"
                     " of it), which must never be someone's real name; first run 'intake subject"
                     " rename %s NEW'; nothing was changed", ps.p[which], ps.p[which]);
    sodium_memzero(spelling, sizeof spelling);
    pseudonyms_free(&ps);
    return rc;
}

/* Every real name and term in the store, and extra[0..n), joined by line
 * breaks in wipe-on-free memory (secbuf_append; free with secmem_wipe_free). */
static int join_identities(char **out, size_t *outlen, struct store *s,
                           const char *const *extra, size_t n, struct err *e)
{
    sqlite3_stmt *st;
    size_t used = 0, size = 0, off;
    int rc = 0;

    *out = NULL;
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = secbuf_append(out, &used, &size, extra[i], strlen(extra[i]), &off);
    if (rc == 0 && db_prepare(&st, s, "SELECT name FROM subject_name UNION ALL SELECT text FROM term", e) == 0) {
        while ((rc = db_step(st, s, "reading the names", e)) > 0)
            if ((rc = secbuf_append(out, &used, &size, (const char *)sqlite3_column_text(st, 0),
                                    (size_t)sqlite3_column_bytes(st, 0), &off)) != 0)
                break;
        sqlite3_finalize(st);
    } else if (rc == 0) {
        rc = -1;
    }
    if (rc != 0) {
        secmem_wipe_free(*out);
        *out = NULL;
        return e->msg[0] ? -1 : err_set(e, EXIT_INPUT, "out of secure memory");
    }
    /* secbuf_append ends each piece with a NUL: make them line breaks. */
    for (size_t i = 0; i < used; i++)
        if ((*out)[i] == '\0')
            (*out)[i] = '\n';
    *outlen = used;
    return 0;
}

int privacy_in_identities(struct store *s, const char *p, const char *const *extra,
                          size_t n, struct err *e)
{
    struct redactor *r;
    char *all = NULL;
    size_t len = 0;
    int rc;

    err_clear(e);
    if (join_identities(&all, &len, s, extra, n, e) != 0)
        return -1;
    if (len == 0) {
        secmem_wipe_free(all);
        return 0;
    }
    if (compile_texts(&r, &p, 1, e) != 0) {
        secmem_wipe_free(all);
        return -1;
    }
    rc = redactor_check(r, all, len, e);
    if (rc != 0 && e->code == EXIT_AUTH) {
        err_clear(e);
        rc = 1;
    }
    redactor_free(r);
    secmem_wipe_free(all);
    return rc;
}

/* ---- Redacted records ---- */

void store_record_redacted_free(struct redacted_record *out)
{
    struct redaction *one[] = { out->title, out->place, out->body };

    for (size_t i = 0; i < sizeof one / sizeof one[0]; i++) {
        redaction_free(one[i]);
        free(one[i]);
    }
    for (size_t i = 0; out->tags != NULL && i < out->ntags; i++)
        redaction_free(&out->tags[i]);
    free(out->tags);
    for (size_t i = 0; out->texts != NULL && i < out->ntexts; i++) {
        redaction_free(out->texts[i].red);
        free(out->texts[i].red);
        free(out->texts[i].name);
    }
    free(out->texts);
    redact_ctx_free(out->ctx);
    memset(out, 0, sizeof *out);
}

static size_t unresolved(const struct redaction *r)
{
    size_t n = 0;

    for (size_t i = 0; r != NULL && i < r->nflags; i++)
        n += r->flags[i].allowed == 0;
    return n;
}

/* short: a place or a tag, whose user-name shapes are review flags
 * (redactor_run_field). */
static int redact_field(struct redaction **out, const struct redactor *r,
                        struct redact_ctx *ctx, const char *text, int short_field, struct err *e)
{
    *out = calloc(1, sizeof **out);
    if (*out == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    return short_field ? redactor_run_field(*out, r, ctx, text, strlen(text), e)
                       : redactor_run(*out, r, ctx, text, strlen(text), e);
}

int store_record_redact(struct redacted_record *out, const struct redactor *r,
                        const struct record_row *row, struct err *e)
{
    struct redact_ctx *ctx = redact_ctx_new();
    int rc = -1;

    memset(out, 0, sizeof *out);
    if (ctx == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    if (row->body == NULL) {
        err_set(e, EXIT_INPUT, "the record was read without its body");
        goto done;
    }
    if (redact_field(&out->title, r, ctx, row->title != NULL ? row->title : "", 0, e) != 0 ||
        (row->place != NULL && redact_field(&out->place, r, ctx, row->place, 1, e) != 0))
        goto done;
    if (row->ntags > 0) {
        out->tags = calloc(row->ntags, sizeof *out->tags);
        if (out->tags == NULL) {
            err_set(e, EXIT_INPUT, "out of memory");
            goto done;
        }
        for (; out->ntags < row->ntags; out->ntags++)
            if (redactor_run_field(&out->tags[out->ntags], r, ctx, row->tags[out->ntags],
                                   strlen(row->tags[out->ntags]), e) != 0)
                goto done;
    }
    if (redact_field(&out->body, r, ctx, row->body, 0, e) != 0)
        goto done;
    out->unresolved = unresolved(out->title) + unresolved(out->place) + unresolved(out->body);
    for (size_t i = 0; i < out->ntags; i++)
        out->unresolved += unresolved(&out->tags[i]);
    rc = 0;
done:
    out->ctx = ctx;
    if (rc != 0)
        store_record_redacted_free(out);
    return rc;
}
