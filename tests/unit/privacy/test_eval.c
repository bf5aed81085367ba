/* Evaluation of the redaction engine on tests/data (see tests/data/README.md):
 * recall per annotated class (protected terms exact / variant / inflection,
 * each pattern type), precision of pattern redactions, and false automatic
 * redactions per 10,000 words of identity-free text.  Prints the figures
 * and fails below the targets of issue 3. */
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
#include "tests/unit/termutil.h"

#define DATA "tests/data/"
#define MAX_CLASSES 32

struct tally {
    char name[32];
    unsigned gold, found;       /* recall */
    unsigned held;              /* of found: held for review, not replaced */
    unsigned pred, right;       /* precision (pattern categories) */
};

static struct tally classes[MAX_CLASSES];
static size_t nclasses;

static struct tally *class_of(const char *name)
{
    size_t i;

    for (i = 0; i < nclasses; i++)
        if (strcmp(classes[i].name, name) == 0)
            return &classes[i];
    assert_true(nclasses < MAX_CLASSES);
    snprintf(classes[nclasses].name, sizeof classes[nclasses].name, "%s", name);
    return &classes[nclasses++];
}

/* Adds a testimony's subjects and terms to r; base keeps subject ids apart
 * when several testimonies share one redactor. */
static void add_doc(struct redactor *r, json_t *doc, long base)
{
    json_t *subjects = json_object_get(doc, "subjects"), *terms = json_object_get(doc, "terms");
    json_t *s, *t, *n;
    size_t i, k;
    struct err e;
    enum term_category c = TERM_OTHER;

    json_array_foreach(subjects, i, s) {
        long id = base + json_integer_value(json_object_get(s, "id"));
        assert_int_equal(redactor_add_subject(r, id, json_string_value(json_object_get(s, "pseudonym")), &e), 0);
        json_array_foreach(json_object_get(s, "names"), k, n)
            if (redactor_add_name(r, id, json_string_value(n), json_string_length(n), &e) != 0)
                fail_msg("name %s: %s", json_string_value(n), e.msg);
    }
    json_array_foreach(terms, i, t) {
        json_t *text = json_object_get(t, "text");
        assert_int_equal(term_category_of(json_string_value(json_object_get(t, "category")), &c), 0);
        if (redactor_add_term(r, c, 0, json_string_value(text), json_string_length(text), &e) != 0)
            fail_msg("term %s: %s", json_string_value(text), e.msg);
    }
}

/* The input offset of output offset o of out (outside replacements). */
static size_t to_input(const struct redaction *out, size_t o)
{
    long delta = 0;

    for (size_t k = 0; k < out->nitems && out->items[k].start + out->items[k].len <= o; k++)
        delta += (long)out->items[k].orig_len - (long)out->items[k].len;
    return (size_t)((long)o + delta);
}

/* 1 if a review flag of kind (NULL: any) of out lies over input bytes
 * [a, b). */
static int flagged(const struct redaction *out, size_t a, size_t b, const char *kind)
{
    for (size_t k = 0; k < out->nflags; k++) {
        size_t fa = to_input(out, out->flags[k].start), fb = fa + out->flags[k].len;
        if ((kind == NULL || strcmp(out->flags[k].kind, kind) == 0) && fa < b && a < fb)
            return 1;
    }
    return 0;
}

static void score_doc(json_t *doc, const struct redaction *out, const char *text)
{
    json_t *spans = json_object_get(doc, "spans"), *sp;
    size_t i, k;

    json_array_foreach(spans, i, sp) {
        size_t a = (size_t)json_integer_value(json_object_get(sp, "start"));
        size_t b = (size_t)json_integer_value(json_object_get(sp, "end"));
        struct tally *t = class_of(json_string_value(json_object_get(sp, "class")));
        int hit = 0;
        t->gold++;
        for (k = 0; k < out->nitems && !hit; k++)
            hit = out->items[k].orig_start <= a &&
                  out->items[k].orig_start + out->items[k].orig_len >= b;
        /* A registered name that is also a word, where nothing marks it a
         * name, is held for review: the record cannot leave before a
         * person decides (issue 13). */
        if (!hit && (flagged(out, a, b, "name-or-word") || flagged(out, a, b, "short-name")))
            hit = 1, t->held++;
        t->found += (unsigned)hit;
        if (!hit)
            printf("# missed %s in %s: \"%.*s\"\n", t->name,
                   json_string_value(json_object_get(doc, "id")), (int)(b - a), text + a);
    }
    for (k = 0; k < out->nitems; k++) {
        char name[48];
        int right = 0;
        if (strcmp(out->items[k].rule, "pattern") != 0)
            continue;
        snprintf(name, sizeof name, "pattern-%s", out->items[k].category);
        json_array_foreach(spans, i, sp) {
            size_t a = (size_t)json_integer_value(json_object_get(sp, "start"));
            size_t b = (size_t)json_integer_value(json_object_get(sp, "end"));
            right |= out->items[k].orig_start < b &&
                     out->items[k].orig_start + out->items[k].orig_len > a;
        }
        class_of(name)->pred++;
        class_of(name)->right += (unsigned)right;
        if (!right)
            printf("# false %s in %s: \"%.*s\"\n", name, json_string_value(json_object_get(doc, "id")),
                   (int)out->items[k].orig_len, text + out->items[k].orig_start);
    }
}

