/* util/sandbox.c: after sandbox_no_network, no thread of the process can
 * create a socket of any family; files, pipes and threads still work. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util/sandbox.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t go = PTHREAD_COND_INITIALIZER;
static int installed, thread_errno;

/* Started before the filter, tries after it: TSYNC must reach it too. */
static void *older_thread(void *arg)
{
    int fd;

    (void)arg;
    pthread_mutex_lock(&lock);
    while (!installed)
        pthread_cond_wait(&go, &lock);
    pthread_mutex_unlock(&lock);
    fd = socket(AF_INET, SOCK_DGRAM, 0);
    thread_errno = fd < 0 ? errno : 0;
    if (fd >= 0)
        close(fd);
    return NULL;
}

static void expect_refused(int fd)
{
    assert_int_equal(fd, -1);
    assert_int_equal(errno, EACCES);
}

static void test_no_socket_anywhere(void **state)
{
    int pair[2], pipefd[2], fd;
    pthread_t t;
    struct err e;

    (void)state;
    /* Before: sockets work here (the test can tell). */
    fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(pthread_create(&t, NULL, older_thread, NULL), 0);
    err_clear(&e);
    assert_int_equal(sandbox_no_network(&e), 0);
    pthread_mutex_lock(&lock);
    installed = 1;
    pthread_cond_broadcast(&go);
    pthread_mutex_unlock(&lock);
    assert_int_equal(pthread_join(t, NULL), 0);
    assert_int_equal(thread_errno, EACCES);
    expect_refused(socket(AF_INET, SOCK_STREAM, 0));
    expect_refused(socket(AF_INET6, SOCK_DGRAM, 0));
    expect_refused(socket(AF_UNIX, SOCK_STREAM, 0));
    expect_refused(socket(AF_NETLINK, SOCK_RAW, 0));
    expect_refused(socketpair(AF_UNIX, SOCK_STREAM, 0, pair));
    /* The rest of the process carries on. */
    assert_int_equal(pipe(pipefd), 0);
    close(pipefd[0]);
    close(pipefd[1]);
    fd = open("/dev/null", O_RDONLY);
    assert_true(fd >= 0);
    close(fd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_socket_anywhere),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
