/* privacy/digestset: one entry per form with its rule byte, sorting and
 * deduplicating, and the exact spans a scan reports by the redactor's hit
 * rules (word forms, stems followed by a particle or case ending, forms
 * that count only with a capital, person names in handles and glued to a
 * number, short keys never across a space, names that are also words
 * flagged where no context marks a name). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/digestset.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/variants.h"

static void init(struct digestset *ds)
{
    unsigned char key[DIGESTSET_KEYBYTES];

    for (size_t i = 0; i < sizeof key; i++)
        key[i] = (unsigned char)(i * 7);
    digestset_init_key(ds, key);
}

/* Adds the key of text (normalise.h) as a form with these rules. */
static void add_rules(struct digestset *ds, const char *text, int suffix, int capital,
                      int person, int kind)
{
    struct redact_form f = { (unsigned char)suffix, (unsigned char)capital,
                             (unsigned char)person, (unsigned char)kind, 0, 0 };
    char *key;
    size_t keylen;
    struct err e;

    assert_int_equal(normalise_key(&key, &keylen, text, strlen(text), &e), 0);
    assert_int_equal(digestset_add_form(ds, key, keylen, redact_form_byte(&f), &e), 0);
    secmem_free(key);
}

static void add(struct digestset *ds, const char *text, int suffix)
{
    add_rules(ds, text, suffix, 0, 0, FORM_REPLACE);
}

struct hits {
    char out[512];
    size_t len;
    const char *text;
    int rc;                     /* what the callback returns */
};

static int on_hit(void *ctx, size_t start, size_t end, const char *flag, struct err *e)
{
    struct hits *h = ctx;

    (void)e;
    h->len += (size_t)snprintf(h->out + h->len, sizeof h->out - h->len, "%s%zu-%zu:%.*s%s%s",
                               h->len ? "|" : "", start, end, (int)(end - start), h->text + start,
                               flag ? " " : "", flag ? flag : "");
    return h->rc;
}

/* The hits of scanning text, as "start-end:text|...". */
static const char *scan(const struct digestset *ds, const char *text)
{
    static struct hits h;
    struct err e;

    memset(&h, 0, sizeof h);
    h.text = text;
    assert_int_equal(digestset_scan(ds, text, strlen(text), on_hit, &h, &e), 0);
    return h.out;
}

/* Each form gives one entry: its digest and its rule byte. */
static void test_entries_per_form(void **state)
{
    struct digestset ds;
    struct redact_form f;

    (void)state;
    init(&ds);
    add(&ds, "Kim Chol-jin", SUFFIX_NONE);
    assert_int_equal(ds.n, 1);
    add(&ds, "박영수", SUFFIX_KO);
    add(&ds, "Бурмаа", SUFFIX_MN);
    add(&ds, "Бат-Эрдэн", SUFFIX_MN_STEM);
    add_rules(&ds, "Bold", SUFFIX_NONE, 1, 1, FORM_WORD);
    assert_int_equal(ds.n, 5);
    assert_int_equal(ds.d[4 * DIGESTSET_ENTRY + DIGESTSET_BYTES], 0x04 | 0x08 | 0x20);
    digestset_finish(&ds);
    assert_int_equal(ds.n, 5);
    /* The rule byte: bits 0-1 suffix, 2 capital, 3 person, 4-6 kind, 7
     * the short-form mark (kind 0) or the generated mark (kinds 1-3). */
    assert_int_equal(redact_form_of_byte(&f, 0x2f), 0);
    assert_int_equal(f.suffix, SUFFIX_MN_STEM);
    assert_true(f.capital && f.person && f.kind == FORM_WORD && !f.generated);
    assert_int_equal(redact_form_of_byte(&f, 0x30), 0);
    assert_true(f.kind == FORM_COMMON);
    assert_int_equal(redact_form_of_byte(&f, 0xa9), 0);
    assert_true(f.kind == FORM_WORD && f.generated && !f.shortform && f.person &&
                f.suffix == SUFFIX_KO);
    assert_int_equal(redact_form_byte(&f), 0xa9);
    assert_int_equal(redact_form_of_byte(&f, 0x90), 0);
    assert_true(f.kind == FORM_SHORT && f.generated);
    assert_int_equal(redact_form_byte(&f), 0x90);
    assert_int_equal(redact_form_of_byte(&f, 0x40), 0);
    assert_true(f.kind == FORM_CONTEXT && !f.shortform && !f.generated);
    assert_int_equal(redact_form_of_byte(&f, 0x8c), 0);
    assert_true(f.shortform && !f.generated && f.capital && f.person && f.kind == FORM_REPLACE);
    assert_int_equal(redact_form_byte(&f), 0x8c);
    assert_int_equal(redact_form_of_byte(&f, 0xc0), -1);
    assert_int_equal(redact_form_of_byte(&f, 0x50), -1);
    assert_int_equal(redact_form_of_byte(&f, 0x70), -1);
    assert_int_equal(redact_form_of_byte(&f, 0xff), -1);
    /* A form of kind 0 writes no generated mark, kind 4 no mark at all. */
    f.kind = FORM_REPLACE, f.generated = 1, f.shortform = 0;
    assert_int_equal(redact_form_byte(&f) & 0x80, 0);
    f.kind = FORM_CONTEXT, f.generated = 1, f.shortform = 1;
    assert_int_equal(redact_form_byte(&f) & 0x80, 0);
    digestset_free(&ds);
    assert_null(ds.d);
    assert_int_equal(ds.n, 0);
}

