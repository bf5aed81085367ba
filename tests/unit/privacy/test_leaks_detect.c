/* The leak kinds of issue 12 found by pattern (6 handles and profile URLs,
 * 7 phones, 8 ID numbers, 9 dates of birth, 10 coordinates, 11 e-mail,
 * URLs, IPs): every case of tests/data/leaks/detect.jsonl through the
 * whole redactor.  One JSON object per line:
 *   kind      the issue's kind (6-11)
 *   source    "issue" (a case of the issue), "general" (another form of
 *             the kind) or "negative" (what must survive)
 *   text      the input
 *   subjects  optional [{id, pseudonym, names}] registered first
 *   replace   substrings that must each lie inside one replacement, found
 *             in order (each after the start of the one before)
 *   keep      substrings that must be in the output unchanged
 *   output    optional: the exact output
 *   item      optional: the brief item a case stands for (numbers3.jsonl,
 *             numbers4.jsonl: briefs i12-num); not read here
 * Prints recall per kind (replaced / to replace) and the false
 * replacements (kept / to keep), with every miss; fails on any. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/redact.h"
#include "tests/unit/redactor_cache.h"

/* The pattern kinds (6-11) and spoken numbers (14, ours). */
static const char *const data_files[] = {
    "tests/data/leaks/detect.jsonl", "tests/data/leaks/spoken.jsonl",
    "tests/data/leaks/numbers2.jsonl", "tests/data/leaks/numbers3.jsonl",
    "tests/data/leaks/numbers4.jsonl", "tests/data/leaks/numbers5.jsonl",
    "tests/data/leaks/accounts.jsonl", "tests/data/leaks/accounts16.jsonl",
    "tests/data/leaks/leaves16.jsonl", "tests/data/leaks/numbers16.jsonl",
    "tests/data/leaks/ids17.jsonl", "tests/data/leaks/loc18.jsonl",
    "tests/data/leaks/acct18.jsonl", "tests/data/leaks/w2num.jsonl",
    "tests/data/leaks/addr20.jsonl", "tests/data/leaks/addr21.jsonl", "tests/data/leaks/addr22.jsonl",
    "tests/data/leaks/addr24.jsonl",
    "tests/data/leaks/glue21-detect.jsonl",
    "tests/data/leaks/spell22-detect.jsonl",
    "tests/data/leaks/num24-detect.jsonl",
    "tests/data/leaks/num25-detect.jsonl",
    "tests/data/leaks/num26-detect.jsonl",
    "tests/data/leaks/addr25-detect.jsonl",
    "tests/data/leaks/addr26-detect.jsonl",
    "tests/data/leaks/bank39-detect.jsonl",
};
#define KINDS 16

struct tally {
    unsigned replace, replaced, keep, kept, outputs, exact;
};

static const char *const kind_names[KINDS] = {
    [6] = "handles, profile URLs", [7] = "phones", [8] = "ID numbers",
    [9] = "dates of birth", [10] = "coordinates", [11] = "e-mail, URLs, IPs",
    [14] = "spoken numbers", [15] = "home addresses",
};

static struct redactor *redactor_for(json_t *doc)
{
    struct redactor *r;
    struct err e;
    json_t *s, *n;
    size_t i, k;

    assert_int_equal(redactor_new(&r, &e), 0);
    json_array_foreach(json_object_get(doc, "subjects"), i, s) {
        long id = (long)json_integer_value(json_object_get(s, "id"));
        assert_int_equal(redactor_add_subject(r, id, json_string_value(json_object_get(s, "pseudonym")), &e), 0);
        json_array_foreach(json_object_get(s, "names"), k, n)
            assert_int_equal(redactor_add_name(r, id, json_string_value(n), json_string_length(n), &e), 0);
    }
    if (redactor_compile(r, &e) != 0)
        fail_msg("compile: %s", e.msg);
    return r;
}

/* redactor_for(doc), or the one an earlier case built from the same
 * fields (tests/unit/redactor_cache.h; the cache owns it).  The key is the
 * case without the fields that say what to check, so a field
 * redactor_for reads, today's or a later one, is always part of it. */
static struct redactor *redactor_cached(json_t *doc)
{
    static const char *const checks[] = { "kind", "text", "output", "replace", "keep",
                                          "source", "item", "gone", "flags" };
    char *key = rcache_key(doc, checks, sizeof checks / sizeof checks[0]);
    struct redactor *r;

    assert_non_null(key);
    if ((r = rcache_get(key)) == NULL)
        r = rcache_put(key, redactor_for(doc));
    free(key);
    assert_non_null(r);
    return r;
}

