/* A queue of SLOTS_N slots between two threads, the caller's and one
 * worker that slots_start() runs: one side fills slots in order, the other
 * empties them in the same order.  The queue hands out slot indexes
 * (0..SLOTS_N-1); the slots themselves (chunk buffers of any kind) belong
 * to its user, and a slot is the filling side's from slots_claim() to
 * slots_put(), then the emptying side's from slots_take() to
 * slots_release().
 *
 * A side that must wait sleeps until SLOTS_WAKE slots are ready for it,
 * so the threads wake each other about once per SLOTS_WAKE slots rather
 * than once per slot: each wake is a system call, and they cost in
 * virtual machines.  Used by the bundle writer (the worker empties) and
 * the bundle reader (the worker fills, and shares the decryption). */
#ifndef INTAKE_SLOTS_H
#define INTAKE_SLOTS_H

#include <pthread.h>
#include <stddef.h>

#include "util/err.h"

#define SLOTS_N 8
#define SLOTS_WAKE (SLOTS_N / 2)

/* Zeroed before slots_start(); read and written only by the functions
 * below, under mu. */
struct slots {
    pthread_mutex_t mu;
    pthread_cond_t filled;       /* the emptying side waits on it */
    pthread_cond_t emptied;      /* the filling side waits on it */
    pthread_t worker;
    int sync_init;               /* mu and the conditions are initialised */
    int running;                 /* the worker was started and not joined */
    size_t head, tail, queued;   /* filled at head, emptied at tail */
    int closed;                  /* the filling side puts no more */
    int cancelled;               /* stop at once, queued slots or not */
    int draining;                /* the filling side waits in slots_drain() */
    int failed;                  /* a side stopped on err */
    struct err err;
};

/* Starts worker(arg) on a new thread to serve one side of the zeroed
 * queue q; what names it in errors ("bundle writer").  0, or -1 with
 * EXIT_INPUT in e; call slots_stop() in either case. */
int slots_start(struct slots *q, void *(*worker)(void *), void *arg,
                const char *what, struct err *e);

/* Filling side: the index of the next slot to fill in *i, after waiting
 * while every slot is full (until half of them are free).  0, or -1 if
 * the queue was cancelled or the emptying side failed (e, if not NULL,
 * then gets that side's error). */
int slots_claim(struct slots *q, size_t *i, struct err *e);

/* Filling side: hands the claimed slot to the emptying side; last says
 * that no slot will follow it. */
void slots_put(struct slots *q, int last);

/* Emptying side: the index of the next filled slot in *i, after waiting
 * while none is (until half of them are filled, or the last one).  1 with
 * a slot; 0 when the queue was cancelled, or closed and every slot taken;
 * -1 when the filling side failed and every slot it filled before was
 * taken (e, if not NULL, then gets its error). */
int slots_take(struct slots *q, size_t *i, struct err *e);

/* Emptying side: gives the taken slot back to the filling side. */
void slots_release(struct slots *q);

/* Filling side: waits until the emptying side has released every slot
 * put so far.  0, or -1 as slots_claim(). */
int slots_drain(struct slots *q, struct err *e);

/* Either side: how many slots are filled and not yet taken back, a hint
 * for sharing work (it may change at once). */
size_t slots_queued(struct slots *q);

/* Either side: stops with the error *e and wakes the other side, which
 * learns it from slots_claim(), slots_take() or slots_stop(). */
void slots_fail(struct slots *q, const struct err *e);

/* Caller's side: lets the worker finish (cancel 0: it empties what is
 * queued and sees the end) or stops it at once (cancel 1), joins it and
 * frees the queue's locks; again is harmless.  0, or -1 if a side failed
 * (e, if not NULL, then gets the error). */
int slots_stop(struct slots *q, int cancel, struct err *e);

#endif
