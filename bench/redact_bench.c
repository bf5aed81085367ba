/* Bench driver: redacts mixed-script text with N synthetic terms.
 *   redact_bench NTERMS MB DIR
 * The text is words drawn from tests/data/clean (English, Korean and
 * Mongolian word lists: identity-free), with one of the protected terms
 * every ~100 words.  Writes DIR/terms and DIR/text (for grep), then prints
 * "MB SECONDS MB/s CPU-SECONDS" for normalise + match + replace
 * (redactor_run, which includes the re-scan of its output), over 1 MiB
 * texts: wall-clock time, and the CPU time of this thread, which another
 * process on the same cores does not inflate. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "crypto/secmem.h"
#include "privacy/redact.h"
#include "util/lexicon.h"

static const char *const lat[] = { "ka", "ro", "mi", "ten", "sa", "lo", "ven", "di", "nu", "par", "el", "tor" };
static const char *const han[] = { "가", "나", "다", "라", "마", "바", "사", "아", "자", "하", "수", "진" };
static const char *const cyr[] = { "ба", "та", "ра", "эр", "дэ", "нэ", "го", "лу", "ми", "ст", "ов", "ин" };

/* A fixed-seed generator: the same text every run, and no system call per
 * word (randombytes would dominate the set-up). */
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

static double clock_s(clockid_t id)
{
    struct timespec ts;

    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void)
{
    return clock_s(CLOCK_MONOTONIC);
}

/* The terms' category: TERM_OTHER, or with BENCH_PERSON=1 in the
 * environment TERM_PERSON, whose names get the person rules too (handles,
 * keys across scripts: privacy/redact_scripts.c). */
static enum term_category bench_category(void)
{
    return getenv("BENCH_PERSON") != NULL ? TERM_PERSON : TERM_OTHER;
}

static char **words;
static size_t nwords;

static int load_words(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[4096], *tok, *save;

    if (f == NULL)
        return -1;
    while (fgets(line, sizeof line, f) != NULL)
        for (tok = strtok_r(line, " \n", &save); tok; tok = strtok_r(NULL, " \n", &save)) {
            char **w = realloc(words, (nwords + 1) * sizeof *w);
            if (w == NULL)
                return -1;
            words = w;
            if ((words[nwords++] = strdup(tok)) == NULL)
                return -1;
        }
    fclose(f);
    return 0;
}

/* The matcher cache (store/privacy.c keeps it in the store): the same
 * terms added to a second redactor, which loads r's serialised matcher;
 * prints its size and the time against compiling. */
static int cached_compile(const struct redactor *r, unsigned nterms)
{
    unsigned char d1[REDACT_DIGEST_BYTES], d2[REDACT_DIGEST_BYTES];
    struct redactor *r2;
    struct err e;
    char w[64], *bytes;
    size_t len;
    double t0, tadd;
    unsigned i;

    rng_state = 0x9e3779b97f4a7c15ULL;      /* the same terms again */
    if (redactor_serialise(&bytes, &len, r, &e) != 0 || redactor_new(&r2, &e) != 0)
        return fprintf(stderr, "%s\n", e.msg), -1;
    t0 = now();
    for (i = 0; i < nterms; i++) {
        word(w, sizeof w, i % 3, 3 + rnd(2));
        if (redactor_add_term(r2, bench_category(), 0, w, strlen(w), &e) != 0)
            return fprintf(stderr, "%s\n", e.msg), -1;
    }
    tadd = now() - t0;
    redactor_digest(d1, r);
    redactor_digest(d2, r2);
    t0 = now();
    if (memcmp(d1, d2, sizeof d1) != 0 || redactor_compile_from(r2, bytes, len, &e) != 0)
        return fprintf(stderr, "cached matcher: %s\n", memcmp(d1, d2, sizeof d1) ? "digest differs" : e.msg), -1;
    fprintf(stderr, "cached matcher: %.1f MB; adding the terms %.2f s, then loading it %.3f s instead of compiling\n",
            (double)len / 1048576.0, tadd, now() - t0);
    secmem_wipe_free(bytes);
    redactor_free(r2);
    return 0;
}

/* The compiled matcher kept across runs (a 10,000-term compile takes
 * 10-20 minutes on a loaded machine): with BENCH_MATCHER_CACHE=DIR in the
 * environment, DIR/redact_bench-<digest>.hs holds redactor_serialise's
 * bytes, named by redactor_digest (every literal and the vectorscan
 * version), so a file is loaded only by a redactor that compiles to the
 * same matcher.  The bench's terms are synthetic syllables, no testimony:
 * the file is plain.  Without the variable nothing is read or written. */
static char cache_file[4096];

static const char *cache_path(void)
{
    return cache_file;
}

static int cache_name(const struct redactor *r)
{
    const char *dir = getenv("BENCH_MATCHER_CACHE");
    unsigned char d[REDACT_DIGEST_BYTES];
    char hex[2 * REDACT_DIGEST_BYTES + 1];

    if (dir == NULL || *dir == '\0')
        return -1;
    redactor_digest(d, r);
    sodium_bin2hex(hex, sizeof hex, d, sizeof d);
    return snprintf(cache_file, sizeof cache_file, "%s/redact_bench-%.16s.hs", dir, hex) <
           (int)sizeof cache_file ? 0 : -1;
}

