/* Bench driver: the I/O floor of `intake export` (issue 17; docs/SPEED.md,
 * "Session 27").
 *   export_floor SRC DIR [ctr]
 * Copies SRC (a stored attachment file: chunks of 65,536 bytes and their
 * 16-byte tag) into an unnamed file in DIR the way export writes a
 * bundle (export/bundle_write.c, util/fileio.c): a pread of one stored
 * chunk (65,552 bytes) and one write at a time, sync_file_range every
 * 8 MiB, then fsync, linkat to DIR/floor, fsync again, fsync of DIR.
 * No decryption, no encryption, no hash: what no format can take off
 * export while it keeps today's durability.  With "ctr" each chunk is
 * also passed through AES-256-CTR (OpenSSL, VAES where the CPU has it):
 * the per-bundle stream layer a bundle carrying stored chunks as they
 * are would add (brief s27 export27, lever b).
 * Prints wall seconds (all, the copy, the final fsyncs) and the process's
 * CPU seconds.  DIR/floor is left for the caller to remove. */
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define STORED_CHUNK (65536 + 16)
#define SYNC_STEP ((off_t)8 << 20)

static unsigned char buf[STORED_CHUNK];

static double now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double cpu(void)
{
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* A zero key and IV: the cost is the point, not the secrecy. */
static EVP_CIPHER_CTX *ctr_new(void)
{
    static const unsigned char key[32], iv[16];
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();

    if (c == NULL || EVP_EncryptInit_ex(c, EVP_aes_256_ctr(), NULL, key, iv) != 1)
        return NULL;
    return c;
}

/* Reads src and writes dst as export writes a bundle; the bytes copied
 * into *total, -1 on an I/O or OpenSSL failure. */
static int copy(int src, int dst, EVP_CIPHER_CTX *ctr, off_t *total)
{
    off_t off = 0, synced = 0;
    ssize_t n;
    int outl;

    while ((n = pread(src, buf, sizeof buf, off)) > 0) {
        if (ctr != NULL && EVP_EncryptUpdate(ctr, buf, &outl, buf, (int)n) != 1)
            return -1;
        if (write(dst, buf, (size_t)n) != n)
            return -1;
        off += n;
        if (off - synced >= SYNC_STEP) {
            (void)sync_file_range(dst, synced, off - synced, SYNC_FILE_RANGE_WRITE);
            synced = off;
        }
    }
    *total = off;
    return n < 0 ? -1 : 0;
}

/* What an atomic write does once the bytes are out (util/fileio.c). */
static int commit(int dst, const char *dir)
{
    char proc[64], path[4096];
    int d, rc;

    if (fsync(dst) != 0)
        return -1;
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", dst);
    if (snprintf(path, sizeof path, "%s/floor", dir) >= (int)sizeof path)
        return -1;
    if (linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) != 0 || fsync(dst) != 0)
        return -1;
    if ((d = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
        return -1;
    rc = fsync(d);
    close(d);
    return rc;
}

int main(int argc, char **argv)
{
    EVP_CIPHER_CTX *ctr = NULL;
    double t0, t1, t2;
    off_t total = 0;
    int src, dst;

    if (argc < 3 || argc > 4 || (argc == 4 && strcmp(argv[3], "ctr") != 0)) {
        fprintf(stderr, "usage: export_floor SRC DIR [ctr]\n");
        return 2;
    }
    if (argc == 4 && (ctr = ctr_new()) == NULL) {
        fprintf(stderr, "export_floor: AES-256-CTR unavailable\n");
        return 2;
    }
    t0 = now();
    src = open(argv[1], O_RDONLY | O_CLOEXEC);
    dst = open(argv[2], O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (src < 0 || dst < 0) {
        fprintf(stderr, "export_floor: %s\n", strerror(errno));
        return 2;
    }
    (void)posix_fadvise(src, 0, 0, POSIX_FADV_SEQUENTIAL);
    if (copy(src, dst, ctr, &total) != 0) {
        fprintf(stderr, "export_floor: copying: %s\n", strerror(errno));
        return 2;
    }
    t1 = now();
    if (commit(dst, argv[2]) != 0) {
        fprintf(stderr, "export_floor: committing: %s\n", strerror(errno));
        return 2;
    }
    t2 = now();
    close(dst);
    close(src);
    EVP_CIPHER_CTX_free(ctr);
    printf("%.3f %.3f %.3f %.3f %lld\n", t2 - t0, t1 - t0, t2 - t1, cpu(), (long long)total);
    return 0;
}
