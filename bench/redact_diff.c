/* Differential check of the redactor (docs/SPEED.md, "Redaction"): a
 * speed change must not change one answer.  Prints every output, every
 * replacement, every review flag and every error of redactor_run over a
 * fixed set of texts, so that two builds' outputs can be compared byte for
 * byte (bench/redact_diff.sh builds this file against another tree).
 *   redact_diff SRCDIR NBENCHTERMS BENCHKB FILE...
 * The protected set: every name of tests/data/eval.jsonl and
 * tests/data/leaks/ *.jsonl (each its own subject), every term there, and
 * NBENCHTERMS of bench/redact_bench.c's synthetic terms (the same
 * generator), all under SRCDIR.  The texts: BENCHKB KB of the bench's text
 * in 100 KB pieces, then each FILE: whole if it is under 64 KB (the fuzz
 * corpora), else in 3 KB pieces cut at a character boundary.  One
 * numbering context per file.  Nothing here is testimony: the data are the
 * project's own test data. */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/redact.h"

static const char *const lat[] = { "ka", "ro", "mi", "ten", "sa", "lo", "ven", "di", "nu", "par", "el", "tor" };
static const char *const han[] = { "가", "나", "다", "라", "마", "바", "사", "아", "자", "하", "수", "진" };
static const char *const cyr[] = { "ба", "та", "ра", "эр", "дэ", "нэ", "го", "лу", "ми", "ст", "ов", "ин" };

static unsigned long long rng_state = 0x9e3779b97f4a7c15ULL;

static unsigned rnd(unsigned n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state % n);
}

static void word(char *out, size_t outlen, unsigned script, unsigned n)
{
    const char *const *tab = script == 0 ? lat : script == 1 ? han : cyr;
    unsigned i;

    out[0] = '\0';
    for (i = 0; i < n; i++)
        strncat(out, tab[rnd(12)], outlen - strlen(out) - 1);
}

static long nsubjects;

static enum term_category category(const char *c)
{
    static const char *const names[] = { "person", "place", "employer", "organisation", "id", "other" };
    size_t i;

    for (i = 0; c != NULL && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(c, names[i]) == 0)
            return (enum term_category)i;
    return TERM_OTHER;
}

/* One name, its own subject; a name refused (as `subject add` would) is
 * printed, not fatal. */
static void add_name(struct redactor *r, const char *name)
{
    struct err e;
    char pseudo[32];

    snprintf(pseudo, sizeof pseudo, "Zed-%ld", nsubjects + 1);
    if (redactor_add_subject(r, ++nsubjects, pseudo, &e) != 0 ||
        redactor_add_name(r, nsubjects, name, strlen(name), &e) != 0)
        printf("setup name refused: %s\n", e.msg);
}

static void add_term(struct redactor *r, json_t *t)
{
    struct err e;
    const char *text = json_is_string(t) ? json_string_value(t)
                                         : json_string_value(json_object_get(t, "text"));
    const char *cat = json_is_object(t) ? json_string_value(json_object_get(t, "category")) : NULL;

    if (text != NULL && redactor_add_term(r, category(cat), 0, text, strlen(text), &e) != 0)
        printf("setup term refused: %s\n", e.msg);
}

static void add_names(struct redactor *r, json_t *a)
{
    size_t i;
    json_t *v;

    json_array_foreach(a, i, v) {
        if (json_is_string(v))
            add_name(r, json_string_value(v));
        else if (json_is_object(v))
            add_names(r, json_object_get(v, "names"));
    }
}

static void add_file(struct redactor *r, const char *path)
{
    FILE *f = fopen(path, "r");
    char line[65536];
    size_t i;
    json_t *d, *v;

    if (f == NULL) {
        printf("setup: cannot read %s\n", path);
        return;
    }
    while (fgets(line, sizeof line, f) != NULL) {
        if ((d = json_loads(line, 0, NULL)) == NULL)
            continue;
        add_names(r, json_object_get(d, "names"));
        add_names(r, json_object_get(d, "subjects"));
        json_array_foreach(json_object_get(d, "terms"), i, v)
            add_term(r, v);
        json_decref(d);
    }
    fclose(f);
}

static void run(const struct redactor *r, struct redact_ctx *ctx, const char *what, size_t piece,
                const char *text, size_t len)
{
    struct redaction out;
    struct err e;
    size_t i;

    printf("== %s #%zu (%zu bytes)\n", what, piece, len);
    if (redactor_run(&out, r, ctx, text, len, &e) != 0) {
        printf("error %d: %s\n", e.code, e.msg);
        return;
    }
    printf("output %zu\n", out.len);
    fwrite(out.text, 1, out.len, stdout);
    printf("\n");
    for (i = 0; i < out.nitems; i++)
        printf("item %zu+%zu %s %s from %zu+%zu\n", out.items[i].start, out.items[i].len,
               out.items[i].category, out.items[i].rule, out.items[i].orig_start,
               out.items[i].orig_len);
    for (i = 0; i < out.nflags; i++)
        printf("flag %zu+%zu %s%s\n", out.flags[i].start, out.flags[i].len, out.flags[i].kind,
               out.flags[i].allowed ? " allowed" : "");
    redaction_free(&out);
}

