/* The name leak kinds of issue 12 (tests/data/leaks/names.jsonl): each case
 * registers a subject's names (and terms), redacts a text, and checks that
 * what must not survive is gone, what must survive is kept, the output is
 * exactly as expected and the expected review flags are raised.  Prints
 * recall per kind (cases passed / cases) and fails on any failed case.
 *
 * One JSON object per line:
 *   kind       "1 korean address words", ... (the kinds, and ours)
 *   names      the subject's names as registered (subject add --name)
 *   pseudonym  optional, default "Tulga"
 *   terms      optional [{category, text}] (subject add --term)
 *   contact    optional: subject add --contact, with optional locale
 *   text       the testimony
 *   gone       strings that must not be in the output
 *   keep       strings that must be in the output (false-positive guards)
 *   output     optional: the exact output
 *   flags      optional: texts that must carry a review flag (output text)
 *   flag_kind  optional: the kind each flag of flags must have ("context-name")
 *   noflags    optional: true if no review flag may be raised
 *   noflag_kinds optional: kinds of review flag that may not be raised
 *   allow      optional: words the user allowed (intake allow)
 *   others     optional [{pseudonym, names}]: more subjects registered after
 *              the first (ids 2, 3, ...), for forms two subjects share
 *   open       optional: the outside report's number of a leak no rule fixes
 *              yet ("adv26a D-8"); the case must still fail, and fails the
 *              run once it passes (then the field goes) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <malloc.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "tests/unit/redactor_cache.h"
#include "tests/unit/termutil.h"

#include "tests/unit/leaks_files.h"

/* A kind's name is kept whole up to 191 bytes and compared as kept: a longer
 * name cut on storing must still find its slot, not take a new one per case. */
struct kind {
    char name[192];
    unsigned cases, passed;
};

/* Every kind of every file in a whole run (a growing table: the fixed 8,192
 * of sessions 42-49 overflowed when session 50's files joined). */
static struct kind *kinds;
static size_t nkinds, kinds_room;

static struct kind *kind_of(const char *name)
{
    size_t i;

    for (i = 0; i < nkinds; i++)
        if (strncmp(kinds[i].name, name, sizeof kinds[i].name - 1) == 0)
            return &kinds[i];
    if (nkinds == kinds_room) {
        kinds_room = kinds_room ? 2 * kinds_room : 4096;
        kinds = realloc(kinds, kinds_room * sizeof *kinds);
        assert_non_null(kinds);
    }
    snprintf(kinds[nkinds].name, sizeof kinds[nkinds].name, "%s", name);
    return &kinds[nkinds++];
}

/* INTAKE_LEAKS_REVERSE=1: the subjects are added in the reverse order,
 * the others last to first, then the case's own subject, and take their
 * ids in that order, as a store that had them added so would give them
 * (brief s47 ord47: no answer may depend on the order subjects were
 * added).  The answers, dumped (INTAKE_LEAKS_DUMP), must be the same. */
static int subjects_reversed = -1;   /* -1: as INTAKE_LEAKS_REVERSE says */

static int reverse_subjects(void)
{
    const char *v = getenv("INTAKE_LEAKS_REVERSE");

    if (subjects_reversed >= 0)
        return subjects_reversed;
    return v != NULL && strcmp(v, "1") == 0;
}

/* Adds subject id with pseudonym p and the names of the JSON array names. */
static void add_subject(struct redactor *r, long id, const char *p, json_t *names)
{
    struct err e;
    json_t *n;
    size_t i;

    assert_int_equal(redactor_add_subject(r, id, p, &e), 0);
    json_array_foreach(names, i, n)
        if (redactor_add_name(r, id, json_string_value(n), json_string_length(n), &e) != 0)
            fail_msg("name %s: %s", json_string_value(n), e.msg);
}

