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

/* The name kinds (names.jsonl) and names in shapes: initials and
 * handles made of a name's parts (shapes.jsonl). */
static const char *const data_files[] = {
    "tests/data/leaks/names.jsonl", "tests/data/leaks/shapes.jsonl",
    "tests/data/leaks/lookalikes.jsonl", "tests/data/leaks/kinds2.jsonl",
    "tests/data/leaks/glued.jsonl", "tests/data/leaks/numbers2-terms.jsonl",
    "tests/data/leaks/spell.jsonl",
    "tests/data/leaks/scripts.jsonl", "tests/data/leaks/forms.jsonl",
    "tests/data/leaks/flags13.jsonl", "tests/data/leaks/flags12.jsonl",
    "tests/data/leaks/encodings.jsonl", "tests/data/leaks/numbers4-terms.jsonl",
    "tests/data/leaks/split.jsonl", "tests/data/leaks/forms12.jsonl",
    "tests/data/leaks/seps15.jsonl", "tests/data/leaks/scripts15.jsonl",
    "tests/data/leaks/words16.jsonl", "tests/data/leaks/cells16.jsonl",
    "tests/data/leaks/spoken16-terms.jsonl", "tests/data/leaks/numbers17-terms.jsonl",
    "tests/data/leaks/names16.jsonl",
    "tests/data/leaks/adv15.jsonl",
    "tests/data/leaks/places17.jsonl",
    "tests/data/leaks/kana17.jsonl",
    "tests/data/leaks/terms17.jsonl",
    "tests/data/leaks/esc17.jsonl", "tests/data/leaks/glued17.jsonl",
    "tests/data/leaks/allow18.jsonl",
    "tests/data/leaks/names18.jsonl",
    "tests/data/leaks/num18.jsonl",
    "tests/data/leaks/num19.jsonl",
    "tests/data/leaks/num20.jsonl",
    "tests/data/leaks/script18.jsonl",
    "tests/data/leaks/w2names.jsonl",
    "tests/data/leaks/addr20-terms.jsonl",
    "tests/data/leaks/ko19.jsonl",
    "tests/data/leaks/names20.jsonl",
    "tests/data/leaks/flags20.jsonl",
    "tests/data/leaks/fix20.jsonl",
    "tests/data/leaks/ko21.jsonl",
    "tests/data/leaks/addr21-flags.jsonl", "tests/data/leaks/addr22-flags.jsonl",
    "tests/data/leaks/addr25.jsonl",
    "tests/data/leaks/addr26.jsonl",
    "tests/data/leaks/glue21.jsonl",
    "tests/data/leaks/cyr21.jsonl",
    "tests/data/leaks/cap21.jsonl",
    "tests/data/leaks/ukr22.jsonl",
    "tests/data/leaks/num22.jsonl",
    "tests/data/leaks/spell22.jsonl",
    "tests/data/leaks/short22.jsonl",
    "tests/data/leaks/ko22.jsonl",
    "tests/data/leaks/ko24.jsonl",
    "tests/data/leaks/ko25.jsonl",
    "tests/data/leaks/attr24.jsonl",
    "tests/data/leaks/place24.jsonl",
    "tests/data/leaks/place25.jsonl",
    "tests/data/leaks/place26.jsonl",
    "tests/data/leaks/place27.jsonl",
    "tests/data/leaks/slav24.jsonl",
    "tests/data/leaks/slav25.jsonl",
    "tests/data/leaks/num24.jsonl",
    "tests/data/leaks/flags25.jsonl",
    "tests/data/leaks/num25.jsonl",
    "tests/data/leaks/num26.jsonl",
    "tests/data/leaks/malay26.jsonl",
    "tests/data/leaks/names26.jsonl",
    "tests/data/leaks/names27.jsonl",
    "tests/data/leaks/lead31.jsonl",
    "tests/data/leaks/lead32.jsonl",
    "tests/data/leaks/num27.jsonl",
    "tests/data/leaks/adv26a-open.jsonl",
    "tests/data/leaks/over27.jsonl",
    "tests/data/leaks/adv27a-open.jsonl",
    "tests/data/leaks/adv27c-open.jsonl",
    "tests/data/leaks/adv28a-open.jsonl",
    "tests/data/leaks/adv28c-open.jsonl",
    "tests/data/leaks/place28.jsonl",
    "tests/data/leaks/ids27.jsonl",
    "tests/data/leaks/flags28.jsonl",
    "tests/data/leaks/names28.jsonl",
    "tests/data/leaks/num28.jsonl",
    "tests/data/leaks/pseud28.jsonl",
    "tests/data/leaks/pseud29.jsonl",
    "tests/data/leaks/word29.jsonl", "tests/data/leaks/word29-guards.jsonl",
    "tests/data/leaks/place29.jsonl",
    "tests/data/leaks/adv29c-open.jsonl",
    "tests/data/leaks/adv30-open.jsonl",
    "tests/data/leaks/num31.jsonl",
    "tests/data/leaks/num29.jsonl",
    "tests/data/leaks/cjk29.jsonl",
    "tests/data/leaks/cjk30.jsonl",
    "tests/data/leaks/speed29b.jsonl",
    "tests/data/leaks/slav30.jsonl",
    "tests/data/leaks/addr31.jsonl",
    "tests/data/leaks/name30.jsonl",
    "tests/data/leaks/num30.jsonl",
    "tests/data/leaks/speed30.jsonl",
    "tests/data/leaks/place31.jsonl",
    "tests/data/leaks/cjk31.jsonl",
    "tests/data/leaks/slav31.jsonl",
    "tests/data/leaks/adv31-open.jsonl",
    "tests/data/leaks/adv32-open.jsonl",
    "tests/data/leaks/adv33-open.jsonl",
    "tests/data/leaks/adv34-open.jsonl",
    "tests/data/leaks/num32.jsonl",
    "tests/data/leaks/place32.jsonl",
    "tests/data/leaks/cjk32.jsonl",
    "tests/data/leaks/ph32.jsonl",
    "tests/data/leaks/set32.jsonl",
    "tests/data/leaks/dim32.jsonl",
    "tests/data/leaks/cjk33.jsonl",
    "tests/data/leaks/num33.jsonl",
    "tests/data/leaks/ru33.jsonl",
    "tests/data/leaks/sur33.jsonl",
    "tests/data/leaks/place33.jsonl",
    "tests/data/leaks/sense33.jsonl",
    "tests/data/leaks/uk34.jsonl",
    "tests/data/leaks/ru34.jsonl",
    "tests/data/leaks/cjk34.jsonl",
    "tests/data/leaks/over34.jsonl",
    "tests/data/leaks/num34.jsonl",
    "tests/data/leaks/lead34.jsonl",
    "tests/data/leaks/num35.jsonl",
    "tests/data/leaks/uk35.jsonl",
    "tests/data/leaks/hand34.jsonl",
    "tests/data/leaks/hand35.jsonl",
    "tests/data/leaks/cjk35.jsonl",
    "tests/data/leaks/ru35.jsonl",
    "tests/data/leaks/over35.jsonl",
    "tests/data/leaks/adv36-open.jsonl",
    "tests/data/leaks/init36.jsonl",
    "tests/data/leaks/pseud36.jsonl",
    "tests/data/leaks/adv36b-open.jsonl",
    "tests/data/leaks/lead37.jsonl",
    "tests/data/leaks/lead38.jsonl",
    "tests/data/leaks/bank39.jsonl",
    "tests/data/leaks/num40.jsonl",
    "tests/data/leaks/bank41.jsonl",
    "tests/data/leaks/street41.jsonl",
    "tests/data/leaks/init37.jsonl",
    "tests/data/leaks/uk37.jsonl",
    "tests/data/leaks/adv37-open.jsonl",
    "tests/data/leaks/uk38.jsonl",
    "tests/data/leaks/init38.jsonl",
    "tests/data/leaks/init39.jsonl",
    "tests/data/leaks/init40.jsonl",
    "tests/data/leaks/init41.jsonl",
    "tests/data/leaks/ru38.jsonl",
    "tests/data/leaks/kor38.jsonl",
    "tests/data/leaks/kor39.jsonl",
    "tests/data/leaks/kor40.jsonl",
    "tests/data/leaks/adv38-open.jsonl",
    "tests/data/leaks/uk39.jsonl",
    "tests/data/leaks/uk40.jsonl",
    "tests/data/leaks/uk41.jsonl",
    "tests/data/leaks/ukb41.jsonl",
    "tests/data/leaks/ru39.jsonl",
    "tests/data/leaks/ru40.jsonl",
    "tests/data/leaks/script38.jsonl",
    "tests/data/leaks/script39.jsonl",
    "tests/data/leaks/script40.jsonl",
    "tests/data/leaks/adv39-open.jsonl",
    "tests/data/leaks/adv40-open.jsonl",
    "tests/data/leaks/adv41-open.jsonl",
    "tests/data/leaks/adv42-open.jsonl",
    "tests/data/leaks/arab44.jsonl",
    "tests/data/leaks/short43.jsonl",
    "tests/data/leaks/xini43.jsonl",
    "tests/data/leaks/ini43.jsonl",
    "tests/data/leaks/li41.jsonl",
    "tests/data/leaks/ruk41.jsonl",
    "tests/data/leaks/num41.jsonl",
    "tests/data/leaks/numb41.jsonl",
    "tests/data/leaks/script41.jsonl",
    "tests/data/leaks/scr43.jsonl",
    "tests/data/leaks/init42.jsonl",
    "tests/data/leaks/over42.jsonl",
    "tests/data/leaks/lead43.jsonl",
    "tests/data/leaks/num42.jsonl",
    "tests/data/leaks/lead42.jsonl",
    "tests/data/leaks/initb42.jsonl",
    "tests/data/leaks/foreign42.jsonl",
    "tests/data/leaks/wp42.jsonl",
    "tests/data/leaks/num43.jsonl",
    "tests/data/leaks/han42.jsonl",
    "tests/data/leaks/dim42.jsonl",
    "tests/data/leaks/dim43.jsonl",
    "tests/data/leaks/lead44.jsonl",
    "tests/data/leaks/adv44-open.jsonl",
    "tests/data/leaks/lead44b.jsonl",
    "tests/data/leaks/red44.jsonl",
    "tests/data/leaks/geo44.jsonl",
    "tests/data/leaks/ini44.jsonl",
    "tests/data/leaks/short44.jsonl",
    "tests/data/leaks/adv45-open.jsonl",
    "tests/data/leaks/scr45.jsonl",
    "tests/data/leaks/ini45.jsonl",
    "tests/data/leaks/steppe45.jsonl",
    "tests/data/leaks/num45.jsonl",
    "tests/data/leaks/slav45.jsonl",
    "tests/data/leaks/over45.jsonl",
    "tests/data/leaks/lead46.jsonl",
    "tests/data/leaks/adv46-open.jsonl",
    "tests/data/leaks/num46.jsonl",
    "tests/data/leaks/short46.jsonl",
    "tests/data/leaks/wp46.jsonl",
    "tests/data/leaks/over46.jsonl",
    "tests/data/leaks/ini46.jsonl",
    "tests/data/leaks/adv46b-open.jsonl",
    "tests/data/leaks/ord47.jsonl",
    "tests/data/leaks/arab47.jsonl",
    "tests/data/leaks/slav47.jsonl",
    "tests/data/leaks/pub47.jsonl",
    "tests/data/leaks/numi47.jsonl",
    "tests/data/leaks/adv47-open.jsonl",
    "tests/data/leaks/lead48.jsonl",
    "tests/data/leaks/pub48.jsonl",
    "tests/data/leaks/slav48.jsonl",
    "tests/data/leaks/arab48.jsonl",
    "tests/data/leaks/numi48.jsonl",
    "tests/data/leaks/adv48-open.jsonl",
    "tests/data/leaks/lower49.jsonl",
};
#define MAX_KINDS 8192   /* every kind of every file, whole run: 4,096 overflowed when adv42 joined (session 42) */

