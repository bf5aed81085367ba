#include "util/progress.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Between two reports. */
#define TICK_NS 200000000L

uint64_t progress_offset(const void *fd)
{
    off_t at = lseek(*(const int *)fd, 0, SEEK_CUR);

    return at > 0 ? (uint64_t)at : 0;
}

uint64_t progress_written(const void *unused)
{
    FILE *f = fopen("/proc/self/io", "re");
    unsigned long long v = 0;
    char line[128];

    (void)unused;
    if (f == NULL)
        return 0;
    while (fgets(line, sizeof line, f) != NULL)
        if (sscanf(line, "wchar: %llu", &v) == 1)
            break;
    fclose(f);
    return (uint64_t)v;
}

static uint64_t done_so_far(const struct progress_ticker *t)
{
    uint64_t now = t->measure(t->arg), done = t->before + (now > t->base ? now - t->base : 0);

    return done < t->total ? done : t->total;
}

static void *tick(void *arg)
{
    struct progress_ticker *t = arg;
    struct timespec ts;

    pthread_mutex_lock(&t->mu);
    while (!t->stop) {
        t->to.fn(t->to.ctx, done_so_far(t), t->total);
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += TICK_NS;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        (void)pthread_cond_timedwait(&t->cv, &t->mu, &ts);
    }
    pthread_mutex_unlock(&t->mu);
    return NULL;
}

void progress_ticker_start(struct progress_ticker *t, const struct progress *p,
                           uint64_t before, uint64_t total,
                           progress_measure_fn measure, const void *arg)
{
    memset(t, 0, sizeof *t);
    if (p == NULL || p->fn == NULL)
        return;
    t->to = *p;
    t->measure = measure;
    t->arg = arg;
    t->before = before;
    t->total = total;
    t->base = measure(arg);
    pthread_mutex_init(&t->mu, NULL);
    pthread_cond_init(&t->cv, NULL);
    t->running = pthread_create(&t->thread, NULL, tick, t) == 0;
    if (!t->running) {
        pthread_cond_destroy(&t->cv);
        pthread_mutex_destroy(&t->mu);
    }
}

void progress_ticker_stop(struct progress_ticker *t)
{
    if (!t->running)
        return;
    pthread_mutex_lock(&t->mu);
    t->stop = 1;
    pthread_cond_signal(&t->cv);
    pthread_mutex_unlock(&t->mu);
    pthread_join(t->thread, NULL);
    pthread_cond_destroy(&t->cv);
    pthread_mutex_destroy(&t->mu);
    t->running = 0;
}
