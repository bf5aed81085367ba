/* Shared by the store's unit tests (tests/unit/store/): a temporary root
 * with TMPDIR and SQLITE_TMPDIR inside it for the whole run (setup,
 * teardown), and a new store in it for each test, made with the cheapest
 * KDF (fixture_setup; open_fixture_setup also opens it). For the bundle
 * pipelines (export, import, audit, unpack), two stores where "field"
 * seals bundles to its contact "hq" (pair_setup). Header-only; a test
 * file uses what it needs. */
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
#include <jansson.h>
#include <sodium.h>

#include "crypto/card.h"
#include "crypto/secmem.h"
#include "store/export.h"
#include "store/import.h"
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

/* Records collected by collect_record. */
struct records {
    char buf[1024];
    int n;
};

/* Records as one text: for each, "id|date|pseudonym|title|place|lang|body|tags;"
 * with "-" for NULL (a store_record_each callback). */
static STOREUTIL_UNUSED int collect_record(void *ctx, const struct record_row *r, struct err *e)
{
    struct records *c = ctx;
    size_t used = strlen(c->buf);

    (void)e;
    assert_int_equal(strlen(r->created), 20);
    used += (size_t)snprintf(c->buf + used, sizeof c->buf - used, "%s|%s|%s|%s|%s|%s|%s|",
                             r->id, r->date, r->pseudonym, r->title,
                             r->place != NULL ? r->place : "-", r->lang != NULL ? r->lang : "-",
                             r->body != NULL ? r->body : "-");
    for (size_t i = 0; i < r->ntags; i++)
        used += (size_t)snprintf(c->buf + used, sizeof c->buf - used, "%s%s", i ? "," : "", r->tags[i]);
    snprintf(c->buf + used, sizeof c->buf - used, ";");
    c->n++;
    return 0;
}

/* An attachment read back by take (a store_bytes_fn) into buf: its
 * length, the pieces it came in, the largest piece. */
struct readback {
    unsigned char *buf;
    size_t len, pieces, largest;
};

static STOREUTIL_UNUSED int take(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct readback *r = ctx;

    (void)e;
    memcpy(r->buf + r->len, buf, len);
    r->len += len;
    r->pieces++;
    if (len > r->largest)
        r->largest = len;
    return 0;
}

/* len random bytes, malloc'd. */
static STOREUTIL_UNUSED unsigned char *random_bytes(size_t len)
{
    unsigned char *buf = malloc(len);

    assert_non_null(buf);
    randombytes_buf(buf, len);
    return buf;
}

/* What store_attachment_each listed: how many, and the one named name
 * (or the last one when name is NULL). */
struct attachments {
    const char *name;
    int n, found;
    char type[ATTACHMENT_TYPE_MAX + 1];
    uint64_t size;
    int gps;
};

static STOREUTIL_UNUSED int list_attachment(void *ctx, const struct attachment_row *a,
                                            struct err *e)
{
    struct attachments *l = ctx;

    (void)e;
    l->n++;
    if (l->name != NULL && strcmp(a->name, l->name) != 0)
        return 0;
    l->found++;
    snprintf(l->type, sizeof l->type, "%s", a->type);
    l->size = a->size;
    l->gps = a->gps;
    return 0;
}

/* How many attachments s holds, of every record. */
static STOREUTIL_UNUSED int attachment_count(struct store *s)
{
    struct attachments l = { 0 };
    struct err e;

    if (store_attachment_each(s, NULL, list_attachment, &l, &e) != 0)
        fail_msg("attachments: %s", e.msg);
    return l.n;
}

/* Checks that record has an attachment name of type (gps flag) holding
 * buf[0..len), which reads back with its hash verified. */
