/* libzbar loaded on first use: see qr_zbar.h. */
#include "crypto/qr_zbar.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static struct qr_zbar table;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded;               /* 1 when every entry of table is set */
static char load_error[256];     /* why not, when loaded is 0 */

/* One entry: the address of a table slot and libzbar's name for it. */
#define ENTRY(f) { (void **)(void *)&table.f, "zbar_" #f }

static void load(void)
{
    const struct { void **slot; const char *name; } entries[] = {
        ENTRY(image_scanner_create), ENTRY(image_scanner_destroy),
        ENTRY(image_scanner_set_config), ENTRY(image_create),
        ENTRY(image_destroy), ENTRY(image_set_format), ENTRY(image_set_size),
        ENTRY(image_set_data), ENTRY(scan_image), ENTRY(image_first_symbol),
        ENTRY(symbol_next), ENTRY(symbol_get_type),
        ENTRY(symbol_get_data_length), ENTRY(symbol_get_data),
    };
    size_t i;
    const char *why;

    /* RTLD_GLOBAL, then lookups in the global scope (RTLD_DEFAULT): a
     * preloaded library's function of the same name comes first, as it
     * did when libzbar was linked in. */
    if (dlopen(QR_ZBAR_SONAME, RTLD_NOW | RTLD_GLOBAL) == NULL) {
        why = dlerror();
        snprintf(load_error, sizeof load_error, "%s", why ? why : "?");
        return;
    }
    for (i = 0; i < sizeof entries / sizeof entries[0]; i++) {
        void *p = dlsym(RTLD_DEFAULT, entries[i].name);

        if (p == NULL) {
            snprintf(load_error, sizeof load_error, "%s: no %s",
                     QR_ZBAR_SONAME, entries[i].name);
            return;
        }
        memcpy(entries[i].slot, &p, sizeof p);
    }
    loaded = 1;
}

int qr_zbar_get(const struct qr_zbar **z, struct err *e)
{
    (void)pthread_once(&load_once, load);
    if (!loaded)
        return err_set(e, EXIT_INPUT, "cannot load the QR code reader "
                       "(%s); install Debian's libzbar0", load_error);
    *z = &table;
    return 0;
}
