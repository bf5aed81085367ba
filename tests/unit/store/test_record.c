/* store/record.c: records, their tags and the full-text index. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "store/db.h"                    /* the index segments, read directly */
#include "util/fileio.h"
#include "tests/unit/storeutil.h"

static int is_record_id(const char *id)
{
    if (strlen(id) != RECORD_ID_CHARS)
        return 0;
    for (; *id != '\0'; id++)
        if (strchr("0123456789abcdefghjkmnpqrstvwxyz", *id) == NULL)
            return 0;
    return 1;
}

static void test_round_trip(void **state)
{
    struct fixture *f = *state;
    const char *tags[] = { "border", "Хэнтий" };
    struct record_row row = { 0 };
    struct record_filter flt = { 0 };
    struct records c = { "", 0 };
    char id[RECORD_ID_CHARS + 1], want[1024];
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    row.title = "함경북도에서";
    row.date = "2023-05-01";
    row.place = "Yanji";
    row.lang = "ko";
    row.body = "첫 줄\nсвидетельство\tдва";
    row.tags = tags;
    row.ntags = 2;
    row.id = "ignored";
    assert_int_equal(store_record_add(id, sizeof id, f->s, "Rim-il", &row, &e), 0);
    assert_true(is_record_id(id));
    snprintf(want, sizeof want, "record.add %s", id);
    expect_last_log(f->s, want);
    flt.with_body = 1;
    assert_int_equal(store_record_each(f->s, &flt, collect_record, &c, &e), 0);
    snprintf(want, sizeof want, "%s|2023-05-01|Rim-il|함경북도에서|Yanji|ko|첫 줄\nсвидетельство\tдва|"
             "border,Хэнтий;", id);
    assert_string_equal(c.buf, want);
    /* Without with_body, no body. */
    c.buf[0] = '\0';
    flt.with_body = 0;
    assert_int_equal(store_record_each(f->s, &flt, collect_record, &c, &e), 0);
    snprintf(want, sizeof want, "%s|2023-05-01|Rim-il|함경북도에서|Yanji|ko|-|border,Хэнтий;", id);
    assert_string_equal(c.buf, want);
}

static void test_filters_and_order(void **state)
{
    struct fixture *f = *state;
    const char *tag[] = { "border" };
    struct record_row row = { 0 };
    struct record_filter flt = { 0 };
    struct records c = { "", 0 };
    char a[RECORD_ID_CHARS + 1], b[RECORD_ID_CHARS + 1], d[RECORD_ID_CHARS + 1];
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_subject(f->s, "Pak Chol", "Gerelee");
    add_record(a, f->s, "Rim-il", "later", "2024-02-01", "crossed the river at night");
    add_record(b, f->s, "Gerelee", "earlier", "2021-07-09", "종수는 the market");
    row.title = "middle";
    row.date = "2022-01-01";
    row.body = "river again";
    row.tags = tag;
    row.ntags = 1;
    assert_int_equal(store_record_add(d, sizeof d, f->s, "Rim-il", &row, &e), 0);
    /* Oldest date first. */
    assert_int_equal(store_record_each(f->s, &flt, collect_record, &c, &e), 0);
    assert_int_equal(c.n, 3);
    assert_non_null(strstr(c.buf, "|earlier|"));
    assert_true(strstr(c.buf, "|earlier|") < strstr(c.buf, "|middle|"));
    assert_true(strstr(c.buf, "|middle|") < strstr(c.buf, "|later|"));
#define COUNT(field, value, n_) do { \
        struct record_filter g = { 0 }; \
        c.buf[0] = '\0', c.n = 0; \
        g.field = value; \
        assert_int_equal(store_record_each(f->s, &g, collect_record, &c, &e), 0); \
        assert_int_equal(c.n, n_); \
    } while (0)
    COUNT(subject, "Rim-il", 2);
    COUNT(subject, "Nobody", 0);
    COUNT(tag, "border", 1);
    COUNT(tag, "Border", 0);
    COUNT(id, a, 1);
    COUNT(query, "river", 2);
    COUNT(query, "rive*", 2);
    COUNT(query, "rive", 2);            /* a word's beginning */
    COUNT(query, "\"river again\"", 1);
    COUNT(query, "night OR market", 2);
    COUNT(query, "river -night", 1);    /* '-' is no NOT: both words */
    COUNT(query, "종수", 1);            /* Korean: a word with its particle */
    COUNT(query, "수는", 1);
    COUNT(since, "2022-01-01", 2);
    COUNT(since, "2024-02-02", 0);
#undef COUNT
    /* --raw: FTS4 as typed, whole words only. */
