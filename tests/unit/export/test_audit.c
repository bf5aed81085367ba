/* export/audit.c, digestset.c, gazetteer.c, manifest.c: the audit's checks
 * on records as exported, the keyed digest set, the gazetteer and the
 * manifest's reader and writer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "export/audit.h"
#include "privacy/digestset.h"
#include "privacy/gazetteer.h"
#include "export/manifest.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"

/* ---- digest set ---- */

static void set_of(struct digestset *ds, const char *const *terms, size_t n)
{
    struct redactor *r;
    struct err e;

    assert_int_equal(redactor_new(&r, &e), 0);
    assert_int_equal(redactor_add_subject(r, 1, "Jong-su", &e), 0);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(redactor_add_name(r, 1, terms[i], strlen(terms[i]), &e), 0);
    assert_int_equal(redactor_compile(r, &e), 0);
    digestset_init(ds);
    assert_int_equal(digestset_add_redactor(ds, r, WORDS_ASK, &e), 0);
    redactor_free(r);
}

struct hits {
    size_t n;
    char last[128];
    const char *text;
};

static int on_hit(void *ctx, size_t start, size_t end, const char *flag, struct err *e)
{
    struct hits *h = ctx;

    (void)e, (void)flag;
    h->n++;
    snprintf(h->last, sizeof h->last, "%.*s", (int)(end - start), h->text + start);
    return 0;
}

static size_t scan(const struct digestset *ds, const char *text, char *last)
{
    struct hits h = { 0, "", text };
    struct err e;

    assert_int_equal(digestset_scan(ds, text, strlen(text), on_hit, &h, &e), 0);
    if (last != NULL)
        strcpy(last, h.last);
    return h.n;
}

static void test_digestset_finds_terms_and_variants(void **state)
{
    static const char *const names[] = { "Kim Chol-jin", "박영수", "Бат-Эрдэнэ" };
    struct digestset ds;
    char last[128];

    (void)state;
    set_of(&ds, names, 3);
    assert_true(ds.n > 10);
    assert_int_equal(scan(&ds, "Nothing here but [PERSON-1] and Jong-su.", NULL), 0);
    /* The given name alone is protected too: the longest window comes last. */
    assert_int_equal(scan(&ds, "He met KIM CHOL JIN at the port.", last), 2);
    assert_string_equal(last, "KIM CHOL JIN");
    assert_int_equal(scan(&ds, "The foreman, Kimcholjin, left.", NULL), 1);
    /* A romanisation of the Hangul name, and the Hangul with a particle. */
    assert_true(scan(&ds, "Pak Yong-su came later.", NULL) >= 1);
    assert_true(scan(&ds, "그때 박영수는 없었다", last) >= 1);
    assert_string_equal(last, "박영수");
    /* Mongolian: Latin spelling and a case ending. */
    assert_true(scan(&ds, "Bat-Erdene said so.", NULL) >= 1);
    assert_true(scan(&ds, "Бат-Эрдэнэд хэлсэн", last) >= 1);
    assert_string_equal(last, "Бат-Эрдэнэд");
    /* Not inside longer words. */
    assert_int_equal(scan(&ds, "Kimcholjinsky", NULL), 0);
    /* Typed in compatibility jamo or spelled out letter by letter (issue
     * 12 follow-up): the audit reads the same key view as the redactor. */
    assert_true(scan(&ds, "ㅂㅏㄱㅇㅕㅇㅅㅜ는 없었다", NULL) >= 1);
    assert_true(scan(&ds, "그때 박.영.수는 없었다", NULL) >= 1);
    assert_true(scan(&ds, "그때 영_수는 없었다", NULL) >= 1);
    assert_true(scan(&ds, "Then K.i.m.c.h.o.l.j.i.n left.", NULL) >= 1);
    /* In Russian Cyrillic and in katakana (variants_ko.c). */
    assert_true(scan(&ds, "Пак Ёнсу пришёл.", NULL) >= 1);
    assert_true(scan(&ds, "パク・ヨンスさん", NULL) >= 1);
    digestset_free(&ds);
}

/* The audit reads a protected form as the redactor does (brief
 * i12-kinds2, items 1, 3 and 5): a part of a name in lower case that no
 * dictionary knows, a name written half in one script and half in
 * another, and look-alikes by their UTS #39 skeleton. */
static void test_digestset_reads_as_redactor(void **state)
{
    static const char *const names[] = { "Батбаярын Алтангэрэл", "Bold Dorj", "Ferne Krajcik",
                                         "김종수", "Дорж" };
    struct digestset ds;
    char last[128];

    (void)state;
    set_of(&ds, names, 5);
    assert_true(scan(&ds, "then altangerel came", last) >= 1);
    assert_string_equal(last, "altangerel");
    assert_true(scan(&ds, "and dorj left", last) >= 1);
    assert_string_equal(last, "dorj");
    assert_true(scan(&ds, "we met krajcik there", last) >= 1);
    assert_string_equal(last, "krajcik");
    /* "bold" is a word: the capital rule holds in lower case. */
    assert_int_equal(scan(&ds, "a bold move", NULL), 0);
    digestset_free(&ds);
    /* A short form keeps the capital rule in lower case, as the redactor
     * reads it: "түвшин" (level) is left, "Түвшин" is found. */
    static const char *const tuvshin[] = { "Түвшинбаяр" };
    set_of(&ds, tuvshin, 1);
    assert_int_equal(scan(&ds, "Энэ түвшинд хүрсэн. Өндөр түвшин.", NULL), 0);
    assert_true(scan(&ds, "Өчигдөр Түвшин ирсэн.", NULL) >= 1);
    digestset_free(&ds);
    set_of(&ds, names, 5);
    assert_true(scan(&ds, "Then Jong수 came.", last) >= 1);
    assert_string_equal(last, "Jong수");
    assert_true(scan(&ds, "Then 종su came.", NULL) >= 1);
    assert_true(scan(&ds, "Dor-ж ирсэн.", NULL) >= 1);
    assert_true(scan(&ds, "Then D\xe0\xaf\xa6rj came.", NULL) >= 1);      /* Tamil digit zero */
    assert_true(scan(&ds, "Then D\xe3\x85\x87rj came.", NULL) >= 1);      /* jamo ieung */
    assert_true(scan(&ds, "Then \xd0\x92\xd0\xbe\xd3\x8f\xd4\x81 came.", NULL) >= 1); /* Воӏԁ */
    digestset_free(&ds);
}