/* INTAKE_LEAKS_MATCHER: which matcher the cases' redactors compile (brief
 * s49 speed49; docs/TESTING.md, "Session 49 (speed49)"):
 *   plain       (the default) the plain index, redactor_compile_plain: a
 *               two-byte bucket index, no compiler; it reports exactly the
 *               hits vectorscan's database reports (every literal at every
 *               end), and the redactor settles them in one canonical order
 *               (redact_matcher.c, hits_settle), so every answer is the same
 *   vectorscan  vectorscan's database, redactor_compile (the product's)
 * INTAKE_LEAKS_COMPARE=N (N >= 1): the cases of 1 subject set in N (chosen
 * as INTAKE_LEAKS_SAMPLE chooses, with INTAKE_LEAKS_SALT; 1: every case)
 * are answered again by a redactor of their own with the other matcher,
 * and any byte of difference between the two answers (dump_to: the text,
 * every item and flag) fails the run, open case or not.  make check: the
 * plain index on the release build (every case; vectorscan's compiler was
 * 58% of its CPU), compared with vectorscan on the sanitizer lane's
 * sample of sets (the standing proof that the two agree; the sample
 * rotates with the commit). */
static int matcher_plain = -1;      /* -1: as INTAKE_LEAKS_MATCHER says */

/* 1 if the answer checked is the plain index's (above). */
static int primary_plain(void)
{
    const char *v = getenv("INTAKE_LEAKS_MATCHER");

    if (matcher_plain >= 0)
        return matcher_plain;
    if (v == NULL || *v == '\0' || strcmp(v, "plain") == 0)
        matcher_plain = 1;
    else if (strcmp(v, "vectorscan") == 0)
        matcher_plain = 0;
    else
        fail_msg("INTAKE_LEAKS_MATCHER=%s: plain or vectorscan", v);
    return matcher_plain;
}

/* INTAKE_LEAKS_COMPARE's N, or 0 without it (above). */
static unsigned long compare_every(void)
{
    const char *v = getenv("INTAKE_LEAKS_COMPARE");

    return v != NULL ? strtoul(v, NULL, 10) : 0;
}

static int sampled_in(json_t *c, unsigned long n);

/* 1 if case c is answered by both matchers and the answers compared. */
static int compared(json_t *c)
{
    return compare_every() > 0 && sampled_in(c, compare_every());
}

/* Builds case c's redactor: compiled with the plain index (plain), else
 * with vectorscan, through the cache's shared matchers when mkey (the
 * case's matcher_key) is not NULL. */
static struct redactor *build(json_t *c, const char *mkey, int plain)
{
    struct redactor *r;
    struct err e;
    json_t *p = json_object_get(c, "pseudonym"), *t, *others = json_object_get(c, "others");
    size_t i, nothers = json_array_size(others);
    long own = 1;
    enum term_category cat = TERM_OTHER;

    assert_int_equal(redactor_new(&r, &e), 0);
    if (!reverse_subjects()) {
        add_subject(r, 1, p ? json_string_value(p) : "Tulga", json_object_get(c, "names"));
        json_array_foreach(others, i, t)
            add_subject(r, (long)i + 2, json_string_value(json_object_get(t, "pseudonym")),
                        json_object_get(t, "names"));
    } else {
        for (i = nothers; i-- > 0;) {
            t = json_array_get(others, i);
            add_subject(r, (long)(nothers - i), json_string_value(json_object_get(t, "pseudonym")),
                        json_object_get(t, "names"));
        }
        own = (long)nothers + 1;
        add_subject(r, own, p ? json_string_value(p) : "Tulga", json_object_get(c, "names"));
    }
    json_array_foreach(json_object_get(c, "terms"), i, t) {
        json_t *text = json_object_get(t, "text");
        assert_int_equal(term_category_of(json_string_value(json_object_get(t, "category")), &cat), 0);
        if (redactor_add_term(r, cat, 0, json_string_value(text), json_string_length(text), &e) != 0)
            fail_msg("term %s: %s", json_string_value(text), e.msg);
    }
    if ((t = json_object_get(c, "contact")) != NULL &&
        redactor_add_contact(r, own, json_string_value(json_object_get(c, "locale")),
                             json_string_value(t), json_string_length(t), &e) != 0)
        fail_msg("contact %s: %s", json_string_value(t), e.msg);
    json_array_foreach(json_object_get(c, "allow"), i, t)
        if (redactor_allow(r, json_string_value(t), json_string_length(t), &e) != 0)
            fail_msg("allow %s: %s", json_string_value(t), e.msg);
    if ((plain ? rcache_compile_plain(r, &e)
               : mkey != NULL ? rcache_compile(r, mkey, &e) : redactor_compile(r, &e)) != 0)
        fail_msg("compile: %s", e.msg);
    return r;
}

