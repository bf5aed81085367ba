#include "crypto/kdf.h"

#include <argon2.h>
#include <string.h>
#include <sys/mman.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23   /* Linux 5.14; older kernels say EINVAL */
#endif

/* The matrix is mapped in 2 MiB steps and aligned to 2 MiB, so that the
 * kernel can back it with transparent huge pages (Debian's default
 * "madvise" mode: only where asked).  Argon2 reads 1 KiB blocks at
 * pseudo-random places all over the matrix: with 4 KiB pages that is
 * 16,384 page faults per 64 MiB and a TLB miss on nearly every read;
 * with 2 MiB pages, 32 faults and few misses (docs/SPEED.md, "The
 * unlock"). */
#define HUGE_BYTES ((size_t)2 << 20)

static size_t matrix_len(size_t bytes)
{
    return (bytes + HUGE_BYTES - 1) / HUGE_BYTES * HUGE_BYTES;
}

/* libargon2's allocation hook: the matrix aligned for huge pages, made
 * resident at once, locked if the limit allows (best effort, as
 * sodium_malloc), never in a core dump.  *memory NULL when there is no
 * memory (libargon2 then reports ARGON2_MEMORY_ALLOCATION_ERROR). */
static int matrix_alloc(uint8_t **memory, size_t bytes)
{
    size_t len = matrix_len(bytes), head;
    uint8_t *p, *a;

    *memory = NULL;
    if (len < bytes || len > SIZE_MAX - HUGE_BYTES)
        return -1;
    p = mmap(NULL, len + HUGE_BYTES, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return -1;
    a = (uint8_t *)(((uintptr_t)p + HUGE_BYTES - 1) & ~(uintptr_t)(HUGE_BYTES - 1));
    head = (size_t)(a - p);
    if (head > 0)
        (void)munmap(p, head);
    if (HUGE_BYTES - head > 0)
        (void)munmap(a + len, HUGE_BYTES - head);
#ifdef MADV_HUGEPAGE
    (void)madvise(a, len, MADV_HUGEPAGE);
#endif
#ifdef MADV_DONTDUMP
    (void)madvise(a, len, MADV_DONTDUMP);
#endif
    (void)madvise(a, len, MADV_POPULATE_WRITE);
    (void)mlock(a, len);
    *memory = a;
    return 0;
}

/* libargon2 has already wiped the matrix (its free_memory clears the
 * internal memory before it calls this hook). */
static void matrix_free(uint8_t *memory, size_t bytes)
{
    if (memory == NULL)
        return;
    (void)munlock(memory, matrix_len(bytes));
    (void)munmap(memory, matrix_len(bytes));
}

int kdf_argon2id(unsigned char *out, size_t outlen,
                 const unsigned char *secret, size_t secretlen,
                 const unsigned char *salt, size_t saltlen,
                 uint32_t t_cost, uint64_t mem_bytes, uint32_t lanes,
                 struct err *e)
{
    argon2_context ctx;
    int rc;

    if (lanes < 1 || lanes > 16 || mem_bytes < KDF_MIN_BYTES(lanes) ||
        mem_bytes / 1024U > UINT32_MAX || outlen > UINT32_MAX ||
        secretlen > UINT32_MAX || saltlen > UINT32_MAX)
        return err_set(e, EXIT_INPUT, "keyslot file has out-of-range key derivation costs");
    memset(&ctx, 0, sizeof ctx);
    ctx.out = out;
    ctx.outlen = (uint32_t)outlen;
    /* libargon2 reads the secret and, without ARGON2_FLAG_CLEAR_PASSWORD,
     * leaves it as it is: the caller owns and wipes it. */
    ctx.pwd = (uint8_t *)(uintptr_t)secret;
    ctx.pwdlen = (uint32_t)secretlen;
    ctx.salt = (uint8_t *)(uintptr_t)salt;
    ctx.saltlen = (uint32_t)saltlen;
    ctx.t_cost = t_cost;
    ctx.m_cost = (uint32_t)(mem_bytes / 1024U);
    ctx.lanes = lanes;
    ctx.threads = lanes;
    ctx.version = ARGON2_VERSION_13;
    ctx.allocate_cbk = matrix_alloc;
    ctx.free_cbk = matrix_free;
    ctx.flags = ARGON2_DEFAULT_FLAGS;
    rc = argon2id_ctx(&ctx);
    if (rc == ARGON2_THREAD_FAIL) {
        /* The lanes' order of work is fixed by the algorithm, not by the
         * threads: one thread computes the same tag. */
        ctx.threads = 1;
        rc = argon2id_ctx(&ctx);
    }
    if (rc == ARGON2_MEMORY_ALLOCATION_ERROR)
        return err_set(e, EXIT_INPUT,
                       "not enough memory for the key derivation (%llu MiB)",
                       (unsigned long long)(mem_bytes >> 20));
    if (rc != ARGON2_OK) {
        /* What is left are libargon2's range checks (argon2.h's
         * ARGON2_*_TOO_SHORT, _TOO_LONG, _TOO_LITTLE, _TOO_MUCH). */
        memset(out, 0, outlen);
        return err_set(e, EXIT_INPUT, "keyslot file has out-of-range key derivation costs");
    }
    return 0;
}