/* ---- names that are words, asked lazily (WORDS_SEEN) ---- */

/* A redactor of "Bold Dorj", 김나라 and Гэрэл (names that are words too:
 * bold, 나라, гэрэл) for subject 1. */
static struct redactor *word_names(void)
{
    static const char *const names[] = { "Bold Dorj", "김나라", "Гэрэл" };
    struct redactor *r;
    struct err e;

    assert_int_equal(redactor_new(&r, &e), 0);
    assert_int_equal(redactor_add_subject(r, 1, "Saraa", &e), 0);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(redactor_add_name(r, 1, names[i], strlen(names[i]), &e), 0);
    assert_int_equal(redactor_compile(r, &e), 0);
    return r;
}

struct spans_seen {
    char out[1024];
    size_t len;
};

static int on_span(void *ctx, size_t start, size_t end, const char *flag, struct err *e)
{
    struct spans_seen *s = ctx;

    (void)e;
    s->len += (size_t)snprintf(s->out + s->len, sizeof s->out - s->len, "%zu-%zu %s;", start,
                               end, flag != NULL ? flag : "replace");
    return s->len < sizeof s->out ? 0 : 1;
}

/* What the audit's scan of text finds with the set r makes (words as
 * words says), as one line. */
static void spans_of(struct spans_seen *s, const struct redactor *r, enum redact_words words,
                     const char *text)
{
    struct digestset ds;
    struct err e;

    memset(s, 0, sizeof *s);
    digestset_init(&ds);
    assert_int_equal(digestset_add_redactor(&ds, r, words, &e), 0);
    assert_int_equal(digestset_scan(&ds, text, strlen(text), on_span, s, &e), 0);
    digestset_free(&ds);
}

/* Before any text, WORDS_SEEN asks no dictionary: a name that is also a
 * word has the strictest rule (replaced everywhere); once a text showed
 * it, the dictionary's answer, as WORDS_ASK gives.  ("Bold" is two forms
 * of Bold Dorj with the same key: two entries.) */
static void test_digestset_words_seen_asks_late(void **state)
{
    struct redactor *r = word_names();
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct spans_seen s;
    struct err e;
    const char *text = "Bold decisions were made in our 나라.";

    (void)state;
    assert_non_null(ctx);
    spans_of(&s, r, WORDS_SEEN, text);
    assert_string_equal(s.out, "0-4 replace;0-4 replace;32-38 replace;");
    assert_int_equal(redactor_run(&out, r, ctx, "Bold plans.", 11, &e), 0);
    redaction_free(&out);
    spans_of(&s, r, WORDS_SEEN, text);
    assert_string_equal(s.out, "0-4 name-or-word;0-4 name-or-word;32-38 replace;");
    spans_of(&s, r, WORDS_ASK, text);
    assert_string_equal(s.out, "0-4 name-or-word;0-4 name-or-word;32-38 name-or-word;");
    redact_ctx_free(ctx);
    redactor_free(r);
}

/* The audit of a redacted output finds the same with WORDS_SEEN (a fresh
 * redactor that redacted only that text) as with WORDS_ASK: a name that
 * is a word and is in the output was matched by the redactor's first scan
 * or its re-scan, so its kind was asked (docs/FORMAT.md, "Digest set"). */
static void test_digestset_words_seen_same_verdicts(void **state)
{
    static const char *const texts[] = {
        "Bold decisions were made.",
        "He made a bold decision, Bold Dorj said.",
        "우리 나라는 김나라 나라 나라에서",
        "김나라나라 Bold Dorj Bold",
        "гэрэл унтарсан. Гэрэл гуай ирсэн. Гэрэлд",
        "Mr Bold came. 나라 씨 왔다. Bold-Dorj",
        "[PERSON-1] bold 나라 Saraa Bold",
        "Gerel and Bold and Nara came; 김 나라",
    };

    (void)state;
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        struct redactor *r = word_names();
        struct redact_ctx *ctx = redact_ctx_new();
        struct redaction out;
        struct spans_seen seen, asked;
        struct err e;

        assert_non_null(ctx);
        if (redactor_run(&out, r, ctx, texts[i], strlen(texts[i]), &e) != 0)
            fail_msg("text %zu: %s", i, e.msg);
        spans_of(&seen, r, WORDS_SEEN, out.text);
        spans_of(&asked, r, WORDS_ASK, out.text);
        if (strcmp(seen.out, asked.out) != 0)
            fail_msg("text %zu (\"%s\" as \"%s\"): seen \"%s\", asked \"%s\"", i, texts[i],
                     out.text, seen.out, asked.out);
        redaction_free(&out);
        redact_ctx_free(ctx);
        redactor_free(r);
    }
}

