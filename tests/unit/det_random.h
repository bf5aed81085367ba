/* A fixed randomness source for tests that must write the same bytes on
 * every run (tests/unit/export/test_vectors.c, tests/tools/testkit.c):
 * each request draws from ChaCha20 (randombytes_buf_deterministic) keyed
 * by det_seed with the request's number in its last 8 bytes.  Install it
 * with randombytes_set_implementation(&det) before sodium_init(); set
 * det_seed and det_counter = 0 before each bundle.  libsodium has no test
 * mode: this is how its randomness is replaced, in tests only. */
#ifndef TEST_DET_RANDOM_H
#define TEST_DET_RANDOM_H

#include <stdint.h>
#include <string.h>
#include <sodium.h>

static unsigned char det_seed[randombytes_SEEDBYTES];
static uint64_t det_counter;

static void det_buf(void *buf, size_t len)
{
    unsigned char seed[randombytes_SEEDBYTES];

    memcpy(seed, det_seed, sizeof seed);
    memcpy(seed + 24, &det_counter, sizeof det_counter);
    det_counter++;
    randombytes_buf_deterministic(buf, len, seed);
}

static uint32_t det_random(void)
{
    uint32_t v;

    det_buf(&v, sizeof v);
    return v;
}

static const char *det_name(void)
{
    return "intake-test-determinism";
}

__attribute__((unused)) static struct randombytes_implementation det = {
    det_name, det_random, NULL, NULL, det_buf, NULL
};

#endif
