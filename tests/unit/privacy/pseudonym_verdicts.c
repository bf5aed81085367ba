/* A measuring harness, not a test of make check: the pseudonym check's
 * answers over generated (name, pseudonym) pairs, one line a pair, to
 * compare two builds of the privacy engine byte for byte (docs/TESTING.md,
 * "Session 50 (speed50)": the short-form mark read without the dictionary,
 * redact_unread.c reads_strict).  Build and run:
 *     make build/rel/unit/privacy/pseudonym_verdicts
 *     build/rel/unit/privacy/pseudonym_verdicts N [FIRST] > verdicts.txt   (N subjects, 4N pairs)
 * from the checkout's root.  The subjects are the names of every case of the
 * .jsonl files of tests/data/leaks/ (each case's subject, its others, in file
 * order, without repeats); the pseudonyms, every one of those names and
 * each of their words.  Subject s (FIRST <= s < FIRST + N) is subject
 * s * 7919 mod the subjects, registered as subject add's pseudonym check
 * registers a new subject (store/subject.c, choose_pseudonym: the names as
 * terms and as a subject's, the plain index), and asked about four
 * pseudonyms in turn on that one redactor (pairs 4s to 4s + 3: candidate
 * i * 104729 mod the candidates; of each four, one in a script other than
 * Latin and one in a script the script pass reads, candidate()).  Each line: i, the subject's names, the pseudonym, then the
 * answers of the checks that read the redactor (store/subject.c,
 * check_one 0 to 3: privacy_matches, pseudonym_read_as_name, the audit's
 * digest set as audit_reads_form reads it, pseudonym_is_name_form), all
 * four in that order on one redactor, on the pseudonym and then on its
 * Latin reading (pseudonym_latin_reading) where it has one; -1 with the
 * error's message.  Every check runs, not only up to the first refusal,
 * so the redactor's answers after each check are compared too.  One
 * process: after the first load a dictionary is never held back
 * (lexicon_hold), so the answers are those of every check run loaded. */
#include <glob.h>
#include <jansson.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "privacy/digestset.h"
#include "privacy/normalise.h"
#include "privacy/pseudonym_form.h"
#include "privacy/redact.h"
#include "privacy/script_read.h"
#include "privacy/script_reading.h"
#include "store/privacy.h"
#include "util/err.h"

struct subject {
    char **names;
    size_t n;
    char *joined;               /* the names joined by '|', to compare and print */
};

static struct subject *subjects;
static size_t nsubjects, capsubjects;
static char **cands;
static size_t ncands, capcands;

static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return p;
    *cap = *cap ? 2 * *cap : 256;
    if ((p = realloc(p, *cap * size)) == NULL) {
        perror("realloc");
        exit(2);
    }
    return p;
}

static void add_cand(const char *s, size_t len)
{
    for (size_t i = 0; i < ncands; i++)
        if (strlen(cands[i]) == len && memcmp(cands[i], s, len) == 0)
            return;
    cands = grow(cands, &capcands, ncands, sizeof *cands);
    cands[ncands++] = strndup(s, len);
}

static void add_subject(const json_t *names)
{
    size_t i, len = 0;
    json_t *x;
    struct subject sj = { 0 };

    if (!json_is_array(names) || json_array_size(names) == 0)
        return;
    json_array_foreach(names, i, x)
        if (json_is_string(x))
            len += strlen(json_string_value(x)) + 1;
    if (len == 0 || (sj.joined = calloc(1, len)) == NULL ||
        (sj.names = calloc(json_array_size(names), sizeof *sj.names)) == NULL)
        exit(2);
    json_array_foreach(names, i, x) {
        const char *s = json_string_value(x), *a;
        if (s == NULL)
            continue;
        if (sj.n > 0)
            strcat(sj.joined, "|");
        strcat(sj.joined, s);
        sj.names[sj.n++] = strdup(s);
        add_cand(s, strlen(s));
        for (a = s; *a != '\0';) {
            size_t w = strcspn(a, " -");
            if (w > 0 && a[w] != '\0')
                add_cand(a, w);
            else if (w > 0 && a != s)
                add_cand(a, w);
            a += w;
            a += *a != '\0';
        }
    }
    for (i = 0; i < nsubjects; i++)
        if (strcmp(subjects[i].joined, sj.joined) == 0) {
            for (size_t k = 0; k < sj.n; k++)
                free(sj.names[k]);
            free(sj.names);
            free(sj.joined);
            return;
        }
    subjects = grow(subjects, &capsubjects, nsubjects, sizeof *subjects);
    subjects[nsubjects++] = sj;
}

static void load(void)
{
    glob_t g;
    char *line = NULL;
    size_t cap = 0, k;
    json_t *o, *x;

    if (glob("tests/data/leaks/*.jsonl", 0, NULL, &g) != 0) {
        fprintf(stderr, "run from the checkout's root\n");
        exit(2);
    }
    for (size_t i = 0; i < g.gl_pathc; i++) {
        FILE *f = fopen(g.gl_pathv[i], "r");
        if (f == NULL)
            continue;
        while (getline(&line, &cap, f) > 0) {
            if ((o = json_loads(line, 0, NULL)) == NULL)
                continue;
            add_subject(json_object_get(o, "names"));
            json_array_foreach(json_object_get(o, "others"), k, x)
                add_subject(json_object_get(x, "names"));
            json_decref(o);
        }
        fclose(f);
    }
    free(line);
    globfree(&g);
}