/* 1 if in[a..b) lies inside one replacement of out. */
static int replaced(const struct redaction *out, size_t a, size_t b)
{
    size_t k;

    for (k = 0; k < out->nitems; k++)
        if (out->items[k].orig_start <= a && out->items[k].orig_start + out->items[k].orig_len >= b)
            return 1;
    return 0;
}

static void check_case(json_t *doc, unsigned line, struct tally *t)
{
    const char *text = json_string_value(json_object_get(doc, "text")), *p, *from = text;
    const char *want = json_string_value(json_object_get(doc, "output"));
    struct redactor *r = redactor_cached(doc);
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;
    json_t *v;
    size_t i;

    assert_non_null(text);
    assert_non_null(ctx);
    if (redactor_run(&out, r, ctx, text, strlen(text), &e) != 0)
        fail_msg("line %u: %s", line, e.msg);
    json_array_foreach(json_object_get(doc, "replace"), i, v) {
        const char *s = json_string_value(v);
        t->replace++;
        if ((p = strstr(from, s)) == NULL)
            fail_msg("line %u: \"%s\" is not in the text (in order)", line, s);
        if (replaced(&out, (size_t)(p - text), (size_t)(p - text) + strlen(s)))
            t->replaced++;
        else
            printf("# line %u: not replaced: \"%s\" -> \"%s\"\n", line, s, out.text);
        from = p + 1;
    }
    json_array_foreach(json_object_get(doc, "keep"), i, v) {
        const char *s = json_string_value(v);
        t->keep++;
        if (strstr(out.text, s) != NULL)
            t->kept++;
        else
            printf("# line %u: replaced but ordinary: \"%s\" -> \"%s\"\n", line, s, out.text);
    }
    if (want != NULL) {
        t->outputs++;
        if (strcmp(out.text, want) == 0)
            t->exact++;
        else
            printf("# line %u: output \"%s\", expected \"%s\"\n", line, out.text, want);
    }
    redaction_free(&out);
    redact_ctx_free(ctx);
}

/* Runs every case of one data file into t; counts lines and issue cases. */
static void run_file(const char *path, struct tally *t, unsigned *n, unsigned *issue)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    unsigned ln = 0;
    json_error_t je;

    if (f == NULL)
        fail_msg("%s: cannot open", path);
    while (getline(&line, &cap, f) > 0) {
        json_t *doc = json_loads(line, 0, &je);
        json_int_t kind;
        ln++, (*n)++;
        if (doc == NULL)
            fail_msg("%s line %u: %s", path, ln, je.text);
        kind = json_integer_value(json_object_get(doc, "kind"));
        if (kind < 6 || kind >= KINDS || kind_names[kind] == NULL)
            fail_msg("%s line %u: kind %lld is not 6-11, 14 or 15", path, ln, (long long)kind);
        *issue += strcmp(json_string_value(json_object_get(doc, "source")), "issue") == 0;
        check_case(doc, ln, &t[kind]);
        json_decref(doc);
    }
    free(line);
    fclose(f);
}

static void test_leak_kinds(void **state)
{
    struct tally t[KINDS] = { { 0 } }, all = { 0 };
    size_t k;
    unsigned n = 0, issue = 0;

    (void)state;
    for (k = 0; k < sizeof data_files / sizeof data_files[0]; k++)
        run_file(data_files[k], t, &n, &issue);
    rcache_clear();
    printf("# %u cases (%u from the issue)\n", n, issue);
    printf("# %-2s %-22s %8s %9s %9s %9s\n", "", "kind", "recall", "", "kept", "outputs");
    for (k = 6; k < KINDS; k++) {
        if (kind_names[k] == NULL)
            continue;
        printf("# %-2zu %-22s %7.1f%% %4u/%-4u %4u/%-4u %4u/%-4u\n", k, kind_names[k],
               t[k].replace ? 100.0 * t[k].replaced / t[k].replace : 100.0, t[k].replaced,
               t[k].replace, t[k].kept, t[k].keep, t[k].exact, t[k].outputs);
        all.replace += t[k].replace, all.replaced += t[k].replaced, all.keep += t[k].keep;
        all.kept += t[k].kept, all.outputs += t[k].outputs, all.exact += t[k].exact;
    }
    printf("# all: %u/%u replaced, %u/%u kept, %u/%u exact outputs\n", all.replaced, all.replace,
           all.kept, all.keep, all.exact, all.outputs);
    assert_true(n >= 100 && issue >= 25);
    assert_int_equal(all.replaced, all.replace);
    assert_int_equal(all.kept, all.keep);
    assert_int_equal(all.exact, all.outputs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_leak_kinds),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
