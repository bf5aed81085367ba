/* Bench driver: the audit's checks on a bundle's content of NRECORDS
 * synthetic records (about 1 KiB of mixed-script body each, redactions and
 * an allowed flag in the manifest) against a digest set of NTERMS protected
 * terms and their variants.
 *   audit_bench NRECORDS NTERMS DIR
 * writes DIR/terms and DIR/text (the same exported text, for grep), then
 * prints "MB SECONDS MB/s CPU-SECONDS DIGESTS VERDICT" for manifest_audit (consistency,
 * residual terms, residual detectors, re-identification).
 *   audit_bench NRECORDS NTERMS DIR words
 * draws the bodies from the word lists of tests/data/clean instead of six
 * sentences: few words recur, the worst case for what the audit
 * remembers of the keys and tokens it met.
 * With AUDIT_BENCH_SEED=N in the environment the random bytes (terms,
 * bodies, the digest key) come from a fixed sequence seeded by N, and
 * every finding is printed after the figures ("item CHECK LEVEL RECORD
 * FIELD WHAT TEXT"): two builds' outputs, compared, tell whether a speed
 * change kept the audit's answers (bench/audit_diff.sh).
 * With AUDIT_BENCH_COLD=1 the dictionaries are not loaded before the
 * clock: the audit loads each at its first question, inside the clock,
 * as a process of intake does (docs/SPEED.md, "Session 27: the audit"). */
#include <jansson.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export/audit.h"
#include "privacy/digestset.h"
#include "export/manifest.h"
#include "privacy/redact.h"
#include "util/lexicon.h"

static const char *const lat[] = { "ka", "ro", "mi", "ten", "sa", "lo", "ven", "di", "nu", "par", "el", "tor" };
static const char *const han[] = { "가", "나", "다", "라", "마", "바", "사", "아", "자", "하", "수", "진" };
static const char *const cyr[] = { "ба", "та", "ра", "эр", "дэ", "нэ", "го", "лу", "ми", "ст", "ов", "ин" };
static const char *const prose[] = {
    "We worked from dawn on the site and nobody was paid on time.",
    "The foreman kept our passports in a locked drawer in the office.",
    "새벽부터 밤까지 일했지만 돈은 몇 달째 밀렸다.",
    "Бид өглөөнөөс орой болтол ажилласан, цалин сараар хоцорсон.",
    "In winter the dormitory had no heating and twelve of us shared a room.",
    "Some of us tried to send money home but the transfers were watched.",
};

static void word(char *out, size_t outlen, unsigned script, unsigned n)
{
    const char *const *tab = script == 0 ? lat : script == 1 ? han : cyr;

    out[0] = '\0';
    for (unsigned i = 0; i < n; i++)
        strncat(out, tab[randombytes_uniform(12)], outlen - strlen(out) - 1);
}

/* AUDIT_BENCH_SEED: splitmix64, for a bench only (never for keys). */
static uint64_t seed;

