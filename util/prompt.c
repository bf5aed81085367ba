#include "util/prompt.h"

#include <bsd/readpassphrase.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
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

/* prompt_quiet_begin's state: the terminal, its settings before, and the
 * signal actions it replaced. */
static int quiet_fd = -1;
static struct termios quiet_saved, quiet_off;
static const int quiet_sigs[] = { SIGINT, SIGQUIT, SIGHUP, SIGTERM, SIGTSTP };
#define QUIET_NSIGS (sizeof quiet_sigs / sizeof quiet_sigs[0])
static struct sigaction quiet_old[QUIET_NSIGS];

/* Only async-signal-safe calls (tcsetattr, sigaction, sigprocmask,
 * raise): the terminal as it was, then the signal's own action; after a
 * stop and fg, echo off again and this handler back. */
static void quiet_signal(int sig)
{
    int saved = errno;
    size_t i;
    sigset_t one;

    (void)tcsetattr(quiet_fd, TCSANOW, &quiet_saved);
    for (i = 0; i < QUIET_NSIGS && quiet_sigs[i] != sig; i++)
        ;
    if (sig != SIGTSTP) {
        (void)sigaction(sig, &quiet_old[i], NULL);
        (void)raise(sig);      /* delivered when this handler returns */
        errno = saved;
        return;
    }
    {
        struct sigaction dfl, mine;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        (void)sigaction(SIGTSTP, &dfl, &mine);
        sigemptyset(&one);
        sigaddset(&one, SIGTSTP);
        (void)raise(SIGTSTP);
        (void)sigprocmask(SIG_UNBLOCK, &one, NULL);   /* stops here until fg */
        (void)sigaction(SIGTSTP, &mine, NULL);
        (void)tcsetattr(quiet_fd, TCSANOW, &quiet_off);
    }
    errno = saved;
}

int prompt_quiet_begin(void)
{
    struct sigaction sa;
    size_t i;

    if (quiet_fd >= 0)
        return -1;
    if ((quiet_fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0)
        return -1;
    if (tcgetattr(quiet_fd, &quiet_saved) != 0) {
        close(quiet_fd);
        quiet_fd = -1;
        return -1;
    }
    quiet_off = quiet_saved;
    quiet_off.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = quiet_signal;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < QUIET_NSIGS; i++)
        (void)sigaction(quiet_sigs[i], &sa, &quiet_old[i]);
    (void)tcsetattr(quiet_fd, TCSANOW, &quiet_off);
    return 0;
}

void prompt_quiet_end(void)
{
    size_t i;

    if (quiet_fd < 0)
        return;
    (void)tcsetattr(quiet_fd, TCSAFLUSH, &quiet_saved);
    for (i = 0; i < QUIET_NSIGS; i++)
        (void)sigaction(quiet_sigs[i], &quiet_old[i], NULL);
    close(quiet_fd);
    quiet_fd = -1;
}
