/* Test tool: a bundle whose redaction manifest disagrees with its text,
 * signed by the real sender. Opens BUNDLE with the store in TO (the
 * recipient), changes the first record's JSON as MODE says, and writes a
 * new bundle to OUT, signed with the device key of the store in FROM and
 * sealed to TO again: origin then passes and only the manifest is wrong.
 * Both stores take the passphrase on descriptor 3 (one line, the same).
 * Used by tests/cli/audit.bats.
 *   forge FROM TO BUNDLE MODE OUT
 * MODE: span         the first redaction's start moves by one byte
 *       placeholder  " [PLACE-9]" is added to the body, in no redaction
 *       append=TEXT  " TEXT" is added to the body, in no redaction: a
 *                    sender whose redactor missed TEXT (tests/cli/
 *                    leaks-enc.bats: a name left in an escape)
 *       unflag       the review flags are dropped from the manifest
 *       keepphone    the first phone placeholder of the body becomes
 *                    +82 10-2000-0000 kept by 'intake allow' (a review flag
 *                    allowed on 2026-11-20), as the privacy engine would
 *                    write it if allow kept pattern hits
 *       badescape    an escape is listed over text that is no backslash
 *                    before a placeholder's shape (bytes 3-4 of the body)
 *       blob         the first byte of the first attachment's data flips;
 *                    its attachment item (with the hash) stays, and the
 *                    sender's key signs it all: a sender whose stated hash
 *                    is wrong (a recipient cannot do it: version 3 signs
 *                    blob data, docs/FORMAT.md)
 *       rawtext      the first attachment's data becomes the made-up
 *                    "Pak Sol-mi called 010-5555-0199.\n", its size and
 *                    hash set to match in its item and its record: a
 *                    sender whose text attachment left unredacted
 *                    (tests/cli/attach-text.bats)
 *       rawmarkup    the same with "<p>Kim Yo<b>ung-ho</b> called
 *                    010-48<i>21</i>-7395.</p>\n" (attach-text2.bats: the
 *                    audit reads markup's words, issue 12 A-17)
 *       rawansi      the same with "Kim Yo" ESC "[0mung-ho called 010-48"
 *                    ESC "[1m21-7395.\n" (attach-text2.bats, A-19)
 *       rawtable     the same with "family,given,middle,dob\nKim,Young,
 *                    Ho,19750314\n" (attach-text2.bats, A-23)
 *       resign       nothing changes: the content (its notices too) is
 *                    signed by FROM, another contact of TO than the one
 *                    who wrote it (tests/cli/consent.bats: a notice from
 *                    another sender naming the first one's ids)
 *       scope=WHAT   the first record's consent scope forbids what the
 *                    bundle does, as the device never writes it: WHAT is
 *                    export-no, attachments-no (with an attachment
 *                    carried) or embargo=YYYY-MM-DD (tests/cli/
 *                    close16.bats: what audit and import say of it)
 *       withdraw     the header gains a notice withdrawing the consent of
 *                    the first record's subject (day 2026-01-02), which the
 *                    device never writes beside that subject's records
 *                    (tests/cli/consent3.bats: audit's notices check) */
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crypto/secmem.h"
#include "export/bundle.h"
#include "export/payload.h"
#include "store/store.h"
#include "util/prompt.h"

struct item {
    unsigned type;
    unsigned char *buf;
    size_t len;
};

struct items {
    struct item it[4096];
    size_t n;
};

static int fail(const char *what)
{
    fprintf(stderr, "forge: %s\n", what);
    return 2;
}

static int begin(void *ctx, unsigned type, uint64_t len, struct err *e)
{
    struct items *c = ctx;

    if (c->n == 4096 || (c->it[c->n].buf = malloc(len + 1)) == NULL)
        return err_set(e, EXIT_INPUT, "too many items");
    c->it[c->n].type = type;
    c->it[c->n].len = 0;
    return 0;
}

static int data(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct items *c = ctx;

    (void)e;
    memcpy(c->it[c->n].buf + c->it[c->n].len, buf, len);
    c->it[c->n].len += len;
    return 0;
}

static int end(void *ctx, unsigned type, struct err *e)
{
    struct items *c = ctx;

    (void)type, (void)e;
    c->n++;
    return 0;
}

