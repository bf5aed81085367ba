/* privacy/window: tokens and windows of tokens over a normalised text, the
 * stems of Hangul and Cyrillic words, and the windows' key lengths. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/window.h"

/* Every window as "norm text/key/stem keys..." joined with '|'; stop makes
 * the callback skip longer windows (1) or fail (-1) at the window whose
 * norm text equals it. */
struct collect {
    char out[2048];
    size_t len;
    const char *stop;
    int stop_rc;
};

static int on_window(void *ctx, const struct normtext *nt, const struct token *w, size_t nw,
                     struct err *e)
{
    struct collect *c = ctx;
    size_t a = w[0].start, b = w[nw - 1].end;

    (void)e;
    c->len += (size_t)snprintf(c->out + c->len, sizeof c->out - c->len, "%s%.*s/%.*s",
                               c->len ? "|" : "", (int)(b - a), nt->norm + a,
                               (int)window_keylen(w, nw), nt->key + w[0].kstart);
    for (unsigned i = 0; i < w[nw - 1].nstems; i++)
        c->len += (size_t)snprintf(c->out + c->len, sizeof c->out - c->len, "/%.*s",
                                   (int)window_stem_keylen(w, nw, i), nt->key + w[0].kstart);
    assert_true(c->len < sizeof c->out);
    if (c->stop != NULL && strlen(c->stop) == b - a && memcmp(c->stop, nt->norm + a, b - a) == 0)
        return c->stop_rc;
    return 0;
}

static int windows(struct collect *c, const char *text, size_t max)
{
    struct normtext nt;
    struct err e;
    int rc;

    assert_int_equal(normalise(&nt, text, strlen(text), &e), 0);
    rc = window_scan(&nt, max, on_window, c, &e);
    normtext_free(&nt);
    return rc;
}

/* Windows end at each token in turn, shortest first; a hyphen splits
 * tokens (the key joins them), each Han character is a token (its key is
 * its Hangul reading: hanja.h).  A Latin token also ends before a Latin
 * case ending ("jon"+"g", "i"+"n"). */
static void test_windows_in_order(void **state)
{
    struct collect c = { "", 0, NULL, 0 };

    (void)state;
    assert_int_equal(windows(&c, "Kim Jong-su, in 中国.", 2), 0);
    assert_string_equal(c.out,
                        "kim/kim|jong/jong/jon|kim jong/kimjong/kimjon|su/su|jong-su/jongsu|"
                        "in/in/i|su, in/su,in/su,i|中/중|in 中/in중|国/국|中国/중국");
}

/* max 0 or above WINDOW_MAX means WINDOW_MAX; text without words gives
 * no window. */
static void test_window_max(void **state)
{
    struct collect c = { "", 0, NULL, 0 };

    (void)state;
    assert_int_equal(windows(&c, "a b c d e", 0), 0);
    assert_string_equal(c.out,
                        "a/a|b/b|a b/ab|c/c|b c/bc|a b c/abc|d/d|c d/cd|b c d/bcd|a b c d/abcd|"
                        "e/e|d e/de|c d e/cde|b c d e/bcde");
    c.len = 0, c.out[0] = '\0';
    assert_int_equal(windows(&c, "a b c d e", 9), 0);
    assert_true(strstr(c.out, "a b c d e") == NULL);
    c.len = 0, c.out[0] = '\0';
    assert_int_equal(windows(&c, " -- ... ", 4), 0);
    assert_string_equal(c.out, "");
}

/* 1 skips the longer windows ending at the same token; -1 stops the scan
 * and is returned as -1. */
static void test_callback_result(void **state)
{
    struct collect c = { "", 0, "b", 1 };

    (void)state;
    assert_int_equal(windows(&c, "a b c", 3), 0);
    assert_string_equal(c.out, "a/a|b/b|c/c|b c/bc|a b c/abc");
    c = (struct collect){ "", 0, "b", -1 };
    assert_int_equal(windows(&c, "a b c", 3), -1);
    assert_string_equal(c.out, "a/a|b/b");
}

/* A Hangul word has a stem before each run of particles it ends with, a
 * Cyrillic word before each run of case endings ("д", "ад", "аа"+"д"), a
 * Latin word before one Latin case ending ("me"+"t") or a number glued to
 * it ("kimjongsu"+"75"); a script change ends a token ("Raseon"+"이다"). */
