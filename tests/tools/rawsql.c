/* Test tool: what an older intake let into a store. Opens the store in DIR
 * (passphrase on descriptor 3) and runs SQL on it as it is, past every
 * check of today's commands: a test store only. Used by
 * tests/cli/adv14b.bats for names with direction-changing marks, which
 * stores made before they were refused may hold.
 *   rawsql DIR SQL */
#include <stdio.h>

#include "crypto/secmem.h"
#include "store/db.h"
#include "util/prompt.h"

int main(int argc, char **argv)
{
    struct store *s = NULL;
    struct err e;
    char *pass = NULL;
    size_t len;
    int rc = 0;

    if (argc != 3 || sodium_init() < 0)
        return 2;
    err_clear(&e);
    if (read_secret_line(&pass, &len, 3, &e) != 0 ||
        store_open(&s, argv[1], KEYSLOT_PASSPHRASE, (const unsigned char *)pass, len, &e) != 0 ||
        db_exec(s, argv[2], &e) != 0) {
        fprintf(stderr, "rawsql: %s\n", e.msg);
        rc = 2;
    }
    store_close(s);
    secmem_free(pass);
    return rc;
}
