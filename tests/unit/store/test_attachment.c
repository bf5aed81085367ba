/* store/attachment.c: attachments stored in chunks of ATTACHMENT_CHUNK
 * bytes, read back in order, their size and hash checked. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <dirent.h>

#include "tests/unit/storeutil.h"

#include "store/db.h"                    /* attachment_chunk, altered directly */

#define BIG (2 * ATTACHMENT_CHUNK + 1234)

/* Stores buf[0..len) as attachment name of record rid, written in pieces
 * of step bytes, in one transaction; its hash into hash. */
static int attach(unsigned char hash[ATTACHMENT_HASHBYTES], struct store *s, const char *rid,
                  const char *name, const unsigned char *buf, size_t len, size_t step,
                  struct err *e)
{
    struct attachment_writer *w;

    if (store_begin(s, e) != 0)
        return -1;
    if (store_attachment_begin(&w, s, rid, name, "audio/ogg", 0, e) != 0) {
        store_rollback(s);
        return -1;
    }
    for (size_t at = 0; at < len; at += step) {
        if (store_attachment_write(w, buf + at, len - at < step ? len - at : step, e) != 0) {
            store_attachment_abort(w);
            store_rollback(s);
            return -1;
        }
    }
    if (store_attachment_end(w, hash, e) != 0) {
        store_rollback(s);
        return -1;
    }
    return store_commit(s, e);
}

static void test_store_and_read(void **state)
{
    struct fixture *f = *state;
    unsigned char *data = random_bytes(BIG), hash[ATTACHMENT_HASHBYTES], want[ATTACHMENT_HASHBYTES];
    struct readback r = { NULL, 0, 0, 0 };
    char id[RECORD_ID_CHARS + 1];
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(id, f->s, "Rim-il", "t", "2023-05-01", "b");
    assert_int_equal(attach(hash, f->s, id, "memo.ogg", data, BIG, 1000, &e), 0);
    crypto_generichash(want, sizeof want, data, BIG, NULL, 0);
    assert_memory_equal(hash, want, sizeof want);
    r.buf = malloc(BIG);
    assert_non_null(r.buf);
    assert_int_equal(store_attachment_read(f->s, id, "memo.ogg", 1, take, &r, &e), 0);
    assert_int_equal(r.len, BIG);
    assert_memory_equal(r.buf, data, BIG);
    assert_int_equal(r.pieces, 3);
    assert_int_equal(r.largest, ATTACHMENT_CHUNK);
    free(r.buf);
    free(data);
}

struct listing {
    char buf[512];
};

static int collect(void *ctx, const struct attachment_row *a, struct err *e)
{
    struct listing *l = ctx;
    size_t used = strlen(l->buf);

    (void)e;
    assert_int_equal(strlen(a->added), 20);
    snprintf(l->buf + used, sizeof l->buf - used, "%s %s %s %llu %d %02x;", a->record, a->name,
             a->type, (unsigned long long)a->size, a->gps, a->hash[0]);
    return 0;
}

static void test_list(void **state)
{
    struct fixture *f = *state;
    unsigned char data[10] = "0123456789", h1[ATTACHMENT_HASHBYTES], h2[ATTACHMENT_HASHBYTES];
    struct attachment_writer *w;
    struct listing l = { "" };
    char id[RECORD_ID_CHARS + 1], want[512];
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(id, f->s, "Rim-il", "t", "2023-05-01", "b");
    assert_int_equal(attach(h1, f->s, id, "z.ogg", data, sizeof data, 3, &e), 0);
    /* An empty attachment, a photo with a position. */
    assert_int_equal(store_begin(f->s, &e), 0);
    assert_int_equal(store_attachment_begin(&w, f->s, id, "a.jpg", "image/jpeg", 1, &e), 0);
    assert_int_equal(store_attachment_end(w, h2, &e), 0);
    assert_int_equal(store_commit(f->s, &e), 0);
    assert_int_equal(store_attachment_each(f->s, id, collect, &l, &e), 0);
    snprintf(want, sizeof want, "%s a.jpg image/jpeg 0 1 %02x;%s z.ogg audio/ogg 10 0 %02x;",
             id, h2[0], id, h1[0]);
    assert_string_equal(l.buf, want);
    l.buf[0] = '\0';
    assert_int_equal(store_attachment_each(f->s, "nosuchrecord", collect, &l, &e), 0);
    assert_string_equal(l.buf, "");
    l.buf[0] = '\0';
    assert_int_equal(store_attachment_each(f->s, NULL, collect, &l, &e), 0);
    assert_string_equal(l.buf, want);
}