/* build(c), or the redactor an earlier case built from the same fields
 * (tests/unit/redactor_cache.h; the cache owns it).  The key (case_key: a
 * malloc'd text) is the case without the fields that say what to check, so
 * a field build reads, today's or a later one, is always part of it. */
static char *case_key(json_t *c)
{
    static const char *const checks[] = { "kind", "text", "output", "gone", "keep",
                                          "flags", "flag_kind", "noflags", "noflag_kinds",
                                          "source", "item", "replace", "open" };
    return rcache_key(c, checks, sizeof checks / sizeof checks[0]);
}

/* The key of a case's matcher: case_key without the pseudonyms (the
 * subject's and the others'), which a redactor writes and does not match,
 * so that sets of the same names share one compile (rcache_compile, which
 * compares the digests: a guess wrong here costs a compile, never an
 * answer).  A malloc'd text, or NULL when out of memory. */
static char *matcher_key(json_t *c)
{
    json_t *k = json_deep_copy(c), *o;
    char *key = NULL;
    size_t i;

    if (k == NULL)
        return NULL;
    json_object_del(k, "pseudonym");
    json_array_foreach(json_object_get(k, "others"), i, o)
        json_object_del(o, "pseudonym");
    key = case_key(k);
    json_decref(k);
    return key;
}

/* The cache's key of case c's redactor with the plain index (plain) or
 * vectorscan's: case_key, after "plain " for the first (a case key is
 * JSON, "{..."), so that with both matchers each has its own. */
static char *set_key(json_t *c, int plain)
{
    char *key = case_key(c), *p;

    assert_non_null(key);
    if (!plain)
        return key;
    assert_non_null(p = malloc(strlen(key) + sizeof "plain "));
    memcpy(p, "plain ", sizeof "plain " - 1);
    strcpy(p + sizeof "plain " - 1, key);
    free(key);
    return p;
}

/* 1 if case c uses the plain index (plain) or vectorscan (!plain). */
static int uses(json_t *c, int plain)
{
    return plain == primary_plain() || compared(c);
}

static struct redactor *build_cached(json_t *c, int plain)
{
    char *key = set_key(c, plain), *mkey = NULL;
    struct redactor *r;

    if ((r = rcache_get(key)) == NULL) {
        if (!plain)
            assert_non_null(mkey = matcher_key(c));
        r = rcache_put(key, build(c, mkey, plain));
        free(mkey);
    }
    free(key);
    assert_non_null(r);
    return r;
}

/* The case c is done with its redactors: each freed after the last case
 * of its set (rcache_done). */
static void build_done(json_t *c)
{
    for (int plain = 0; plain < 2; plain++) {
        char *key;
        if (!uses(c, plain))
            continue;
        key = set_key(c, plain);
        rcache_done(key);
        free(key);
    }
}

static int flagged(const struct redaction *out, const char *want, const char *kind)
{
    const char *at = strstr(out->text, want);
    size_t a, i;

    if (at == NULL)
        return 0;
    a = (size_t)(at - out->text);
    for (i = 0; i < out->nflags; i++)
        if (out->flags[i].start <= a && out->flags[i].start + out->flags[i].len >= a + strlen(want) &&
            (kind == NULL || strcmp(out->flags[i].kind, kind) == 0))
            return 1;
    return 0;
}

/* INTAKE_LEAKS_DUMP=FILE: appends one line a case to FILE: its file, line,
 * the redacted output and every item and review flag (offsets in bytes),
 * so that two builds' answers over the whole list can be compared with
 * cmp (brief s46 fast46: a faster build must give identical answers). */