/* A kind's name is kept whole up to 191 bytes and compared as kept: a longer
 * name cut on storing must still find its slot, not take a new one per case. */
struct kind {
    char name[192];
    unsigned cases, passed;
};

static struct kind kinds[MAX_KINDS];
static size_t nkinds;

static struct kind *kind_of(const char *name)
{
    size_t i;

    for (i = 0; i < nkinds; i++)
        if (strncmp(kinds[i].name, name, sizeof kinds[i].name - 1) == 0)
            return &kinds[i];
    assert_true(nkinds < MAX_KINDS);
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

static struct redactor *build(json_t *c, const char *mkey)
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
    if ((mkey != NULL ? rcache_compile(r, mkey, &e) : redactor_compile(r, &e)) != 0)
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

static struct redactor *build_cached(json_t *c)
{
    char *key = case_key(c), *mkey;
    struct redactor *r;

    assert_non_null(key);
    if ((r = rcache_get(key)) == NULL) {
        assert_non_null(mkey = matcher_key(c));
        r = rcache_put(key, build(c, mkey));
        free(mkey);
    }
    free(key);
    assert_non_null(r);
    return r;
}

/* The case c is done with its redactor: freed after the last case of its
 * set (rcache_done). */
static void build_done(json_t *c)
{
    char *key = case_key(c);

    assert_non_null(key);
    rcache_done(key);
    free(key);
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
    struct redactor *r = build_cached(c);
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;
    const char *text = json_string_value(json_object_get(c, "text"));
    json_t *x, *want = json_object_get(c, "output");
    size_t i;
    int ok = 1;

    if (redactor_run(&out, r, ctx, text, strlen(text), &e) != 0) {
        printf("# %s line %zu: redactor_run failed: %s\n", path, line, e.msg);
        redact_ctx_free(ctx);
        build_done(c);
        return 0;
    }
    dump_case(&out, path, line);
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

/* 1 if the case c (a JSON object) is in the sample (above). */
static int sampled(json_t *c)
{
    unsigned long n = sample_every();
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
        if (sampled(c) && json_is_string(json_object_get(c, "kind"))) {
            assert_non_null(key = case_key(c));
            assert_non_null(mkey = matcher_key(c));
            rcache_plan(key, mkey);
            free(key), free(mkey);
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
    printf("# %lu subject sets built: %lu matchers compiled, %lu loaded from a set of the same names\n",
           rcache_built, rcache_compiled, rcache_loaded);
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
        rcache_clear();
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
    printf("# all: %u of %u cases pass (%u of them open leaks that still fail as expected)\n", passed, all, open_cases);
    print_builds();
    if (sample_every() > 1)
        printf("# a sample: the cases of 1 subject set in %lu, %u of %lu cases "
               "(INTAKE_LEAKS_SAMPLE=%lu INTAKE_LEAKS_SALT='%s')\n",
               sample_every(), all, sample_seen, sample_every(), sample_salt());
    rcache_clear();
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
    char *buf = NULL;
    size_t len = 0;
    FILE *f;

    subjects_reversed = reversed;
    r = build(c, NULL);
    subjects_reversed = -1;
    redact_test_hit_order(mode, seed);
    assert_non_null(ctx);
    assert_int_equal(redactor_run(&out, r, ctx, text, strlen(text), &e), 0);
    redact_test_hit_order(0, 0);
    assert_non_null(f = open_memstream(&buf, &len));
    dump_to(f, &out);
    fclose(f);
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
