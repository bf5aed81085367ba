/* Write-back behind a writer: a thread that asks the kernel to start
 * writing a file's new bytes to the disk (sync_file_range with
 * SYNC_FILE_RANGE_WRITE) while the writer goes on.  The request blocks
 * whenever the disk's queue is full (0.24 s in 32 calls, one of 0.12 s,
 * for a 256 MiB bundle on a loaded machine: docs/SPEED.md, "Session 53");
 * on its own thread it no longer holds up the writer.  Advice only: the
 * file's owner still fsyncs it before calling it written, so durability
 * is what that fsync makes it, with or without this thread. */
#ifndef INTAKE_FLUSH_H
#define INTAKE_FLUSH_H

#include <pthread.h>
#include <stdint.h>

/* Zeroed before flush_start(); read and written only by the functions
 * below (under mu while the thread runs). */
struct flush {
    pthread_mutex_t mu;
    pthread_cond_t wake;
    pthread_t thread;
    int fd;
    int running;                 /* the thread was started and not joined */
    int stop;
    uint64_t asked;              /* bytes of fd the writer has handed over */
    uint64_t started;            /* bytes whose write-back was started */
};

/* Starts the thread for fd (which must stay open until flush_stop()).
 * Without a thread (it could not be started) flush_ask() starts the
 * write-back itself, on the caller's thread, as before. */
void flush_start(struct flush *f, int fd);

/* The writer has written the first end bytes of fd (end only grows):
 * start writing back those not yet started.  Never fails: an I/O error
 * is found by the owner's fsync. */
void flush_ask(struct flush *f, uint64_t end);

/* Stops and joins the thread (a request in flight is finished, queued
 * ones are dropped: the owner's fsync writes everything); again is
 * harmless. */
void flush_stop(struct flush *f);

#endif