static void dump_to(FILE *f, const struct redaction *out)
{
    size_t i;

    for (i = 0; i < out->len; i++)
        fputc(out->text[i] == '\n' ? ' ' : out->text[i], f);
    for (i = 0; i < out->nitems; i++)
        fprintf(f, "\ti%zu+%zu %s %s %zu+%zu", out->items[i].start, out->items[i].len,
                out->items[i].category, out->items[i].rule, out->items[i].orig_start,
                out->items[i].orig_len);
    for (i = 0; i < out->nflags; i++)
        fprintf(f, "\tf%zu+%zu %s %d", out->flags[i].start, out->flags[i].len, out->flags[i].kind,
                out->flags[i].allowed);
    fputc('\n', f);
}

/* The answer out as dump_to writes it: a malloc'd text. */
static char *answer_text(const struct redaction *out)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    assert_non_null(f);
    dump_to(f, out);
    fclose(f);
    assert_non_null(buf);
    return buf;
}

/* Answers that differ between the two matchers (INTAKE_LEAKS_COMPARE):
 * any fails the run, open case or not. */
static unsigned long matcher_differ, matcher_compared;

/* Answers text of case c again with the other matcher's redactor and
 * compares the answer with out, the checked one's, byte for byte; out
 * NULL: the checked one refused with the message refused, and the other
 * must refuse with the same. */
static void compare_matchers(json_t *c, const struct redaction *out, const char *refused,
                             const char *text, const char *path, size_t line)
{
    int other = !primary_plain();
    struct redactor *r = build_cached(c, other);
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction o2;
    struct err e;
    char *a = out != NULL ? answer_text(out) : NULL, *b;
    int rc;

    assert_non_null(ctx);
    matcher_compared++;
    rc = redactor_run(&o2, r, ctx, text, strlen(text), &e);
    if (out == NULL) {
        if (rc == 0 || strcmp(e.msg, refused) != 0) {
            printf("# %s line %zu: the matchers differ: one refused (%s), the other %s%s\n", path, line,
                   refused, rc == 0 ? "answered" : "refused: ", rc == 0 ? "" : e.msg);
            matcher_differ++;
        }
        if (rc == 0)
            redaction_free(&o2);
    } else if (rc != 0) {
        printf("# %s line %zu: the matchers differ: %s's run failed: %s\n", path, line,
               other ? "the plain index" : "vectorscan", e.msg);
        matcher_differ++;
    } else {
        b = answer_text(&o2);
        if (strcmp(a, b) != 0) {
            printf("# %s line %zu: the matchers differ (%s, then %s):\n#   %s#   %s", path, line,
                   other ? "vectorscan" : "the plain index", other ? "the plain index" : "vectorscan", a, b);
            matcher_differ++;
        }
        free(b);
        redaction_free(&o2);
    }
    free(a);
    redact_ctx_free(ctx);
}

/* The matcher checked and what INTAKE_LEAKS_COMPARE compared. */
static void print_matchers(void)
{
    printf("# matcher: %s; %lu answers compared with %s's (INTAKE_LEAKS_COMPARE=%lu), %lu differ\n",
           primary_plain() ? "the plain index" : "vectorscan", matcher_compared,
           primary_plain() ? "vectorscan" : "the plain index", compare_every(), matcher_differ);
}

static void dump_case(const struct redaction *out, const char *path, size_t line)
{
    const char *name = getenv("INTAKE_LEAKS_DUMP");
    FILE *f;

    if (name == NULL || (f = fopen(name, "a")) == NULL)
        return;
    fprintf(f, "%s:%zu\t", path, line);
    dump_to(f, out);
    fclose(f);
}

