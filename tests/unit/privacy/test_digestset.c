/* privacy/digestset: which digests each kind of form adds, sorting and
 * deduplicating, and the exact spans a scan reports (word forms, stems
 * followed by a particle or case ending, nothing else). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/digestset.h"
#include "privacy/normalise.h"
#include "privacy/variants.h"

static void init(struct digestset *ds)
{
    unsigned char key[DIGESTSET_KEYBYTES];

    for (size_t i = 0; i < sizeof key; i++)
        key[i] = (unsigned char)(i * 7);
    digestset_init_key(ds, key);
}

/* Adds the key of text (normalise.h) as a form with suffix. */
static void add(struct digestset *ds, const char *text, int suffix)
{
    char *key;
    size_t keylen;
    struct err e;

    assert_int_equal(normalise_key(&key, &keylen, text, strlen(text), &e), 0);
    assert_int_equal(digestset_add_form(ds, key, keylen, suffix, 0, &e), 0);
    secmem_free(key);
}

struct hits {
    char out[512];
    size_t len;
    const char *text;
    int rc;                     /* what the callback returns */
};

static int on_hit(void *ctx, size_t start, size_t end, struct err *e)
{
    struct hits *h = ctx;

    (void)e;
    h->len += (size_t)snprintf(h->out + h->len, sizeof h->out - h->len, "%s%zu-%zu:%.*s",
                               h->len ? "|" : "", start, end, (int)(end - start), h->text + start);
    return h->rc;
}

/* The hits of scanning text, as "start-end:text|...". */
static const char *scan(const struct digestset *ds, const char *text)
{
    static struct hits h;
    struct err e;

    memset(&h, 0, sizeof h);
    h.text = text;
    assert_int_equal(digestset_scan(ds, text, strlen(text), on_hit, &h, &e), 0);
    return h.out;
}

/* A form that ends a word gives one digest (class 0), one that may take a
 * particle or ending two (classes 0 and 1), a stem one (class 1). */
static void test_digests_per_form(void **state)
{
    struct digestset ds;

    (void)state;
    init(&ds);
    add(&ds, "Kim Chol-jin", SUFFIX_NONE);
    assert_int_equal(ds.n, 1);
    add(&ds, "박영수", SUFFIX_KO);
    assert_int_equal(ds.n, 3);
    add(&ds, "Бурмаа", SUFFIX_MN);
    assert_int_equal(ds.n, 5);
    add(&ds, "Бат-Эрдэн", SUFFIX_MN_STEM);
    assert_int_equal(ds.n, 6);
    digestset_finish(&ds);
    assert_int_equal(ds.n, 6);
    digestset_free(&ds);
    assert_null(ds.d);
    assert_int_equal(ds.n, 0);
}

/* finish sorts the digests and keeps one of each. */
static void test_finish_sorts_and_dedups(void **state)
{
    struct digestset ds;

    (void)state;
    init(&ds);
    add(&ds, "Kim Chol-jin", SUFFIX_NONE);
    add(&ds, "Pak Yong-su", SUFFIX_NONE);
    add(&ds, "KIM CHOL JIN", SUFFIX_NONE);      /* the same key */
    add(&ds, "Ri", SUFFIX_NONE);
    add(&ds, "Pak Yong-su", SUFFIX_NONE);
    assert_int_equal(ds.n, 5);
    digestset_finish(&ds);
    assert_int_equal(ds.n, 3);
    for (size_t i = 1; i < ds.n; i++)
        assert_true(memcmp(ds.d + (i - 1) * DIGESTSET_BYTES, ds.d + i * DIGESTSET_BYTES,
                           DIGESTSET_BYTES) < 0);
    digestset_free(&ds);
}

/* Spans are in the original text (bytes); a form matches whole words
 * only, across separators; a stem only with an ending after it. */
static void test_scan_spans(void **state)
{
    struct digestset ds;

    (void)state;
    init(&ds);
    add(&ds, "Kim Chol-jin", SUFFIX_NONE);
    add(&ds, "박영수", SUFFIX_KO);
    add(&ds, "Бат-Эрдэн", SUFFIX_MN_STEM);
    digestset_finish(&ds);
    assert_string_equal(scan(&ds, "Then KIM Chol jin met 박영수는 there."),
                        "5-17:KIM Chol jin|22-34:박영수는");
    assert_string_equal(scan(&ds, "박영수"), "0-9:박영수");
    assert_string_equal(scan(&ds, "Бат-Эрдэнийн ах"), "0-23:Бат-Эрдэнийн");
    /* A stem alone, a name inside a longer word, a particle that is none. */
    assert_string_equal(scan(&ds, "Бат-Эрдэн"), "");
    assert_string_equal(scan(&ds, "Kimcholjinsky"), "");
    assert_string_equal(scan(&ds, "박영수수"), "");
    digestset_free(&ds);
}

/* An empty set or text finds nothing; bad text and a failing callback
 * fail the scan. */
static void test_scan_errors(void **state)
{
    struct digestset ds;
    struct hits h;
    struct err e;

    (void)state;
    init(&ds);
    digestset_finish(&ds);
    assert_string_equal(scan(&ds, "Kim Chol-jin"), "");
    add(&ds, "Kim Chol-jin", SUFFIX_NONE);
    digestset_finish(&ds);
    assert_string_equal(scan(&ds, ""), "");
    memset(&h, 0, sizeof h);
    assert_int_equal(digestset_scan(&ds, "Kim\xff", 4, on_hit, &h, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    h.text = "so Kim Chol-jin said", h.rc = -1;
    assert_int_equal(digestset_scan(&ds, h.text, strlen(h.text), on_hit, &h, &e), -1);
    assert_string_equal(h.out, "3-15:Kim Chol-jin");
    digestset_free(&ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_digests_per_form),
        cmocka_unit_test(test_finish_sorts_and_dedups),
        cmocka_unit_test(test_scan_spans),
        cmocka_unit_test(test_scan_errors),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
