/* crypto/card: the vectors, round trips, every refusal with its message,
 * and every single-character change and adjacent swap refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/card.h"
#include "tests/unit/card_vectors.h"

/* An encoder written apart from crypto/card.c (after the BIP 350
 * reference), so tests can build cards the library would never write. */
static const char CHARSET[] = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

static uint32_t ref_polymod(const uint8_t *v, size_t n, uint32_t chk)
{
    static const uint32_t g[5] = { 0x3b6a57b2, 0x26508e6d, 0x1ea119fa,
                                   0x3d4233dd, 0x2a1462b3 };
    size_t i;
    int j;

    for (i = 0; i < n; i++) {
        uint32_t b = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v[i];
        for (j = 0; j < 5; j++)
            chk ^= ((b >> j) & 1) ? g[j] : 0;
    }
    return chk;
}

/* "INTAKE1" + the 5-bit groups d + a Bech32m checksum. */
static void ref_text5(char *out, const uint8_t *d, size_t n)
{
    uint8_t v[512];
    size_t i, m = 0;
    uint32_t chk;
    const char *hrp = "intake";

    for (i = 0; i < 6; i++)
        v[m++] = (uint8_t)(hrp[i] >> 5);
    v[m++] = 0;
    for (i = 0; i < 6; i++)
        v[m++] = (uint8_t)(hrp[i] & 31);
    memcpy(v + m, d, n);
    memset(v + m + n, 0, 6);
    chk = ref_polymod(v, m + n + 6, 1) ^ 0x2bc830a3;
    strcpy(out, "INTAKE1");
    for (i = 0; i < n; i++)
        out[7 + i] = CHARSET[d[i]];
    for (i = 0; i < 6; i++)
        out[7 + n + i] = CHARSET[(chk >> (5 * (5 - i))) & 31];
    out[7 + n + 6] = '\0';
}

static size_t ref_to5(uint8_t *d, const unsigned char *p, size_t n)
{
    uint32_t acc = 0;
    unsigned bits = 0;
    size_t i, m = 0;

    for (i = 0; i < n; i++) {
        acc = (acc << 8) | p[i];
        for (bits += 8; bits >= 5; bits -= 5)
            d[m++] = (acc >> (bits - 5)) & 31;
    }
    if (bits)
        d[m++] = (acc << (5 - bits)) & 31;
    return m;
}

/* Card text for a payload: version, sign_pk, box_pk, label length, label. */
static void ref_text(char *out, const unsigned char *p, size_t n)
{
    uint8_t d[512];

    ref_text5(out, d, ref_to5(d, p, n));
}

static size_t payload_of(unsigned char *p, const struct card *c)
{
    size_t l = strlen(c->label);

    p[0] = c->version;
    memcpy(p + 1, c->sign_pk, 32);
    memcpy(p + 33, c->box_pk, 32);
    p[65] = (unsigned char)l;
    memcpy(p + 66, c->label, l);
    return 66 + l;
}

static void expect_refused(const char *text, size_t len, const char *msg)
{
    struct card c;
    struct err e;

    err_clear(&e);
    if (card_decode(&c, text, len, &e) != -1 || e.code != EXIT_INPUT ||
        strstr(e.msg, msg) == NULL)
        fail_msg("card \"%.60s\": expected \"%s\", got \"%s\"", text, msg, e.msg);
}

static void test_vectors(void **state)
{
    const char *names[] = { "A", "B", "C" };
    char want[CARD_TEXT_SIZE], got[CARD_TEXT_SIZE], fp[CARD_FINGERPRINT_SIZE];
    char wantfp[64];
    struct card c, d;
    struct err e;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        char head[16];
        snprintf(head, sizeof head, "card %s", names[i]);
        assert_int_equal(vec_card(&c, names[i]), 0);
        assert_int_equal(vec_field(want, sizeof want, head, "text"), 0);
        assert_int_equal(vec_field(wantfp, sizeof wantfp, head, "fingerprint"), 0);
        assert_int_equal(card_encode(got, sizeof got, &c, &e), 0);
        assert_string_equal(got, want);
        assert_int_equal(card_decode(&d, want, strlen(want), &e), 0);
        assert_memory_equal(&d, &c, sizeof c);
        card_fingerprint(fp, sizeof fp, &c);
        assert_string_equal(fp, wantfp);
    }
}

