/* The slot queue between the caller's thread and a worker (slots.h). */
#include "export/slots.h"

static int sync_init(struct slots *q)
{
    if (pthread_mutex_init(&q->mu, NULL) != 0)
        return -1;
    if (pthread_cond_init(&q->filled, NULL) != 0) {
        pthread_mutex_destroy(&q->mu);
        return -1;
    }
    if (pthread_cond_init(&q->emptied, NULL) != 0) {
        pthread_cond_destroy(&q->filled);
        pthread_mutex_destroy(&q->mu);
        return -1;
    }
    q->sync_init = 1;
    return 0;
}

int slots_start(struct slots *q, void *(*worker)(void *), void *arg,
                const char *what, struct err *e)
{
    if (sync_init(q) != 0)
        return err_set(e, EXIT_INPUT, "cannot start the %s", what);
    if (pthread_create(&q->worker, NULL, worker, arg) != 0)
        return err_set(e, EXIT_INPUT, "cannot start the %s's thread", what);
    q->running = 1;
    return 0;
}

/* Under mu: -1 with the error in e if a side failed, else 0. */
static int failure(const struct slots *q, struct err *e)
{
    if (!q->failed)
        return 0;
    if (e != NULL)
        *e = q->err;
    return -1;
}

int slots_claim(struct slots *q, size_t *i, struct err *e)
{
    int rc;

    pthread_mutex_lock(&q->mu);
    if (q->queued == SLOTS_N)
        while (q->queued > SLOTS_N - SLOTS_WAKE && !q->failed && !q->cancelled)
            pthread_cond_wait(&q->emptied, &q->mu);
    rc = failure(q, e);
    if (q->cancelled)
        rc = -1;
    *i = q->head;
    pthread_mutex_unlock(&q->mu);
    return rc;
}

void slots_put(struct slots *q, int last)
{
    pthread_mutex_lock(&q->mu);
    q->head = (q->head + 1) % SLOTS_N;
    q->closed |= last;
    if (++q->queued == SLOTS_WAKE || last)
        pthread_cond_signal(&q->filled);
    pthread_mutex_unlock(&q->mu);
}

int slots_take(struct slots *q, size_t *i, struct err *e)
{
    int rc;

    pthread_mutex_lock(&q->mu);
    if (q->queued == 0)
        while ((q->queued == 0 || (q->queued < SLOTS_WAKE && !q->draining)) &&
               !q->closed && !q->failed && !q->cancelled)
            pthread_cond_wait(&q->filled, &q->mu);
    if (q->cancelled)
        rc = 0;
    else if (q->queued > 0)
        rc = 1;
    else
        rc = failure(q, e);
    *i = q->tail;
    pthread_mutex_unlock(&q->mu);
    return rc;
}

void slots_release(struct slots *q)
{
    pthread_mutex_lock(&q->mu);
    q->tail = (q->tail + 1) % SLOTS_N;
    if (--q->queued == SLOTS_N - SLOTS_WAKE || q->queued == 0)
        pthread_cond_signal(&q->emptied);
    pthread_mutex_unlock(&q->mu);
}

int slots_drain(struct slots *q, struct err *e)
{
    int rc;

    pthread_mutex_lock(&q->mu);
    q->draining = 1;                 /* the emptying side takes fewer than SLOTS_WAKE */
    pthread_cond_signal(&q->filled);
    while (q->queued > 0 && !q->failed && !q->cancelled)
        pthread_cond_wait(&q->emptied, &q->mu);
    q->draining = 0;
    rc = q->cancelled ? -1 : failure(q, e);
    pthread_mutex_unlock(&q->mu);
    return rc;
}

size_t slots_queued(struct slots *q)
{
    size_t n;

    pthread_mutex_lock(&q->mu);
    n = q->queued;
    pthread_mutex_unlock(&q->mu);
    return n;
}

void slots_fail(struct slots *q, const struct err *e)
{
    pthread_mutex_lock(&q->mu);
    q->failed = 1;
    q->err = *e;
    pthread_cond_signal(&q->filled);
    pthread_cond_signal(&q->emptied);
    pthread_mutex_unlock(&q->mu);
}

int slots_stop(struct slots *q, int cancel, struct err *e)
{
    int rc = 0;

    if (q->running) {
        pthread_mutex_lock(&q->mu);
        q->closed = 1;
        q->cancelled |= cancel;
        pthread_cond_signal(&q->filled);
        pthread_cond_signal(&q->emptied);
        pthread_mutex_unlock(&q->mu);
        pthread_join(q->worker, NULL);
        q->running = 0;
    }
    if (q->sync_init) {
        rc = failure(q, e);
        pthread_cond_destroy(&q->emptied);
        pthread_cond_destroy(&q->filled);
        pthread_mutex_destroy(&q->mu);
        q->sync_init = 0;
    }
    return rc;
}