/* The same forms under another key give other digests: nothing is found. */
static void test_digestset_key(void **state)
{
    static const char *const names[] = { "Kim Chol-jin" };
    struct digestset ds, other;
    unsigned char key[DIGESTSET_KEYBYTES];
    struct err e;

    (void)state;
    set_of(&ds, names, 1);
    memset(key, 7, sizeof key);
    digestset_init_key(&other, key);
    for (size_t i = 0; i < ds.n; i++)
        assert_int_equal(digestset_add_entry(&other, ds.d + i * DIGESTSET_ENTRY, &e), 0);
    digestset_finish(&other);
    assert_int_equal(scan(&other, "Kim Chol-jin", NULL), 0);
    memcpy(other.key, ds.key, sizeof key);
    digestset_finish(&other);   /* the scans remember keys under the old key */
    assert_int_equal(scan(&other, "Kim Chol-jin", NULL), 2);
    digestset_free(&ds);
    digestset_free(&other);
}

/* Checked against Python's hashlib.blake2b (docs/FORMAT.md): the digest,
 * then the rule byte. */
static void test_digestset_vector(void **state)
{
    static const struct {
        const char *key, *digest;
        unsigned char rule;
    } v[] = {
        { "kimcholjin", "c5bf5488424293683c032b13164e0b18", 0x08 },
        { "\xeb\xb0\x95\xec\x98\x81\xec\x88\x98", "9a2a9e17c43da113109828d0d26cf66a", 0x09 },
        { "dorj", "fb64958618c638c8cfa125ca606a493b", 0x0c },
        { "\xeb\x82\x98\xeb\x9d\xbc", "812fa52d20152c418d9baac8a9c8f772", 0x29 },
    };
    unsigned char key[DIGESTSET_KEYBYTES], want[DIGESTSET_BYTES];
    struct digestset ds;
    struct err e;
    size_t n;

    (void)state;
    for (size_t i = 0; i < sizeof key; i++)
        key[i] = (unsigned char)i;
    digestset_init_key(&ds, key);
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        assert_int_equal(digestset_add_form(&ds, v[i].key, strlen(v[i].key), v[i].rule, &e), 0);
        assert_int_equal(ds.n, i + 1);
        sodium_hex2bin(want, sizeof want, v[i].digest, 32, NULL, &n, NULL);
        assert_memory_equal(ds.d + i * DIGESTSET_ENTRY, want, DIGESTSET_BYTES);
        assert_int_equal(ds.d[i * DIGESTSET_ENTRY + DIGESTSET_BYTES], v[i].rule);
    }
    digestset_free(&ds);
}

/* ---- gazetteer ---- */

struct ghits {
    size_t n[GAZ_NKINDS];
    char last[128];
    const char *text;
};

static int on_gaz(void *ctx, int kind, size_t start, size_t end, struct err *e)
{
    struct ghits *h = ctx;

    (void)e;
    h->n[kind]++;
    snprintf(h->last, sizeof h->last, "%.*s", (int)(end - start), h->text + start);
    return 0;
}

static struct ghits gaz(const char *text)
{
    struct ghits h;
    struct normtext nt;
    struct err e;

    memset(&h, 0, sizeof h);
    h.text = text;
    assert_int_equal(normalise(&nt, text, strlen(text), &e), 0);
    assert_int_equal(gazetteer_scan(&nt, on_gaz, &h, &e), 0);
    normtext_free(&nt);
    return h;
}

static void test_gazetteer(void **state)
{
    struct ghits h;
    struct err e;

    (void)state;
    assert_int_equal(gazetteer_load(&e), 0);
    assert_true(gazetteer_count(GAZ_PLACE) > 900);
    assert_true(gazetteer_count(GAZ_KO_NAME) > 500);
    assert_true(gazetteer_count(GAZ_MN_NAME) > 6000);
    h = gaz("We left Chongjin in March.");
    assert_int_equal(h.n[GAZ_PLACE], 1);
    assert_string_equal(h.last, "Chongjin");
    h = gaz("She was from Hamgyong-bukto originally.");
    assert_int_equal(h.n[GAZ_PLACE], 1);
    h = gaz("그는 강릉에서 왔다");
    assert_int_equal(h.n[GAZ_PLACE], 1);
    assert_string_equal(h.last, "강릉에서");
    h = gaz("그날 민준이 말했다");
    assert_int_equal(h.n[GAZ_KO_NAME], 1);
    h = gaz("김민준 씨");
    assert_int_equal(h.n[GAZ_KO_NAME], 1);
    h = gaz("Батболдын ах");
    assert_int_equal(h.n[GAZ_MN_NAME], 1);
    /* Ordinary prose, and country names, are not reported. */
    h = gaz("The workers were sent to Russia and China to build houses; the gold mine paid little.");
    assert_int_equal(h.n[GAZ_PLACE] + h.n[GAZ_KO_NAME] + h.n[GAZ_MN_NAME], 0);
}

/* ---- checks on records ---- */

static const char *const tags_a[] = { "construction" };

static struct audit_record clean_record(const char *id)
{
    struct audit_record r;

    memset(&r, 0, sizeof r);
    r.id = id, r.pseudonym = "Jong-su", r.title = "Work abroad", r.place = "[PLACE-1]";
    r.lang = "en", r.date = "2024-03", r.tags = tags_a, r.ntags = 1;
    r.body = "We worked long days. Nobody was paid on time.";
    r.export_ok = 1, r.attachments_ok = 1;
    return r;
}

static const struct audit_redaction place_red = { { "place", 0, 0, 9 }, "place", "exact" };

