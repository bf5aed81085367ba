#include "util/prompt.h"

#include <bsd/readpassphrase.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "util/fileio.h"
#include "util/intl.h"

int read_secret_line(char **out, size_t *outlen, int fd, struct err *e)
{
    /* Locked, guarded and wiped when freed: libsodium directly, since
     * util/ sits below crypto/secmem. */
    char *buf = sodium_malloc(PASSPHRASE_MAX + 1);
    size_t n = 0;
    int got_any = 0;

    *out = NULL;
    if (buf == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    memset(buf, 0, PASSPHRASE_MAX + 1);
    for (;;) {
        char c;
        /* One byte at a time: the next line on fd belongs to the next question. */
        ssize_t r = read(fd, &c, 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            sodium_free(buf);
            return err_set(e, EXIT_INPUT, "cannot read the passphrase from descriptor %d: %s",
                           fd, strerror(errno));
        }
        if (r == 0 || c == '\n')
            break;
        got_any = 1;
        if (n >= PASSPHRASE_MAX) {
            sodium_free(buf);
            return err_set(e, EXIT_INPUT, "passphrase longer than %d bytes", PASSPHRASE_MAX);
        }
        buf[n++] = c;
    }
    if (n > 0 && buf[n - 1] == '\r')
        buf[--n] = '\0';
    if (!got_any && n == 0) {
        sodium_free(buf);
        return err_set(e, EXIT_INPUT, "no passphrase given on descriptor %d", fd);
    }
    *out = buf;
    *outlen = n;
    return 0;
}

/* Asks on /dev/tty with echo off, through libbsd's readpassphrase (the
 * OpenBSD one): it restores the terminal before any signal takes effect
 * (Ctrl-C, Ctrl-\, hang-up, kill), re-sends the signal, and after Ctrl-Z
 * and fg turns echo off again and asks again from the start. */
static int ask_tty(char **out, size_t *outlen, const char *question, struct err *e)
{
    /* One byte over the limit tells a longer passphrase from one that fits. */
    char *buf = sodium_malloc(PASSPHRASE_MAX + 2);
    size_t n;

    *out = NULL;
    if (buf == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    if (readpassphrase(question, buf, PASSPHRASE_MAX + 2, RPP_REQUIRE_TTY) == NULL) {
        int err = errno;
        sodium_free(buf);
        if (err == ENOTTY || err == ENXIO || err == ENOENT)
            return err_set(e, EXIT_INPUT,
                           "no terminal to ask for the passphrase; use --passphrase-fd N");
        return err_set(e, EXIT_INPUT, "cannot read the passphrase from the terminal: %s",
                       strerror(err));
    }
    n = strlen(buf);
    if (n > PASSPHRASE_MAX) {
        sodium_free(buf);
        return err_set(e, EXIT_INPUT, "passphrase longer than %d bytes", PASSPHRASE_MAX);
    }
    *out = buf;
    *outlen = n;
    return 0;
}

int prompt_repeat(const char *first, size_t firstlen, struct err *e)
{
    char *again = NULL;
    size_t againlen;
    int rc = ask_tty(&again, &againlen, "Repeat it: ", e);

    if (rc == 0 && (againlen != firstlen || sodium_memcmp(again, first, againlen) != 0))
        rc = err_set(e, EXIT_INPUT, "the two passphrases differ; nothing was changed") + 2;
    sodium_free(again);
    return rc;
}

int prompt_secret(char **out, size_t *outlen, int fd, const char *question,
                  int confirm, struct err *e)
{
    int rc;

    if (fd >= 0)
        return read_secret_line(out, outlen, fd, e);
    rc = ask_tty(out, outlen, question, e);
    if (rc == 0 && confirm && (rc = prompt_repeat(*out, *outlen, e)) != 0) {
        sodium_free(*out);
        *out = NULL;
    }
    return rc;
}

int prompt_confirm(const char *question)
{
    char answer[16];
    ssize_t n;
    int tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);

    if (tty < 0)
        return 0;
    (void)fd_write_all(tty, question, strlen(question));
    n = read(tty, answer, sizeof answer - 1);
    close(tty);
    if (n <= 0)
        return 0;
    answer[n] = '\0';
    return answer[0] == 'y' || answer[0] == 'Y';
}