static void test_vector_keys_match_seeds(void **state)
{
    char hex[128], mine[2 * crypto_sign_PUBLICKEYBYTES + 1];
    struct card c;

    (void)state;
    assert_int_equal(vec_card(&c, "A"), 0);
    assert_int_equal(vec_field(hex, sizeof hex, "card A", "sign_pk"), 0);
    sodium_bin2hex(mine, sizeof mine, c.sign_pk, sizeof c.sign_pk);
    assert_string_equal(mine, hex);
    assert_int_equal(vec_field(hex, sizeof hex, "card A", "box_pk"), 0);
    sodium_bin2hex(mine, sizeof mine, c.box_pk, sizeof c.box_pk);
    assert_string_equal(mine, hex);
}

static void test_round_trip_random_and_longest(void **state)
{
    char t[CARD_TEXT_SIZE];
    unsigned char sk[crypto_sign_SECRETKEYBYTES], bsk[crypto_box_SECRETKEYBYTES];
    struct card c, d;
    struct err e;
    int i;

    (void)state;
    for (i = 0; i < 50; i++) {
        memset(&c, 0, sizeof c);
        c.version = CARD_VERSION;
        memset(c.label, 'a' + i % 26, (size_t)(1 + i % CARD_LABEL_MAX));
        if (i == 49)
            memset(c.label, 'Z', CARD_LABEL_MAX);
        crypto_sign_keypair(c.sign_pk, sk);
        crypto_box_keypair(c.box_pk, bsk);
        assert_int_equal(card_encode(t, sizeof t, &c, &e), 0);
        assert_int_equal(card_decode(&d, t, strlen(t), &e), 0);
        assert_memory_equal(&d, &c, sizeof c);
    }
    assert_int_equal(strlen(t), 221);   /* the longest card */
    assert_int_equal(card_encode(t, 221, &c, &e), -1);
    assert_non_null(strstr(e.msg, "no room"));
    assert_int_equal(card_encode(t, 222, &c, &e), 0);
}

/* Both ends trimmed of ASCII white space; all lower case accepted. */
static void test_whitespace_and_case_policy(void **state)
{
    char t[CARD_TEXT_SIZE], buf[CARD_TEXT_SIZE + 16];
    struct card c, d;
    struct err e;
    size_t i;

    (void)state;
    assert_int_equal(vec_card(&c, "A"), 0);
    assert_int_equal(card_encode(t, sizeof t, &c, &e), 0);
    snprintf(buf, sizeof buf, " \t%s\r\n", t);
    assert_int_equal(card_decode(&d, buf, strlen(buf), &e), 0);
    assert_memory_equal(&d, &c, sizeof c);
    for (i = 0; t[i]; i++)
        buf[i] = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] - 'A' + 'a' : t[i]);
    buf[i] = '\0';
    assert_int_equal(card_decode(&d, buf, strlen(buf), &e), 0);
    assert_memory_equal(&d, &c, sizeof c);
    buf[3] = 'A';
    expect_refused(buf, strlen(buf), "mixes upper- and lower-case");
    memcpy(buf, t, strlen(t) + 1);
    memmove(buf + 41, buf + 40, strlen(buf + 40) + 1);
    buf[40] = ' ';
    expect_refused(buf, strlen(buf), "space or line break at character 41");
    buf[40] = '\n';
    expect_refused(buf, strlen(buf), "paste it as one line");
}