/* 1 if the case passes; prints why not. */
static int run_case(json_t *c, const char *path, size_t line)
{
    struct redactor *r = build_cached(c, primary_plain());
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;
    const char *text = json_string_value(json_object_get(c, "text"));
    json_t *x, *want = json_object_get(c, "output");
    size_t i;
    int ok = 1;

    if (redactor_run(&out, r, ctx, text, strlen(text), &e) != 0) {
        printf("# %s line %zu: redactor_run failed: %s\n", path, line, e.msg);
        if (compared(c))
            compare_matchers(c, NULL, e.msg, text, path, line);
        redact_ctx_free(ctx);
        build_done(c);
        return 0;
    }
    dump_case(&out, path, line);
    if (compared(c))
        compare_matchers(c, &out, NULL, text, path, line);
    json_array_foreach(json_object_get(c, "gone"), i, x)
        if (strstr(out.text, json_string_value(x)) != NULL) {
            printf("# %s line %zu: \"%s\" survives\n", path, line, json_string_value(x));
            ok = 0;
        }
    json_array_foreach(json_object_get(c, "keep"), i, x)
        if (strstr(out.text, json_string_value(x)) == NULL) {
            printf("# %s line %zu: \"%s\" was redacted\n", path, line, json_string_value(x));
            ok = 0;
        }
    json_array_foreach(json_object_get(c, "flags"), i, x)
        if (!flagged(&out, json_string_value(x),
                     json_string_value(json_object_get(c, "flag_kind")))) {
            printf("# %s line %zu: no review flag%s%s on \"%s\"\n", path, line,
                   json_object_get(c, "flag_kind") ? " of kind " : "",
                   json_object_get(c, "flag_kind") ? json_string_value(json_object_get(c, "flag_kind")) : "",
                   json_string_value(x));
            ok = 0;
        }
    json_array_foreach(json_object_get(c, "noflag_kinds"), i, x)
        for (size_t k = 0; k < out.nflags; k++)
            if (strcmp(out.flags[k].kind, json_string_value(x)) == 0) {
                printf("# %s line %zu: a review flag of kind %s, none expected\n", path, line,
                       json_string_value(x));
                ok = 0;
            }
    if (json_is_true(json_object_get(c, "noflags")) && out.nflags > 0) {
        printf("# %s line %zu: %zu review flag(s), none expected\n", path, line, out.nflags);
        for (size_t k = 0; k < out.nflags; k++)
            printf("#   flag %s on \"%.*s\"\n", out.flags[k].kind, (int)out.flags[k].len, out.text + out.flags[k].start);
        ok = 0;
    }
    if (want != NULL && strcmp(out.text, json_string_value(want)) != 0) {
        printf("# %s line %zu: output differs\n#   want: %s\n#   got:  %s\n", path, line,
               json_string_value(want), out.text);
        ok = 0;
    }
    if (!ok)
        printf("#   text: %s\n#   got:  %s\n", text, out.text);
    redaction_free(&out);
    redact_ctx_free(ctx);
    build_done(c);
    return ok;
}

/* Cases marked "open" that still fail (see run_file). */
static unsigned open_cases;

/* INTAKE_LEAKS_SAMPLE=N (N > 1): the cases of about one subject set in N
 * only (make check under the sanitizers, where a case costs several times
 * its release-build time; the release build runs them all in make check,
 * and check-full all on both: docs/TESTING.md, "Session 27").  A case runs
 * when the (mixed) FNV-1a hash of its build key (case_key: what its redactor is
 * built from) is 0 modulo N, so every case of a chosen set runs and its
 * redactor is built once: building, not running, is most of a case's cost
 * under ASan ("Session 36").  The sample depends on a case's own fields,
 * not on its line: adding a case moves no other case in or out.
 * INTAKE_LEAKS_SALT (a text: make check gives the commit's hash) is hashed
 * before the key, so the sample rotates from commit to commit and every set
 * runs under the sanitizers over a few commits; the same salt gives the
 * same sample (a failure is rerun with the two variables the run printed).
 * Without it the sample is the one of sessions 36-39.
 * sample_seen counts every case line of every file, run or not. */