static const char *const ps[] = { "Jong-su", "Rim-il" };

static int run_checks(struct audit_report *rep, const struct audit_record *recs, size_t n,
                      const struct digestset *ds, size_t k)
{
    struct err e;

    memset(rep, 0, sizeof *rep);
    assert_int_equal(audit_consistency(rep, recs, n, ps, 2, "2026-01-01", &e), 0);
    assert_int_equal(audit_residuals(rep, ds, recs, n, &e), 0);
    assert_int_equal(audit_reidentification(rep, recs, n, k, &e), 0);
    return audit_verdict(rep);
}

static const struct audit_check *check(const struct audit_report *rep, const char *name)
{
    for (size_t i = 0; i < rep->n; i++)
        if (strcmp(rep->checks[i].name, name) == 0)
            return &rep->checks[i];
    fail();
    return NULL;
}

static void test_clean_records_pass(void **state)
{
    static const char *const names[] = { "Kim Chol-jin" };
    struct audit_record r[3] = { clean_record("r1"), clean_record("r2"), clean_record("r3") };
    struct audit_report rep;
    struct digestset ds;
    char *text;

    (void)state;
    set_of(&ds, names, 1);
    for (int i = 0; i < 3; i++)
        r[i].red = &place_red, r[i].nred = 1;
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_PASS);
    assert_int_equal(audit_exit_status(&rep, 1), 0);
    text = audit_render_text(&rep, 0);
    assert_non_null(strstr(text, "verdict: PASS"));
    assert_non_null(strstr(text, "k=3"));
    secmem_wipe_free(text);
    audit_report_free(&rep);
    digestset_free(&ds);
}

static void test_protected_term_fails(void **state)
{
    static const char *const names[] = { "Kim Chol-jin" };
    struct audit_record r[3] = { clean_record("r1"), clean_record("r2"), clean_record("r3") };
    struct audit_report rep;
    struct digestset ds;

    (void)state;
    set_of(&ds, names, 1);
    for (int i = 0; i < 3; i++)
        r[i].red = &place_red, r[i].nred = 1;
    r[1].body = "The foreman Kim Chol-jin kept our passports.";
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_FAIL);
    assert_int_equal(check(&rep, "residual-terms")->level, AUDIT_FAIL);
    assert_string_equal(check(&rep, "residual-terms")->items[0].record, "r2");
    assert_int_equal(audit_exit_status(&rep, 0), 1);
    audit_report_free(&rep);
    digestset_free(&ds);
}

/* What the redactor now replaces (issue 12, report-adv12c H23, H42-H44,
 * H58-H59, H62, H65, H69) the audit's residual-detectors check catches
 * too: it reads the same normalisation and detectors.  Each body alone
 * FAILs. */
/* A name written backwards inside a right-to-left override shows as the
 * name: residual-terms reads the visual order too (report-adv12g A-20);
 * the same letters outside an override are no name. */
static void test_visual_order_fails(void **state)
{
    static const char *const names[] = { "Kim Chol-jin", "김철진" };
    struct audit_record r[3] = { clean_record("r1"), clean_record("r2"), clean_record("r3") };
    struct audit_report rep;
    struct digestset ds;

    (void)state;
    set_of(&ds, names, 2);
    for (int i = 0; i < 3; i++)
        r[i].red = &place_red, r[i].nred = 1;
    r[0].body = "The foreman nij-lohC came, jin-chol too.";
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_PASS);
    audit_report_free(&rep);
    r[1].body = "The foreman \u202enij-lohC\u202c came.";
    r[2].body = "\u2067진철김\u2069 came.";
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_FAIL);
    assert_int_equal(check(&rep, "residual-terms")->level, AUDIT_FAIL);
    assert_int_equal(check(&rep, "residual-terms")->nitems, 2);
    assert_string_equal(check(&rep, "residual-terms")->items[0].record, "r2");
    assert_string_equal(check(&rep, "residual-terms")->items[1].record, "r3");
    audit_report_free(&rep);
    digestset_free(&ds);
}

static void test_issue12_shapes_fail(void **state)
{
    static const char *const names[] = { "Kim Chol-jin" };
    static const char *const bodies[] = {
        "Call 010ㅡ1234ㅡ5678 now.", "Call 010·1234·5678 now.", "Call 010,1234,5678 now.",
        "번호 750314ㆍ1234567 였다.", "번호 750314/1234567 였다.", "생년월일: 1975·03·14",
        "at 47º55′12″N 106º55′03″E", "Lat: 39°02′20″ Lon: 125°45′45″", "паспорт Е1234567",
        "주민번호 뒷자리 1234567", "gmail: tsetsegee88", "write to tsetsegee at gmail",
    };
    struct audit_record r[3] = { clean_record("r1"), clean_record("r2"), clean_record("r3") };
    struct audit_report rep;
    struct digestset ds;

    (void)state;
    set_of(&ds, names, 1);
    for (size_t b = 0; b < sizeof bodies / sizeof bodies[0]; b++) {
        for (int i = 0; i < 3; i++)
            r[i].red = &place_red, r[i].nred = 1;
        r[1].body = bodies[b];
        if (run_checks(&rep, r, 3, &ds, 3) != AUDIT_FAIL)
            print_message("not caught: %s\n", bodies[b]);
        assert_int_equal(check(&rep, "residual-detectors")->level, AUDIT_FAIL);
        audit_report_free(&rep);
    }
    digestset_free(&ds);
}

/* A protected ID glued to letters is a run the redactor replaces
 * (docs/VARIANTS.md, "Forms with a digit"): one left FAILs, not only
 * whole words (report-adv13 1). */
