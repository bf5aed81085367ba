/* Standard input, read in one place (intake/input.h). */
#include "intake/input.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "util/fileio.h"
#include "util/intl.h"
#include "util/text.h"

/* The bytes read from descriptor 0 and not handed out yet. */
static struct {
    char *buf;                  /* INPUT_LINE_MAX bytes, locked */
    size_t have;
    int shell, idle_ms, went_idle;
    int binary;                 /* a NUL byte in a line too long to end: no more is read */
    int stop;                   /* a script's body given up part-way: the shell ends */
    enum { BAD_NONE, BAD_NUL, BAD_LONG } bad;   /* why the last line was refused */
} in;

static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
    (void)sig;
    interrupted = 1;
}

void input_shell(int on, int idle_ms)
{
    in.shell = on;
    in.idle_ms = on ? idle_ms : 0;
    in.went_idle = 0;
    in.stop = 0;
}

int input_stopped(void)
{
    return in.stop;
}

int input_in_shell(void)
{
    return in.shell;
}

int input_went_idle(void)
{
    int was = in.went_idle;

    in.went_idle = 0;
    return was;
}

void input_forget(void)
{
    secmem_free(in.buf);
    in.buf = NULL;
    in.have = 0;
}

/* Waits until descriptor 0 can be read: 1 ready, or INPUT_IDLE or
 * INPUT_CANCELLED in a shell.  Ctrl-C is caught only while waiting here,
 * with SIGINT blocked outside ppoll so that none is missed. */
static int wait_input(void)
{
    struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
    struct timespec idle = { in.idle_ms / 1000, (long)(in.idle_ms % 1000) * 1000000L };
    struct sigaction catch = { 0 }, old;
    sigset_t block, saved;
    int rc;

    if (!in.shell)
        return 1;
    catch.sa_handler = on_interrupt;   /* no SA_RESTART: ppoll returns EINTR */
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigprocmask(SIG_BLOCK, &block, &saved);
    sigaction(SIGINT, &catch, &old);
    interrupted = 0;
    do {
        sigset_t during = saved;
        sigdelset(&during, SIGINT);
        rc = ppoll(&p, 1, in.idle_ms > 0 ? &idle : NULL, &during);
    } while (rc < 0 && errno == EINTR && !interrupted);
    if (!interrupted) {
        /* Input and Ctrl-C came together: poll reports the input and
         * leaves the signal pending (blocked); it still cancels. */
        sigset_t pending, only;
        struct timespec now = { 0, 0 };
        sigemptyset(&only);
        sigaddset(&only, SIGINT);
        if (sigpending(&pending) == 0 && sigismember(&pending, SIGINT) &&
            sigtimedwait(&only, NULL, &now) == SIGINT)
            interrupted = 1;
    }
    sigaction(SIGINT, &old, NULL);
    sigprocmask(SIG_SETMASK, &saved, NULL);
    if (interrupted)
        return INPUT_CANCELLED;
    return rc == 0 ? INPUT_IDLE : 1;
}

/* Hands out the first n bytes of the buffer as a line (dropping the
 * newline after them when nl), keeping the rest. */
