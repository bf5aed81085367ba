/* Test tool: prints, in hex, the key the database of the store in DIR is
 * encrypted with (passphrase on descriptor 3), so a test can decrypt its
 * pages and look for text that must be gone, free pages included (what
 * SQL cannot reach). A test store's key only. Used by tests/cli/leak.bats.
 *   masterkey DIR */
#include <stdio.h>

#include "crypto/secmem.h"
#include "store/db.h"
#include "util/prompt.h"

int main(int argc, char **argv)
{
    char hex[2 * KEYSLOT_MASTER_BYTES + 1];
    struct store *s = NULL;
    struct err e;
    char *pass;
    size_t len;

    if (argc != 2 || sodium_init() < 0)
        return 2;
    err_clear(&e);
    if (read_secret_line(&pass, &len, 3, &e) != 0 ||
        store_open(&s, argv[1], KEYSLOT_PASSPHRASE, (const unsigned char *)pass, len, &e) != 0) {
        fprintf(stderr, "masterkey: %s\n", e.msg);
        return 2;
    }
    sodium_bin2hex(hex, sizeof hex, s->master, KEYSLOT_MASTER_BYTES);
    printf("%s\n", hex);
    store_close(s);
    secmem_free(pass);
    return 0;
}
