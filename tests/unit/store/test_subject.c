/* store/subject.c: subjects, their pseudonyms, real names and terms;
 * renaming and forgetting. test_forget moved from test_privacy.c,
 * unchanged. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include "privacy/redact.h"

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
    struct consent_change ch = { 1, -1, -1, -1, NULL, NULL, 0, 0 };
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

struct subjects {
    char buf[512];
    int n;
};

static int collect_subject(void *ctx, const struct subject_row *r, struct err *e)
{
    struct subjects *c = ctx;
    size_t used = strlen(c->buf);
    int n;

    (void)e;
    assert_int_equal(strlen(r->created), 20);
    n = snprintf(c->buf + used, sizeof c->buf - used, "%ld %s %s %ld %s", r->id, r->pseudonym,
                 r->locale != NULL ? r->locale : "-", r->nrecords,
                 r->last_date != NULL ? r->last_date : "-");
    used += (size_t)n;
    if (r->names != NULL) {
        n = snprintf(c->buf + used, sizeof c->buf - used, " [%s|%s]",
                     r->contact != NULL ? r->contact : "-", r->note != NULL ? r->note : "-");
        used += (size_t)n;
        for (size_t i = 0; i < r->nnames; i++) {
            n = snprintf(c->buf + used, sizeof c->buf - used, " %s", r->names[i]);
            used += (size_t)n;
        }
    }
    snprintf(c->buf + used, sizeof c->buf - used, ";");
    c->n++;
    return 0;
}

static void test_add_and_list(void **state)
{
    struct fixture *f = *state;
    const char *names[] = { "김종수", "Kim Jong-su" };
    struct subjects c = { "", 0 };
    char out[128], id[RECORD_ID_CHARS + 1];
    struct err e;

    assert_int_equal(store_subject_add(out, sizeof out, f->s, names, 2, "+82 10-2000-0000",
                                       "met in Yanji", "Rim-il", "ko", &e), 0);
    assert_string_equal(out, "Rim-il");
    expect_last_log(f->s, "subject.add 1");
    add_subject(f->s, "Pak Chol", "Gerelee");
    add_record(id, f->s, "Rim-il", "t", "2023-05-01", "b");
    add_record(id, f->s, "Rim-il", "t", "2024-01-02", "b");
    add_record(id, f->s, "Rim-il", "t", "2022-12-31", "b");
    /* Without reveal: no identity at all. */
    assert_int_equal(store_subject_each(f->s, NULL, 0, collect_subject, &c, &e), 0);
    assert_string_equal(c.buf, "1 Rim-il ko 3 2024-01-02;2 Gerelee ko 0 -;");
    c.buf[0] = '\0';
    assert_int_equal(store_subject_each(f->s, "Rim-il", 1, collect_subject, &c, &e), 0);
    assert_string_equal(c.buf, "1 Rim-il ko 3 2024-01-02 [+82 10-2000-0000|met in Yanji] 김종수 Kim Jong-su;");
    assert_int_equal(store_subject_each(f->s, "Nobody", 1, collect_subject, &c, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "no subject with pseudonym 'Nobody' (see 'intake subject list')");
}

static void test_generated_pseudonym(void **state)
{
    struct fixture *f = *state;
    const char *names[] = { "Kim Jong-su" };
    struct subjects c = { "", 0 };
    char out[128], want[160];
    struct redactor *r;
    struct redact_ctx *ctx;
    struct redaction red;
    struct err e;

    assert_int_equal(store_subject_add(out, sizeof out, f->s, names, 1, NULL, NULL, NULL, "ko", &e), 0);
    assert_true(strlen(out) > 0);
    assert_null(strstr(out, "Jong"));
    assert_null(strstr(out, "Kim"));
    /* It is what the store knows the subject by, and what its name becomes. */
    assert_int_equal(store_subject_each(f->s, out, 0, collect_subject, &c, &e), 0);
    assert_int_equal(c.n, 1);
    assert_int_equal(store_redactor(&r, f->s, &e), 0);
    ctx = redact_ctx_new();
    assert_non_null(ctx);
    assert_int_equal(redactor_run(&red, r, ctx, "Kim Jong-su left.", 17, &e), 0);
    snprintf(want, sizeof want, "%s left.", out);
    assert_string_equal(red.text, want);
    redaction_free(&red);
    redact_ctx_free(ctx);
    redactor_free(r);
}