static void test_glued_id_fails(void **state)
{
    static const char *const names[] = { "Kim Chol-jin" };
    struct audit_record r[3] = { clean_record("r1"), clean_record("r2"), clean_record("r3") };
    struct audit_report rep;
    struct digestset ds;
    struct redactor *red;
    struct err e;

    (void)state;
    set_of(&ds, names, 1);
    assert_int_equal(redactor_new(&red, &e), 0);
    assert_int_equal(redactor_add_term(red, TERM_ID, 0, "M1234567", 8, &e), 0);
    assert_int_equal(redactor_compile(red, &e), 0);
    assert_int_equal(digestset_add_redactor(&ds, red, WORDS_ASK, &e), 0);
    redactor_free(red);
    for (int i = 0; i < 3; i++)
        r[i].red = &place_red, r[i].nred = 1;
    r[1].body = "His passport M1234567x was kept.";
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_FAIL);
    assert_int_equal(check(&rep, "residual-terms")->level, AUDIT_FAIL);
    assert_string_equal(check(&rep, "residual-terms")->items[0].record, "r2");
    audit_report_free(&rep);
    digestset_free(&ds);
}

/* An IP address or a phone number glued to letters is still one for the
 * residual detectors (report-adv13 3). */
static void test_glued_ip_and_phone_fail(void **state)
{
    struct audit_record r[3] = { clean_record("r1"), clean_record("r2"), clean_record("r3") };
    struct audit_report rep;
    struct digestset ds;
    const struct audit_check *c;

    (void)state;
    digestset_init(&ds);
    for (int i = 0; i < 3; i++)
        r[i].red = &place_red, r[i].nred = 1;
    r[2].body = "From a10.0.0.1x, then 010.1234.5678x.";
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_FAIL);
    c = check(&rep, "residual-detectors");
    assert_int_equal(c->level, AUDIT_FAIL);
    assert_int_equal(c->nitems, 2);
    assert_string_equal(c->items[0].what, "ip");
    assert_string_equal(c->items[0].text, "10.0.0.1");
    assert_string_equal(c->items[1].what, "phone");
    audit_report_free(&rep);
    digestset_free(&ds);
}

/* A review flag allowed over a phone number does not excuse it: the
 * redactor replaces every phone number, so one left is a FAIL; the flag is
 * listed by the second opinion. */
static void test_allowed_phone_fails(void **state)
{
    struct audit_record r[3] = { clean_record("r1"), clean_record("r2"), clean_record("r3") };
    struct audit_flag fl = { { "body", 0, 13, 16 }, "phone", "2026-11-20", 0 };
    struct audit_report rep;
    struct digestset ds;
    const struct audit_check *c;

    (void)state;
    digestset_init(&ds);
    for (int i = 0; i < 3; i++)
        r[i].red = &place_red, r[i].nred = 1;
    r[0].body = "Call the NGO +82 10-2000-0000 for help.";
    r[0].flags = &fl, r[0].nflags = 1;
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_FAIL);
    assert_string_equal(check(&rep, "residual-detectors")->items[0].what, "phone");
    c = check(&rep, "second-opinion");
    assert_int_equal(c->level, AUDIT_WARN);
    assert_int_equal(c->nitems, 1);
    assert_string_equal(c->items[0].text, "+82 10-2000-0000");
    assert_string_equal(c->items[0].record, "r1");
    assert_non_null(strstr(c->items[0].note, "2026-11-20"));
    assert_int_equal(audit_exit_status(&rep, 0), 1);
    audit_report_free(&rep);
    /* Inside a placeholder it is no finding; beside one it is. */
    r[0].nflags = 0;
    r[0].body = "[PLACE-1] Call [PHONE-1] now.";
    {
        struct audit_redaction three[3] = { { { "place", 0, 0, 9 }, "place", "exact" },
                                            { { "body", 0, 0, 9 }, "place", "exact" },
                                            { { "body", 0, 15, 9 }, "phone", "pattern" } };
        r[0].red = three, r[0].nred = 3;
        assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_PASS);
        audit_report_free(&rep);
        r[0].body = "[PLACE-1] Call [PHONE-1] or 010-2000-4928.";
        assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_FAIL);
        assert_string_equal(check(&rep, "residual-detectors")->items[0].what, "phone");
        audit_report_free(&rep);
        r[0].red = &place_red, r[0].nred = 1;
    }
    digestset_free(&ds);
}

static void test_allowed_name_warns(void **state)
{
    struct audit_record r[3] = { clean_record("r1"), clean_record("r2"), clean_record("r3") };
    struct audit_flag fl = { { "body", 0, 7, 14 }, "korean-name", "2026-11-21", 0 };
    struct audit_report rep;
    struct digestset ds;

    (void)state;
    digestset_init(&ds);
    for (int i = 0; i < 3; i++)
        r[i].red = &place_red, r[i].nred = 1;
    r[2].body = "We met Choe Myong-nam, the poet, on the radio.";
    r[2].flags = &fl, r[2].nflags = 1;
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_WARN);
    assert_string_equal(check(&rep, "second-opinion")->items[0].text, "Choe Myong-nam");
    audit_report_free(&rep);
    /* Without the flag: the review flags' finder is a second opinion, a
     * WARN (the redactor flags such a word, it does not replace it). */
    r[2].nflags = 0;
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_WARN);
    assert_string_equal(check(&rep, "second-opinion")->items[0].what, "korean-name");
    assert_int_equal(check(&rep, "residual-detectors")->level, AUDIT_PASS);
    audit_report_free(&rep);
    digestset_free(&ds);
}

