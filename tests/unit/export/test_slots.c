/* export/slots: order across the wrap-around with the worker on either
 * side, the hand-over at SLOTS_WAKE and at the last slot, a failure on
 * either side, and cancelling a worker that waits. A deadlock fails the
 * run through alarm(). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "export/slots.h"

#define ITEMS 100            /* many times round the SLOTS_N slots */

struct bench {
    struct slots q;
    int value[SLOTS_N];      /* the slots' contents */
    int got[ITEMS + 1];      /* what the emptying side saw, in order */
    size_t index[ITEMS + 1]; /* and the slot each came from */
    int ngot;
    int fail_at;             /* the worker fails at this item (-1: never) */
    int nput;                /* items the filling worker puts (-1: until stopped) */
    useconds_t delay;        /* the filling worker sleeps this long before each */
};

/* A worker that empties: records each value and its slot. */
static void *emptier(void *arg)
{
    struct bench *b = arg;
    struct err e = { EXIT_INPUT, "cannot write item" };
    size_t i;

    while (slots_take(&b->q, &i, NULL) > 0) {
        if (b->ngot == b->fail_at) {
            slots_fail(&b->q, &e);
            break;
        }
        b->index[b->ngot] = i;
        b->got[b->ngot++] = b->value[i];
        slots_release(&b->q);
    }
    return NULL;
}

/* A worker that fills: puts 0, 1, 2... marking the last of nput. */
static void *filler(void *arg)
{
    struct bench *b = arg;
    struct err e = { EXIT_AUTH, "a chunk was altered" };
    size_t i;

    for (int k = 0; b->nput < 0 || k < b->nput; k++) {
        usleep(b->delay);
        if (slots_claim(&b->q, &i, NULL) != 0)
            break;
        if (k == b->fail_at) {
            slots_fail(&b->q, &e);
            break;
        }
        b->value[i] = k;
        slots_put(&b->q, k == b->nput - 1);
    }
    return NULL;
}

static void start(struct bench *b, void *(*worker)(void *), int fail_at, int nput)
{
    struct err e;

    memset(b, 0, sizeof *b);
    b->fail_at = fail_at;
    b->nput = nput;
    assert_int_equal(slots_start(&b->q, worker, b, "test worker", &e), 0);
}

/* The caller fills (as the bundle writer does), the worker empties. */
static void test_caller_fills_in_order(void **state)
{
    struct bench b;
    struct err e;
    size_t i;

    (void)state;
    start(&b, emptier, -1, 0);
    for (int k = 0; k < ITEMS; k++) {
        assert_int_equal(slots_claim(&b.q, &i, &e), 0);
        assert_int_equal(i, (size_t)k % SLOTS_N);
        b.value[i] = k;
        slots_put(&b.q, k == ITEMS - 1);
    }
    assert_int_equal(slots_stop(&b.q, 0, &e), 0);
    assert_int_equal(b.ngot, ITEMS);
    for (int k = 0; k < ITEMS; k++) {
        assert_int_equal(b.got[k], k);
        assert_int_equal(b.index[k], (size_t)k % SLOTS_N);
    }
}

/* The worker fills (as the bundle reader's does), the caller empties
 * until the last slot, then sees the end. */
static void test_worker_fills_in_order(void **state)
{
    struct bench b;
    struct err e;
    size_t i;
    int n = 0, rc;

    (void)state;
    start(&b, filler, -1, ITEMS);
    while ((rc = slots_take(&b.q, &i, &e)) > 0) {
        assert_int_equal(i, (size_t)n % SLOTS_N);
        assert_int_equal(b.value[i], n);
        n++;
        slots_release(&b.q);
    }
    assert_int_equal(rc, 0);
    assert_int_equal(n, ITEMS);
    assert_int_equal(slots_take(&b.q, &i, &e), 0);        /* still the end */
    assert_int_equal(slots_stop(&b.q, 1, &e), 0);
}

/* Fewer than SLOTS_WAKE slots wake a waiting side only if the last is
 * among them (the caller is asleep in slots_take when each is put). */
