/* store/attachment.c: attachments stored in chunks of ATTACHMENT_CHUNK
 * bytes, read back in order, their size and hash checked. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

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

#define T(fn) cmocka_unit_test_setup_teardown(fn, open_fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_store_and_read),
        T(test_list),
        T(test_refusals),
        T(test_damage_is_caught),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