/* Redacts text[0..len) in pieces of about size bytes, cut before a
 * character, with one context. */
static void run_pieces(const struct redactor *r, const char *what, const char *text, size_t len,
                       size_t size)
{
    struct redact_ctx *ctx = redact_ctx_new();
    size_t at, n, piece = 0;

    if (ctx == NULL)
        exit(2);
    for (at = 0; at < len; at += n) {
        n = len - at < size ? len - at : size;
        while (at + n < len && n > 1 && ((unsigned char)text[at + n] & 0xC0) == 0x80)
            n--;
        run(r, ctx, what, piece++, text + at, n);
    }
    redact_ctx_free(ctx);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL, *b;
    size_t cap = 0, n;

    *len = 0;
    if (f == NULL)
        return NULL;
    do {
        if (*len + 65536 > cap) {
            cap = cap * 2 + 65536;
            if ((b = realloc(buf, cap)) == NULL)
                exit(2);
            buf = b;
        }
        n = fread(buf + *len, 1, cap - *len, f);
        *len += n;
    } while (n > 0);
    fclose(f);
    return buf;
}

static char *bench_text(const char *src, size_t cap, size_t *len)
{
    static const char *const lists[] = { "en-words.txt", "ko-words.txt", "mn-words.txt" };
    char **words = NULL, path[1024], w[64], *text, **nw;
    size_t nwords = 0, i, flen, at;
    char *buf, *tok, *save;

    for (i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/tests/data/clean/%s", src, lists[i]);
        if ((buf = slurp(path, &flen)) == NULL || (buf = realloc(buf, flen + 1)) == NULL)
            exit(2);
        buf[flen] = '\0';
        for (tok = strtok_r(buf, " \n", &save); tok; tok = strtok_r(NULL, " \n", &save)) {
            if ((nw = realloc(words, (nwords + 1) * sizeof *nw)) == NULL)
                exit(2);
            words = nw;
            words[nwords++] = tok;
        }
    }
    if (nwords == 0 || (text = malloc(cap + 64)) == NULL)
        exit(2);
    for (*len = 0; *len < cap; *len += at + 1) {
        if (rnd(100) == 0)
            word(w, sizeof w, rnd(3), 3 + rnd(2));
        else
            snprintf(w, sizeof w, "%s", words[rnd((unsigned)nwords)]);
        at = strlen(w);
        memcpy(text + *len, w, at);
        text[*len + at] = rnd(12) == 0 ? '\n' : ' ';
    }
    *len = cap;
    while (*len > 0 && ((unsigned char)text[*len - 1] & 0x80))
        (*len)--;
    return text;
}

int main(int argc, char **argv)
{
    static const char *const leaks[] = {
        "detect", "flags13", "forms", "glued", "kinds2", "lookalikes", "names",
        "numbers2-terms", "numbers2", "numbers3", "scripts", "shapes", "spell", "spoken",
    };
    struct redactor *r;
    struct err e;
    char path[1024], w[64], *text;
    unsigned nbench, i;
    size_t len;
    int a;

    if (argc < 4 || sodium_init() < 0 || redactor_new(&r, &e) != 0)
        return 2;
    nbench = (unsigned)atoi(argv[2]);
    snprintf(path, sizeof path, "%s/tests/data/eval.jsonl", argv[1]);
    add_file(r, path);
    for (i = 0; i < sizeof leaks / sizeof leaks[0]; i++) {
        snprintf(path, sizeof path, "%s/tests/data/leaks/%s.jsonl", argv[1], leaks[i]);
        add_file(r, path);
    }
    for (i = 0; i < nbench; i++) {
        word(w, sizeof w, i % 3, 3 + rnd(2));
        if (redactor_add_term(r, TERM_OTHER, 0, w, strlen(w), &e) != 0)
            printf("setup bench term refused: %s\n", e.msg);
    }
    if (redactor_compile(r, &e) != 0)
        return fprintf(stderr, "%s\n", e.msg), 2;
    printf("subjects %ld, literals %zu\n", nsubjects, redactor_literals(r));
    text = bench_text(argv[1], (size_t)atoi(argv[3]) << 10, &len);
    run_pieces(r, "bench", text, len, 100u << 10);
    free(text);
    for (a = 4; a < argc; a++) {
        if ((text = slurp(argv[a], &len)) == NULL) {
            printf("== %s: cannot read\n", argv[a]);
            continue;
        }
        run_pieces(r, argv[a], text, len, len < (64u << 10) ? len + 1 : 3u << 10);
        free(text);
    }
    redactor_free(r);
    return 0;
}