static void test_refusals(void **state)
{
    struct fixture *f = *state;
    static const char *const bad[] = { "", "a/b", ".", ".." };
    unsigned char data[4] = "abcd", h[ATTACHMENT_HASHBYTES];
    struct attachment_writer *w = NULL;
    struct readback r = { data, 0, 0, 0 };
    char id[RECORD_ID_CHARS + 1], want[256];
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(id, f->s, "Rim-il", "t", "2023-05-01", "b");
    assert_int_equal(attach(h, f->s, id, "a.bin", data, sizeof data, 4, &e), 0);
    assert_int_equal(attach(h, f->s, id, "a.bin", data, sizeof data, 4, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "the record already has an attachment named 'a.bin'; nothing was changed");
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(store_attachment_begin(&w, f->s, id, bad[i], "x/y", 0, &e), -1);
        assert_string_equal(e.msg, "an attachment name must be 1 to 255 bytes without '/'");
        assert_null(w);
    }
    assert_int_equal(store_attachment_begin(&w, f->s, id, "b.bin", "", 0, &e), -1);
    assert_string_equal(e.msg, "bad attachment type");
    assert_int_equal(store_attachment_begin(&w, f->s, "nope", "b.bin", "x/y", 0, &e), -1);
    assert_string_equal(e.msg, "no record with id 'nope' (see 'intake list')");
    assert_int_equal(store_attachment_read(f->s, id, "c.bin", 1, take, &r, &e), -1);
    snprintf(want, sizeof want, "record '%s' has no attachment named 'c.bin' (see 'intake show %s')", id, id);
    assert_string_equal(e.msg, want);
    assert_int_equal(r.pieces, 0);
    store_attachment_abort(NULL);
}

static void alter(struct store *s, const char *sql)
{
    assert_int_equal(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK);
}

