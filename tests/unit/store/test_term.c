/* store/term.c: protected terms, store-wide or a subject's, and allowed
 * texts. test_term_checks, test_term_list_remove and test_allow moved
 * from test_privacy.c, unchanged. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include "privacy/redact.h"
#include "store/db.h"

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

static void test_terms_are_logged_by_id(void **state)
{
    struct fixture *f = *state;
    long a, b;
    struct err e;

    add_subject(f->s, "Pak Chol", "Myong-hui");
    assert_int_equal(store_term_add(&a, f->s, "place", "Hamhung", &e), 0);
    assert_int_equal(a, 1);
    expect_last_log(f->s, "term.add 1");
    assert_int_equal(store_subject_term(&b, f->s, "Myong-hui", "employer", "Ryongsong Works", &e), 0);
    assert_int_equal(b, 2);
    expect_last_log(f->s, "subject.term 2");
    assert_int_equal(store_term_remove(f->s, a, &e), 0);
    expect_last_log(f->s, "term.remove 1");
    assert_int_equal(store_allow(f->s, "Mr Smith", &e), 0);
    expect_last_log(f->s, "allow 1");
    /* A refused change logs nothing. */
    assert_int_equal(store_term_remove(f->s, a, &e), -1);
    assert_string_equal(e.msg, "no term 1 (see 'intake term list')");
    expect_last_log(f->s, "allow 1");
}

static void test_term_rows(void **state)
{
    struct fixture *f = *state;
    struct collect c = { "", 0 };
    long id;
    struct err e;

    add_subject(f->s, "Pak Chol", "Myong-hui");
    assert_int_equal(store_subject_term(&id, f->s, "Myong-hui", "organisation", "Unit 27", &e), 0);
    assert_int_equal(store_term_add(&id, f->s, "other", "Blue Gate", &e), 0);
    assert_int_equal(store_term_each(f->s, collect_term, &c, &e), 0);
    assert_string_equal(c.buf, "1 organisation Myong-hui Unit 27;2 other - Blue Gate;");
    /* The same text may be protected once store-wide and once per subject. */
    assert_int_equal(store_term_add(&id, f->s, "organisation", "Unit 27", &e), 0);
    assert_int_equal(store_subject_term(&id, f->s, "Myong-hui", "other", "Blue Gate", &e), 0);
    assert_int_equal(store_subject_term(&id, f->s, "Myong-hui", "other", "Blue Gate", &e), -1);
    assert_string_equal(e.msg, "this text is already protected (term 4); nothing was changed");
}

struct allowed {
    char buf[256];
    int n;
};

static int collect_allowed(void *ctx, const struct allowed_row *r, struct err *e)
{
    struct allowed *a = ctx;
    size_t used = strlen(a->buf);

    (void)e;
    assert_int_equal(strlen(r->added), 20);
    snprintf(a->buf + used, sizeof a->buf - used, "%ld %s;", r->id, r->text);
    a->n++;
    return 0;
}

static int stop_at_first(void *ctx, const struct allowed_row *r, struct err *e)
{
    (void)r;
    ++*(int *)ctx;
    return err_set(e, EXIT_INPUT, "stopped");
}

static void test_allowed_rows(void **state)
{
    struct fixture *f = *state;
    struct allowed a = { "", 0 };
    int calls = 0;
    struct err e;

    assert_int_equal(store_allowed_each(f->s, collect_allowed, &a, &e), 0);
    assert_int_equal(a.n, 0);
    assert_int_equal(store_allow(f->s, "Choe Myong-nam", &e), 0);
    assert_int_equal(store_allow(f->s, "Hyesan", &e), 0);
    assert_int_equal(store_allow(f->s, "two\nlines", &e), -1);
    assert_string_equal(e.msg, "the allowed text contains a control character");
    assert_int_equal(store_allowed_each(f->s, collect_allowed, &a, &e), 0);
    assert_string_equal(a.buf, "1 Choe Myong-nam;2 Hyesan;");
    /* A callback's failure stops the walk and comes back as it is. */
    assert_int_equal(store_allowed_each(f->s, stop_at_first, &calls, &e), -1);
    assert_int_equal(calls, 1);
    assert_string_equal(e.msg, "stopped");
}

static long answers_kept(struct store *s)
{
    long n = -1;
    struct err e;

    assert_int_equal(db_int(&n, s, "SELECT count(*) FROM lexicon_answer", NULL, 0, "counting", &e), 1);
    return n;
}

struct answers {
    char buf[8192];
    size_t off[256], len[256], used, n;
    int known[256];
};

static int copy_answer(void *ctx, const char *w, size_t len, int known)
{
    struct answers *a = ctx;

    assert_true(a->n < 256 && a->used + len <= sizeof a->buf);
    memcpy(a->buf + a->used, w, len);
    a->off[a->n] = a->used, a->len[a->n] = len, a->known[a->n] = known;
    a->used += len, a->n++;
    return 0;
}