/* Moves body spans at or after from by delta bytes. */
static void shift(json_t *list, size_t from, long delta)
{
    size_t i;
    json_t *o;

    json_array_foreach(list, i, o) {
        json_int_t st = json_integer_value(json_object_get(o, "start"));
        if (strcmp(json_string_value(json_object_get(o, "field")), "body") == 0 && (size_t)st >= from)
            json_object_set_new(o, "start", json_integer(st + delta));
    }
}

static int keep_phone(json_t *doc)
{
    static const char phone[] = "+82 10-2000-0000";
    json_t *reds = json_object_get(doc, "redactions"), *flags = json_object_get(doc, "review"), *o = NULL;
    const char *b = json_string_value(json_object_get(doc, "body"));
    size_t i, st, len;
    char *nb;

    json_array_foreach(reds, i, o)
        if (strcmp(json_string_value(json_object_get(o, "category")), "phone") == 0 &&
            strcmp(json_string_value(json_object_get(o, "field")), "body") == 0)
            break;
    if (i == json_array_size(reds) || b == NULL)
        return -1;
    st = (size_t)json_integer_value(json_object_get(o, "start"));
    len = (size_t)json_integer_value(json_object_get(o, "length"));
    if ((nb = malloc(strlen(b) + sizeof phone)) == NULL)
        return -1;
    sprintf(nb, "%.*s%s%s", (int)st, b, phone, b + st + len);
    json_object_set_new(doc, "body", json_string(nb));
    free(nb);
    json_array_remove(reds, i);
    shift(reds, st + len, (long)(sizeof phone - 1) - (long)len);
    shift(flags, st + len, (long)(sizeof phone - 1) - (long)len);
    return json_array_append_new(flags, json_pack("{s:s, s:I, s:I, s:s, s:s, s:s}", "field", "body",
                                 "start", (json_int_t)st, "length", (json_int_t)(sizeof phone - 1),
                                 "kind", "phone", "resolution", "allowed", "allowed", "2026-11-20"));
}

/* Changes the record document in it as mode says. */
static int change(struct item *it, const char *mode)
{
    json_error_t je;
    json_t *doc = json_loadb((const char *)it->buf, it->len, 0, &je), *red;
    char *body;

    if (doc == NULL || json_object_get(doc, "id") == NULL) {
        json_decref(doc);
        return -1;
    }
    red = json_array_get(json_object_get(doc, "redactions"), 0);
    if (strcmp(mode, "span") == 0 && red != NULL) {
        json_object_set_new(red, "start", json_integer(json_integer_value(json_object_get(red, "start")) + 1));
    } else if (strcmp(mode, "placeholder") == 0) {
        const char *b = json_string_value(json_object_get(doc, "body"));
        if (b == NULL || (body = malloc(strlen(b) + 16)) == NULL)
            return -1;
        sprintf(body, "%s [PLACE-9]", b);
        json_object_set_new(doc, "body", json_string(body));
        free(body);
    } else if (strncmp(mode, "append=", 7) == 0) {
        const char *b = json_string_value(json_object_get(doc, "body"));
        if (b == NULL || (body = malloc(strlen(b) + strlen(mode) + 2)) == NULL)
            return -1;
        sprintf(body, "%s %s", b, mode + 7);
        json_object_set_new(doc, "body", json_string(body));
        free(body);
    } else if (strcmp(mode, "keepphone") == 0) {
        if (keep_phone(doc) != 0) {
            json_decref(doc);
            return -1;
        }
    } else if (strcmp(mode, "badescape") == 0) {
        json_t *esc = json_object_get(doc, "escapes");
        if (!json_is_array(esc))
            json_object_set_new(doc, "escapes", esc = json_array());
        json_array_append_new(esc, json_pack("{s:s, s:i, s:i}", "field", "body", "start", 3,
                                             "length", 2));
    } else if (strcmp(mode, "unflag") == 0 && json_array_size(json_object_get(doc, "review")) > 0) {
        json_object_set_new(doc, "review", json_array());
    } else if (strncmp(mode, "scope=", 6) == 0 && json_is_object(json_object_get(doc, "consent"))) {
        json_t *c = json_object_get(doc, "consent");
        if (strcmp(mode + 6, "export-no") == 0)
            json_object_set_new(c, "export", json_false());
        else if (strcmp(mode + 6, "attachments-no") == 0)
            json_object_set_new(c, "attachments", json_false());
        else if (strncmp(mode + 6, "embargo=", 8) == 0)
            json_object_set_new(c, "embargo", json_string(mode + 14));
        else {
            json_decref(doc);
            return -1;
        }
    } else {
        json_decref(doc);
        return -1;
    }
    free(it->buf);
    it->buf = (unsigned char *)json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
    it->len = strlen((char *)it->buf);
    json_decref(doc);
    return 0;
}