/* An entry read from a manifest with a rule byte no form has is refused. */
static void test_add_entry(void **state)
{
    struct digestset ds;
    unsigned char entry[DIGESTSET_ENTRY] = { 0 };
    struct err e;

    (void)state;
    init(&ds);
    assert_int_equal(digestset_add_entry(&ds, entry, &e), 0);
    entry[DIGESTSET_BYTES] = 0x50;                     /* kind 5: none */
    assert_int_equal(digestset_add_entry(&ds, entry, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(ds.n, 1);
    digestset_free(&ds);
}

/* finish sorts the entries and keeps one of each. */
static void test_finish_sorts_and_dedups(void **state)
{
    struct digestset ds;

    (void)state;
    init(&ds);
    add(&ds, "Kim Chol-jin", SUFFIX_NONE);
    add(&ds, "Pak Yong-su", SUFFIX_NONE);
    add(&ds, "KIM CHOL JIN", SUFFIX_NONE);      /* the same key */
    add(&ds, "Ri", SUFFIX_NONE);
    add(&ds, "Pak Yong-su", SUFFIX_NONE);
    add(&ds, "Pak Yong-su", SUFFIX_KO);         /* the same key, other rules */
    assert_int_equal(ds.n, 6);
    digestset_finish(&ds);
    assert_int_equal(ds.n, 4);
    for (size_t i = 1; i < ds.n; i++)
        assert_true(memcmp(ds.d + (i - 1) * DIGESTSET_ENTRY, ds.d + i * DIGESTSET_ENTRY,
                           DIGESTSET_ENTRY) < 0);
    digestset_free(&ds);
}

/* Spans are in the original text (bytes); a form matches whole words
 * only, across separators; a stem only with an ending after it. */
static void test_scan_spans(void **state)
{
    struct digestset ds;

    (void)state;
    init(&ds);
    add(&ds, "Kim Chol-jin", SUFFIX_NONE);
    add(&ds, "박영수", SUFFIX_KO);
    add(&ds, "Бат-Эрдэн", SUFFIX_MN_STEM);
    digestset_finish(&ds);
    assert_string_equal(scan(&ds, "Then KIM Chol jin met 박영수는 there."),
                        "5-17:KIM Chol jin|22-31:박영수");
    assert_string_equal(scan(&ds, "박영수"), "0-9:박영수");
    assert_string_equal(scan(&ds, "Бат-Эрдэнийн ах"), "0-23:Бат-Эрдэнийн");
    /* A stem alone, a name inside a longer word, a particle that is none. */
    assert_string_equal(scan(&ds, "Бат-Эрдэн"), "");
    assert_string_equal(scan(&ds, "Kimcholjinsky"), "");
    assert_string_equal(scan(&ds, "박영수수"), "");
    digestset_free(&ds);
}

/* The redactor's hit rules (issue 13): what it rightly leaves is no hit. */
static void test_scan_hit_rules(void **state)
{
    struct digestset ds;

    (void)state;
    init(&ds);
    add_rules(&ds, "Ina", SUFFIX_NONE, 0, 1, FORM_REPLACE);          /* 김인아's given name */
    add_rules(&ds, "Bold", SUFFIX_NONE, 1, 1, FORM_WORD);           /* of Bold Dorj */
    add_rules(&ds, "Mark", SUFFIX_NONE, 1, 1, FORM_REPLACE);        /* of Mark Hill */
    add_rules(&ds, "종수", SUFFIX_KO, 0, 1, FORM_REPLACE);
    add_rules(&ds, "나라", SUFFIX_KO, 0, 1, FORM_WORD);
    add_rules(&ds, "kimjongsu", SUFFIX_NONE, 0, 1, FORM_REPLACE);
    add_rules(&ds, "Алтаа", SUFFIX_MN, 1, 1, FORM_SHORT);
    digestset_finish(&ds);
    /* A short key never across a space; a capital form not in lower case. */
    assert_string_equal(scan(&ds, "He worked in a factory."), "");
    assert_string_equal(scan(&ds, "Ina came."), "0-3:Ina");
    assert_string_equal(scan(&ds, "a bold decision, hit the mark"), "");
    assert_string_equal(scan(&ds, "then Mark came"), "5-9:Mark");
    /* A name that is also a word: flagged unless the context marks a name. */
    assert_string_equal(scan(&ds, "Bold decisions. Then Bold came."),
                        "0-4:Bold name-or-word|21-25:Bold");
    assert_string_equal(scan(&ds, "우리 나라는 작다. 나라씨가 왔다."),
                        "7-13:나라 name-or-word|25-31:나라");
    /* A person's name glued to a number or inside a handle. */
    assert_string_equal(scan(&ds, "종수1234567 계좌"), "0-13:종수1234567");
    assert_string_equal(scan(&ds, "write to @xkimjongsu75 now"), "9-22:@xkimjongsu75");
    /* A short form: a review flag, but for a person's context (a verb only
     * a person does after it: privacy/redact_mnshort.c, brief s43 short43). */
    assert_string_equal(scan(&ds, "Алтаа."), "0-10:Алтаа short-name");
    assert_string_equal(scan(&ds, "Алтаа ирсэн"), "0-10:Алтаа");
    digestset_free(&ds);
}

/* A form with a digit is a hit wherever it is a run not continued by a
 * digit (docs/VARIANTS.md, "Forms with a digit"), glued to letters or not:
 * the audit sees what the redactor replaces (report-adv13 1). */
static void test_scan_glued_runs(void **state)
{
    struct digestset ds;

    (void)state;
    init(&ds);
    add(&ds, "M1234567", SUFFIX_NONE);
    add(&ds, "1234567", SUFFIX_NONE);
    digestset_finish(&ds);
    assert_string_equal(scan(&ds, "M1234567x"), "0-8:M1234567|1-8:1234567");
    assert_string_equal(scan(&ds, "as M1234567Kim"), "3-11:M1234567|4-11:1234567");
    assert_string_equal(scan(&ds, "ID1234567 now"), "2-9:1234567");
    assert_string_equal(scan(&ds, "xM1234567"), "1-9:M1234567|2-9:1234567");
    assert_string_equal(scan(&ds, "1M1234567ab"), "1-9:M1234567|2-9:1234567");
    assert_string_equal(scan(&ds, "ab1234567cd12"), "2-9:1234567");
    /* Longer numbers hold no run of the form. */
    assert_string_equal(scan(&ds, "M12345678 and 11234567x, 12345678"), "");
    digestset_free(&ds);
}

/* A term of any category glued to digits before or after it, in lower
 * case ("daewoo75", "75daewoo", "kimjs.daewoo75"): the audit reads the
 * letters of a letter+digit token as the redactor does (report-adv16a
 * A-9); letters glued before it are no hit of a term (a word inside a
 * word), nor is a shorter name in a longer number-glued word. */
static void test_scan_term_glued_digits(void **state)
{
    struct digestset ds;

    (void)state;
    init(&ds);
    add(&ds, "Daewoo", SUFFIX_NONE);
    add(&ds, "Hanwha", SUFFIX_NONE);
    add_rules(&ds, "Chongjin", SUFFIX_EU, 0, 0, FORM_REPLACE);
    digestset_finish(&ds);
    assert_string_equal(scan(&ds, "He wrote daewoo75 there."), "9-17:daewoo75");
    assert_string_equal(scan(&ds, "He wrote 75daewoo there."), "9-17:75daewoo");
    assert_string_equal(scan(&ds, "kimjs.daewoo75 and 2019hanwha88"),
                        "6-14:daewoo75|19-31:2019hanwha88");
    assert_string_equal(scan(&ds, "88chongjin, chongjin1"), "0-10:88chongjin|12-21:chongjin1");
    assert_string_equal(scan(&ds, "xdaewoo and daewoos7"), "");
    digestset_free(&ds);
}

/* An empty set or text finds nothing; bad text and a failing callback
 * fail the scan. */
static int count_hit(void *ctx, size_t start, size_t end, const char *flag, struct err *e)
{
    (void)start, (void)end, (void)flag, (void)e;
    ++*(size_t *)ctx;
    return 0;
}

/* The index and the memo of keys looked up (digestset_finish) never lose
 * a form: each of 9,000 forms is found in a text, again on a second scan
 * (from the memo), and after the memo was cleared (over 4,096 keys looked
 * up); words of no form are found nowhere. */
static void test_index_and_memo_find_every_form(void **state)
{
    static const char letters[] = "bcdfghjklmnpqrstvwxz";
    enum { NFORMS = 9000 };
    static char text[NFORMS * 6 + 1], other[NFORMS * 6 + 1];
    struct digestset ds;
    struct hits h;
    struct err e;
    size_t at = 0, ot = 0;

    (void)state;
    init(&ds);
    for (unsigned i = 0; i < NFORMS; i++) {
        char w[6] = { letters[i % 20], letters[i / 20 % 20], letters[i / 400 % 20], 'a',
                      letters[i / 8000 % 20], '\0' };
        add(&ds, w, SUFFIX_NONE);
        at += (size_t)sprintf(text + at, "%s ", w);
        w[3] = 'o';             /* a word of no form */
        ot += (size_t)sprintf(other + ot, "%s ", w);
    }
    digestset_finish(&ds);
    assert_int_equal(ds.n, NFORMS);
    assert_non_null(ds.index);
    for (int round = 0; round < 3; round++) {
        size_t found = 0;
        for (const char *p = text; *p != '\0'; p += 6) {
            memset(&h, 0, sizeof h);
            h.text = p;
            assert_int_equal(digestset_scan(&ds, p, 6, on_hit, &h, &e), 0);
            found += h.len > 0;
        }
        assert_int_equal(found, NFORMS);
        memset(&h, 0, sizeof h);
        h.text = other;
        assert_int_equal(digestset_scan(&ds, other, ot, on_hit, &h, &e), 0);
        assert_string_equal(h.out, "");
        /* The whole text at once: 4 windows a word, the memo cleared. */
        found = 0;
        assert_int_equal(digestset_scan(&ds, text, at, count_hit, &found, &e), 0);
        assert_int_equal(found, NFORMS);
    }
    /* A form added after finishing drops the index until finished again. */
    add(&ds, "zzzaz", SUFFIX_NONE);
    assert_null(ds.index);
    digestset_finish(&ds);
    assert_non_null(ds.index);
    memset(&h, 0, sizeof h);
    h.text = "zzzaz";
    assert_int_equal(digestset_scan(&ds, "zzzaz", 5, on_hit, &h, &e), 0);
    assert_true(h.len > 0);
    digestset_free(&ds);
}

/* The memo's hash of a window is made of its tokens' hashes: the same
 * words in another order, another window of the same tokens, a stem of
 * the last token and a word met again must each be found, or not, as the
 * first time (the memo answers the second and third rounds). */
static void test_memo_window_hashes(void **state)
{
    static const char text[] = "Kim Jong Su met jong su kim; su kim jong, kim jong. "
                               "박영수가 왔다, 박영수 영수 박. Бат-Эрдэнийн ах.";
    static const char want[] = "0-11:Kim Jong Su|16-27:jong su kim|52-61:박영수|73-82:박영수|"
                               "95-118:Бат-Эрдэнийн";
    struct digestset ds;

    (void)state;
    init(&ds);
    add(&ds, "Kim Jong Su", SUFFIX_NONE);
    add(&ds, "Jong Su Kim", SUFFIX_NONE);
    add(&ds, "박영수", SUFFIX_KO);
    add(&ds, "Бат-Эрдэн", SUFFIX_MN_STEM);
    digestset_finish(&ds);
    assert_non_null(ds.memo);
    for (int round = 0; round < 3; round++)
        assert_string_equal(scan(&ds, text), want);
    digestset_free(&ds);
}

static void test_scan_errors(void **state)
{
    struct digestset ds;
    struct hits h;
    struct err e;

    (void)state;
    init(&ds);
    digestset_finish(&ds);
    assert_string_equal(scan(&ds, "Kim Chol-jin"), "");
    add(&ds, "Kim Chol-jin", SUFFIX_NONE);
    digestset_finish(&ds);
    assert_string_equal(scan(&ds, ""), "");
    memset(&h, 0, sizeof h);
    assert_int_equal(digestset_scan(&ds, "Kim\xff", 4, on_hit, &h, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    h.text = "so Kim Chol-jin said", h.rc = -1;
    assert_int_equal(digestset_scan(&ds, h.text, strlen(h.text), on_hit, &h, &e), -1);
    assert_string_equal(h.out, "3-15:Kim Chol-jin");
    digestset_free(&ds);
}

/* The filter (docs/FORMAT.md, "Digest set filter"): made with the forms,
 * of digestset_filter_bytes(n) bytes, at most 4 bits a form; a key it does
 * not hold is no form without its digest (an empty filter hides every
 * form, so the scan does consult it); a set read from a manifest's entries
 * makes none and takes the writer's; the vector of FORMAT.md. */
static void test_filter(void **state)
{
    static const char text[] = "so Kim Chol-jin said";
    unsigned char zero[DIGESTSET_FILTER_MIN] = { 0 }, key[DIGESTSET_KEYBYTES];
    struct digestset ds, rd;
    size_t bits = 0;
    char hex[2 * DIGESTSET_FILTER_KEYBYTES + 1];
    struct err e;

    (void)state;
    assert_int_equal(digestset_filter_bytes(0), DIGESTSET_FILTER_MIN);
    assert_int_equal(digestset_filter_bytes(4), 8);
    assert_int_equal(digestset_filter_bytes(5), 16);
    assert_int_equal(digestset_filter_bytes(1000), 2048);
    init(&ds);
    add(&ds, "Kim Chol-jin", SUFFIX_NONE);
    add(&ds, "Chol-jin", SUFFIX_NONE);
    digestset_finish(&ds);
    assert_non_null(ds.filter);
    assert_int_equal(ds.filterlen, digestset_filter_bytes(ds.n));
    for (size_t i = 0; i < ds.filterlen; i++)
        for (unsigned b = 0; b < 8; b++)
            bits += ds.filter[i] >> b & 1;
    assert_true(bits >= 1 && bits <= DIGESTSET_FILTER_PROBES * ds.n);
    assert_string_equal(scan(&ds, text), "7-15:Chol-jin|3-15:Kim Chol-jin");
    /* The reader's set: the entries, then the filter. */
    init(&rd);
    for (size_t i = 0; i < ds.n; i++)
        assert_int_equal(digestset_add_entry(&rd, ds.d + i * DIGESTSET_ENTRY, &e), 0);
    digestset_finish(&rd);
    assert_null(rd.filter);
    assert_string_equal(scan(&rd, text), "7-15:Chol-jin|3-15:Kim Chol-jin");
    assert_int_equal(digestset_set_filter(&rd, zero, 4, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(digestset_set_filter(&rd, zero, sizeof zero, &e), 0);
    digestset_finish(&rd);       /* forgets what the scan remembered */
    assert_int_equal(digestset_set_filter(&rd, zero, sizeof zero, &e), 0);
    assert_string_equal(scan(&rd, text), "");
    digestset_finish(&rd);
    assert_int_equal(digestset_set_filter(&rd, ds.filter, ds.filterlen, &e), 0);
    assert_string_equal(scan(&rd, text), "7-15:Chol-jin|3-15:Kim Chol-jin");
    digestset_free(&rd);
    digestset_free(&ds);
    /* FORMAT.md's vector: key 00 01 .. 1f, the one form "kimcholjin". */
    for (size_t i = 0; i < sizeof key; i++)
        key[i] = (unsigned char)i;
    digestset_init_key(&ds, key);
    assert_int_equal(digestset_add_form(&ds, "kimcholjin", 10, 0x08, &e), 0);
    digestset_finish(&ds);
    sodium_bin2hex(hex, sizeof hex, ds.fkey, sizeof ds.fkey);   /* Python's hashlib.blake2b */
    assert_string_equal(hex, "1deb6444c52d7a324f45e3cef8592547");
    sodium_bin2hex(hex, sizeof hex, ds.filter, ds.filterlen);
    assert_string_equal(hex, "0000000004081020");
    digestset_free(&ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_entries_per_form),
        cmocka_unit_test(test_add_entry),
        cmocka_unit_test(test_finish_sorts_and_dedups),
        cmocka_unit_test(test_scan_spans),
        cmocka_unit_test(test_scan_hit_rules),
        cmocka_unit_test(test_scan_glued_runs),
        cmocka_unit_test(test_scan_term_glued_digits),
        cmocka_unit_test(test_index_and_memo_find_every_form),
        cmocka_unit_test(test_memo_window_hashes),
        cmocka_unit_test(test_scan_errors),
        cmocka_unit_test(test_filter),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
