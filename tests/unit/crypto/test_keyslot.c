/* crypto/keyslot: sealing, opening, the file format and recovery keys.
 * Damage is always EXIT_INPUT and never looks like a wrong passphrase. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

#include "crypto/keyslot.h"

/* The least cost libsodium allows: these tests check logic, not strength. */
#define OPS crypto_pwhash_OPSLIMIT_MIN
#define MEM crypto_pwhash_MEMLIMIT_MIN

static const char pass[] = "tiger lamp violet oxygen river";
static unsigned char master[KEYSLOT_MASTER_BYTES];
static unsigned char rkey[RECOVERY_KEY_BYTES];
static struct keyslot_file two;                 /* passphrase + recovery */
static unsigned char file2[KEYSLOT_FILE_MAX];   /* two, serialised */
static size_t file2len;
static char dir[] = "/tmp/intake-keyslot-XXXXXX";

/* Offsets inside a slot (docs/FORMAT.md). */
#define SLOT_OFF(i) (KEYSLOT_HEADER_BYTES + (i) * KEYSLOT_SLOT_BYTES)
#define KIND_OFF 0
#define ALG_OFF 1
#define OPS_OFF 2
#define MEM_OFF 10

static void put_le64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* Rewrites the trailing checksum so that parse reaches the later checks. */
static void resum(unsigned char *buf, size_t len)
{
    crypto_generichash(buf + len - KEYSLOT_SUM_BYTES, KEYSLOT_SUM_BYTES, buf,
                       len - KEYSLOT_SUM_BYTES, NULL, 0);
}

static void test_kdf_params(void **state)
{
    uint64_t ops = 0, mem = 0;
    struct err e;

    (void)state;
    assert_int_equal(keyslot_kdf_params(&ops, &mem, "interactive", &e), 0);
    assert_int_equal(ops, crypto_pwhash_OPSLIMIT_INTERACTIVE);
    assert_int_equal(mem, crypto_pwhash_MEMLIMIT_INTERACTIVE);
    assert_int_equal(keyslot_kdf_params(&ops, &mem, "moderate", &e), 0);
    assert_int_equal(ops, crypto_pwhash_OPSLIMIT_MODERATE);
    assert_int_equal(mem, crypto_pwhash_MEMLIMIT_MODERATE);
    assert_int_equal(keyslot_kdf_params(&ops, &mem, "sensitive", &e), 0);
    assert_int_equal(ops, crypto_pwhash_OPSLIMIT_SENSITIVE);
    assert_int_equal(mem, crypto_pwhash_MEMLIMIT_SENSITIVE);
    err_clear(&e);
    assert_int_equal(keyslot_kdf_params(&ops, &mem, "fast", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "fast"));
    assert_int_equal(keyslot_kdf_params(&ops, &mem, "", &e), -1);
    assert_int_equal(keyslot_kdf_params(&ops, &mem, "Interactive", &e), -1);
}