/* Sets "size" and "blake2b" of the attachment called file in the JSON
 * item it (an attachment item, or a record listing it). */
static void set_sum(struct item *it, const char *file, size_t len, const char *hex)
{
    json_error_t je;
    json_t *doc = json_loadb((const char *)it->buf, it->len, 0, &je), *a, *list;
    size_t i;

    if (doc == NULL)
        return;
    list = json_object_get(doc, "attachments");
    if (json_is_array(list)) {
        json_array_foreach(list, i, a)
            if (json_is_string(json_object_get(a, "file")) &&
                strcmp(json_string_value(json_object_get(a, "file")), file) == 0)
                json_object_set_new(a, "size", json_integer((json_int_t)len)),
                json_object_set_new(a, "blake2b", json_string(hex));
    } else if (json_is_string(json_object_get(doc, "file")) &&
               strcmp(json_string_value(json_object_get(doc, "file")), file) == 0) {
        json_object_set_new(doc, "size", json_integer((json_int_t)len));
        json_object_set_new(doc, "blake2b", json_string(hex));
    }
    free(it->buf);
    it->buf = (unsigned char *)json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
    it->len = strlen((char *)it->buf);
    json_decref(doc);
}

static int raw_text(struct items *c, size_t i, const char *text)
{
    unsigned char h[32];
    char hex[65], file[64];
    json_error_t je;
    json_t *head;

    if (i == 0 || c->it[i - 1].type != PAYLOAD_ATTACHMENT ||
        (head = json_loadb((const char *)c->it[i - 1].buf, c->it[i - 1].len, 0, &je)) == NULL)
        return -1;
    snprintf(file, sizeof file, "%s", json_string_value(json_object_get(head, "file")));
    json_decref(head);
    free(c->it[i].buf);
    c->it[i].buf = (unsigned char *)strdup(text);
    c->it[i].len = strlen(text);
    crypto_generichash(h, sizeof h, c->it[i].buf, c->it[i].len, NULL, 0);
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    for (size_t j = 1; j < i; j++)
        if (c->it[j].type == PAYLOAD_JSON || c->it[j].type == PAYLOAD_ATTACHMENT)
            set_sum(&c->it[j], file, c->it[i].len, hex);
    return 0;
}

/* Adds to the header (item 0) a withdrawal of the subject of the first
 * record among its items. */
static int withdraw(struct items *c)
{
    json_error_t je;
    json_t *head = json_loadb((const char *)c->it[0].buf, c->it[0].len, 0, &je), *rec = NULL, *ns;

    for (size_t i = 1; head != NULL && rec == NULL && i < c->n; i++)
        if (c->it[i].type == PAYLOAD_JSON &&
            (rec = json_loadb((const char *)c->it[i].buf, c->it[i].len, 0, &je)) != NULL &&
            json_object_get(rec, "id") == NULL) {
            json_decref(rec);
            rec = NULL;
        }
    if (head == NULL || rec == NULL || !json_is_string(json_object_get(rec, "subject"))) {
        json_decref(head);
        json_decref(rec);
        return -1;
    }
    if (!json_is_array(ns = json_object_get(head, "notices")))
        json_object_set_new(head, "notices", ns = json_array());
    json_array_append_new(ns, json_pack("{s:s, s:O, s:n, s:s}", "kind", "withdrawal", "subject",
                                        json_object_get(rec, "subject"), "record", "day",
                                        "2026-01-02"));
    free(c->it[0].buf);
    c->it[0].buf = (unsigned char *)json_dumps(head, JSON_COMPACT | JSON_SORT_KEYS);
    c->it[0].len = strlen((char *)c->it[0].buf);
    json_decref(head);
    json_decref(rec);
    return 0;
}

static int open_store(struct store **s, const char *dir, const char *pass, size_t len,
                      struct err *e)
{
    return store_open(s, dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass, len, e);
}

