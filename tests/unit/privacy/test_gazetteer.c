/* privacy/gazetteer: the compiled-in lists (one entry per line of the
 * lists in data/gazetteer), their kind names, and the exact hits of a scan:
 * places of one to four words, Korean given names alone or after a
 * surname, Mongolian names, each also with a particle or case ending. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "privacy/gazetteer.h"
#include "privacy/normalise.h"

#define LISTS "data/gazetteer/"

static size_t lines(const char *name)
{
    char path[256], line[512];
    size_t n = 0;
    FILE *f;

    snprintf(path, sizeof path, LISTS "%s", name);
    assert_non_null(f = fopen(path, "r"));
    while (fgets(line, sizeof line, f) != NULL)
        n += line[0] != '\n';
    fclose(f);
    return n;
}

struct hits {
    char out[512];
    size_t len;
    const char *text;
};

static int on_hit(void *ctx, int kind, size_t start, size_t end, struct err *e)
{
    struct hits *h = ctx;

    (void)e;
    h->len += (size_t)snprintf(h->out + h->len, sizeof h->out - h->len, "%s%s %zu-%zu:%.*s",
                               h->len ? "|" : "", gazetteer_kind_name(kind), start, end,
                               (int)(end - start), h->text + start);
    return 0;
}

/* The hits in text, as "kind start-end:text|...". */
static const char *scan(const char *text)
{
    static struct hits h;
    struct normtext nt;
    struct err e;

    memset(&h, 0, sizeof h);
    h.text = text;
    assert_int_equal(normalise(&nt, text, strlen(text), &e), 0);
    assert_int_equal(gazetteer_scan(&nt, on_hit, &h, &e), 0);
    normtext_free(&nt);
    return h.out;
}

static void test_lists(void **state)
{
    struct err e;

    (void)state;
    assert_int_equal(gazetteer_count(GAZ_PLACE), 0);            /* not loaded yet */
    assert_int_equal(gazetteer_load(&e), 0);
    assert_int_equal(gazetteer_load(&e), 0);                    /* once only */
    assert_int_equal(gazetteer_count(GAZ_PLACE), lines("towns.txt") + lines("subdivisions.txt"));
    assert_int_equal(gazetteer_count(GAZ_KO_NAME), lines("ko_given.txt"));
    assert_int_equal(gazetteer_count(GAZ_MN_NAME), lines("mn_names.txt"));
    assert_int_equal(gazetteer_count(-1), 0);
    assert_int_equal(gazetteer_count(GAZ_NKINDS), 0);
}

static void test_kind_names(void **state)
{
    (void)state;
    assert_string_equal(gazetteer_kind_name(GAZ_PLACE), "place");
    assert_string_equal(gazetteer_kind_name(GAZ_KO_NAME), "korean-name");
    assert_string_equal(gazetteer_kind_name(GAZ_MN_NAME), "mongolian-name");
    assert_string_equal(gazetteer_kind_name(GAZ_NKINDS), "?");
    assert_string_equal(gazetteer_kind_name(-1), "?");
}

/* Spans are in the original text (bytes); the shorter window ending at a
 * word is reported first, and a place of two words once more whole. */
static void test_scan(void **state)
{
    (void)state;
    assert_string_equal(scan("From Hyesan-dong to CHONGJIN."),
                        "place 5-11:Hyesan|place 5-16:Hyesan-dong|place 20-28:CHONGJIN");
    assert_string_equal(scan("그는 강릉에서 왔다"), "place 7-19:강릉에서");
    assert_string_equal(scan("김민준 씨"), "korean-name 0-9:김민준");
    assert_string_equal(scan("그날 민준이 말했다"), "korean-name 7-16:민준이");
    assert_string_equal(scan("Батболдын ах"), "mongolian-name 0-18:Батболдын");
    /* A surname alone is no hit; nor is ordinary prose. */
    assert_string_equal(scan("김 씨"), "");
    assert_string_equal(scan("The workers were sent to Russia to build houses."), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lists),
        cmocka_unit_test(test_kind_names),
        cmocka_unit_test(test_scan),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