static void test_add_refusals(void **state)
{
    struct fixture *f = *state;
    const char *names[] = { "Kim Jong-su" }, *empty[] = { " \t" }, *bad[] = { "Kim\x01" };
    const char *terms[] = { "Chongjin" }, *badcat[] = { "planet:Mars" };
    struct subjects c = { "", 0 };
    char out[128];
    long n = -1;
    struct err e;

    add_subject(f->s, "Pak Chol", "Gerelee");
    assert_int_equal(store_subject_add(out, sizeof out, f->s, names, 0, NULL, NULL, NULL, "ko", &e), -1);
    assert_string_equal(e.msg, "give at least one --name");
    assert_int_equal(store_subject_add(out, sizeof out, f->s, empty, 1, NULL, NULL, NULL, "ko", &e), -1);
    assert_string_equal(e.msg, "a --name is empty");
    assert_int_equal(store_subject_add(out, sizeof out, f->s, bad, 1, NULL, NULL, NULL, "ko", &e), -1);
    assert_string_equal(e.msg, "a --name contains a control character");
    assert_int_equal(store_subject_add(out, sizeof out, f->s, names, 1, "two\x02", NULL, NULL, "ko", &e), -1);
    assert_string_equal(e.msg, "--contact is too long or not valid text");
    assert_int_equal(store_subject_add(out, sizeof out, f->s, names, 1, NULL, NULL, "", "ko", &e), -1);
    assert_string_equal(e.msg, "--pseudonym must be 1 to 64 characters of plain text");
    /* Pseudonyms are compared without regard to case, spaces or hyphens. */
    assert_int_equal(store_subject_add(out, sizeof out, f->s, names, 1, NULL, NULL, "GERELEE", "ko", &e), -1);
    assert_string_equal(e.msg, "pseudonym 'GERELEE' is taken: the subject 'Gerelee' has it "
                        "(pseudonyms that differ only by case, spaces or hyphens are one); choose another");
    assert_int_equal(store_subject_add(out, sizeof out, f->s, names, 1, NULL, NULL, "ge-re lee", "ko", &e), -1);
    assert_string_equal(e.msg, "pseudonym 'ge-re lee' is taken: the subject 'Gerelee' has it "
                        "(pseudonyms that differ only by case, spaces or hyphens are one); choose another");
    /* Nor may a pseudonym be one of the subject's own names. */
    assert_int_equal(store_subject_add(out, sizeof out, f->s, names, 1, NULL, NULL, "Jong-su", "ko", &e), -1);
    assert_string_equal(e.msg, "pseudonym 'Jong-su' is taken or matches a real name in the store; choose another");
    assert_int_equal(store_subject_add_terms(out, sizeof out, f->s, names, 1, terms, 1, NULL, NULL,
                                             NULL, "ko", &e), -1);
    assert_string_equal(e.msg, "a --term must be CATEGORY:TEXT, as in place:Chongjin (categories: "
                        TERM_CATEGORIES ")");
    assert_int_equal(store_subject_add_terms(out, sizeof out, f->s, names, 1, badcat, 1, NULL, NULL,
                                             NULL, "ko", &e), -1);
    assert_string_equal(e.msg, "unknown term category 'planet'; use one of: " TERM_CATEGORIES);
    /* Nothing of the refused subjects was kept. */
    assert_int_equal(store_subject_each(f->s, NULL, 0, collect_subject, &c, &e), 0);
    assert_int_equal(c.n, 1);
    assert_int_equal(store_forgotten_count(&n, f->s, &e), 0);
    assert_int_equal(n, 0);
    expect_last_log(f->s, "subject.add 1");
}

static void test_subject_terms(void **state)
{
    struct fixture *f = *state;
    const char *names[] = { "Kim Jong-su" }, *terms[] = { "place:Chongjin", "id:M1234567" };
    struct collect c = { "", 0 };
    char out[128];
    long id;
    struct err e;

    assert_int_equal(store_subject_add_terms(out, sizeof out, f->s, names, 1, terms, 2, NULL, NULL,
                                             "Rim-il", "ko", &e), 0);
    assert_int_equal(store_subject_term(&id, f->s, "Rim-il", "employer", "Lada Works", &e), 0);
    assert_int_equal(id, 3);
    assert_int_equal(store_term_each(f->s, collect_term, &c, &e), 0);
    assert_string_equal(c.buf, "1 place Rim-il Chongjin;2 id Rim-il M1234567;3 employer Rim-il Lada Works;");
    expect_last_log(f->s, "subject.term 3");
}

static void test_rename(void **state)
{
    struct fixture *f = *state;
    struct subjects c = { "", 0 };
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_subject(f->s, "Pak Chol", "Gerelee");
    assert_int_equal(store_subject_rename(f->s, "Rim-il", "Amarjargal", &e), 0);
    expect_last_log(f->s, "subject.rename 1");
    assert_int_equal(store_subject_each(f->s, NULL, 0, collect_subject, &c, &e), 0);
    assert_string_equal(c.buf, "1 Amarjargal ko 0 -;2 Gerelee ko 0 -;");
    assert_int_equal(store_subject_rename(f->s, "Rim-il", "Saran", &e), -1);
    assert_string_equal(e.msg, "no subject with pseudonym 'Rim-il' (see 'intake subject list')");
    assert_int_equal(store_subject_rename(f->s, "Amarjargal", "gerelee", &e), -1);
    assert_string_equal(e.msg, "pseudonym 'gerelee' is taken: the subject 'Gerelee' has it "
                        "(pseudonyms that differ only by case, spaces or hyphens are one); choose another");
    assert_int_equal(store_subject_rename(f->s, "Amarjargal", "x\ny", &e), -1);
    assert_string_equal(e.msg, "the new pseudonym must be 1 to 64 characters of plain text");
    expect_last_log(f->s, "subject.rename 1");
}

static void test_forget_keeps_only_the_day(void **state)
{
    struct fixture *f = *state;
    char id[RECORD_ID_CHARS + 1];
    long n = -1;
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_subject(f->s, "Pak Chol", "Gerelee");
    add_record(id, f->s, "Rim-il", "t", "2023-05-01", "first");
    add_record(id, f->s, "Rim-il", "t", "2023-05-02", "second");
    assert_int_equal(store_subject_forget(&n, f->s, "Rim-il", &e), 0);
    assert_int_equal(n, 2);
    expect_last_log(f->s, "subject.forget 1");
    assert_int_equal(store_subject_forget(&n, f->s, "Gerelee", &e), 0);
    assert_int_equal(n, 0);
    assert_int_equal(store_forgotten_count(&n, f->s, &e), 0);
    assert_int_equal(n, 2);
    assert_int_equal(store_subject_forget(&n, f->s, "Nobody", &e), -1);
    assert_int_equal(n, 0);
    assert_string_equal(e.msg, "no subject with pseudonym 'Nobody' (see 'intake subject list')");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, open_fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_forget),
        T(test_add_and_list),
        T(test_generated_pseudonym),
        T(test_add_refusals),
        T(test_subject_terms),
        T(test_rename),
        T(test_forget_keeps_only_the_day),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