static void test_unique_place_month_warns(void **state)
{
    struct audit_record r[4] = { clean_record("r1"), clean_record("r2"), clean_record("r3"),
                                 clean_record("r4") };
    struct audit_report rep;
    struct digestset ds;
    const struct audit_check *c;

    (void)state;
    digestset_init(&ds);
    for (int i = 0; i < 4; i++)
        r[i].red = &place_red, r[i].nred = 1;
    r[3].date = "2024-07";
    assert_int_equal(run_checks(&rep, r, 4, &ds, 3), AUDIT_WARN);
    c = check(&rep, "reidentification");
    assert_int_equal(c->level, AUDIT_WARN);
    assert_int_equal(c->nitems, 1);
    assert_string_equal(c->items[0].record, "r4");
    assert_non_null(strstr(c->reason, "k=1"));
    audit_report_free(&rep);
    /* --k 1 accepts it. */
    assert_int_equal(run_checks(&rep, r, 4, &ds, 1), AUDIT_PASS);
    audit_report_free(&rep);
    digestset_free(&ds);
}

static void test_manifest_disagrees_with_text(void **state)
{
    struct audit_record r[3] = { clean_record("r1"), clean_record("r2"), clean_record("r3") };
    struct audit_redaction wrong = { { "place", 0, 0, 9 }, "person", "exact" };
    struct audit_redaction outside = { { "body", 0, 40, 20 }, "place", "exact" };
    struct audit_flag open = { { "body", 0, 0, 2 }, "title-name", NULL, 0 };
    struct audit_report rep;
    struct digestset ds;

    (void)state;
    digestset_init(&ds);
    r[1].red = &place_red, r[1].nred = 1;
    r[2].red = &place_red, r[2].nred = 1;
    /* r1: the place placeholder is listed as a person; */
    r[0].red = &wrong, r[0].nred = 1;
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_FAIL);
    assert_int_equal(check(&rep, "consistency")->level, AUDIT_FAIL);
    audit_report_free(&rep);
    /* a placeholder no redaction lists; */
    r[0].nred = 0;
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_FAIL);
    assert_string_equal(check(&rep, "consistency")->items[0].what, "placeholder");
    audit_report_free(&rep);
    /* a span outside its field, an unresolved flag, an unknown pseudonym,
     * no consent, an embargo. */
    r[0].red = &outside, r[0].nred = 1;
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_FAIL);
    audit_report_free(&rep);
    r[0].red = &place_red;
    r[0].flags = &open, r[0].nflags = 1;
    r[1].pseudonym = "Somebody";
    r[2].embargo = "2030-01-01";
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_FAIL);
    assert_int_equal(check(&rep, "consistency")->found, 3);
    audit_report_free(&rep);
    r[0].nflags = 0, r[1].pseudonym = "Jong-su", r[2].embargo = "2025-12-31";
    r[1].export_ok = 0;
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_FAIL);
    assert_string_equal(check(&rep, "consistency")->items[0].note, "no consent to export");
    audit_report_free(&rep);
    /* attachments carried against "attachments no" (issue 16); */
    r[1].export_ok = 1;
    r[1].nattachments = 2;
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_PASS);
    audit_report_free(&rep);
    r[1].attachments_ok = 0;
    assert_int_equal(run_checks(&rep, r, 3, &ds, 3), AUDIT_FAIL);
    assert_string_equal(check(&rep, "consistency")->items[0].note,
                        "2 attachment(s) carried, but the consent says attachments no");
    audit_report_free(&rep);
    /* and the consent check lists each scope, failing nothing. */
    {
        struct err e;
        r[1].subject = "3kq8w1dz0v7m5xrt", r[1].method = "verbal", r[1].recorded = "2026-01-02";
        r[1].quote = 1;
        memset(&rep, 0, sizeof rep);
        assert_int_equal(audit_consent(&rep, r, 3, &e), 0);
        assert_int_equal(audit_verdict(&rep), AUDIT_PASS);
        assert_int_equal(check(&rep, "consent")->nitems, 3);
        assert_string_equal(check(&rep, "consent")->items[1].note,
                            "subject 3kq8w1dz0v7m5xrt: export yes, quote yes, publish no, attachments no, "
                            "embargo none, method verbal, recorded 2026-01-02");
        assert_string_equal(check(&rep, "consent")->items[0].note,
                            "subject (no id: content format 1): export yes, quote no, publish no, "
                            "attachments yes, embargo none, method none, recorded unknown");
        audit_report_free(&rep);
    }
    digestset_free(&ds);
}

static void test_render_json(void **state)
{
    struct audit_record r = clean_record("r1");
    struct audit_report rep;
    struct digestset ds;
    json_t *j;
    struct err e;

    (void)state;
    digestset_init(&ds);
    r.red = &place_red, r.nred = 1;
    assert_int_equal(run_checks(&rep, &r, 1, &ds, 3), AUDIT_WARN);
    assert_true(audit_check_add(&rep, "origin", AUDIT_PASS, 1, &e, "signed by %s", "hq") >= 0);
    j = audit_render_json(&rep, 1);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "verdict")), "WARN");
    assert_int_equal(json_integer_value(json_object_get(j, "exit")), 1);
    assert_int_equal(json_array_size(json_object_get(j, "checks")), 6);
    json_decref(j);
    audit_report_free(&rep);
    digestset_free(&ds);
}

/* The first FAIL as one line (redact's reason on standard error): a word
 * of the bundle by its length only, intake's own description shown
 * (SECURITY.md "The process"; report-adv12d F24). */