static void test_refusals_of_text(void **state)
{
    char t[CARD_TEXT_SIZE], buf[400];
    struct card c;
    struct err e;

    (void)state;
    assert_int_equal(vec_card(&c, "A"), 0);
    assert_int_equal(card_encode(t, sizeof t, &c, &e), 0);
    expect_refused("", 0, "card is empty");
    expect_refused(" \n", 2, "card is empty");
    memset(buf, 'Q', 300);
    expect_refused(buf, 300, "card is too long: 300 characters, a card has at most 221");
    expect_refused("INTAKE1QQ#QQ", 12, "cannot be in a card (byte 0x23) at character 10");
    expect_refused("INTAKE1QQ\0QQ", 12, "(byte 0x00) at character 10");
    expect_refused("INTAKE1QQ\xc3\xa9QQ", 13, "(byte 0xc3)");
    expect_refused("BITCOIN1QQQQ", 12, "not an intake card: a card begins with INTAKE1");
    expect_refused("INTAKE", 6, "not an intake card");
    expect_refused("INTAKE1QQQQQQQQ", 15, "card is too short: 15 characters, a card has at least 119");
    snprintf(buf, sizeof buf, "%s", t);
    buf[20] = 'B';
    expect_refused(buf, strlen(buf), "contains 'B' at character 21, which is not in a card's alphabet");
    buf[20] = t[20] == 'Q' ? 'P' : 'Q';
    expect_refused(buf, strlen(buf), "card checksum does not match: a character was changed or mistyped");
    expect_refused(t, strlen(t) - 1, "card checksum does not match");
}

/* Cards with a valid checksum but contents the parser must refuse. */
static void test_refusals_of_contents(void **state)
{
    unsigned char p[400];
    uint8_t d[600];
    char t[700];
    struct card c;
    size_t n, m;

    (void)state;
    assert_int_equal(vec_card(&c, "A"), 0);
    n = payload_of(p, &c);
    p[0] = 2;
    ref_text(t, p, n);
    expect_refused(t, strlen(t), "card version 2 is not supported (this intake reads version 1)");
    p[0] = 0;
    ref_text(t, p, n);
    expect_refused(t, strlen(t), "card version 0 is not supported");
    p[0] = 1;
    ref_text(t, p, n - 1);
    expect_refused(t, strlen(t), "card length does not match its contents");
    ref_text(t, p, n + 5);
    expect_refused(t, strlen(t), "card length does not match its contents");
    m = ref_to5(d, p, n);                   /* 656 bits: 4 padding bits */
    d[m - 1] |= 1;
    ref_text5(t, d, m);
    expect_refused(t, strlen(t), "does not end on a whole byte");
    d[m - 1] &= 30;
    d[m++] = 0;                             /* a zero byte too many */
    ref_text5(t, d, m);
    expect_refused(t, strlen(t), "card length does not match its contents");
    d[m++] = 0;                             /* 6 padding bits */
    ref_text5(t, d, m);
    expect_refused(t, strlen(t), "does not end on a whole byte");
}

static void expect_label_refused(const char *label, const char *msg)
{
    unsigned char p[400];
    char t[700];
    struct card c;
    size_t n, l = strlen(label);
    struct err e;

    assert_int_equal(vec_card(&c, "A"), 0);
    n = payload_of(p, &c);
    p[65] = (unsigned char)l;
    memcpy(p + 66, label, l);
    n = 66 + l;
    ref_text(t, p, n);
    expect_refused(t, strlen(t), msg);
    if (l <= CARD_LABEL_MAX) {
        memcpy(c.label, label, l + 1);
        assert_int_equal(card_encode(t, sizeof t, &c, &e), -1);
        assert_non_null(strstr(e.msg, msg));
    }
}

static void test_refusals_of_label(void **state)
{
    char long_label[CARD_LABEL_MAX + 2];
    struct err e;

    (void)state;
    expect_label_refused("", "card label is empty");
    expect_label_refused("a\x07z", "control or invisible character (U+0007)");
    expect_label_refused("a\x7fz", "(U+007F)");
    expect_label_refused("\xc2\x85", "(U+0085)");
    expect_label_refused("HQ\xe2\x80\xae" "evil", "(U+202E)");
    expect_label_refused("\xe2\x81\xa6x", "(U+2066)");
    expect_label_refused("a\xe2\x80\x8b" "b", "(U+200B)");
    expect_label_refused("\xef\xbb\xbfHQ", "(U+FEFF)");
    expect_label_refused("\xff", "card label is not valid UTF-8");
    expect_label_refused("\xc0\xaf", "not valid UTF-8");          /* overlong */
    expect_label_refused("\xed\xa0\x80", "not valid UTF-8");      /* surrogate */
    expect_label_refused("\xe2\x82", "not valid UTF-8");          /* cut short */
    expect_label_refused("\xf4\x90\x80\x80", "not valid UTF-8");  /* > U+10FFFF */
    memset(long_label, 'x', CARD_LABEL_MAX + 1);
    long_label[CARD_LABEL_MAX + 1] = '\0';
    expect_label_refused(long_label, "card is too long: 223 characters");
    assert_int_equal(card_label_check(long_label, &e), -1);
    assert_string_equal(e.msg, "card label is 65 bytes long; at most 64 are allowed");
    long_label[CARD_LABEL_MAX] = '\0';
    assert_int_equal(card_label_check(long_label, &e), 0);
}

