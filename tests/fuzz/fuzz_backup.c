/* libFuzzer: any bytes read as a backup file (store_backup_open: the
 * magic, version, lengths, checksum and the keyslot file inside). A
 * refusal is bad input with a message, never an authentication failure;
 * a file it accepts has the checksum its last 32 bytes say. No key is
 * derived here (Argon2id with the costs a file names would be slow). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <sodium.h>

#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int fd = -1;
    static char path[64];
    unsigned char sum[BACKUP_HASHBYTES];
    struct backup *b = NULL;
    struct err e;

    if (fd < 0) {
        if (sodium_init() < 0)
            abort();
        fd = memfd_create("fuzz-backup", 0);
        if (fd < 0)
            abort();
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    err_clear(&e);
    if (store_backup_open(&b, path, &e) != 0) {
        if (b != NULL || e.code != EXIT_INPUT || e.msg[0] == '\0')
            abort();
        return 0;
    }
    if (size < BACKUP_HASHBYTES)
        abort();
    store_backup_hash(sum, b);
    if (memcmp(sum, data + size - BACKUP_HASHBYTES, BACKUP_HASHBYTES) != 0)
        abort();
    store_backup_close(b);
    return 0;
}
