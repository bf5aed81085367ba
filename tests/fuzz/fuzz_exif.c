/* libFuzzer: any bytes as the start of a file for the EXIF GPS check. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "export/exif.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int r = exif_has_gps(data, size);

    if (r != 0 && r != 1)
        abort();
    return 0;
}