static void test_seal_open_round_trip(void **state)
{
    unsigned char out[KEYSLOT_MASTER_BYTES];
    struct err e;

    (void)state;
    memset(out, 0xAA, sizeof out);
    assert_int_equal(keyslot_open(out, &two, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_memory_equal(out, master, sizeof master);
    memset(out, 0xAA, sizeof out);
    assert_int_equal(keyslot_open(out, &two, KEYSLOT_RECOVERY, rkey, sizeof rkey, &e), 0);
    assert_memory_equal(out, master, sizeof master);
}

/* Passphrases are sealed under their NFC (issue 14, item 9): é typed as
 * one code point or as e + U+0301 is one passphrase.  Bytes that are not
 * UTF-8 are used as they are; a recovery key is bytes, never normalised.
 * (A slot sealed before, over the bytes as typed, is tested on the real
 * binary: tests/cli/terminal.bats with tests/tools/legacyslot.) */
static void test_passphrase_normal_forms(void **state)
{
    static const char nfc[] = "cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e \xea\xb9\x80\xec\xa2\x85\xec\x88\x98";
    static const char nfd[] = "cre\xcc\x80me bru\xcc\x82le\xcc\x81" "e "
                              "\xe1\x84\x80\xe1\x85\xb5\xe1\x86\xb7\xe1\x84\x8c\xe1\x85\xa9"
                              "\xe1\x86\xbc\xe1\x84\x89\xe1\x85\xae";
    static const char latin1[] = "caf\xe9 cr\xe8me lantern";
    unsigned char out[KEYSLOT_MASTER_BYTES];
    struct keyslot_file kf;
    struct err e;

    (void)state;
    memset(&kf, 0, sizeof kf);
    kf.nslots = 2;
    assert_int_equal(keyslot_seal(&kf.slot[0], KEYSLOT_PASSPHRASE, master,
                                  (const unsigned char *)nfd, strlen(nfd), OPS, MEM, &e), 0);
    assert_int_equal(keyslot_seal(&kf.slot[1], KEYSLOT_RECOVERY, master,
                                  (const unsigned char *)nfd, strlen(nfd), OPS, MEM, &e), 0);
    /* Either form opens the passphrase slot at the first try (returns 0). */
    memset(out, 0, sizeof out);
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_PASSPHRASE, (const unsigned char *)nfc,
                                  strlen(nfc), &e), 0);
    assert_memory_equal(out, master, sizeof master);
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_PASSPHRASE, (const unsigned char *)nfd,
                                  strlen(nfd), &e), 0);
    /* The recovery slot holds the bytes exactly. */
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_RECOVERY, (const unsigned char *)nfd,
                                  strlen(nfd), &e), 0);
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_RECOVERY, (const unsigned char *)nfc,
                                  strlen(nfc), &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    /* Not UTF-8: sealed and opened as it is; one byte off is wrong. */
    assert_int_equal(keyslot_seal(&kf.slot[0], KEYSLOT_PASSPHRASE, master,
                                  (const unsigned char *)latin1, strlen(latin1), OPS, MEM, &e), 0);
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_PASSPHRASE, (const unsigned char *)latin1,
                                  strlen(latin1), &e), 0);
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_PASSPHRASE, (const unsigned char *)"caf\xe9 cr\xe8me lanterm",
                                  strlen(latin1), &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "wrong passphrase; nothing was changed");
}

static void test_interactive_cost(void **state)
{
    struct keyslot_file kf;
    unsigned char out[KEYSLOT_MASTER_BYTES];
    uint64_t ops, mem;
    struct err e;

    (void)state;
    memset(&kf, 0, sizeof kf);
    assert_int_equal(keyslot_kdf_params(&ops, &mem, "interactive", &e), 0);
    assert_int_equal(keyslot_seal(&kf.slot[0], KEYSLOT_PASSPHRASE, master,
                                  (const unsigned char *)pass, strlen(pass), ops, mem, &e), 0);
    kf.nslots = 1;
    assert_int_equal(kf.slot[0].opslimit, ops);
    assert_int_equal(kf.slot[0].memlimit, mem);
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_memory_equal(out, master, sizeof master);
}

static void test_seal_is_randomised(void **state)
{
    struct keyslot a, b;
    struct err e;

    (void)state;
    assert_int_equal(keyslot_seal(&a, KEYSLOT_PASSPHRASE, master,
                                  (const unsigned char *)pass, strlen(pass), OPS, MEM, &e), 0);
    assert_int_equal(keyslot_seal(&b, KEYSLOT_PASSPHRASE, master,
                                  (const unsigned char *)pass, strlen(pass), OPS, MEM, &e), 0);
    assert_memory_not_equal(a.salt, b.salt, sizeof a.salt);
    assert_memory_not_equal(a.nonce, b.nonce, sizeof a.nonce);
    assert_memory_not_equal(a.wrapped, b.wrapped, sizeof a.wrapped);
    /* The master key never appears in the slot. */
    assert_null(memmem(&a, sizeof a, master, sizeof master));
}

