/* store/privacy.c: the store's compiled protected set and its cache,
 * collisions between new identities and pseudonyms, redacted records.
 * (Terms and allowed texts: test_term.c; consent: test_consent.c;
 * forgetting: test_subject.c.) */
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
    recovery_key_new(recovery);
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
        /* Then a fixed one: the random one may be a spelling of Jung-su
         * (Chung-su, Chon-su: 1 run in a few hundred), which is added as a
         * term below and would then be refused for matching it. */
        assert_int_equal(store_subject_rename(f->s, out, "Pine Hill", &e), 0);
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

/* Each subject's every name (a subject has several rows of names), each
 * replaced by that subject's pseudonym. */
static void test_every_name_is_protected(void **state)
{
    struct fixture *f = *state;
    const char *kim[] = { "Kim Jong-su", "김종수", "Ким Чон Су" }, *pak[] = { "Pak Chol", "박철" };
    struct redactor *r;
    char out[128], *text;
    struct err e;

    assert_int_equal(store_subject_add(out, sizeof out, f->s, kim, 3, NULL, NULL, "Rim-il", "ko", &e), 0);
    assert_int_equal(store_subject_add(out, sizeof out, f->s, pak, 2, NULL, NULL, "Gerelee", "ko", &e), 0);
    assert_int_equal(store_redactor(&r, f->s, &e), 0);
    text = redact_text(r, "Kim Jong-su, 김종수 and Ким Чон Су met Pak Chol (박철).");
    assert_string_equal(text, "Rim-il, Rim-il and Rim-il met Gerelee (Gerelee).");
    free(text);
    redactor_free(r);
}

static void test_term_categories(void **state)
{
    static const char *const names[] = { "person", "place", "employer", "organisation", "id", "other" };
    int cat = -1;
    struct err e;

    (void)state;
    for (int i = 0; i < 6; i++) {
        assert_int_equal(term_category_parse(&cat, names[i], &e), 0);
        assert_int_equal(cat, i);
    }
    assert_int_equal(term_category_parse(&cat, "Place", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "unknown term category 'Place'; use one of: " TERM_CATEGORIES);
    assert_int_equal(term_category_parse(&cat, NULL, &e), -1);
    assert_string_equal(e.msg, "unknown term category ''; use one of: " TERM_CATEGORIES);
    assert_int_equal(cat, 5);
}

static void test_identity_check(void **state)
{
    char text[REDACT_TERM_MAX + 2];
    struct err e;

    (void)state;
    assert_int_equal(identity_check("Ким Чон Су", "a --name", &e), 0);
    assert_int_equal(identity_check(" \t ", "a --name", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "a --name is empty");
    assert_int_equal(identity_check("Kim\tJong", "the term", &e), -1);
    assert_string_equal(e.msg, "the term contains a control character");
    assert_int_equal(identity_check("Kim \xc3", "the term", &e), -1);
    assert_string_equal(e.msg, "the term is not valid UTF-8 (byte 4)");
    memset(text, 'a', REDACT_TERM_MAX);
    text[REDACT_TERM_MAX] = '\0';
    assert_int_equal(identity_check(text, "the term", &e), 0);
    text[REDACT_TERM_MAX] = 'a';
    text[REDACT_TERM_MAX + 1] = '\0';
    assert_int_equal(identity_check(text, "the term", &e), -1);
    assert_string_equal(e.msg, "the term is too long (1001 bytes, at most 1000);"
                        " protect its identifying parts separately");
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
        T(test_new_identity_matching_pseudonym),
        T(test_record_redact),
        T(test_matcher_cache),
        T(test_every_name_is_protected),
        cmocka_unit_test(test_term_categories),
        cmocka_unit_test(test_identity_check),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
