/* import and open: verify a bundle addressed to this store, then add its
 * records to the store or show them.
 *
 * Nothing is released before the signature has been checked: import
 * verifies the whole bundle once (no output), then reads it again inside a
 * store transaction that is committed only if that second reading verifies
 * too and has the same hash; open keeps what it will print in memory, or
 * writes into a temporary folder renamed into place only on success. */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "intake/cli.h"
#include "intake/commands.h"
#include "crypto/card.h"
#include "crypto/secmem.h"
#include "export/bundle.h"
#include "export/content.h"
#include "export/manifest.h"
#include "store/store.h"
#include "util/fileio.h"

struct keys {
    unsigned char pk[crypto_box_PUBLICKEYBYTES];
    unsigned char *sk;                   /* sodium_malloc */
};

struct sender {
    char name[CONTACT_NAME_MAX + 1];     /* "" if unknown */
    int verified;
    char key[2 * crypto_sign_PUBLICKEYBYTES + 1];
    const unsigned char *pk;
};

static int load_keys(struct keys *k, struct store *s, struct err *e)
{
    unsigned char spk[crypto_sign_PUBLICKEYBYTES];

    k->sk = secmem_alloc(crypto_sign_SECRETKEYBYTES + crypto_box_SECRETKEYBYTES);
    if (k->sk == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    if (store_device_public(spk, k->pk, s, e) != 0 ||
        store_device_secret(k->sk, k->sk + crypto_sign_SECRETKEYBYTES, s, e) != 0)
        return -1;
    /* Only the box key is needed: keep it, wipe the signing key. */
    memmove(k->sk, k->sk + crypto_sign_SECRETKEYBYTES, crypto_box_SECRETKEYBYTES);
    sodium_memzero(k->sk + crypto_box_SECRETKEYBYTES, crypto_sign_SECRETKEYBYTES);
    return 0;
}

static int open_bundle(int *fd, const char *path, struct err *e)
{
    struct stat st;

    *fd = open(path, O_RDONLY | O_CLOEXEC);
    if (*fd < 0)
        return err_set(e, EXIT_INPUT, "cannot open %s: %s", path, strerror(errno));
    if (fstat(*fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(*fd);
        *fd = -1;
        return err_set(e, EXIT_INPUT, "%s is not a regular file", path);
    }
    return 0;
}

static int find_sender(struct sender *sd, struct store *s, const unsigned char *pk,
                       struct err *e)
{
    memset(sd, 0, sizeof *sd);
    sd->pk = pk;
    sodium_bin2hex(sd->key, sizeof sd->key, pk, crypto_sign_PUBLICKEYBYTES);
    return store_contact_by_sign_pk(sd->name, sizeof sd->name, &sd->verified, s, pk, e);
}

/* Reads and verifies the bundle on fd, content to h (may hold NULLs). */
static int read_bundle(int fd, const struct keys *k, const struct content_handler *h,
                       struct bundle_info *info, struct err *e)
{
    struct content_reader *r = content_reader_new(h);
    int rc;

    if (r == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    rc = bundle_read(fd, k->pk, k->sk, content_sink, r, info, e);
    if (rc == 0)
        rc = content_finish(r, e);
    content_reader_free(r);
    return rc;
}

/* ---- import ---- */

struct importer {
    struct store *s;
    long import_id;
    char suffix[16];                     /* "@" and 8 hex of the sender's key */
    json_t *last;                        /* the last record (for attachment flags) */
    int skip;                            /* the last record was there already */
    struct attachment_writer *w;
    unsigned char want[ATTACHMENT_HASHBYTES];  /* the blob's hash, from its header */
    size_t added, kept, files;
};

static const char *jstr(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static int import_record(void *ctx, json_t *rec, struct err *e)
{
    struct importer *im = ctx;
    const char *tags[64];
    struct record_row row = { 0 };
    json_t *v, *manifest;
    char pseudonym[300];
    char *mtext;
    size_t i;
    int added, rc;

    json_array_foreach(json_object_get(rec, "tags"), i, v)
        tags[i] = json_string_value(v);
    row.id = jstr(rec, "id");
    row.title = jstr(rec, "title");
    row.date = jstr(rec, "date");
    row.place = jstr(rec, "place");
    row.lang = jstr(rec, "language");
    row.body = jstr(rec, "body");
    row.tags = tags;
    row.ntags = json_array_size(json_object_get(rec, "tags"));
    snprintf(pseudonym, sizeof pseudonym, "%s%s", jstr(rec, "pseudonym"), im->suffix);
    manifest = json_deep_copy(rec);
    json_object_del(manifest, "body");
    mtext = json_dumps(manifest, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(manifest);
    if (mtext == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    rc = store_import_record(&added, im->s, im->import_id, pseudonym, &row, mtext, e);
    secmem_wipe_free(mtext);
    if (rc != 0)
        return -1;
    json_decref(im->last);
    im->last = json_incref(rec);
    im->skip = !added;
    if (added)
        im->added++;
    else
        im->kept++;
    return store_log(im->s, "import", row.id, e);
}

/* The sender's log head at export travels in the header, signed; it is
 * kept so that headquarters can later find it on the device's log. */
static int import_header(void *ctx, json_t *doc, struct err *e)
{
    struct importer *im = ctx;
    struct manifest_header h;
    int rc;

    if (manifest_read_header(&h, doc, e) != 0)
        return -1;
    rc = store_import_log_head(im->s, im->import_id, h.log_seq, h.log_head, e);
    manifest_header_free(&h);
    return rc;
}

static int attachment_gps(json_t *rec, const char *file)
{
    size_t i;
    json_t *a;

    json_array_foreach(json_object_get(rec, "attachments"), i, a)
        if (jstr(a, "file") != NULL && strcmp(jstr(a, "file"), file) == 0)
            return json_is_true(json_object_get(a, "gps"));
    return 0;
}

static int import_blob_begin(void *ctx, json_t *head, struct err *e)
{
    struct importer *im = ctx;

    size_t n = 0;

    if (im->skip)
        return 0;
    if (sodium_hex2bin(im->want, sizeof im->want, jstr(head, "blake2b"), 64, NULL, &n,
                       NULL) != 0 || n != sizeof im->want)
        return err_set(e, EXIT_INPUT, "malformed bundle contents: a bad attachment hash");
    im->files++;
    return store_attachment_begin(&im->w, im->s, jstr(head, "record"), jstr(head, "file"),
                                  jstr(head, "type"), attachment_gps(im->last, jstr(head, "file")), e);
}

static int import_blob_data(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct importer *im = ctx;

    return im->w == NULL ? 0 : store_attachment_write(im->w, buf, len, e);
}

static int import_blob_end(void *ctx, struct err *e)
{
    struct importer *im = ctx;
    struct attachment_writer *w = im->w;

    unsigned char got[ATTACHMENT_HASHBYTES];

    im->w = NULL;
    if (w == NULL)
        return 0;
    if (store_attachment_end(w, got, e) != 0)
        return -1;
    /* The store hashes what it keeps: compare, instead of a second pass. */
    if (sodium_memcmp(got, im->want, sizeof got) != 0)
        return err_set(e, EXIT_INPUT, "malformed bundle contents: an attachment whose "
                       "hash differs from its header");
    return 0;
}

static int import_pass2(struct importer *im, int fd, const struct keys *k,
                        const struct bundle_info *first, const struct sender *sd,
                        struct err *e)
{
    struct content_handler h = { import_header, import_record, import_blob_begin,
                                 import_blob_data, import_blob_end, im };
    struct bundle_info info;
    int rc;

    if (lseek(fd, 0, SEEK_SET) != 0)
        return err_set(e, EXIT_INPUT, "cannot read the bundle again: %s", strerror(errno));
    if (store_begin(im->s, e) != 0)
        return -1;
    rc = store_import_begin(&im->import_id, im->s, first->hash, sizeof first->hash,
                            first->sender_pk, sd->name[0] ? sd->name : NULL, e);
    if (rc == 0)
        rc = read_bundle(fd, k, &h, &info, e);
    store_attachment_abort(im->w);
    im->w = NULL;
    if (rc == 0 && sodium_memcmp(info.hash, first->hash, sizeof info.hash) != 0)
        rc = err_set(e, EXIT_AUTH, "the bundle changed while it was being imported; "
                     "nothing was imported");
    if (rc != 0) {
        store_rollback(im->s);
        return -1;
    }
    return store_commit(im->s, e);
}

static int run_import(struct store *s, const char *path, int accept_unknown, struct err *e)
{
    struct content_handler check = { 0 };
    struct importer im = { .s = s };
    struct bundle_info info;
    struct sender sd;
    struct keys k = { .sk = NULL };
    char hex[2 * BUNDLE_HASHBYTES + 1];
    int fd = -1, seen, rc = -1;

    if (load_keys(&k, s, e) != 0 || open_bundle(&fd, path, e) != 0 ||
        read_bundle(fd, &k, &check, &info, e) != 0 ||
        find_sender(&sd, s, info.sender_pk, e) != 0)
        goto out;
    sodium_bin2hex(hex, sizeof hex, info.hash, sizeof info.hash);
    if (sd.name[0] == '\0' && !accept_unknown) {
        err_set(e, EXIT_AUTH, "the bundle was signed by an unknown sender (signing key %s); "
                "add their card with 'intake contact add' or use --accept-unknown-sender", sd.key);
        goto out;
    }
    if (store_import_seen(&seen, s, info.hash, sizeof info.hash, e) != 0)
        goto out;
    if (seen) {
        printf("bundle %.16s was imported before; nothing was added\n", hex);
        rc = 0;
        goto out;
    }
    snprintf(im.suffix, sizeof im.suffix, "@%.8s", sd.key);
    rc = import_pass2(&im, fd, &k, &info, &sd, e);
    if (rc == 0)
        printf("imported %zu record(s) and %zu attachment(s) from %s%s; %zu already here\n",
               im.added, im.files, sd.name[0] ? sd.name : "an UNKNOWN sender ",
               sd.name[0] ? (sd.verified ? "" : " (contact not verified)") : sd.key, im.kept);
out:
    json_decref(im.last);
    if (fd >= 0)
        close(fd);
    secmem_free(k.sk);
    return rc;
}

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char import_usage[] = "intake import BUNDLE [--accept-unknown-sender]";

int cmd_import(int argc, char **argv, const struct globals *g)
{
    static const struct option opts[] = {
        { "accept-unknown-sender", no_argument, NULL, 'u' }, { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c, accept = 0, rc;
    struct store *s;
    struct err e;

    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'u') accept = 1;
        else if (c == 'h') { cli_print_usage(stdout, import_usage); return EXIT_OK; }
        else return cli_usage_error("import", "unknown option '%s'", argv[optind - 1]);
    }
    if (argc - optind != 1)
        return cli_usage_error("import", "import needs one BUNDLE");
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    err_clear(&e);
    rc = run_import(s, argv[optind], accept, &e);
    store_close(s);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}