static void test_wrong_secret_is_auth(void **state)
{
    unsigned char out[KEYSLOT_MASTER_BYTES];
    static const unsigned char zero[KEYSLOT_MASTER_BYTES];
    unsigned char badkey[RECOVERY_KEY_BYTES];
    struct err e;

    (void)state;
    err_clear(&e);
    memset(out, 0xAA, sizeof out);
    assert_int_equal(keyslot_open(out, &two, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)"tiger lamp violet oxygen rivet", strlen(pass), &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_non_null(strstr(e.msg, "wrong passphrase"));
    assert_memory_equal(out, zero, sizeof out);   /* wiped on failure */
    /* The recovery key does not open the passphrase slot, nor the reverse. */
    assert_int_equal(keyslot_open(out, &two, KEYSLOT_PASSPHRASE, rkey, sizeof rkey, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_int_equal(keyslot_open(out, &two, KEYSLOT_RECOVERY,
                                  (const unsigned char *)pass, strlen(pass), &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_null(strstr(e.msg, "wrong passphrase"));
    memcpy(badkey, rkey, sizeof badkey);
    badkey[0] ^= 1;
    assert_int_equal(keyslot_open(out, &two, KEYSLOT_RECOVERY, badkey, sizeof badkey, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    /* An empty secret is just another wrong one. */
    assert_int_equal(keyslot_open(out, &two, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)"", 0, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
}

static void test_tampered_slot_is_auth_in_memory(void **state)
{
    /* In memory (no checksum), the AEAD and its associated data catch any
     * change of the slot's fields. */
    struct keyslot_file kf = two;
    unsigned char out[KEYSLOT_MASTER_BYTES];
    struct err e;

    (void)state;
    kf.slot[0].wrapped[3] ^= 0x10;
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)pass, strlen(pass), &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    kf = two;
    kf.slot[0].nonce[0] ^= 1;
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)pass, strlen(pass), &e), -1);
    kf = two;
    kf.slot[0].opslimit = OPS + 1;   /* bound as associated data */
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)pass, strlen(pass), &e), -1);
}

static void test_missing_kind(void **state)
{
    struct keyslot_file kf = two;
    unsigned char out[KEYSLOT_MASTER_BYTES];
    struct err e;

    (void)state;
    kf.nslots = 1;   /* passphrase only */
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_RECOVERY, rkey, sizeof rkey, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_non_null(strstr(e.msg, "recovery"));
}

static void test_serialise_parse_round_trip(void **state)
{
    struct keyslot_file kf;
    unsigned char again[KEYSLOT_FILE_MAX];
    unsigned char out[KEYSLOT_MASTER_BYTES];
    struct err e;

    (void)state;
    assert_int_equal(file2len, KEYSLOT_HEADER_BYTES + 2 * KEYSLOT_SLOT_BYTES + KEYSLOT_SUM_BYTES);
    assert_memory_equal(file2, "INTAKEKS", 8);
    assert_int_equal(keyslot_parse(&kf, file2, file2len, &e), 0);
    assert_int_equal(kf.nslots, 2);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(kf.slot[i].kind, two.slot[i].kind);
        assert_int_equal(kf.slot[i].alg, two.slot[i].alg);
        assert_int_equal(kf.slot[i].opslimit, two.slot[i].opslimit);
        assert_int_equal(kf.slot[i].memlimit, two.slot[i].memlimit);
        assert_memory_equal(kf.slot[i].salt, two.slot[i].salt, KEYSLOT_SALT_BYTES);
        assert_memory_equal(kf.slot[i].nonce, two.slot[i].nonce, KEYSLOT_NONCE_BYTES);
        assert_memory_equal(kf.slot[i].wrapped, two.slot[i].wrapped, KEYSLOT_WRAPPED_BYTES);
    }
    assert_int_equal(keyslot_serialise(again, sizeof again, &kf), file2len);
    assert_memory_equal(again, file2, file2len);
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_memory_equal(out, master, sizeof master);
    /* A buffer too small is refused, not overrun. */
    assert_int_equal(keyslot_serialise(again, file2len - 1, &kf), 0);
}

static void test_every_byte_flip_is_damage(void **state)
{
    unsigned char buf[KEYSLOT_FILE_MAX];
    struct keyslot_file kf;
    struct err e;

    (void)state;
    for (size_t i = 0; i < file2len; i++) {
        for (int bit = 0; bit < 8; bit += 7) {   /* lowest and highest bit */
            memcpy(buf, file2, file2len);
            buf[i] ^= (unsigned char)(1u << bit);
            err_clear(&e);
            if (keyslot_parse(&kf, buf, file2len, &e) != -1)
                fail_msg("a flip of bit %d at byte %zu was accepted", bit, i);
            if (e.code != EXIT_INPUT)
                fail_msg("a flip at byte %zu gave exit %d: %s", i, e.code, e.msg);
            assert_null(strstr(e.msg, "wrong passphrase"));
            /* The version byte names the version; every other byte says damaged. */
            if (i == 8)
                assert_non_null(strstr(e.msg, "version"));
            else if (strstr(e.msg, "damaged") == NULL)
                fail_msg("a flip at byte %zu: message without 'damaged': %s", i, e.msg);
        }
        memcpy(buf, file2, file2len);
        buf[i] ^= 0xFF;
        if (keyslot_parse(&kf, buf, file2len, &e) != -1 || e.code != EXIT_INPUT)
            fail_msg("an inverted byte %zu was not refused as damage", i);
    }
}