int main(int argc, char **argv)
{
    static struct items c;
    struct payload_callbacks cb = { begin, data, end };
    struct payload_parser pp;
    struct payload_writer pw;
    struct bundle_writer *w;
    struct store *from, *to;
    unsigned char fsk[crypto_sign_SECRETKEYBYTES], fbk[crypto_box_SECRETKEYBYTES];
    unsigned char tsk[crypto_sign_SECRETKEYBYTES], tbk[crypto_box_SECRETKEYBYTES];
    unsigned char spk[crypto_sign_PUBLICKEYBYTES], bpk[1][crypto_box_PUBLICKEYBYTES];
    size_t passlen, i;
    char *pass;
    struct err e;
    int fd, out;

    if (argc != 6 || sodium_init() < 0)
        return fail("usage: forge FROM TO BUNDLE MODE OUT");
    if (read_secret_line(&pass, &passlen, 3, &e) != 0 ||
        open_store(&from, argv[1], pass, passlen, &e) != 0 ||
        open_store(&to, argv[2], pass, passlen, &e) != 0 ||
        store_device_secret(fsk, fbk, from, &e) != 0 ||
        store_device_secret(tsk, tbk, to, &e) != 0 ||
        store_device_public(spk, bpk[0], to, &e) != 0)
        return fail(e.msg);
    payload_parser_init(&pp, &cb, &c);
    if ((fd = open(argv[3], O_RDONLY)) < 0 ||
        bundle_read(fd, bpk[0], tbk, payload_parser_sink, &pp, NULL, &e) != 0 ||
        payload_parser_finish(&pp, &e) != 0)
        return fail(e.msg);
    close(fd);
    /* The first record (or blob) the change applies to. */
    if (strcmp(argv[4], "withdraw") == 0 && withdraw(&c) != 0)
        return fail("no record whose subject to withdraw");
    for (i = strcmp(argv[4], "resign") == 0 || strcmp(argv[4], "withdraw") == 0 ? 0 : 1; i > 0 && i < c.n; i++) {
        if (strcmp(argv[4], "rawtext") == 0 || strcmp(argv[4], "rawmarkup") == 0 ||
            strcmp(argv[4], "rawansi") == 0 || strcmp(argv[4], "rawtable") == 0) {
            const char *text = strcmp(argv[4], "rawtext") == 0
                ? "Pak Sol-mi called 010-5555-0199.\n"
                : strcmp(argv[4], "rawmarkup") == 0
                ? "<p>Kim Yo<b>ung-ho</b> called 010-48<i>21</i>-7395.</p>\n"
                : strcmp(argv[4], "rawansi") == 0
                ? "Kim Yo\033[0mung-ho called 010-48\033[1m21-7395.\n"
                : "family,given,middle,dob\nKim,Young,Ho,19750314\n";

            if (c.it[i].type == PAYLOAD_BLOB && raw_text(&c, i, text) == 0)
                break;
        } else if (strcmp(argv[4], "blob") == 0) {
            if (c.it[i].type == PAYLOAD_BLOB && c.it[i].len > 0) {
                c.it[i].buf[0] ^= 1;
                break;
            }
        } else if (c.it[i].type == PAYLOAD_JSON && change(&c.it[i], argv[4]) == 0) {
            break;
        }
    }
    if (i >= c.n && strcmp(argv[4], "resign") != 0 && strcmp(argv[4], "withdraw") != 0)
        return fail("no record to change that way");
    out = open(argv[5], O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (out < 0 || bundle_writer_open(&w, out, 0, fsk, (const unsigned char (*)[32])bpk, 1, &e) != 0)
        return fail("cannot write OUT");
    payload_writer_init(&pw, bundle_writer_sink, w);
    for (i = 0; i < c.n; i++)
        if (payload_item_begin(&pw, c.it[i].type, c.it[i].len, &e) != 0 ||
            payload_item_write(&pw, c.it[i].buf, c.it[i].len, &e) != 0)
            return fail(e.msg);
    if (payload_writer_finish(&pw, &e) != 0 || bundle_writer_close(w, NULL, &e) != 0 ||
        fsync(out) != 0)
        return fail(e.msg);
    bundle_writer_free(w);
    close(out);
    store_close(from);
    store_close(to);
    return 0;
}