static int disk_cache_load(struct redactor *r)
{
    struct err e;
    FILE *f;
    char *bytes;
    long n;
    int rc = -1;

    if (cache_name(r) != 0 || (f = fopen(cache_file, "rb")) == NULL)
        return -1;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (bytes = malloc((size_t)n)) != NULL) {
        if (fread(bytes, 1, (size_t)n, f) == (size_t)n && redactor_compile_from(r, bytes, (size_t)n, &e) == 0)
            rc = 0;
        free(bytes);
    }
    fclose(f);
    return rc;
}

static void disk_cache_save(const struct redactor *r)
{
    struct err e;
    char *bytes, tmp[4200];
    size_t len;
    FILE *f;

    if (cache_name(r) != 0 || redactor_serialise(&bytes, &len, r, &e) != 0 || bytes == NULL)
        return;
    snprintf(tmp, sizeof tmp, "%s.tmp", cache_file);
    if ((f = fopen(tmp, "wb")) != NULL) {
        int ok = fwrite(bytes, 1, len, f) == len;
        if (fclose(f) == 0 && ok)
            (void)rename(tmp, cache_file);
        else
            (void)remove(tmp);
    }
    secmem_wipe_free(bytes);
}

int main(int argc, char **argv)
{
    unsigned nterms, mb, i;
    struct redactor *r;
    struct err e;
    char w[64], path[512], *text;
    size_t len = 0, cap, at;
    FILE *ft, *fx;
    double t0, c0, t = 0, cpu = 0;

    if (argc != 4 || sodium_init() < 0)
        return 2;
    nterms = (unsigned)atoi(argv[1]), mb = (unsigned)atoi(argv[2]);
    if (load_words("tests/data/clean/en-words.txt") != 0 ||
        load_words("tests/data/clean/ko-words.txt") != 0 ||
        load_words("tests/data/clean/mn-words.txt") != 0 || nwords == 0)
        return fprintf(stderr, "run from the source tree (tests/data/clean)\n"), 2;
    snprintf(path, sizeof path, "%s/terms", argv[3]);
    if ((ft = fopen(path, "w")) == NULL || redactor_new(&r, &e) != 0)
        return 2;
    t0 = now();
    for (i = 0; i < nterms; i++) {
        word(w, sizeof w, i % 3, 3 + rnd(2));
        fprintf(ft, "%s\n", w);
        if (redactor_add_term(r, bench_category(), 0, w, strlen(w), &e) != 0)
            return fprintf(stderr, "%s\n", e.msg), 2;
    }
    fclose(ft);
    fprintf(stderr, "adding %u terms: %.2f s\n", nterms, now() - t0);
    t0 = now();
    if (disk_cache_load(r) == 0)
        fprintf(stderr, "compile: loaded from %s in %.2f s, %zu literals\n", cache_path(), now() - t0,
                redactor_literals(r));
    else {
        if (redactor_compile(r, &e) != 0)
            return fprintf(stderr, "%s\n", e.msg), 2;
        fprintf(stderr, "compile: %.2f s for %u terms, %zu literals\n", now() - t0, nterms,
                redactor_literals(r));
        disk_cache_save(r);
        if (cached_compile(r, nterms) != 0)
            return 2;
    }
    /* The dictionaries of the review flags load once per process, like the
     * matcher, on the first word that needs one: before the clock. */
    t0 = now();
    (void)lexicon_word(LEXICON_KO, "\xeb\x82\x98\xeb\x9d\xbc", 6);
    (void)lexicon_word(LEXICON_MN, "\xd0\xb3\xd1\x8d\xd1\x80\xd1\x8d\xd0\xbb", 10);
    (void)lexicon_word(LEXICON_EN, "bold", 4);
    fprintf(stderr, "dictionaries: %.2f s to load (hunspell-ko, -mn, -en-us)\n", now() - t0);
    cap = (size_t)mb << 20;
    if ((text = malloc(cap + 64)) == NULL)
        return 2;
    while (len < cap) {
        if (rnd(100) == 0)
            word(w, sizeof w, rnd(3), 3 + rnd(2));
        else
            snprintf(w, sizeof w, "%s", words[rnd((unsigned)nwords)]);
        at = strlen(w);
        memcpy(text + len, w, at);
        text[len + at] = rnd(12) == 0 ? '\n' : ' ';
        len += at + 1;
    }
    len = cap;
    while ((text[len - 1] & 0xC0) == 0x80 || (text[len - 1] & 0x80))
        len--;                       /* do not cut a character */
    snprintf(path, sizeof path, "%s/text", argv[3]);
    if ((fx = fopen(path, "w")) == NULL || fwrite(text, 1, len, fx) != len || fclose(fx) != 0)
        return 2;
    for (at = 0; at < len;) {
        size_t n = len - at < (1u << 20) ? len - at : (1u << 20);
        struct redact_ctx *ctx = redact_ctx_new();
        struct redaction out;
        while (at + n < len && ((unsigned char)text[at + n] & 0xC0) == 0x80)
            n--;
        t0 = now(), c0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
        if (redactor_run(&out, r, ctx, text + at, n, &e) != 0)
            return fprintf(stderr, "%s\n", e.msg), 2;
        t += now() - t0, cpu += clock_s(CLOCK_THREAD_CPUTIME_ID) - c0;
        redaction_free(&out);
        redact_ctx_free(ctx);
        at += n;
    }
    printf("%.1f %.2f %.1f %.2f\n", (double)len / 1048576.0, t, (double)len / 1048576.0 / t, cpu);
    redactor_free(r);
    free(text);
    return 0;
}
