/* Measurement shim (LD_PRELOAD), not used by any test: where a test run's
 * CPU goes, per process (docs/TESTING.md, "Session 14").  Each process
 * that ends normally appends one line to the file named by $CPUCOUNT_OUT
 * (nothing without it):
 *     PROGRAM WORD CPU_US ARGON2_CALLS ARGON2_US KO KO_US MN MN_US EN EN_US FILE
 * PROGRAM is the base name of argv[0]; WORD the first argument that is no
 * option, number or path (intake's command: "redact"); CPU_US the
 * process's CPU time in microseconds; then the calls of crypto_pwhash
 * (Argon2id) and the CPU they took, and the hunspell dictionaries loaded
 * (Hunspell_create: ko_KR, mn_MN, en_US) and the CPU each took; FILE the
 * bats file ($BATS_TEST_FILENAME's base name, or "-").  Integers only, so
 * a locale's decimal comma never enters the file.  A process that execs
 * or is killed writes nothing.  Use:
 *     CPUCOUNT_OUT=/tmp/cpu.log LD_PRELOAD=$PWD/build/rel/tools/cpucount.so \
 *         INTAKE=$PWD/build/rel/bin/intake scripts/run-tests.sh cli tests/cli/X.bats
 * (the release build: ASan must come first in the sanitizer build's
 * processes).  A test that sets LD_PRELOAD itself is not counted. */
#include <dlfcn.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static struct {
    char cmd[4096];              /* argv, NUL-separated, read at start */
    size_t cmdlen;
    unsigned long long pw_us, dict_us[3];
    unsigned pw_n, dict_n[3];
} cc;

/* The process's CPU time in microseconds. */
static unsigned long long cpu_us(void)
{
    struct timespec t;

    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) != 0)
        return 0;
    return (unsigned long long)t.tv_sec * 1000000u + (unsigned long long)t.tv_nsec / 1000u;
}

typedef int pwhash_fn(unsigned char *, unsigned long long, const char *, unsigned long long,
                      const unsigned char *, unsigned long long, size_t, int);

int crypto_pwhash(unsigned char *out, unsigned long long outlen, const char *passwd,
                  unsigned long long passwdlen, const unsigned char *salt,
                  unsigned long long opslimit, size_t memlimit, int alg)
{
    pwhash_fn *real = (pwhash_fn *)dlsym(RTLD_NEXT, "crypto_pwhash");
    unsigned long long t0 = cpu_us();
    int rc;

    if (real == NULL)
        return -1;
    rc = real(out, outlen, passwd, passwdlen, salt, opslimit, memlimit, alg);
    cc.pw_us += cpu_us() - t0;
    cc.pw_n++;
    return rc;
}

typedef void *create_fn(const char *, const char *);

void *Hunspell_create(const char *affpath, const char *dpath)
{
    create_fn *real = (create_fn *)dlsym(RTLD_NEXT, "Hunspell_create");
    int k = strstr(affpath, "ko") != NULL ? 0 : strstr(affpath, "mn") != NULL ? 1 : 2;
    unsigned long long t0 = cpu_us();
    void *h;

    if (real == NULL)
        return NULL;
    h = real(affpath, dpath);
    cc.dict_us[k] += cpu_us() - t0;
    cc.dict_n[k]++;
    return h;
}

/* argv as the process started (intake wipes some of its arguments). */
__attribute__((constructor)) static void cpucount_start(void)
{
    int fd = open("/proc/self/cmdline", O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, cc.cmd, sizeof cc.cmd - 1) : 0;

    if (fd >= 0)
        close(fd);
    cc.cmdlen = n > 0 ? (size_t)n : 0;
    cc.cmd[cc.cmdlen] = '\0';
}

__attribute__((destructor)) static void cpucount_end(void)
{
    const char *out = getenv("CPUCOUNT_OUT"), *bats = getenv("BATS_TEST_FILENAME");
    const char *prog = strrchr(cc.cmd, '/') != NULL ? strrchr(cc.cmd, '/') + 1 : cc.cmd;
    const char *word = "-", *a;
    char line[640];
    int fd, len;

    if (out == NULL)
        return;
    for (a = cc.cmd + strlen(cc.cmd) + 1; a < cc.cmd + cc.cmdlen; a += strlen(a) + 1)
        if (*a != '\0' && *a != '-' && strchr(a, '/') == NULL &&
            strspn(a, "0123456789") != strlen(a) && strlen(a) < 40) {
            word = a;
            break;
        }
    len = snprintf(line, sizeof line, "%.60s %.40s %llu %u %llu %u %llu %u %llu %u %llu %.80s\n",
                   *prog != '\0' ? prog : "-", word, cpu_us(), cc.pw_n, cc.pw_us,
                   cc.dict_n[0], cc.dict_us[0], cc.dict_n[1], cc.dict_us[1], cc.dict_n[2],
                   cc.dict_us[2],
                   bats != NULL && strrchr(bats, '/') != NULL ? strrchr(bats, '/') + 1 : "-");
    if (len <= 0 || (fd = open(out, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600)) < 0)
        return;
    if (write(fd, line, (size_t)len) < 0)
        len = 0;
    close(fd);
}