static uint64_t next64(void)
{
    uint64_t z = (seed += 0x9E3779B97F4A7C15u);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static const char *fixed_name(void)
{
    return "audit_bench fixed sequence";
}

static uint32_t fixed_random(void)
{
    return (uint32_t)next64();
}

static void fixed_buf(void *const buf, const size_t size)
{
    for (size_t i = 0; i < size; i++)
        ((unsigned char *)buf)[i] = (unsigned char)next64();
}

static randombytes_implementation fixed = { fixed_name, fixed_random, NULL, NULL, fixed_buf, NULL };

static double now(clockid_t clock)
{
    struct timespec ts;

    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The words of tests/data/clean/{en,ko,mn}-words.txt (identity-free word
 * lists, 60,000 words), for bodies of varied words. */
static char **vocab;
static size_t nvocab;

static int load_vocab(void)
{
    static const char *const lists[] = { "tests/data/clean/en-words.txt",
                                         "tests/data/clean/ko-words.txt",
                                         "tests/data/clean/mn-words.txt" };
    char line[65536], *tok, *save;

    for (size_t i = 0; i < 3; i++) {
        FILE *f = fopen(lists[i], "r");
        if (f == NULL)
            return -1;
        while (fgets(line, sizeof line, f) != NULL)
            for (tok = strtok_r(line, " \n", &save); tok; tok = strtok_r(NULL, " \n", &save)) {
                char **v = realloc(vocab, (nvocab + 1) * sizeof *v);
                if (v == NULL || (v[nvocab] = strdup(tok)) == NULL)
                    return -1;
                vocab = v, nvocab++;
            }
        fclose(f);
    }
    return nvocab > 0 ? 0 : -1;
}

/* One record as export writes it: "[PLACE-1]" at the start of the body
 * and as the place, the pseudonym, prose (or words of the lists, when they
 * are loaded), and an allowed title-name. */
static json_t *record(unsigned i, size_t *bytes)
{
    char body[2048], id[17];
    size_t n;
    json_t *r;

    snprintf(id, sizeof id, "r%015u", i);
    snprintf(body, sizeof body, "[PLACE-1] Nari said: ");
    n = strlen(body);
    while (n < 1000) {
        strncat(body, nvocab > 0 ? vocab[randombytes_uniform((uint32_t)nvocab)]
                                 : prose[randombytes_uniform(6)], sizeof body - n - 2);
        strcat(body, " ");
        n = strlen(body);
    }
    strcat(body, "Comrade Rim met us.");
    *bytes += strlen(body) + 9 + 4;
    size_t flag = strlen(body) - strlen("Comrade Rim met us.");
    r = json_pack("{s:s, s:s, s:s, s:s, s:s, s:[s], s:s, s:{s:b, s:b, s:b, s:b}, s:s,"
                  " s:[{s:s, s:i, s:i, s:s, s:s}, {s:s, s:i, s:i, s:s, s:s}, {s:s, s:i, s:i, s:s, s:s}],"
                  " s:[{s:s, s:I, s:i, s:s, s:s, s:s}]}",
                  "id", id, "pseudonym", "Nari", "title", "Work", "place", "[PLACE-1]",
                  "language", "en", "tags", "work", "date", "2024-03",
                  "consent", "export", 1, "quote", 0, "publish", 0, "attachments", 0,
                  "body", body,
                  "redactions", "field", "place", "start", 0, "length", 9, "category", "place", "rule", "exact",
                  "field", "body", "start", 0, "length", 9, "category", "place", "rule", "exact",
                  "field", "body", "start", 10, "length", 4, "category", "pseudonym", "rule", "exact",
                  "review", "field", "body", "start", (json_int_t)flag, "length", 11,
                  "kind", "title-name", "resolution", "allowed", "allowed", "2026-11-20");
    return r;
}

int main(int argc, char **argv)
{
    unsigned nrec, nterms;
    struct redactor *r;
    struct digestset ds;
    struct audit_report rep = { 0 };
    unsigned char head[32] = { 0 };
    json_t *recs = json_array(), *header = json_pack("{s:s}", "format", "intake-content-1");
    char w[64], path[512];
    size_t bytes = 0, i;
    FILE *ft, *fx;
    double t0, t, c0, c;
    struct err e;

    if (getenv("AUDIT_BENCH_SEED") != NULL) {
        seed = strtoull(getenv("AUDIT_BENCH_SEED"), NULL, 10);
        randombytes_set_implementation(&fixed);
    }
    if ((argc != 4 && !(argc == 5 && strcmp(argv[4], "words") == 0)) || sodium_init() < 0)
        return 2;
    if (argc == 5 && load_vocab() != 0)
        return fprintf(stderr, "run from the source tree (tests/data/clean)\n"), 2;
    nrec = (unsigned)atoi(argv[1]), nterms = (unsigned)atoi(argv[2]);
    snprintf(path, sizeof path, "%s/terms", argv[3]);
    if ((ft = fopen(path, "w")) == NULL || redactor_new(&r, &e) != 0)
        return 2;
    for (i = 0; i < nterms; i++) {
        word(w, sizeof w, (unsigned)i % 3, 3 + randombytes_uniform(2));
        fprintf(ft, "%s\n", w);
        if (redactor_add_term(r, TERM_OTHER, 0, w, strlen(w), &e) != 0)
            return fprintf(stderr, "%s\n", e.msg), 2;
    }
    fclose(ft);
    if (redactor_compile(r, &e) != 0)
        return fprintf(stderr, "%s\n", e.msg), 2;
    digestset_init(&ds);
    if (digestset_add_redactor(&ds, r, WORDS_ASK, &e) != 0 ||
        manifest_write_header(header, 1, head, &ds, json_pack("[s]", "Nari"), &e) != 0)
        return fprintf(stderr, "%s\n", e.msg), 2;
    snprintf(path, sizeof path, "%s/text", argv[3]);
    if ((fx = fopen(path, "w")) == NULL)
        return 2;
    for (i = 0; i < nrec; i++) {
        json_t *rec = record((unsigned)i, &bytes);
        json_array_append_new(recs, rec);
        fprintf(fx, "%s\n%s\n%s\n%s\n", json_string_value(json_object_get(rec, "title")),
                json_string_value(json_object_get(rec, "place")), "work",
                json_string_value(json_object_get(rec, "body")));
    }
    fclose(fx);
    /* The dictionaries of the review flags load once per process, on the
     * first word that needs one (as in bench/redact_bench.c): before the
     * clock, their load time printed apart. */
    t0 = now(CLOCK_MONOTONIC);
    if (getenv("AUDIT_BENCH_COLD") == NULL) {
        (void)lexicon_word(LEXICON_KO, "\xeb\x82\x98\xeb\x9d\xbc", 6);
        (void)lexicon_word(LEXICON_MN, "\xd0\xb3\xd1\x8d\xd1\x80\xd1\x8d\xd0\xbb", 10);
        (void)lexicon_word(LEXICON_EN, "bold", 4);
        fprintf(stderr, "dictionaries: %.2f s to load (hunspell-ko, -mn, -en-us), once per process\n",
                now(CLOCK_MONOTONIC) - t0);
    } else
        fprintf(stderr, "dictionaries: loaded at their first question, inside the clock (AUDIT_BENCH_COLD)\n");
    t0 = now(CLOCK_MONOTONIC);
    c0 = now(CLOCK_PROCESS_CPUTIME_ID);
    if (manifest_audit(&rep, header, recs, "2026-11-23", AUDIT_K_DEFAULT, &e) != 0)
        return fprintf(stderr, "%s\n", e.msg), 2;
    t = now(CLOCK_MONOTONIC) - t0;
    c = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
    printf("%.2f %.3f %.2f %.3f %zu %s\n", (double)bytes / 1e6, t, (double)bytes / 1e6 / t, c, ds.n,
           audit_verdict(&rep) == AUDIT_PASS ? "PASS" : audit_verdict(&rep) == AUDIT_WARN ? "WARN" : "FAIL");
    for (i = 0; getenv("AUDIT_BENCH_SEED") != NULL && i < rep.n; i++) {
        printf("check %s %d %zu %zu %s\n", rep.checks[i].name, rep.checks[i].level,
               rep.checks[i].examined, rep.checks[i].nitems, rep.checks[i].reason);
        for (size_t j = 0; j < rep.checks[i].nitems; j++) {
            const struct audit_item *it = &rep.checks[i].items[j];
            printf("item %s %d %s %s %s [%s] %s\n", rep.checks[i].name, it->level,
                   it->record ? it->record : "", it->field ? it->field : "", it->what ? it->what : "",
                   it->text ? it->text : "", it->note ? it->note : "");
        }
    }
    /* A FAIL here means a bench input bug: show the first findings. */
    for (i = 0; audit_verdict(&rep) == AUDIT_FAIL && i < rep.n; i++)
        for (size_t j = 0; j < rep.checks[i].nitems && j < 3; j++)
            fprintf(stderr, "%s: %s %s\n", rep.checks[i].name,
                    rep.checks[i].items[j].what ? rep.checks[i].items[j].what : "",
                    rep.checks[i].items[j].text ? rep.checks[i].items[j].text : "");
    audit_report_free(&rep);
    digestset_free(&ds);
    redactor_free(r);
    json_decref(recs);
    json_decref(header);
    return 0;
}