static STOREUTIL_UNUSED void expect_attachment(struct store *s, const char *record,
                                               const char *name, const char *type, int gps,
                                               const void *buf, size_t len)
{
    struct attachments l = { .name = name };
    struct readback r = { malloc(len + 1), 0, 0, 0 };
    struct err e;

    assert_non_null(r.buf);
    if (store_attachment_each(s, record, list_attachment, &l, &e) != 0 ||
        store_attachment_read(s, record, name, 1, take, &r, &e) != 0)
        fail_msg("attachment: %s", e.msg);
    assert_int_equal(l.found, 1);
    assert_string_equal(l.type, type);
    assert_int_equal(l.size, len);
    assert_int_equal(l.gps, gps);
    assert_int_equal(r.len, len);
    assert_memory_equal(r.buf, buf, len);
    free(r.buf);
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

/* ---- Two stores: "field" seals bundles to its contact "hq" ---- */

struct pair {
    char dir[200], hqdir[200];           /* field's and hq's folders */
    char out[220];                       /* where field's bundle goes */
    struct store *field, *hq;
    char nari[RECORD_ID_CHARS + 1];      /* Nari's record: consent given, may leave */
    char saran[RECORD_ID_CHARS + 1];     /* Saran's record: no consent recorded */
    int asked;                           /* confirm_hq calls */
};

/* A new store in dir with the cheapest KDF, open. */
static STOREUTIL_UNUSED struct store *new_store(const char *dir, const char *label)
{
    struct store_params p = { label, "ko", OPS, MEM };
    unsigned char recovery[RECOVERY_KEY_BYTES];
    struct store *s;
    struct err e;

    recovery_key_new(recovery);
    if (store_create(dir, &p, pass, strlen(pass), recovery, &e) != 0 ||
        store_open(&s, dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass, strlen(pass),
                   &e) != 0)
        fail_msg("store: %s", e.msg);
    return s;
}

/* s adds the card of store of as contact name (not verified). */
static STOREUTIL_UNUSED void add_contact(struct store *s, const char *name, struct store *of)
{
    struct card c = { .version = CARD_VERSION };
    char text[CARD_TEXT_SIZE];
    struct err e;

    snprintf(c.label, sizeof c.label, "%s", name);
    if (store_device_public(c.sign_pk, c.box_pk, of, &e) != 0 ||
        card_encode(text, sizeof text, &c, &e) != 0 ||
        store_contact_add(s, name, &c, text, 0, &e) != 0)
        fail_msg("contact: %s", e.msg);
}

/* Attaches buf[0..len) to record as name (type, gps flag), in one
 * transaction. */
static STOREUTIL_UNUSED void attach_bytes(struct store *s, const char *record, const char *name,
                                          const char *type, int gps, const unsigned char *buf,
                                          size_t len)
{
    struct attachment_writer *w;
    struct err e;

    if (store_begin(s, &e) != 0 ||
        store_attachment_begin(&w, s, record, name, type, gps, &e) != 0 ||
        store_attachment_write(w, buf, len, &e) != 0 ||
        store_attachment_end(w, NULL, &e) != 0 || store_commit(s, &e) != 0)
        fail_msg("attach: %s", e.msg);
}

/* Attaches "recording\n" (10 bytes, text/plain) to record as name. */
static STOREUTIL_UNUSED void attach_text(struct store *s, const char *record, const char *name,
                                         int gps)
{
    attach_bytes(s, record, name, "text/plain", gps, (const unsigned char *)"recording\n", 10);
}

/* field (knows hq, unverified) and hq (knows nobody); subjects Nari (may
 * export) and Saran (no consent), one record each, "Border crossing" on
 * 2024-03-15 naming the subject. */
static STOREUTIL_UNUSED int pair_setup(void **state)
{
    struct pair *p = calloc(1, sizeof *p);
    struct consent_change yes = { 1, -1, -1, 1, "verbal", NULL, 0, 0 };
    struct err e;

    if (p == NULL)
        return -1;
    snprintf(p->dir, sizeof p->dir, "%s/field%d", root, serial);
    snprintf(p->hqdir, sizeof p->hqdir, "%s/hq%d", root, serial++);
    snprintf(p->out, sizeof p->out, "%s.bundle", p->dir);
    p->field = new_store(p->dir, "field");
    p->hq = new_store(p->hqdir, "hq");
    add_contact(p->field, "hq", p->hq);
    add_subject(p->field, "Kim Ji-yeon", "Nari");
    add_subject(p->field, "Bat-Erdene", "Saran");
    if (store_consent_set(p->field, "Nari", &yes, &e) != 0)
        fail_msg("consent: %s", e.msg);
    add_record(p->nari, p->field, "Nari", "Border crossing", "2024-03-15",
               "Kim Ji-yeon spoke about the border.\n");
    add_record(p->saran, p->field, "Saran", "Border crossing", "2024-03-15",
               "Bat-Erdene spoke too.\n");
    *state = p;
    return 0;
}

static STOREUTIL_UNUSED int pair_teardown(void **state)
{
    struct pair *p = *state;
    int rc;

    store_close(p->field);
    store_close(p->hq);
    unlink(p->out);
    rc = remove_tree(p->dir) | remove_tree(p->hqdir);
    free(p);
    return rc;
}

/* setup, and jansson's memory as the CLI sets it: the library frees
 * jansson's strings with secmem_wipe_free. */
static STOREUTIL_UNUSED int pair_group_setup(void **state)
{
    json_set_alloc_funcs(secmem_wipe_malloc, secmem_wipe_free);
    return setup(state);
}

/* export_confirm_fn: seals to "hq" unverified, counting the questions. */
static STOREUTIL_UNUSED int confirm_hq(void *ctx, const char *contact)
{
    struct pair *p = ctx;

    assert_string_equal(contact, "hq");
    p->asked++;
    return 1;
}

static const char *const hq_only[] STOREUTIL_UNUSED = { "hq" };

/* Every record of field, to hq (confirmed when asked), into p->out. */
static STOREUTIL_UNUSED struct export_request pair_request(struct pair *p)
{
    struct export_request r = { .to = hq_only, .nto = 1, .confirm = confirm_hq,
                                .confirm_ctx = p, .out = p->out };
    return r;
}

/* Exports what may leave (blocked records left out) from field to hq
 * into out; the number of records sealed. */
static STOREUTIL_UNUSED size_t export_to_hq(struct pair *p, const char *out)
{
    struct export_request req = pair_request(p);
    struct export_result res;
    struct err e;
    size_t n;

    req.out = out;
    req.skip_blocked = 1;
    if (store_export(&res, p->field, &req, &e) != 0)
        fail_msg("export: %s", e.msg);
    n = res.nexported;
    export_result_free(&res);
    return n;
}

/* A bundle over several chunks in p->out, from field to hq (which knows
 * field, unverified): Nari's record with a 200000-byte attachment,
 * "noise.wav": a WAV header (RIFF, fmt, data) around random samples, a
 * type whose metadata export can remove. Its length in bytes. */
static STOREUTIL_UNUSED size_t big_bundle(struct pair *p)
{
    static const unsigned char head[44] = {
        'R', 'I', 'F', 'F', 0x38, 0x0d, 0x03, 0x00, 'W', 'A', 'V', 'E',
        'f', 'm', 't', ' ', 16, 0, 0, 0, 1, 0, 1, 0, 0x40, 0x1f, 0, 0,
        0x80, 0x3e, 0, 0, 2, 0, 16, 0, 'd', 'a', 't', 'a', 0x14, 0x0d, 0x03, 0x00,
    };
    unsigned char *data = random_bytes(200000);
    size_t len;

    memcpy(data, head, sizeof head);
    attach_bytes(p->field, p->nari, "noise.wav", "audio/wav", 0, data, 200000);
    free(data);
    assert_int_equal(export_to_hq(p, p->out), 1);
    add_contact(p->hq, "field", p->field);
    free(slurp(p->out, &len));
    return len;
}

/* A copy of the file from at to, with the byte at offset off changed. */
static STOREUTIL_UNUSED void copy_flipped(const char *to, const char *from, size_t off)
{
    size_t len;
    unsigned char *buf = slurp(from, &len);
    int fd = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);

    assert_true(off < len && fd >= 0);
    buf[off] ^= 0x04;
    assert_int_equal(write(fd, buf, len), (ssize_t)len);
    close(fd);
    free(buf);
}

