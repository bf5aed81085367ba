/* Shared by the store's unit tests (tests/unit/store/): a temporary root
 * with TMPDIR and SQLITE_TMPDIR inside it for the whole run (setup,
 * teardown), and a new store in it for each test, made with the cheapest
 * KDF (fixture_setup; open_fixture_setup also opens it). Header-only;
 * a test file uses what it needs. */
#ifndef INTAKE_STOREUTIL_H
#define INTAKE_STOREUTIL_H

#include "tests/unit/testutil.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

#include "store/store.h"

#define STOREUTIL_UNUSED __attribute__((unused))

#define OPS crypto_pwhash_OPSLIMIT_MIN
#define MEM crypto_pwhash_MEMLIMIT_MIN

static const char pass[] STOREUTIL_UNUSED = "tiger lamp violet oxygen river";
static const char newpass[] STOREUTIL_UNUSED = "marble cactus winter ninety lantern";
static char root[] = "/tmp/intake-store-XXXXXX";
static char tmpd[200] STOREUTIL_UNUSED;  /* TMPDIR/SQLITE_TMPDIR for the whole run */
static int serial;

struct fixture {
    char dir[200];
    unsigned char recovery[RECOVERY_KEY_BYTES];
    struct store *s;                     /* open_fixture_setup only, else NULL */
};

static STOREUTIL_UNUSED void path_in(char *out, size_t outlen, const char *dir, const char *name)
{
    if (strlen(dir) + strlen(name) + 2 > outlen)
        fail();
    snprintf(out, outlen, "%s/%s", dir, name);
}

static STOREUTIL_UNUSED unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf;
    long n;

    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n >= 0);
    rewind(f);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static STOREUTIL_UNUSED void spit(const char *path, const unsigned char *buf, size_t len)
{
    int fd = open(path, O_WRONLY | O_TRUNC);

    assert_true(fd >= 0);
    assert_int_equal(write(fd, buf, len), (ssize_t)len);
    close(fd);
}

static STOREUTIL_UNUSED int count_entries(const char *d)
{
    DIR *dp = opendir(d);
    struct dirent *de;
    int n = 0;

    if (dp == NULL)
        return -1;
    while ((de = readdir(dp)) != NULL)
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
            n++;
    closedir(dp);
    return n;
}

/* Opens and closes the store in dir with passphrase p: store_open's result. */
static STOREUTIL_UNUSED int open_pass(const char *dir, const char *p, struct err *e)
{
    struct store *s = NULL;
    int rc = store_open(&s, dir, KEYSLOT_PASSPHRASE, (const unsigned char *)p,
                        strlen(p), e);

    if (rc == 0)
        assert_non_null(s);
    else
        assert_null(s);
    store_close(s);
    return rc;
}

/* A new store (label "field kit", locale ko), closed. */
static STOREUTIL_UNUSED int fixture_setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    struct store_params p = { "field kit", "ko", OPS, MEM };
    struct err e;

    if (f == NULL)
        return -1;
    snprintf(f->dir, sizeof f->dir, "%s/store%d", root, serial++);
    recovery_key_new(f->recovery);
    if (store_create(f->dir, &p, pass, strlen(pass), f->recovery, &e) != 0) {
        fprintf(stderr, "store_create: %s\n", e.msg);
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

/* A new store, open in f->s. */
static STOREUTIL_UNUSED int open_fixture_setup(void **state)
{
    struct fixture *f;
    struct err e;

    if (fixture_setup(state) != 0)
        return -1;
    f = *state;
    if (store_open(&f->s, f->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                   strlen(pass), &e) != 0) {
        fprintf(stderr, "store_open: %s\n", e.msg);
        return -1;
    }
    return 0;
}

static STOREUTIL_UNUSED int fixture_teardown(void **state)
{
    struct fixture *f = *state;
    int rc;

    store_close(f->s);
    rc = remove_tree(f->dir);
    free(f);
    return rc;
}

/* For the whole run: the root, and TMPDIR inside it so that a temporary
 * file SQLite should not make would show (count_entries(tmpd)). */
static STOREUTIL_UNUSED int setup(void **state)
{
    (void)state;
    if (sodium_init() < 0 || mkdtemp(root) == NULL)
        return -1;
    /* As the CLI does (secmem_harden); one test checks a looser umask. */
    umask(077);
    snprintf(tmpd, sizeof tmpd, "%s/tmp", root);
    if (mkdir(tmpd, 0700) != 0)
        return -1;
    setenv("TMPDIR", tmpd, 1);
    setenv("SQLITE_TMPDIR", tmpd, 1);
    return 0;
}

static STOREUTIL_UNUSED int teardown(void **state)
{
    (void)state;
    return remove_tree(root);
}

/* Registers a subject with one name and the given pseudonym (locale ko). */
static STOREUTIL_UNUSED void add_subject(struct store *s, const char *name, const char *pseudonym)
{
    const char *names[] = { name };
    char out[128];
    struct err e;

    if (store_subject_add(out, sizeof out, s, names, 1, NULL, NULL, pseudonym, "ko", &e) != 0)
        fail_msg("subject add: %s", e.msg);
    assert_string_equal(out, pseudonym);
}

/* Adds a record with title, date and body for pseudonym; its id into id. */
static STOREUTIL_UNUSED void add_record(char id[RECORD_ID_CHARS + 1], struct store *s,
                                        const char *pseudonym, const char *title,
                                        const char *date, const char *body)
{
    struct record_row row = { 0 };
    struct err e;

    row.title = title;
    row.date = date;
    row.body = body;
    if (store_record_add(id, RECORD_ID_CHARS + 1, s, pseudonym, &row, &e) != 0)
        fail_msg("record add: %s", e.msg);
}

/* The last entry of the store's log: action and object, "action object". */
struct last_log {
    char text[256];
    long n;
};

static STOREUTIL_UNUSED int keep_last_log(void *ctx, const struct log_row *r, struct err *e)
{
    struct last_log *l = ctx;

    (void)e;
    snprintf(l->text, sizeof l->text, "%s %s", r->action, r->object);
    l->n++;
    return 0;
}

static STOREUTIL_UNUSED void expect_last_log(struct store *s, const char *want)
{
    struct last_log l = { "", 0 };
    struct err e;

    if (store_log_each(s, keep_last_log, &l, &e) != 0)
        fail_msg("log: %s", e.msg);
    assert_string_equal(l.text, want);
}

#endif
