/* store/eligible.c: the one rule redact and export ask (issue 13, NEW-7):
 * consent (none, withdrawn, re-consented, --export no, an embargo on the
 * consent day), a recipient's refusal for good after a withdrawal (with
 * the recipients named, and with none: any contact), and the unresolved
 * review flags, on the pair's stores (tests/unit/storeutil.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include "store/eligible.h"

/* One question about a record, asked from store_record_each's callback
 * (the row as the export walk reads it). */
struct ask {
    struct store *s;
    const char *const *to;
    size_t nto;
    const char *today;
    size_t unresolved;
    struct eligibility el;
    int rc;
};

static int on_row(void *ctx, const struct record_row *row, struct err *e)
{
    struct ask *a = ctx;

    a->rc = store_record_eligible(&a->el, a->s, row, a->to, a->nto, a->today, a->unresolved, e);
    return 0;
}

static int eligible(struct ask *a, const char *id)
{
    struct record_filter f = { 0 };
    struct err e;

    f.id = id;
    a->rc = -2;
    if (store_record_each(a->s, &f, on_row, a, &e) != 0)
        fail_msg("record: %s", e.msg);
    assert_int_not_equal(a->rc, -2);
    return a->rc;
}

static void consent(struct store *s, const char *pseudonym, const struct consent_change *c)
{
    struct err e;

    if (store_consent_set(s, pseudonym, c, &e) != 0)
        fail_msg("consent: %s", e.msg);
}

static void test_consent_and_embargo(void **state)
{
    struct pair *f = *state;
    struct consent_change embargo = { -1, -1, -1, -1, NULL, "2024-06-01", 0, 0 };
    struct consent_change no = { 0, -1, -1, -1, NULL, NULL, 0, 0 };
    struct ask a = { f->field, NULL, 0, "2024-05-31", 0, { "", "", { 0 }, 0 }, 0 };

    assert_int_equal(eligible(&a, f->nari), 1);
    assert_string_equal(a.el.why, "");
    assert_int_equal(eligible(&a, f->saran), 0);
    assert_string_equal(a.el.why, "no consent is recorded (record it with 'intake consent "
                        "PSEUDONYM --export yes')");
    consent(f->field, "Nari", &embargo);
    /* The day before the embargo ends, then that day: the consent day
     * given is the one every check uses. */
    assert_int_equal(eligible(&a, f->nari), 0);
    assert_string_equal(a.el.why, "under embargo until 2024-06-01");
    a.today = "2024-06-01";
    assert_int_equal(eligible(&a, f->nari), 1);
    consent(f->field, "Nari", &no);
    assert_int_equal(eligible(&a, f->nari), 0);
    assert_string_equal(a.el.why, "the recorded consent does not allow export (--export no)");
}

static void test_review_flags(void **state)
{
    struct pair *f = *state;
    struct ask a = { f->field, NULL, 0, "2024-05-31", 2, { "", "", { 0 }, 0 }, 0 };

    assert_int_equal(eligible(&a, f->nari), 0);
    assert_string_equal(a.el.why, "2 review flags unresolved (see 'intake redact --report'; "
                        "protect with 'intake term add' or allow with 'intake allow')");
    /* Before the redaction, the flags are not known: consent alone. */
    a.unresolved = ELIGIBLE_UNREDACTED;
    assert_int_equal(eligible(&a, f->nari), 1);
    /* Both reasons, in one line. */
    a.unresolved = 1;
    assert_int_equal(eligible(&a, f->saran), 0);
    assert_non_null(strstr(a.el.why, "no consent is recorded"));
    assert_non_null(strstr(a.el.why, "; 1 review flag unresolved"));
}

/* NEW-7: a record that reached hq before a withdrawal is refused by hq
 * for good; a new consent does not lift it, for hq or for "any contact";
 * for a contact that never had it, --include-earlier does (adv16 B-5). */
static void test_refused_after_reconsent(void **state)
{
    struct pair *f = *state;
    struct consent_change withdraw = { -1, -1, -1, -1, NULL, NULL, 1, 0 };
    struct consent_change yes = { 1, -1, -1, 1, "verbal", NULL, 0, 0 };
    struct consent_change earlier = { -1, -1, -1, -1, NULL, NULL, 0, 1 };
    static const char *const other[] = { "ngo" };
    struct ask a = { f->field, hq_only, 1, "2999-01-01", 0, { "", "", { 0 }, 0 }, 0 };
    struct store *ngo;
    char dir[240];

    snprintf(dir, sizeof dir, "%s.ngo", f->dir);
    ngo = new_store(dir, "ngo");
    add_contact(f->field, "ngo", ngo);
    assert_int_equal(export_to_hq(f, f->out), 1);
    consent(f->field, "Nari", &withdraw);
    assert_int_equal(eligible(&a, f->nari), 0);
    assert_int_equal(a.el.refused, 0);
    assert_non_null(strstr(a.el.why, "consent was withdrawn on "));
    consent(f->field, "Nari", &yes);
    assert_int_equal(eligible(&a, f->nari), 0);
    assert_int_equal(a.el.refused, 1);
    assert_non_null(strstr(a.el.why, "it went to hq before its subject's consent was withdrawn ("));
    assert_non_null(strstr(a.el.why, "), which refuses it there for good; record what the "
                           "subject says now as a new record"));
    /* Review flags do not add to a refusal for good: nothing clears it. */
    a.unresolved = 3;
    assert_int_equal(eligible(&a, f->nari), 0);
    assert_null(strstr(a.el.why, "review flag"));
    a.unresolved = 0;
    a.to = NULL, a.nto = 0;
    assert_int_equal(eligible(&a, f->nari), 0);
    assert_int_equal(a.el.refused, 1);
    /* A contact that never had it: the re-consent covers a record made
     * before it only once the subject says so (adv16 B-5). */
    a.to = other, a.nto = 1;
    assert_int_equal(eligible(&a, f->nari), 0);
    assert_int_equal(a.el.refused, 0);
    assert_non_null(strstr(a.el.why, "it was made before the re-consent of "));
    assert_non_null(strstr(a.el.why, "'intake consent Nari --include-earlier'"));
    consent(f->field, "Nari", &earlier);
    assert_int_equal(eligible(&a, f->nari), 1);
    a.to = hq_only, a.nto = 1;
    assert_int_equal(eligible(&a, f->nari), 0);
    assert_int_equal(a.el.refused, 1);
    store_close(ngo);
    assert_int_equal(remove_tree(dir), 0);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, pair_setup, pair_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_consent_and_embargo),
        T(test_review_flags),
        T(test_refused_after_reconsent),
    };
    return cmocka_run_group_tests(tests, pair_group_setup, teardown);
}