static unsigned long sample_every(void)
{
    const char *v = getenv("INTAKE_LEAKS_SAMPLE");
    unsigned long n = v != NULL ? strtoul(v, NULL, 10) : 1;

    return n > 1 ? n : 1;
}
static unsigned long sample_seen;

/* INTAKE_LEAKS_SALT, or "" (above). */
static const char *sample_salt(void)
{
    const char *v = getenv("INTAKE_LEAKS_SALT");

    return v != NULL ? v : "";
}

/* 1 if the case c (a JSON object) is in the sample of 1 set in n (above;
 * n 1: every case). */
static int sampled_in(json_t *c, unsigned long n)
{
    uint64_t h = 14695981039346656037u;
    char *key;

    if (n == 1)
        return 1;
    key = case_key(c);
    assert_non_null(key);
    for (const unsigned char *p = (const unsigned char *)sample_salt(); *p != '\0'; p++)
        h = (h ^ *p) * 1099511628211u;
    for (const unsigned char *p = (const unsigned char *)key; *p != '\0'; p++)
        h = (h ^ *p) * 1099511628211u;
    free(key);
    /* FNV-1a's low bits depend on the bytes' low bits only: mix the high
     * bits in (MurmurHash3's fmix64) before taking the remainder. */
    h ^= h >> 33, h *= 0xff51afd7ed558ccdu, h ^= h >> 33, h *= 0xc4ceb9fe1a85ec53u, h ^= h >> 33;
    return h % n == 0;
}

/* 1 if the case c is in INTAKE_LEAKS_SAMPLE's sample (above). */
static int sampled(json_t *c)
{
    return sampled_in(c, sample_every());
}

/* Counts, for the redactor cache, the cases of one data file that will
 * run, by their build key (rcache_plan): each subject set is then built
 * once in the whole run and freed after its last case.  A line that does
 * not parse is left to run_file to report. */
static void plan_file(const char *path)
{
    FILE *f = fopen(path, "r");
    char *line = NULL, *key, *mkey;
    size_t cap = 0;
    json_t *c;

    if (f == NULL)
        return;
    while (getline(&line, &cap, f) > 0) {
        if (line[0] == '\n' || line[0] == '#' || (c = json_loads(line, 0, NULL)) == NULL)
            continue;
        if (sampled(c) && json_is_string(json_object_get(c, "kind")) && uses(c, 0)) {
            key = set_key(c, 0);
            assert_non_null(mkey = matcher_key(c));
            rcache_plan(key, mkey);
            free(key), free(mkey);
        }
        if (sampled(c) && json_is_string(json_object_get(c, "kind")) && uses(c, 1)) {
            key = set_key(c, 1);
            assert_int_not_equal(rcache_use_add(&rplan, key), -1);
            free(key);
        }
        json_decref(c);
    }
    free(line);
    fclose(f);
}

/* Runs every case of one data file; counts cases and passes. */
static void run_file(const char *path, unsigned *all, unsigned *passed)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0, n = 0;
    json_error_t je;

    if (f == NULL)
        fail_msg("%s: cannot open", path);
    while (getline(&line, &cap, f) > 0) {
        json_t *c;
        struct kind *k;
        n++;
        if (line[0] == '\n' || line[0] == '#')
            continue;
        if ((c = json_loads(line, 0, &je)) == NULL)
            fail_msg("%s line %zu: %s", path, n, je.text);
        sample_seen++;
        if (!sampled(c)) {
            json_decref(c);
            continue;
        }
        /* A "kind" that is no string (tests/data/leaks/spoken.jsonl's
         * issue numbers: test_leaks_detect's format) is a file in another
         * format, said as such, not a NULL handed to strcmp. */
        if (!json_is_string(json_object_get(c, "kind")))
            fail_msg("%s line %zu: \"kind\" is not a string: not a case of this test (the format at the head "
                     "of tests/unit/privacy/test_leaks_names.c)", path, n);
        k = kind_of(json_string_value(json_object_get(c, "kind")));
        k->cases++, (*all)++;
        if (json_object_get(c, "open") != NULL) {
            /* A leak an outside tester found and no rule fixes yet (its
             * report's number in "open"): it must still fail, so that it
             * is seen; once it passes, the field goes (a case that passes
             * while marked open fails the run). */
            if (run_case(c, path, n)) {
                printf("# %s line %zu: open case %s now passes: remove its \"open\"\n", path, n,
                       json_string_value(json_object_get(c, "open")));
            } else {
                printf("# %s line %zu: open (%s), fails as expected\n", path, n,
                       json_string_value(json_object_get(c, "open")));
                k->passed++, (*passed)++;
                open_cases++;
            }
        } else if (run_case(c, path, n))
            k->passed++, (*passed)++;
        json_decref(c);
    }
    free(line);
    fclose(f);
}