static void expect_keys_refused(const unsigned char *sign_pk,
                                const unsigned char *box_pk, const char *msg)
{
    unsigned char p[400];
    char t[700];
    struct card c;
    size_t n;
    struct err e;

    assert_int_equal(vec_card(&c, "A"), 0);
    if (sign_pk)
        memcpy(c.sign_pk, sign_pk, 32);
    if (box_pk)
        memcpy(c.box_pk, box_pk, 32);
    n = payload_of(p, &c);
    ref_text(t, p, n);
    expect_refused(t, strlen(t), msg);
    assert_int_equal(card_encode(t, sizeof t, &c, &e), -1);
    assert_non_null(strstr(e.msg, msg));
}

static void test_refusals_of_keys(void **state)
{
    static const char *sign_bad = "card signing key is not a valid Ed25519 public key";
    static const char *box_bad = "card encryption key is not a valid X25519 public key";
    unsigned char k[32];
    struct card c;

    (void)state;
    memset(k, 0, sizeof k);
    expect_keys_refused(k, NULL, sign_bad);
    expect_keys_refused(NULL, k, box_bad);
    k[0] = 1;                               /* Ed25519 identity; X25519 u = 1 */
    expect_keys_refused(k, NULL, sign_bad);
    expect_keys_refused(NULL, k, box_bad);
    sodium_hex2bin(k, 32, "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
                   64, NULL, NULL, NULL);  /* X25519 point of order 8 */
    expect_keys_refused(NULL, k, box_bad);
    memset(k, 0xff, sizeof k);
    k[0] = 0xed;
    k[31] = 0x7f;                           /* p itself: not canonical */
    expect_keys_refused(NULL, k, box_bad);
    assert_int_equal(vec_card(&c, "A"), 0);
    memcpy(k, c.box_pk, 32);
    k[31] |= 0x80;                          /* a second spelling of a key */
    expect_keys_refused(NULL, k, box_bad);
    memcpy(k, c.sign_pk, 32);
    k[31] ^= 0x80;                          /* the other x: off the subgroup or curve */
    k[0] ^= 0x02;
    expect_keys_refused(k, NULL, sign_bad);
}

/* Every byte value at every position, and every adjacent swap. */
static void exhaust(const struct card *c, unsigned long *changes,
                    unsigned long *swaps, unsigned long *same)
{
    char t[CARD_TEXT_SIZE], m[CARD_TEXT_SIZE];
    struct card d;
    struct err e;
    size_t len, i;
    int v;

    assert_int_equal(card_encode(t, sizeof t, c, &e), 0);
    len = strlen(t);
    for (i = 0; i < len; i++)
        for (v = 0; v < 256; v++) {
            if ((char)v == t[i])
                continue;
            memcpy(m, t, len);
            m[i] = (char)v;
            if (card_decode(&d, m, len, &e) == 0)
                fail_msg("change at %zu to 0x%02x accepted", i, v);
            assert_int_equal(e.code, EXIT_INPUT);
            (*changes)++;
        }
    for (i = 0; i + 1 < len; i++) {
        if (t[i] == t[i + 1]) {
            (*same)++;
            continue;
        }
        memcpy(m, t, len);
        m[i] = t[i + 1];
        m[i + 1] = t[i];
        if (card_decode(&d, m, len, &e) == 0)
            fail_msg("swap at %zu accepted", i);
        (*swaps)++;
    }
}

