/* libFuzzer: any bytes given to bundle_read() as a bundle file, read by a
 * fixed test recipient (X25519 key from a seed of 32 bytes 0x01).  The
 * corpus holds bundles sealed to that key, binary and armored. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <sodium.h>

#include "export/bundle.h"
#include "export/payload.h"

static unsigned char pk[crypto_box_PUBLICKEYBYTES];
static unsigned char sk[crypto_box_SECRETKEYBYTES];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct payload_callbacks cb = {NULL, NULL, NULL};
    static int fd = -1;
    struct payload_parser parser;
    struct bundle_info info;
    struct err e;

    if (fd < 0) {
        unsigned char seed[crypto_box_SEEDBYTES];

        if (sodium_init() < 0)
            abort();
        memset(seed, 1, sizeof seed);
        crypto_box_seed_keypair(pk, sk, seed);
        fd = memfd_create("fuzz-bundle", 0);
        if (fd < 0)
            abort();
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size ||
        lseek(fd, 0, SEEK_SET) != 0)
        abort();
    payload_parser_init(&parser, &cb, NULL);
    if (bundle_read(fd, pk, sk, payload_parser_sink, &parser, &info, &e) == 0)
        (void)payload_parser_finish(&parser, &e);
    return 0;
}
