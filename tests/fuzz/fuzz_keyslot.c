/* libFuzzer: any bytes given to the keyslot file parser. A file it accepts
 * must serialise back to the same bytes, and every slot in it must have
 * costs within the bounds parse enforces (no Argon2id is ever run here). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/keyslot.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct keyslot_file kf;
    unsigned char out[KEYSLOT_FILE_MAX];
    struct err e;
    size_t n;

    err_clear(&e);
    if (keyslot_parse(&kf, data, size, &e) != 0) {
        /* Every refusal is bad input with a message, never an auth failure. */
        if (e.code != EXIT_INPUT || e.msg[0] == '\0' || kf.nslots != 0)
            abort();
        return 0;
    }
    if (kf.nslots == 0 || kf.nslots > KEYSLOT_MAX)
        abort();
    for (size_t i = 0; i < kf.nslots; i++) {
        const struct keyslot *s = &kf.slot[i];
        if ((s->kind != KEYSLOT_PASSPHRASE && s->kind != KEYSLOT_RECOVERY) ||
            s->opslimit < crypto_pwhash_OPSLIMIT_MIN || s->opslimit > 32 ||
            s->memlimit < crypto_pwhash_MEMLIMIT_MIN || s->memlimit > (4ULL << 30) ||
            (s->alg != KEYSLOT_ALG_ARGON2ID_XCHACHA && s->alg != KEYSLOT_ALG_ARGON2ID2_XCHACHA) ||
            (s->alg == KEYSLOT_ALG_ARGON2ID2_XCHACHA && s->memlimit < 16384))
            abort();
    }
    n = keyslot_serialise(out, sizeof out, &kf);
    if (n != size || memcmp(out, data, size) != 0)
        abort();
    return 0;
}