#define RAW(q, n_) do { \
        struct record_filter g = { 0 }; \
        c.buf[0] = '\0', c.n = 0; \
        g.query = q; \
        g.raw = 1; \
        assert_int_equal(store_record_each(f->s, &g, collect_record, &c, &e), 0); \
        assert_int_equal(c.n, n_); \
    } while (0)
    RAW("종수", 0);
    RAW("종수*", 1);
    RAW("river -night", 1);
    RAW("river night", 1);
#undef RAW
}

static void test_bad_search(void **state)
{
    struct fixture *f = *state;
    struct record_filter flt = { 0 };
    struct records c = { "", 0 };
    char id[RECORD_ID_CHARS + 1];
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(id, f->s, "Rim-il", "t", "2023-05-01", "some words");
    /* Words: an open quote is a phrase to the end. */
    flt.query = "\"some words";
    assert_int_equal(store_record_each(f->s, &flt, collect_record, &c, &e), 0);
    assert_int_equal(c.n, 1);
    /* Nothing to look for. */
    flt.query = "- * \"\"";
    assert_int_equal(store_record_each(f->s, &flt, collect_record, &c, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "there is no word to search for (letters or digits)");
    /* Raw FTS4 the index cannot read: the message never repeats it. */
    c.n = 0;
    flt.query = "\"x";
    flt.raw = 1;
    assert_int_equal(store_record_each(f->s, &flt, collect_record, &c, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "the index cannot read this query as FTS4 syntax; without --raw, "
                               "words are searched as they are typed");
    assert_int_equal(c.n, 0);
}

static int stop(void *ctx, const struct record_row *r, struct err *e)
{
    (void)r;
    ++*(int *)ctx;
    return err_set(e, EXIT_AUTH, "stopped by the callback");
}

static void test_callback_error_stops(void **state)
{
    struct fixture *f = *state;
    struct record_filter flt = { 0 };
    char id[RECORD_ID_CHARS + 1];
    int calls = 0;
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(id, f->s, "Rim-il", "t", "2023-05-01", "one");
    add_record(id, f->s, "Rim-il", "t", "2023-05-02", "two");
    flt.query = "one OR two";            /* a failing callback is not a bad search */
    assert_int_equal(store_record_each(f->s, &flt, stop, &calls, &e), -1);
    assert_int_equal(calls, 1);
    assert_int_equal(e.code, EXIT_AUTH);
    assert_string_equal(e.msg, "stopped by the callback");
}

static void test_refusals(void **state)
{
    struct fixture *f = *state;
    const char *tags[65], *empty[] = { "" };
    struct record_row row = { 0 };
    struct record_filter flt = { 0 };
    struct records c = { "", 0 };
    char id[RECORD_ID_CHARS + 1], small[RECORD_ID_CHARS];
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    row.title = "t";
    row.date = "2023-05-01";
    row.body = "b";
    assert_int_equal(store_record_add(id, sizeof id, f->s, "Nobody", &row, &e), -1);
    assert_string_equal(e.msg, "no subject with pseudonym 'Nobody' (see 'intake subject list')");
    assert_int_equal(store_record_add(small, sizeof small, f->s, "Rim-il", &row, &e), -1);
    assert_string_equal(e.msg, "record id buffer too small");
    row.title = "a\x1b[2Jtitle";
    assert_int_equal(store_record_add(id, sizeof id, f->s, "Rim-il", &row, &e), -1);
    assert_string_equal(e.msg, "--title contains a control character");
    row.title = "t";
    row.body = "bad \xff byte";
    assert_int_equal(store_record_add(id, sizeof id, f->s, "Rim-il", &row, &e), -1);
    assert_string_equal(e.msg, "the body is not valid UTF-8 (byte 4)");
    row.body = "b";
    for (size_t i = 0; i < 65; i++)
        tags[i] = "t";
    row.tags = tags;
    row.ntags = 65;
    assert_int_equal(store_record_add(id, sizeof id, f->s, "Rim-il", &row, &e), -1);
    assert_string_equal(e.msg, "at most 64 tags");
    row.tags = empty;
    row.ntags = 1;
    assert_int_equal(store_record_add(id, sizeof id, f->s, "Rim-il", &row, &e), -1);
    assert_string_equal(e.msg, "a --tag must be 1 to 256 characters of plain text");
    assert_int_equal(e.code, EXIT_INPUT);
    /* Nothing was kept or logged. */
    assert_int_equal(store_record_each(f->s, &flt, collect_record, &c, &e), 0);
    assert_int_equal(c.n, 0);
    expect_last_log(f->s, "subject.add 1");
}

/* Gives the record with id the id want (ids are random). */
static void set_id(struct store *s, const char *id, const char *want)
{
    const struct db_val v[] = { DB_TEXT(want), DB_TEXT(id) };
    struct err e;

    assert_int_equal(db_run(s, "UPDATE record SET rid = ?1 WHERE rid = ?2", v, DB_N(v),
                            "testing", &e), 0);
}

static void test_id_prefix(void **state)
{
    struct fixture *f = *state;
    char a[RECORD_ID_CHARS + 1], b[RECORD_ID_CHARS + 1], c[RECORD_ID_CHARS + 1];
    char id[RECORD_ID_CHARS + 1], small[RECORD_ID_CHARS];
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(a, f->s, "Rim-il", "one", "2023-05-01", "b");
    add_record(b, f->s, "Rim-il", "two", "2023-05-02", "b");
    add_record(c, f->s, "Rim-il", "three", "2023-05-03", "b");
    set_id(f->s, a, "abcd0000aaaaaaaa");
    set_id(f->s, b, "abcd0000bbbbbbbb");
    set_id(f->s, c, "zzzz1111cccccccc");
    /* A whole id, a unique start, upper case read as lower. */
    assert_int_equal(store_record_id(id, sizeof id, f->s, "abcd0000aaaaaaaa", &e), 0);
    assert_string_equal(id, "abcd0000aaaaaaaa");
    assert_int_equal(store_record_id(id, sizeof id, f->s, "abcd0000b", &e), 0);
    assert_string_equal(id, "abcd0000bbbbbbbb");
    assert_int_equal(store_record_id(id, sizeof id, f->s, "ZZZZ", &e), 0);
    assert_string_equal(id, "zzzz1111cccccccc");
    /* Several, none, too short, no id at all. */
    assert_int_equal(store_record_id(id, sizeof id, f->s, "abcd", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "more than one record id starts with 'abcd': give more of its "
                        "characters (see 'intake list')");
    assert_int_equal(store_record_id(id, sizeof id, f->s, "abce", &e), -1);
    assert_string_equal(e.msg, "no record with id 'abce' (see 'intake list')");
    assert_int_equal(store_record_id(id, sizeof id, f->s, "zzz", &e), -1);
    assert_string_equal(e.msg, "'zzz' is too short for a record id: give at least 4 of its "
                        "characters (see 'intake list')");
    assert_int_equal(store_record_id(id, sizeof id, f->s, "abcd%", &e), -1);
    assert_string_equal(e.msg, "no record with id 'abcd%' (see 'intake list')");
    assert_int_equal(store_record_id(id, sizeof id, f->s, "abcd0000aaaaaaaaa", &e), -1);
    assert_int_equal(store_record_id(id, sizeof id, f->s, "", &e), -1);
    /* The highest id character ends no range early. */
    assert_int_equal(store_record_id(id, sizeof id, f->s, "zzzz1111cccccccc", &e), 0);
    assert_int_equal(store_record_id(small, sizeof small, f->s, "zzzz", &e), -1);
    assert_string_equal(e.msg, "record id buffer too small");
    /* The same refusals without a store. */
    assert_int_equal(store_record_id_check("abc", &e), -1);
    assert_int_equal(store_record_id_check("abcd", &e), 0);
    assert_int_equal(store_record_id_check("il0o", &e), -1);
}

static void test_pseudonym_any_case(void **state)
{
    struct fixture *f = *state;
    struct record_filter flt = { 0 };
    struct records c = { "", 0 };
    char id[RECORD_ID_CHARS + 1];
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    add_record(id, f->s, "rim-IL", "one", "2023-05-01", "b");
    add_record(id, f->s, "RIM IL", "two", "2023-05-02", "b");
    flt.subject = "rimil";
    assert_int_equal(store_record_each(f->s, &flt, collect_record, &c, &e), 0);
    assert_int_equal(c.n, 2);
    flt.subject = "Rim-ol";
    c.n = 0;
    assert_int_equal(store_record_each(f->s, &flt, collect_record, &c, &e), 0);
    assert_int_equal(c.n, 0);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, open_fixture_setup, fixture_teardown)

/* 1 if any segment of the full-text index holds the bytes of word. */
static int index_holds(struct store *s, const char *word)
{
    return rows_hold(s, "SELECT root FROM record_fts_segdir UNION ALL"
                     " SELECT block FROM record_fts_segments", word);
}

static void test_edit_and_delete(void **state)
{
    struct fixture *f = *state;
    const char *tags[] = { "oldtagword" }, *newtags[] = { "newtag" };
    struct record_row row = { 0 };
    struct record_change c = { 0 };
    struct record_filter flt = { 0 };
    struct records got = { "", 0 };
    char id[RECORD_ID_CHARS + 1], want[256];
    long version = 0;
    int changed = -1;
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    row.title = "oldtitleword";
    row.date = "2023-05-01";
    row.place = "oldplaceword";
    row.body = "oldbodyword 김종수는";
    row.tags = tags;
    row.ntags = 1;
    assert_int_equal(store_record_add(id, sizeof id, f->s, "Rim-il", &row, &e), 0);
    assert_true(index_holds(f->s, "oldbodyword"));
    /* Another record, so that the index is never empty (FTS4 drops every
     * segment when its last row goes, which would hide a stale one). */
    row.title = row.place = row.body = "other";
    row.ntags = 0;
    assert_int_equal(store_record_add(want, sizeof want, f->s, "Rim-il", &row, &e), 0);
    /* Every field changed: the version grows, the log names the record. */
    c.title = "newtitle";
    c.place = "";
    c.body = "newbody";
    c.tags = newtags;
    c.ntags = 1;
    c.set_tags = 1;
    assert_int_equal(store_record_edit(&version, &changed, f->s, id, &c, &e), 0);
    assert_int_equal(version, 2);
    assert_int_equal(changed, 1);
    snprintf(want, sizeof want, "record.edit %s", id);
    expect_last_log(f->s, want);
    flt.with_body = 1;
    flt.id = id;
    assert_int_equal(store_record_each(f->s, &flt, collect_record, &got, &e), 0);
    snprintf(want, sizeof want, "%s|2023-05-01|Rim-il|newtitle|-|-|newbody|newtag;", id);
    assert_string_equal(got.buf, want);
    /* No old word stays in any segment of the index (looked for by the
     * ends of the words: a segment stores a term after the prefix it
     * shares with the one before). */
    assert_false(index_holds(f->s, "bodyword"));
    assert_false(index_holds(f->s, "titleword"));
    assert_false(index_holds(f->s, "placeword"));
    assert_false(index_holds(f->s, "tagword"));
    assert_true(index_holds(f->s, "newbody"));
    /* The same again changes nothing, and writes nothing. */
    assert_int_equal(store_record_edit(&version, &changed, f->s, id, &c, &e), 0);
    assert_int_equal(version, 2);
    assert_int_equal(changed, 0);
    /* Unknown ids. */
    assert_int_equal(store_record_edit(&version, &changed, f->s, "nosuchrecord0000", &c, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(store_record_delete(f->s, "nosuchrecord0000", &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    /* Delete: the record and its index rows go. */
    assert_int_equal(store_record_delete(f->s, id, &e), 0);
    snprintf(want, sizeof want, "record.delete %s", id);
    expect_last_log(f->s, want);
    got.buf[0] = '\0';
    got.n = 0;
    assert_int_equal(store_record_each(f->s, &flt, collect_record, &got, &e), 0);
    assert_int_equal(got.n, 0);
    assert_false(index_holds(f->s, "newbody"));
    assert_true(index_holds(f->s, "other"));
}

/* adv26b E-1, E-2: store_hold's transaction is taken over by the next
 * store_begin (the record is saved, and the hold ends with it); released
 * by store_rollback; store_record_room refuses a body the disk cannot
 * hold (here one larger than any disk) and accepts a small one. */
static void test_hold_and_room(void **state)
{
    struct fixture *f = *state;
    struct record_row row = { 0 };
    char id[RECORD_ID_CHARS + 1];
    struct err e;

    add_subject(f->s, "Kim Jong-su", "Rim-il");
    row.date = "2023-05-01";
    row.body = "held body";
    err_clear(&e);
    assert_int_equal(store_hold(f->s, &e), 0);
    assert_int_equal(store_hold(f->s, &e), 0);          /* once is enough */
    assert_int_equal(store_record_add(id, sizeof id, f->s, "Rim-il", &row, &e), 0);
    assert_int_equal(sqlite3_get_autocommit(f->s->db), 1);   /* committed */
    assert_int_equal(store_hold(f->s, &e), 0);
    store_rollback(f->s);
    assert_int_equal(sqlite3_get_autocommit(f->s->db), 1);
    assert_int_equal(store_record_add(id, sizeof id, f->s, "Rim-il", &row, &e), 0);
    if (fileio_free_bytes(store_dir(f->s)) != UINT64_MAX) {   /* not ramfs: counted */
        assert_int_equal(store_record_room(f->s, 1ull << 62, &e), -1);
        assert_int_equal(e.code, EXIT_INPUT);
        assert_non_null(strstr(e.msg, "is full: saving a record needs about "));
        assert_non_null(strstr(e.msg, " KiB are; nothing was recorded"));
    }
    err_clear(&e);
    assert_int_equal(store_record_room(f->s, 100, &e), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_round_trip),
        T(test_edit_and_delete),
        T(test_filters_and_order),
        T(test_bad_search),
        T(test_callback_error_stops),
        T(test_refusals),
        T(test_id_prefix),
        T(test_pseudonym_any_case),
        T(test_hold_and_room),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
