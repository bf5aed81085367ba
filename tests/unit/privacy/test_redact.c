/* export/redact: names, variants, inflections, patterns and marks replaced
 * in the original text; the report; the re-scan; collisions. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "util/lexicon.h"

static struct redactor *fixture_uncompiled(void)
{
    struct redactor *r;
    struct err e;

    assert_int_equal(redactor_new(&r, &e), 0);
    assert_int_equal(redactor_add_subject(r, 1, "Ri Myong-hui", &e), 0);
    assert_int_equal(redactor_add_name(r, 1, "김종수", strlen("김종수"), &e), 0);
    assert_int_equal(redactor_add_name(r, 1, "Kim Jong-su", 11, &e), 0);
    assert_int_equal(redactor_add_subject(r, 2, "Gerelee", &e), 0);
    assert_int_equal(redactor_add_name(r, 2, "Бат-Эрдэнэ", strlen("Бат-Эрдэнэ"), &e), 0);
    assert_int_equal(redactor_add_term(r, TERM_PLACE, 0, "청진", strlen("청진"), &e), 0);
    assert_int_equal(redactor_add_term(r, TERM_PLACE, 0, "Ulaanbaatar", 11, &e), 0);
    assert_int_equal(redactor_add_term(r, TERM_EMPLOYER, 1, "Nam Gang Construction", 21, &e), 0);
    assert_int_equal(redactor_add_term(r, TERM_PERSON, 1, "Il", 2, &e), 0);
    assert_int_equal(redactor_allow(r, "Kim Chol-su", 11, &e), 0);
    return r;
}

static struct redactor *fixture(void)
{
    struct redactor *r = fixture_uncompiled();
    struct err e;

    assert_int_equal(redactor_compile(r, &e), 0);
    return r;
}

static void expect(const char *in, const char *want)
{
    struct redactor *r = fixture();
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;

    assert_non_null(ctx);
    if (redactor_run(&out, r, ctx, in, strlen(in), &e) != 0)
        fail_msg("%s", e.msg);
    assert_string_equal(out.text, want);
    assert_int_equal(out.len, strlen(want));
    redaction_free(&out);
    redact_ctx_free(ctx);
    redactor_free(r);
}

/* The redaction of in by r, with its items, as one string (malloc'd). */
static char *run_all(const struct redactor *r, const char *in)
{
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;
    char *all, *p;
    size_t i;

    if (redactor_run(&out, r, ctx, in, strlen(in), &e) != 0)
        fail_msg("%s", e.msg);
    all = malloc(out.len + 64 * (out.nitems + 1));
    assert_non_null(all);
    p = all + sprintf(all, "%s", out.text);
    for (i = 0; i < out.nitems; i++)
        p += sprintf(p, "|%zu+%zu %s %s", out.items[i].start, out.items[i].len,
                     out.items[i].category, out.items[i].rule);
    redaction_free(&out);
    redact_ctx_free(ctx);
    return all;
}

/* A serialised matcher (the store's cache) loaded into a redactor with the
 * same digest redacts exactly as the compiled one; bytes that are no
 * matcher are refused and leave the redactor to compile. */