static int take_line(char **line, size_t *len, size_t n, size_t nl, struct err *e)
{
    size_t end = n;

    if (memchr(in.buf, '\0', n) != NULL) {
        memmove(in.buf, in.buf + n + nl, in.have - n - nl);
        in.have -= n + nl;
        sodium_memzero(in.buf + in.have, INPUT_LINE_MAX - in.have);
        in.bad = BAD_NUL;
        return err_set(e, EXIT_INPUT, "a line holds a NUL byte; it was skipped");
    }
    if (end > 0 && in.buf[end - 1] == '\r')
        end--;
    *line = secmem_strndup(in.buf, end);
    if (*line == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    *len = end;
    memmove(in.buf, in.buf + n + nl, in.have - n - nl);
    in.have -= n + nl;
    sodium_memzero(in.buf + in.have, INPUT_LINE_MAX - in.have);
    return INPUT_LINE;
}

/* Standard input is not text (/dev/zero, a binary file): reading it to
 * its end could take for ever, so it ends here (adv14 F16). */
static int stop_binary(struct err *e)
{
    in.binary = 1;
    sodium_memzero(in.buf, INPUT_LINE_MAX);
    in.have = 0;
    return err_set(e, EXIT_INPUT, "standard input holds NUL bytes in a line longer than %u "
                   "KiB: it is not text; nothing more is read from it", INPUT_LINE_MAX >> 10);
}

/* A line longer than the buffer: the rest of it is read and dropped. */
static int skip_long_line(struct err *e)
{
    char *nl;

    for (;;) {
        ssize_t n;
        nl = memchr(in.buf, '\n', in.have);
        if (nl != NULL)
            break;
        if (memchr(in.buf, '\0', in.have) != NULL)
            return stop_binary(e);
        in.have = 0;
        n = read(STDIN_FILENO, in.buf, INPUT_LINE_MAX);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        in.have = (size_t)n;
    }
    if (nl != NULL) {
        size_t skip = (size_t)(nl - in.buf) + 1;
        memmove(in.buf, in.buf + skip, in.have - skip);
        in.have -= skip;
    }
    sodium_memzero(in.buf + in.have, INPUT_LINE_MAX - in.have);
    in.bad = BAD_LONG;
    return err_set(e, EXIT_INPUT, "a line is longer than %u KiB; it was skipped",
                   INPUT_LINE_MAX >> 10);
}

int input_line(char **line, size_t *len, struct err *e)
{
    *line = NULL;
    in.bad = BAD_NONE;
    if (in.binary)
        return INPUT_END;
    if (in.buf == NULL && (in.buf = secmem_alloc(INPUT_LINE_MAX)) == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    for (;;) {
        char *nl = memchr(in.buf, '\n', in.have);
        ssize_t n;
        int w;

        if (nl != NULL)
            return take_line(line, len, (size_t)(nl - in.buf), 1, e);
        if (in.have == INPUT_LINE_MAX)
            return skip_long_line(e);
        w = wait_input();
        if (w != 1) {
            /* The part of a line typed so far goes with it. */
            sodium_memzero(in.buf, in.have);
            in.have = 0;
            return w;
        }
        n = read(STDIN_FILENO, in.buf + in.have, INPUT_LINE_MAX - in.have);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return err_set(e, EXIT_INPUT, "cannot read standard input: %s", strerror(errno));
        if (n == 0)
            return in.have > 0 ? take_line(line, len, in.have, 0, e) : INPUT_END;
        in.have += (size_t)n;
    }
}

/* Appends line[0..len) and a newline to the body *buf (*cap bytes, *used
 * of them taken), growing it in locked memory. */
static int append_line(char **buf, size_t *cap, size_t *used, const char *line, size_t len,
                       const char *what, struct err *e)
{
    if (*used + len + 2 > BODY_MAX)
        return err_set(e, EXIT_INPUT, "%s is larger than %u MiB", what, BODY_MAX >> 20);
    if (*used + len + 2 > *cap) {
        size_t bigger = *cap;
        char *grown;
        while (*used + len + 2 > bigger)
            bigger *= 2;
        grown = secmem_alloc(bigger);
        if (grown == NULL)
            return err_set(e, EXIT_INPUT, "out of secure memory");
        memcpy(grown, *buf, *used);
        secmem_free(*buf);
        *buf = grown;
        *cap = bigger;
    }
    memcpy(*buf + *used, line, len);
    *used += len;
    (*buf)[(*used)++] = '\n';
    (*buf)[*used] = '\0';
    return 0;
}

/* Why a body typed in a shell was given up, in e. */
static int body_lost(int why, const char *what, struct err *e)
{
    if ((why == INPUT_IDLE || why == INPUT_CANCELLED) && !isatty(STDIN_FILENO))
        in.stop = 1;
    if (why == INPUT_IDLE && in.stop)
        return err_set(e, EXIT_INPUT, "no input came for the shell's --lock-after time: %s "
                       "read so far was wiped and nothing was recorded", what);
    if (why == INPUT_IDLE) {
        in.went_idle = 1;
        return err_set(e, EXIT_INPUT, "nothing was typed for the shell's --lock-after time: "
                       "%s typed so far was wiped and nothing was recorded; the shell locks",
                       what);
    }
    if (why == INPUT_CANCELLED)
        return err_set(e, EXIT_INPUT, "cancelled (Ctrl-C): %s typed so far was wiped and "
                       "nothing was recorded", what);
    return err_set(e, EXIT_INPUT, "the input ended before the line holding only '.' that "
                   "ends %s: nothing was recorded", what);
}

/* The refusal of a whole body in e, from the first line it could not
 * take (line lineno; kind and first say why) and whether the input ended
 * before the body's "." line. */
static int body_refused(const char *what, size_t lineno, int kind, const struct err *first,
                        int ended, struct err *e)
{
    char why[sizeof e->msg];
    const char *after = ended ? _("the input ended before its line holding only '.'")
                              : _("its lines up to the one holding only '.' were read and "
                                  "wiped, none run as a command");

    if (kind == BAD_NUL)
        snprintf(why, sizeof why, _("its line %zu holds a NUL byte"), lineno);
    else if (kind == BAD_LONG)
        snprintf(why, sizeof why, _("its line %zu is longer than %u KiB"), lineno,
                 INPUT_LINE_MAX >> 10);
    else
        snprintf(why, sizeof why, "%s", first->msg);
    return err_set(e, EXIT_INPUT, "%s was not recorded: %s; %s", what, why, after);
}

/* A body typed in a shell.  A line it cannot take (a NUL byte, longer
 * than INPUT_LINE_MAX, the body past BODY_MAX) refuses the whole body, but
 * its lines are still read up to the "." that ends it and wiped: else the
 * rest of a testimony would be read as commands (adv35f I-3). */
static int shell_body(char **body, const char *what, struct err *e)
{
    size_t cap = 1 << 16, used = 0, lineno = 0, bad_line = 0;
    char *buf = secmem_alloc(cap);
    int kind = BAD_NONE;
    struct err first;

    if (buf == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    err_clear(&first);
    for (;;) {
        char *line;
        size_t len;
        struct err now;
        int rc, skipped;

        err_clear(&now);
        rc = input_line(&line, &len, &now);
        skipped = rc < 0 && in.bad != BAD_NONE;   /* a line dropped, the input goes on */
        lineno++;
        if (rc == INPUT_LINE && strcmp(line, ".") == 0) {
            secmem_free(line);
            if (bad_line > 0) {
                secmem_free(buf);
                return body_refused(what, bad_line, kind, &first, 0, e);
            }
            *body = buf;
            return 0;
        }
        if (rc == INPUT_END && isatty(STDIN_FILENO) && !in.binary) {
            /* Ctrl-D at a terminal ends no file: a reminder, and on. */
            fprintf(stderr, _("intake: end %s with a line holding only '.' (Ctrl-C gives it up)\n"),
                    what);
            lineno--;
            continue;
        }
        if (rc == INPUT_LINE && bad_line == 0)
            rc = append_line(&buf, &cap, &used, strcmp(line, "..") == 0 ? "." : line,
                             strcmp(line, "..") == 0 ? 1 : len, what, &now);
        secmem_free(line);
        if (rc == INPUT_LINE || rc == 0 || (rc < 0 && bad_line > 0 && skipped))
            continue;
        if (rc < 0 && bad_line == 0) {
            bad_line = lineno;
            kind = skipped ? (int)in.bad : BAD_NONE;
            first = now;
            sodium_memzero(buf, cap);
            used = 0;
            if (isatty(STDIN_FILENO))
                fprintf(stderr, _("intake: %s will not be recorded (its line %zu cannot be "
                                  "taken); end it with a line holding only '.'\n"),
                        what, lineno);
            continue;
        }
        /* The end, the idle time, Ctrl-C, or a read error after a refusal. */
        secmem_free(buf);
        if (bad_line > 0 && (rc == INPUT_END || rc < 0))
            return body_refused(what, bad_line, kind, &first, 1, e);
        return body_lost(rc, what, e);
    }
}

int input_read_all(char **out, int fd, const char *what, struct err *e)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = secmem_alloc(cap + 1);

    while (buf != NULL) {
        ssize_t n = fd_read_full(fd, buf + len, cap - len);
        if (n < 0) {
            secmem_free(buf);
            return err_set(e, EXIT_INPUT, "cannot read %s: %s", what, strerror(errno));
        }
        len += (size_t)n;
        if (len < cap)
            break;
        if (cap >= BODY_MAX) {
            /* Exactly BODY_MAX bytes is allowed (adv14 F23): one more read says. */
            n = fd_read_full(fd, buf + len, 1);
            if (n == 0)
                break;
            secmem_free(buf);
            if (n < 0)
                return err_set(e, EXIT_INPUT, "cannot read %s: %s", what, strerror(errno));
            return err_set(e, EXIT_INPUT, "%s is larger than %u MiB", what, BODY_MAX >> 20);
        }
        char *bigger = secmem_alloc(2 * cap + 1);
        if (bigger != NULL)
            memcpy(bigger, buf, len);
        secmem_free(buf);
        buf = bigger;
        cap *= 2;
    }
    if (buf == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    buf[len] = '\0';
    if (strlen(buf) != len) {
        /* UTF-16 (a byte-order mark first) is text, in another encoding. */
        int utf16 = len >= 2 && ((buf[0] == '\xff' && buf[1] == '\xfe') ||
                                 (buf[0] == '\xfe' && buf[1] == '\xff'));
        secmem_free(buf);
        if (utf16)
            return err_set(e, EXIT_INPUT, "%s is UTF-16 text; save it as UTF-8 and try again",
                           what);
        return err_set(e, EXIT_INPUT, "%s contains a NUL byte", what);
    }
    *out = buf;
    return 0;
}

int input_body(char **body, const char *what, struct err *e)
{
    *body = NULL;
    return in.shell ? shell_body(body, what, e) : input_read_all(body, STDIN_FILENO, what, e);
}

size_t input_body_skip(void)
{
    size_t n = 0;

    if (!in.shell || isatty(STDIN_FILENO))
        return 0;
    for (;;) {
        char *line;
        size_t len;
        struct err e;
        int rc = input_line(&line, &len, &e);

        if (rc == INPUT_LINE) {
            int last = strcmp(line, ".") == 0;
            secmem_free(line);
            if (last)
                return n;
            n++;
        } else if (rc == INPUT_IDLE || rc == INPUT_CANCELLED) {
            in.stop = 1;   /* the rest of the body may still come: no line is a command */
            return n;
        } else if (rc != -1) {
            return n;   /* the end */
        }
    }
}

int input_body_waiting(void)
{
    struct stat st;

    return !in.shell && fstat(STDIN_FILENO, &st) == 0 &&
           (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || S_ISREG(st.st_mode));
}