/* INTAKE_TEST_HIT_ORDER: the order the matcher's hits are put in before
 * the redactor sorts them (redact_test_hit_order): "reverse", "shuffle:SEED",
 * or "unsorted-reverse" (each end's hits reversed after the sort: an order
 * vectorscan may give, to show what would differ without the sort).  With reverse or
 * shuffle the answers (INTAKE_LEAKS_DUMP) must be the same as without
 * (brief s47 ord47). */
static void hit_order(void)
{
    const char *v = getenv("INTAKE_TEST_HIT_ORDER");

    if (v == NULL || *v == '\0')
        return;
    if (strcmp(v, "reverse") == 0)
        redact_test_hit_order(1, 0);
    else if (strncmp(v, "shuffle:", 8) == 0)
        redact_test_hit_order(2, (unsigned)strtoul(v + 8, NULL, 10));
    else if (strcmp(v, "unsorted-reverse") == 0)
        redact_test_hit_order(3, 0);
    else
        fail_msg("INTAKE_TEST_HIT_ORDER=%s: reverse, shuffle:SEED or unsorted-reverse", v);
}

/* What the redactor cache saved (tests/unit/redactor_cache.h). */
static void print_builds(void)
{
    printf("# %lu subject sets built: %lu matchers compiled, %lu loaded from a set of the same names, "
           "%lu plain indexes\n", rcache_built, rcache_compiled, rcache_loaded, rcache_indexed);
}

static void test_name_leaks(void **state)
{
    size_t i;
    unsigned all = 0, passed = 0;

    (void)state;
    hit_order();
    /* INTAKE_LEAKS_FILE: one data file only (while working on a kind). */
    if (getenv("INTAKE_LEAKS_FILE") != NULL) {
        plan_file(getenv("INTAKE_LEAKS_FILE"));
        run_file(getenv("INTAKE_LEAKS_FILE"), &all, &passed);
        printf("# %s: %u of %u cases pass\n", getenv("INTAKE_LEAKS_FILE"), passed, all);
        print_builds();
        print_matchers();
        rcache_clear();
        assert_int_equal(matcher_differ, 0);
        assert_int_equal(passed, all);
        return;
    }
    for (i = 0; i < sizeof data_files / sizeof data_files[0]; i++)
        plan_file(data_files[i]);
    for (i = 0; i < sizeof data_files / sizeof data_files[0]; i++)
        run_file(data_files[i], &all, &passed);
    printf("# %-40s %6s %6s %8s\n", "kind", "cases", "passed", "recall");
    for (i = 0; i < nkinds; i++)
        printf("# %-40s %6u %6u %7.1f%%\n", kinds[i].name, kinds[i].cases, kinds[i].passed,
               100.0 * kinds[i].passed / kinds[i].cases);
    free(kinds);
    kinds = NULL, nkinds = kinds_room = 0;
    printf("# all: %u of %u cases pass (%u of them open leaks that still fail as expected)\n", passed, all, open_cases);
    print_builds();
    print_matchers();
    if (sample_every() > 1)
        printf("# a sample: the cases of 1 subject set in %lu, %u of %lu cases "
               "(INTAKE_LEAKS_SAMPLE=%lu INTAKE_LEAKS_SALT='%s')\n",
               sample_every(), all, sample_seen, sample_every(), sample_salt());
    rcache_clear();
    assert_int_equal(matcher_differ, 0);
    assert_true(all >= 60);
    assert_int_equal(passed, all);
}