static void test_every_change_and_swap_refused(void **state)
{
    unsigned long changes = 0, swaps = 0, same = 0;
    unsigned char sk[crypto_sign_SECRETKEYBYTES], bsk[crypto_box_SECRETKEYBYTES];
    struct card c;

    (void)state;
    assert_int_equal(vec_card(&c, "A"), 0);
    exhaust(&c, &changes, &swaps, &same);
    assert_int_equal(changes, 145 * 255);
    assert_int_equal(swaps + same, 144);
    memset(c.label, 'Z', CARD_LABEL_MAX);   /* the longest card */
    crypto_sign_keypair(c.sign_pk, sk);
    crypto_box_keypair(c.box_pk, bsk);
    exhaust(&c, &changes, &swaps, &same);
    assert_int_equal(changes, (145 + 221) * 255);
    print_message("refused %lu single-character changes and %lu adjacent "
                  "swaps (%lu swaps of equal characters change nothing)\n",
                  changes, swaps, same);
}

/* The checksum is linear: an error pattern goes unnoticed only if its
 * residue is zero. Residues of one wrong value at one position, computed
 * for the longest card (214 characters after the prefix), show that every
 * error in up to three characters is detected at every card length. */
static uint32_t residue(size_t from_end, uint8_t v)
{
    uint8_t z[256];

    memset(z, 0, sizeof z);
    z[0] = v;
    return ref_polymod(z, from_end + 1, 0);
}

#define NPOS 214
#define SLOTS 16384

static int in_set(const uint32_t *set, uint32_t r)
{
    size_t h = (r * 2654435761u) % SLOTS;

    while (set[h] != 0) {
        if (set[h] == r)
            return 1;
        h = (h + 1) % SLOTS;
    }
    return 0;
}

static void test_checksum_detects_three_errors(void **state)
{
    static uint32_t r[NPOS][32], set[SLOTS];
    size_t i, j, h;
    unsigned a, b;
    unsigned long checked = 0;

    (void)state;
    for (i = 0; i < NPOS; i++)
        for (a = 1; a < 32; a++) {
            r[i][a] = residue(i, (uint8_t)a);
            assert_int_not_equal(r[i][a], 0);
            assert_int_equal(in_set(set, r[i][a]), 0);  /* two errors */
            for (h = (r[i][a] * 2654435761u) % SLOTS; set[h]; h = (h + 1) % SLOTS)
                ;
            set[h] = r[i][a];
        }
    for (i = 0; i < NPOS; i++)
        for (j = i + 1; j < NPOS; j++)
            for (a = 1; a < 32; a++)
                for (b = 1; b < 32; b++, checked++)
                    if (in_set(set, r[i][a] ^ r[j][b]))
                        fail_msg("3-error pattern at %zu,%zu undetected", i, j);
    print_message("checked %lu error pairs against %d single errors\n",
                  checked, NPOS * 31);
}

static void test_fingerprint_and_overlap(void **state)
{
    char fa[CARD_FINGERPRINT_SIZE], fb[CARD_FINGERPRINT_SIZE], small[8];
    struct card a, b;

    (void)state;
    assert_int_equal(vec_card(&a, "A"), 0);
    assert_int_equal(vec_card(&b, "B"), 0);
    card_fingerprint(fa, sizeof fa, &a);
    card_fingerprint(fb, sizeof fb, &b);
    assert_int_equal(strlen(fa), 24);
    assert_string_not_equal(fa, fb);
    strcpy(a.label, "renamed");
    card_fingerprint(fb, sizeof fb, &a);
    assert_string_equal(fa, fb);            /* keys only, not the label */
    card_fingerprint(small, sizeof small, &a);
    assert_string_equal(small, "");
    assert_int_equal(card_keys_overlap(&a, &b), 0);
    memcpy(b.box_pk, a.box_pk, sizeof b.box_pk);
    assert_int_equal(card_keys_overlap(&a, &b), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vectors),
        cmocka_unit_test(test_vector_keys_match_seeds),
        cmocka_unit_test(test_round_trip_random_and_longest),
        cmocka_unit_test(test_whitespace_and_case_policy),
        cmocka_unit_test(test_refusals_of_text),
        cmocka_unit_test(test_refusals_of_contents),
        cmocka_unit_test(test_refusals_of_label),
        cmocka_unit_test(test_refusals_of_keys),
        cmocka_unit_test(test_every_change_and_swap_refused),
        cmocka_unit_test(test_checksum_detects_three_errors),
        cmocka_unit_test(test_fingerprint_and_overlap),
    };

    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
