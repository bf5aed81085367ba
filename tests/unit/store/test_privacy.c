/* store/privacy.c, store/term.c and the privacy side of store/subject.c:
 * the store's compiled protected set, terms, allowed texts, consent,
 * redacted records, renaming and forgetting. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

#include "privacy/redact.h"
#include "store/db.h"           /* the matcher cache's table, read directly */

static const char pass[] = "tiger lamp violet oxygen river";
static char root[] = "/tmp/intake-privacy-XXXXXX";
static int serial;

struct fixture {
    char dir[200];
    struct store *s;
};

static int fixture_setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    struct store_params p = { "field kit", "ko", crypto_pwhash_OPSLIMIT_MIN,
                              crypto_pwhash_MEMLIMIT_MIN };
    unsigned char recovery[RECOVERY_KEY_BYTES];
    struct err e;

    if (f == NULL)
        return -1;
    snprintf(f->dir, sizeof f->dir, "%s/store%d", root, serial++);
    if (store_create(f->dir, &p, pass, strlen(pass), recovery, &e) != 0 ||
        store_open(&f->s, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                   strlen(pass), &e) != 0) {
        fprintf(stderr, "store: %s\n", e.msg);
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int fixture_teardown(void **state)
{
    struct fixture *f = *state;
    int rc;

    store_close(f->s);
    rc = remove_tree(f->dir);
    free(f);
    return rc;
}

static void add_subject(struct store *s, const char *name, const char *pseudonym)
{
    const char *names[] = { name };
    char out[128];
    struct err e;

    if (store_subject_add(out, sizeof out, s, names, 1, NULL, NULL, pseudonym, "ko", &e) != 0)
        fail_msg("subject add: %s", e.msg);
    assert_string_equal(out, pseudonym);
}

static char *redact_text(const struct redactor *r, const char *in)
{
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;
    char *copy;

    assert_non_null(ctx);
    if (redactor_run(&out, r, ctx, in, strlen(in), &e) != 0)
        fail_msg("redact: %s", e.msg);
    copy = strdup(out.text);
    redaction_free(&out);
    redact_ctx_free(ctx);
    return copy;
}

static void test_redactor_has_everything(void **state)
{
    struct fixture *f = *state;
    const char *names[] = { "Kim Jong-su" }, *terms[] = { "place:Chongjin", "employer:Lada Works" };
    struct redactor *r;
    char out[128], *text;
    long id;
    struct err e;

    assert_int_equal(store_subject_add_terms(out, sizeof out, f->s, names, 1, terms, 2, NULL, NULL,
                                             "Rim-il", "ko", &e), 0);
    assert_int_equal(store_term_add(&id, f->s, "organisation", "Unit 27", &e), 0);
    assert_int_equal(store_redactor(&r, f->s, &e), 0);
    text = redact_text(r, "Kim Jong-su left Chongjin for Lada Works, then Unit 27.");
    assert_string_equal(text, "Rim-il left [PLACE-1] for [EMPLOYER-1], then [ORGANISATION-1].");
    free(text);
    /* The variants come with it. */
    text = redact_text(r, "Jung-su Kim");
    assert_string_equal(text, "Rim-il");
    free(text);
    assert_int_equal(redactor_collides(r, "Chongjin", 8, &e), 1);
    redactor_free(r);
}

static void test_empty_store_redactor(void **state)
{
    struct fixture *f = *state;
    struct redactor *r;
    char *text;
    struct err e;

    assert_int_equal(store_redactor(&r, f->s, &e), 0);
    text = redact_text(r, "nothing to hide here");
    assert_string_equal(text, "nothing to hide here");
    free(text);
    redactor_free(r);
}

static void test_term_checks(void **state)
{
    struct fixture *f = *state;
    char big[10001];
    long id;
    struct err e;

    assert_int_equal(store_term_add(&id, f->s, "planet", "Mars", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "unknown term category 'planet'"));
    assert_int_equal(store_term_add(&id, f->s, "place", "", &e), -1);
    assert_non_null(strstr(e.msg, "the term is empty"));
    assert_int_equal(store_term_add(&id, f->s, "place", "   ", &e), -1);
    assert_non_null(strstr(e.msg, "the term is empty"));
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(store_term_add(&id, f->s, "place", big, &e), -1);
    assert_non_null(strstr(e.msg, "the term is too long (10000 bytes, at most 1000)"));
    assert_int_equal(store_term_add(&id, f->s, "place", "bad \xff utf8", &e), -1);
    assert_non_null(strstr(e.msg, "not valid UTF-8"));
    assert_int_equal(store_term_add(&id, f->s, "place", "two\nlines", &e), -1);
    assert_non_null(strstr(e.msg, "control character"));
    assert_int_equal(store_term_add(&id, f->s, "place", "Hoeryong", &e), 0);
    assert_int_equal(store_term_add(&id, f->s, "place", "Hoeryong", &e), -1);
    assert_non_null(strstr(e.msg, "already protected"));
}

struct collect {
    char buf[1024];
    int n;
};

static int collect_term(void *ctx, const struct term_row *r, struct err *e)
{
    struct collect *c = ctx;
    size_t used = strlen(c->buf);

    (void)e;
    snprintf(c->buf + used, sizeof c->buf - used, "%ld %s %s %s;", r->id, r->category,
             r->pseudonym ? r->pseudonym : "-", r->text);
    c->n++;
    return 0;
}

static void test_term_list_remove(void **state)
{
    struct fixture *f = *state;
    struct collect c = { "", 0 };
    long a, b, t;
    struct err e;

    add_subject(f->s, "Pak Chol", "Myong-hui");
    assert_int_equal(store_term_add(&a, f->s, "place", "Hamhung", &e), 0);
    assert_int_equal(store_subject_term(&b, f->s, "Myong-hui", "id", "M1234567", &e), 0);
    assert_int_equal(store_subject_term(&t, f->s, "Nobody", "id", "X", &e), -1);
    assert_non_null(strstr(e.msg, "no subject with pseudonym 'Nobody'"));
    assert_int_equal(store_term_each(f->s, collect_term, &c, &e), 0);
    assert_int_equal(c.n, 2);
    assert_non_null(strstr(c.buf, "place - Hamhung;"));
    assert_non_null(strstr(c.buf, "id Myong-hui M1234567;"));
    assert_int_equal(store_term_remove(f->s, a, &e), 0);
    assert_int_equal(store_term_remove(f->s, a, &e), -1);
    assert_non_null(strstr(e.msg, "no term"));
    c.buf[0] = '\0', c.n = 0;
    assert_int_equal(store_term_each(f->s, collect_term, &c, &e), 0);
    assert_int_equal(c.n, 1);
}

static void test_new_identity_matching_pseudonym(void **state)
{
    struct fixture *f = *state;
    const char *names[] = { "Chong-su" };
    char out[128];
    long id;
    struct err e;

    add_subject(f->s, "Ri Ok-sun", "Jong-su");
    /* A spelling variant of the pseudonym, as a name or as a term. */
    assert_int_equal(store_subject_add(out, sizeof out, f->s, names, 1, NULL, NULL, NULL, "ko", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "intake subject rename Jong-su NEW"));
    assert_int_equal(store_term_add(&id, f->s, "person", "Jung-su", &e), -1);
    assert_non_null(strstr(e.msg, "intake subject rename Jong-su NEW"));
    /* A term the pseudonym contains, or that contains the pseudonym. */
    assert_int_equal(store_term_add(&id, f->s, "person", "정수", &e), -1);
    assert_int_equal(store_term_add(&id, f->s, "place", "Jong-su Street", &e), -1);
    add_subject(f->s, "Pak Chol", "Quiet Harbor");
    assert_int_equal(store_term_add(&id, f->s, "place", "Harbor", &e), -1);
    assert_non_null(strstr(e.msg, "intake subject rename Quiet Harbor NEW"));
    {
        const char *n2[] = { "Choe Un-hui" }, *t2[] = { "place:Sinuiju Market" };
        assert_int_equal(store_subject_add_terms(out, sizeof out, f->s, n2, 1, t2, 1, NULL, NULL,
                                                 "Un-hui", "ko", &e), -1);
        assert_int_equal(store_subject_add_terms(out, sizeof out, f->s, n2, 1, t2, 1, NULL, NULL,
                                                 "Sinuiju", "ko", &e), -1);
        assert_int_equal(store_subject_add_terms(out, sizeof out, f->s, n2, 1, t2, 1, NULL, NULL,
                                                 NULL, "ko", &e), 0);
        assert_null(strstr("Choe Un-hui Sinuiju Market", out));
    }
    /* After renaming, the name can be protected. */
    assert_int_equal(store_subject_rename(f->s, "Jong-su", "Bat-erdene", &e), 0);
    assert_int_equal(store_term_add(&id, f->s, "person", "Jung-su", &e), 0);
    /* A new pseudonym that matches a protected term is refused. */
    assert_int_equal(store_subject_rename(f->s, "Bat-erdene", "Chong-su", &e), -1);
    assert_int_equal(store_subject_rename(f->s, "Bat-erdene", "Bat-erdene", &e), -1);
    /* Nor may a pseudonym be a word of someone's name or of a term. */
    assert_int_equal(store_subject_rename(f->s, "Bat-erdene", "Ok-sun", &e), -1);
    assert_int_equal(store_subject_rename(f->s, "Nobody", "Gerelee", &e), -1);
    assert_non_null(strstr(e.msg, "no subject"));
}

static void test_allow(void **state)
{
    struct fixture *f = *state;
    struct redactor *r;
    struct redaction out;
    struct redact_ctx *ctx;
    const char *in = "We met Choe Myong-nam there.";
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    assert_int_equal(store_allow(f->s, "Choe Myong-nam", &e), 0);
    assert_int_equal(store_allow(f->s, "Choe Myong-nam", &e), -1);
    assert_non_null(strstr(e.msg, "already allowed"));
    assert_int_equal(store_allow(f->s, "the Kim Jong-su case", &e), -1);
    assert_non_null(strstr(e.msg, "contains a protected name or term"));
    assert_int_equal(store_allow(f->s, "", &e), -1);
    assert_int_equal(store_redactor(&r, f->s, &e), 0);
    ctx = redact_ctx_new();
    assert_int_equal(redactor_run(&out, r, ctx, in, strlen(in), &e), 0);
    assert_true(out.nflags >= 1);
    for (size_t i = 0; i < out.nflags; i++)
        assert_int_equal(out.flags[i].allowed, 1);
    redaction_free(&out);
    redact_ctx_free(ctx);
    redactor_free(r);
}

static void test_consent(void **state)
{
    struct fixture *f = *state;
    struct consent_change ch = { -1, -1, -1, -1, NULL, NULL, 0 };
    struct consent c;
    char why[200];
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    assert_int_equal(store_consent_get(&c, f->s, "Rim-il", &e), 0);
    assert_int_equal(c.recorded, 0);
    consent_blocks(why, sizeof why, &c, "2024-01-01");
    assert_non_null(strstr(why, "no consent is recorded"));

    ch.export_ok = 1, ch.method = "written", ch.embargo = "2024-06-01";
    assert_int_equal(store_consent_set(f->s, "Rim-il", &ch, &e), 0);
    assert_int_equal(store_consent_get(&c, f->s, "Rim-il", &e), 0);
    assert_int_equal(c.recorded, 1);
    assert_int_equal(c.export_ok, 1);
    assert_int_equal(c.quote, 0);
    assert_string_equal(c.method, "written");
    assert_string_equal(c.embargo, "2024-06-01");
    assert_int_equal(strlen(c.date), 20);
    consent_blocks(why, sizeof why, &c, "2024-05-31");
    assert_string_equal(why, "under embargo until 2024-06-01");
    consent_blocks(why, sizeof why, &c, "2024-06-01");
    assert_string_equal(why, "");

    /* Unchanged fields are kept; "" lifts the embargo. */
    ch = (struct consent_change){ -1, 1, -1, -1, NULL, "", 0 };
    assert_int_equal(store_consent_set(f->s, "Rim-il", &ch, &e), 0);
    assert_int_equal(store_consent_get(&c, f->s, "Rim-il", &e), 0);
    assert_int_equal(c.export_ok, 1);
    assert_int_equal(c.quote, 1);
    assert_string_equal(c.method, "written");
    assert_string_equal(c.embargo, "");

    ch = (struct consent_change){ -1, -1, -1, -1, NULL, NULL, 1 };
    assert_int_equal(store_consent_set(f->s, "Rim-il", &ch, &e), 0);
    assert_int_equal(store_consent_get(&c, f->s, "Rim-il", &e), 0);
    assert_int_equal(c.export_ok, 0);
    assert_string_equal(c.withdrawn, c.date);
    consent_blocks(why, sizeof why, &c, "2030-01-01");
    assert_non_null(strstr(why, "consent was withdrawn on"));

    /* After a withdrawal, a new consent starts from no. */
    ch = (struct consent_change){ -1, 1, -1, -1, NULL, NULL, 0 };
    assert_int_equal(store_consent_set(f->s, "Rim-il", &ch, &e), 0);
    assert_int_equal(store_consent_get(&c, f->s, "Rim-il", &e), 0);
    assert_string_equal(c.withdrawn, "");
    assert_int_equal(c.quote, 1);
    assert_int_equal(c.export_ok, 0);
    consent_blocks(why, sizeof why, &c, "2030-01-01");
    assert_non_null(strstr(why, "does not allow export"));

    ch = (struct consent_change){ -1, -1, -1, -1, "telepathy", NULL, 0 };
    assert_int_equal(store_consent_set(f->s, "Rim-il", &ch, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    ch.method = NULL;
    assert_int_equal(store_consent_set(f->s, "Nobody", &ch, &e), -1);
    assert_int_equal(store_consent_get(&c, f->s, "Nobody", &e), -1);
}

struct one_record {
    char id[RECORD_ID_CHARS + 1];
    struct redacted_record rr;
    const struct redactor *r;
    int rc;
    struct err e;
};

static int redact_one(void *ctx, const struct record_row *row, struct err *e)
{
    struct one_record *o = ctx;

    (void)e;
    o->rc = store_record_redact(&o->rr, o->r, row, &o->e);
    return 0;
}

static void test_record_redact(void **state)
{
    struct fixture *f = *state;
    const char *tags[] = { "Chongjin", "border" };
    struct record_row row = { 0 };
    struct record_filter flt = { 0 };
    struct one_record o;
    struct redactor *r;
    long id;
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    assert_int_equal(store_term_add(&id, f->s, "place", "Chongjin", &e), 0);
    row.title = "Kim Jong-su in Chongjin";
    row.date = "2023-05-01";
    row.place = "near Chongjin";
    row.body = "He called +82 10-2000-0000 from Chongjin. Mr Smith came.";
    row.tags = tags;
    row.ntags = 2;
    assert_int_equal(store_record_add(o.id, sizeof o.id, f->s, "Rim-il", &row, &e), 0);
    assert_int_equal(store_redactor(&r, f->s, &e), 0);
    flt.id = o.id;
    flt.with_body = 1;
    o.r = r;
    o.rc = -2;
    assert_int_equal(store_record_each(f->s, &flt, redact_one, &o, &e), 0);
    assert_int_equal(o.rc, 0);
    assert_string_equal(o.rr.title->text, "Rim-il in [PLACE-1]");
    assert_string_equal(o.rr.place->text, "near [PLACE-1]");
    assert_int_equal(o.rr.ntags, 2);
    assert_true(strcmp(o.rr.tags[0].text, "[PLACE-1]") == 0 || strcmp(o.rr.tags[1].text, "[PLACE-1]") == 0);
    assert_string_equal(o.rr.body->text, "He called [PHONE-1] from [PLACE-1]. Mr Smith came.");
    assert_int_equal(o.rr.unresolved, 1);
    store_record_redacted_free(&o.rr);
    redactor_free(r);

    /* Without its body, the record is not redacted. */
    row.body = NULL;
    row.id = o.id;
    row.pseudonym = "Rim-il";
    assert_int_equal(store_redactor(&r, f->s, &e), 0);
    assert_int_equal(store_record_redact(&o.rr, r, &row, &e), -1);
    redactor_free(r);
}

static int count_rows(void *ctx, const struct record_row *r, struct err *e)
{
    (void)r;
    (void)e;
    ++*(int *)ctx;
    return 0;
}

static void test_forget(void **state)
{
    struct fixture *f = *state;
    const char *names[] = { "Kim Jong-su" }, *terms[] = { "place:Chongjin" };
    struct record_row row = { 0 };
    struct record_filter flt = { 0 };
    struct consent_change ch = { 1, -1, -1, -1, NULL, NULL, 0 };
    struct collect c = { "", 0 };
    char id[RECORD_ID_CHARS + 1], out[128];
    struct redactor *r;
    long n = -1, forgotten = -1;
    int nrec = 0;
    struct err e;

    assert_int_equal(store_subject_add_terms(out, sizeof out, f->s, names, 1, terms, 1, NULL,
                                             NULL, "Rim-il", "ko", &e), 0);
    add_subject(f->s, "Pak Chol", "Gerelee");
    row.title = "t";
    row.date = "2023-05-01";
    row.body = "uniqueword Chongjin";
    assert_int_equal(store_record_add(id, sizeof id, f->s, "Rim-il", &row, &e), 0);
    row.body = "other body";
    assert_int_equal(store_record_add(id, sizeof id, f->s, "Gerelee", &row, &e), 0);
    assert_int_equal(store_consent_set(f->s, "Rim-il", &ch, &e), 0);

    assert_int_equal(store_subject_forget(&n, f->s, "Rim-il", &e), 0);
    assert_int_equal(n, 1);
    assert_int_equal(store_forgotten_count(&forgotten, f->s, &e), 0);
    assert_int_equal(forgotten, 1);
    assert_int_equal(store_subject_forget(&n, f->s, "Rim-il", &e), -1);
    assert_non_null(strstr(e.msg, "no subject with pseudonym 'Rim-il'"));

    flt.query = "uniqueword";
    assert_int_equal(store_record_each(f->s, &flt, count_rows, &nrec, &e), 0);
    assert_int_equal(nrec, 0);
    flt.query = NULL;
    assert_int_equal(store_record_each(f->s, &flt, count_rows, &nrec, &e), 0);
    assert_int_equal(nrec, 1);
    assert_int_equal(store_term_each(f->s, collect_term, &c, &e), 0);
    assert_int_equal(c.n, 0);
    /* The name and term are no longer protected: nothing of them is left. */
    assert_int_equal(store_redactor(&r, f->s, &e), 0);
    assert_int_equal(redactor_collides(r, "Kim Jong-su", 11, &e), 0);
    assert_int_equal(redactor_collides(r, "Chongjin", 8, &e), 0);
    redactor_free(r);
}

/* The cache row: 1 and its digest in d if there is one, 0 if not. */
static int cached_row(struct store *s, unsigned char d[REDACT_DIGEST_BYTES])
{
    sqlite3_stmt *st;
    int n = 0;

    assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT digest, length(matcher) FROM matcher_cache",
                                        -1, &st, NULL), SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) {
        assert_int_equal(sqlite3_column_bytes(st, 0), REDACT_DIGEST_BYTES);
        memcpy(d, sqlite3_column_blob(st, 0), REDACT_DIGEST_BYTES);
        assert_true(sqlite3_column_int64(st, 1) > 0);
        n++;
    }
    sqlite3_finalize(st);
    assert_true(n <= 1);
    return n;
}

static void expect_redacts(struct store *s, const char *in, const char *want)
{
    struct redactor *r;
    struct err e;
    char *text;

    assert_int_equal(store_redactor(&r, s, &e), 0);
    text = redact_text(r, in);
    assert_string_equal(text, want);
    free(text);
    redactor_free(r);
}

static void test_matcher_cache(void **state)
{
    struct fixture *f = *state;
    const char *names[] = { "Kim Jong-su" }, *terms[] = { "place:Chongjin" };
    const char *in = "Jung-su Kim left Chongjin for Lada Works.";
    unsigned char d[REDACT_DIGEST_BYTES], want[REDACT_DIGEST_BYTES];
    struct redactor *r;
    char out[128];
    long id;
    struct err e;

    assert_int_equal(store_subject_add_terms(out, sizeof out, f->s, names, 1, terms, 1, NULL, NULL,
                                             "Rim-il", "ko", &e), 0);
    assert_int_equal(store_term_add(&id, f->s, "employer", "Lada Works", &e), 0);
    /* Loading writes nothing (a refused command changes no file); keeping does. */
    assert_int_equal(store_redactor(&r, f->s, &e), 0);
    assert_int_equal(cached_row(f->s, d), 0);
    store_redactor_keep(f->s, r);
    assert_int_equal(cached_row(f->s, d), 1);
    redactor_digest(want, r);
    assert_memory_equal(d, want, sizeof d);
    redactor_free(r);
    expect_redacts(f->s, in, "Rim-il left [PLACE-1] for [EMPLOYER-1].");

    /* A cached matcher that does not load: compiled again, same result. */
    assert_int_equal(sqlite3_exec(f->s->db, "UPDATE matcher_cache SET matcher = x'00112233'",
                                  NULL, NULL, NULL), SQLITE_OK);
    expect_redacts(f->s, in, "Rim-il left [PLACE-1] for [EMPLOYER-1].");

    /* A new term changes the digest: the stale matcher is not used. */
    assert_int_equal(store_term_add(&id, f->s, "organisation", "Unit 27", &e), 0);
    assert_int_equal(store_redactor(&r, f->s, &e), 0);
    redactor_digest(want, r);
    assert_int_equal(cached_row(f->s, d), 1);
    assert_memory_not_equal(d, want, sizeof d);
    store_redactor_keep(f->s, r);
    redactor_free(r);
    assert_int_equal(cached_row(f->s, d), 1);
    assert_memory_equal(d, want, sizeof d);
    expect_redacts(f->s, "Unit 27 and Lada Works", "[ORGANISATION-1] and [EMPLOYER-1]");

    /* Removing a term or forgetting a subject drops the cache at once:
     * their literals must not outlive them there. */
    assert_int_equal(store_term_remove(f->s, id, &e), 0);
    assert_int_equal(cached_row(f->s, d), 0);
    expect_redacts(f->s, "Unit 27", "Unit 27");
    assert_int_equal(store_redactor(&r, f->s, &e), 0);
    store_redactor_keep(f->s, r);
    redactor_free(r);
    assert_int_equal(cached_row(f->s, d), 1);
    assert_int_equal(store_subject_forget(&id, f->s, "Rim-il", &e), 0);
    assert_int_equal(cached_row(f->s, d), 0);
    expect_redacts(f->s, in, "Jung-su Kim left Chongjin for [EMPLOYER-1].");
}

static int setup(void **state)
{
    static char tmpd[200];

    (void)state;
    if (sodium_init() < 0 || mkdtemp(root) == NULL)
        return -1;
    umask(077);
    snprintf(tmpd, sizeof tmpd, "%s/tmp", root);
    if (mkdir(tmpd, 0700) != 0)
        return -1;
    setenv("TMPDIR", tmpd, 1);
    setenv("SQLITE_TMPDIR", tmpd, 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return remove_tree(root);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_redactor_has_everything),
        T(test_empty_store_redactor),
        T(test_term_checks),
        T(test_term_list_remove),
        T(test_new_identity_matching_pseudonym),
        T(test_allow),
        T(test_consent),
        T(test_record_redact),
        T(test_forget),
        T(test_matcher_cache),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