/* The files of test_order_free: cases of two subjects or more whose
 * forms overlap or are shared (brief s47 ord47). */
static const char *const order_files[] = {
    "tests/data/leaks/ord47.jsonl",
    "tests/data/leaks/lead48.jsonl",
};

/* The answer to case c (its text redacted) as dump_case writes it, with
 * the subjects added in the reverse order or not and the matcher's hits
 * in order mode (redact_test_hit_order) with seed; a malloc'd text. */
static char *answer(json_t *c, int reversed, int mode, unsigned seed)
{
    struct redactor *r;
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;
    const char *text = json_string_value(json_object_get(c, "text"));
    char *buf;

    subjects_reversed = reversed;
    r = build(c, NULL, primary_plain());
    subjects_reversed = -1;
    redact_test_hit_order(mode, seed);
    assert_non_null(ctx);
    assert_int_equal(redactor_run(&out, r, ctx, text, strlen(text), &e), 0);
    redact_test_hit_order(0, 0);
    buf = answer_text(&out);
    redaction_free(&out);
    redact_ctx_free(ctx);
    redactor_free(r);
    return buf;
}

/* No answer depends on the order the matcher reports hits in, nor on the
 * order subjects were added (brief s47 ord47; docs/VARIANTS.md, "Session
 * 47 (ord47)"): each case of order_files with two subjects or more is
 * answered as added and found, then with the subjects added in the
 * reverse order and the hits shuffled, and the answers (text, items,
 * flags) must be the same.  INTAKE_TEST_HIT_ORDER=unsorted-reverse shows
 * that without the canonical sort they are not. */
static void test_order_free(void **state)
{
    size_t i, n, cases = 0, differ = 0;
    const char *v = getenv("INTAKE_TEST_HIT_ORDER");
    int unsorted = v != NULL && strcmp(v, "unsorted-reverse") == 0;
    const char *only = getenv("INTAKE_LEAKS_FILE");

    (void)state;
    for (i = 0; i < sizeof order_files / sizeof order_files[0]; i++) {
        FILE *f;
        /* INTAKE_LEAKS_FILE: that file's cases only, if it is one of these */
        if (only != NULL && strcmp(only, order_files[i]) != 0)
            continue;
        f = fopen(order_files[i], "r");
        char *line = NULL;
        size_t cap = 0;
        json_t *c;

        assert_non_null(f);
        for (n = 1; getline(&line, &cap, f) > 0; n++) {
            char *a, *b;
            if (line[0] == '\n' || line[0] == '#' || (c = json_loads(line, 0, NULL)) == NULL)
                continue;
            if (json_array_size(json_object_get(c, "others")) == 0) {
                json_decref(c);
                continue;
            }
            cases++;
            a = answer(c, 0, 0, 0);
            b = answer(c, 1, unsorted ? 3 : 2, (unsigned)n);
            if (strcmp(a, b) != 0) {
                printf("# %s line %zu: the answer depends on the order:\n#   %s#   %s", order_files[i], n, a, b);
                differ++;
            }
            free(a), free(b);
            json_decref(c);
        }
        free(line);
        fclose(f);
    }
    printf("# order: %zu cases of two subjects or more, %zu answers depend on the order\n", cases, differ);
    assert_int_equal(differ, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_name_leaks),
        cmocka_unit_test(test_order_free),
    };
    /* Each build (vectorscan's compiler above all) takes and frees tens
     * of MB; by default glibc gives the heap's free top back to the kernel
     * and takes it again, a page fault a page: 148,000 faults on uk34.jsonl
     * alone, 5,500 with the top kept (17.9 -> 14.6 CPU s; docs/TESTING.md,
     * "Session 44 (ck44)").  Where memory comes from only: no answer moves.
     * ASan's allocator (the sanitizer lane) ignores it. */
    (void)mallopt(M_TRIM_THRESHOLD, 1 << 30);
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