static void test_serialised_matcher(void **state)
{
    const char *in = "김종수는 Jung-su Kim, Бат-Эрдэнийн, from 청진 to Ulaanbaatar-д, Nam Gang Construction";
    unsigned char d1[REDACT_DIGEST_BYTES], d2[REDACT_DIGEST_BYTES];
    struct redactor *r1 = fixture(), *r2 = fixture_uncompiled(), *r3;
    char *bytes, *a, *b;
    size_t len;
    struct err e;

    (void)state;
    assert_int_equal(redactor_serialise(&bytes, &len, r1, &e), 0);
    assert_non_null(bytes);
    redactor_digest(d1, r1);
    redactor_digest(d2, r2);
    assert_memory_equal(d1, d2, sizeof d1);
    assert_int_equal(redactor_compile_from(r2, bytes, len, &e), 0);
    assert_int_equal(redactor_compile_from(r2, bytes, len, &e), -1);
    a = run_all(r1, in), b = run_all(r2, in);
    assert_string_equal(a, b);
    assert_non_null(strstr(a, "[PLACE-1]"));
    free(a), free(b);
    assert_int_equal(redactor_check(r2, "from Chongjin", 13, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);

    r3 = fixture_uncompiled();
    assert_int_equal(redactor_compile_from(r3, bytes, len / 2, &e), -1);
    assert_int_equal(redactor_compile_from(r3, "not a matcher", 13, &e), -1);
    assert_int_equal(redactor_compile(r3, &e), 0);
    a = run_all(r3, in);
    b = run_all(r1, in);
    assert_string_equal(a, b);
    free(a), free(b);
    redactor_free(r3);

    /* One more term: another digest.  Nothing protected: no matcher. */
    r3 = fixture_uncompiled();
    assert_int_equal(redactor_add_term(r3, TERM_PLACE, 0, "Hamhung", 7, &e), 0);
    redactor_digest(d2, r3);
    assert_memory_not_equal(d1, d2, sizeof d1);
    redactor_free(r3);
    assert_int_equal(redactor_new(&r3, &e), 0);
    assert_int_equal(redactor_compile(r3, &e), 0);
    secmem_wipe_free(bytes);
    assert_int_equal(redactor_serialise(&bytes, &len, r3, &e), 0);
    assert_null(bytes);
    redactor_free(r3);
    redactor_free(r1);
    redactor_free(r2);
}

static void test_issue_example(void **state)
{
    (void)state;
    expect("김종수는 Jung-su Kim, called Jong-su, phoned +82 10-2000-0000 from 청진",
           "Ri Myong-hui는 Ri Myong-hui, called Ri Myong-hui, phoned [PHONE-1] from [PLACE-1]");
}

static void test_spellings(void **state)
{
    (void)state;
    expect("KIM  JONG\xe2\x80\x90SU and Chŏng-su and Kimjongsu",
           "Ri Myong-hui and Ri Myong-hui and Ri Myong-hui");
    expect("김 종수씨는, 종수의 집", "Ri Myong-hui씨는, Ri Myong-hui의 집");
    expect("BAT ERDENE, Baterdene, Bat-erdene", "Gerelee, Gerelee, Gerelee");
    expect("Бат-Эрдэнийн ах, Бат-Эрдэнэд, Бат-Эрдэнэтэй, Bat-Erdeniin",
           "Gerelee ах, Gerelee, Gerelee, Gerelee");
    expect("nam gang construction in ULAANBAATAR; Ulanbaatar",
           "[EMPLOYER-1] in [PLACE-1]; [PLACE-1]");
}

static void test_negatives(void **state)
{
    (void)state;
    expect("Il came. The illness will kill till April; oil, fil, Illinois.",
           "[PERSON-1] came. The illness will kill till April; oil, fil, Illinois.");
    /* A hyphen separates words: a protected "Il" is cut out of a compound
     * (over-redaction is the safe side), with the Korean surname before
     * it (report-adv12d F2: a surname left beside a replaced name). */
    expect("Kim Il-sung", "[PERSON-1]-sung");
    expect("The batter and the erdene-like jongsuk went to Kimchi Bar.",
           "The batter and the erdene-like jongsuk went to Kimchi Bar.");
    expect("종수민 is not a name here, nor 김종수민", "종수민 is not a name here, nor 김종수민");
}

/* Found by fuzzing: a term glued to a replaced span must go too, or the
 * replacement exposes it to the re-scan. */
static void test_glued_to_replacement(void **state)
{
    (void)state;
    expect("m@x.ng청진", "[EMAIL-1][PLACE-1]");
    expect("[[a]]청진 and [[b]]Ulaanbaatar", "[REDACTED-1][PLACE-1] and [REDACTED-2][PLACE-2]");
    /* A change of script is a word boundary ("Ulaanbaatar에서": + particle). */
    expect("Jong청진", "Jong[PLACE-1]");
    expect("Ulaanbaatar에서 010-2000-4928입니다", "[PLACE-1]에서 [PHONE-1]입니다");
    /* 청진 + 시 + 청: the city hall of the registered 청진 (report-adv24
     * an administrative syllable between the place and an office
     * noun; it stayed whole before session 25). */
    expect("청진시청", "[PLACE-1]시청");
}

/* Issue 14, item 7 (found by fuzzing): a replaced span takes the whole
 * last sequence, marks included ("6::" + U+0301 is an IP address and its
 * mark); a term glued to that mark was refused by the first scan and then
 * stood alone after the placeholder, so the re-scan stopped the export.
 * The hit next to replaced marks is replaced too, whatever made the span
 * (detector, manual mark) and whichever the term. */
static void test_glued_to_replaced_marks(void **state)
{
    (void)state;
    expect("2001:db8::6\xcc\x81Ulaanbaatar", "[IP-1][PLACE-1]");
    expect("2001:db8::6\xcc\x81\xcc\x81Ulaanbaatar.", "[IP-1][PLACE-1].");
    expect("[[x]]\xcc\x81Ulaanbaatar", "[REDACTED-1][PLACE-1]");
    expect("[[x]]\xcc\x81\xea\xb9\x80\xec\xa2\x85\xec\x88\x98", "[REDACTED-1]Ri Myong-hui");
    /* Not glued: the mark is the placeholder's, the space keeps the word apart. */
    expect("2001:db8::6\xcc\x81 Ulaanbaatar", "[IP-1] [PLACE-1]");
    /* A word one edit from the place's Latin name (a mark and a letter
     * glued on) is a near name of the place since session 22 (brief s22
     * short22, report-adv21 A-16), and its spelling holds the place:
     * replaced as a near name with a protected spelling is (nearfix). */
    expect("Ulaanbaatar\xcc\x81x", "[PLACE-1]");
}

/* A record's place or tag: a user-name shape is a review flag of kind
 * "handle" (redactor_run_field; report-adv19b B-16, brief s21 addr21);
 * the same text through redactor_run raises none, and a field without
 * such a shape none either. */
static void test_field_handle_flag(void **state)
{
    struct redactor *r = fixture();
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction a, b, c;
    struct err e;
    const char *tag = "seawolf75", *plain = "interview";

    (void)state;
    assert_int_equal(redactor_run_field(&a, r, ctx, tag, strlen(tag), &e), 0);
    assert_string_equal(a.text, "seawolf75");
    assert_int_equal(a.nflags, 1);
    assert_string_equal(a.flags[0].kind, "handle");
    assert_int_equal(a.flags[0].start, 0);
    assert_int_equal(a.flags[0].len, 9);
    assert_int_equal(redactor_run(&b, r, ctx, tag, strlen(tag), &e), 0);
    assert_int_equal(b.nflags, 0);
    assert_int_equal(redactor_run_field(&c, r, ctx, plain, strlen(plain), &e), 0);
    assert_int_equal(c.nflags, 0);
    redaction_free(&a);
    redaction_free(&b);
    redaction_free(&c);
    redact_ctx_free(ctx);
    redactor_free(r);
}

static void test_numbering_across_texts(void **state)
{
    struct redactor *r = fixture();
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction a, b;
    struct err e;
    const char *t1 = "From 청진 to Ulaanbaatar", *t2 = "Ulaanbaatar, then Chongjin? no: 청진.";

    (void)state;
    assert_int_equal(redactor_run(&a, r, ctx, t1, strlen(t1), &e), 0);
    assert_string_equal(a.text, "From [PLACE-1] to [PLACE-2]");
    assert_int_equal(redactor_run(&b, r, ctx, t2, strlen(t2), &e), 0);
    assert_string_equal(b.text, "[PLACE-2], then [PLACE-1]? no: [PLACE-1].");
    redaction_free(&a);
    redaction_free(&b);
    redact_ctx_free(ctx);
    redactor_free(r);
}

static void test_report(void **state)
{
    struct redactor *r = fixture();
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;
    const char *in = "Jong-su met [[the brother]] at a@b.org; Бат-Эрдэнийн. Mr Smith.";

    (void)state;
    assert_int_equal(redactor_run(&out, r, ctx, in, strlen(in), &e), 0);
    assert_string_equal(out.text, "Ri Myong-hui met [REDACTED-1] at [EMAIL-1]; Gerelee. Mr Smith.");
    assert_int_equal(out.nitems, 4);
    assert_int_equal(out.items[0].start, 0);
    assert_int_equal(out.items[0].len, 12);
    assert_string_equal(out.items[0].category, "pseudonym");
    assert_string_equal(out.items[0].rule, "variant");   /* given name alone */
    assert_int_equal(out.items[1].start, 17);
    assert_string_equal(out.items[1].category, "redacted");
    assert_string_equal(out.items[1].rule, "manual");
    assert_string_equal(out.items[2].category, "email");
    assert_string_equal(out.items[2].rule, "pattern");
    assert_string_equal(out.items[3].rule, "inflection");
    assert_int_equal(out.nflags, 1);
    assert_string_equal(out.flags[0].kind, "title-name");
    assert_memory_equal(out.text + out.flags[0].start, "Mr Smith", out.flags[0].len);
    assert_int_equal(out.flags[0].allowed, 0);
    redaction_free(&out);
    redact_ctx_free(ctx);
    redactor_free(r);
}

/* A Korean title after a Hangul word flags the word before it. */
static void test_korean_title_flag(void **state)
{
    struct redactor *r = fixture();
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;
    const char *in = "어제 영호 동지 왔다. 미영 선생님 왔다. 철수 동지가 왔다.";

    (void)state;
    assert_int_equal(redactor_run(&out, r, ctx, in, strlen(in), &e), 0);
    assert_true(out.nflags >= 2);      /* 선생님 itself also looks like a name */
    assert_string_equal(out.flags[0].kind, "title-name");
    assert_memory_equal(out.text + out.flags[0].start, "영호", out.flags[0].len);
    assert_string_equal(out.flags[1].kind, "title-name");
    assert_memory_equal(out.text + out.flags[1].start, "미영", out.flags[1].len);
    redaction_free(&out);
    redact_ctx_free(ctx);
    redactor_free(r);
}

static void test_flags_and_allowed(void **state)
{
    struct redactor *r = fixture();
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;
    const char *in = "Choe Myong-nam saw Kim Chol-su and Болд Дорж, 박철호는 왔다.";

    (void)state;
    assert_int_equal(redactor_run(&out, r, ctx, in, strlen(in), &e), 0);
    assert_string_equal(out.text, in);
    assert_int_equal(out.nflags, 4);
    assert_string_equal(out.flags[0].kind, "korean-name");
    assert_memory_equal(out.text + out.flags[0].start, "Choe Myong-nam", out.flags[0].len);
    assert_int_equal(out.flags[0].allowed, 0);
    assert_memory_equal(out.text + out.flags[1].start, "Kim Chol-su", out.flags[1].len);
    assert_int_equal(out.flags[1].allowed, 1);
    assert_string_equal(out.flags[2].kind, "cyrillic-name");
    assert_string_equal(out.flags[3].kind, "korean-name");
    assert_memory_equal(out.text + out.flags[3].start, "박철호", out.flags[3].len);
    redaction_free(&out);
    redact_ctx_free(ctx);
    redactor_free(r);
}

static void test_rescan_fires(void **state)
{
    struct redactor *r = fixture();
    struct err e;

    (void)state;
    assert_int_equal(redactor_check(r, "nothing here", 12, &e), 0);
    assert_int_equal(redactor_check(r, "he is Chong-su", 14, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_non_null(strstr(e.msg, "this is a bug"));
    assert_int_equal(redactor_check(r, "Бат-Эрдэнийн", strlen("Бат-Эрдэнийн"), &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    redactor_free(r);
}

static void test_pseudonym_leaking_is_caught(void **state)
{
    struct redactor *r;
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;

    (void)state;
    /* A pseudonym that is itself a protected spelling must never reach
     * the output: the re-scan stops it. */
    assert_int_equal(redactor_new(&r, &e), 0);
    assert_int_equal(redactor_add_subject(r, 1, "Jung-su", &e), 0);
    assert_int_equal(redactor_add_name(r, 1, "Jong-su", 7, &e), 0);
    assert_int_equal(redactor_compile(r, &e), 0);
    assert_int_equal(redactor_run(&out, r, ctx, "I met Jong-su.", 14, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_null(out.text);
    redact_ctx_free(ctx);
    redactor_free(r);
}

/* The re-scan looks only at windows around replacements (docs/VARIANTS.md,
 * "The re-scan"): a replacement that completes a protected name with its
 * neighbours must still be caught, however far the neighbour reaches. */
static struct redactor *completing(void)
{
    struct redactor *r;
    struct err e;

    assert_int_equal(redactor_new(&r, &e), 0);
    assert_int_equal(redactor_add_subject(r, 1, "Bat", &e), 0);
    assert_int_equal(redactor_add_name(r, 1, "Tulga", 5, &e), 0);
    assert_int_equal(redactor_add_subject(r, 2, "Zorig", &e), 0);
    assert_int_equal(redactor_add_name(r, 2, "Dorj", 4, &e), 0);
    assert_int_equal(redactor_add_subject(r, 3, "Saraa", &e), 0);
    assert_int_equal(redactor_add_name(r, 3, "Batzorig", 8, &e), 0);
    assert_int_equal(redactor_add_subject(r, 4, "Oyun", &e), 0);
    assert_int_equal(redactor_add_name(r, 4, "Ba Mark Zo", 10, &e), 0);
    assert_int_equal(redactor_add_subject(r, 5, "Ba", &e), 0);
    assert_int_equal(redactor_add_name(r, 5, "Enkh", 4, &e), 0);
    assert_int_equal(redactor_add_subject(r, 6, "Zo", &e), 0);
    assert_int_equal(redactor_add_name(r, 6, "Gan", 3, &e), 0);
    assert_int_equal(redactor_add_term(r, TERM_PLACE, 0, "Ulaanbaatar", 11, &e), 0);
    assert_int_equal(redactor_compile(r, &e), 0);
    return r;
}

/* 0 if in redacts cleanly, else the error code. */
static int run_code(struct redactor *r, const char *in, size_t len, char **text)
{
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;
    int rc;

    assert_non_null(ctx);
    rc = redactor_run(&out, r, ctx, in, len, &e) == 0 ? 0 : e.code;
    if (rc == 0 && text != NULL)
        *text = strdup(out.text);
    if (rc == 0)
        redaction_free(&out);
    else
        assert_null(out.text);
    redact_ctx_free(ctx);
    return rc;
}

/* run_code on in with plain text before (pre) and after (post) it, so the
 * windows are a small part of the text (no fall-back to the full re-scan). */
static int run_padded(struct redactor *r, const char *in, int pre, int post)
{
    static char buf[16384];
    size_t n = 0, i;

    for (i = 0; pre && i < 200; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "plain words here. ");
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", in);
    for (i = 0; post && i < 200; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, " more plain words.");
    assert_true(n < sizeof buf);
    return run_code(r, buf, n, NULL);
}

/* A name glued to a number (no boundary the first scan accepts) gets one
 * once the number is a placeholder: the re-scan replaces it in another
 * round instead of refusing the record (found by fuzz_redact). */
static void test_rescan_new_boundary(void **state)
{
    struct redactor *r = fixture();
    const char *in = "0191-234-5678, 02-381-234Jung-su Kim";
    char *text = NULL;

    (void)state;
    assert_int_equal(run_code(r, in, strlen(in), &text), 0);
    assert_null(strstr(text, "Jung"));
    assert_null(strstr(text, "Kim"));
    free(text);
    redactor_free(r);
}

static void test_rescan_window_edges(void **state)
{
    struct redactor *r = completing();
    char buf[4096], *text = NULL;
    size_t n, i;

    (void)state;
    /* Sanity: alone, each is replaced and nothing leaks. */
    assert_int_equal(run_code(r, "Tulga met Enkh.", 15, &text), 0);
    assert_string_equal(text, "Bat met Ba.");
    free(text);
    /* A pseudonym that is a short form of another subject's name (Zorig of
     * Batzorig, not an ordinary word: replaced, issue 12) leaks it alone. */
    assert_int_equal(run_code(r, "Tulga met Dorj.", 15, NULL), EXIT_AUTH);
    /* The pseudonym completes the name with the text after it ... */
    assert_int_equal(run_padded(r, "I met Tulga-zorig.", 1, 1), EXIT_AUTH);
    /* ... with the text before it ... */
    assert_int_equal(run_padded(r, "I met bat-Dorj.", 1, 1), EXIT_AUTH);
    /* ... with another pseudonym (two replacements, one window) ... */
    assert_int_equal(run_padded(r, "Tulga-Dorj", 1, 1), EXIT_AUTH);
    /* ... across a whole word (lower case: a part of a name that is a word ("mark") needs a capital) ... */
    assert_int_equal(run_padded(r, "so Enkh mark zo said", 1, 1), EXIT_AUTH);
    assert_int_equal(run_padded(r, "so ba mark Gan said", 1, 1), EXIT_AUTH);
    assert_int_equal(run_padded(r, "so Enkh mark Gan said", 1, 1), EXIT_AUTH);
    assert_int_equal(run_code(r, "so Enkh mark said", 17, &text), 0);
    assert_string_equal(text, "so Ba mark said");
    free(text);
    /* ... at the very start and end of the text. */
    assert_int_equal(run_padded(r, "Tulga zorig", 0, 1), EXIT_AUTH);
    assert_int_equal(run_padded(r, "bat Dorj", 1, 0), EXIT_AUTH);
    /* Far apart in bytes, near in the key view: separators and soft
     * hyphens (removed by normalisation) do not count towards the window. */
    n = (size_t)snprintf(buf, sizeof buf, "long ago: Tulga");
    for (i = 0; i < 300; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, i % 3 ? " -" : "\xc2\xad");
    n += (size_t)snprintf(buf + n, sizeof buf - n, " zorig, and more words after it.");
    assert_int_equal(run_padded(r, buf, 1, 1), EXIT_AUTH);
    n = (size_t)snprintf(buf, sizeof buf, "Words before it, then bat");
    for (i = 0; i < 300; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, i % 3 ? "- " : "\xc2\xad");
    n += (size_t)snprintf(buf + n, sizeof buf - n, "Dorj and more.");
    assert_int_equal(run_padded(r, buf, 1, 1), EXIT_AUTH);
    /* A long run of text between replacements is not re-scanned but
     * cannot hide a leak next to either of them. */
    n = (size_t)snprintf(buf, sizeof buf, "Tulga ");
    for (i = 0; i < 200; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "plain words here ");
    n += (size_t)snprintf(buf + n, sizeof buf - n, "and Tulga zorig");
    assert_int_equal(run_code(r, buf, n, NULL), EXIT_AUTH);
    buf[n - 6] = '.';   /* "Tulga.zorig": '.' is in the key, no completion */
    assert_int_equal(run_code(r, buf, n, NULL), 0);
    redactor_free(r);
}

/* Whatever the windows skip, the whole output holds no protected term:
 * random texts built from pieces that complete names with pseudonyms,
 * separators, soft hyphens, marks and other scripts; every output that
 * passes the windowed re-scan passes the full one (redactor_check). */
static void test_rescan_windows_match_full(void **state)
{
    static const char *const piece[] = {
        "Tulga", "Dorj", "bat", "zorig", "Zorig", "Bat", " ", " ", "-", "'", ".",
        "\xc2\xad", "\xcc\x81", "\xea\xb9\x80", "\xec\x97\x90\xec\x84\x9c",
        "\xd0\x91\xd0\xb0\xd1\x82", "Ulaan", "baatar", "x", "plain words ", "Saraa",
        "[[", "]]", "\n", "ulaanbaatar",
        "Tulga-", "-zorig", "bat-", "-Dorj", "Tulga ", " zorig", "bat ", " Dorj", "Dorj-",
        " mark ", "mark", "Enkh mark ", " mark Gan", "Enkh", "Gan", "zo", "ba ",
    };
    struct redactor *r = completing();
    char buf[512], *text;
    unsigned seed = 12345;
    size_t n, k, i, npiece = sizeof piece / sizeof piece[0];
    int rc, fired = 0, clean = 0;
    struct err e;

    (void)state;
    for (i = 0; i < 3000; i++) {
        buf[0] = '\0', n = 0;
        for (k = 0; k < 4 + i % 24; k++) {
            seed = seed * 1103515245u + 12345u;
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", piece[(seed >> 16) % npiece]);
        }
        text = NULL;
        rc = run_code(r, buf, n, &text);
        if (rc == EXIT_AUTH) {
            fired++;
            continue;
        }
        assert_int_equal(rc, 0);
        clean++;
        if (redactor_check(r, text, strlen(text), &e) != 0)
            fail_msg("windowed re-scan missed a leak: [%s] -> [%s]", buf, text);
        free(text);
    }
    print_message("%d fired, %d clean\n", fired, clean);
    /* Both outcomes happen: the test exercises the net. */
    assert_true(fired > 200);
    assert_true(clean > 200);
    redactor_free(r);
}

static void test_collides(void **state)
{
    struct redactor *r = fixture();
    struct err e;

    (void)state;
    assert_int_equal(redactor_collides(r, "Jung-su", 7, &e), 1);
    assert_int_equal(redactor_collides(r, "정수", strlen("정수"), &e), 1);
    assert_int_equal(redactor_collides(r, "Baterdene", 9, &e), 1);
    assert_int_equal(redactor_collides(r, "Ri Myong-hui", 12, &e), 0);
    assert_int_equal(redactor_collides(r, "Gerelee", 7, &e), 0);
    redactor_free(r);
}

/* A redactor of one subject (pseudonym Saraa) with the names
 * names[0..n), compiled. */
static struct redactor *named(const char *const *names, size_t n)
{
    struct redactor *r;
    struct err e;

    assert_int_equal(redactor_new(&r, &e), 0);
    assert_int_equal(redactor_add_subject(r, 1, "Saraa", &e), 0);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(redactor_add_name(r, 1, names[i], strlen(names[i]), &e), 0);
    assert_int_equal(redactor_compile(r, &e), 0);
    return r;
}

/* The redaction of in by r and its review flags, as "text|kind word|..."
 * (static). */
static const char *flagged(const struct redactor *r, const char *in)
{
    static char buf[1024];
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;
    size_t n;

    assert_non_null(ctx);
    if (redactor_run(&out, r, ctx, in, strlen(in), &e) != 0)
        fail_msg("%s", e.msg);
    n = (size_t)snprintf(buf, sizeof buf, "%s", out.text);
    for (size_t i = 0; i < out.nflags && n < sizeof buf; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "|%s %.*s", out.flags[i].kind,
                              (int)out.flags[i].len, out.text + out.flags[i].start);
    redaction_free(&out);
    redact_ctx_free(ctx);
    return buf;
}

/* Issue 13: a spelling the variant rules made (not the name as registered
 * nor a part of it) that is an ordinary word counts only where the
 * context marks a name, and is neither flagged nor replaced elsewhere;
 * a registered name's word keeps its review flag where it may be the
 * word (docs/VARIANTS.md, "Generated spellings that are words"). */
static void test_generated_words(void **state)
{
    static const char *const names[] = { "문하민", "김나라", "Sylvia Oberbrunner",
                                         "Darnell Champlin", "Bold Dorj" };
    struct redactor *r = named(names, sizeof names / sizeof names[0]);

    (void)state;
    /* 하면 and 가면, spellings made of 하민: words, no flag. */
    assert_string_equal(flagged(r, "일을 하면 돈을 받았다. 가면을 쓰고 나갔다."),
                        "일을 하면 돈을 받았다. 가면을 쓰고 나갔다.");
    /* Where the context marks a name they are the name. */
    assert_string_equal(flagged(r, "그때 하면 씨가 왔다."), "그때 Saraa 씨가 왔다.");
    assert_string_equal(flagged(r, "하민이 왔다."), "Saraa이 왔다.");
    /* Registered words that are words keep their flag. */
    assert_string_equal(flagged(r, "우리 나라는 크다."), "우리 나라는 크다.|name-or-word 나라");
    assert_string_equal(flagged(r, "Bold decisions were made."),
                        "Bold decisions were made.|name-or-word Bold");
    /* Initials that are a word ("So" of Sylvia Oberbrunner): a flag only
     * where a capital marks a name. */
    assert_string_equal(flagged(r, "So we left early."), "So we left early.");
    assert_string_equal(flagged(r, "We met SO at the gate."),
                        "We met SO at the gate.|short-name SO");
    /* A Mongolian short form made of Darnell that is a word ("after"). */
    assert_string_equal(flagged(r, "Дараа нь бид явсан."), "Дараа нь бид явсан.");
    redactor_free(r);
}

static void test_bad_input(void **state)
{
    struct redactor *r = fixture();
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;

    (void)state;
    assert_int_equal(redactor_run(&out, r, ctx, "a\xff", 2, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(redactor_run(&out, r, ctx, "a\0b", 3, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(redactor_add_term(r, TERM_PLACE, 0, "x", 1, &e), -1);  /* compiled */
    redact_ctx_free(ctx);
    redactor_free(r);
    assert_int_equal(redactor_new(&r, &e), 0);
    assert_int_equal(redactor_add_name(r, 9, "x", 1, &e), -1);              /* no subject */
    assert_int_equal(redactor_add_term(r, TERM_PLACE, 0, "", 0, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    {
        static char big[10001];
        memset(big, 'a', 10000);
        assert_int_equal(redactor_add_term(r, TERM_OTHER, 0, big, 10000, &e), -1);
        assert_int_equal(e.code, EXIT_INPUT);
        assert_int_equal(redactor_add_term(r, TERM_OTHER, 0, big, REDACT_TERM_MAX, &e), 0);
        assert_int_equal(redactor_compile(r, &e), 0);
    }
    redactor_free(r);
}

/* Messages say what is wrong and where. */
static void test_bad_input_messages(void **state)
{
    struct redactor *r = fixture();
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;

    (void)state;
    assert_int_equal(redactor_run(&out, r, ctx, "ab\xc3", 3, &e), -1);
    assert_non_null(strstr(e.msg, "not valid UTF-8 at byte 2"));
    assert_int_equal(redactor_run(&out, r, ctx, "ab\0", 3, &e), -1);
    assert_non_null(strstr(e.msg, "NUL byte at offset 2"));
    assert_int_equal(redactor_run(&out, r, ctx, "\xed\xa0\x80", 3, &e), -1);  /* surrogate */
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(redactor_run(&out, r, ctx, "", 0, &e), 0);             /* empty: fine */
    assert_int_equal(out.len, 0);
    redaction_free(&out);
    redact_ctx_free(ctx);
    redactor_free(r);
    assert_int_equal(redactor_new(&r, &e), 0);
    assert_int_equal(redactor_add_subject(r, 1, "P", &e), 0);
    assert_int_equal(redactor_add_name(r, 1, " - ", 3, &e), -1);             /* only separators */
    assert_non_null(strstr(e.msg, "empty"));
    assert_int_equal(redactor_add_name(r, 1, "a\xff", 2, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    redactor_free(r);
}

/* Long terms in every script are refused quickly, never exponential. */
static void test_long_terms(void **state)
{
    static const char *const unit[] = { "a", "\xea\xb9\x80", "\xd0\xb1", "jongsu" };
    struct redactor *r;
    struct err e;
    size_t i, k, n;
    char *big = malloc(30001);

    (void)state;
    assert_non_null(big);
    assert_int_equal(redactor_new(&r, &e), 0);
    for (i = 0; i < sizeof unit / sizeof unit[0]; i++) {
        for (n = 0, k = 0; n + strlen(unit[i]) <= 30000 && k < 10000; k++, n += strlen(unit[i]))
            memcpy(big + n, unit[i], strlen(unit[i]));
        assert_int_equal(redactor_add_term(r, TERM_OTHER, 0, big, n, &e), -1);
        assert_int_equal(e.code, EXIT_INPUT);
        assert_non_null(strstr(e.msg, "longer than"));
    }
    free(big);
    redactor_free(r);
}

/* Many terms compile and a big body is redacted (one term in it): 20,000
 * terms, twice bench/redact.sh's 10,000 (issue 12), and a 50 MB body.
 * The sanitizer and coverage builds run the same paths on 10,000 terms and
 * 5 MB.  INTAKE_TEST_FULL=1 (make unit-full) gives 100,000 terms: their
 * compilation alone took longer than the rest of make check's unit tests
 * (3 minutes on the release build, 10 under the sanitizers, at load 7). */
#if defined(__SANITIZE_ADDRESS__) || defined(INTAKE_COVERAGE)
#define BIG_BODY (5u << 20)
#define MANY_TERMS 10000u
#else
#define BIG_BODY (50u << 20)
#define MANY_TERMS 20000u
#endif
static void test_many_terms_and_big_body(void **state)
{
    struct redactor *r;
    struct redact_ctx *ctx = redact_ctx_new();
    struct redaction out;
    struct err e;
    char term[32];
    size_t i, len = BIG_BODY, nterms = getenv("INTAKE_TEST_FULL") != NULL ? 100000 : MANY_TERMS;
    char *body = malloc(len);

    (void)state;
    assert_non_null(body);
    assert_int_equal(redactor_new(&r, &e), 0);
    for (i = 0; i < nterms; i++) {
        snprintf(term, sizeof term, "site-%06zu", i);
        assert_int_equal(redactor_add_term(r, TERM_PLACE, 0, term, strlen(term), &e), 0);
    }
    assert_int_equal(redactor_compile(r, &e), 0);
    assert_true(redactor_literals(r) >= nterms);
    for (i = 0; i < len; i++)
        body[i] = "lorem ipsum dolor sit amet\n"[i % 27];
    memcpy(body + len / 2, " site-004321 ", 13);
    assert_int_equal(redactor_run(&out, r, ctx, body, len, &e), 0);
    assert_int_equal(out.nitems, 1);
    assert_string_equal(out.items[0].category, "place");
    assert_non_null(strstr(out.text + len / 2 - 16, "[PLACE-1]"));
    redaction_free(&out);
    redact_ctx_free(ctx);
    redactor_free(r);
    free(body);
}

/* A redactor protecting name, compiled plain. */
static struct redactor *plain_of(const char *name)
{
    struct redactor *r;
    struct err e;

    assert_int_equal(redactor_new(&r, &e), 0);
    assert_int_equal(redactor_add_term(r, TERM_PERSON, 0, name, strlen(name), &e), 0);
    assert_int_equal(redactor_compile_plain(r, &e), 0);
    return r;
}

/* An answer given while hunspell-mn was held back (lexicon_hold: each
 * form asked as if the dictionary were missing, so replaced) is kept
 * nowhere: once the hold ends, every form of the same redactor has the
 * kind a new redactor gives it loaded (гэрэл, "light", of a registered
 * Гэрэл: a word).  Runs first, before any test loads hunspell-mn. */
static void test_held_answer_not_kept(void **state)
{
    struct redactor *r = plain_of("Гэрэл"), *r2;
    size_t words = 0;

    (void)state;
    lexicon_hold(1u << LEXICON_MN);
    for (size_t i = 0; i < r->nlits; i++)
        (void)redact_lit_form(r, i);
    assert_int_equal(lexicon_held(), 1u << LEXICON_MN);
    lexicon_hold(0);
    r2 = plain_of("Гэрэл");
    assert_int_equal(r2->nlits, r->nlits);
    for (size_t i = 0; i < r->nlits; i++) {
        assert_int_equal(redact_lit_form(r, i).kind, redact_lit_form(r2, i).kind);
        words += redact_lit_form(r2, i).kind == FORM_WORD;
    }
    assert_true(words > 0);
    redactor_free(r);
    redactor_free(r2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_held_answer_not_kept),
        cmocka_unit_test(test_bad_input_messages),
        cmocka_unit_test(test_long_terms),
        cmocka_unit_test(test_many_terms_and_big_body),
        cmocka_unit_test(test_issue_example),
        cmocka_unit_test(test_serialised_matcher),
        cmocka_unit_test(test_spellings),
        cmocka_unit_test(test_negatives),
        cmocka_unit_test(test_glued_to_replacement),
        cmocka_unit_test(test_glued_to_replaced_marks),
        cmocka_unit_test(test_numbering_across_texts),
        cmocka_unit_test(test_report),
        cmocka_unit_test(test_korean_title_flag),
        cmocka_unit_test(test_flags_and_allowed),
        cmocka_unit_test(test_rescan_fires),
        cmocka_unit_test(test_pseudonym_leaking_is_caught),
        cmocka_unit_test(test_rescan_new_boundary),
        cmocka_unit_test(test_rescan_window_edges),
        cmocka_unit_test(test_rescan_windows_match_full),
        cmocka_unit_test(test_collides),
        cmocka_unit_test(test_generated_words),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_field_handle_flag),
    };
    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