/* hunspell-ko's answers about the generated Hangul spellings of a place
 * (신의주 of Sinuiju) are kept with the store when the term is added
 * (store/privacy.c, table lexicon_answer): a later process's redactor
 * asks none of them and is the same redactor (the same literals, so the
 * same digest) as one that asks them all; removing the term drops them. */
static void test_place_answers_kept(void **state)
{
    struct fixture *f = *state;
    unsigned char kept[REDACT_DIGEST_BYTES], asked[REDACT_DIGEST_BYTES];
    struct answers flipped = { .n = 0 };
    struct redactor *r;
    long id;
    size_t n;
    struct err e;

    redact_place_answers_clear();
    assert_int_equal(answers_kept(f->s), 0);
    assert_int_equal(store_term_add(&id, f->s, "place", "Sinuiju", &e), 0);
    /* Asked, kept in the store, and so marked kept. */
    n = (size_t)answers_kept(f->s);
    assert_true(n > 0);
    assert_int_equal(redact_place_answers_asked(), 0);
    /* As a new process on the store: every answer given, none asked. */
    redact_place_answers_clear();
    f->s->answers_loaded = 0;
    assert_int_equal(store_redactor(&r, f->s, &e), 0);
    assert_int_equal(redact_place_answers_asked(), 0);
    redactor_digest(kept, r);
    redactor_free(r);
    /* Without the store: every answer asked of hunspell-ko. */
    redact_place_answers_clear();
    assert_int_equal(redactor_new(&r, &e), 0);
    assert_int_equal(redactor_add_term(r, TERM_PLACE, 0, "Sinuiju", 7, &e), 0);
    assert_int_equal(redact_place_answers_asked(), n);
    redactor_digest(asked, r);
    redactor_free(r);
    assert_memory_equal(kept, asked, sizeof kept);
    /* The answers given are the ones used: each given flipped, the
     * redactor differs (so the comparison above can fail). */
    assert_int_equal(redact_place_answers_each(copy_answer, &flipped), 0);
    assert_int_equal(flipped.n, n);
    redact_place_answers_clear();
    for (size_t i = 0; i < flipped.n; i++)
        assert_int_equal(redact_place_answer_give(flipped.buf + flipped.off[i], flipped.len[i],
                                                  !flipped.known[i]), 0);
    assert_int_equal(redactor_new(&r, &e), 0);
    assert_int_equal(redactor_add_term(r, TERM_PLACE, 0, "Sinuiju", 7, &e), 0);
    assert_int_equal(redact_place_answers_asked(), 0);
    redactor_digest(asked, r);
    redactor_free(r);
    assert_memory_not_equal(kept, asked, sizeof kept);
    /* Removing the term drops them, as it drops the matcher cache. */
    assert_int_equal(store_term_remove(f->s, id, &e), 0);
    assert_int_equal(answers_kept(f->s), 0);
    redact_place_answers_clear();
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, open_fixture_setup, fixture_teardown)

/* CATEGORY:TEXT, the one way a term is written. */
static void test_term_spec(void **state)
{
    char cat[TERM_CATEGORY_MAX];
    const char *text;
    struct err e;

    (void)state;
    assert_int_equal(term_spec_parse(cat, sizeof cat, &text, "place:Chongjin", "the term", &e), 0);
    assert_string_equal(cat, "place");
    assert_string_equal(text, "Chongjin");
    assert_int_equal(term_spec_parse(cat, sizeof cat, &text, "id:M12:34", "the term", &e), 0);
    assert_string_equal(cat, "id");
    assert_string_equal(text, "M12:34");
    assert_int_equal(term_spec_parse(cat, sizeof cat, &text, "Chongjin", "the term", &e), -1);
    assert_string_equal(e.msg, "the term must be CATEGORY:TEXT, as in place:Chongjin (categories: "
                        TERM_CATEGORIES ")");
    assert_int_equal(term_spec_parse(cat, sizeof cat, &text, ":Chongjin", "a --term", &e), -1);
    assert_string_equal(e.msg, "a --term must be CATEGORY:TEXT, as in place:Chongjin (categories: "
                        TERM_CATEGORIES ")");
    assert_int_equal(term_spec_parse(cat, sizeof cat, &text, "planet:Mars", "the term", &e), -1);
    assert_string_equal(e.msg, "unknown term category 'planet'; use one of: " TERM_CATEGORIES);
    assert_int_equal(term_spec_parse(cat, sizeof cat, &text, "organisationsandmore:x", "the term",
                                     &e), -1);
    assert_string_equal(e.msg, "unknown term category 'organisationsandmore'; use one of: "
                        TERM_CATEGORIES);
    assert_int_equal(term_spec_parse(cat, sizeof cat, &text, "place:", "the term", &e), -1);
    assert_string_equal(e.msg, "the term is empty");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_term_checks),
        T(test_term_list_remove),
        T(test_allow),
        T(test_terms_are_logged_by_id),
        T(test_term_rows),
        T(test_allowed_rows),
        T(test_place_answers_kept),
        cmocka_unit_test(test_term_spec),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