/* Store s's signing key (hex), as a bundle it signs names it. */
static STOREUTIL_UNUSED void sign_key_hex(char hex[2 * crypto_sign_PUBLICKEYBYTES + 1],
                                          struct store *s)
{
    unsigned char spk[crypto_sign_PUBLICKEYBYTES], bpk[crypto_box_PUBLICKEYBYTES];
    struct err e;

    if (store_device_public(spk, bpk, s, &e) != 0)
        fail_msg("keys: %s", e.msg);
    sodium_bin2hex(hex, 2 * crypto_sign_PUBLICKEYBYTES + 1, spk, sizeof spk);
}

/* The hash of the bundle at path (hex), as store s reads it. */
static STOREUTIL_UNUSED void bundle_hash_hex(char hex[2 * BUNDLE_HASHBYTES + 1], struct store *s,
                                             const char *path)
{
    struct content_handler none = { 0 };
    struct opened_bundle b;
    struct bundle_info info;
    struct err e;

    if (store_bundle_open(&b, s, path, &e) != 0 || store_bundle_read(&b, &none, &info, &e) != 0)
        fail_msg("bundle: %s", e.msg);
    store_bundle_close(&b);
    sodium_bin2hex(hex, 2 * BUNDLE_HASHBYTES + 1, info.hash, sizeof info.hash);
}

/* Every record of s with its body, into c (cleared first). */
static STOREUTIL_UNUSED void all_records(struct records *c, struct store *s)
{
    struct record_filter flt = { .with_body = 1 };
    struct err e;

    c->buf[0] = '\0';
    c->n = 0;
    if (store_record_each(s, &flt, collect_record, c, &e) != 0)
        fail_msg("records: %s", e.msg);
}

/* How many entries the store's log holds. */
static STOREUTIL_UNUSED long log_entries(struct store *s)
{
    struct last_log l = { "", 0 };
    struct err e;

    if (store_log_each(s, keep_last_log, &l, &e) != 0)
        fail_msg("log: %s", e.msg);
    return l.n;
}

#ifdef INTAKE_STORE_DB_H
/* 1 if any value the query sql returns (one blob or text column) holds
 * the bytes of word: for proving that old text is gone from the index
 * segments and the tables (a test that includes store/db.h first). */
static STOREUTIL_UNUSED int rows_hold(struct store *s, const char *sql, const char *word)
{
    sqlite3_stmt *st;
    int found = 0;

    assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *b = sqlite3_column_blob(st, 0);
        size_t n = (size_t)sqlite3_column_bytes(st, 0), w = strlen(word);
        for (size_t i = 0; b != NULL && i + w <= n && !found; i++)
            found = memcmp(b + i, word, w) == 0;
    }
    sqlite3_finalize(st);
    return found;
}
#endif

#endif
