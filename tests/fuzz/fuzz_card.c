/* libFuzzer: card_decode on arbitrary bytes; an accepted card must encode
 * back to the same card and decode again to it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/card.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct card c, d;
    struct err e;
    char text[CARD_TEXT_SIZE];

    if (sodium_init() < 0)
        abort();
    if (card_decode(&c, (const char *)data, size, &e) != 0) {
        if (e.code != EXIT_INPUT || e.msg[0] == '\0')
            abort();
        return 0;
    }
    if (card_encode(text, sizeof text, &c, &e) != 0 ||
        card_decode(&d, text, strlen(text), &e) != 0 ||
        memcmp(&c, &d, sizeof c) != 0)
        abort();
    return 0;
}
