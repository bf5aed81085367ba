/* libFuzzer: text as a scanned QR code hands it over, through both
 * parsers that receive it: the safety number compare and the card. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/card.h"
#include "crypto/safety.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char expected[] = "17367 21769 73603 51275 99809 10527 31824 "
                               "80406 13616 35174 83462 89838";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char got[SAFETY_NUMBER_SIZE];
    struct card c;
    struct err e;
    int rc;

    if (sodium_init() < 0)
        abort();
    rc = safety_qr_compare((const char *)data, size, expected, &e);
    if (rc == 0 && safety_qr_parse(got, sizeof got, (const char *)data, size,
                                   &e) != 0)
        abort();
    if (rc == 0 && strcmp(got, expected) != 0)
        abort();
    if (rc != 0 && e.code != EXIT_AUTH && e.code != EXIT_INPUT)
        abort();
    if (card_decode(&c, (const char *)data, size, &e) != 0 && e.code != EXIT_INPUT)
        abort();
    return 0;
}