static void test_first_fail_hides_words(void **state)
{
    struct audit_report r = { 0 };
    struct err e = { 0 };
    char line[256];
    int c;

    (void)state;
    audit_first_fail(line, sizeof line, &r);
    assert_string_equal(line, "");
    c = audit_check_add(&r, "residual-terms", AUDIT_PASS, 1, &e, "no protected form");
    assert_true(c >= 0);
    assert_int_equal(audit_item_add(&r, c, AUDIT_WARN, "r1", "body", "mixed-script", "Kim1", 4,
                                    NULL, &e), 0);
    assert_int_equal(audit_item_add(&r, c, AUDIT_FAIL, "r1", "body", "protected-term",
                                    "altaa85", 7, "a protected form", &e), 0);
    audit_first_fail(line, sizeof line, &r);
    assert_string_equal(line, "residual-terms: protected-term [7 characters] (a protected form)");
    assert_null(strstr(line, "altaa"));
    audit_report_free(&r);
    memset(&r, 0, sizeof r);
    c = audit_check_add(&r, "attachments", AUDIT_PASS, 1, &e, "metadata");
    assert_int_equal(audit_item_add(&r, c, AUDIT_FAIL, "r1", NULL, "metadata", "GPS position", 12,
                                    NULL, &e), 0);
    r.checks[c].items[0].own = 1;
    audit_first_fail(line, sizeof line, &r);
    assert_string_equal(line, "attachments: metadata \"GPS position\" ()");
    audit_report_free(&r);
}

/* A check's reason is kept twice: in English for JSON, in the reader's
 * language for the text report; without a catalogue (these tests run in
 * the "C" locale) both are the English sentence, and each goes where it
 * belongs. */
static void test_reason_english_and_shown(void **state)
{
    struct audit_report rep = { 0 };
    struct err e;
    json_t *j;
    char *text;
    int c;

    (void)state;
    c = audit_check_add(&rep, "origin", AUDIT_PASS, 1, &e, "signed by %s, %d recipient(s)", "hq", 2);
    assert_int_equal(c, 0);
    assert_string_equal(rep.checks[0].reason, "signed by hq, 2 recipient(s)");
    assert_string_equal(rep.checks[0].shown, rep.checks[0].reason);
    audit_check_reason(&rep, c, "k=%zu", (size_t)4);
    assert_string_equal(rep.checks[0].reason, "k=4");
    assert_string_equal(rep.checks[0].shown, "k=4");
    /* the text report shows "shown", JSON gives "reason" */
    snprintf(rep.checks[0].shown, sizeof rep.checks[0].shown, "%s", "in another language");
    text = audit_render_text(&rep, 0);
    assert_non_null(text);
    assert_non_null(strstr(text, "in another language"));
    assert_null(strstr(text, "k=4"));
    secmem_wipe_free(text);
    j = audit_render_json(&rep, 0);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(j, "checks"), 0),
                                                          "reason")), "k=4");
    json_decref(j);
    audit_report_free(&rep);
}

/* ---- manifest (as export writes it: header and record documents) ---- */

static const char rec_json[] =
    "{\"id\":\"r1\",\"pseudonym\":\"Nari\",\"title\":\"Border\",\"place\":\"[PLACE-1]\","
    "\"language\":\"ko\",\"tags\":[\"a\",\"[PLACE-1]\"],\"date\":\"2024-03\","
    "\"date_precision\":\"month\",\"consent\":{\"export\":true,\"quote\":false,"
    "\"publish\":false,\"attachments\":false,\"method\":\"verbal\",\"recorded\":\"2026-01-01\"},"
    "\"body\":\"Nari called Mr Smith.\",\"attachments\":[],"
    "\"redactions\":[{\"field\":\"place\",\"start\":0,\"length\":9,\"category\":\"place\",\"rule\":\"exact\"},"
    "{\"field\":\"tag:1\",\"start\":0,\"length\":9,\"category\":\"place\",\"rule\":\"exact\"},"
    "{\"field\":\"body\",\"start\":0,\"length\":4,\"category\":\"pseudonym\",\"rule\":\"exact\"}],"
    "\"review\":[{\"field\":\"body\",\"start\":12,\"length\":8,\"kind\":\"title-name\","
    "\"resolution\":\"allowed\",\"allowed\":\"2026-11-20\"}]}";

static json_t *header_for(const struct digestset *ds, json_t *recs, struct err *e)
{
    unsigned char head[32];
    json_t *h = json_pack("{s:s}", "format", "intake-content-1"), *pset = json_array(), *v;
    size_t i;

    memset(head, 0xab, sizeof head);
    json_array_foreach(recs, i, v)
        assert_int_equal(manifest_collect_pseudonyms(pset, v, e), 0);
    assert_int_equal(manifest_write_header(h, 12, head, ds, pset, e), 0);
    return h;
}

