/* Test tool: makes a store's passphrase slot look as intake sealed it
 * before passphrases were normalised to NFC (issue 14, item 9): the master
 * key wrapped under Argon2id of the bytes of OLD exactly as given, whatever
 * their form.  Opens the store in DIR with the passphrase on descriptor 3,
 * reads OLD (one line) on descriptor 4, and rewrites the keyslot file with
 * the same costs, salt and nonce layout as before, and with one lane
 * (algorithm 1, libsodium's crypto_pwhash), as intake sealed every slot
 * before two-lane slots (crypto/kdf.h).  Used by
 * tests/cli/terminal.bats.
 *   legacyslot DIR */
#include <stdio.h>
#include <string.h>

#include "crypto/keyslot.h"
#include "crypto/secmem.h"
#include "store/db.h"
#include "util/prompt.h"

static int fail(const char *what, const struct err *e)
{
    fprintf(stderr, "legacyslot: %s%s%s\n", what, e != NULL ? ": " : "", e != NULL ? e->msg : "");
    return 2;
}

/* Wraps master again under Argon2id of old[0..oldlen), as keyslot_seal
 * did before it normalised: the associated data is the file's magic and
 * version (its first 9 bytes) and the slot's fields before the wrapped key,
 * read back from the serialised file so no layout is restated here. */
static int rewrap(struct keyslot_file *kf, size_t slot, const unsigned char *master,
                  const char *old, size_t oldlen)
{
    unsigned char file[KEYSLOT_FILE_MAX], ad[9 + KEYSLOT_SLOT_BYTES], kek[32];
    struct keyslot *s = &kf->slot[slot];
    size_t head = KEYSLOT_SLOT_BYTES - KEYSLOT_WRAPPED_BYTES;

    s->alg = KEYSLOT_ALG_ARGON2ID_XCHACHA;
    if (keyslot_serialise(file, sizeof file, kf) == 0)
        return -1;
    memcpy(ad, file, 9);
    memcpy(ad + 9, file + KEYSLOT_HEADER_BYTES + slot * KEYSLOT_SLOT_BYTES, head);
    if (crypto_pwhash(kek, sizeof kek, old, oldlen, s->salt, s->opslimit, (size_t)s->memlimit,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return -1;
    crypto_aead_xchacha20poly1305_ietf_encrypt(s->wrapped, NULL, master, KEYSLOT_MASTER_BYTES,
                                               ad, 9 + head, NULL, s->nonce, kek);
    sodium_memzero(kek, sizeof kek);
    return 0;
}

int main(int argc, char **argv)
{
    struct keyslot_file kf;
    struct store *s;
    struct err e;
    char *pass, *old;
    size_t passlen, oldlen, i;
    int rc;

    if (argc != 2)
        return fail("usage: legacyslot DIR", NULL);
    if (secmem_harden() != 0)
        return fail("cannot start libsodium", NULL);
    if (read_secret_line(&pass, &passlen, 3, &e) != 0 || read_secret_line(&old, &oldlen, 4, &e) != 0)
        return fail("reading the passphrases", &e);
    if (store_open(&s, argv[1], KEYSLOT_PASSPHRASE, (unsigned char *)pass, passlen, &e) != 0)
        return fail("opening the store", &e);
    if (keyslot_load(&kf, s->keyslots, &e) != 0)
        return fail("reading the keyslots", &e);
    for (i = 0; i < kf.nslots && kf.slot[i].kind != KEYSLOT_PASSPHRASE; i++)
        ;
    if (i == kf.nslots || rewrap(&kf, i, s->master, old, oldlen) != 0)
        return fail("no passphrase slot to rewrap", NULL);
    rc = keyslot_save(s->keyslots, &kf, 1, &e);
    store_close(s);
    secmem_free(pass);
    secmem_free(old);
    return rc == 0 ? 0 : fail("writing the keyslots", &e);
}