static void test_last_slot_wakes(void **state)
{
    struct bench b;
    struct err e;
    size_t i;

    (void)state;
    memset(&b, 0, sizeof b);
    b.fail_at = -1;
    b.nput = 2;
    b.delay = 100000;
    assert_int_equal(slots_start(&b.q, filler, &b, "test worker", &e), 0);
    assert_int_equal(slots_take(&b.q, &i, &e), 1);
    assert_int_equal(b.value[i], 0);
    slots_release(&b.q);
    assert_int_equal(slots_take(&b.q, &i, &e), 1);
    assert_int_equal(b.value[i], 1);
    slots_release(&b.q);
    assert_int_equal(slots_take(&b.q, &i, &e), 0);
    assert_int_equal(slots_stop(&b.q, 1, &e), 0);
}

/* Cancel: a waiting worker stops at once and leaves what is queued. */
static void test_cancel_drops_queued(void **state)
{
    struct bench b;
    struct err e;
    size_t i;

    (void)state;
    start(&b, emptier, -1, 0);
    for (int k = 0; k < SLOTS_WAKE - 1; k++) {          /* not enough to wake it */
        assert_int_equal(slots_claim(&b.q, &i, &e), 0);
        slots_put(&b.q, 0);
    }
    assert_int_equal(slots_stop(&b.q, 1, &e), 0);
    assert_int_equal(b.ngot, 0);
    assert_int_equal(slots_stop(&b.q, 1, &e), 0);       /* again: harmless */
}

/* Cancel: a worker that fills and waits for room stops at once. */
static void test_cancel_stops_filler(void **state)
{
    struct bench b;
    struct err e;
    size_t i;

    (void)state;
    start(&b, filler, -1, -1);                          /* fills until stopped */
    for (int k = 0; k < 3 * SLOTS_N; k++) {
        assert_int_equal(slots_take(&b.q, &i, &e), 1);
        assert_int_equal(b.value[i], k);
        slots_release(&b.q);
    }
    assert_int_equal(slots_stop(&b.q, 1, &e), 0);
}

/* The emptying worker fails: the caller learns it, with its message, no
 * later than when every slot is full; so does slots_stop. */
static void test_emptier_fails(void **state)
{
    struct bench b;
    struct err e;
    size_t i;
    int k, rc = 0;

    (void)state;
    start(&b, emptier, 5, 0);
    for (k = 0; k < ITEMS && rc == 0; k++) {
        memset(&e, 0, sizeof e);
        rc = slots_claim(&b.q, &i, &e);
        if (rc == 0)
            slots_put(&b.q, 0);
    }
    assert_int_equal(rc, -1);
    assert_true(k <= 5 + SLOTS_N + 1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "cannot write item");
    assert_int_equal(b.ngot, 5);
    memset(&e, 0, sizeof e);
    assert_int_equal(slots_stop(&b.q, 0, &e), -1);
    assert_string_equal(e.msg, "cannot write item");
}

/* The filling worker fails: the caller first takes every slot filled
 * before the failure, in order, then gets the error. */
static void test_filler_fails_after_queued(void **state)
{
    struct bench b;
    struct err e;
    size_t i;
    int n = 0, rc;

    (void)state;
    start(&b, filler, 11, ITEMS);
    memset(&e, 0, sizeof e);
    while ((rc = slots_take(&b.q, &i, &e)) > 0) {
        assert_int_equal(b.value[i], n);
        n++;
        slots_release(&b.q);
    }
    assert_int_equal(rc, -1);
    assert_int_equal(n, 11);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "a chunk was altered");
    assert_int_equal(slots_stop(&b.q, 1, NULL), -1);
}

/* A queue that never started stops without error. */
static void test_stop_unstarted(void **state)
{
    struct slots q;
    struct err e;

    (void)state;
    memset(&q, 0, sizeof q);
    assert_int_equal(slots_stop(&q, 1, &e), 0);
    assert_int_equal(slots_stop(&q, 0, &e), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_caller_fills_in_order),
        cmocka_unit_test(test_worker_fills_in_order),
        cmocka_unit_test(test_last_slot_wakes),
        cmocka_unit_test(test_cancel_drops_queued),
        cmocka_unit_test(test_cancel_stops_filler),
        cmocka_unit_test(test_emptier_fails),
        cmocka_unit_test(test_filler_fails_after_queued),
        cmocka_unit_test(test_stop_unstarted),
    };

    alarm(20);   /* a lost wake-up would hang: fail instead */
    return cmocka_run_group_tests(tests, NULL, NULL);
}
