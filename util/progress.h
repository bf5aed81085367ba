/* Progress of long work (a large attachment, a bundle, a rekey), reported
 * from the layer that does it up to the one that shows it
 * (intake/progress.c prints it on a terminal).  The work itself is never
 * slowed or changed by it: a thread of its own measures how far it got,
 * about five times a second. */
#ifndef INTAKE_PROGRESS_H
#define INTAKE_PROGRESS_H

#include <pthread.h>
#include <stdint.h>

/* done of total bytes; called from the ticker's thread. */
typedef void (*progress_fn)(void *ctx, uint64_t done, uint64_t total);

/* Who is told, if anyone: fn NULL means nobody watches. */
struct progress {
    progress_fn fn;
    void *ctx;
};

/* How far the work got, in bytes, measured from outside it (arg is the
 * measure's own: see progress_offset, progress_written). */
typedef uint64_t (*progress_measure_fn)(const void *arg);

struct progress_ticker {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int stop, running;
    struct progress to;
    progress_measure_fn measure;
    const void *arg;
    uint64_t base, before, total;
};

/* Starts telling p, about five times a second from a new thread, how far
 * the work got: before + (measure(arg) - its value now), at most total.
 * Nothing happens when p or p->fn is NULL, or no thread can be made (the
 * work goes on unwatched).  Stop it with progress_ticker_stop before arg
 * goes away. */
void progress_ticker_start(struct progress_ticker *t, const struct progress *p,
                           uint64_t before, uint64_t total,
                           progress_measure_fn measure, const void *arg);

/* Stops the ticker and waits for its thread; a ticker that never ran is
 * fine.  It makes no last report: whoever shows progress ends the line
 * once the work is known to be done. */
void progress_ticker_stop(struct progress_ticker *t);

/* Measures: the offset of the open file descriptor *(const int *)fd (how
 * far a reader or writer got in it; 0 if it cannot be read), and the
 * bytes this process has written so far (/proc/self/io; 0 without it). */
uint64_t progress_offset(const void *fd);
uint64_t progress_written(const void *unused);

#endif
