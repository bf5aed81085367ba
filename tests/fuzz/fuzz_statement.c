/* libFuzzer: statement_read on arbitrary bytes (export/statement.h).  A
 * refusal has a status and a message; an accepted statement verified, so
 * its fields are in range and signing the same fields with the same key
 * is impossible here: instead the bytes are checked to decode back to the
 * same fields. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/statement.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct statement st;
    struct err e;

    if (sodium_init() < 0)
        abort();
    if (statement_read(&st, data, size, &e) != 0) {
        if ((e.code != EXIT_INPUT && e.code != EXIT_AUTH) || e.msg[0] == '\0')
            abort();
        return 0;
    }
    if (!statement_is(data, size) || st.verdict < 0 || st.verdict > 2 ||
        strlen(st.day) != STATEMENT_DAYCHARS ||
        memcmp(st.bytes + 1, st.signer, sizeof st.signer) != 0 ||
        memcmp(st.bytes + 1 + sizeof st.signer, st.bundle, sizeof st.bundle) != 0)
        abort();
    return 0;
}
