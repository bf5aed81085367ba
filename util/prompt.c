#include "util/prompt.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "util/fileio.h"

static struct termios saved_termios;
static volatile sig_atomic_t tty_fd = -1;

/* Restores echo if the user interrupts a prompt, then dies as asked. */
static void restore_on_signal(int sig)
{
    if (tty_fd >= 0)
        (void)tcsetattr(tty_fd, TCSAFLUSH, &saved_termios);
    signal(sig, SIG_DFL);
    raise(sig);
}

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

static int ask_tty(char **out, size_t *outlen, int fd, const char *question,
                   struct err *e)
{
    struct termios quiet;
    int rc;

    if (tcgetattr(fd, &saved_termios) != 0)
        return err_set(e, EXIT_INPUT, "cannot turn off echo on the terminal");
    quiet = saved_termios;
    quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
    quiet.c_lflag |= ICANON;
    tty_fd = fd;
    signal(SIGINT, restore_on_signal);
    signal(SIGTERM, restore_on_signal);
    signal(SIGTSTP, restore_on_signal);
    (void)fd_write_all(fd, question, strlen(question));
    if (tcsetattr(fd, TCSAFLUSH, &quiet) != 0) {
        tty_fd = -1;
        return err_set(e, EXIT_INPUT, "cannot turn off echo on the terminal");
    }
    rc = read_secret_line(out, outlen, fd, e);
    (void)tcsetattr(fd, TCSAFLUSH, &saved_termios);
    tty_fd = -1;
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGTSTP, SIG_DFL);
    (void)fd_write_all(fd, "\n", 1);
    return rc;
}

int prompt_secret(char **out, size_t *outlen, int fd, const char *question,
                  int confirm, struct err *e)
{
    char *again = NULL;
    size_t againlen;
    int tty, rc;

    if (fd >= 0)
        return read_secret_line(out, outlen, fd, e);
    tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (tty < 0)
        return err_set(e, EXIT_INPUT,
                       "no terminal to ask for the passphrase; use --passphrase-fd N");
    rc = ask_tty(out, outlen, tty, question, e);
    if (rc == 0 && confirm) {
        rc = ask_tty(&again, &againlen, tty, "Repeat it: ", e);
        if (rc == 0 && (againlen != *outlen || sodium_memcmp(again, *out, againlen) != 0)) {
            rc = err_set(e, EXIT_INPUT, "the two passphrases differ; nothing was changed");
        }
        sodium_free(again);
        if (rc != 0) {
            sodium_free(*out);
            *out = NULL;
        }
    }
    close(tty);
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