static int on_form(void *ctx, size_t start, size_t end, const char *flag, struct err *e)
{
    (void)start, (void)end, (void)flag, (void)e;
    *(int *)ctx = 1;
    return 1;
}

/* store/subject.c's audit_reads_form, copied: a static function there. */
static int audit_reads_form(const struct redactor *r, const char *p, struct err *e)
{
    struct digestset ds;
    char line[512];
    int hit = 0, rc;

    digestset_init(&ds);
    rc = digestset_add_redactor(&ds, r, WORDS_SEEN, e);
    if (snprintf(line, sizeof line, "%s came to the office.", p) >= (int)sizeof line)
        rc = err_set(e, EXIT_INPUT, "pseudonym too long");
    if (rc == 0 && (rc = digestset_scan(&ds, line, strlen(line), on_form, &hit, e)) != 0 && hit)
        err_clear(e), rc = 0;
    if (rc == 0 && hit) {
        int own = 0;
        if ((rc = digestset_scan(&ds, "It came to the office.", 22, on_form, &own, e)) != 0 && own)
            err_clear(e), rc = 0;
        hit = !own;
    }
    digestset_free(&ds);
    return rc != 0 ? -1 : hit;
}

static void checks(const struct redactor *r, const char *p)
{
    struct err e;

    for (int k = 0; k < 4; k++) {
        int rc;
        err_clear(&e);
        rc = k == 0 ? privacy_matches(r, p, &e)
           : k == 1 ? pseudonym_read_as_name(r, p, strlen(p), &e)
           : k == 2 ? audit_reads_form(r, p, &e)
                    : pseudonym_is_name_form(r, p, strlen(p), &e);
        if (rc < 0)
            printf("\t-1 %s", e.msg);
        else
            printf("\t%d", rc);
    }
}

static int latin(const char *s)
{
    for (; *s != '\0'; s++)
        if ((unsigned char)*s >= 0x80)
            return 0;
    return 1;
}

/* 1 if s holds a letter of a script the script pass reads
 * (script_read_letter: Greek, Georgian, Arabic, Thai...). */
static int read_script(const char *s)
{
    size_t len = strlen(s);
    int cp, k;

    for (size_t at = 0; at < len && (k = utf8_next(&cp, s + at, len - at)) > 0; at += (size_t)k)
        if (script_read_letter(cp))
            return 1;
    return 0;
}

/* The pseudonym of pair i: candidate i * 104729 mod the candidates, or
 * the next one in a script other than Latin (i mod 4 == 1), or the next
 * one in a script the script pass reads (i mod 4 == 3: the code of
 * redact_unread.c, which the comparison is about). */
static const char *candidate(size_t i)
{
    size_t c = (i * 104729u) % ncands;

    for (size_t k = 0; i % 4 == 1 && k < ncands && latin(cands[c]); k++)
        c = (c + 1) % ncands;
    for (size_t k = 0; i % 4 == 3 && k < ncands && !read_script(cands[c]); k++)
        c = (c + 1) % ncands;
    return cands[c];
}

/* Subject s (s * 7919 mod the subjects) registered once, then asked
 * about the pseudonyms of pairs PER * s to PER * s + PER - 1 in turn on
 * the same redactor, as choose_pseudonym asks up to 200 generated ones. */
#define PER 4

static void subject_pairs(size_t s)
{
    const struct subject *sj = &subjects[(s * 7919u) % nsubjects];
    struct redactor *r;
    struct err e;
    char reading[256];
    int rc = 0;

    err_clear(&e);
    if (redactor_new(&r, &e) != 0) {
        printf("%zu\tnew: %s\n", s, e.msg);
        return;
    }
    for (size_t k = 0; k < sj->n && rc == 0; k++)
        rc = redactor_add_term(r, TERM_PERSON, 0, sj->names[k], strlen(sj->names[k]), &e);
    if (rc == 0)
        rc = redactor_add_subject(r, LONG_MAX, "[new subject]", &e);
    for (size_t k = 0; k < sj->n && rc == 0; k++)
        rc = redactor_add_name(r, LONG_MAX, sj->names[k], strlen(sj->names[k]), &e);
    if (rc == 0)
        rc = redactor_compile_plain(r, &e);
    if (rc != 0) {
        printf("%zu\t%s\tadd: %s\n", s, sj->joined, e.msg);
        redactor_free(r);
        return;
    }
    for (size_t i = PER * s; i < PER * s + PER; i++) {
        const char *p = candidate(i);
        printf("%zu\t%s\t%s", i, sj->joined, p);
        checks(r, p);
        err_clear(&e);
        rc = pseudonym_latin_reading(reading, sizeof reading, p, strlen(p), &e);
        if (rc == 1) {
            printf("\t| %s", reading);
            checks(r, reading);
        } else if (rc < 0) {
            printf("\t| -1 %s", e.msg);
        }
        printf("\n");
    }
    redactor_free(r);
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 100, first = argc > 2 ? strtoul(argv[2], NULL, 10) : 0;

    if (sodium_init() < 0)
        return 2;
    load();
    if (nsubjects == 0 || ncands == 0)
        return 2;
    fprintf(stderr, "%zu subjects, %zu pseudonyms\n", nsubjects, ncands);
    for (size_t s = first; s < first + n; s++) {
        subject_pairs(s);
        fflush(stdout);
    }
    return 0;
}