static json_t *load_docs(void)
{
    FILE *f = fopen(DATA "eval.jsonl", "r");
    json_t *docs = json_array(), *doc;
    json_error_t je;
    char *line = NULL;
    size_t cap = 0;

    assert_non_null(f);
    while (getline(&line, &cap, f) > 0) {
        doc = json_loads(line, 0, &je);
        if (doc == NULL)
            fail_msg("eval.jsonl line %d: %s", je.line, je.text);
        json_array_append_new(docs, doc);
    }
    free(line);
    fclose(f);
    return docs;
}

static double pct(unsigned a, unsigned b)
{
    return b ? 100.0 * a / b : 100.0;
}

static void test_recall_and_precision(void **state)
{
    json_t *docs = load_docs(), *doc;
    size_t i;
    unsigned tg = 0, tf = 0, pg = 0, pf = 0, pp = 0, pr = 0;

    (void)state;
    assert_true(json_array_size(docs) >= 50);
    json_array_foreach(docs, i, doc) {
        struct redactor *r;
        struct redact_ctx *ctx = redact_ctx_new();
        struct redaction out;
        struct err e;
        const char *text = json_string_value(json_object_get(doc, "text"));

        assert_int_equal(redactor_new(&r, &e), 0);
        add_doc(r, doc, 0);
        assert_int_equal(redactor_compile(r, &e), 0);
        if (redactor_run(&out, r, ctx, text, strlen(text), &e) != 0)
            fail_msg("%s: %s", json_string_value(json_object_get(doc, "id")), e.msg);
        score_doc(doc, &out, text);
        redaction_free(&out);
        redact_ctx_free(ctx);
        redactor_free(r);
    }
    printf("# %-26s %6s %6s %8s %6s %6s %6s %9s\n", "class", "gold", "found", "recall", "held",
           "pred", "right", "precision");
    for (i = 0; i < nclasses; i++) {
        struct tally *t = &classes[i];
        printf("# %-26s %6u %6u %7.2f%% %6u %6u %6u %8.2f%%\n", t->name, t->gold, t->found,
               pct(t->found, t->gold), t->held, t->pred, t->right, pct(t->right, t->pred));
        if (strncmp(t->name, "term-", 5) == 0)
            tg += t->gold, tf += t->found;
        else
            pg += t->gold, pf += t->found, pp += t->pred, pr += t->right;
    }
    printf("# protected terms: recall %.2f%% (%u/%u; held: replaced where the context marks a name, else a review flag)   target 100%%\n",
           pct(tf, tg), tf, tg);
    printf("# pattern PII: recall %.2f%% (%u/%u) target >= 99%%; precision %.2f%% (%u/%u) target >= 95%%\n",
           pct(pf, pg), pf, pg, pct(pr, pp), pr, pp);
    json_decref(docs);
    assert_int_equal(tf, tg);
    assert_true(pct(pf, pg) >= 99.0);
    assert_true(pct(pr, pp) >= 95.0);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *s;
    long n;

    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    rewind(f);
    s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return s;
}