static void test_every_truncation_is_damage(void **state)
{
    unsigned char *buf;
    struct keyslot_file kf;
    struct err e;

    (void)state;
    for (size_t len = 0; len < file2len; len++) {
        /* A heap copy of exactly len bytes: ASan catches any over-read. */
        buf = malloc(len ? len : 1);
        assert_non_null(buf);
        memcpy(buf, file2, len);
        err_clear(&e);
        if (keyslot_parse(&kf, buf, len, &e) != -1)
            fail_msg("a file truncated to %zu bytes was accepted", len);
        assert_int_equal(e.code, EXIT_INPUT);
        if (strstr(e.msg, "damaged") == NULL)
            fail_msg("truncated to %zu: %s", len, e.msg);
        assert_int_equal(kf.nslots, 0);
        free(buf);
    }
    /* One byte too many. */
    buf = malloc(file2len + 1);
    memcpy(buf, file2, file2len);
    buf[file2len] = 0;
    assert_int_equal(keyslot_parse(&kf, buf, file2len + 1, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    free(buf);
}

static void test_bad_version(void **state)
{
    unsigned char buf[KEYSLOT_FILE_MAX];
    struct keyslot_file kf;
    struct err e;

    (void)state;
    for (int v = 0; v < 256; v += 1) {
        if (v == 1)
            continue;
        memcpy(buf, file2, file2len);
        buf[8] = (unsigned char)v;
        resum(buf, file2len);   /* a well-formed file of another version */
        assert_int_equal(keyslot_parse(&kf, buf, file2len, &e), -1);
        assert_int_equal(e.code, EXIT_INPUT);
        assert_non_null(strstr(e.msg, "version"));
    }
}

static void test_slot_count(void **state)
{
    unsigned char buf[KEYSLOT_FILE_MAX];
    struct keyslot_file kf;
    struct err e;

    (void)state;
    memcpy(buf, file2, file2len);
    buf[9] = 0;   /* no slots: refused even with a good checksum */
    resum(buf, KEYSLOT_HEADER_BYTES + KEYSLOT_SUM_BYTES);
    assert_int_equal(keyslot_parse(&kf, buf, KEYSLOT_HEADER_BYTES + KEYSLOT_SUM_BYTES, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    memcpy(buf, file2, file2len);
    buf[9] = KEYSLOT_MAX + 1;
    assert_int_equal(keyslot_parse(&kf, buf, file2len, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
}

/* Changes one field of slot i, fixes the checksum, expects a refusal. */
static void expect_refused(size_t off, const unsigned char *val, size_t vlen,
                           const char *want)
{
    unsigned char buf[KEYSLOT_FILE_MAX];
    struct keyslot_file kf;
    struct err e;

    memcpy(buf, file2, file2len);
    memcpy(buf + off, val, vlen);
    resum(buf, file2len);
    err_clear(&e);
    if (keyslot_parse(&kf, buf, file2len, &e) != -1)
        fail_msg("field at %zu accepted", off);
    assert_int_equal(e.code, EXIT_INPUT);
    if (strstr(e.msg, want) == NULL)
        fail_msg("field at %zu: expected '%s' in: %s", off, want, e.msg);
    assert_int_equal(kf.nslots, 0);
}

static void expect_le64(size_t off, uint64_t v, const char *want)
{
    unsigned char b[8];

    put_le64(b, v);
    expect_refused(off, b, 8, want);
}

static void test_out_of_range_costs(void **state)
{
    (void)state;
    for (int i = 0; i < 2; i++) {
        size_t s = SLOT_OFF(i);
        expect_le64(s + OPS_OFF, 0, "out-of-range");
        expect_le64(s + OPS_OFF, crypto_pwhash_OPSLIMIT_MIN - 1, "out-of-range");
        expect_le64(s + OPS_OFF, 33, "out-of-range");
        expect_le64(s + OPS_OFF, UINT64_MAX, "out-of-range");
        expect_le64(s + MEM_OFF, 0, "out-of-range");
        expect_le64(s + MEM_OFF, crypto_pwhash_MEMLIMIT_MIN - 1, "out-of-range");
        expect_le64(s + MEM_OFF, (4ULL << 30) + 1, "out-of-range");
        expect_le64(s + MEM_OFF, UINT64_MAX, "out-of-range");
    }
}

static void test_in_range_costs_parse(void **state)
{
    unsigned char buf[KEYSLOT_FILE_MAX];
    struct keyslot_file kf;
    struct err e;

    (void)state;
    memcpy(buf, file2, file2len);
    put_le64(buf + SLOT_OFF(0) + OPS_OFF, 32);
    put_le64(buf + SLOT_OFF(0) + MEM_OFF, 4ULL << 30);
    resum(buf, file2len);
    assert_int_equal(keyslot_parse(&kf, buf, file2len, &e), 0);
    assert_int_equal(kf.slot[0].opslimit, 32);
    assert_int_equal(kf.slot[0].memlimit, 4ULL << 30);
}

static void test_unknown_kind_and_alg(void **state)
{
    unsigned char v;

    (void)state;
    v = 0;
    expect_refused(SLOT_OFF(1) + KIND_OFF, &v, 1, "kind");
    v = 3;
    expect_refused(SLOT_OFF(0) + KIND_OFF, &v, 1, "kind");
    v = 0;
    expect_refused(SLOT_OFF(0) + ALG_OFF, &v, 1, "algorithm");
    v = 3;
    expect_refused(SLOT_OFF(1) + ALG_OFF, &v, 1, "algorithm");
}

/* New slots are algorithm 2 (Argon2id, two lanes, crypto/kdf.h), their
 * memory raised to two lanes' 16 KiB when asked for less. */
static void test_seal_two_lanes(void **state)
{
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(two.slot[i].alg, KEYSLOT_ALG_ARGON2ID2_XCHACHA);
        assert_int_equal(two.slot[i].memlimit, 16384);
    }
    assert_int_equal(file2[SLOT_OFF(0) + ALG_OFF], 2);
}

/* A two-lane slot below 16 KiB cannot be computed: damage, not a wrong
 * passphrase; a one-lane slot may have libsodium's 8 KiB. */
static void test_two_lanes_least_memory(void **state)
{
    unsigned char buf[KEYSLOT_FILE_MAX], one = KEYSLOT_ALG_ARGON2ID_XCHACHA;
    struct keyslot_file kf;
    struct err e;

    (void)state;
    expect_le64(SLOT_OFF(0) + MEM_OFF, 16383, "out-of-range");
    memcpy(buf, file2, file2len);
    buf[SLOT_OFF(0) + ALG_OFF] = one;
    put_le64(buf + SLOT_OFF(0) + MEM_OFF, crypto_pwhash_MEMLIMIT_MIN);
    resum(buf, file2len);
    assert_int_equal(keyslot_parse(&kf, buf, file2len, &e), 0);
    assert_int_equal(kf.slot[0].memlimit, crypto_pwhash_MEMLIMIT_MIN);
}

/* Seals master in s as intake did before two lanes: algorithm 1, the key
 * from libsodium's crypto_pwhash (one lane); the associated data is the
 * file's magic and version and the slot's fields before the wrapped key
 * (docs/FORMAT.md), taken from the serialised file. */
static void seal_one_lane(struct keyslot_file *kf, size_t i, const void *secret, size_t len)
{
    unsigned char file[KEYSLOT_FILE_MAX], ad[9 + KEYSLOT_SLOT_BYTES], kek[32];
    struct keyslot *s = &kf->slot[i];
    size_t head = KEYSLOT_SLOT_BYTES - KEYSLOT_WRAPPED_BYTES;

    s->alg = KEYSLOT_ALG_ARGON2ID_XCHACHA;
    s->memlimit = crypto_pwhash_MEMLIMIT_MIN;
    assert_true(keyslot_serialise(file, sizeof file, kf) > 0);
    memcpy(ad, file, 9);
    memcpy(ad + 9, file + SLOT_OFF(i), head);
    assert_int_equal(crypto_pwhash(kek, sizeof kek, secret, len, s->salt, s->opslimit,
                                   (size_t)s->memlimit, crypto_pwhash_ALG_ARGON2ID13), 0);
    crypto_aead_xchacha20poly1305_ietf_encrypt(s->wrapped, NULL, master, sizeof master,
                                               ad, 9 + head, NULL, s->nonce, kek);
}

/* Stores made before two lanes keep opening: a one-lane slot (libsodium)
 * opens with its passphrase or recovery key, and only with them, through
 * the file's bytes as well; a one-lane key under the label of a two-lane
 * slot does not open it (the algorithm is in the associated data). */
static void test_one_lane_slot_opens(void **state)
{
    unsigned char out[KEYSLOT_MASTER_BYTES], buf[KEYSLOT_FILE_MAX];
    struct keyslot_file kf = two, back;
    size_t len;
    struct err e;

    (void)state;
    seal_one_lane(&kf, 0, pass, strlen(pass));
    seal_one_lane(&kf, 1, rkey, sizeof rkey);
    len = keyslot_serialise(buf, sizeof buf, &kf);
    assert_int_equal(buf[SLOT_OFF(0) + ALG_OFF], 1);
    assert_int_equal(keyslot_parse(&back, buf, len, &e), 0);
    memset(out, 0, sizeof out);
    assert_int_equal(keyslot_open(out, &back, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_memory_equal(out, master, sizeof master);
    memset(out, 0, sizeof out);
    assert_int_equal(keyslot_open(out, &back, KEYSLOT_RECOVERY, rkey, sizeof rkey, &e), 0);
    assert_memory_equal(out, master, sizeof master);
    err_clear(&e);
    assert_int_equal(keyslot_open(out, &back, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)"tiger lamp", 10, &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    /* The same one-lane wrapping relabelled as two lanes: wrong key. */
    back.slot[0].alg = KEYSLOT_ALG_ARGON2ID2_XCHACHA;
    back.slot[0].memlimit = 16384;
    err_clear(&e);
    assert_int_equal(keyslot_open(out, &back, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)pass, strlen(pass), &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
}

static void test_put_replace_and_append(void **state)
{
    struct keyslot_file kf;
    struct keyslot s;
    unsigned char out[KEYSLOT_MASTER_BYTES];
    static const char newpass[] = "marble cactus winter ninety lantern";
    struct err e;

    (void)state;
    memset(&kf, 0, sizeof kf);
    /* Append to an empty file. */
    assert_int_equal(keyslot_put(&kf, &two.slot[1], &e), 0);
    assert_int_equal(kf.nslots, 1);
    assert_int_equal(keyslot_put(&kf, &two.slot[0], &e), 0);
    assert_int_equal(kf.nslots, 2);
    assert_int_equal(kf.slot[0].kind, KEYSLOT_RECOVERY);
    assert_int_equal(kf.slot[1].kind, KEYSLOT_PASSPHRASE);
    /* Replace the passphrase slot in place; the recovery slot stays. */
    assert_int_equal(keyslot_seal(&s, KEYSLOT_PASSPHRASE, master,
                                  (const unsigned char *)newpass, strlen(newpass), OPS, MEM, &e), 0);
    assert_int_equal(keyslot_put(&kf, &s, &e), 0);
    assert_int_equal(kf.nslots, 2);
    assert_memory_equal(kf.slot[1].salt, s.salt, sizeof s.salt);
    assert_memory_equal(kf.slot[0].salt, two.slot[1].salt, sizeof s.salt);
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)pass, strlen(pass), &e), -1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)newpass, strlen(newpass), &e), 0);
    assert_memory_equal(out, master, sizeof master);
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_RECOVERY, rkey, sizeof rkey, &e), 0);
    /* A full file refuses a new kind. */
    kf.nslots = KEYSLOT_MAX;
    for (int i = 0; i < KEYSLOT_MAX; i++)
        kf.slot[i] = two.slot[0];
    s.kind = KEYSLOT_RECOVERY;
    assert_int_equal(keyslot_put(&kf, &s, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(kf.nslots, KEYSLOT_MAX);
}

/* Two slots of one kind (passwd's middle step) both open; drop removes
 * every slot of a kind and keeps the others in order. */
static void test_add_and_drop(void **state)
{
    struct keyslot_file kf;
    struct keyslot s;
    unsigned char out[KEYSLOT_MASTER_BYTES];
    static const char newpass[] = "marble cactus winter ninety lantern";
    struct err e;

    (void)state;
    kf = two;
    assert_int_equal(keyslot_seal(&s, KEYSLOT_PASSPHRASE, master,
                                  (const unsigned char *)newpass, strlen(newpass), OPS, MEM, &e), 0);
    assert_int_equal(keyslot_add(&kf, &s, &e), 0);
    assert_int_equal(kf.nslots, 3);
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)pass, strlen(pass), &e), 0);
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)newpass, strlen(newpass), &e), 0);
    assert_memory_equal(out, master, sizeof master);
    keyslot_drop(&kf, KEYSLOT_PASSPHRASE);
    assert_int_equal(kf.nslots, 1);
    assert_int_equal(kf.slot[0].kind, KEYSLOT_RECOVERY);
    assert_int_equal(keyslot_open(out, &kf, KEYSLOT_PASSPHRASE,
                                  (const unsigned char *)pass, strlen(pass), &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    kf.nslots = KEYSLOT_MAX;
    assert_int_equal(keyslot_add(&kf, &s, &e), -1);
    assert_string_equal(e.msg, "no free keyslot");
}

static void test_save_load(void **state)
{
    char path[300];
    struct keyslot_file kf;
    struct stat st;
    struct err e;

    (void)state;
    snprintf(path, sizeof path, "%s/keyslots", dir);
    assert_int_equal(keyslot_save(path, &two, 0, &e), 0);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal((size_t)st.st_size, file2len);
    assert_int_equal(keyslot_load(&kf, path, &e), 0);
    assert_int_equal(kf.nslots, 2);
    /* Never overwrites unless asked. */
    assert_int_equal(keyslot_save(path, &two, 0, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(keyslot_save(path, &two, 1, &e), 0);
    /* A missing file is bad input, not an authentication failure. */
    snprintf(path, sizeof path, "%s/missing", dir);
    assert_int_equal(keyslot_load(&kf, path, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
}

static void test_recovery_round_trip(void **state)
{
    unsigned char key[RECOVERY_KEY_BYTES], back[RECOVERY_KEY_BYTES];
    char text[RECOVERY_TEXT_BYTES];
    struct err e;

    (void)state;
    for (int n = 0; n < 200; n++) {
        if (n == 0)
            memset(key, 0, sizeof key);
        else if (n == 1)
            memset(key, 0xFF, sizeof key);
        else
            randombytes_buf(key, sizeof key);
        recovery_key_format(text, sizeof text, key);
        assert_int_equal(strlen(text), 39);
        for (int i = 0; i < 39; i++) {
            if (i % 5 == 4)
                assert_int_equal(text[i], '-');
            else
                assert_non_null(strchr("0123456789ABCDEFGHJKMNPQRSTVWXYZ", text[i]));
        }
        assert_int_equal(recovery_key_parse(back, text, &e), 0);
        assert_memory_equal(back, key, sizeof key);
    }
    memset(key, 0, sizeof key);
    recovery_key_format(text, sizeof text, key);
    assert_string_equal(text, "0000-0000-0000-0000-0000-0000-0000-0000");
    memset(key, 0xFF, sizeof key);
    recovery_key_format(text, sizeof text, key);
    assert_string_equal(text, "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
}

static void test_recovery_lenient_forms(void **state)
{
    unsigned char key[RECOVERY_KEY_BYTES], back[RECOVERY_KEY_BYTES];
    char text[RECOVERY_TEXT_BYTES], alt[128];
    struct err e;
    size_t o;

    (void)state;
    randombytes_buf(key, sizeof key);
    recovery_key_format(text, sizeof text, key);
    /* Lowercase. */
    for (o = 0; text[o]; o++)
        alt[o] = (char)((text[o] >= 'A' && text[o] <= 'Z') ? text[o] + 32 : text[o]);
    alt[o] = '\0';
    assert_int_equal(recovery_key_parse(back, alt, &e), 0);
    assert_memory_equal(back, key, sizeof key);
    /* No dashes. */
    o = 0;
    for (size_t i = 0; text[i]; i++)
        if (text[i] != '-')
            alt[o++] = text[i];
    alt[o] = '\0';
    assert_int_equal(strlen(alt), 32);
    assert_int_equal(recovery_key_parse(back, alt, &e), 0);
    assert_memory_equal(back, key, sizeof key);
    /* Spaces instead of dashes, and extra ones. */
    o = 0;
    alt[o++] = ' ';
    for (size_t i = 0; text[i]; i++)
        alt[o++] = text[i] == '-' ? ' ' : text[i];
    alt[o++] = ' ';
    alt[o] = '\0';
    assert_int_equal(recovery_key_parse(back, alt, &e), 0);
    assert_memory_equal(back, key, sizeof key);

    /* Confusables: O and o read as 0, I i L l read as 1. */
    assert_int_equal(recovery_key_parse(key, "0000-1111-0000-1111-0000-1111-0000-1111", &e), 0);
    assert_int_equal(recovery_key_parse(back, "OOOO-IIII-oooo-LLLL-0o0O-iIlL-O0o0-1Il1", &e), 0);
    assert_memory_equal(back, key, sizeof key);
}

static void test_recovery_bad_inputs(void **state)
{
    static const char *const bad[] = {
        "",
        "----",
        "0000-0000-0000-0000-0000-0000-0000-000",       /* 31 */
        "0000-0000-0000-0000-0000-0000-0000-00000",     /* 33 */
        "0000-0000-0000-0000-0000-0000-0000-0000-0000", /* 36 */
        "0000-0000-0000-0000-0000-0000-0000-000U",      /* U is not Crockford */
        "0000-0000-0000-0000-0000-0000-0000-000u",
        "0000-0000-0000-0000-0000-0000-0000-000*",
        "0000_0000_0000_0000_0000_0000_0000_0000",
        "0000-0000-0000-0000-0000-0000-0000-000\xc3\x96",
        "0000-0000-0000-0000-0000-0000-0000-0000\n",
        "tiger lamp violet oxygen river",
    };
    unsigned char key[RECOVERY_KEY_BYTES];
    static const unsigned char zero[RECOVERY_KEY_BYTES];
    struct err e;

    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        memset(key, 0x55, sizeof key);
        err_clear(&e);
        if (recovery_key_parse(key, bad[i], &e) != -1)
            fail_msg("accepted bad recovery key #%zu '%s'", i, bad[i]);
        assert_int_equal(e.code, EXIT_INPUT);
        assert_memory_equal(key, zero, sizeof key);   /* wiped */
    }
}

static int setup(void **state)
{
    struct err e;

    (void)state;
    if (sodium_init() < 0 || mkdtemp(dir) == NULL)
        return -1;
    randombytes_buf(master, sizeof master);
    randombytes_buf(rkey, sizeof rkey);
    memset(&two, 0, sizeof two);
    if (keyslot_seal(&two.slot[0], KEYSLOT_PASSPHRASE, master,
                     (const unsigned char *)pass, strlen(pass), OPS, MEM, &e) != 0 ||
        keyslot_seal(&two.slot[1], KEYSLOT_RECOVERY, master, rkey, sizeof rkey,
                     OPS, MEM, &e) != 0)
        return -1;
    two.nslots = 2;
    file2len = keyslot_serialise(file2, sizeof file2, &two);
    return file2len == 0 ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    return remove_tree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kdf_params),
        cmocka_unit_test(test_seal_open_round_trip),
        cmocka_unit_test(test_passphrase_normal_forms),
        cmocka_unit_test(test_interactive_cost),
        cmocka_unit_test(test_seal_is_randomised),
        cmocka_unit_test(test_wrong_secret_is_auth),
        cmocka_unit_test(test_tampered_slot_is_auth_in_memory),
        cmocka_unit_test(test_missing_kind),
        cmocka_unit_test(test_serialise_parse_round_trip),
        cmocka_unit_test(test_every_byte_flip_is_damage),
        cmocka_unit_test(test_every_truncation_is_damage),
        cmocka_unit_test(test_bad_version),
        cmocka_unit_test(test_slot_count),
        cmocka_unit_test(test_out_of_range_costs),
        cmocka_unit_test(test_in_range_costs_parse),
        cmocka_unit_test(test_unknown_kind_and_alg),
        cmocka_unit_test(test_seal_two_lanes),
        cmocka_unit_test(test_two_lanes_least_memory),
        cmocka_unit_test(test_one_lane_slot_opens),
        cmocka_unit_test(test_put_replace_and_append),
        cmocka_unit_test(test_add_and_drop),
        cmocka_unit_test(test_save_load),
        cmocka_unit_test(test_recovery_round_trip),
        cmocka_unit_test(test_recovery_lenient_forms),
        cmocka_unit_test(test_recovery_bad_inputs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
