/* Test tool: seals a store's passphrase slot again at Argon2id's lowest
 * cost (crypto_pwhash_OPSLIMIT_MIN passes over crypto_pwhash_MEMLIMIT_MIN
 * bytes, raised to two lanes' 16 KiB by keyslot_seal), the same passphrase and master key, so that a test which opens
 * the store thousands of times spends its time on the store, not on the
 * key derivation (tests/reliability: each check unlocks the store).
 * Opens the store in DIR with the passphrase on descriptor 3. A test
 * store's slot only: intake itself never writes a slot this cheap.
 *   cheapslot DIR */
#include <stdio.h>

#include "crypto/keyslot.h"
#include "crypto/secmem.h"
#include "store/db.h"
#include "util/prompt.h"

static int fail(const char *what, const struct err *e)
{
    fprintf(stderr, "cheapslot: %s%s%s\n", what, e != NULL ? ": " : "", e != NULL ? e->msg : "");
    return 2;
}

int main(int argc, char **argv)
{
    struct keyslot_file kf;
    struct store *s;
    struct err e;
    char *pass;
    size_t passlen, i;
    int rc;

    if (argc != 2)
        return fail("usage: cheapslot DIR", NULL);
    if (secmem_harden() != 0)
        return fail("cannot start libsodium", NULL);
    if (read_secret_line(&pass, &passlen, 3, &e) != 0)
        return fail("reading the passphrase", &e);
    if (store_open(&s, argv[1], KEYSLOT_PASSPHRASE, (unsigned char *)pass, passlen, &e) != 0)
        return fail("opening the store", &e);
    if (keyslot_load(&kf, s->keyslots, &e) != 0)
        return fail("reading the keyslots", &e);
    for (i = 0; i < kf.nslots && kf.slot[i].kind != KEYSLOT_PASSPHRASE; i++)
        ;
    if (i == kf.nslots)
        return fail("no passphrase slot", NULL);
    if (keyslot_seal(&kf.slot[i], KEYSLOT_PASSPHRASE, s->master, (unsigned char *)pass, passlen,
                     crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN, &e) != 0)
        return fail("sealing the slot", &e);
    rc = keyslot_save(s->keyslots, &kf, 1, &e);
    store_close(s);
    secmem_free(pass);
    return rc == 0 ? 0 : fail("writing the keyslots", &e);
}