static size_t count_words(const char *s, size_t len)
{
    size_t i, n = 0;
    int in = 0;

    for (i = 0; i < len; i++) {
        int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

/* Review flags by kind, with the first of each: what a reviewer would be
 * asked about in identity-free text. */
static void print_flag_kinds(const struct redaction *out)
{
    static const char *const kinds[] = {
        "korean-name", "cyrillic-name", "title-name", "context-name", "short-name", "name-or-word",
        "mixed-script", "transcription", "near-name", "glued-name", "lineage-name",
    };
    size_t i, k, n;

    for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        const struct redaction_flag *first = NULL;
        for (i = 0, n = 0; i < out->nflags; i++)
            if (strcmp(out->flags[i].kind, kinds[k]) == 0 && n++ == 0)
                first = &out->flags[i];
        if (n > 0)
            printf("#   flags %-13s %5zu (first: \"%.*s\")\n", kinds[k], n, (int)first->len,
                   out->text + first->start);
    }
    /* EVAL_SHOW_FLAGS=1: every flag with the words around it. */
    for (i = 0; getenv("EVAL_SHOW_FLAGS") != NULL && i < out->nflags; i++) {
        size_t a = out->flags[i].start, b = a + out->flags[i].len, from = a > 24 ? a - 24 : 0;
        while (from > 0 && ((unsigned char)out->text[from] & 0xC0) == 0x80)
            from--;
        printf("#     %s \"%.*s\" in \"%.*s[%.*s]%.*s\"\n", out->flags[i].kind, (int)(b - a),
               out->text + a, (int)(a - from), out->text + from, (int)(b - a), out->text + a,
               (int)strcspn(out->text + b, ".\n"), out->text + b);
    }
}

/* The identity-free texts by language. */
static const struct {
    const char *file, *lang;
} clean[] = {
    { "en-words.txt", "en" }, { "en-prose.txt", "en" }, { "ko-words.txt", "ko" },
    { "ko-prose.txt", "ko" }, { "mn-words.txt", "mn" }, { "mn-prose.txt", "mn" },
    { "en-testimony.txt", "en" }, { "ko-testimony.txt", "ko" }, { "mn-testimony.txt", "mn" },
    { "en-news.txt", "en" },      { "ko-news.txt", "ko" },      { "mn-news.txt", "mn" },
    { "en-markup.txt", "en" },    { "ko-news20.txt", "ko" },
};
#define NCLEAN (sizeof clean / sizeof clean[0])

/* Words and review flags of each file of clean[] in the last run_clean. */
static size_t file_words[NCLEAN], file_flags[NCLEAN];

/* Redacts each identity-free text with r; adds words, automatic
 * redactions and review flags per language (en, ko, mn). */
static void run_clean(struct redactor *r, size_t words[3], size_t reds[3], size_t flags[3],
                      int show)
{
    static const char *const langs[] = { "en", "ko", "mn" };
    struct err e;

    for (size_t i = 0; i < NCLEAN; i++) {
        char path[256];
        size_t len, w, k, l = 0;
        char *text;
        struct redact_ctx *ctx = redact_ctx_new();
        struct redaction out;

        while (strcmp(langs[l], clean[i].lang) != 0)
            l++;
        snprintf(path, sizeof path, DATA "clean/%s", clean[i].file);
        text = slurp(path, &len);
        w = count_words(text, len);
        if (redactor_run(&out, r, ctx, text, len, &e) != 0)
            fail_msg("%s: %s", clean[i].file, e.msg);
        printf("# %-14s %6zu words %4zu automatic redactions (%.2f per 10,000) %4zu review flags (%.2f per 10,000)\n",
               clean[i].file, w, out.nitems, 1e4 * (double)out.nitems / (double)w, out.nflags,
               1e4 * (double)out.nflags / (double)w);
        for (k = 0; show && k < out.nitems && k < 20; k++)
            printf("#   %s/%s: \"%.*s\"\n", out.items[k].category, out.items[k].rule,
                   (int)out.items[k].orig_len, text + out.items[k].orig_start);
        print_flag_kinds(&out);
        words[l] += w, reds[l] += out.nitems, flags[l] += out.nflags;
        file_words[i] = w, file_flags[i] = out.nflags;
        redaction_free(&out);
        redact_ctx_free(ctx);
        free(text);
    }
}

/* Every name and term of the whole evaluation set protected at once (a
 * store of a few hundred), over identity-free words and prose.  The
 * target is 1 per 10,000 words (issue 13); no change may raise it above
 * the 0.65 main had before issue 12's Korean rules (5 of 77,435 words):
 * an ordinary word a name begins ("karat", "manner") is a review flag at
 * most (redact_hits.c). */
static void test_false_redactions(void **state)
{
    json_t *docs = load_docs(), *doc;
    struct redactor *r;
    struct err e;
    size_t i, words[3] = { 0 }, reds[3] = { 0 }, flags[3] = { 0 }, tw = 0, tr = 0, tfl = 0;

    (void)state;
    assert_int_equal(redactor_new(&r, &e), 0);
    json_array_foreach(docs, i, doc)
        add_doc(r, doc, (long)i * 10);
    assert_int_equal(redactor_compile(r, &e), 0);
    printf("# %zu literals protected\n", redactor_literals(r));
    run_clean(r, words, reds, flags, 1);
    for (i = 0; i < 3; i++)
        tw += words[i], tr += reds[i], tfl += flags[i];
    printf("# identity-free text: %zu words, %zu automatic redactions = %.2f per 10,000 words (target <= 1, at most 0.65); %zu review flags (%.2f per 10,000: the names that are also words flagged where they are words)\n",
           tw, tr, 1e4 * (double)tr / (double)tw, tfl, 1e4 * (double)tfl / (double)tw);
    redactor_free(r);
    json_decref(docs);
    assert_true(tw >= 50000);
    assert_true(1e4 * (double)tr / (double)tw <= 0.65);
    /* Review flags with every name protected (issue 13: at most 10 per
     * 10,000 words of name-free prose in each language).  They were en
     * 24, ko 56, mn 30 per 10,000 on the testimonies (main 4a17c83):
     * spellings the variant rules made of a registered name that are
     * ordinary words (하면 and 가면 of 문하민, Дараа of Darnell, Нэрээ of
     * Oberbrunner, "town" of Töv, the initials So of Sylvia Oberbrunner),
     * flagged wherever the context did not mark a name.  Such a spelling
     * now counts only where the context marks a name (redact_hits.c,
     * hit_verdict).  Left: "A young" (a registered name's key across a
     * space, spaced_name) and 지난가을에 (a name shape, also raised with
     * nothing protected).  Each testimony is held at what it is (4a17c83
     * plus this rule) so they can only fall. */
    for (i = 0; i < 3; i++)
        if (1e4 * (double)flags[i] / (double)words[i] > 10.0)
            fail_msg("language %zu, every name protected: %zu review flags in %zu words (target <= 10 per 10,000)",
                     i, flags[i], words[i]);
    for (i = 0; i < NCLEAN; i++) {
        static const struct {
            const char *file;
            double max;
        } held[] = { { "en-testimony.txt", 3.3 }, { "ko-testimony.txt", 2.0 },
                     { "mn-testimony.txt", 0.0 } };
        for (size_t k = 0; k < sizeof held / sizeof held[0]; k++)
            if (strcmp(clean[i].file, held[k].file) == 0 &&
                1e4 * (double)file_flags[i] / (double)file_words[i] > held[k].max)
                fail_msg("%s, every name protected: %zu review flags in %zu words (held at %.1f per 10,000)",
                         clean[i].file, file_flags[i], file_words[i], held[k].max);
    }
}

/* Review flags on identity-free text with nothing protected: what the
 * safety net asks a person about in prose that holds no name (issue 13:
 * at most 10 per 10,000 words in each language). */
static void test_flags_per_language(void **state)
{
    static const char *const langs[] = { "English", "Korean", "Mongolian" };
    struct redactor *r;
    struct err e;
    size_t words[3] = { 0 }, reds[3] = { 0 }, flags[3] = { 0 };

    (void)state;
    assert_int_equal(redactor_new(&r, &e), 0);
    assert_int_equal(redactor_compile(r, &e), 0);
    run_clean(r, words, reds, flags, 0);
    for (size_t l = 0; l < 3; l++)
        printf("# review flags, nothing protected: %-9s %6zu words %4zu flags = %.2f per 10,000 words (target <= 10)\n",
               langs[l], words[l], flags[l], 1e4 * (double)flags[l] / (double)words[l]);
    redactor_free(r);
    for (size_t l = 0; l < 3; l++)
        assert_true(1e4 * (double)flags[l] / (double)words[l] <= 10.0);
    /* Each testimony and news corpus on its own too: the word lists would
     * hide prose (news: issue 13 NEW-8, an outside tester's news register
     * raised ko 74.6 and mn 482.6 per 10,000). */
    for (size_t i = 0; i < NCLEAN; i++)
        if ((strstr(clean[i].file, "testimony") != NULL || strstr(clean[i].file, "news") != NULL) &&
            1e4 * (double)file_flags[i] / (double)file_words[i] > 10.0)
            fail_msg("%s: %zu review flags in %zu words (target <= 10 per 10,000)", clean[i].file,
                     file_flags[i], file_words[i]);
}

/* Name-free Japanese prose (tests/data/clean/ja-news.txt, brief s17
 * kana17): the readers of kana and of Han characters (katakana and
 * hiragana spellings of Korean names, on-readings, Vietnamese readings)
 * may neither replace nor flag anything in it, with every name of the
 * evaluation set protected and with nothing protected.  Japanese is not
 * written in words, so the figure is per text, not per 10,000 words. */
static void test_japanese_clean(void **state)
{
    json_t *docs = load_docs(), *doc;
    struct redactor *r;
    struct err e;
    size_t i, len;
    char *text = slurp(DATA "clean/ja-news.txt", &len);

    (void)state;
    for (int all = 1; all >= 0; all--) {
        struct redact_ctx *ctx = redact_ctx_new();
        struct redaction out;
        assert_int_equal(redactor_new(&r, &e), 0);
        if (all)
            json_array_foreach(docs, i, doc)
                add_doc(r, doc, (long)i * 10);
        assert_int_equal(redactor_compile(r, &e), 0);
        if (redactor_run(&out, r, ctx, text, len, &e) != 0)
            fail_msg("ja-news.txt: %s", e.msg);
        printf("# ja-news.txt, %s: %zu bytes, %zu automatic redactions, %zu review flags\n",
               all ? "every name protected" : "nothing protected", len, out.nitems, out.nflags);
        for (size_t k = 0; k < out.nitems; k++)
            printf("#   %s/%s: \"%.*s\"\n", out.items[k].category, out.items[k].rule,
                   (int)out.items[k].orig_len, text + out.items[k].orig_start);
        print_flag_kinds(&out);
        assert_int_equal(out.nitems, 0);
        assert_int_equal(out.nflags, 0);
        redaction_free(&out);
        redact_ctx_free(ctx);
        redactor_free(r);
    }
    free(text);
    json_decref(docs);
}

/* The safety net for names nobody registered: each person's name in the
 * evaluation testimonies, with nothing protected, and whether a review
 * flag lies over it (or a detector replaced it).  Prints the share;
 * fails if it falls below what it was before issue 13 (NAMES_FLAGGED_MIN:
 * 181 of 426 at 89ba90e, before the dictionaries filtered the flags). */
#define NAMES_FLAGGED_MIN 181
static void test_unregistered_names(void **state)
{
    json_t *docs = load_docs(), *doc, *sp;
    struct redactor *r;
    struct err e;
    size_t i, k, gold = 0, found = 0;

    (void)state;
    assert_int_equal(redactor_new(&r, &e), 0);
    assert_int_equal(redactor_compile(r, &e), 0);
    json_array_foreach(docs, i, doc) {
        const char *text = json_string_value(json_object_get(doc, "text"));
        struct redact_ctx *ctx = redact_ctx_new();
        struct redaction out;

        if (redactor_run(&out, r, ctx, text, strlen(text), &e) != 0)
            fail_msg("%s: %s", json_string_value(json_object_get(doc, "id")), e.msg);
        json_array_foreach(json_object_get(doc, "spans"), k, sp) {
            size_t a = (size_t)json_integer_value(json_object_get(sp, "start"));
            size_t b = (size_t)json_integer_value(json_object_get(sp, "end"));
            int hit = 0;
            if (strcmp(json_string_value(json_object_get(sp, "category")), "person") != 0)
                continue;
            gold++;
            for (size_t m = 0; m < out.nitems && !hit; m++)
                hit = out.items[m].orig_start < b && a < out.items[m].orig_start + out.items[m].orig_len;
            hit = hit || flagged(&out, a, b, NULL);
            found += (unsigned)hit;
            if (!hit && getenv("EVAL_SHOW_MISSED") != NULL)
                printf("# not flagged in %s: \"%.*s\"\n", json_string_value(json_object_get(doc, "id")),
                       (int)(b - a), text + a);
        }
        redaction_free(&out);
        redact_ctx_free(ctx);
    }
    printf("# unregistered names flagged for review: %zu of %zu person names = %.2f%%\n", found,
           gold, pct((unsigned)found, (unsigned)gold));
    redactor_free(r);
    json_decref(docs);
    assert_true(found >= NAMES_FLAGGED_MIN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recall_and_precision),
        cmocka_unit_test(test_false_redactions),
        cmocka_unit_test(test_flags_per_language),
        cmocka_unit_test(test_japanese_clean),
        cmocka_unit_test(test_unregistered_names),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
