/* Process hardening and memory for secrets.
 *
 * Anything that must not reach a core dump, swap or a later allocation
 * (passphrases, keys, decrypted identities) lives in sodium_malloc memory:
 * guard pages, a canary, mlock, MADV_DONTDUMP, and a wipe when freed. */
#ifndef INTAKE_SECMEM_H
#define INTAKE_SECMEM_H

#include <stddef.h>

/* Initialises libsodium and hardens the process: no core files, not
 * dumpable (no ptrace or /proc/PID/mem by the same user), umask 077.
 * Returns 0, or -1 if libsodium cannot start. */
int secmem_harden(void);

/* A sodium_malloc buffer of len bytes, zero-filled; NULL if out of memory. */
void *secmem_alloc(size_t len);

/* Wipes and frees a buffer from secmem_alloc; NULL is allowed. */
void secmem_free(void *p);

/* A copy of the NUL-terminated s in sodium_malloc memory; NULL if out of memory. */
char *secmem_strdup(const char *s);

/* A copy of len bytes of s plus a NUL, in sodium_malloc memory. */
char *secmem_strndup(const char *s, size_t len);

/* Overwrites a NUL-terminated string in place (for argv copies). */
void secmem_wipe_str(char *s);

/* malloc for libraries that keep secrets in their own memory (SQLite,
 * jansson, vectorscan): 64-byte aligned, wiped whole when freed. Not locked
 * or guarded like secmem_alloc; the process is never dumped (secmem_harden). */
void *secmem_wipe_malloc(size_t len);

/* Wipes and frees a block from secmem_wipe_malloc; NULL is allowed. */
void secmem_wipe_free(void *p);

/* The length asked for when p was allocated (0 for NULL). */
size_t secmem_wipe_size(const void *p);

#endif
