/* Input the store refuses before it writes (issue 14: every error return
 * of store/ reached), each with its exact message, exit status 2 and the
 * store unchanged: a correction whose testimony is empty or only white
 * space; a correction of a record imported from another store (its
 * sender's to correct); more terms or names than a subject takes at once;
 * a pseudonym that is one of `intake record`'s command words. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#define TOO_MANY 65              /* store/subject.c takes at most 64 at once */

static void expect_msg(const struct err *e, const char *want)
{
    assert_int_equal(e->code, EXIT_INPUT);
    assert_string_equal(e->msg, want);
}

/* Both the check before the passphrase and the edit itself refuse; the
 * records and the log are as they were. */
static void expect_edit_refused(struct store *s, const char *id, const struct record_change *c,
                                const char *want)
{
    struct records before, after;
    long logged = log_entries(s), version = -1;
    int changed = -1;
    struct err e;

    all_records(&before, s);
    err_clear(&e);
    assert_int_equal(store_record_edit_check(s, id, c, &e), -1);
    expect_msg(&e, want);
    err_clear(&e);
    assert_int_equal(store_record_edit(&version, &changed, s, id, c, &e), -1);
    expect_msg(&e, want);
    all_records(&after, s);
    assert_string_equal(after.buf, before.buf);
    assert_int_equal(log_entries(s), logged);
}

static void test_edit_empty_testimony(void **state)
{
    struct pair *p = *state;
    struct record_change c = { 0 };

    c.body = "";
    expect_edit_refused(p->field, p->nari, &c, "the testimony is empty; nothing was changed");
    c.body = " \n\t \n";
    expect_edit_refused(p->field, p->nari, &c,
                        "the testimony is only white space; nothing was changed");
}

/* On hq, Nari's record came in a bundle: hq may not correct it. */
static void test_edit_imported_record(void **state)
{
    struct pair *p = *state;
    struct record_change c = { 0 };
    struct import_result im;
    struct err e;
    char want[300];

    assert_int_equal(export_to_hq(p, p->out), 1);
    add_contact(p->hq, "field", p->field);
    assert_int_equal(store_import(&im, p->hq, p->out, 0, &e), 0);
    c.title = "Corrected at hq";
    snprintf(want, sizeof want, "record %s was imported: it is its sender's to correct (ask them "
             "to send a correction); nothing was changed", p->nari);
    expect_edit_refused(p->hq, p->nari, &c, want);
    /* The sender corrects its own. */
    {
        long version = 0;
        int changed = 0;
        assert_int_equal(store_record_edit(&version, &changed, p->field, p->nari, &c, &e), 0);
        assert_int_equal(changed, 1);
    }
}

/* More than 64 terms or names at once; a pseudonym that is a command word. */
static void test_subject_limits(void **state)
{
    struct pair *p = *state;
    const char *names[TOO_MANY], *terms[TOO_MANY];
    char namebuf[TOO_MANY][24], termbuf[TOO_MANY][32], out[128];
    long logged = log_entries(p->field);
    struct err e;

    for (int k = 0; k < TOO_MANY; k++) {
        snprintf(namebuf[k], sizeof namebuf[k], "Person %c%c", 'A' + k / 26, 'a' + k % 26);
        snprintf(termbuf[k], sizeof termbuf[k], "place:Town %c%c", 'A' + k / 26, 'a' + k % 26);
        names[k] = namebuf[k];
        terms[k] = termbuf[k];
    }
    err_clear(&e);
    assert_int_equal(store_subject_add_check(names, TOO_MANY, NULL, 0, NULL, NULL, NULL, &e), -1);
    expect_msg(&e, "at most 64 names per subject");
    err_clear(&e);
    assert_int_equal(store_subject_add_terms(out, sizeof out, p->field, names, TOO_MANY, NULL, 0,
                                             NULL, NULL, "Many", "ko", &e), -1);
    expect_msg(&e, "at most 64 names per subject");
    err_clear(&e);
    assert_int_equal(store_subject_add_check(names, 1, terms, TOO_MANY, NULL, NULL, NULL, &e), -1);
    expect_msg(&e, "at most 64 terms at once");
    err_clear(&e);
    assert_int_equal(store_subject_add_terms(out, sizeof out, p->field, names, 1, terms, TOO_MANY,
                                             NULL, NULL, "Many", "ko", &e), -1);
    expect_msg(&e, "at most 64 terms at once");
    /* 64 of each is the limit, not past it. */
    err_clear(&e);
    assert_int_equal(store_subject_add_check(names, TOO_MANY - 1, terms, TOO_MANY - 1, NULL,
                                             NULL, NULL, &e), 0);

    err_clear(&e);
    assert_int_equal(store_pseudonym_check("Edit", "the new pseudonym", &e), -1);
    expect_msg(&e, "the new pseudonym cannot be 'Edit': 'intake record Edit' is a command");
    err_clear(&e);
    assert_int_equal(store_subject_add_terms(out, sizeof out, p->field, names, 1, NULL, 0, NULL,
                                             NULL, "delete", "ko", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "cannot be 'delete': 'intake record delete' is a command"));
    assert_int_equal(log_entries(p->field), logged);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, pair_setup, pair_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_edit_empty_testimony),
        T(test_edit_imported_record),
        T(test_subject_limits),
    };

    return cmocka_run_group_tests(tests, pair_group_setup, teardown);
}
