/* Write-back behind a writer (flush.h). */
#include "export/flush.h"

#include <fcntl.h>

static void start_range(int fd, uint64_t from, uint64_t to)
{
    /* Advice only: a failure here is found by the owner's fsync. */
    (void)sync_file_range(fd, (off_t)from, (off_t)(to - from), SYNC_FILE_RANGE_WRITE);
}

static void *flusher(void *arg)
{
    struct flush *f = arg;

    pthread_mutex_lock(&f->mu);
    for (;;) {
        uint64_t from, to;

        while (f->asked == f->started && !f->stop)
            pthread_cond_wait(&f->wake, &f->mu);
        if (f->stop)
            break;
        from = f->started;
        to = f->asked;
        pthread_mutex_unlock(&f->mu);
        start_range(f->fd, from, to);
        pthread_mutex_lock(&f->mu);
        f->started = to;
    }
    pthread_mutex_unlock(&f->mu);
    return NULL;
}

void flush_start(struct flush *f, int fd)
{
    f->fd = fd;
    if (pthread_mutex_init(&f->mu, NULL) != 0)
        return;
    if (pthread_cond_init(&f->wake, NULL) != 0) {
        pthread_mutex_destroy(&f->mu);
        return;
    }
    if (pthread_create(&f->thread, NULL, flusher, f) != 0) {
        pthread_cond_destroy(&f->wake);
        pthread_mutex_destroy(&f->mu);
        return;
    }
    f->running = 1;
}

void flush_ask(struct flush *f, uint64_t end)
{
    if (!f->running) {
        if (end > f->started)
            start_range(f->fd, f->started, end);
        f->started = end;
        return;
    }
    pthread_mutex_lock(&f->mu);
    f->asked = end;
    pthread_cond_signal(&f->wake);
    pthread_mutex_unlock(&f->mu);
}

void flush_stop(struct flush *f)
{
    if (!f->running)
        return;
    pthread_mutex_lock(&f->mu);
    f->stop = 1;
    pthread_cond_signal(&f->wake);
    pthread_mutex_unlock(&f->mu);
    pthread_join(f->thread, NULL);
    pthread_cond_destroy(&f->wake);
    pthread_mutex_destroy(&f->mu);
    f->running = 0;
}
