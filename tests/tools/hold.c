/* Test tool: another intake in the middle of a change. Opens the store in
 * DIR (passphrase on descriptor 3), begins a write transaction, prints
 * "held" once it holds the store's write lock, keeps it SECONDS seconds,
 * and rolls back. Used by tests/cli/faults.bats for the busy store.
 *   hold DIR SECONDS */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crypto/secmem.h"
#include "store/store.h"
#include "util/prompt.h"

int main(int argc, char **argv)
{
    struct store *s = NULL;
    struct err e;
    char *pass;
    size_t len;

    if (argc != 3 || sodium_init() < 0)
        return 2;
    err_clear(&e);
    if (read_secret_line(&pass, &len, 3, &e) != 0 ||
        store_open(&s, argv[1], KEYSLOT_PASSPHRASE, (const unsigned char *)pass, len, &e) != 0 ||
        store_begin(s, &e) != 0) {
        fprintf(stderr, "hold: %s\n", e.msg);
        return 2;
    }
    secmem_free(pass);
    printf("held\n");
    fflush(stdout);
    sleep((unsigned)atoi(argv[2]));
    store_rollback(s);
    store_close(s);
    return 0;
}
