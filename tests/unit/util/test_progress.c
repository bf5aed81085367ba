/* util/progress: a ticker reports from its own thread, within bounds,
 * and nothing at all when nobody watches. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/progress.h"

struct seen {
    pthread_mutex_t mu;
    uint64_t last, total;
    int calls, over;
};

static void on_progress(void *ctx, uint64_t done, uint64_t total)
{
    struct seen *s = ctx;

    pthread_mutex_lock(&s->mu);
    s->calls++;
    s->over |= done > total;
    s->last = done;
    s->total = total;
    pthread_mutex_unlock(&s->mu);
}

static void nap(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

    nanosleep(&ts, NULL);
}

/* The offset of a file read in steps, as the readers of bundles are seen. */
static void test_offset_ticker(void **state)
{
    struct seen s = { PTHREAD_MUTEX_INITIALIZER, 0, 0, 0, 0 };
    const struct progress p = { on_progress, &s };
    struct progress_ticker t;
    char buf[1000] = { 0 };
    FILE *f = tmpfile();
    int fd;

    (void)state;
    assert_non_null(f);
    for (int i = 0; i < 6; i++)
        assert_int_equal(fwrite(buf, 1, sizeof buf, f), sizeof buf);
    fflush(f);
    fd = dup(fileno(f));
    fclose(f);
    assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
    assert_int_equal(read(fd, buf, 100), 100);   /* before the ticker: not counted */
    progress_ticker_start(&t, &p, 500, 3000, progress_offset, &fd);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(read(fd, buf, sizeof buf), (ssize_t)sizeof buf);
        nap(120);
    }
    progress_ticker_stop(&t);
    close(fd);
    assert_true(s.calls >= 2);
    assert_false(s.over);                /* 500 + 5000 read, capped at 3000 */
    assert_int_equal(s.total, 3000);
    assert_int_equal(s.last, 3000);
}

static uint64_t never(const void *arg)
{
    (void)arg;
    fail_msg("measured with nobody watching");
    return 0;
}

static void test_nobody_watches(void **state)
{
    const struct progress none = { NULL, NULL };
    struct progress_ticker t;

    (void)state;
    progress_ticker_start(&t, NULL, 0, 10, never, NULL);
    progress_ticker_stop(&t);
    progress_ticker_start(&t, &none, 0, 10, never, NULL);
    progress_ticker_stop(&t);
    progress_ticker_stop(&t);            /* twice is harmless */
}

static void test_written(void **state)
{
    uint64_t before = progress_written(NULL);
    char line[] = "x\n";
    FILE *f = tmpfile();

    (void)state;
    assert_non_null(f);
    assert_int_equal(write(fileno(f), line, 2), 2);
    fclose(f);
    assert_true(progress_written(NULL) >= before + 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_offset_ticker),
        cmocka_unit_test(test_nobody_watches),
        cmocka_unit_test(test_written),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
