/* libFuzzer: any bytes as an attachment of a received bundle, examined
 * for metadata (export/media.h): read only, never written. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "export/media.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct media_report r;
    struct err e;
    char kinds[200];

    if (sodium_init() < 0)
        abort();
    if (media_find(&r, data, size, &e) == 0) {
        media_kinds_text(kinds, sizeof kinds, r.kinds);
        if (r.format == NULL || strlen(r.what) >= sizeof r.what)
            abort();
    }
    return 0;
}