static void test_damage_is_caught(void **state)
{
    struct fixture *f = *state;
    unsigned char *data = random_bytes(BIG), h[ATTACHMENT_HASHBYTES];
    struct readback r = { NULL, 0, 0, 0 };
    char id[RECORD_ID_CHARS + 1];
    struct err e;

    r.buf = malloc(BIG);
    assert_non_null(r.buf);
    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(id, f->s, "Rim-il", "t", "2023-05-01", "b");
    assert_int_equal(attach(h, f->s, id, "m.ogg", data, BIG, BIG, &e), 0);
    /* Same length, other bytes: only the hash can tell. */
    alter(f->s, "UPDATE attachment_chunk SET data = zeroblob(length(data)) WHERE seq = 1");
    assert_int_equal(store_attachment_read(f->s, id, "m.ogg", 0, take, &r, &e), 0);
    r.len = 0;
    assert_int_equal(store_attachment_read(f->s, id, "m.ogg", 1, take, &r, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "attachment 'm.ogg' is damaged in the store (size or hash differ);"
                        " restore the store from a backup");
    /* A chunk missing from the sequence. */
    r.len = 0;
    alter(f->s, "DELETE FROM attachment_chunk WHERE seq = 1");
    assert_int_equal(store_attachment_read(f->s, id, "m.ogg", 0, take, &r, &e), -1);
    assert_string_equal(e.msg, "attachment 'm.ogg' is damaged in the store");
    assert_int_equal(r.len, ATTACHMENT_CHUNK);   /* what came before the gap */
    free(r.buf);
    free(data);
}

/* --- a large attachment, read on two threads (store/attachment.c) --- */

#define LARGE (20 * ATTACHMENT_CHUNK + 777)      /* 21 chunks, over PAIR_MIN */

/* The threads of this process named "attachment" (the helper). */
static size_t threads(void)
{
    struct dirent *d;
    DIR *dir = opendir("/proc/self/task");
    size_t n = 0;

    assert_non_null(dir);
    while ((d = readdir(dir)) != NULL) {
        char path[300], comm[32] = "";
        FILE *f;

        if (d->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "/proc/self/task/%s/comm", d->d_name);
        if ((f = fopen(path, "r")) == NULL)
            continue;                            /* the thread has just ended */
        if (fgets(comm, sizeof comm, f) != NULL && strcmp(comm, "attachment\n") == 0)
            n++;
        fclose(f);
    }
    closedir(dir);
    return n;
}

/* take, noting the helper threads at the second piece; stops (stop > 0) or fails
 * (stop < 0) at piece at. */
struct counted {
    struct readback r;
    size_t threads, at;
    int stop;
};

static int take_counted(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct counted *c = ctx;

    if (c->r.pieces == 1)                        /* the helper's first chunk */
        c->threads = threads();
    if (c->stop != 0 && c->r.pieces == c->at)
        return c->stop > 0 ? c->stop : err_set(e, EXIT_INPUT, "the sink failed");
    return take(&c->r, buf, len, e);
}

/* A record (id) with a LARGE attachment l.ogg of data and a small one
 * s.ogg; c reads them back.  Freed by large_free. */
struct large {
    char id[RECORD_ID_CHARS + 1];
    unsigned char *data;
    struct counted c;
};

static void large_setup(struct large *l, struct store *s)
{
    unsigned char h[ATTACHMENT_HASHBYTES];
    struct err e;

    memset(l, 0, sizeof *l);
    l->data = random_bytes(LARGE);
    l->c.r.buf = malloc(LARGE);
    assert_non_null(l->c.r.buf);
    add_subject(s, "Kim Jong-su", "Rim-il");
    add_record(l->id, s, "Rim-il", "t", "2023-05-01", "b");
    assert_int_equal(attach(h, s, l->id, "l.ogg", l->data, LARGE, 5000, &e), 0);
    assert_int_equal(attach(h, s, l->id, "s.ogg", l->data, BIG, BIG, &e), 0);
}

static void large_free(struct large *l)
{
    free(l->c.r.buf);
    free(l->data);
}

static void read_counted(struct counted *c, struct store *s, const char *id, const char *name,
                         int verify, int want_rc, struct err *e)
{
    c->r.len = c->r.pieces = c->r.largest = 0;
    c->threads = 0;
    assert_int_equal(store_attachment_read(s, id, name, verify, take_counted, c, e), want_rc);
    assert_int_equal(threads(), 0);              /* the helper was joined */
}

static void test_large_read_on_two_threads(void **state)
{
    struct fixture *f = *state;
    struct large l;
    struct counted *c = &l.c;
    struct err e;

    large_setup(&l, f->s);
    for (int verify = 0; verify <= 1; verify++) {
        read_counted(c, f->s, l.id, "l.ogg", verify, 0, &e);
        /* The same bytes in the same pieces as one thread gives. */
        assert_int_equal(c->threads, 1);
        assert_int_equal(c->r.len, LARGE);
        assert_memory_equal(c->r.buf, l.data, LARGE);
        assert_int_equal(c->r.pieces, 21);
        assert_int_equal(c->r.largest, ATTACHMENT_CHUNK);
    }
    /* A small attachment, and any inside a transaction (which a second
     * connection could not see into), are read by this thread alone. */
    read_counted(c, f->s, l.id, "s.ogg", 1, 0, &e);
    assert_int_equal(c->threads, 0);
    assert_int_equal(c->r.len, BIG);
    assert_int_equal(store_begin(f->s, &e), 0);
    read_counted(c, f->s, l.id, "l.ogg", 1, 0, &e);
    assert_int_equal(c->threads, 0);
    assert_memory_equal(c->r.buf, l.data, LARGE);
    store_rollback(f->s);
    large_free(&l);
}

static void test_large_read_stops(void **state)
{
    struct fixture *f = *state;
    struct large l;
    struct counted *c = &l.c;
    struct err e;

    large_setup(&l, f->s);
    /* The sink stops or fails at a chunk of either thread. */
    for (size_t at = 0; at < 6; at++) {
        c->at = at;
        c->stop = 7;
        read_counted(c, f->s, l.id, "l.ogg", 1, 7, &e);
        assert_int_equal(c->r.len, at * ATTACHMENT_CHUNK);
        c->stop = -1;
        read_counted(c, f->s, l.id, "l.ogg", 1, -1, &e);
        assert_string_equal(e.msg, "the sink failed");
        assert_memory_equal(c->r.buf, l.data, at * ATTACHMENT_CHUNK);
    }
    large_free(&l);
}

static void test_large_damage_is_caught(void **state)
{
    struct fixture *f = *state;
    struct large l;
    struct counted *c = &l.c;
    struct err e;

    large_setup(&l, f->s);
    /* Other bytes in a chunk of the helper's: only the hash tells. */
    alter(f->s, "UPDATE attachment_chunk SET data = zeroblob(length(data)) WHERE seq = 7");
    read_counted(c, f->s, l.id, "l.ogg", 0, 0, &e);
    assert_int_equal(c->threads, 1);
    read_counted(c, f->s, l.id, "l.ogg", 1, -1, &e);
    assert_string_equal(e.msg, "attachment 'l.ogg' is damaged in the store (size or hash differ);"
                        " restore the store from a backup");
    /* The last chunk (the caller's: seq 20) missing: the size tells. */
    alter(f->s, "DELETE FROM attachment_chunk WHERE seq = 20");
    read_counted(c, f->s, l.id, "l.ogg", 0, -1, &e);
    assert_string_equal(e.msg, "attachment 'l.ogg' is damaged in the store (size or hash differ);"
                        " restore the store from a backup");
    assert_int_equal(c->r.len, 20 * ATTACHMENT_CHUNK);
    /* A gap in either thread's chunks. */
    alter(f->s, "DELETE FROM attachment_chunk WHERE seq = 9");
    read_counted(c, f->s, l.id, "l.ogg", 0, -1, &e);
    assert_string_equal(e.msg, "attachment 'l.ogg' is damaged in the store");
    assert_int_equal(c->r.len, 9 * ATTACHMENT_CHUNK);
    alter(f->s, "DELETE FROM attachment_chunk WHERE seq = 4");
    read_counted(c, f->s, l.id, "l.ogg", 0, -1, &e);
    assert_string_equal(e.msg, "attachment 'l.ogg' is damaged in the store");
    assert_int_equal(c->r.len, 4 * ATTACHMENT_CHUNK);
    large_free(&l);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, open_fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_store_and_read),
        T(test_list),
        T(test_refusals),
        T(test_damage_is_caught),
        T(test_large_read_on_two_threads),
        T(test_large_read_stops),
        T(test_large_damage_is_caught),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
