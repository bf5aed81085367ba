/* Safety numbers: see safety.h and docs/FORMAT.md. */
#include "crypto/safety.h"

#include <string.h>
#include <strings.h>

#include <sodium.h>

#define KEYS_LEN (crypto_sign_PUBLICKEYBYTES + crypto_box_PUBLICKEYBYTES)
/* Signal's count: each guess at a matching key costs this many hashes. */
#define ITERATIONS 5200

static void card_keys(unsigned char *out, const struct card *c)
{
    memcpy(out, c->sign_pk, sizeof c->sign_pk);
    memcpy(out + sizeof c->sign_pk, c->box_pk, sizeof c->box_pk);
}

/* SHA-512 of domain || lo || hi, then ITERATIONS times of h || lo || hi. */
static void iterate_hash(unsigned char *h, const unsigned char *lo,
                         const unsigned char *hi)
{
    static const char domain[] = "INTAKE-SN1";
    crypto_hash_sha512_state st;
    int i;

    crypto_hash_sha512_init(&st);
    crypto_hash_sha512_update(&st, (const unsigned char *)domain, sizeof domain - 1);
    crypto_hash_sha512_update(&st, lo, KEYS_LEN);
    crypto_hash_sha512_update(&st, hi, KEYS_LEN);
    crypto_hash_sha512_final(&st, h);
    for (i = 0; i < ITERATIONS; i++) {
        crypto_hash_sha512_init(&st);
        crypto_hash_sha512_update(&st, h, crypto_hash_sha512_BYTES);
        crypto_hash_sha512_update(&st, lo, KEYS_LEN);
        crypto_hash_sha512_update(&st, hi, KEYS_LEN);
        crypto_hash_sha512_final(&st, h);
    }
}

/* Each 5-byte slice, big-endian, modulo 100000 is one group of digits. */
static void write_groups(char *out, const unsigned char *h)
{
    int g, i;

    for (g = 0; g < SAFETY_GROUPS; g++) {
        unsigned long long v = 0;
        for (i = 0; i < 5; i++)
            v = (v << 8) | h[5 * g + i];
        v %= 100000u;
        for (i = 4; i >= 0; i--) {
            out[6 * g + i] = (char)('0' + v % 10u);
            v /= 10u;
        }
        out[6 * g + 5] = g + 1 < SAFETY_GROUPS ? ' ' : '\0';
    }
}

int safety_number(char *out, size_t outlen, const struct card *a,
                  const struct card *b, struct err *e)
{
    unsigned char ka[KEYS_LEN], kb[KEYS_LEN], h[crypto_hash_sha512_BYTES];
    int cmp;

    if (outlen < SAFETY_NUMBER_SIZE)
        return err_set(e, EXIT_INPUT, "no room for a safety number");
    card_keys(ka, a);
    card_keys(kb, b);
    cmp = memcmp(ka, kb, sizeof ka);
    if (cmp == 0)
        return err_set(e, EXIT_INPUT, "both cards carry the same keys; a "
                       "safety number needs two different cards");
    if (cmp < 0)
        iterate_hash(h, ka, kb);
    else
        iterate_hash(h, kb, ka);
    write_groups(out, h);
    return 0;
}

/* Copies the digits of s (skipping single spaces between groups) to out;
 * -1 unless there are exactly SAFETY_DIGITS of them and nothing else. */
static int digits_only(char *out, const char *s, size_t len)
{
    size_t i, n = 0;

    for (i = 0; i < len; i++) {
        if (s[i] == ' ' && n > 0 && n % 5 == 0 && i + 1 < len && s[i + 1] != ' ')
            continue;
        if (s[i] < '0' || s[i] > '9' || n == SAFETY_DIGITS)
            return -1;
        out[n++] = s[i];
    }
    return n == SAFETY_DIGITS ? 0 : -1;
}

int safety_qr_payload(char *out, size_t outlen, const char *number,
                      struct err *e)
{
    size_t plen = sizeof SAFETY_QR_PREFIX - 1;

    if (outlen < SAFETY_QR_SIZE)
        return err_set(e, EXIT_INPUT, "no room for a safety number QR code");
    if (digits_only(out + plen, number, strlen(number)) != 0)
        return err_set(e, EXIT_INPUT, "not a safety number: %.80s", number);
    memcpy(out, SAFETY_QR_PREFIX, plen);
    out[plen + SAFETY_DIGITS] = '\0';
    return 0;
}

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static int has_prefix(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);

    return len >= n && strncasecmp(s, prefix, n) == 0;
}

/* Says what a scanned text is when it is not a safety number. */
static int refuse_payload(const char *s, size_t len, struct err *e)
{
    if (has_prefix(s, len, CARD_PREFIX))
        return err_set(e, EXIT_INPUT, "this QR code holds a contact card, "
                       "not a safety number");
    if (has_prefix(s, len, "INTAKE-SN") && !has_prefix(s, len, SAFETY_QR_PREFIX))
        return err_set(e, EXIT_INPUT, "this safety number comes from another "
                       "version of intake (expected %s); update both sides",
                       SAFETY_QR_PREFIX);
    if (!has_prefix(s, len, SAFETY_QR_PREFIX))
        return err_set(e, EXIT_INPUT, "this QR code does not hold an intake "
                       "safety number");
    return err_set(e, EXIT_INPUT, "safety number QR code is malformed: %s "
                   "must be followed by exactly %d digits", SAFETY_QR_PREFIX,
                   SAFETY_DIGITS);
}

int safety_qr_parse(char *out, size_t outlen, const char *payload, size_t len,
                    struct err *e)
{
    size_t plen = sizeof SAFETY_QR_PREFIX - 1;
    char d[SAFETY_DIGITS];
    int g;

    if (outlen < SAFETY_NUMBER_SIZE)
        return err_set(e, EXIT_INPUT, "no room for a safety number");
    while (len > 0 && is_space(payload[0])) {
        payload++;
        len--;
    }
    while (len > 0 && is_space(payload[len - 1]))
        len--;
    if (len == 0)
        return err_set(e, EXIT_INPUT, "the QR code is empty");
    if (len != plen + SAFETY_DIGITS || !has_prefix(payload, len, SAFETY_QR_PREFIX) ||
        memchr(payload, ' ', len) != NULL ||
        digits_only(d, payload + plen, len - plen) != 0)
        return refuse_payload(payload, len, e);
    for (g = 0; g < SAFETY_GROUPS; g++) {
        memcpy(out + 6 * g, d + 5 * g, 5);
        out[6 * g + 5] = g + 1 < SAFETY_GROUPS ? ' ' : '\0';
    }
    return 0;
}

int safety_qr_compare(const char *payload, size_t len, const char *expected,
                      struct err *e)
{
    char got[SAFETY_NUMBER_SIZE], a[SAFETY_DIGITS], b[SAFETY_DIGITS];

    if (safety_qr_parse(got, sizeof got, payload, len, e) != 0)
        return -1;
    if (digits_only(a, expected, strlen(expected)) != 0)
        return err_set(e, EXIT_INPUT, "not a safety number: %.80s", expected);
    if (digits_only(b, got, strlen(got)) != 0 ||
        sodium_memcmp(a, b, sizeof a) != 0)
        return err_set(e, EXIT_AUTH, "safety numbers do not match: one of "
                       "you holds a key that is not the other's; do not use "
                       "this contact until you know why");
    return 0;
}