static void test_stems(void **state)
{
    struct collect c = { "", 0, NULL, 0 };

    (void)state;
    assert_int_equal(windows(&c, "met 박영수는", 2), 0);
    assert_string_equal(c.out, "met/met/me|박영수는/박영수는/박영수|met 박영수는/met박영수는/met박영수");
    c.len = 0, c.out[0] = '\0';
    assert_int_equal(windows(&c, "Бурмаад", 1), 0);
    assert_string_equal(c.out, "бурмаад/бурмаад/бурмаа/бурма/бурм");
    c.len = 0, c.out[0] = '\0';
    assert_int_equal(windows(&c, "Parkeun", 1), 0);
    assert_string_equal(c.out, "parkeun/parkeun/parkeu/parke");
    c.len = 0, c.out[0] = '\0';
    assert_int_equal(windows(&c, "kimjongsu75", 1), 0);
    assert_string_equal(c.out, "kimjongsu75/kimjongsu75/kimjongsu");
    c.len = 0, c.out[0] = '\0';
    /* The word holds Latin and Hangul: its Hangul is keyed in Latin
     * (normalise.c, read_split), as the redactor keys it. */
    assert_int_equal(windows(&c, "Raseon이다", 1), 0);
    assert_string_equal(c.out, "raseon/raseon/raseo/rase|이다/ida/i");
}

/* Every window of text (as windows() lists them) with the tokens made
 * through the memo m. */
static void windows_memo(struct collect *c, const char *text, struct window_memo *m)
{
    struct window_tokens tk;
    struct normtext nt;
    struct err e;

    assert_int_equal(normalise(&nt, text, strlen(text), &e), 0);
    assert_int_equal(window_tokenise(&tk, &nt, m, &e), 0);
    assert_int_equal(window_scan_tokens(&tk, &nt, 4, on_window, c, &e), 0);
    window_tokens_free(&tk);
    normtext_free(&nt);
}

/* Tokens made through a memo have the stems worked out without one: the
 * first time, from the memo when a word comes again (in the same text or
 * a later one, at another offset), and after the memo was cleared (more
 * than 2048 words remembered). */
static void test_memo_same_stems(void **state)
{
    static const char *const texts[] = {
        "met 박영수는 박영수는 met",
        "박영수를 and 박영수는",
        "Бурмаад Бурмаад бурмаагийн",
        "Parkeun kimjongsu75 kimjongsu1975",
        "Raseon이다 Raseon이다 x1 1x",
        "kimjongsu1975123456789 kimjongsu1975123456789 a",
    };
    struct window_memo *m = window_memo_new();
    struct collect with, without;
    char word[16];

    (void)state;
    assert_non_null(m);
    for (int round = 0; round < 2; round++) {
        for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
            with = (struct collect){ "", 0, NULL, 0 };
            without = (struct collect){ "", 0, NULL, 0 };
            windows_memo(&with, texts[i], m);
            assert_int_equal(windows(&without, texts[i], 4), 0);
            assert_string_equal(with.out, without.out);
        }
        /* Fill the memo past half its slots: it is cleared and goes on. */
        for (unsigned k = 0; round == 0 && k < 9000; k++) {
            snprintf(word, sizeof word, "w%uq", k);
            with = (struct collect){ "", 0, NULL, 0 };
            windows_memo(&with, word, m);
        }
    }
    window_memo_free(m);
    window_memo_free(NULL);
}

static void test_suffix_ok(void **state)
{
    (void)state;
    assert_int_equal(window_suffix_ok("는", strlen("는")), 1);
    assert_int_equal(window_suffix_ok("에게서", strlen("에게서")), 1);
    assert_int_equal(window_suffix_ok("ийн", strlen("ийн")), 1);
    assert_int_equal(window_suffix_ok("д", strlen("д")), 1);
    assert_int_equal(window_suffix_ok("수는", strlen("수는")), 0);
    assert_int_equal(window_suffix_ok("eun", 3), 0);
    assert_int_equal(window_suffix_ok("", 0), 1);        /* nothing follows */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_windows_in_order),
        cmocka_unit_test(test_window_max),
        cmocka_unit_test(test_callback_result),
        cmocka_unit_test(test_stems),
        cmocka_unit_test(test_memo_same_stems),
        cmocka_unit_test(test_suffix_ok),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