static void test_manifest_round_trip(void **state)
{
    static const char *const names[] = { "Kim Chol-jin" };
    struct manifest_header h;
    struct audit_record r;
    struct audit_report rep = { 0 };
    struct digestset ds;
    json_error_t je;
    json_t *recs = json_array(), *header, *rec;
    char *text;
    struct err e;

    (void)state;
    set_of(&ds, names, 1);
    rec = json_loads(rec_json, 0, &je);
    assert_non_null(rec);
    json_array_append_new(recs, rec);
    header = header_for(&ds, recs, &e);
    /* Through text, as in a bundle. */
    text = json_dumps(header, JSON_COMPACT);
    json_decref(header);
    header = json_loads(text, 0, &je);
    secmem_wipe_free(text);
    assert_int_equal(manifest_read_header(&h, header, &e), 0);
    assert_int_equal(h.log_seq, 12);
    assert_int_equal(h.log_head[0], 0xab);
    assert_int_equal(h.ds.n, ds.n);
    assert_memory_equal(h.ds.key, ds.key, DIGESTSET_KEYBYTES);
    assert_memory_equal(h.ds.d, ds.d, ds.n * DIGESTSET_ENTRY);
    assert_int_equal(h.npseudonyms, 1);
    assert_string_equal(h.pseudonyms[0], "Nari");
    assert_int_equal(scan(&h.ds, "kim chol jin", NULL), 2);
    manifest_header_free(&h);
    assert_int_equal(manifest_read_record(&r, rec, &e), 0);
    assert_int_equal(r.nred, 3);
    assert_string_equal(r.red[1].at.field, "tag");
    assert_int_equal(r.red[1].at.tag, 1);
    assert_int_equal(r.nflags, 1);
    assert_string_equal(r.flags[0].allowed, "2026-11-20");
    assert_int_equal(r.ntags, 2);
    assert_int_equal(r.export_ok, 1);
    manifest_record_free(&r);
    /* The whole audit: consistent; the name kept with allow and k=1 warn. */
    assert_int_equal(manifest_audit(&rep, header, recs, "2026-11-23", 3, &e), 0);
    assert_int_equal(audit_verdict(&rep), AUDIT_WARN);
    assert_int_equal(check(&rep, "consistency")->level, AUDIT_PASS);
    assert_int_equal(check(&rep, "residual-terms")->level, AUDIT_PASS);
    assert_int_equal(check(&rep, "residual-detectors")->level, AUDIT_PASS);
    assert_string_equal(check(&rep, "second-opinion")->items[0].text, "Mr Smith");
    audit_report_free(&rep);
    /* Forged: the body says more than the manifest. */
    json_object_set_new(rec, "body", json_string("Nari called Kim Chol-jin at [PHONE-1]."));
    assert_int_equal(manifest_audit(&rep, header, recs, "2026-11-23", 3, &e), 0);
    assert_int_equal(check(&rep, "consistency")->level, AUDIT_FAIL);
    assert_int_equal(check(&rep, "residual-terms")->level, AUDIT_FAIL);
    audit_report_free(&rep);
    json_decref(header);
    json_decref(recs);
    digestset_free(&ds);
}

static void test_manifest_refuses(void **state)
{
    static const char *const swaps[][2] = {
        { "\"category\":\"place\"", "\"category\":\"plaice\"" },
        { "\"rule\":\"exact\"", "\"rule\":\"guess\"" },
        { "\"length\":9", "\"length\":-9" },
        { "\"field\":\"place\"", "\"field\":\"note\"" },
        { "\"tag:1\"", "\"tag:01\"" },
        { "\"tag:1\"", "\"tag:99\"" },
        { "\"export\":true", "\"export\":1" },
        { "\"id\":\"r1\"", "\"id\":\"\\u00e9\"" },
        { "\"kind\":\"title-name\"", "\"kind\":7" },
        { "\"tags\":[", "\"tags\":[7," },
    };
    struct audit_record r;
    json_error_t je;
    struct err e;

    (void)state;
    for (size_t i = 0; i < sizeof swaps / sizeof swaps[0]; i++) {
        char buf[2048];
        const char *p = strstr(rec_json, swaps[i][0]);
        json_t *doc;
        assert_non_null(p);
        snprintf(buf, sizeof buf, "%.*s%s%s", (int)(p - rec_json), rec_json, swaps[i][1],
                 p + strlen(swaps[i][0]));
        doc = json_loads(buf, 0, &je);
        assert_non_null(doc);
        assert_int_equal(manifest_read_record(&r, doc, &e), -1);
        assert_int_equal(e.code, EXIT_INPUT);
        manifest_record_free(&r);
        json_decref(doc);
    }
    {
        struct manifest_header h;
        json_t *doc = json_loads("{\"log_head\":null}", 0, &je);
        assert_int_equal(manifest_read_header(&h, doc, &e), -1);
        manifest_header_free(&h);
        json_decref(doc);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_digestset_finds_terms_and_variants),
        cmocka_unit_test(test_digestset_key),
        cmocka_unit_test(test_digestset_reads_as_redactor),
        cmocka_unit_test(test_digestset_words_seen_asks_late),
        cmocka_unit_test(test_digestset_words_seen_same_verdicts),
        cmocka_unit_test(test_digestset_vector),
        cmocka_unit_test(test_gazetteer),
        cmocka_unit_test(test_clean_records_pass),
        cmocka_unit_test(test_protected_term_fails),
        cmocka_unit_test(test_visual_order_fails),
        cmocka_unit_test(test_glued_id_fails),
        cmocka_unit_test(test_issue12_shapes_fail),
        cmocka_unit_test(test_glued_ip_and_phone_fail),
        cmocka_unit_test(test_allowed_phone_fails),
        cmocka_unit_test(test_allowed_name_warns),
        cmocka_unit_test(test_unique_place_month_warns),
        cmocka_unit_test(test_manifest_disagrees_with_text),
        cmocka_unit_test(test_render_json),
        cmocka_unit_test(test_reason_english_and_shown),
        cmocka_unit_test(test_first_fail_hides_words),
        cmocka_unit_test(test_manifest_round_trip),
        cmocka_unit_test(test_manifest_refuses),
    };
    if (sodium_init() < 0)
        return 1;
    json_set_alloc_funcs(secmem_wipe_malloc, secmem_wipe_free);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
